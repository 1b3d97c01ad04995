-- Sessions end: after a period without use and at an absolute age. A session records
-- when it was last used (now and then, not on every request); "sign out everywhere"
-- finds an account's sessions by the account.
ALTER TABLE sessions ADD COLUMN last_used_at BIGINT NOT NULL DEFAULT 0;
UPDATE sessions SET last_used_at = created_at;
CREATE INDEX sessions_account ON sessions (account_id);
