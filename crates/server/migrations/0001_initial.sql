-- Accounts: partners (with their properties) and support's case handlers.
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    role          TEXT    NOT NULL CHECK (role IN ('partner', 'handler')),
    email         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    country       TEXT    NOT NULL DEFAULT '',
    in_eea        INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

CREATE TABLE properties (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL
);
CREATE INDEX properties_account ON properties (account_id);

-- Bearer tokens, kept only as their SHA-256.
CREATE TABLE sessions (
    token_hash BLOB    PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE cases (
    id                    TEXT    PRIMARY KEY,
    partner_id            INTEGER NOT NULL REFERENCES accounts (id),
    kind                  TEXT    NOT NULL,
    topic                 TEXT    NOT NULL,
    subtopic              TEXT    NOT NULL,
    property_id           INTEGER REFERENCES properties (id),
    reservation_ref       TEXT,
    status                TEXT    NOT NULL,
    outcome               TEXT,
    expected_next         TEXT,
    diagnostics           TEXT,
    contact               TEXT,
    client_created_at     INTEGER NOT NULL,
    created_at            INTEGER NOT NULL,
    last_activity_at      INTEGER NOT NULL,
    last_event_id         INTEGER NOT NULL DEFAULT 0,
    partner_read_event_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX cases_partner_activity ON cases (partner_id, last_event_id);
CREATE INDEX cases_status_activity ON cases (status, last_event_id);

-- The event log: every change to every case, in commit order. The source of truth for
-- timelines and for the live stream.
CREATE TABLE case_events (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    -- Checked at commit: a new case's first event is written before the case row,
    -- which then carries the event's id from the start.
    case_id       TEXT    NOT NULL REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
    partner_id    INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    author_role   TEXT    NOT NULL,
    author_name   TEXT    NOT NULL,
    body          TEXT,
    outcome       TEXT,
    expected_next TEXT,
    created_at    INTEGER NOT NULL
);
CREATE INDEX case_events_partner ON case_events (partner_id, id);
CREATE INDEX case_events_case ON case_events (case_id, id);

-- Uploaded files; event_id is set once a message carries them.
CREATE TABLE attachments (
    id         TEXT    PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    media_type TEXT    NOT NULL,
    size       INTEGER NOT NULL,
    event_id   INTEGER REFERENCES case_events (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX attachments_event ON attachments (event_id);

-- Results of writes made with an Idempotency-Key, stored in the same transaction as the
-- write itself, so a resend gets the first answer and never a second case.
CREATE TABLE idempotency (
    account_id      INTEGER NOT NULL,
    key             TEXT    NOT NULL,
    request_hash    BLOB    NOT NULL,
    response_status INTEGER NOT NULL,
    response_body   TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (account_id, key)
) WITHOUT ROWID;
