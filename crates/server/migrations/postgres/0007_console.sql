-- What support's console works with: the reply promise, who works a case, notes that
-- only handlers see, saved replies, and a search index (see the SQLite migration).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE cases ADD COLUMN reply_due_at BIGINT;
ALTER TABLE cases ADD COLUMN assignee_id BIGINT REFERENCES accounts (id);
ALTER TABLE cases ADD COLUMN language TEXT;
ALTER TABLE cases ADD COLUMN handler_seen BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE cases ADD COLUMN opening_event_id BIGINT NOT NULL DEFAULT 0;
-- What a handler's search looks in, in lower case as pulse-protocol folds it; the
-- server fills it for the cases from before (empty here), as the protocol folds.
ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE case_events ADD COLUMN internal BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE cases SET opening_event_id =
    (SELECT MIN(e.id) FROM case_events e WHERE e.case_id = cases.id);
UPDATE cases SET reply_due_at =
    (SELECT MAX(e.created_at) FROM case_events e
     WHERE e.case_id = cases.id AND e.author_role = 'partner') + 86400000
WHERE status IN ('submitted', 'acknowledged', 'in_progress', 'disputed', 'mediation')
  AND (SELECT MAX(e.id) FROM case_events e
       WHERE e.case_id = cases.id AND e.author_role = 'partner')
    > COALESCE((SELECT MAX(e.id) FROM case_events e
                WHERE e.case_id = cases.id AND e.author_role = 'handler'
                  AND e.kind <> 'acknowledged'), 0);

CREATE INDEX cases_due ON cases (reply_due_at);
-- The queue's order (soonest reply due, then the cases with none, newest activity first).
CREATE INDEX cases_queue ON cases (COALESCE(reply_due_at, 9223372036854775807), last_event_id DESC);
CREATE INDEX cases_assignee ON cases (assignee_id, status);
CREATE INDEX cases_search ON cases USING gin (search_text gin_trgm_ops);

CREATE TABLE saved_replies (
    id         BIGSERIAL PRIMARY KEY,
    handler_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title      TEXT   NOT NULL,
    body       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX saved_replies_handler ON saved_replies (handler_id, title);
