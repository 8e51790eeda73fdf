-- The owner's queue search, served by a trigram index instead of a scan of every comment: a
-- search for three or more characters finds comments by name, text and e-mail address through
-- `comment_search`. It indexes the comments table without copying it (external content), and
-- triggers keep it current. Pages are few and are still scanned.
CREATE VIRTUAL TABLE comment_search USING fts5(
    author, body, email, content='comments', content_rowid='id', tokenize='trigram'
);

INSERT INTO comment_search (comment_search) VALUES ('rebuild');

CREATE TRIGGER comment_search_insert AFTER INSERT ON comments BEGIN
    INSERT INTO comment_search (rowid, author, body, email)
    VALUES (new.id, new.author, new.body, new.email);
END;

CREATE TRIGGER comment_search_delete AFTER DELETE ON comments BEGIN
    INSERT INTO comment_search (comment_search, rowid, author, body, email)
    VALUES ('delete', old.id, old.author, old.body, old.email);
END;

CREATE TRIGGER comment_search_update AFTER UPDATE OF author, body, email ON comments BEGIN
    INSERT INTO comment_search (comment_search, rowid, author, body, email)
    VALUES ('delete', old.id, old.author, old.body, old.email);
    INSERT INTO comment_search (rowid, author, body, email)
    VALUES (new.id, new.author, new.body, new.email);
END;
