//! The SQLite backend: one file (WAL), written by one thread and read inline (the
//! `engine` module says why). The default: zero set-up, one machine. SQL only; the
//! flow is in [`super::flow`].

mod engine;

use std::future::Future;
use std::path::PathBuf;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use pulse_protocol::lifecycle::CaseStatus;
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row, params};
use tokio::sync::watch;
use uuid::Uuid;

use super::backend::{
    AccountRow, AnswerRef, AttachmentRow, AuthRow, Backend, CASE_COLUMNS, CaseChange, CaseRecord,
    CaseRow, ClaimRow, DeviceRow, EVENT_COLUMNS, EventRow, HANDLER_CASE_COLUMNS,
    HANDLER_CASE_JOINS, HandlerCaseRow, HandlerRow, LinkRow, LinkedAttachmentRow, LinkedFile,
    LoginRow, MailRow, MoveTargetRow, NewAccountRow, NewAttachmentRow, NewCaseRow, NewDeviceRow,
    NewEventRow, NewLinkRow, NewMailRow, PropertyRow, PushRow, QUEUE_ORDER, QueueFilter,
    RECORD_COLUMNS, RECORD_JOINS, RateQuota, SavedReplyRow, SessionTimesRow, SqlValue, Tx, Write,
};
use super::{IdempotencyKey, Result, StoreError};
use engine::Engine;

/// A SQLite database file.
pub struct SqliteBackend {
    engine: Engine,
    latest_event: watch::Sender<i64>,
    allowances: Allowances,
}

impl SqliteBackend {
    /// Opens (creating if needed) and migrates the database at `url`
    /// (`sqlite:path/to/file.db`).
    pub async fn open(url: &str, quota: RateQuota, queued_writes: usize) -> Result<SqliteBackend> {
        let path = sqlite_path(url)?;
        let (writer, latest) = tokio::task::spawn_blocking({
            let path = path.clone();
            move || -> Result<(Connection, i64)> {
                let mut writer = engine::open_writer(&path)?;
                migrate(&mut writer)?;
                let latest: i64 =
                    writer.query_row("SELECT COALESCE(MAX(id), 0) FROM case_events", [], |r| {
                        r.get(0)
                    })?;
                Ok((writer, latest))
            }
        })
        .await
        .map_err(|e| StoreError::Database(e.to_string()))??;
        let latest_event = watch::Sender::new(latest);
        let engine = Engine::start(
            &path.to_string_lossy(),
            writer,
            latest_event.clone(),
            queued_writes,
        );
        Ok(SqliteBackend {
            engine,
            latest_event,
            allowances: Allowances::new(quota),
        })
    }
}

/// A write transaction on the writer thread.
struct SqliteTx<'c> {
    conn: &'c mut Connection,
}

