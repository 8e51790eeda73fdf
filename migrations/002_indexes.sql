-- One index behind every list the service serves.
CREATE UNIQUE INDEX threads_page_key ON threads (page_key);
CREATE INDEX comments_thread_status ON comments (thread_id, status, id);
CREATE INDEX comments_status_id ON comments (status, id);
CREATE INDEX comments_testimonials ON comments (testimonial, status, id);
CREATE INDEX comments_author_key ON comments (author_key, status);
CREATE INDEX comments_parent ON comments (parent_id);
-- The same text twice on one page is a double submission, refused even under concurrency.
CREATE UNIQUE INDEX comments_thread_body ON comments (thread_id, body_hash);
CREATE INDEX moderation_log_comment ON moderation_log (comment_id, id);
