-- The byline a page names (JSON-LD, meta author), kept with its article version.

ALTER TABLE articles ADD COLUMN author TEXT;
