-- Threads, comments and the moderation log (SQLite).
CREATE TABLE threads (
    id INTEGER PRIMARY KEY,
    page_key TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
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
    moderated_at TEXT
);

CREATE TABLE moderation_log (
    id INTEGER PRIMARY KEY,
    comment_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_status TEXT,
    to_status TEXT,
    detail TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
