//! The phone's local store: one SQLite file (WAL) in the app's data directory holding
//! drafts, the outbox, attachment copies, cached cases and their timelines,
//! notifications, the event cursor and the push target each account registered from
//! here. Everything the app shows offline comes from here.
//!
//! Each public method is one short transaction, so a killed app leaves the file at the
//! last committed state: at worst the edit being saved at that instant is lost.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use pulse_protocol::wire::{CaseDetail, CaseEvent, CaseSummary};
#[cfg(target_family = "wasm")]
use rusqlite::OpenFlags;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::{
    CaseDraft, CaseDraftKind, Draft, DraftContent, Failure, LocalFile, Notification,
};
use crate::outbox::{OutboxItem, OutboxPayload, OutboxState};

/// What can go wrong with the local store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("local database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("local data could not be read: {0}")]
    Corrupt(String),
    #[error("no such {0}")]
    NotFound(&'static str),
    /// The app is shutting down and the store's worker threads with it.
    #[error("the local database is closing")]
    Closed,
    /// The item is being sent, or may have reached the server already: it goes as it is.
    #[error("the message is on its way already")]
    OnItsWay,
}

type Result<T, E = StoreError> = std::result::Result<T, E>;

const DATABASE_FILE: &str = "pulse.db";

const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE drafts (
    id         TEXT PRIMARY KEY,
    content    TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    -- Orders drafts by their last edit, where the clock is too coarse to.
    edit_seq   INTEGER NOT NULL DEFAULT 0
);
-- The bytes live here too: one place to keep, back up and delete, on every platform
-- (a browser has no folder to write to).
CREATE TABLE files (
    id         TEXT PRIMARY KEY,
    bytes      BLOB NOT NULL,
    media_type TEXT NOT NULL,
    size       INTEGER NOT NULL,
    remote_id  TEXT
);
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    account_id      INTEGER NOT NULL,
    payload         TEXT NOT NULL,
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    error_code      TEXT,
    error_message   TEXT,
    case_id         TEXT,
    created_at      INTEGER NOT NULL
);
CREATE INDEX outbox_state ON outbox (state, seq);
CREATE TABLE cases (
    id            TEXT PRIMARY KEY,
    last_event_id INTEGER NOT NULL,
    summary       TEXT NOT NULL,
    detail        TEXT
);
CREATE TABLE events (
    id      INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL,
    event   TEXT NOT NULL
);
CREATE INDEX events_case ON events (case_id, id);
CREATE TABLE notifications (
    id      INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL,
    event   TEXT NOT NULL,
    read    INTEGER NOT NULL DEFAULT 0
);
"#,
    r#"
-- When the server took the item, so that sent items can be let go after a while.
ALTER TABLE outbox ADD COLUMN sent_at INTEGER;
"#,
    r#"
-- Whose each draft, file and message is: `server#account`. Another account signed in
-- on the same device never sees, lists or sends them. The outbox knew its account; its
-- server is the one the device last used. Drafts and files from before knew neither:
-- '' until the next sign-in claims them (nothing written is lost).
ALTER TABLE drafts ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE files ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN owner TEXT NOT NULL DEFAULT '';
UPDATE outbox SET owner = COALESCE((SELECT value FROM meta WHERE key = 'server'), '')
    || '#' || account_id;
CREATE INDEX drafts_owner ON drafts (owner, edit_seq);
CREATE INDEX outbox_owner ON outbox (owner, state, seq);
"#,
    r#"
-- Whether a try to send the item may have reached the server (anything but a connection
-- that could not be made): from then on it can no longer be edited or cancelled, only
-- sent under its key. Items from before are taken to have left if they were ever tried.
ALTER TABLE outbox ADD COLUMN may_have_arrived INTEGER NOT NULL DEFAULT 0;
UPDATE outbox SET may_have_arrived = 1 WHERE attempts > 0 OR state <> 'queued';
"#,
    r#"
-- What the partner is writing on an existing case: the reply box (with its photos) and
-- the comment on an outcome. One of each per case and owner; gone when it is sent.
CREATE TABLE case_drafts (
    owner      TEXT NOT NULL,
    case_id    TEXT NOT NULL,
    kind       TEXT NOT NULL,
    content    TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (owner, case_id, kind)
);
"#,
    r#"
-- The push target this device registered for an account (POST /v1/devices): the live
-- stream names it, so that the server holds pushes back while the app is on screen.
-- The server ties it to the session that registered it, so it goes at sign-out.
CREATE TABLE push_devices (
    owner     TEXT PRIMARY KEY,
    device_id TEXT NOT NULL
);
"#,
];

/// The local database. Cheap to share behind an `Arc`; calls are short and serialised.
///
/// Drafts, files and the outbox belong to an owner (`server#account`): the store works
/// on those of the current owner ([`Store::set_owner`]) only, and with none (signed
/// out) it shows nothing and takes nothing. The cached cases, events and notifications
/// are one account's at a time (`cache_owner`), dropped when another signs in or this
/// one signs out.
pub struct Store {
    conn: Mutex<Connection>,
    owner: Mutex<String>,
}

impl Store {
    /// Opens (creating and migrating) the store `pulse.db` in the folder `dir`.
    #[cfg(not(target_family = "wasm"))]
    pub async fn open(dir: &Path) -> Result<Store> {
        let dir = dir.to_path_buf();
        // Opening and migrating touch the disk: not on the caller's thread either.
        crate::rt::blocking(move || {
            std::fs::create_dir_all(&dir).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let conn = Connection::open(dir.join(DATABASE_FILE))?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            // NORMAL in WAL mode: a commit survives an app kill; only a power loss can
            // undo the last few, which is the trade every phone app makes for fast saves.
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            Store::prepare(conn)
        })
        .await
        .unwrap_or(Err(StoreError::Closed))
    }

    /// Opens (creating and migrating) the store in the browser's IndexedDB, under the
    /// name `dir`. Pages are mirrored in memory and written back after each commit, so
    /// a closed tab loses at most the write in flight.
    #[cfg(target_family = "wasm")]
    pub async fn open(dir: &Path) -> Result<Store> {
        use sqlite_wasm_vfs::relaxed_idb::{RelaxedIdbCfg, install};
        let vfs = "pulse-idb";
        let config = RelaxedIdbCfg {
            vfs_name: vfs.to_owned(),
            ..RelaxedIdbCfg::default()
        };
        install::<sqlite_wasm_rs::WasmOsCallback>(&config, false)
            .await
            .map_err(|e| StoreError::Corrupt(format!("browser storage: {e}")))?;
        let name = format!("{}/{DATABASE_FILE}", dir.display());
        let conn = Connection::open_with_flags_and_vfs(&name, OpenFlags::default(), vfs)?;
        Store::prepare(conn)
    }

