-- Level 2 and facts across articles.
-- story_groups: the same-story group of each level-1 story (different articles about
-- one event) and the profile it was placed by, so a later run continues the grouping.
-- fact_mentions: the other versions of a story that repeat a quote's or event's
-- sentence, each with offsets into that version's text.
-- same_key: what makes two quotes or events one fact, so reports of it in several
-- stories of a group count once.

CREATE TABLE story_groups (
    story_id TEXT PRIMARY KEY REFERENCES stories (id),
    group_id TEXT NOT NULL,
    profile TEXT NOT NULL CHECK (json_valid(profile)),
    placed INTEGER NOT NULL
);
CREATE INDEX story_groups_by_group ON story_groups (group_id);
CREATE INDEX story_groups_by_placed ON story_groups (placed);

CREATE TABLE fact_mentions (
    fact_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quote', 'event')),
    story_id TEXT NOT NULL REFERENCES stories (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER,
    sentence_end INTEGER,
    PRIMARY KEY (fact_id, article_id),
    CHECK (0 <= span_start AND span_start <= span_end)
);
CREATE INDEX fact_mentions_by_story ON fact_mentions (story_id);

ALTER TABLE quotes ADD COLUMN same_key TEXT;
ALTER TABLE events ADD COLUMN same_key TEXT;
CREATE INDEX quotes_by_same_key ON quotes (same_key);
CREATE INDEX events_by_same_key ON events (same_key);
