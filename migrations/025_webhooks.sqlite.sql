-- Webhooks: the owner's endpoints, and every delivery made to them (and to the ntfy topic).
-- The secret is kept to sign each try; the owner API shows it once, when the endpoint is made.
-- `events` is a comma-separated list of event names; booleans are 0/1 as everywhere here.
CREATE TABLE webhook_endpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    format TEXT NOT NULL DEFAULT 'standard'
        CHECK (format IN ('standard', 'slack', 'mattermost', 'discord')),
    secret TEXT NOT NULL,
    own_system INTEGER NOT NULL DEFAULT 0,
    include_spam INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    paused_at TEXT
);

-- One row a delivery, in order per endpoint (endpoint 0 is the NTFY_URL topic). `body` is
-- frozen at the first try, so every retry sends the same bytes under the same `webhook_id`,
-- and emptied once the delivery is settled: the history keeps no reader's words.
CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    endpoint_id INTEGER NOT NULL,
    webhook_id TEXT NOT NULL UNIQUE,
    event TEXT NOT NULL,
    comment_id INTEGER NOT NULL DEFAULT 0,
    extra TEXT NOT NULL DEFAULT '{}',
    occurred_at TEXT NOT NULL,
    body TEXT,
    state TEXT NOT NULL DEFAULT 'waiting'
        CHECK (state IN ('waiting', 'sending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,
    leased_until TEXT,
    last_status INTEGER,
    last_error TEXT NOT NULL DEFAULT '',
    last_try_at TEXT
);
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (endpoint_id, state, id);
CREATE INDEX webhook_deliveries_comment ON webhook_deliveries (comment_id);
