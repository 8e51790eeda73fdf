-- Addresses are matched case-insensitively: `Kees@Example.com` and `kees@example.com` are one
-- reader. Each address column gets a key beside it, the address with its ASCII capitals made
-- small (as `service.domain.addresses.address_key` computes it; lower() under the "C" collation
-- folds ASCII only, whatever the database's locale), and the matches use the key's index. What
-- the reader typed stays for display.
-- A generated column keys every row, the rows already stored and every later write alike.
ALTER TABLE comments ADD COLUMN email_key TEXT GENERATED ALWAYS AS (lower(email COLLATE "C")) STORED;
DROP INDEX comments_email;
CREATE INDEX comments_email_key ON comments (email_key);

ALTER TABLE subscriptions
    ADD COLUMN email_key TEXT GENERATED ALWAYS AS (lower(email COLLATE "C")) STORED;
DROP INDEX subscriptions_email;
CREATE INDEX subscriptions_email_key ON subscriptions (email_key, thread_id);

ALTER TABLE reader_links
    ADD COLUMN email_key TEXT GENERATED ALWAYS AS (lower(email COLLATE "C")) STORED;
DROP INDEX reader_links_email;
CREATE INDEX reader_links_email_key ON reader_links (email_key);

ALTER TABLE outbox
    ADD COLUMN recipient_key TEXT GENERATED ALWAYS AS (lower(recipient COLLATE "C")) STORED;
DROP INDEX outbox_recipient;
CREATE INDEX outbox_recipient_key ON outbox (recipient_key);
