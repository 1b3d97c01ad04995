-- One case flow for both backends (as migrations/0002_one_flow.sql for SQLite).
-- Accounts are found by an e-mail key the server computes (Unicode lower case); for
-- existing accounts lower() gives the same key. It replaces the lower(email) index, so
-- that both backends refuse exactly the same duplicates.
ALTER TABLE accounts ADD COLUMN email_key TEXT;
UPDATE accounts SET email_key = lower(btrim(email));
ALTER TABLE accounts ALTER COLUMN email_key SET NOT NULL;
CREATE UNIQUE INDEX accounts_email_key ON accounts (email_key);
DROP INDEX accounts_email;
-- A message's files keep the order they were sent in.
ALTER TABLE attachments ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
-- A used idempotency key names its answer instead of holding its JSON.
ALTER TABLE idempotency ADD COLUMN answer_case UUID, ADD COLUMN answer_event BIGINT;
