-- Stories, their article versions with a full-text index, global actors,
-- and the facts found in each story. Every fact row carries the article it was
-- found in and character offsets into that article's `text`.

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    -- Deferred: a new story row is written before the articles it points to.
    canonical_article_id TEXT NOT NULL
        REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED,
    title TEXT,
    published TEXT,
    publisher TEXT
);

CREATE TABLE articles (
    -- An integer key that VACUUM keeps stable, so the FTS index can point at it.
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    story_id TEXT NOT NULL REFERENCES stories (id),
    position INTEGER NOT NULL CHECK (position >= 0),
    source_ref TEXT NOT NULL,
    title TEXT,
    published TEXT,
    publisher TEXT,
    url TEXT,
    standfirst TEXT,
    paragraphs TEXT NOT NULL CHECK (json_valid(paragraphs)),
    captions TEXT NOT NULL CHECK (json_valid(captions)),
    sections TEXT NOT NULL CHECK (json_valid(sections)),
    word_count INTEGER NOT NULL CHECK (word_count >= 0),
    text TEXT NOT NULL,
    body TEXT NOT NULL,
    signature BLOB
);
CREATE INDEX articles_by_story ON articles (story_id, position);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title,
    body,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

-- Actors are global: one row per key across all stories. `folded_*` columns hold
-- Python's casefold() of a name so that look-ups are case-insensitive beyond ASCII.
CREATE TABLE actors (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    folded_name TEXT NOT NULL,
    type TEXT NOT NULL,
    code TEXT,
    country TEXT,
    sector TEXT
);
CREATE INDEX actors_by_folded_name ON actors (folded_name);

CREATE TABLE actor_aliases (
    actor_key TEXT NOT NULL REFERENCES actors (key),
    alias TEXT NOT NULL,
    folded_alias TEXT NOT NULL,
    PRIMARY KEY (actor_key, alias)
);
CREATE INDEX actor_aliases_by_folded_alias ON actor_aliases (folded_alias);

CREATE TABLE actor_roles (
    actor_key TEXT NOT NULL REFERENCES actors (key),
    role TEXT NOT NULL,
    PRIMARY KEY (actor_key, role)
);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    actor_key TEXT NOT NULL REFERENCES actors (key),
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    CHECK (0 <= span_start AND span_start <= span_end)
);
CREATE INDEX mentions_by_story ON mentions (story_id);
CREATE INDEX mentions_by_actor ON mentions (actor_key);

CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker_key TEXT REFERENCES actors (key),
    speaker_text TEXT,
    cue TEXT,
    addressee_key TEXT REFERENCES actors (key),
    via TEXT,
    partial INTEGER NOT NULL CHECK (partial IN (0, 1)),
    sentence_start INTEGER,
    sentence_end INTEGER,
    CHECK (0 <= span_start AND span_start <= span_end),
    CHECK ((sentence_start IS NULL) = (sentence_end IS NULL)),
    CHECK (sentence_start IS NULL OR (0 <= sentence_start AND sentence_start <= sentence_end))
);
CREATE INDEX quotes_by_story ON quotes (story_id);
CREATE INDEX quotes_by_speaker ON quotes (speaker_key);

CREATE TABLE events (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    verb TEXT NOT NULL,
    source_text TEXT NOT NULL,
    source_actor_key TEXT REFERENCES actors (key),
    source_code TEXT,
    source_sector TEXT,
    -- target_text is NULL exactly when the event has no target.
    target_text TEXT,
    target_actor_key TEXT REFERENCES actors (key),
    target_code TEXT,
    target_sector TEXT,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    plover TEXT,
    goldstein REAL CHECK (goldstein BETWEEN -10 AND 10),
    quad_class INTEGER CHECK (quad_class BETWEEN 1 AND 4),
    event_date TEXT,
    location TEXT,
    negated INTEGER NOT NULL CHECK (negated IN (0, 1)),
    CHECK (0 <= span_start AND span_start <= span_end),
    CHECK (0 <= sentence_start AND sentence_start <= sentence_end)
);
CREATE INDEX events_by_story ON events (story_id);
CREATE INDEX events_by_source ON events (source_actor_key);
CREATE INDEX events_by_target ON events (target_actor_key);
CREATE INDEX events_by_cameo_root ON events (cameo_root);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    subject TEXT NOT NULL,
    value TEXT NOT NULL,
    number REAL,
    unit TEXT,
    time TEXT,
    CHECK (0 <= span_start AND span_start <= span_end),
    CHECK (0 <= sentence_start AND sentence_start <= sentence_end)
);
CREATE INDEX claims_by_story ON claims (story_id);
