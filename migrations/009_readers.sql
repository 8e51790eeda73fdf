-- Readers in control: edits the owner can compare, one-time manage links, reply subscriptions,
-- and reader mail in the same outbox as the owner's notices.

-- The text before the author's latest edit, so the owner sees what changed.
ALTER TABLE comments ADD COLUMN previous_body TEXT;
ALTER TABLE comments ADD COLUMN edited_at TEXT;
CREATE INDEX comments_email ON comments (email);

-- Outbox rows now have a kind: 'owner' (the notice), 'manage', 'confirm' or 'reply' (to a reader).
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'owner';
ALTER TABLE outbox ADD COLUMN recipient TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN lang TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_recipient ON outbox (recipient);

-- One-time links mailed to a reader; only a keyed hash of the secret part is kept.
CREATE TABLE reader_links (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX reader_links_email ON reader_links (email);

-- "Tell me about replies": one row per comment, confirmed by a mailed link before any notice.
CREATE TABLE subscriptions (
    comment_id BIGINT PRIMARY KEY,
    thread_id BIGINT NOT NULL,
    email TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    confirmed_at TEXT,
    notified_at TEXT
);
CREATE INDEX subscriptions_email ON subscriptions (email, thread_id);
