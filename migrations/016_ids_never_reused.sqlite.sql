-- Ids are never handed out twice (SQLite). Without AUTOINCREMENT, SQLite gives a new row the id
-- of a deleted newest row, so a log row, an undo key, a mailed link or a subscription made for a
-- deleted comment would follow the id to someone else's. PostgreSQL's identities never go back.
-- SQLite cannot add AUTOINCREMENT to a table, so each table whose rows are deleted is built
-- again the SQLite way: a new table with the same columns, the rows copied with their ids, the
-- old table dropped, the new one renamed, and every index and trigger made again as it was.
-- The counter starts past every id still named anywhere (the log, the outbox, undo rows,
-- subscriptions, the search index), so even an id deleted before this migration is not reused.
-- Threads are never deleted, but are built the same way so that no id table is left out.
-- A migration numbered below this one that adds a column to one of these tables must add it here
-- too: tests/store/test_ids_never_reused.py compares the schema before and after.

CREATE TABLE threads_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    page_key TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
INSERT INTO threads_new (id, page_key, title, url, created_at)
SELECT id, page_key, title, url, created_at FROM threads;
DROP TABLE threads;
ALTER TABLE threads_new RENAME TO threads;
CREATE UNIQUE INDEX threads_page_key ON threads (page_key);

CREATE TABLE comments_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id INTEGER NOT NULL REFERENCES threads (id),
    parent_id INTEGER REFERENCES comments (id),
    author TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    body_hash TEXT NOT NULL,
    html TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
    previous_status TEXT,
    owner INTEGER NOT NULL DEFAULT 0 CHECK (owner IN (0, 1)),
    consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
    consent_at TEXT,
    consent_version TEXT,
    testimonial INTEGER NOT NULL DEFAULT 0 CHECK (testimonial IN (0, 1)),
    excerpt TEXT NOT NULL DEFAULT '',
    promoted_at TEXT,
    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
    lang TEXT NOT NULL DEFAULT '',
    client_hash TEXT NOT NULL DEFAULT '',
    author_key TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    moderated_at TEXT,
    hints TEXT,
    import_key TEXT,
    consent_withdrawn_at TEXT,
    previous_body TEXT,
    edited_at TEXT,
    email_key TEXT GENERATED ALWAYS AS (lower(email)) VIRTUAL,
    offered_title TEXT NOT NULL DEFAULT '',
    offered_url TEXT NOT NULL DEFAULT ''
);
INSERT INTO comments_new (
    id, thread_id, parent_id, author, email, website, body, body_hash, html, status,
    previous_status, owner, consent, consent_at, consent_version, testimonial, excerpt,
    promoted_at, rating, lang, client_hash, author_key, created_at, updated_at, moderated_at,
    hints, import_key, consent_withdrawn_at, previous_body, edited_at, offered_title, offered_url
)
SELECT
    id, thread_id, parent_id, author, email, website, body, body_hash, html, status,
    previous_status, owner, consent, consent_at, consent_version, testimonial, excerpt,
    promoted_at, rating, lang, client_hash, author_key, created_at, updated_at, moderated_at,
    hints, import_key, consent_withdrawn_at, previous_body, edited_at, offered_title, offered_url
FROM comments;
DROP TABLE comments;
ALTER TABLE comments_new RENAME TO comments;
CREATE INDEX comments_thread_status ON comments (thread_id, status, id);
CREATE INDEX comments_status_id ON comments (status, id);
CREATE INDEX comments_testimonials ON comments (testimonial, status, id);
CREATE INDEX comments_author_key ON comments (author_key, status);
CREATE INDEX comments_parent ON comments (parent_id);
CREATE UNIQUE INDEX comments_thread_body ON comments (thread_id, body_hash);
CREATE UNIQUE INDEX comments_import_key ON comments (import_key);
CREATE INDEX comments_email_key ON comments (email_key);

CREATE TRIGGER comments_count_insert AFTER INSERT ON comments
BEGIN
    INSERT INTO comment_counts (thread_id, status, n, testimonials)
    VALUES (NEW.thread_id, NEW.status, 1,
            (NEW.status = 'approved' AND NEW.consent = 1 AND NEW.testimonial = 1))
    ON CONFLICT (thread_id, status) DO UPDATE SET
        n = n + 1, testimonials = testimonials + excluded.testimonials;
END;

