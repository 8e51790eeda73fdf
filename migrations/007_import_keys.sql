-- Where an imported comment came from ("wordpress:https://old.example#42"), so importing the
-- same file again adds nothing. Comments written in Chorus itself have none (NULL, not unique).
ALTER TABLE comments ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX comments_import_key ON comments (import_key);
