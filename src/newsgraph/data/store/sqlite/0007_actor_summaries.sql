-- Per-actor sums for the workbench's dossier, so that a busy actor's page reads a few
-- rows instead of every one of its events and mentions (65,000 on a 100,000-article
-- store). Triggers on the summed rows keep them exact on every write; the statements
-- at the end fill them from the rows already stored.
--
-- actor_totals: mentions, quotes spoken, events as source and as target (negated too).
-- actor_days: non-negated dated events per actor and day, by side (the dossier's timeline).
-- actor_pairs: non-negated events between two different actors, seen from actor_key
--   (each event is counted from both sides; as_source says how many actor_key did).

CREATE TABLE actor_totals (
    actor_key TEXT PRIMARY KEY,
    mentions INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    events_as_source INTEGER NOT NULL DEFAULT 0,
    events_as_target INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE actor_days (
    actor_key TEXT NOT NULL,
    event_date TEXT NOT NULL,
    as_source INTEGER NOT NULL,
    as_target INTEGER NOT NULL,
    PRIMARY KEY (actor_key, event_date)
) WITHOUT ROWID;

CREATE TABLE actor_pairs (
    actor_key TEXT NOT NULL,
    other_key TEXT NOT NULL,
    events INTEGER NOT NULL,
    as_source INTEGER NOT NULL,
    cooperation INTEGER NOT NULL,
    conflict INTEGER NOT NULL,
    goldstein_sum REAL NOT NULL,
    goldstein_count INTEGER NOT NULL,
    PRIMARY KEY (actor_key, other_key)
) WITHOUT ROWID;

CREATE TRIGGER actor_totals_mention_insert AFTER INSERT ON mentions BEGIN
    INSERT INTO actor_totals (actor_key, mentions) VALUES (NEW.actor_key, 1)
    ON CONFLICT (actor_key) DO UPDATE SET mentions = mentions + 1;
END;

CREATE TRIGGER actor_totals_mention_delete AFTER DELETE ON mentions BEGIN
    UPDATE actor_totals SET mentions = mentions - 1 WHERE actor_key = OLD.actor_key;
END;

CREATE TRIGGER actor_totals_mention_update AFTER UPDATE OF actor_key ON mentions BEGIN
    UPDATE actor_totals SET mentions = mentions - 1 WHERE actor_key = OLD.actor_key;
    INSERT INTO actor_totals (actor_key, mentions) VALUES (NEW.actor_key, 1)
    ON CONFLICT (actor_key) DO UPDATE SET mentions = mentions + 1;
END;

CREATE TRIGGER actor_totals_quote_insert AFTER INSERT ON quotes WHEN NEW.speaker_key IS NOT NULL
BEGIN
    INSERT INTO actor_totals (actor_key, quotes) VALUES (NEW.speaker_key, 1)
    ON CONFLICT (actor_key) DO UPDATE SET quotes = quotes + 1;
END;

CREATE TRIGGER actor_totals_quote_delete AFTER DELETE ON quotes WHEN OLD.speaker_key IS NOT NULL
BEGIN
    UPDATE actor_totals SET quotes = quotes - 1 WHERE actor_key = OLD.speaker_key;
END;

CREATE TRIGGER actor_totals_quote_update AFTER UPDATE OF speaker_key ON quotes BEGIN
    UPDATE actor_totals SET quotes = quotes - 1 WHERE actor_key = OLD.speaker_key;
    INSERT INTO actor_totals (actor_key, quotes) SELECT NEW.speaker_key, 1
    WHERE NEW.speaker_key IS NOT NULL
    ON CONFLICT (actor_key) DO UPDATE SET quotes = quotes + 1;
END;

CREATE TRIGGER actor_summaries_event_insert AFTER INSERT ON events BEGIN
    INSERT INTO actor_totals (actor_key, events_as_source)
    SELECT NEW.source_actor_key, 1 WHERE NEW.source_actor_key IS NOT NULL
    ON CONFLICT (actor_key) DO UPDATE SET events_as_source = events_as_source + 1;
    INSERT INTO actor_totals (actor_key, events_as_target)
    SELECT NEW.target_actor_key, 1 WHERE NEW.target_actor_key IS NOT NULL
    ON CONFLICT (actor_key) DO UPDATE SET events_as_target = events_as_target + 1;
    INSERT INTO actor_days (actor_key, event_date, as_source, as_target)
    SELECT NEW.source_actor_key, NEW.event_date, 1, 0
    WHERE NEW.source_actor_key IS NOT NULL AND NEW.event_date IS NOT NULL AND NEW.negated = 0
    ON CONFLICT (actor_key, event_date) DO UPDATE SET as_source = as_source + 1;
    INSERT INTO actor_days (actor_key, event_date, as_source, as_target)
    SELECT NEW.target_actor_key, NEW.event_date, 0, 1
    WHERE NEW.target_actor_key IS NOT NULL AND NEW.event_date IS NOT NULL AND NEW.negated = 0
    ON CONFLICT (actor_key, event_date) DO UPDATE SET as_target = as_target + 1;
    INSERT INTO actor_pairs
    SELECT side.actor_key, side.other_key, 1, side.as_source, coalesce(NEW.quad_class IN (1, 2), 0),
           coalesce(NEW.quad_class IN (3, 4), 0), coalesce(NEW.goldstein, 0), NEW.goldstein IS NOT NULL
    FROM (
        SELECT NEW.source_actor_key AS actor_key, NEW.target_actor_key AS other_key,
               1 AS as_source
        UNION ALL
        SELECT NEW.target_actor_key, NEW.source_actor_key, 0
    ) AS side
    WHERE NEW.negated = 0 AND NEW.source_actor_key != NEW.target_actor_key
    ON CONFLICT (actor_key, other_key) DO UPDATE SET
        events = events + 1,
        as_source = as_source + excluded.as_source,
        cooperation = cooperation + excluded.cooperation,
        conflict = conflict + excluded.conflict,
        goldstein_sum = goldstein_sum + excluded.goldstein_sum,
        goldstein_count = goldstein_count + excluded.goldstein_count;
END;

CREATE TRIGGER actor_summaries_event_delete AFTER DELETE ON events BEGIN
    UPDATE actor_totals SET events_as_source = events_as_source - 1
    WHERE actor_key = OLD.source_actor_key;
    UPDATE actor_totals SET events_as_target = events_as_target - 1
    WHERE actor_key = OLD.target_actor_key;
    UPDATE actor_days SET as_source = as_source - 1
    WHERE actor_key = OLD.source_actor_key AND event_date = OLD.event_date AND OLD.negated = 0;
    UPDATE actor_days SET as_target = as_target - 1
    WHERE actor_key = OLD.target_actor_key AND event_date = OLD.event_date AND OLD.negated = 0;
    DELETE FROM actor_days
    WHERE actor_key IN (OLD.source_actor_key, OLD.target_actor_key)
      AND event_date = OLD.event_date AND as_source = 0 AND as_target = 0;
    UPDATE actor_pairs SET
        events = events - 1,
        as_source = as_source - (actor_key = OLD.source_actor_key),
        cooperation = cooperation - coalesce(OLD.quad_class IN (1, 2), 0),
        conflict = conflict - coalesce(OLD.quad_class IN (3, 4), 0),
        goldstein_sum = goldstein_sum - coalesce(OLD.goldstein, 0),
        goldstein_count = goldstein_count - (OLD.goldstein IS NOT NULL)
    WHERE OLD.negated = 0 AND OLD.source_actor_key != OLD.target_actor_key
      AND ((actor_key = OLD.source_actor_key AND other_key = OLD.target_actor_key)
        OR (actor_key = OLD.target_actor_key AND other_key = OLD.source_actor_key));
    DELETE FROM actor_pairs
    WHERE actor_key IN (OLD.source_actor_key, OLD.target_actor_key)
      AND other_key IN (OLD.source_actor_key, OLD.target_actor_key) AND events = 0;
END;

CREATE TRIGGER actor_summaries_event_update
AFTER UPDATE OF source_actor_key, target_actor_key, event_date, negated, quad_class, goldstein
ON events BEGIN
    UPDATE actor_totals SET events_as_source = events_as_source - 1
    WHERE actor_key = OLD.source_actor_key;
    UPDATE actor_totals SET events_as_target = events_as_target - 1
    WHERE actor_key = OLD.target_actor_key;
    UPDATE actor_days SET as_source = as_source - 1
    WHERE actor_key = OLD.source_actor_key AND event_date = OLD.event_date AND OLD.negated = 0;
    UPDATE actor_days SET as_target = as_target - 1
    WHERE actor_key = OLD.target_actor_key AND event_date = OLD.event_date AND OLD.negated = 0;
    DELETE FROM actor_days
    WHERE actor_key IN (OLD.source_actor_key, OLD.target_actor_key)
      AND event_date = OLD.event_date AND as_source = 0 AND as_target = 0;
    UPDATE actor_pairs SET
        events = events - 1,
        as_source = as_source - (actor_key = OLD.source_actor_key),
        cooperation = cooperation - coalesce(OLD.quad_class IN (1, 2), 0),
        conflict = conflict - coalesce(OLD.quad_class IN (3, 4), 0),
        goldstein_sum = goldstein_sum - coalesce(OLD.goldstein, 0),
        goldstein_count = goldstein_count - (OLD.goldstein IS NOT NULL)
    WHERE OLD.negated = 0 AND OLD.source_actor_key != OLD.target_actor_key
      AND ((actor_key = OLD.source_actor_key AND other_key = OLD.target_actor_key)
        OR (actor_key = OLD.target_actor_key AND other_key = OLD.source_actor_key));
    DELETE FROM actor_pairs
    WHERE actor_key IN (OLD.source_actor_key, OLD.target_actor_key)
      AND other_key IN (OLD.source_actor_key, OLD.target_actor_key) AND events = 0;
    INSERT INTO actor_totals (actor_key, events_as_source)
    SELECT NEW.source_actor_key, 1 WHERE NEW.source_actor_key IS NOT NULL
    ON CONFLICT (actor_key) DO UPDATE SET events_as_source = events_as_source + 1;
    INSERT INTO actor_totals (actor_key, events_as_target)
    SELECT NEW.target_actor_key, 1 WHERE NEW.target_actor_key IS NOT NULL
    ON CONFLICT (actor_key) DO UPDATE SET events_as_target = events_as_target + 1;
    INSERT INTO actor_days (actor_key, event_date, as_source, as_target)
    SELECT NEW.source_actor_key, NEW.event_date, 1, 0
    WHERE NEW.source_actor_key IS NOT NULL AND NEW.event_date IS NOT NULL AND NEW.negated = 0
    ON CONFLICT (actor_key, event_date) DO UPDATE SET as_source = as_source + 1;
    INSERT INTO actor_days (actor_key, event_date, as_source, as_target)
    SELECT NEW.target_actor_key, NEW.event_date, 0, 1
    WHERE NEW.target_actor_key IS NOT NULL AND NEW.event_date IS NOT NULL AND NEW.negated = 0
    ON CONFLICT (actor_key, event_date) DO UPDATE SET as_target = as_target + 1;
    INSERT INTO actor_pairs
    SELECT side.actor_key, side.other_key, 1, side.as_source, coalesce(NEW.quad_class IN (1, 2), 0),
           coalesce(NEW.quad_class IN (3, 4), 0), coalesce(NEW.goldstein, 0), NEW.goldstein IS NOT NULL
    FROM (
        SELECT NEW.source_actor_key AS actor_key, NEW.target_actor_key AS other_key,
               1 AS as_source
        UNION ALL
        SELECT NEW.target_actor_key, NEW.source_actor_key, 0
    ) AS side
    WHERE NEW.negated = 0 AND NEW.source_actor_key != NEW.target_actor_key
    ON CONFLICT (actor_key, other_key) DO UPDATE SET
        events = events + 1,
        as_source = as_source + excluded.as_source,
        cooperation = cooperation + excluded.cooperation,
        conflict = conflict + excluded.conflict,
        goldstein_sum = goldstein_sum + excluded.goldstein_sum,
        goldstein_count = goldstein_count + excluded.goldstein_count;
END;

INSERT INTO actor_totals (actor_key, mentions)
SELECT actor_key, count(*) FROM mentions GROUP BY actor_key;

INSERT INTO actor_totals (actor_key, quotes)
SELECT speaker_key, count(*) FROM quotes WHERE speaker_key IS NOT NULL GROUP BY speaker_key
ON CONFLICT (actor_key) DO UPDATE SET quotes = excluded.quotes;

INSERT INTO actor_totals (actor_key, events_as_source)
SELECT source_actor_key, count(*) FROM events WHERE source_actor_key IS NOT NULL
GROUP BY source_actor_key
ON CONFLICT (actor_key) DO UPDATE SET events_as_source = excluded.events_as_source;

INSERT INTO actor_totals (actor_key, events_as_target)
SELECT target_actor_key, count(*) FROM events WHERE target_actor_key IS NOT NULL
GROUP BY target_actor_key
ON CONFLICT (actor_key) DO UPDATE SET events_as_target = excluded.events_as_target;

INSERT INTO actor_days (actor_key, event_date, as_source, as_target)
SELECT actor_key, event_date, sum(as_source), sum(as_target)
FROM (
    SELECT source_actor_key AS actor_key, event_date, 1 AS as_source, 0 AS as_target
    FROM events WHERE source_actor_key IS NOT NULL
      AND event_date IS NOT NULL AND negated = 0
    UNION ALL
    SELECT target_actor_key, event_date, 0, 1 FROM events
    WHERE target_actor_key IS NOT NULL AND event_date IS NOT NULL AND negated = 0
)
GROUP BY actor_key, event_date;

INSERT INTO actor_pairs
SELECT actor_key, other_key, count(*), sum(as_source),
       sum(coalesce(quad_class IN (1, 2), 0)), sum(coalesce(quad_class IN (3, 4), 0)),
       total(goldstein), count(goldstein)
FROM (
    SELECT source_actor_key AS actor_key, target_actor_key AS other_key, 1 AS as_source,
           quad_class, goldstein
    FROM events WHERE negated = 0
    UNION ALL
    SELECT target_actor_key, source_actor_key, 0, quad_class, goldstein FROM events
    WHERE negated = 0
)
WHERE actor_key IS NOT NULL AND other_key IS NOT NULL AND actor_key != other_key
GROUP BY actor_key, other_key;
