"""The workbench's web pages: Jinja templates (autoescaped), page routes, static sources.

Browser libraries (Cytoscape.js, Chart.js, Swagger UI) are copied from npm packages
into ``static/vendor`` at build time (``npm run build``); they are never committed.
"""
