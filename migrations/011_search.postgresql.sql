-- The owner's queue search, served by trigram indexes instead of a scan of every comment:
-- pg_trgm's GIN indexes answer `LOWER(column) LIKE '%...%'` for three or more characters, on
-- each comment column a search looks at (pages are few and are still scanned). pg_trgm ships
-- with PostgreSQL and is a trusted extension, so the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX comments_author_search ON comments USING gin (LOWER(author) gin_trgm_ops);

CREATE INDEX comments_body_search ON comments USING gin (LOWER(body) gin_trgm_ops);

CREATE INDEX comments_email_search ON comments USING gin (LOWER(email) gin_trgm_ops);