CREATE TRIGGER comments_count_delete AFTER DELETE ON comments
BEGIN
    UPDATE comment_counts SET n = n - 1,
        testimonials = testimonials
            - (OLD.status = 'approved' AND OLD.consent = 1 AND OLD.testimonial = 1)
    WHERE thread_id = OLD.thread_id AND status = OLD.status;
END;

CREATE TRIGGER comments_count_update
AFTER UPDATE OF status, consent, testimonial, thread_id ON comments
BEGIN
    UPDATE comment_counts SET n = n - 1,
        testimonials = testimonials
            - (OLD.status = 'approved' AND OLD.consent = 1 AND OLD.testimonial = 1)
    WHERE thread_id = OLD.thread_id AND status = OLD.status;
    INSERT INTO comment_counts (thread_id, status, n, testimonials)
    VALUES (NEW.thread_id, NEW.status, 1,
            (NEW.status = 'approved' AND NEW.consent = 1 AND NEW.testimonial = 1))
    ON CONFLICT (thread_id, status) DO UPDATE SET
        n = n + 1, testimonials = testimonials + excluded.testimonials;
END;

-- As migration 011 made it; with ids never reused it no longer fires for a new comment.
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

CREATE TABLE moderation_log_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    detail TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
INSERT INTO moderation_log_new (id, comment_id, action, actor, from_status, to_status, detail,
    created_at)
SELECT id, comment_id, action, actor, from_status, to_status, detail, created_at
FROM moderation_log;
DROP TABLE moderation_log;
ALTER TABLE moderation_log_new RENAME TO moderation_log;
CREATE INDEX moderation_log_comment ON moderation_log (comment_id, id);

CREATE TABLE owner_rules_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('word', 'phrase', 'domain')),
    value TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('spam', 'queue')),
    created_at TEXT NOT NULL
);
INSERT INTO owner_rules_new (id, kind, value, action, created_at)
SELECT id, kind, value, action, created_at FROM owner_rules;
DROP TABLE owner_rules;
ALTER TABLE owner_rules_new RENAME TO owner_rules;
CREATE UNIQUE INDEX owner_rules_kind_value ON owner_rules (kind, value);

CREATE TABLE outbox_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'owner',
    recipient TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL DEFAULT '',
    recipient_key TEXT GENERATED ALWAYS AS (lower(recipient)) VIRTUAL
);
INSERT INTO outbox_new (id, comment_id, status, attempts, due_at, created_at, kind, recipient,
    lang)
SELECT id, comment_id, status, attempts, due_at, created_at, kind, recipient, lang FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (due_at, id);
CREATE INDEX outbox_recipient_key ON outbox (recipient_key);

CREATE TABLE undo_changes_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    batch TEXT NOT NULL,
    comment_id INTEGER NOT NULL,
    log_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('status', 'promote', 'demote', 'reply', 'redact')),
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
INSERT INTO undo_changes_new (id, batch, comment_id, log_id, kind, before, after, created_at,
    expires_at)
SELECT id, batch, comment_id, log_id, kind, before, after, created_at, expires_at
FROM undo_changes;
DROP TABLE undo_changes;
ALTER TABLE undo_changes_new RENAME TO undo_changes;
CREATE INDEX undo_changes_batch ON undo_changes (batch);
CREATE INDEX undo_changes_comment ON undo_changes (comment_id);
CREATE INDEX undo_changes_log ON undo_changes (log_id);
CREATE INDEX undo_changes_expires ON undo_changes (expires_at);

-- The counters start past every id still named anywhere, not only past the rows left.
DELETE FROM sqlite_sequence WHERE name IN ('comments', 'moderation_log');
INSERT INTO sqlite_sequence (name, seq) SELECT 'comments', MAX(n) FROM (
    SELECT COALESCE(MAX(id), 0) AS n FROM comments
    UNION ALL SELECT COALESCE(MAX(comment_id), 0) FROM moderation_log
    UNION ALL SELECT COALESCE(MAX(comment_id), 0) FROM outbox
    UNION ALL SELECT COALESCE(MAX(comment_id), 0) FROM undo_changes
    UNION ALL SELECT COALESCE(MAX(comment_id), 0) FROM subscriptions
    UNION ALL SELECT COALESCE(MAX(indexed_upto), 0) FROM comment_search_state
);
INSERT INTO sqlite_sequence (name, seq) SELECT 'moderation_log', MAX(n) FROM (
    SELECT COALESCE(MAX(id), 0) AS n FROM moderation_log
    UNION ALL SELECT COALESCE(MAX(log_id), 0) FROM undo_changes
);
