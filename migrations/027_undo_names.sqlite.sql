-- The owner's change of the name a testimonial shows (comments.display_name, 023) can be undone
-- like her other edits: undo rows get a kind for it. SQLite cannot change a CHECK constraint,
-- so the table is built again the way 016 built it (AUTOINCREMENT kept), its rows copied.
CREATE TABLE undo_changes_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    batch TEXT NOT NULL,
    comment_id INTEGER NOT NULL,
    log_id INTEGER NOT NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('status', 'promote', 'demote', 'reply', 'redact', 'display_name')),
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
