-- Reports (DSA art. 16): a reader says a published comment should not be there, and why.
-- The optional address is the reporter's, for an answer; its key beside it (as in 012) lets the
-- privacy tools find and erase it whatever its capitals. The report stays when the comment goes:
-- it is the owner's record of what she was told and what she decided.
CREATE TABLE reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id INTEGER NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('illegal', 'privacy', 'spam', 'other')),
    message TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    email_key TEXT GENERATED ALWAYS AS (lower(email)) VIRTUAL,
    lang TEXT NOT NULL DEFAULT '',
    client_hash TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'dismissed', 'unpublished', 'deleted')),
    created_at TEXT NOT NULL,
    decided_at TEXT
);
CREATE INDEX reports_open ON reports (status, comment_id);
CREATE INDEX reports_comment ON reports (comment_id);
CREATE INDEX reports_email_key ON reports (email_key);

-- Statements of reasons (DSA art. 17): what the owner decided about a comment and why, kept
-- with the author's address and language so the mail can go out after the comment is deleted.
CREATE TABLE statements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id INTEGER NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('rejected', 'unpublished', 'deleted')),
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    email_key TEXT GENERATED ALWAYS AS (lower(email)) VIRTUAL,
    lang TEXT NOT NULL DEFAULT '',
    written_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX statements_email_key ON statements (email_key);
