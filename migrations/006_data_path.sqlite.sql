-- The data path (SQLite): owner notices waiting to be sent, and counts kept as comments change.

-- A notice is written in the same transaction as its comment, so a restart loses none.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    comment_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (due_at, id);

-- Comments per page and status, kept by triggers, so the queue's tabs never count the table.
CREATE TABLE comment_counts (
    thread_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL DEFAULT 0,
    testimonials INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (thread_id, status)
);
INSERT INTO comment_counts (thread_id, status, n, testimonials)
SELECT thread_id, status, COUNT(*),
       SUM(CASE WHEN status = 'approved' AND consent = 1 AND testimonial = 1 THEN 1 ELSE 0 END)
FROM comments GROUP BY thread_id, status;

CREATE TRIGGER comments_count_insert AFTER INSERT ON comments
BEGIN
    INSERT INTO comment_counts (thread_id, status, n, testimonials)
    VALUES (NEW.thread_id, NEW.status, 1,
            (NEW.status = 'approved' AND NEW.consent = 1 AND NEW.testimonial = 1))
    ON CONFLICT (thread_id, status) DO UPDATE SET
        n = n + 1, testimonials = testimonials + excluded.testimonials;
END;

CREATE TRIGGER comments_count_delete AFTER DELETE ON comments
BEGIN
    UPDATE comment_counts SET n = n - 1,
        testimonials = testimonials
            - (OLD.status = 'approved' AND OLD.consent = 1 AND OLD.testimonial = 1)
    WHERE thread_id = OLD.thread_id AND status = OLD.status;
END;

CREATE TRIGGER comments_count_update
AFTER UPDATE OF status, consent, testimonial, thread_id ON comments
BEGIN
    UPDATE comment_counts SET n = n - 1,
        testimonials = testimonials
            - (OLD.status = 'approved' AND OLD.consent = 1 AND OLD.testimonial = 1)
    WHERE thread_id = OLD.thread_id AND status = OLD.status;
    INSERT INTO comment_counts (thread_id, status, n, testimonials)
    VALUES (NEW.thread_id, NEW.status, 1,
            (NEW.status = 'approved' AND NEW.consent = 1 AND NEW.testimonial = 1))
    ON CONFLICT (thread_id, status) DO UPDATE SET
        n = n + 1, testimonials = testimonials + excluded.testimonials;
END;
