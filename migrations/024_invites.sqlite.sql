-- Invitations: a personal, single-use link to the story page, for a client after a treatment.
-- The token in the link is signed and names the row's id and `token_key`, so the owner can copy
-- the link again while it is open. The address is kept only while the invitation is open (it
-- is set to NULL once answered, expired or withdrawn); its key beside it (as in 012) lets the
-- privacy tools find and erase it whatever its capitals.
CREATE TABLE invites (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_key TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    email TEXT,
    email_key TEXT GENERATED ALWAYS AS (lower(email)) VIRTUAL,
    lang TEXT NOT NULL DEFAULT 'nl',
    status TEXT NOT NULL DEFAULT 'created'
        CHECK (status IN ('created', 'mailed', 'opened', 'answered', 'expired', 'withdrawn')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    mailed_at TEXT,
    reminded_at TEXT,
    opened_at TEXT,
    answered_at TEXT,
    comment_id INTEGER
);
CREATE INDEX invites_created ON invites (created_at);
CREATE INDEX invites_open ON invites (status, expires_at);
CREATE INDEX invites_email_key ON invites (email_key);

-- How a story reached Chorus: a comment under a post, an invitation's story page, or the
-- practice-wide collection page. An invited story names its invitation and when it was made.
ALTER TABLE comments ADD COLUMN source TEXT NOT NULL DEFAULT 'comment'
    CHECK (source IN ('comment', 'invite', 'collect'));
ALTER TABLE comments ADD COLUMN invite_id INTEGER;
ALTER TABLE comments ADD COLUMN invited_at TEXT;
