-- One case flow for both backends.
-- Accounts are found by an e-mail key the server computes (Unicode lower case), not by
-- the column's NOCASE collation, which knows only ASCII; the migration code fills it in
-- for existing accounts and then indexes it.
ALTER TABLE accounts ADD COLUMN email_key TEXT;
-- A message's files keep the order they were sent in.
ALTER TABLE attachments ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
-- A used idempotency key names its answer (the case opened, or the event written: rows
-- that never change) instead of holding its JSON; older keys keep their JSON.
ALTER TABLE idempotency ADD COLUMN answer_case TEXT;
ALTER TABLE idempotency ADD COLUMN answer_event INTEGER;
