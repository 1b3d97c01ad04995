-- Push notifications: the targets a partner's devices registered (a Web Push
-- subscription, an FCM or an APNs token), each belonging to the session that
-- registered it, so that signing out or a session's end removes it; and the pushes
-- waiting to go out, written in the same transaction as the event they announce, so a
-- crash loses none. A device holding a visible event stream is marked until a moment
-- (its stream renews the mark): its pushes are skipped, the app shows the banner.
CREATE TABLE devices (
    id            UUID    PRIMARY KEY,
    account_id    BIGINT  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    session_hash  BYTEA   NOT NULL REFERENCES sessions (token_hash) ON DELETE CASCADE,
    platform      TEXT    NOT NULL CHECK (platform IN ('web_push', 'fcm', 'apns')),
    address       TEXT    NOT NULL,
    p256dh        BYTEA,
    auth          BYTEA,
    language      TEXT    NOT NULL,
    label         TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    visible_until BIGINT  NOT NULL DEFAULT 0,
    UNIQUE (platform, address)
);
CREATE INDEX devices_account ON devices (account_id, created_at);
CREATE INDEX devices_session ON devices (session_hash);

CREATE TABLE push_queue (
    id              BIGSERIAL PRIMARY KEY,
    device_id       UUID    NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    event_id        BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    last_error      TEXT
);
CREATE INDEX push_queue_due ON push_queue (next_attempt_at);
CREATE INDEX push_queue_device ON push_queue (device_id);
