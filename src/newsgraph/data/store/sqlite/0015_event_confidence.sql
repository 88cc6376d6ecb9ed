-- How far each event can be trusted (events/confidence.py) and how the coder found it
-- ("verb coded named"), so that listings, the workbench and exports can show the
-- confident events by default. Events stored before this migration keep confidence 1.0
-- and no basis until their stories are ingested again.

ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0
    CHECK (confidence BETWEEN 0 AND 1);
ALTER TABLE events ADD COLUMN basis TEXT;
