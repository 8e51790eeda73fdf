-- The review policy's versions (a hash of its generated text) and when each was first served,
-- so the policy's "last changed" date moves exactly when a setting it describes changes.
CREATE TABLE review_policy_versions (
    version TEXT PRIMARY KEY,
    first_seen TEXT NOT NULL
);

-- The testimonial summary counts the stories (reader comments posted with consent) in one pass
-- over this index alone: it holds every column the summary reads.
CREATE INDEX comments_stories ON comments
    (consent_at, owner, status, consent, testimonial, rating, import_key, hints);
