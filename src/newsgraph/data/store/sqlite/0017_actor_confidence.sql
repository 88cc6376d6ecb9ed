-- How far each actor mention can be trusted (actors/confidence.py: the confidence of the
-- actor the resolver made in that story), and whether a quote or event of its story refers
-- to the actor (the fact answers for it: shown whatever its confidence). An actor gathers
-- mentions from many stories: its confidence is the highest of its mentions', and it is
-- shown at a threshold when one of its mentions is that confident or referred to.
-- Mentions stored before this migration keep confidence 1.0 until their stories are
-- ingested again. The index by actor holds both, so that listings read no table row.

ALTER TABLE mentions ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0
    CHECK (confidence BETWEEN 0 AND 1);
ALTER TABLE mentions ADD COLUMN referenced INTEGER NOT NULL DEFAULT 0
    CHECK (referenced IN (0, 1));
DROP INDEX mentions_by_actor;
CREATE INDEX mentions_by_actor ON mentions (actor_key, confidence, referenced);
