-- Push notifications: the targets a partner's devices registered (a Web Push
-- subscription, an FCM or an APNs token), each belonging to the session that
-- registered it, so that signing out or a session's end removes it; and the pushes
-- waiting to go out, written in the same transaction as the event they announce, so a
-- crash loses none. A device holding a visible event stream is marked until a moment
-- (its stream renews the mark): its pushes are skipped, the app shows the banner.
CREATE TABLE devices (
    id            TEXT    PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    session_hash  BLOB    NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
    platform      TEXT    NOT NULL CHECK (platform IN ('web_push', 'fcm', 'apns')),
    address       TEXT    NOT NULL,
    p256dh        BLOB,
    auth          BLOB,
    language      TEXT    NOT NULL,
    label         TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    visible_until INTEGER NOT NULL DEFAULT 0,
    UNIQUE (platform, address)
);
CREATE INDEX devices_account ON devices (account_id, created_at);
CREATE INDEX devices_session ON devices (session_hash);

CREATE TABLE push_queue (
    id              INTEGER PRIMARY KEY,
    device_id       TEXT    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    event_id        INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT
);
CREATE INDEX push_queue_due ON push_queue (next_attempt_at);
CREATE INDEX push_queue_device ON push_queue (device_id);
