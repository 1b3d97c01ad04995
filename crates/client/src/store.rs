//! The phone's local store: one SQLite file (WAL) in the app's data directory holding
//! drafts, the outbox, attachment copies, cached cases and their timelines,
//! notifications and the event cursor. Everything the app shows offline comes from here.
//!
//! Each public method is one short transaction, so a killed app leaves the file at the
//! last committed state: at worst the edit being saved at that instant is lost.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Mutex, MutexGuard};

use pulse_protocol::lifecycle::Actor;
use pulse_protocol::wire::{CaseDetail, CaseEvent, CaseSummary};
#[cfg(target_family = "wasm")]
use rusqlite::OpenFlags;
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::model::{Draft, DraftContent, Failure, LocalFile, Notification};
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
        let cached_for: Option<String> = tx
            .query_row(
                "SELECT value FROM meta WHERE key = 'cache_owner'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if cached_for.as_deref() != Some(owner) {
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
        let item = outbox_item(&tx, id, &owner)?;
        tx.commit()?;
        Ok(item)
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

    /// Marks items as being sent, in one transaction.
    pub fn mark_sending(&self, ids: &[Uuid]) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for id in ids {
            tx.prepare_cached(
                "UPDATE outbox SET state = 'sending', error_code = NULL, error_message = NULL WHERE id = ?1",
            )?
            .execute([id.to_string()])?;
        }
        tx.commit()?;
        Ok(())
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
            cache_summary(&tx, &detail.case)?;
            for event in &detail.timeline {
                insert_event(&tx, event)?;
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
    ) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for id in ids {
            tx.prepare_cached(
                "UPDATE outbox SET state = 'queued', attempts = attempts + 1, next_attempt_at = ?2,
                    error_code = ?3, error_message = NULL WHERE id = ?1",
            )?
            .execute(params![
                id.to_string(),
                ms(next_attempt_at),
                reason.as_str()
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
        if insert_event(&tx, event)? {
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

    /// Removes an item that is not being sent (queued or failed) and the files it
    /// carried, in one transaction; returns it.
    pub fn remove_unsent(&self, id: Uuid) -> Result<OutboxItem> {
        let owner = self.owner();
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let item = outbox_item(&tx, id, &owner)?;
        if !matches!(
            item.state,
            OutboxState::Queued { .. } | OutboxState::Failed { .. }
        ) {
            return Err(StoreError::NotFound("unsent item"));
        }
        tx.execute("DELETE FROM outbox WHERE id = ?1", [id.to_string()])?;
        delete_files(&tx, item.payload.files())?;
        tx.commit()?;
        Ok(item)
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
        tx.execute(
            "INSERT INTO drafts (id, content, updated_at, edit_seq, owner)
             VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(edit_seq), 0) + 1 FROM drafts), ?4)",
            params![
                draft.to_string(),
                to_json(content)?,
                ms(OffsetDateTime::now_utc()),
                owner
            ],
        )?;
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
    pub fn cache_cases(&self, cases: &[CaseSummary]) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        for case in cases {
            cache_summary(&tx, case)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Caches a case read from the server, with its whole timeline.
    pub fn cache_detail(&self, detail: &CaseDetail) -> Result<()> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
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
    pub fn apply_event(&self, event: &CaseEvent) -> Result<Applied> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        let fresh = insert_event(&tx, event)?;
        let mut applied = Applied::default();
        if fresh {
            applied.case_known = apply_to_summary(&tx, event)?;
            if event.author.role == Actor::Handler {
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
         DELETE FROM meta WHERE key IN ('event_cursor', 'cache_owner');",
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
fn named_files(tx: &Transaction<'_>) -> Result<HashSet<Uuid>> {
    let mut named = HashSet::new();
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
        if event.author.role == Actor::Handler {
            case.unread_count += 1;
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
    error_code, error_message, case_id, created_at";

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
