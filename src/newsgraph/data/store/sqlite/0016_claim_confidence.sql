-- How far each claim is a figure an analyst can use (claims/confidence.py), so that
-- listings, the workbench and exports can show the confident claims by default. Claims
-- stored before this migration keep confidence 1.0 until their stories are ingested again.

ALTER TABLE claims ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0
    CHECK (confidence BETWEEN 0 AND 1);
