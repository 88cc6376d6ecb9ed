-- How far each event can be trusted (events/confidence.py) and how the coder found it
-- ("verb coded named"), so that listings, the workbench and exports can show the
-- confident events by default. Events stored before this migration keep confidence 1.0
-- and no basis until their stories are ingested again.

ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0
    CHECK (confidence BETWEEN 0 AND 1);
ALTER TABLE events ADD COLUMN basis TEXT;

-- The actor indexes of migration 0005 cover what the network, the dossier and the event
-- page read; they now end with the confidence, which those reads filter on by default,
-- so that they still read the index alone.
DROP INDEX events_by_source_date;
DROP INDEX events_by_target_date;
DROP INDEX events_by_source_target;
DROP INDEX events_by_target_source;
CREATE INDEX events_by_source_date ON events
    (source_actor_key, event_date, target_actor_key, quad_class, goldstein, negated, confidence);
CREATE INDEX events_by_target_date ON events
    (target_actor_key, event_date, source_actor_key, quad_class, goldstein, negated, confidence);
CREATE INDEX events_by_source_target ON events
    (source_actor_key, target_actor_key, quad_class, goldstein, negated, confidence);
CREATE INDEX events_by_target_source ON events
    (target_actor_key, source_actor_key, quad_class, goldstein, negated, confidence);
