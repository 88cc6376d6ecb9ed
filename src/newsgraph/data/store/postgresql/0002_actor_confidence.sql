-- SQLite's migration 0017: each actor mention's confidence (actors/confidence.py) and
-- whether a quote or event of its story refers to the actor (shown whatever its
-- confidence); an actor's confidence is the highest of its mentions'. Mentions stored
-- before keep 1.0. The index by actor holds both, for index-only listings.

ALTER TABLE mentions ADD COLUMN confidence DOUBLE PRECISION NOT NULL DEFAULT 1.0
    CHECK (confidence BETWEEN 0 AND 1);
ALTER TABLE mentions ADD COLUMN referenced INTEGER NOT NULL DEFAULT 0
    CHECK (referenced IN (0, 1));
DROP INDEX mentions_by_actor;
CREATE INDEX mentions_by_actor ON mentions (actor_key, confidence, referenced);
