-- A dossier's days (summaries.py: an actor's rows in date order) read from the primary
-- key's index alone: it carries the counts, so the ~160 rows of a busy actor are one
-- index-only scan in order, where they were a bitmap scan of ~130 scattered heap blocks
-- and a sort. (SQLite's actor_days is WITHOUT ROWID: its primary key holds the rows.)
ALTER TABLE actor_days
    DROP CONSTRAINT actor_days_pkey,
    ADD PRIMARY KEY (actor_key, event_date) INCLUDE (as_source, as_target);
