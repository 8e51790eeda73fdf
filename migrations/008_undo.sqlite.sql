-- Undo for every owner change, and a separate state for consent that the author withdrew.
-- An undo row holds what one change replaced, for a short window only: a redaction's removed
-- words live here until the window ends, then the row is deleted and they are gone for good.
CREATE TABLE undo_changes (
    id INTEGER PRIMARY KEY,
    batch TEXT NOT NULL,
    comment_id INTEGER NOT NULL,
    log_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('status', 'promote', 'demote', 'reply', 'redact')),
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX undo_changes_batch ON undo_changes (batch);
CREATE INDEX undo_changes_comment ON undo_changes (comment_id);
CREATE INDEX undo_changes_log ON undo_changes (log_id);
CREATE INDEX undo_changes_expires ON undo_changes (expires_at);

ALTER TABLE comments ADD COLUMN consent_withdrawn_at TEXT;
UPDATE comments SET consent_withdrawn_at = (
    SELECT MAX(l.created_at) FROM moderation_log l
    WHERE l.comment_id = comments.id AND l.action = 'withdraw_consent'
) WHERE consent = 0;