impl Tx for SqliteTx<'_> {
    async fn insert_account(&mut self, account: &NewAccountRow<'_>) -> Result<Option<i64>> {
        let inserted = self
            .conn
            .prepare_cached(
                "INSERT INTO accounts (role, email, email_key, name, password_hash, country,
                    in_eea, created_at, language)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
            )?
            .execute(params![
                account.role.as_str(),
                account.email,
                account.email_key,
                account.name,
                account.password_hash,
                account.country,
                account.in_eea,
                account.created_at,
                account.language
            ])?;
        Ok((inserted == 1).then(|| self.conn.last_insert_rowid()))
    }

    async fn insert_property(&mut self, account_id: i64, name: &str) -> Result<()> {
        self.conn
            .prepare_cached("INSERT INTO properties (account_id, name) VALUES (?1, ?2)")?
            .execute(params![account_id, name])?;
        Ok(())
    }

    async fn insert_session(
        &mut self,
        token_hash: &[u8; 32],
        account_id: i64,
        at: i64,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO sessions (token_hash, account_id, created_at, last_used_at)
                 VALUES (?1, ?2, ?3, ?3)",
            )?
            .execute(params![&token_hash[..], account_id, at])?;
        Ok(())
    }

    async fn delete_session(&mut self, token_hash: &[u8; 32]) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM sessions WHERE token_hash = ?1")?
            .execute([&token_hash[..]])?;
        Ok(())
    }

    async fn pending_files(&mut self, account_id: i64) -> Result<(i64, i64)> {
        // The single writer: no other upload is recorded until this one commits.
        Ok(self
            .conn
            .prepare_cached(PENDING_FILES)?
            .query_row([account_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
    }

    async fn delete_old_answers(&mut self, stored_before: i64, rows: i64) -> Result<u64> {
        let gone = self
            .conn
            .prepare_cached(
                "DELETE FROM idempotency WHERE (account_id, key) IN (
                     SELECT account_id, key FROM idempotency WHERE created_at < ?1 LIMIT ?2)",
            )?
            .execute([stored_before, rows])?;
        Ok(gone as u64)
    }

    async fn delete_unlinked_files(&mut self, created_before: i64) -> Result<Vec<Uuid>> {
        let ids = self
            .conn
            .prepare_cached(
                "DELETE FROM attachments WHERE event_id IS NULL AND created_at < ?1 RETURNING id",
            )?
            .query_map([created_before], |r| uuid_from(0, &r.get::<_, String>(0)?))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ids)
    }

    async fn touch_session(&mut self, token_hash: &[u8; 32], at: i64) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE sessions SET last_used_at = ?2 WHERE token_hash = ?1")?
            .execute(params![&token_hash[..], at])?;
        Ok(())
    }

    async fn delete_account_sessions(&mut self, account_id: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM sessions WHERE account_id = ?1")?
            .execute([account_id])?;
        Ok(())
    }

    async fn delete_ended_sessions(
        &mut self,
        used_before: i64,
        created_before: i64,
    ) -> Result<u64> {
        let gone = self
            .conn
            .prepare_cached("DELETE FROM sessions WHERE last_used_at < ?1 OR created_at < ?2")?
            .execute([used_before, created_before])?;
        Ok(gone as u64)
    }

    async fn login_by_key(&mut self, email_key: &str) -> Result<Option<LoginRow>> {
        Ok(self
            .conn
            .prepare_cached("SELECT id, password_hash FROM accounts WHERE email_key = ?1")?
            .query_row([email_key], |r| {
                Ok(LoginRow {
                    id: r.get(0)?,
                    password_hash: r.get(1)?,
                })
            })
            .optional()?)
    }

    async fn set_password(&mut self, account_id: i64, password_hash: &str) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE accounts SET password_hash = ?2 WHERE id = ?1")?
            .execute(params![account_id, password_hash])?;
        Ok(())
    }

    async fn delete_other_sessions(&mut self, account_id: i64, keep: &[u8; 32]) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM sessions WHERE account_id = ?1 AND token_hash <> ?2")?
            .execute(params![account_id, &keep[..]])?;
        Ok(())
    }

    async fn replace_link(&mut self, link: &NewLinkRow<'_>) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM password_links WHERE account_id = ?1 AND purpose = ?2")?
            .execute(params![link.account_id, link.purpose])?;
        self.conn
            .prepare_cached(
                "INSERT INTO password_links (token_hash, account_id, purpose, created_at,
                    expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                &link.token_hash[..],
                link.account_id,
                link.purpose,
                link.created_at,
                link.expires_at
            ])?;
        Ok(())
    }

    async fn take_link(&mut self, token_hash: &[u8; 32]) -> Result<Option<LinkRow>> {
        let link = read_link(self.conn, token_hash)?;
        if link.is_some() {
            self.conn
                .prepare_cached("DELETE FROM password_links WHERE token_hash = ?1")?
                .execute([&token_hash[..]])?;
        }
        Ok(link)
    }

    async fn delete_links(&mut self, account_id: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM password_links WHERE account_id = ?1")?
            .execute([account_id])?;
        Ok(())
    }

    async fn enqueue_mail(&mut self, mail: &NewMailRow<'_>) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO mail_queue (recipient, subject, text_body, html_body, created_at,
                    next_attempt_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            )?
            .execute(params![
                mail.recipient,
                mail.subject,
                mail.text_body,
                mail.html_body,
                mail.created_at
            ])?;
        Ok(())
    }

    // The single writer: no other instance shares the file, nobody else takes the row.
    async fn claim_mail(&mut self, now: i64, lease_until: i64) -> Result<Option<MailRow>> {
        Ok(self
            .conn
            .prepare_cached(
                "UPDATE mail_queue SET next_attempt_at = ?2, attempts = attempts + 1
                 WHERE id = (SELECT id FROM mail_queue WHERE next_attempt_at <= ?1
                             ORDER BY next_attempt_at, id LIMIT 1)
                 RETURNING id, recipient, subject, text_body, html_body, attempts",
            )?
            .query_row([now, lease_until], |r| {
                Ok(MailRow {
                    id: r.get(0)?,
                    recipient: r.get(1)?,
                    subject: r.get(2)?,
                    text_body: r.get(3)?,
                    html_body: r.get(4)?,
                    attempts: r.get(5)?,
                })
            })
            .optional()?)
    }

    async fn delete_mail(&mut self, id: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM mail_queue WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }

    async fn retry_mail(&mut self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE mail_queue SET next_attempt_at = ?2, last_error = ?3 WHERE id = ?1",
            )?
            .execute(params![id, next_attempt_at, error])?;
        Ok(())
    }

    async fn device_at(&mut self, platform: &str, address: &str) -> Result<Option<(Uuid, i64)>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, account_id FROM devices WHERE platform = ?1 AND address = ?2",
            )?
            .query_row([platform, address], |r| {
                Ok((uuid_from(0, &r.get::<_, String>(0)?)?, r.get(1)?))
            })
            .optional()?)
    }

    async fn insert_device(&mut self, d: &NewDeviceRow<'_>) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO devices (id, account_id, session_hash, platform, address, p256dh,
                    auth, language, label, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                d.id.to_string(),
                d.account_id,
                &d.session_hash[..],
                d.platform,
                d.address,
                d.p256dh,
                d.auth,
                d.language,
                d.label,
                d.created_at
            ])?;
        Ok(())
    }

    async fn update_device(&mut self, d: &NewDeviceRow<'_>) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE devices SET session_hash = ?2, p256dh = ?3, auth = ?4, language = ?5,
                    label = ?6
                 WHERE id = ?1",
            )?
            .execute(params![
                d.id.to_string(),
                &d.session_hash[..],
                d.p256dh,
                d.auth,
                d.language,
                d.label
            ])?;
        Ok(())
    }

    async fn trim_devices(&mut self, account_id: i64, keep: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "DELETE FROM devices WHERE account_id = ?1 AND id NOT IN
                    (SELECT id FROM devices WHERE account_id = ?1
                     ORDER BY created_at DESC, id DESC LIMIT ?2)",
            )?
            .execute(params![account_id, keep])?;
        Ok(())
    }

    async fn delete_device(&mut self, id: Uuid, account_id: Option<i64>) -> Result<bool> {
        let gone = self
            .conn
            .prepare_cached(
                "DELETE FROM devices WHERE id = ?1 AND (?2 IS NULL OR account_id = ?2)",
            )?
            .execute(params![id.to_string(), account_id])?;
        Ok(gone > 0)
    }

    async fn mark_visible(&mut self, id: Uuid, account_id: i64, until: i64) -> Result<bool> {
        let marked = self
            .conn
            .prepare_cached(
                "UPDATE devices SET visible_until = ?3 WHERE id = ?1 AND account_id = ?2",
            )?
            .execute(params![id.to_string(), account_id, until])?;
        Ok(marked > 0)
    }

    async fn enqueue_pushes(&mut self, account_id: i64, event_id: i64, at: i64) -> Result<u64> {
        let queued = self
            .conn
            .prepare_cached(
                "INSERT INTO push_queue (device_id, event_id, created_at, next_attempt_at)
                 SELECT id, ?2, ?3, ?3 FROM devices WHERE account_id = ?1",
            )?
            .execute(params![account_id, event_id, at])?;
        Ok(queued as u64)
    }

    // The single writer: no other instance shares the file, nobody else takes the rows.
    async fn claim_pushes(
        &mut self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<PushRow>> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT q.id, q.attempts + 1, q.event_id, d.id, d.platform, d.address, d.p256dh,
                    d.auth, d.language, d.visible_until, e.case_id, e.kind, c.topic, c.subtopic
                 FROM push_queue q
                 JOIN devices d ON d.id = q.device_id
                 JOIN case_events e ON e.id = q.event_id
                 JOIN cases c ON c.id = e.case_id
                 WHERE q.next_attempt_at <= ?1
                 ORDER BY q.next_attempt_at, q.id LIMIT ?2",
            )?
            .query_map([now, limit], |r| {
                Ok(PushRow {
                    id: r.get(0)?,
                    attempts: r.get(1)?,
                    event_id: r.get(2)?,
                    device_id: uuid_from(3, &r.get::<_, String>(3)?)?,
                    platform: r.get(4)?,
                    address: r.get(5)?,
                    p256dh: r.get(6)?,
                    auth: r.get(7)?,
                    language: r.get(8)?,
                    visible_until: r.get(9)?,
                    case_id: uuid_from(10, &r.get::<_, String>(10)?)?,
                    kind: r.get(11)?,
                    topic: r.get(12)?,
                    subtopic: r.get(13)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut lease = self.conn.prepare_cached(
            "UPDATE push_queue SET next_attempt_at = ?2, attempts = attempts + 1 WHERE id = ?1",
        )?;
        for row in &rows {
            lease.execute([row.id, lease_until])?;
        }
        Ok(rows)
    }

    async fn delete_push(&mut self, id: i64) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM push_queue WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }

    async fn retry_push(&mut self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE push_queue SET next_attempt_at = ?2, last_error = ?3 WHERE id = ?1",
            )?
            .execute(params![id, next_attempt_at, error])?;
        Ok(())
    }

    async fn insert_attachment(&mut self, attachment: &NewAttachmentRow<'_>) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO attachments (id, account_id, media_type, size, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                attachment.id.to_string(),
                attachment.account_id,
                attachment.media_type,
                attachment.size,
                attachment.created_at
            ])?;
        Ok(())
    }

    // The single writer is the claim: nobody else can store this key before this
    // transaction commits, so looking is enough.
    async fn claim_key(
        &mut self,
        account_id: i64,
        key: &IdempotencyKey,
    ) -> Result<Option<ClaimRow>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT request_hash, response_status, answer_case, answer_event, response_body
                 FROM idempotency WHERE account_id = ?1 AND key = ?2",
            )?
            .query_row(params![account_id, key.key], |r| {
                Ok(ClaimRow {
                    request_hash: r.get(0)?,
                    response_status: r.get(1)?,
                    answer_case: r
                        .get::<_, Option<String>>(2)?
                        .map(|s| uuid_from(2, &s))
                        .transpose()?,
                    answer_event: r.get(3)?,
                    legacy_body: r.get(4)?,
                })
            })
            .optional()?)
    }

    async fn release_key(&mut self, _account_id: i64, _key: &IdempotencyKey) -> Result<()> {
        // Claiming only read: the one writer needs no placeholder.
        Ok(())
    }

    async fn store_answer(
        &mut self,
        account_id: i64,
        key: &IdempotencyKey,
        status: u16,
        answer: AnswerRef,
    ) -> Result<()> {
        let (case, event) = match answer {
            AnswerRef::Case(id) => (Some(id.to_string()), None),
            AnswerRef::Event(id) => (None, Some(id)),
        };
        self.conn
            .prepare_cached(
                "INSERT INTO idempotency (account_id, key, request_hash, response_status,
                    response_body, answer_case, answer_event, created_at)
                 VALUES (?1, ?2, ?3, ?4, '', ?5, ?6, ?7)",
            )?
            .execute(params![
                account_id,
                key.key,
                &key.request_hash[..],
                i64::from(status),
                case,
                event,
                now_ms()
            ])?;
        Ok(())
    }

    async fn owns_property(&mut self, partner_id: i64, property_id: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM properties WHERE id = ?1 AND account_id = ?2")?
            .query_row(params![property_id, partner_id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    // The event first: the case row then carries its id from the start (the foreign key
    // from events to cases is checked at commit).
    async fn open_case(&mut self, case: &NewCaseRow<'_>, event: &NewEventRow<'_>) -> Result<i64> {
        let event_id = insert_event(self.conn, event)?;
        self.conn
            .prepare_cached(
                "INSERT INTO cases (id, partner_id, kind, topic, subtopic, property_id,
                    reservation_ref, status, diagnostics, contact, client_created_at, created_at,
                    last_activity_at, last_event_id, opening_event_id, reply_due_at, language)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?13, ?14,
                    ?15)",
            )?
            .execute(params![
                case.id.to_string(),
                case.partner_id,
                case.kind.as_str(),
                case.topic.as_str(),
                case.subtopic,
                case.property_id,
                case.reservation_ref,
                case.status.as_str(),
                case.diagnostics,
                case.contact,
                case.client_created_at,
                case.created_at,
                event_id,
                case.reply_due_at,
                case.language,
            ])?;
        self.conn
            .prepare_cached("INSERT INTO case_search (rowid, text) VALUES (?1, ?2)")?
            .execute(params![event_id, case.search_text])?;
        Ok(event_id)
    }

    async fn case_for_move(
        &mut self,
        case_id: Uuid,
        partner_scope: Option<i64>,
    ) -> Result<Option<MoveTargetRow>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT c.status, c.partner_id, a.in_eea, c.handler_seen, c.assignee_id
                 FROM cases c JOIN accounts a ON a.id = c.partner_id
                 WHERE c.id = ?1 AND (?2 IS NULL OR c.partner_id = ?2)",
            )?
            .query_row(params![case_id.to_string(), partner_scope], |r| {
                Ok(MoveTargetRow {
                    status: r.get(0)?,
                    partner_id: r.get(1)?,
                    in_eea: r.get(2)?,
                    handler_seen: r.get(3)?,
                    assignee_id: r.get(4)?,
                })
            })
            .optional()?)
    }

    async fn append_event(
        &mut self,
        event: &NewEventRow<'_>,
        change: &CaseChange<'_>,
    ) -> Result<i64> {
        let event_id = insert_event(self.conn, event)?;
        self.conn
            .prepare_cached(
                "UPDATE cases SET status = ?1, outcome = COALESCE(?2, outcome),
                    expected_next = COALESCE(?3, expected_next), last_event_id = ?4,
                    last_activity_at = ?5,
                    reply_due_at = CASE WHEN ?7 THEN ?8 ELSE reply_due_at END
                 WHERE id = ?6",
            )?
            .execute(params![
                change.status.as_str(),
                change.outcome,
                change.expected_next,
                event_id,
                change.at,
                event.case_id.to_string(),
                change.reply_due_at.is_some(),
                change.reply_due_at.flatten(),
            ])?;
        Ok(event_id)
    }

    async fn append_internal_event(&mut self, event: &NewEventRow<'_>) -> Result<i64> {
        insert_event(self.conn, event)
    }

    async fn set_assignee(&mut self, case_id: Uuid, handler_id: Option<i64>) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE cases SET assignee_id = ?2, handler_seen = 1 WHERE id = ?1")?
            .execute(params![case_id.to_string(), handler_id])?;
        Ok(())
    }

    async fn mark_handler_seen(&mut self, case_id: Uuid) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE cases SET handler_seen = 1 WHERE id = ?1 AND handler_seen = 0")?
            .execute([case_id.to_string()])?;
        Ok(())
    }

    async fn extend_search(&mut self, case_id: Uuid, text: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE case_search SET text = text || char(10) || ?2
                 WHERE rowid = (SELECT opening_event_id FROM cases WHERE id = ?1)",
            )?
            .execute(params![case_id.to_string(), text])?;
        Ok(())
    }

    async fn handler_name(&mut self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT name FROM accounts WHERE id = ?1 AND role = 'handler'")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    async fn count_saved_replies(&mut self, handler_id: i64) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM saved_replies WHERE handler_id = ?1")?
            .query_row([handler_id], |r| r.get(0))?)
    }

    async fn insert_saved_reply(
        &mut self,
        handler_id: i64,
        title: &str,
        body: &str,
        at: i64,
    ) -> Result<i64> {
        self.conn
            .prepare_cached(
                "INSERT INTO saved_replies (handler_id, title, body, created_at)
                 VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![handler_id, title, body, at])?;
        Ok(self.conn.last_insert_rowid())
    }

    async fn update_saved_reply(
        &mut self,
        id: i64,
        handler_id: i64,
        title: &str,
        body: &str,
    ) -> Result<bool> {
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE saved_replies SET title = ?3, body = ?4 WHERE id = ?1 AND handler_id = ?2",
            )?
            .execute(params![id, handler_id, title, body])?;
        Ok(changed == 1)
    }

    async fn delete_saved_reply(&mut self, id: i64, handler_id: i64) -> Result<bool> {
        let gone = self
            .conn
            .prepare_cached("DELETE FROM saved_replies WHERE id = ?1 AND handler_id = ?2")?
            .execute(params![id, handler_id])?;
        Ok(gone == 1)
    }

    async fn link_attachment(
        &mut self,
        event_id: i64,
        uploader: i64,
        attachment: Uuid,
        position: i64,
    ) -> Result<Option<LinkedFile>> {
        Ok(self
            .conn
            .prepare_cached(
                "UPDATE attachments SET event_id = ?1, position = ?4
                 WHERE id = ?2 AND account_id = ?3 AND event_id IS NULL
                 RETURNING media_type, size",
            )?
            .query_row(
                params![event_id, attachment.to_string(), uploader, position],
                |r| {
                    Ok(LinkedFile {
                        media_type: r.get(0)?,
                        size: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    async fn mark_read(&mut self, case_id: Uuid, partner_id: i64, upto: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "UPDATE cases SET partner_read_event_id = ?3
                 WHERE id = ?1 AND partner_id = ?2 AND partner_read_event_id < ?3",
            )?
            .execute(params![case_id.to_string(), partner_id, upto])?;
        Ok(())
    }

    async fn savepoint(&mut self) -> Result<()> {
        engine::run_sql(self.conn, "SAVEPOINT item")
    }

    async fn end_savepoint(&mut self, keep: bool) -> Result<()> {
        if !keep {
            engine::run_sql(self.conn, "ROLLBACK TO item")?;
        }
        engine::run_sql(self.conn, "RELEASE item")
    }
}

fn insert_event(conn: &Connection, event: &NewEventRow<'_>) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO case_events (case_id, partner_id, kind, status, author_role, author_name,
            body, outcome, expected_next, created_at, internal)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        event.case_id.to_string(),
        event.partner_id,
        event.kind.as_str(),
        event.status.as_str(),
        event.author_role.as_str(),
        event.author_name,
        event.body,
        event.outcome,
        event.expected_next,
        event.created_at,
        event.internal
    ])?;
    Ok(conn.last_insert_rowid())
}

/// Runs a future whose every step is synchronous: on the writer thread, the steps of
/// [`SqliteTx`] never wait, so one poll finishes it. One that did wait would be a bug,
/// answered as an error (the write is then rolled back).
fn run_ready<F: Future>(future: F) -> Result<F::Output> {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => Ok(output),
        Poll::Pending => Err(StoreError::Database(
            "a SQLite write step waited for something".into(),
        )),
    }
}

