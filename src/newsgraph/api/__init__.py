"""The workbench's server: a read-only REST API under /api and the web pages over one store.

``create_app`` builds the FastAPI application; ``serve`` runs it with uvicorn.
Routes call the store's read API only: no SQL and no stage logic here.
"""

from newsgraph.api.app import create_app
from newsgraph.api.server import serve

__all__ = ["create_app", "serve"]
