-- The PostgreSQL schema: the same tables as SQLite's (migrations/0001_initial.sql).
CREATE TABLE accounts (
    id            BIGSERIAL PRIMARY KEY,
    role          TEXT    NOT NULL CHECK (role IN ('partner', 'handler')),
    email         TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    country       TEXT    NOT NULL DEFAULT '',
    in_eea        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at    BIGINT  NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON accounts (lower(email));

CREATE TABLE properties (
    id         BIGSERIAL PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       TEXT   NOT NULL
);
CREATE INDEX properties_account ON properties (account_id);

CREATE TABLE sessions (
    token_hash BYTEA  PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);

CREATE TABLE cases (
    id                    UUID   PRIMARY KEY,
    partner_id            BIGINT NOT NULL REFERENCES accounts (id),
    kind                  TEXT   NOT NULL,
    topic                 TEXT   NOT NULL,
    subtopic              TEXT   NOT NULL,
    property_id           BIGINT REFERENCES properties (id),
    reservation_ref       TEXT,
    status                TEXT   NOT NULL,
    outcome               TEXT,
    expected_next         TEXT,
    diagnostics           TEXT,
    contact               TEXT,
    client_created_at     BIGINT NOT NULL,
    created_at            BIGINT NOT NULL,
    last_activity_at      BIGINT NOT NULL,
    last_event_id         BIGINT NOT NULL DEFAULT 0,
    partner_read_event_id BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX cases_partner_activity ON cases (partner_id, last_event_id);
CREATE INDEX cases_status_activity ON cases (status, last_event_id);

CREATE TABLE case_events (
    id            BIGSERIAL PRIMARY KEY,
    case_id       UUID   NOT NULL REFERENCES cases (id) DEFERRABLE INITIALLY DEFERRED,
    partner_id    BIGINT NOT NULL,
    kind          TEXT   NOT NULL,
    status        TEXT   NOT NULL,
    author_role   TEXT   NOT NULL,
    author_name   TEXT   NOT NULL,
    body          TEXT,
    outcome       TEXT,
    expected_next TEXT,
    created_at    BIGINT NOT NULL
);
CREATE INDEX case_events_partner ON case_events (partner_id, id);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE attachments (
    id         UUID   PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    media_type TEXT   NOT NULL,
    size       BIGINT NOT NULL,
    event_id   BIGINT REFERENCES case_events (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX attachments_event ON attachments (event_id);

CREATE TABLE idempotency (
    account_id      BIGINT  NOT NULL,
    key             TEXT    NOT NULL,
    request_hash    BYTEA   NOT NULL,
    response_status INTEGER NOT NULL,
    response_body   TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    PRIMARY KEY (account_id, key)
);

-- Rate limits shared by every instance (GCRA, the token bucket as one timestamp):
-- tat is the theoretical arrival time, in microseconds; allowed, the last verdict.
CREATE TABLE rate_limits (
    key     BYTEA   PRIMARY KEY,
    tat     BIGINT  NOT NULL,
    allowed BOOLEAN NOT NULL
);
