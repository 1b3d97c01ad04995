-- Idempotency answers are kept for a period (a flag) and then deleted by age.
CREATE INDEX idempotency_age ON idempotency (created_at);
