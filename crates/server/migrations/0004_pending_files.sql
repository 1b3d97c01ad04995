-- Files uploaded and not yet sent with a message are capped per account and removed
-- after a day: both look them up by account or by age.
CREATE INDEX attachments_pending ON attachments (account_id) WHERE event_id IS NULL;
CREATE INDEX attachments_unlinked_age ON attachments (created_at) WHERE event_id IS NULL;
