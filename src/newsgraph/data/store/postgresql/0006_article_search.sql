-- Full-text search reads a narrow table of its own: each article's seq, story and
-- tsvector, with the GIN index, where it read the wide articles table. A common word's
-- window walks every match's heap row (its latest 500 found among thousands); on the
-- articles that was ~4 matches a block beside their text and paragraphs, here ~11,
-- and the tsvector is the third column rather than the twenty-first. The tsvector
-- moves here: the articles keep their text only (one vector and one GIN index to
-- write at ingest, as before). Kept by triggers from the articles' writes.

CREATE TABLE article_search (
    seq BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    story_id TEXT COLLATE "C" NOT NULL,
    search_vector TSVECTOR NOT NULL
);
INSERT INTO article_search (seq, story_id, search_vector)
SELECT seq, story_id, search_vector FROM articles;
CREATE INDEX article_search_words ON article_search USING gin (search_vector);
ALTER TABLE articles DROP COLUMN search_vector;  -- and its index, articles_search
ANALYZE article_search;

-- Title words weigh more than body words in the ranking (as the column of 0001 did).
CREATE FUNCTION article_search_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO article_search AS s (seq, story_id, search_vector)
    VALUES (
        NEW.seq, NEW.story_id,
        setweight(to_tsvector('newsgraph'::regconfig, coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('newsgraph'::regconfig, NEW.body), 'B')
    )
    ON CONFLICT (seq) DO UPDATE
    SET story_id = excluded.story_id, search_vector = excluded.search_vector;
    RETURN NULL;
END $$;
CREATE TRIGGER articles_search_insert AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION article_search_kept();
-- A re-ingest sets the story of every article it meets: rewritten only when it moved
-- (or, were it ever done, when the text changed).
CREATE TRIGGER articles_search_update AFTER UPDATE OF story_id, title, body ON articles
    FOR EACH ROW
    WHEN (OLD.story_id IS DISTINCT FROM NEW.story_id OR OLD.title IS DISTINCT FROM NEW.title
          OR OLD.body IS DISTINCT FROM NEW.body)
    EXECUTE FUNCTION article_search_kept();
