-- The owner's change of the name a testimonial shows (comments.display_name, 023) can be undone
-- like her other edits: undo rows get a kind for it.
ALTER TABLE undo_changes DROP CONSTRAINT undo_changes_kind_check;
ALTER TABLE undo_changes ADD CONSTRAINT undo_changes_kind_check
    CHECK (kind IN ('status', 'promote', 'demote', 'reply', 'redact', 'display_name'));
