-- SQLite's migration 0018: an actor looked up by its key in any case
-- (`key = … COLLATE nocase`) along an index in that collation, not by reading every actor.
CREATE INDEX actors_by_key_nocase ON actors (key COLLATE nocase);
