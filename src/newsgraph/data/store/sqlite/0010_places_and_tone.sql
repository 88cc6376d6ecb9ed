-- Where an event happened, as the gazetteer (geo.py) placed the place its sentence names
-- (all NULL when it names none or the gazetteer does not know it), and each article
-- version's GDELT-style tone (tone.py). Rows stored before this migration keep NULLs
-- until their stories are ingested again.

ALTER TABLE events ADD COLUMN place_name TEXT;
ALTER TABLE events ADD COLUMN latitude REAL CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE events ADD COLUMN longitude REAL CHECK (longitude BETWEEN -180 AND 180);
ALTER TABLE events ADD COLUMN place_type TEXT CHECK (place_type IN ('country', 'city'));
ALTER TABLE events ADD COLUMN place_country TEXT;
ALTER TABLE articles ADD COLUMN tone REAL;

-- The map reads located events only, newest filters first by date.
CREATE INDEX events_located ON events (event_date) WHERE latitude IS NOT NULL;