impl Backend for SqliteBackend {
    fn write<W: Write>(&self, write: W) -> impl Future<Output = Result<W::Output>> + Send {
        self.engine.write(move |conn| {
            let written = run_ready(write.run(&mut SqliteTx { conn }))??;
            Ok((written.value, written.newest_event))
        })
    }

    fn subscribe(&self) -> watch::Receiver<i64> {
        self.latest_event.subscribe()
    }

    async fn login_record(&self, email_key: &str) -> Result<Option<LoginRow>> {
        self.engine.read(|conn| {
            Ok(conn
                .prepare_cached("SELECT id, password_hash FROM accounts WHERE email_key = ?1")?
                .query_row([email_key], |r| {
                    Ok(LoginRow {
                        id: r.get(0)?,
                        password_hash: r.get(1)?,
                    })
                })
                .optional()?)
        })
    }

    async fn account(&self, id: i64) -> Result<Option<AccountRow>> {
        self.engine.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT id, role, name, email, country, in_eea, language FROM accounts
                     WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    Ok(AccountRow {
                        id: r.get(0)?,
                        role: r.get(1)?,
                        name: r.get(2)?,
                        email: r.get(3)?,
                        country: r.get(4)?,
                        in_eea: r.get(5)?,
                        language: r.get(6)?,
                    })
                })
                .optional()?)
        })
    }

    async fn link(&self, token_hash: &[u8; 32]) -> Result<Option<LinkRow>> {
        self.engine.read(|conn| read_link(conn, token_hash))
    }

    async fn properties(&self, account_id: i64) -> Result<Vec<PropertyRow>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, name FROM properties WHERE account_id = ?1 ORDER BY id",
            )?;
            let rows = stmt
                .query_map([account_id], |r| {
                    Ok(PropertyRow {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    async fn devices(&self, account_id: i64) -> Result<Vec<DeviceRow>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, platform, language, label, created_at FROM devices
                 WHERE account_id = ?1 ORDER BY created_at, id",
            )?;
            let rows = stmt
                .query_map([account_id], |r| {
                    Ok(DeviceRow {
                        id: uuid_from(0, &r.get::<_, String>(0)?)?,
                        platform: r.get(1)?,
                        language: r.get(2)?,
                        label: r.get(3)?,
                        created_at: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    async fn session_account(&self, token_hash: &[u8; 32]) -> Result<Option<AuthRow>> {
        self.engine.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT a.id, a.role, a.name, a.in_eea, s.created_at, s.last_used_at, a.email
                     FROM sessions s JOIN accounts a ON a.id = s.account_id
                     WHERE s.token_hash = ?1",
                )?
                .query_row([&token_hash[..]], |r| {
                    Ok(AuthRow {
                        id: r.get(0)?,
                        role: r.get(1)?,
                        name: r.get(2)?,
                        in_eea: r.get(3)?,
                        created_at: r.get(4)?,
                        last_used_at: r.get(5)?,
                        email: r.get(6)?,
                    })
                })
                .optional()?)
        })
    }

    async fn pending_file_totals(&self, account_id: i64) -> Result<(i64, i64)> {
        self.engine.read(move |conn| {
            Ok(conn
                .prepare_cached(PENDING_FILES)?
                .query_row([account_id], |r| Ok((r.get(0)?, r.get(1)?)))?)
        })
    }

    async fn session_times(&self, token_hashes: &[[u8; 32]]) -> Result<Vec<SessionTimesRow>> {
        if token_hashes.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; token_hashes.len()].join(", ");
        let sql = format!(
            "SELECT token_hash, created_at, last_used_at FROM sessions
             WHERE token_hash IN ({marks})"
        );
        let hashes: Vec<&[u8]> = token_hashes.iter().map(|h| &h[..]).collect();
        self.engine.read(move |conn| {
            let mut statement = conn.prepare(&sql)?;
            let rows = statement
                .query_map(rusqlite::params_from_iter(hashes.iter()), |r| {
                    Ok(SessionTimesRow {
                        token_hash: r.get(0)?,
                        created_at: r.get(1)?,
                        last_used_at: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    async fn attachment(&self, id: Uuid) -> Result<Option<AttachmentRow>> {
        self.engine.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT a.media_type, a.size, a.account_id, e.case_id FROM attachments a
                     LEFT JOIN case_events e ON e.id = a.event_id WHERE a.id = ?1",
                )?
                .query_row([id.to_string()], |r| {
                    Ok(AttachmentRow {
                        media_type: r.get(0)?,
                        size: r.get(1)?,
                        account_id: r.get(2)?,
                        case_id: r
                            .get::<_, Option<String>>(3)?
                            .map(|text| uuid_from(3, &text))
                            .transpose()?,
                    })
                })
                .optional()?)
        })
    }

    async fn partner_cases(&self, partner_id: i64, before: i64, rows: i64) -> Result<Vec<CaseRow>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {CASE_COLUMNS} FROM cases c WHERE c.partner_id = ?1 AND c.last_event_id < ?2
                 ORDER BY c.last_event_id DESC LIMIT ?3"
            ))?;
            let cases = stmt
                .query_map(params![partner_id, before, rows], case_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(cases)
        })
    }

    async fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: i64,
        rows: i64,
    ) -> Result<Vec<HandlerCaseRow>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {CASE_COLUMNS}, {HANDLER_CASE_COLUMNS} {HANDLER_CASE_JOINS}
                 WHERE (?1 IS NULL OR c.status = ?1) AND c.last_event_id < ?2
                 ORDER BY c.last_event_id DESC LIMIT ?3"
            ))?;
            let cases = stmt
                .query_map(
                    params![status.map(|s| s.as_str()), before, rows],
                    handler_case_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(cases)
        })
    }

    async fn queue(&self, filter: &QueueFilter, rows: i64) -> Result<Vec<HandlerCaseRow>> {
        let (condition, mut values) = filter.where_sql(placeholder, search_clause);
        values.push(SqlValue::Int(rows));
        let limit = placeholder(values.len());
        let sql = format!(
            "SELECT {CASE_COLUMNS}, {HANDLER_CASE_COLUMNS} {HANDLER_CASE_JOINS}
             WHERE {condition} {QUEUE_ORDER} LIMIT {limit}"
        );
        self.engine.read(move |conn| {
            let mut stmt = conn.prepare_cached(&sql)?;
            let cases = stmt
                .query_map(
                    rusqlite::params_from_iter(values.iter().map(to_sql)),
                    handler_case_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(cases)
        })
    }

    async fn count_cases(&self, filter: &QueueFilter) -> Result<i64> {
        let filter = QueueFilter {
            after: None,
            ..filter.clone()
        };
        let (condition, values) = filter.where_sql(placeholder, search_clause);
        let sql = format!("SELECT COUNT(*) FROM cases c WHERE {condition}");
        self.engine.read(move |conn| {
            Ok(conn
                .prepare_cached(&sql)?
                .query_row(rusqlite::params_from_iter(values.iter().map(to_sql)), |r| {
                    r.get(0)
                })?)
        })
    }

    async fn handlers(&self) -> Result<Vec<HandlerRow>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, name FROM accounts WHERE role = 'handler' ORDER BY name, id LIMIT 1000",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(HandlerRow {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    async fn saved_replies(&self, handler_id: i64) -> Result<Vec<SavedReplyRow>> {
        self.engine.read(move |conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, title, body FROM saved_replies WHERE handler_id = ?1
                 ORDER BY title, id",
            )?;
            let rows = stmt
                .query_map([handler_id], |r| {
                    Ok(SavedReplyRow {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        body: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    async fn case(&self, id: Uuid, partner_scope: Option<i64>) -> Result<Option<CaseRecord>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {CASE_COLUMNS}, {RECORD_COLUMNS} {RECORD_JOINS}
                 WHERE c.id = ?1 AND (?2 IS NULL OR c.partner_id = ?2)"
            ))?;
            Ok(stmt
                .query_row(params![id.to_string(), partner_scope], |r| {
                    Ok(CaseRecord {
                        case: case_row(r)?,
                        expected_next: r.get("expected_next")?,
                        diagnostics: r.get("diagnostics")?,
                        contact: r.get("contact")?,
                        partner_in_eea: r.get("partner_in_eea")?,
                        partner_id: r.get("partner_id")?,
                        partner_name: r.get("partner_name")?,
                        partner_email: r.get("partner_email")?,
                        partner_country: r.get("partner_country")?,
                        property_name: r.get("property_name")?,
                        language: r.get("language")?,
                        assignee_id: r.get("assignee_id")?,
                        assignee_name: r.get("assignee_name")?,
                        handler_seen: r.get("handler_seen")?,
                    })
                })
                .optional()?)
        })
    }

    async fn first_event(&self, case_id: Uuid) -> Result<Option<EventRow>> {
        self.engine.read(|conn| {
            Ok(conn
                .prepare_cached(&format!(
                    "SELECT {EVENT_COLUMNS} FROM case_events WHERE case_id = ?1 AND NOT internal
                     ORDER BY id LIMIT 1"
                ))?
                .query_row([case_id.to_string()], event_row)
                .optional()?)
        })
    }

    async fn case_events(
        &self,
        case_id: Uuid,
        before: i64,
        limit: i64,
        internal: bool,
    ) -> Result<Vec<EventRow>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM case_events WHERE case_id = ?1 AND id < ?2
                    AND (?4 OR NOT internal)
                 ORDER BY id DESC LIMIT ?3"
            ))?;
            let events = stmt
                .query_map(
                    params![case_id.to_string(), before, limit, internal],
                    event_row,
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(events)
        })
    }

    async fn event(&self, id: i64) -> Result<Option<EventRow>> {
        self.engine.read(|conn| {
            Ok(conn
                .prepare_cached(&format!(
                    "SELECT {EVENT_COLUMNS} FROM case_events WHERE id = ?1"
                ))?
                .query_row([id], event_row)
                .optional()?)
        })
    }

    async fn events_after(&self, partner_id: i64, after: i64, limit: i64) -> Result<Vec<EventRow>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM case_events WHERE partner_id = ?1 AND id > ?2
                    AND NOT internal
                 ORDER BY id LIMIT ?3"
            ))?;
            let events = stmt
                .query_map(params![partner_id, after, limit], event_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(events)
        })
    }

    async fn events_since(&self, after: i64, limit: i64) -> Result<Vec<EventRow>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM case_events WHERE id > ?1 ORDER BY id LIMIT ?2"
            ))?;
            let events = stmt
                .query_map(params![after, limit], event_row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(events)
        })
    }

    async fn linked_attachments(&self, event_ids: &[i64]) -> Result<Vec<LinkedAttachmentRow>> {
        // One statement for any number of events: the ids travel as a JSON array.
        let ids =
            serde_json::to_string(event_ids).map_err(|e| StoreError::Database(e.to_string()))?;
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id, media_type, size, event_id FROM attachments
                 WHERE event_id IN (SELECT value FROM json_each(?1))
                 ORDER BY event_id, position, created_at, id",
            )?;
            let rows = stmt
                .query_map([ids], |r| {
                    Ok(LinkedAttachmentRow {
                        id: uuid_from(0, &r.get::<_, String>(0)?)?,
                        media_type: r.get(1)?,
                        size: r.get(2)?,
                        event_id: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    async fn stale_cases(
        &self,
        status: CaseStatus,
        cutoff_ms: i64,
        limit: i64,
    ) -> Result<Vec<Uuid>> {
        self.engine.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT id FROM cases WHERE status = ?1 AND last_activity_at <= ?2
                    AND handler_seen = 0 AND assignee_id IS NULL
                 ORDER BY last_event_id LIMIT ?3",
            )?;
            let ids = stmt
                .query_map(params![status.as_str(), cutoff_ms, limit], |r| {
                    uuid_from(0, &r.get::<_, String>(0)?)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(ids)
        })
    }

    async fn take_request(&self, key: &[u8; 32]) -> Result<std::result::Result<(), Duration>> {
        Ok(self.allowances.take(key))
    }

    async fn forget_idle_allowances(&self) -> Result<()> {
        self.allowances.forget_idle();
        Ok(())
    }
}

/// Request allowances per key. A SQLite database serves one instance, so they are
/// kept in its memory.
struct Allowances {
    limiter: RateLimiter<[u8; 32], DefaultKeyedStateStore<[u8; 32]>, DefaultClock>,
    clock: DefaultClock,
}

impl Allowances {
    fn new(quota: RateQuota) -> Allowances {
        let per_second =
            std::num::NonZeroU32::new(quota.per_second).unwrap_or(std::num::NonZeroU32::MIN);
        let burst = std::num::NonZeroU32::new(quota.burst).unwrap_or(std::num::NonZeroU32::MIN);
        Allowances {
            limiter: RateLimiter::keyed(Quota::per_second(per_second).allow_burst(burst)),
            clock: DefaultClock::default(),
        }
    }

    fn take(&self, key: &[u8; 32]) -> std::result::Result<(), Duration> {
        self.limiter
            .check_key(key)
            .map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }

    fn forget_idle(&self) {
        self.limiter.retain_recent();
        self.limiter.shrink_to_fit();
    }
}

fn case_row(r: &Row<'_>) -> rusqlite::Result<CaseRow> {
    Ok(CaseRow {
        id: uuid_from(0, &r.get::<_, String>("id")?)?,
        kind: r.get("kind")?,
        topic: r.get("topic")?,
        subtopic: r.get("subtopic")?,
        property_id: r.get("property_id")?,
        reservation_ref: r.get("reservation_ref")?,
        status: r.get("status")?,
        outcome: r.get("outcome")?,
        created_at: r.get("created_at")?,
        last_activity_at: r.get("last_activity_at")?,
        last_event_id: r.get("last_event_id")?,
        reply_due_at: r.get("reply_due_at")?,
        unread_count: r.get("unread_count")?,
    })
}

fn handler_case_row(r: &Row<'_>) -> rusqlite::Result<HandlerCaseRow> {
    Ok(HandlerCaseRow {
        case: case_row(r)?,
        partner_id: r.get("partner_id")?,
        partner_name: r.get("partner_name")?,
        partner_in_eea: r.get("partner_in_eea")?,
        assignee_id: r.get("assignee_id")?,
        assignee_name: r.get("assignee_name")?,
    })
}

/// The n-th placeholder of a statement built at run time.
fn placeholder(n: usize) -> String {
    format!("?{n}")
}

/// Cases whose search text holds the needle bound at `p`: the trigram index matches
/// the needle as one phrase, which is the substring (it is at least three characters).
fn search_clause(p: &str) -> String {
    format!(
        "c.opening_event_id IN (SELECT rowid FROM case_search
            WHERE case_search MATCH '\"' || replace({p}, '\"', '\"\"') || '\"')"
    )
}

fn to_sql(value: &SqlValue) -> rusqlite::types::Value {
    match value {
        SqlValue::Int(n) => rusqlite::types::Value::Integer(*n),
        SqlValue::Text(t) => rusqlite::types::Value::Text(t.clone()),
    }
}

fn event_row(r: &Row<'_>) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        id: r.get("id")?,
        case_id: uuid_from(1, &r.get::<_, String>("case_id")?)?,
        partner_id: r.get("partner_id")?,
        kind: r.get("kind")?,
        status: r.get("status")?,
        author_role: r.get("author_role")?,
        author_name: r.get("author_name")?,
        body: r.get("body")?,
        outcome: r.get("outcome")?,
        expected_next: r.get("expected_next")?,
        created_at: r.get("created_at")?,
        internal: r.get("internal")?,
    })
}

