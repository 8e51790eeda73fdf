-- The name a testimonial shows: a shortening of the author's own name ("Joost V."), or "a client".
-- NULL means the default shortening (first name and the initial of the last word), computed when
-- the testimonial is shown, so rows written before this migration need no back-fill.
ALTER TABLE comments ADD COLUMN display_name TEXT;
