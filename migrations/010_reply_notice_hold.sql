-- A reply notice holds its reader's hour slot while the mail is being sent; `notified_at` is set
-- only once the mail server took the mail, and a failed send lets the hold go so it is retried.
ALTER TABLE subscriptions ADD COLUMN notice_held_until TEXT;