    fn prepare(mut conn: Connection) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut conn)?;
        Ok(Store {
            conn: Mutex::new(conn),
            owner: Mutex::new(String::new()),
        })
    }

    /// Whose drafts, files and messages the store now works on ('' for nobody).
    pub fn set_owner(&self, owner: &str) {
        *self.owner.lock().unwrap_or_else(|p| p.into_inner()) = owner.to_owned();
    }

    fn owner(&self) -> String {
        self.owner.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The current owner, for a write: nobody signed in, nothing is kept.
    fn writer(&self) -> Result<String> {
        let owner = self.owner();
        if owner.is_empty() {
            return Err(StoreError::NotFound("signed-in account"));
        }
        Ok(owner)
    }

    /// Gives drafts and files from before owners were kept to `owner`, and makes the
    /// cache `owner`'s: another account's cached cases go.
    pub fn take_over(&self, owner: &str) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("UPDATE drafts SET owner = ?1 WHERE owner = ''", [owner])?;
        tx.execute("UPDATE files SET owner = ?1 WHERE owner = ''", [owner])?;
        if !cache_is(&tx, owner)? {
            forget_cache(&tx)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('cache_owner', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [owner],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-done transaction behind
        // (SQLite rolls it back), so the connection is still good.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    // ----- meta -----

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&self, key: &str, value: Option<&str>) -> Result<()> {
        let conn = self.conn();
        match value {
            Some(value) => conn.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?,
            None => conn.execute("DELETE FROM meta WHERE key = ?1", [key])?,
        };
        Ok(())
    }

    // ----- push target -----

    /// The push target this device registered for the current owner, if any.
    pub fn push_device(&self) -> Result<Option<Uuid>> {
        let owner = self.owner();
        let id: Option<String> = self
            .conn()
            .query_row(
                "SELECT device_id FROM push_devices WHERE owner = ?1",
                [&owner],
                |r| r.get(0),
            )
            .optional()?;
        id.as_deref().map(parse_uuid).transpose()
    }

    /// Remembers `owner`'s push target (`None` forgets it), if `owner` is still the one
    /// signed in: an answer that comes after a sign-out is not kept. Whether it was.
    pub fn set_push_device(&self, owner: &str, device: Option<Uuid>) -> Result<bool> {
        if owner.is_empty() || self.owner() != owner {
            return Ok(false);
        }
        let conn = self.conn();
        match device {
            Some(device) => conn.execute(
                "INSERT INTO push_devices (owner, device_id) VALUES (?1, ?2)
                 ON CONFLICT (owner) DO UPDATE SET device_id = excluded.device_id",
                params![owner, device.to_string()],
            )?,
            None => conn.execute("DELETE FROM push_devices WHERE owner = ?1", [owner])?,
        };
        Ok(true)
    }

    // ----- drafts -----

    /// Creates or replaces a draft; cheap enough for every keystroke.
    pub fn save_draft(&self, id: Uuid, content: &DraftContent) -> Result<Draft> {
        let now = OffsetDateTime::now_utc();
        let json = to_json(content)?;
        let owner = self.writer()?;
        // Another owner's draft of the same id is never overwritten.
        let saved = self.conn().execute(
            "INSERT INTO drafts (id, content, updated_at, edit_seq, owner)
             VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(edit_seq), 0) + 1 FROM drafts), ?4)
             ON CONFLICT (id) DO UPDATE SET content = excluded.content,
                updated_at = excluded.updated_at, edit_seq = excluded.edit_seq
             WHERE drafts.owner = excluded.owner",
            params![id.to_string(), json, ms(now), owner],
        )?;
        if saved == 0 {
            return Err(StoreError::NotFound("draft"));
        }
        Ok(Draft {
            id,
            content: content.clone(),
            updated_at: now,
        })
    }

    pub fn draft(&self, id: Uuid) -> Result<Option<Draft>> {
        self.conn()
            .query_row(
                "SELECT id, content, updated_at FROM drafts WHERE id = ?1 AND owner = ?2",
                [id.to_string(), self.owner()],
                draft_row,
            )
            .optional()?
            .transpose()
    }

    /// Drafts, most recently edited first.
    pub fn drafts(&self) -> Result<Vec<Draft>> {
        let owner = self.owner();
        let conn = self.conn();
        let mut stmt = conn.prepare(
            "SELECT id, content, updated_at FROM drafts WHERE owner = ?1 ORDER BY edit_seq DESC",
        )?;
        let rows = stmt.query_map([owner], draft_row)?;
        rows.map(|r| r?).collect()
    }

    /// Deletes a draft and the files it carried, in one transaction; returns it.
    pub fn delete_draft(&self, id: Uuid) -> Result<Option<Draft>> {
        let owner = self.owner();
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let draft = tx
            .query_row(
                "SELECT id, content, updated_at FROM drafts WHERE id = ?1 AND owner = ?2",
                [id.to_string(), owner],
                draft_row,
            )
            .optional()?
            .transpose()?;
        if let Some(draft) = &draft {
            tx.execute("DELETE FROM drafts WHERE id = ?1", [id.to_string()])?;
            delete_files(&tx, &draft.content.files)?;
        }
        tx.commit()?;
        Ok(draft)
    }

    // ----- files -----

    pub fn add_file(&self, file: &LocalFile, bytes: &[u8]) -> Result<()> {
        let owner = self.writer()?;
        self.conn().execute(
            "INSERT INTO files (id, bytes, media_type, size, owner) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                file.id.to_string(),
                bytes,
                file.media_type,
                file.size as i64,
                owner
            ],
        )?;
        Ok(())
    }

    pub fn file_bytes(&self, id: Uuid) -> Result<Vec<u8>> {
        self.conn()
            .query_row(
                "SELECT bytes FROM files WHERE id = ?1 AND owner = ?2",
                [id.to_string(), self.owner()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound("file"))
    }

    pub fn file(&self, id: Uuid) -> Result<LocalFile> {
        self.conn()
            .query_row(
                "SELECT id, media_type, size, remote_id FROM files WHERE id = ?1 AND owner = ?2",
                [id.to_string(), self.owner()],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound("file"))
            .and_then(|(id, media_type, size, remote)| {
                Ok(LocalFile {
                    id: parse_uuid(&id)?,
                    media_type,
                    size: size as u64,
                    remote_id: remote.as_deref().map(parse_uuid).transpose()?,
                })
            })
    }

    /// The bytes of the current owner's copy of the server's file `remote`: a photo it
    /// sent, or one it downloaded before.
    pub fn remote_file_bytes(&self, remote: Uuid) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT bytes FROM files WHERE remote_id = ?1 AND owner = ?2 LIMIT 1",
                [remote.to_string(), self.owner()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Keeps a copy of a file downloaded for `owner`, under its id there; dropped if
    /// that account has signed out since.
    pub fn add_downloaded(&self, owner: &str, file: &LocalFile, bytes: &[u8]) -> Result<()> {
        if self.owner() != owner {
            return Ok(());
        }
        self.conn().execute(
            "INSERT INTO files (id, bytes, media_type, size, owner, remote_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                file.id.to_string(),
                bytes,
                file.media_type,
                file.size as i64,
                owner,
                file.remote_id.map(|r| r.to_string())
            ],
        )?;
        Ok(())
    }

    /// Forgets the server's ids of these files (it no longer holds them): the next try
    /// uploads them again.
    pub fn forget_file_remotes(&self, ids: &[Uuid]) -> Result<()> {
        let conn = self.conn();
        for id in ids {
            conn.execute(
                "UPDATE files SET remote_id = NULL WHERE id = ?1",
                [id.to_string()],
            )?;
        }
        Ok(())
    }

    /// Records the server's id for an uploaded file, so a retry does not upload it again.
    pub fn set_file_remote(&self, id: Uuid, remote: Uuid) -> Result<()> {
        self.conn().execute(
            "UPDATE files SET remote_id = ?2 WHERE id = ?1",
            params![id.to_string(), remote.to_string()],
        )?;
        Ok(())
    }

    /// Forgets a file and its bytes.
    pub fn remove_file(&self, id: Uuid) -> Result<()> {
        self.conn().execute(
            "DELETE FROM files WHERE id = ?1 AND owner = ?2",
            [id.to_string(), self.owner()],
        )?;
        Ok(())
    }

    // ----- outbox -----

    /// Puts `payload` in the outbox under the key `id`, removing `draft` in the same
    /// transaction: the message is in exactly one of the two places, whatever happens.
    pub fn enqueue(
        &self,
        id: Uuid,
        account_id: i64,
        payload: &OutboxPayload,
        draft: Option<Uuid>,
    ) -> Result<OutboxItem> {
        let owner = self.writer()?;
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let now = OffsetDateTime::now_utc();
        tx.execute(
            "INSERT INTO outbox (id, account_id, payload, state, created_at, owner)
             VALUES (?1, ?2, ?3, 'queued', ?4, ?5)",
            params![
                id.to_string(),
                account_id,
                to_json(payload)?,
                ms(now),
                owner
            ],
        )?;
        if let Some(draft) = draft {
            tx.execute(
                "DELETE FROM drafts WHERE id = ?1 AND owner = ?2",
                params![draft.to_string(), owner],
            )?;
        }
        // What was written on the case leaves its box as it enters the outbox.
        let written = match payload {
            OutboxPayload::Reply { case_id, .. } => Some((case_id, CaseDraftKind::Reply)),
            OutboxPayload::Resolution { case_id, .. } => Some((case_id, CaseDraftKind::Comment)),
            _ => None,
        };
        if let Some((case, kind)) = written {
            tx.execute(
                "DELETE FROM case_drafts WHERE owner = ?1 AND case_id = ?2 AND kind = ?3",
                params![owner, case.to_string(), kind.as_str()],
            )?;
        }
        let item = outbox_item(&tx, id, &owner)?;
        tx.commit()?;
        Ok(item)
    }

    /// Keeps what the partner is writing on a case; an empty one is removed, with the
    /// photos only it carried.
    pub fn save_case_draft(
        &self,
        case: Uuid,
        kind: CaseDraftKind,
        draft: &CaseDraft,
    ) -> Result<()> {
        let owner = self.writer()?;
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let before = case_draft(&tx, &owner, case, kind)?;
        if draft.body.is_empty() && draft.files.is_empty() {
            tx.execute(
                "DELETE FROM case_drafts WHERE owner = ?1 AND case_id = ?2 AND kind = ?3",
                params![owner, case.to_string(), kind.as_str()],
            )?;
        } else {
            put_case_draft(&tx, &owner, case, kind, draft)?;
        }
        // Photos taken off the draft go, unless something else still names them.
        if let Some(before) = before {
            let named = named_files(&tx)?;
            let dropped: Vec<Uuid> = before
                .files
                .into_iter()
                .filter(|f| !named.contains(f))
                .collect();
            delete_files(&tx, &dropped)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// What the partner was writing on a case, if anything.
    pub fn case_draft(&self, case: Uuid, kind: CaseDraftKind) -> Result<Option<CaseDraft>> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        case_draft(&tx, &self.owner(), case, kind)
    }

    /// The outbox, oldest first (sent items included).
    pub fn outbox(&self) -> Result<Vec<OutboxItem>> {
        let owner = self.owner();
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE owner = ?1 ORDER BY seq"
        ))?;
        let rows = stmt.query_map([owner], outbox_row)?;
        rows.map(|r| r?).collect()
    }

    pub fn outbox_item(&self, id: Uuid) -> Result<OutboxItem> {
        let owner = self.owner();
        outbox_item(&self.conn(), id, &owner)
    }

    /// Makes items that wait out a network failure's backoff due now; returns how many.
    pub fn due_now_after_network(&self, now: OffsetDateTime) -> Result<usize> {
        Ok(self.conn().execute(
            "UPDATE outbox SET next_attempt_at = ?1
             WHERE state = 'queued' AND error_code = 'network' AND next_attempt_at > ?1",
            [ms(now)],
        )?)
    }

    /// Up to `max` items of `account_id` still to send, in order from the head.
    pub fn outbox_pending(&self, account_id: i64, max: usize) -> Result<Vec<OutboxItem>> {
        let owner = self.owner();
        let conn = self.conn();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox
             WHERE owner = ?1 AND account_id = ?2 AND state IN ('queued', 'sending')
             ORDER BY seq LIMIT ?3"
        ))?;
        let rows = stmt.query_map(params![owner, account_id, max as i64], outbox_row)?;
        rows.map(|r| r?).collect()
    }

    /// Claims items for sending, in one transaction: false (and nothing claimed) when one
    /// of them was edited or cancelled since it was read, so that the worker reads again.
    pub fn mark_sending(&self, ids: &[Uuid]) -> Result<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for id in ids {
            let claimed = tx
                .prepare_cached(
                    // Found 'sending', a try was cut off (the app was killed, or what the
                    // server said could not be written down): it may be at the server.
                    "UPDATE outbox SET state = 'sending', error_code = NULL, error_message = NULL,
                        may_have_arrived = may_have_arrived OR state = 'sending'
                     WHERE id = ?1 AND state IN ('queued', 'sending')",
                )?
                .execute([id.to_string()])?;
            if claimed == 0 {
                return Ok(false);
            }
        }
        tx.commit()?;
        Ok(true)
    }

    /// Marks new cases sent and caches them, in one transaction.
    pub fn mark_cases_sent(&self, sent: &[(Uuid, &CaseDetail)]) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for (id, detail) in sent {
            tx.prepare_cached(
                "UPDATE outbox SET state = 'sent', case_id = ?2, error_code = NULL, error_message = NULL,
                    sent_at = ?3
                 WHERE id = ?1",
            )?
            .execute(params![
                id.to_string(),
                detail.case.id.to_string(),
                ms(OffsetDateTime::now_utc())
            ])?;
            // Cached only for the account the item is from, if it is still the one the
            // cache is for.
            if item_owns_cache(&tx, *id)? {
                cache_summary(&tx, &detail.case)?;
                for event in &detail.timeline {
                    insert_event(&tx, event)?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Keeps the items queued, to try again at `next_attempt_at`, remembering why.
    pub fn mark_retry(
        &self,
        ids: &[Uuid],
        next_attempt_at: OffsetDateTime,
        reason: Failure,
        may_have_arrived: bool,
    ) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for id in ids {
            tx.prepare_cached(
                "UPDATE outbox SET state = 'queued', attempts = attempts + 1, next_attempt_at = ?2,
                    error_code = ?3, error_message = NULL,
                    may_have_arrived = may_have_arrived OR ?4
                 WHERE id = ?1",
            )?
            .execute(params![
                id.to_string(),
                ms(next_attempt_at),
                reason.as_str(),
                may_have_arrived
            ])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Back to waiting, without counting an attempt (the account must sign in again, or
    /// the items go out another way).
    pub fn mark_queued(&self, ids: &[Uuid]) -> Result<()> {
        self.set_state(ids, "queued", None, None)
    }

    /// The items will not be sent as they are: edit, retry or discard.
    pub fn mark_failed(&self, ids: &[Uuid], reason: Failure, message: &str) -> Result<()> {
        self.set_state(ids, "failed", Some(reason.as_str()), Some(message))
    }

    /// Marks an item sent and caches the event the server answered, in one transaction.
    pub fn mark_event_sent(&self, id: Uuid, event: &CaseEvent) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE outbox SET state = 'sent', case_id = ?2, error_code = NULL, error_message = NULL,
                sent_at = ?3
             WHERE id = ?1",
            params![
                id.to_string(),
                event.case_id.to_string(),
                ms(OffsetDateTime::now_utc())
            ],
        )?;
        if item_owns_cache(&tx, id)? && insert_event(&tx, event)? {
            apply_to_summary(&tx, event)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// A failed or waiting item goes back to the queue, as if new, due now.
    pub fn retry(&self, id: Uuid) -> Result<()> {
        let changed = self.conn().execute(
            "UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = 0,
                error_code = NULL, error_message = NULL
             WHERE id = ?1 AND state IN ('failed', 'queued') AND owner = ?2",
            [id.to_string(), self.owner()],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound("failed item"));
        }
        Ok(())
    }

    /// Removes an item that has not left and will not (queued and never possibly at the
    /// server, or failed) and the files it carried, in one transaction; returns it.
    /// [`StoreError::OnItsWay`] for one being sent or that may have arrived.
    pub fn remove_unsent(&self, id: Uuid) -> Result<OutboxItem> {
        let owner = self.owner();
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let item = take_unsent(&tx, id, &owner)?;
        delete_files(&tx, item.payload.files())?;
        tx.commit()?;
        Ok(item)
    }

    /// Takes a queued new case that has not left back into a draft (its files go with
    /// it), in one transaction with the worker's claims: it is edited before it left,
    /// or [`StoreError::OnItsWay`].
    pub fn unqueue_to_draft(&self, id: Uuid, draft: Uuid) -> Result<Draft> {
        let owner = self.writer()?;
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let item = take_unsent(&tx, id, &owner)?;
        let OutboxPayload::NewCase { draft: content, .. } = item.payload else {
            return Err(StoreError::NotFound("queued new case"));
        };
        insert_draft(&tx, draft, &content, &owner)?;
        tx.commit()?;
        drop(conn);
        self.draft(draft)?.ok_or(StoreError::NotFound("draft"))
    }

    /// Takes a queued reply that has not left back into the case's reply box (its
    /// words after any the box holds, its photos with them), in one transaction; returns
    /// the box as it is now.
    pub fn unqueue_reply(&self, id: Uuid) -> Result<(Uuid, CaseDraft)> {
        let owner = self.writer()?;
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let item = take_unsent(&tx, id, &owner)?;
        let OutboxPayload::Reply {
            case_id,
            reply,
            files,
        } = item.payload
        else {
            return Err(StoreError::NotFound("queued reply"));
        };
        let mut draft = case_draft(&tx, &owner, case_id, CaseDraftKind::Reply)?.unwrap_or_default();
        if draft.body.trim().is_empty() {
            draft.body = reply.body;
        } else {
            draft.body = format!("{}\n\n{}", draft.body, reply.body);
        }
        draft.files.extend(files);
        put_case_draft(&tx, &owner, case_id, CaseDraftKind::Reply, &draft)?;
        tx.commit()?;
        Ok((case_id, draft))
    }

    /// Lets go of items the server took before `before`, and of the photos only they
    /// carried, in one transaction; returns how many items went. Drafts and unsent
    /// items are never touched, nor a file one of them still names.
    pub fn prune_sent(&self, before: OffsetDateTime) -> Result<usize> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let old: Vec<(String, String)> = {
            let mut stmt = tx.prepare(
                "SELECT id, payload FROM outbox
                 WHERE state = 'sent' AND COALESCE(sent_at, created_at) < ?1",
            )?;
            let rows = stmt.query_map([ms(before)], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if old.is_empty() {
            return Ok(0);
        }
        let mut files = HashSet::new();
        for (id, payload) in &old {
            files.extend(from_json::<OutboxPayload>(payload)?.files().iter().copied());
            tx.prepare_cached("DELETE FROM outbox WHERE id = ?1")?
                .execute([id])?;
        }
        if !files.is_empty() {
            for still_named in named_files(&tx)? {
                files.remove(&still_named);
            }
            delete_files(&tx, &files.into_iter().collect::<Vec<_>>())?;
        }
        tx.commit()?;
        Ok(old.len())
    }

    /// Moves a failed new case back into a draft, for the partner to fix and send again.
    pub fn failed_to_draft(&self, id: Uuid, draft: Uuid, content: &DraftContent) -> Result<()> {
        let owner = self.writer()?;
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let removed = tx.execute(
            "DELETE FROM outbox WHERE id = ?1 AND state = 'failed' AND owner = ?2",
            params![id.to_string(), owner],
        )?;
        if removed == 0 {
            return Err(StoreError::NotFound("failed item"));
        }
        insert_draft(&tx, draft, content, &owner)?;
        tx.commit()?;
        Ok(())
    }

    fn set_state(
        &self,
        ids: &[Uuid],
        state: &str,
        code: Option<&str>,
        message: Option<&str>,
    ) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for id in ids {
            tx.prepare_cached(
                "UPDATE outbox SET state = ?2, error_code = ?3, error_message = ?4 WHERE id = ?1",
            )?
            .execute(params![id.to_string(), state, code, message])?;
        }
        tx.commit()?;
        Ok(())
    }

    // ----- cases, events, notifications -----

    /// Replaces cached summaries with the server's list.
    /// Caches cases read from the server for `owner`: dropped if the cache is no longer
    /// that account's (the answer came after a sign-out and another sign-in).
    /// Returns whether they were cached.
    pub fn cache_cases(&self, owner: &str, cases: &[CaseSummary]) -> Result<bool> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        if !cache_is(&tx, owner)? {
            return Ok(false);
        }
        for case in cases {
            cache_summary(&tx, case)?;
        }
        tx.commit()?;
        Ok(true)
    }

    /// Caches a case read from the server, with its whole timeline.
    pub fn cache_detail(&self, owner: &str, detail: &CaseDetail) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        if !cache_is(&tx, owner)? {
            return Ok(());
        }
        cache_summary(&tx, &detail.case)?;
        for event in &detail.timeline {
            insert_event(&tx, event)?;
        }
        tx.execute(
            "UPDATE cases SET detail = ?2 WHERE id = ?1",
            params![detail.case.id.to_string(), to_json(detail)?],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The cached cases that `query` finds, newest activity first: in the words of any
    /// message seen on this phone, the reservation number, or the case's id (its first
    /// characters are enough). Letter case is ignored in every script; offline too.
    pub fn search_cases(&self, query: &str) -> Result<Vec<Uuid>> {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        let conn = self.conn();
        let mut found = Vec::new();
        let mut cases = conn.prepare("SELECT summary FROM cases ORDER BY last_event_id DESC")?;
        let mut events = conn.prepare_cached("SELECT event FROM events WHERE case_id = ?1")?;
        for summary in cases.query_map([], |r| r.get::<_, String>(0))? {
            let case: CaseSummary = from_json(&summary?)?;
            let id = case.id.to_string();
            let by_number = id.starts_with(&needle)
                || case
                    .reservation_ref
                    .as_deref()
                    .is_some_and(|r| r.to_lowercase().contains(&needle));
            let by_text = by_number || {
                let mut hit = false;
                for event in events.query_map([&id], |r| r.get::<_, String>(0))? {
                    let event: CaseEvent = from_json(&event?)?;
                    if event
                        .body
                        .as_deref()
                        .is_some_and(|b| b.to_lowercase().contains(&needle))
                    {
                        hit = true;
                        break;
                    }
                }
                hit
            };
            if by_text {
                found.push(case.id);
            }
        }
        Ok(found)
    }

    /// Cached cases, newest activity first.
    pub fn cases(&self) -> Result<Vec<CaseSummary>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT summary FROM cases ORDER BY last_event_id DESC")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|r| from_json(&r?)).collect()
    }

    /// A cached case with every event seen for it, newest knowledge merged in.
    pub fn case(&self, id: Uuid) -> Result<Option<CaseDetail>> {
        let conn = self.conn();
        let row: Option<(String, Option<String>)> = conn
            .query_row(
                "SELECT summary, detail FROM cases WHERE id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((summary, detail)) = row else {
            return Ok(None);
        };
        let summary: CaseSummary = from_json(&summary)?;
        let mut stmt = conn.prepare("SELECT event FROM events WHERE case_id = ?1 ORDER BY id")?;
        let timeline = stmt
            .query_map([id.to_string()], |r| r.get::<_, String>(0))?
            .map(|r| from_json::<CaseEvent>(&r?))
            .collect::<Result<Vec<_>>>()?;
        let mut detail: CaseDetail = match detail {
            Some(detail) => from_json(&detail)?,
            None => CaseDetail {
                case: summary.clone(),
                expected_next: None,
                diagnostics: None,
                contact: None,
                mediation_offered: false,
                timeline: Vec::new(),
                earlier: None,
            },
        };
        detail.case = summary;
        if let Some(next) = timeline.iter().rev().find_map(|e| e.expected_next.clone()) {
            detail.expected_next = Some(next);
        }
        detail.timeline = timeline;
        Ok(Some(detail))
    }

    /// Applies one event from the stream: caches it, updates its case and makes one
    /// notification for support's events, all at most once per event id. Returns the
    /// notification when one was made, and whether the case is unknown here.
    pub fn apply_event(&self, owner: &str, event: &CaseEvent) -> Result<Applied> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        // An event of an account that has signed out since is not this cache's.
        if !cache_is(&tx, owner)? {
            return Ok(Applied::default());
        }
        let fresh = insert_event(&tx, event)?;
        let mut applied = Applied::default();
        if fresh {
            applied.case_known = apply_to_summary(&tx, event)?;
            if pulse_protocol::push::notifies_partner(event.author.role, event.kind) {
                tx.execute(
                    "INSERT OR IGNORE INTO notifications (id, case_id, event) VALUES (?1, ?2, ?3)",
                    params![event.id, event.case_id.to_string(), to_json(event)?],
                )?;
                applied.notification = Some(Notification {
                    event: event.clone(),
                    read: false,
                });
            }
        } else {
            applied.case_known = true;
        }
        advance_cursor(&tx, event.id)?;
        tx.commit()?;
        applied.fresh = fresh;
        Ok(applied)
    }

    /// The newest event id applied (the stream resumes after it).
    pub fn event_cursor(&self) -> Result<i64> {
        Ok(self
            .meta("event_cursor")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0))
    }

    /// Notifications, newest first.
    pub fn notifications(&self) -> Result<Vec<Notification>> {
        let conn = self.conn();
        let mut stmt = conn.prepare("SELECT event, read FROM notifications ORDER BY id DESC")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))?;
        rows.map(|r| {
            let (event, read) = r?;
            Ok(Notification {
                event: from_json(&event)?,
                read,
            })
        })
        .collect()
    }

    pub fn unread_notifications(&self) -> Result<u64> {
        Ok(self.conn().query_row(
            "SELECT COUNT(*) FROM notifications WHERE read = 0",
            [],
            |r| r.get::<_, i64>(0),
        )? as u64)
    }

    /// Marks notifications read: those given, or all of one case, or all.
    pub fn mark_read(&self, which: ReadScope) -> Result<()> {
        let conn = self.conn();
        match which {
            ReadScope::All => conn.execute("UPDATE notifications SET read = 1", [])?,
            ReadScope::Case(id) => conn.execute(
                "UPDATE notifications SET read = 1 WHERE case_id = ?1",
                [id.to_string()],
            )?,
            ReadScope::Event(id) => {
                conn.execute("UPDATE notifications SET read = 1 WHERE id = ?1", [id])?
            }
        };
        Ok(())
    }

    /// What the current owner has not sent: drafts, items waiting or being sent, and
    /// failed ones.
    pub fn unsent(&self) -> Result<Unsent> {
        let owner = self.owner();
        let conn = self.conn();
        let count = |sql: &str| -> Result<usize> {
            Ok(conn.query_row(sql, [&owner], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok(Unsent {
            drafts: count(
                "SELECT (SELECT COUNT(*) FROM drafts WHERE owner = ?1)
                      + (SELECT COUNT(*) FROM case_drafts WHERE owner = ?1)",
            )?,
            waiting: count(
                "SELECT COUNT(*) FROM outbox WHERE owner = ?1 AND state IN ('queued', 'sending')",
            )?,
            failed: count("SELECT COUNT(*) FROM outbox WHERE owner = ?1 AND state = 'failed'")?,
        })
    }

    /// What signing out leaves of the current owner, in one transaction: the cached
    /// cases, events and notifications go, and so do its sent items and every file no
    /// kept draft or item names, and its push target. Its drafts and unsent items stay
    /// for its next sign-in, or go too with `discard`, all but those that may have
    /// reached the server (being sent, or tried without an answer): they are sent once
    /// at the next sign-in.
    pub fn leave(&self, discard: bool) -> Result<()> {
        let owner = self.owner();
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        if discard {
            tx.execute("DELETE FROM drafts WHERE owner = ?1", [&owner])?;
            tx.execute("DELETE FROM case_drafts WHERE owner = ?1", [&owner])?;
            // What may be at the server already is not the phone's to take back: it
            // stays, to go once at this account's next sign-in.
            tx.execute(
                "DELETE FROM outbox WHERE owner = ?1
                 AND NOT (state = 'sending' OR (state = 'queued' AND may_have_arrived))",
                [&owner],
            )?;
        } else {
            tx.execute(
                "DELETE FROM outbox WHERE owner = ?1 AND state = 'sent'",
                [&owner],
            )?;
        }
        let named = named_files(&tx)?;
        let files: Vec<Uuid> = {
            let mut stmt = tx.prepare("SELECT id FROM files WHERE owner = ?1")?;
            let ids = stmt.query_map([&owner], |r| r.get::<_, String>(0))?;
            ids.map(|id| parse_uuid(&id?))
                .filter(|id| id.as_ref().map_or(true, |id| !named.contains(id)))
                .collect::<Result<_>>()?
        };
        delete_files(&tx, &files)?;
        // The server removes the session's push targets with it.
        tx.execute("DELETE FROM push_devices WHERE owner = ?1", [&owner])?;
        forget_cache(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets what belongs to the signed-in account's server view (cases, events,
    /// notifications, cursor); drafts and the outbox stay: nothing written is lost.
    pub fn forget_account_cache(&self) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        forget_cache(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

/// What an account has not sent, as signing out asks about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Unsent {
    pub drafts: usize,
    /// Queued or being sent: "send first" waits for these.
    pub waiting: usize,
    /// Refused by the server: they will not go as they are.
    pub failed: usize,
}

impl Unsent {
    pub fn total(&self) -> usize {
        self.drafts + self.waiting + self.failed
    }
}

/// The result of applying one stream event.
#[derive(Debug, Default)]
pub struct Applied {
    /// False when the event id had been applied before.
    pub fresh: bool,
    /// False when the event's case is not cached yet (made on another device).
    pub case_known: bool,
    pub notification: Option<Notification>,
}

/// Which notifications to mark read.
#[derive(Debug, Clone, Copy)]
pub enum ReadScope {
    All,
    Case(Uuid),
    Event(i64),
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let version = usize::try_from(version).unwrap_or(usize::MAX);
    if version > MIGRATIONS.len() {
        return Err(StoreError::Corrupt(format!(
            "the local database is from a newer app (version {version})"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// The cached cases, events, notifications and the stream's cursor, and whose they were.
fn forget_cache(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(
        "DELETE FROM notifications; DELETE FROM events; DELETE FROM cases;
         DELETE FROM meta WHERE key IN ('event_cursor', 'cache_owner', 'cases_next');",
    )?;
    Ok(())
}

fn delete_files(tx: &Transaction<'_>, files: &[Uuid]) -> Result<()> {
    for file in files {
        tx.prepare_cached("DELETE FROM files WHERE id = ?1")?
            .execute([file.to_string()])?;
    }
    Ok(())
}

/// Every file a draft or an outbox item names.
/// Whether the cached cases are `owner`'s (see [`Store::take_over`]).
fn cache_is(tx: &Transaction<'_>, owner: &str) -> Result<bool> {
    let cached_for: Option<String> = tx
        .query_row(
            "SELECT value FROM meta WHERE key = 'cache_owner'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(cached_for.as_deref() == Some(owner))
}

/// Whether the outbox item `id` is of the account the cache is for.
fn item_owns_cache(tx: &Transaction<'_>, id: Uuid) -> Result<bool> {
    let owner: Option<String> = tx
        .query_row(
            "SELECT owner FROM outbox WHERE id = ?1",
            [id.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    match owner {
        Some(owner) => cache_is(tx, &owner),
        None => Ok(false),
    }
}

fn put_case_draft(
    tx: &Transaction<'_>,
    owner: &str,
    case: Uuid,
    kind: CaseDraftKind,
    draft: &CaseDraft,
) -> Result<()> {
    tx.execute(
        "INSERT INTO case_drafts (owner, case_id, kind, content, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (owner, case_id, kind) DO UPDATE
         SET content = excluded.content, updated_at = excluded.updated_at",
        params![
            owner,
            case.to_string(),
            kind.as_str(),
            to_json(draft)?,
            ms(OffsetDateTime::now_utc())
        ],
    )?;
    Ok(())
}

fn case_draft(
    tx: &Transaction<'_>,
    owner: &str,
    case: Uuid,
    kind: CaseDraftKind,
) -> Result<Option<CaseDraft>> {
    let content: Option<String> = tx
        .query_row(
            "SELECT content FROM case_drafts WHERE owner = ?1 AND case_id = ?2 AND kind = ?3",
            params![owner, case.to_string(), kind.as_str()],
            |r| r.get(0),
        )
        .optional()?;
    content.map(|c| from_json(&c)).transpose()
}

fn named_files(tx: &Transaction<'_>) -> Result<HashSet<Uuid>> {
    let mut named = HashSet::new();
    let mut stmt = tx.prepare("SELECT content FROM case_drafts")?;
    for content in stmt.query_map([], |r| r.get::<_, String>(0))? {
        named.extend(from_json::<CaseDraft>(&content?)?.files);
    }
    let mut stmt = tx.prepare("SELECT content FROM drafts")?;
    for content in stmt.query_map([], |r| r.get::<_, String>(0))? {
        named.extend(from_json::<DraftContent>(&content?)?.files);
    }
    let mut stmt = tx.prepare("SELECT payload FROM outbox")?;
    for payload in stmt.query_map([], |r| r.get::<_, String>(0))? {
        named.extend(
            from_json::<OutboxPayload>(&payload?)?
                .files()
                .iter()
                .copied(),
        );
    }
    Ok(named)
}

fn cache_summary(tx: &Transaction<'_>, case: &CaseSummary) -> Result<()> {
    tx.execute(
        "INSERT INTO cases (id, last_event_id, summary) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET last_event_id = excluded.last_event_id,
            summary = excluded.summary
         WHERE excluded.last_event_id >= cases.last_event_id",
        params![case.id.to_string(), case.last_event_id, to_json(case)?],
    )?;
    Ok(())
}

/// Inserts an event once; false when it was there already.
fn insert_event(tx: &Transaction<'_>, event: &CaseEvent) -> Result<bool> {
    Ok(tx.execute(
        "INSERT OR IGNORE INTO events (id, case_id, event) VALUES (?1, ?2, ?3)",
        params![event.id, event.case_id.to_string(), to_json(event)?],
    )? == 1)
}

/// Moves a cached summary forward by one event; false when the case is not cached.
fn apply_to_summary(tx: &Transaction<'_>, event: &CaseEvent) -> Result<bool> {
    let summary: Option<String> = tx
        .query_row(
            "SELECT summary FROM cases WHERE id = ?1",
            [event.case_id.to_string()],
            |r| r.get(0),
        )
        .optional()?;
    let Some(summary) = summary else {
        return Ok(false);
    };
    let mut case: CaseSummary = from_json(&summary)?;
    if event.id > case.last_event_id {
        case.status = event.status;
        case.last_event_id = event.id;
        case.last_activity_at = event.at;
        if let Some(outcome) = &event.outcome {
            case.outcome = Some(outcome.clone());
        }
        if pulse_protocol::push::notifies_partner(event.author.role, event.kind) {
            case.unread_count += 1;
        }
        // Support answered, or the case stopped waiting on support: no reply is due. A
        // partner's own message starts the promise again, which the server's answer to
        // it and the next read of the case carry (the hours are the server's).
        let clock = event
            .kind
            .move_made()
            .map(|mv| pulse_protocol::lifecycle::reply_clock(mv, event.status));
        if clock == Some(pulse_protocol::lifecycle::ReplyClock::Stop) {
            case.reply_due_at = None;
        }
        cache_summary(tx, &case)?;
    }
    Ok(true)
}

fn advance_cursor(tx: &Transaction<'_>, id: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES ('event_cursor', ?1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value
         WHERE CAST(excluded.value AS INTEGER) > CAST(meta.value AS INTEGER)",
        [id.to_string()],
    )?;
    Ok(())
}

const OUTBOX_COLUMNS: &str = "id, account_id, payload, state, attempts, next_attempt_at, \
    error_code, error_message, case_id, created_at, may_have_arrived";

/// Deletes an item that is failed, or queued and never possibly at the server; returns it.
fn take_unsent(tx: &Transaction<'_>, id: Uuid, owner: &str) -> Result<OutboxItem> {
    let item = outbox_item(tx, id, owner)?;
    match item.state {
        OutboxState::Failed { .. } => {}
        OutboxState::Queued { .. } if !item.may_have_arrived => {}
        OutboxState::Queued { .. } | OutboxState::Sending => return Err(StoreError::OnItsWay),
        OutboxState::Sent { .. } => return Err(StoreError::OnItsWay),
    }
    tx.execute("DELETE FROM outbox WHERE id = ?1", [id.to_string()])?;
    Ok(item)
}

fn insert_draft(tx: &Transaction<'_>, id: Uuid, content: &DraftContent, owner: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO drafts (id, content, updated_at, edit_seq, owner)
         VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(edit_seq), 0) + 1 FROM drafts), ?4)",
        params![
            id.to_string(),
            to_json(content)?,
            ms(OffsetDateTime::now_utc()),
            owner
        ],
    )?;
    Ok(())
}

fn outbox_item(conn: &Connection, id: Uuid, owner: &str) -> Result<OutboxItem> {
    conn.query_row(
        &format!("SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = ?1 AND owner = ?2"),
        params![id.to_string(), owner],
        outbox_row,
    )
    .optional()?
    .ok_or(StoreError::NotFound("outbox item"))?
}

fn outbox_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<OutboxItem>> {
    let id: String = r.get(0)?;
    let account_id: i64 = r.get(1)?;
    let payload: String = r.get(2)?;
    let state: String = r.get(3)?;
    let attempts: u32 = r.get(4)?;
    let next_attempt_at: i64 = r.get(5)?;
    let code: Option<String> = r.get(6)?;
    let message: Option<String> = r.get(7)?;
    let case_id: Option<String> = r.get(8)?;
    let created_at: i64 = r.get(9)?;
    let may_have_arrived: bool = r.get(10)?;
    Ok((|| {
        let state = match state.as_str() {
            "queued" => OutboxState::Queued {
                attempts,
                next_attempt_at: from_ms(next_attempt_at)?,
                last_error: code.as_deref().map(Failure::from_stored),
            },
            "sending" => OutboxState::Sending,
            "sent" => OutboxState::Sent {
                case_id: parse_uuid(case_id.as_deref().unwrap_or(""))?,
            },
            "failed" => OutboxState::Failed {
                // A failed row always has its reason; one without reads as unexpected.
                reason: Failure::from_stored(code.as_deref().unwrap_or_default()),
                message: message.unwrap_or_default(),
            },
            other => return Err(StoreError::Corrupt(format!("outbox state {other:?}"))),
        };
        Ok(OutboxItem {
            id: parse_uuid(&id)?,
            account_id,
            payload: from_json(&payload)?,
            state,
            created_at: from_ms(created_at)?,
            may_have_arrived,
        })
    })())
}

fn draft_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Draft>> {
    let id: String = r.get(0)?;
    let content: String = r.get(1)?;
    let updated_at: i64 = r.get(2)?;
    Ok((|| {
        Ok(Draft {
            id: parse_uuid(&id)?,
            content: from_json(&content)?,
            updated_at: from_ms(updated_at)?,
        })
    })())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn from_json<T: serde::de::DeserializeOwned>(raw: &str) -> Result<T> {
    // Bytes, not a str: the same parser as the network's (`api`), so the browser build
    // carries one copy of each type's deserializer instead of two.
    serde_json::from_slice(raw.as_bytes()).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn parse_uuid(s: &str) -> Result<Uuid> {
    Uuid::parse_str(s).map_err(|_| StoreError::Corrupt(format!("bad id {s:?}")))
}

pub(crate) fn ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

pub(crate) fn from_ms(ms: i64) -> Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A store as the app left it three versions ago (accounts kept apart, but nothing
    /// about whether a try may have arrived, and no case drafts): a waiting message that
    /// was tried once, one never tried, and a draft.
    fn written_by_an_older_app() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
        let payload = |case: &str| format!(r#"{{"type":"mediation","case_id":"{case}"}}"#);
        let tx = conn.transaction().unwrap();
        for (id, attempts) in [
            ("0190a0a0-0000-7000-8000-000000000001", 1),
            ("0190a0a0-0000-7000-8000-000000000002", 0),
        ] {
            tx.execute(
                "INSERT INTO outbox (id, account_id, payload, state, attempts, created_at, owner)
                 VALUES (?1, 7, ?2, 'queued', ?3, 0, 'http://server#7')",
                params![
                    id,
                    payload("0190a0a0-0000-7000-8000-0000000000aa"),
                    attempts
                ],
            )
            .unwrap();
        }
        tx.execute(
            "INSERT INTO drafts (id, content, updated_at, edit_seq, owner)
             VALUES ('0190a0a0-0000-7000-8000-0000000000dd', ?1, 0, 1, 'http://server#7')",
            [serde_json::to_string(&DraftContent {
                body: "Written before the update".into(),
                ..DraftContent::default()
            })
            .unwrap()],
        )
        .unwrap();
        tx.commit().unwrap();
        conn
    }

    #[test]
    fn a_store_written_by_an_older_app_is_migrated_and_nothing_is_lost() {
        let store = Store::prepare(written_by_an_older_app()).unwrap();
        store.set_owner("http://server#7");
        let drafts = store.drafts().unwrap();
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].content.body, "Written before the update");
        let outbox = store.outbox().unwrap();
        assert_eq!(outbox.len(), 2);
        // Tried once before the update: it may be at the server, so it goes as it is.
        assert!(outbox[0].may_have_arrived && !outbox[0].can_change());
        assert!(!outbox[1].may_have_arrived && outbox[1].can_change());
        // And the new tables are there to use.
        let case = Uuid::new_v4();
        let draft = CaseDraft {
            body: "A reply".into(),
            files: vec![],
        };
        store
            .save_case_draft(case, CaseDraftKind::Reply, &draft)
            .unwrap();
        assert_eq!(
            store.case_draft(case, CaseDraftKind::Reply).unwrap(),
            Some(draft)
        );
    }

    #[test]
    fn an_answer_for_an_account_that_has_signed_out_since_is_not_cached() {
        let store = Store::prepare(Connection::open_in_memory().unwrap()).unwrap();
        let anna = "http://server#1";
        store.set_owner(anna);
        store.take_over(anna).unwrap();
        let case: CaseSummary = serde_json::from_value(serde_json::json!({
            "id": Uuid::new_v4(), "kind": "question", "topic": "reservations",
            "subtopic": "changes", "property_id": null, "reservation_ref": null,
            "status": "submitted", "outcome": null,
            "created_at": "2026-12-01T10:00:00Z", "last_activity_at": "2026-12-01T10:00:00Z",
            "last_event_id": 1, "unread_count": 0
        }))
        .unwrap();
        assert!(
            store
                .cache_cases(anna, std::slice::from_ref(&case))
                .unwrap()
        );
        // Anna signs out and Budi signs in while one of her requests is on its way.
        store.leave(false).unwrap();
        let budi = "http://server#2";
        store.set_owner(budi);
        store.take_over(budi).unwrap();
        assert!(
            !store
                .cache_cases(anna, std::slice::from_ref(&case))
                .unwrap()
        );
        assert!(
            store.cases().unwrap().is_empty(),
            "nothing of Anna's in Budi's cache"
        );
        let file = LocalFile {
            id: Uuid::new_v4(),
            media_type: "image/png".into(),
            size: 3,
            remote_id: Some(Uuid::new_v4()),
        };
        store.add_downloaded(anna, &file, b"png").unwrap();
        assert!(store.file(file.id).is_err());
    }

    #[test]
    fn a_push_target_is_its_accounts_and_goes_when_it_signs_out() {
        let store = Store::prepare(Connection::open_in_memory().unwrap()).unwrap();
        let (anna, budi) = ("http://server#1", "http://server#2");
        let (hers, his) = (Uuid::new_v4(), Uuid::new_v4());
        assert!(!store.set_push_device("", Some(hers)).unwrap(), "nobody's");
        assert!(
            !store.set_push_device(anna, Some(hers)).unwrap(),
            "not signed in"
        );
        store.set_owner(anna);
        assert!(store.set_push_device(anna, Some(Uuid::new_v4())).unwrap());
        assert!(store.set_push_device(anna, Some(hers)).unwrap());
        assert_eq!(
            store.push_device().unwrap(),
            Some(hers),
            "the newest counts"
        );
        store.set_owner(budi);
        assert_eq!(store.push_device().unwrap(), None, "not Anna's");
        // Anna's answer, late, after Budi signed in: not kept for either.
        assert!(!store.set_push_device(anna, Some(his)).unwrap());
        assert!(store.set_push_device(budi, Some(his)).unwrap());
        store.leave(false).unwrap();
        assert_eq!(store.push_device().unwrap(), None, "gone at sign-out");
        store.set_owner(anna);
        assert_eq!(store.push_device().unwrap(), Some(hers));
        assert!(store.set_push_device(anna, None).unwrap());
        assert_eq!(store.push_device().unwrap(), None);
    }

    #[test]
    fn a_store_from_a_newer_app_is_refused_untouched() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", MIGRATIONS.len() as i64 + 1)
            .unwrap();
        assert!(matches!(Store::prepare(conn), Err(StoreError::Corrupt(_))));
    }
}
