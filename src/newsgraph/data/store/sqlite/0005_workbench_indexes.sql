-- Indexes for the workbench's reads (newsgraph serve): the newest stories first,
-- events by day for the timeline, and an actor's events as source or as target.
-- The four actor indexes cover every column a dossier aggregates (its timeline and
-- the actors it interacts with), so a busy actor's dossier reads only the index.

CREATE INDEX stories_by_published ON stories (published, id);
CREATE INDEX events_by_source_date
    ON events (source_actor_key, event_date, target_actor_key, quad_class, goldstein, negated);
CREATE INDEX events_by_target_date
    ON events (target_actor_key, event_date, source_actor_key, quad_class, goldstein, negated);
CREATE INDEX events_by_date ON events (event_date);
CREATE INDEX mentions_by_story_actor ON mentions (story_id, actor_key);
CREATE INDEX events_by_source_target
    ON events (source_actor_key, target_actor_key, quad_class, goldstein, negated);
CREATE INDEX events_by_target_source
    ON events (target_actor_key, source_actor_key, quad_class, goldstein, negated);
