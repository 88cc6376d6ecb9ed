-- Indexes for the workbench's reads (newsgraph serve): the newest stories first,
-- an actor's latest events as source or target, events by day for the timeline,
-- and one story's mentions of one actor (a story page's per-story counts).

CREATE INDEX stories_by_published ON stories (published, id);
CREATE INDEX events_by_source_date ON events (source_actor_key, event_date);
CREATE INDEX events_by_target_date ON events (target_actor_key, event_date);
CREATE INDEX events_by_date ON events (event_date);
CREATE INDEX mentions_by_story_actor ON mentions (story_id, actor_key);