/// Ids are kept as text in this schema.
fn uuid_from(column: usize, text: &str) -> rusqlite::Result<Uuid> {
    Uuid::parse_str(text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(e)))
}

fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// A link with its account's e-mail address.
fn read_link(conn: &Connection, token_hash: &[u8; 32]) -> Result<Option<LinkRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT l.account_id, l.purpose, l.expires_at, a.email
             FROM password_links l JOIN accounts a ON a.id = l.account_id
             WHERE l.token_hash = ?1",
        )?
        .query_row([&token_hash[..]], |r| {
            Ok(LinkRow {
                account_id: r.get(0)?,
                purpose: r.get(1)?,
                expires_at: r.get(2)?,
                email: r.get(3)?,
            })
        })
        .optional()?)
}

/// An account's files not yet linked to a message: how many, how many bytes.
const PENDING_FILES: &str = "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM attachments
     WHERE account_id = ?1 AND event_id IS NULL";

const MIGRATIONS: &[&str] = &[
    include_str!("../../../migrations/0001_initial.sql"),
    include_str!("../../../migrations/0002_one_flow.sql"),
    include_str!("../../../migrations/0003_sessions_end.sql"),
    include_str!("../../../migrations/0004_pending_files.sql"),
    include_str!("../../../migrations/0005_answer_age.sql"),
    include_str!("../../../migrations/0006_onboarding.sql"),
    include_str!("../../../migrations/0007_console.sql"),
    include_str!("../../../migrations/0008_push.sql"),
];

