-- Whose figure each claim is, as the text names it (claims/holders.py): "China" for
-- "China's growth rate". Claims stored before this migration have none (NULL) until
-- their stories are ingested again.

ALTER TABLE claims ADD COLUMN holder TEXT;
