-- How surely each quote's speaker was found (0 to 1; NULL for quotes stored before
-- confidences were measured), and whether the speaker is one the text only describes
-- ("a spokeswoman for the ministry"), given in speaker_text.

ALTER TABLE quotes ADD COLUMN confidence REAL CHECK (confidence IS NULL OR (0 <= confidence AND confidence <= 1));
ALTER TABLE quotes ADD COLUMN speaker_unnamed INTEGER NOT NULL DEFAULT 0 CHECK (speaker_unnamed IN (0, 1));
