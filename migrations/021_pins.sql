-- The owner's own order on the wall: a testimonial she pinned carries the time she pinned it,
-- and the pinned ones come first (the latest pin on top), the rest newest first. Whatever
-- takes a comment off the testimonials clears it, so a pin never outlives its testimonial.
ALTER TABLE comments ADD COLUMN pinned_at TEXT;
