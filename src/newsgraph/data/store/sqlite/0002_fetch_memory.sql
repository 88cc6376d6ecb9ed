-- Web input remembered across runs: the validators of every page fetched (for
-- conditional GET) and the feed items already ingested (for `watch`).

CREATE TABLE fetches (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT NOT NULL
);

CREATE TABLE feed_items (
    feed_url TEXT NOT NULL,
    item_key TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
);
