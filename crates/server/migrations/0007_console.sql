-- What support's console works with: the reply promise, who works a case, notes that
-- only handlers see, saved replies, and a search index.

-- When support aims to have replied (ms since the epoch); NULL while no reply is due.
-- Cases from before are given the default 24 hours after the partner's last message,
-- where support has not answered since.
ALTER TABLE cases ADD COLUMN reply_due_at INTEGER;
-- The handler working the case.
ALTER TABLE cases ADD COLUMN assignee_id INTEGER REFERENCES accounts (id);
-- The language the partner wrote in, as the app said.
ALTER TABLE cases ADD COLUMN language TEXT;
-- Set once a person at support has opened or taken the case: the demo's automatic
-- handler leaves such cases alone.
ALTER TABLE cases ADD COLUMN handler_seen INTEGER NOT NULL DEFAULT 0;
-- The event that opened the case: the case's key in the search index.
ALTER TABLE cases ADD COLUMN opening_event_id INTEGER NOT NULL DEFAULT 0;
-- Notes and assignments: events for handlers only, never shown to the partner.
ALTER TABLE case_events ADD COLUMN internal INTEGER NOT NULL DEFAULT 0;

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

CREATE UNIQUE INDEX cases_opening_event ON cases (opening_event_id);
CREATE INDEX cases_due ON cases (reply_due_at);
-- The queue's order (soonest reply due, then the cases with none, newest activity first).
CREATE INDEX cases_queue ON cases (COALESCE(reply_due_at, 9223372036854775807), last_event_id DESC);
CREATE INDEX cases_assignee ON cases (assignee_id, status);

-- What a handler's search looks in (case number, partner, every message and note), in
-- lower case as pulse-protocol folds it; a trigram index finds any substring of three
-- characters or more. Keyed by the case's opening event. The server fills it for the
-- cases from before (SQL's lower() folds ASCII only).
CREATE VIRTUAL TABLE case_search USING fts5 (text, tokenize = 'trigram case_sensitive 1');

-- A handler's reply templates.
CREATE TABLE saved_replies (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    handler_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    title      TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX saved_replies_handler ON saved_replies (handler_id, title);
