-- A partner's first day and the way back in: the language an account's e-mails are
-- written in; single-use links to choose a password (an invitation, a reset), stored
-- as hashes like session tokens; and the e-mails waiting to go out, written in the
-- same transaction as what they announce, so a crash or an SMTP outage loses none.
-- An invited account has an empty password hash until its link is used: nothing
-- signs in with it.
ALTER TABLE accounts ADD COLUMN language TEXT NOT NULL DEFAULT 'en';

CREATE TABLE password_links (
    token_hash BLOB    PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose    TEXT    NOT NULL CHECK (purpose IN ('invitation', 'reset')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX password_links_account ON password_links (account_id);

CREATE TABLE mail_queue (
    id              INTEGER PRIMARY KEY,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT
);
CREATE INDEX mail_queue_due ON mail_queue (next_attempt_at);
