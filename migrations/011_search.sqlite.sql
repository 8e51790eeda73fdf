-- The owner's queue search, served by a trigram index instead of a scan of every comment: a
-- search for three or more characters finds comments by name, text and e-mail address through
-- `comment_search`. It indexes the comments table without copying it (external content).
-- Pages are few and are still scanned.
--
-- A new comment is not indexed as it is posted, which would cost each post a tenth of its
-- speed: the next search first indexes every comment past `indexed_upto` in one batch. Triggers
-- keep what is already indexed current when it is edited, redacted, erased or deleted.
CREATE VIRTUAL TABLE comment_search USING fts5(
    author, body, email, content='comments', content_rowid='id', tokenize='trigram'
);

CREATE TABLE comment_search_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_upto INTEGER NOT NULL
);

INSERT INTO comment_search_state (id, indexed_upto) SELECT 1, COALESCE(MAX(id), 0) FROM comments;

INSERT INTO comment_search (comment_search) VALUES ('rebuild');

-- SQLite hands out the id of a deleted newest comment again: such a comment is indexed at once.
CREATE TRIGGER comment_search_insert AFTER INSERT ON comments
WHEN new.id <= (SELECT indexed_upto FROM comment_search_state) BEGIN
    INSERT INTO comment_search (rowid, author, body, email)
    VALUES (new.id, new.author, new.body, new.email);
END;

CREATE TRIGGER comment_search_delete AFTER DELETE ON comments
WHEN old.id <= (SELECT indexed_upto FROM comment_search_state) BEGIN
    INSERT INTO comment_search (comment_search, rowid, author, body, email)
    VALUES ('delete', old.id, old.author, old.body, old.email);
END;

CREATE TRIGGER comment_search_update AFTER UPDATE OF author, body, email ON comments
WHEN old.id <= (SELECT indexed_upto FROM comment_search_state) BEGIN
    INSERT INTO comment_search (comment_search, rowid, author, body, email)
    VALUES ('delete', old.id, old.author, old.body, old.email);
    INSERT INTO comment_search (rowid, author, body, email)
    VALUES (new.id, new.author, new.body, new.email);
END;