fn migrate(conn: &mut Connection) -> Result<()> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let version = usize::try_from(version).unwrap_or(usize::MAX);
    if version > MIGRATIONS.len() {
        return Err(StoreError::Corrupt(format!(
            "the database is from a newer server (schema version {version})"
        )));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        if i == 1 {
            fill_email_keys(&tx)?;
        }
        if i == 6 {
            fill_case_search(&tx)?;
        }
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

/// Gives accounts made before e-mail keys existed theirs. In Rust, not SQL: SQLite's
/// `lower()` knows only ASCII, and the key must be the one sign-in computes.
fn fill_email_keys(conn: &Connection) -> Result<()> {
    let accounts = conn
        .prepare("SELECT id, email FROM accounts WHERE email_key IS NULL")?
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, email) in accounts {
        conn.execute(
            "UPDATE accounts SET email_key = ?1 WHERE id = ?2",
            params![pulse_protocol::input::email_key(&email), id],
        )?;
    }
    conn.execute_batch("CREATE UNIQUE INDEX accounts_email_key ON accounts (email_key)")?;
    Ok(())
}

/// The search index of the cases from before it existed.
fn fill_case_search(conn: &Connection) -> Result<()> {
    let cases = conn
        .prepare(
            "SELECT c.opening_event_id, c.id, a.name, a.email, c.reservation_ref
             FROM cases c JOIN accounts a ON a.id = c.partner_id",
        )?
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                uuid_from(1, &r.get::<_, String>(1)?)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut words = conn.prepare(
        "SELECT body, outcome, expected_next FROM case_events WHERE case_id = ?1 ORDER BY id",
    )?;
    for (key, id, name, email, reservation) in cases {
        let texts = words
            .query_map([id.to_string()], |r| {
                Ok([
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ])
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let text = super::backend::case_search_text(
            id,
            &name,
            &email,
            reservation.as_deref(),
            texts.iter().flatten().flatten().map(String::as_str),
        );
        conn.execute(
            "INSERT INTO case_search (rowid, text) VALUES (?1, ?2)",
            params![key, text],
        )?;
    }
    Ok(())
}

/// The file behind a `sqlite:` URL.
fn sqlite_path(url: &str) -> Result<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| StoreError::UnsupportedUrl(url.to_owned()))?;
    let path = rest.split('?').next().unwrap_or(rest);
    if path.is_empty() {
        return Err(StoreError::UnsupportedUrl(url.to_owned()));
    }
    Ok(PathBuf::from(path))
}
