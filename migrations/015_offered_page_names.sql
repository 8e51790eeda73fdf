-- The title and address a comment's form gave for its page. They name the page only once the
-- comment is published (or when the owner posted it): a honeypot, spam or waiting post must not
-- name a page that others' published words are shown under.
ALTER TABLE comments ADD COLUMN offered_title TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN offered_url TEXT NOT NULL DEFAULT '';
-- Authors whose trust the owner took back (a comment of theirs marked spam or rejected). A row
-- outlives the comment, so deleting the judged comment does not give trust back.
CREATE TABLE untrusted_authors (
    author_key TEXT PRIMARY KEY,
    revoked_at TEXT NOT NULL
);
