-- Accounts: the owner and the moderators she invites, each with a password of their own and an
-- optional second factor. The first owner keeps today's password where it is (ADMIN_PASSWORD_HASH
-- or the file `set-password` writes): her row, made at start-up when no owner exists, has no
-- hash of its own (NULL), so `set-password` and a lost-password recovery keep working unchanged.
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT,
    email_key TEXT GENERATED ALWAYS AS (lower(email)) VIRTUAL,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('owner', 'moderator')),
    password_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    -- TOTP (RFC 6238): the confirmed secret, one waiting for its first code, and the last time
    -- step a code was accepted for, so a code is good once.
    totp_secret TEXT,
    totp_pending TEXT,
    totp_step INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email_key);

-- Ten single-use codes for a lost authenticator, kept as keyed hashes only.
CREATE TABLE recovery_codes (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (account_id, code_hash)
);

-- Invitations: the link's token is signed (it names the row), so no secret is stored here.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('owner', 'moderator')),
    invited_by INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT
);

-- Browsers an account signed in from (a long-lived random cookie, kept hashed): a sign-in from
-- one not on the list mails the account a notice.
CREATE TABLE known_browsers (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    browser_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, browser_hash)
);

-- Passkeys (WebAuthn): an account's credentials by the id their authenticator gave them, with
-- the public key (COSE) and the signature counter that exposes a cloned authenticator.
CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    credential_id TEXT NOT NULL UNIQUE,
    public_key TEXT NOT NULL,
    sign_count INTEGER NOT NULL DEFAULT 0,
    name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    last_used_at TEXT
);
CREATE INDEX passkeys_account ON passkeys (account_id);

-- Sessions belong to an account now; those from before have no owner and end here.
DELETE FROM admin_sessions;
ALTER TABLE admin_sessions ADD COLUMN account_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE admin_sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE admin_sessions ADD COLUMN ip_prefix TEXT NOT NULL DEFAULT '';
CREATE INDEX admin_sessions_account ON admin_sessions (account_id);
