-- An actor is looked up by its key in any case (queries.MATCHING_ACTOR_KEYS:
-- `key = ? COLLATE NOCASE`), which the primary key's binary order cannot answer: every
-- dossier, event filter and quote listing by actor read the whole actors table.
CREATE INDEX actors_by_key_nocase ON actors (key COLLATE NOCASE);
