-- The language of each article version (ISO 639-1, py3langid), and a second
-- full-text index for the scripts written without spaces (Chinese, Japanese,
-- Thai, ...), whose text the word index sees as one long word per sentence.
-- The trigram tokenizer indexes every three characters, so any word of three or
-- more characters is found; it holds only the articles in those languages, so the
-- English index, its ranking and its size stay as they were.

ALTER TABLE articles ADD COLUMN language TEXT;

CREATE VIRTUAL TABLE articles_trigram USING fts5 (
    title,
    body,
    content = 'articles',
    content_rowid = 'seq',
    tokenize = 'trigram'
);

CREATE TRIGGER articles_trigram_insert AFTER INSERT ON articles
WHEN new.language IN ('zh', 'ja', 'th', 'lo', 'km', 'my', 'bo') BEGIN
    INSERT INTO articles_trigram (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TRIGGER articles_trigram_delete AFTER DELETE ON articles
WHEN old.language IN ('zh', 'ja', 'th', 'lo', 'km', 'my', 'bo') BEGIN
    INSERT INTO articles_trigram (articles_trigram, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
END;
