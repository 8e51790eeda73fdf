-- Owner sessions live on the server, so logging out or changing the password revokes them.
CREATE TABLE admin_sessions (
    id TEXT PRIMARY KEY,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
