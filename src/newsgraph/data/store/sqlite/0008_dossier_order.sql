-- A dossier lists an actor's latest quotes and the partners it deals with most.
-- Latest means by the story's publication date, which lives on stories: sorting a busy
-- speaker's thousands of quotes by it, or walking stories newest first until 25 of
-- theirs turn up, took up to 2 ms a page. Each quote now carries its story's date,
-- kept by trigger, so one index walk gives the latest; partners likewise come from an
-- index by event count.

ALTER TABLE quotes ADD COLUMN story_published TEXT;

UPDATE quotes SET story_published = (SELECT published FROM stories WHERE stories.id = quotes.story_id);

CREATE INDEX quotes_by_speaker_date
    ON quotes (speaker_key, story_published DESC, story_id DESC, id);

-- A story is written before its quotes (one transaction per story).
CREATE TRIGGER quotes_story_published_insert AFTER INSERT ON quotes BEGIN
    UPDATE quotes SET story_published = (SELECT published FROM stories WHERE id = NEW.story_id)
    WHERE id = NEW.id;
END;

-- A new version can date a story that had none, or correct its date.
CREATE TRIGGER quotes_story_published_update AFTER UPDATE OF published ON stories
WHEN NEW.published IS NOT OLD.published
BEGIN
    UPDATE quotes SET story_published = NEW.published WHERE story_id = NEW.id;
END;

CREATE INDEX actor_pairs_by_events ON actor_pairs (actor_key, events DESC, other_key);
