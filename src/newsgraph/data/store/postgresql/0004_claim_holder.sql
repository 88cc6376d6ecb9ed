-- SQLite's migration 0019: whose figure each claim is, as the text names it
-- (claims/holders.py). Claims stored before this migration have none (NULL) until their
-- stories are ingested again.

ALTER TABLE claims ADD COLUMN holder TEXT COLLATE "C";
