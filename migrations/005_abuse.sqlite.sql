-- Spam and abuse defences (sqlite): shared counters, spent form tokens, the owner's rules, and
-- the hints computed once at intake.
-- Counters every worker and process sees: one row per limiter and client, a fixed window.
CREATE TABLE rate_counts (
    key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL
);

-- A form token is good for one post: its nonce is kept here until the token would expire.
CREATE TABLE used_form_tokens (
    nonce TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX used_form_tokens_expiry ON used_form_tokens (expires_at);

-- The owner's words, phrases and link domains that send a comment to spam or to the queue.
CREATE TABLE owner_rules (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('word', 'phrase', 'domain')),
    value TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('spam', 'queue')),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX owner_rules_kind_value ON owner_rules (kind, value);

-- Hint codes, comma-separated, computed once at intake; NULL for comments from before.
ALTER TABLE comments ADD COLUMN hints TEXT;
