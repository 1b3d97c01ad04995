//! The PostgreSQL backend, for as many stateless instances as needed on one database.
//! SQL only; the flow is in [`super::flow`].
//!
//! - Writes do their work in parallel, then take one transaction-scoped advisory lock
//!   for the last steps only: the event insert (which assigns its id), the case's
//!   marker, the notification and the commit. Ids therefore become visible in id order
//!   across instances (a stream reading "after N" never skips a late commit), while the
//!   lock is held for a few round trips. Every writer takes its row locks (the key it
//!   claims, the case it moves) before the advisory lock, so the two cannot deadlock.
//!   (Ordering by transaction id instead would need no lock at all, but then the public
//!   event ids would no longer be monotonic.)
//! - An idempotency key is claimed by inserting it first: a second request with the same
//!   key, on any instance, waits for the first to commit and then gets its answer.
//! - Commits that append events `NOTIFY pulse_events`; every instance LISTENs and wakes
//!   its open streams. The event log stays the truth: each instance also polls for the
//!   newest id once a second, so a lost notification costs latency, never an event.
//! - Rate limits are counted in the database, so they hold whichever instance answers.

use std::sync::{Arc, LazyLock, Weak};
use std::time::Duration;

use pulse_protocol::lifecycle::CaseStatus;
use sqlx::postgres::{PgArguments, PgConnectOptions, PgListener, PgPool, PgPoolOptions};
use sqlx::query::QueryScalar;
use sqlx::{AssertSqlSafe, PgConnection, Postgres};
use time::OffsetDateTime;
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

/// The advisory lock that orders event inserts and commits across instances.
const EVENT_LOCK: i64 = 0x5055_4c53_4556; // "PULSEV"
const CHANNEL: &str = "pulse_events";
/// How often an instance looks for events it was not told about.
const POLL_EVERY: Duration = Duration::from_secs(1);

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> StoreError {
        StoreError::Database(e.to_string())
    }
}

/// A PostgreSQL database.
pub struct PgBackend {
    pool: PgPool,
    latest_event: watch::Sender<i64>,
    quota: RateQuota,
    /// Its listener task runs while the backend lives.
    _alive: Arc<()>,
}

impl PgBackend {
    /// Connects to `url` (`postgres://…`), migrates, and starts listening for events.
    pub async fn open(url: &str, quota: RateQuota) -> Result<PgBackend> {
        let options: PgConnectOptions = url
            .parse()
            .map_err(|_| StoreError::UnsupportedUrl(url.to_owned()))?;
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(|conn, _| {
                Box::pin(async move {
                    // A safety net: an abandoned transaction would hold every stream back.
                    sqlx::query("SET idle_in_transaction_session_timeout = '10s'")
                        .execute(conn)
                        .await?;
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        fill_case_search(&pool).await?;
        let latest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM case_events")
            .fetch_one(&pool)
            .await?;
        let latest_event = watch::Sender::new(latest);
        let alive = Arc::new(());
        tokio::spawn(listen(
            pool.clone(),
            latest_event.clone(),
            Arc::downgrade(&alive),
        ));
        Ok(PgBackend {
            pool,
            latest_event,
            quota,
            _alive: alive,
        })
    }
}

fn bump(latest: &watch::Sender<i64>, id: i64) {
    latest.send_if_modified(|current| {
        let newer = id > *current;
        if newer {
            *current = id;
        }
        newer
    });
}

/// Wakes this instance's streams on other instances' commits, until the backend is gone.
async fn listen(pool: PgPool, latest: watch::Sender<i64>, alive: Weak<()>) {
    let mut poll = tokio::time::interval(POLL_EVERY);
    let mut listener: Option<PgListener> = None;
    while alive.upgrade().is_some() {
        if listener.is_none() {
            match PgListener::connect_with(&pool).await {
                Ok(mut l) => match l.listen(CHANNEL).await {
                    Ok(()) => listener = Some(l),
                    Err(error) => tracing::warn!(%error, "cannot listen for events"),
                },
                Err(error) => tracing::warn!(%error, "cannot listen for events"),
            }
        }
        let notified = async {
            match listener.as_mut() {
                Some(l) => l.try_recv().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            received = notified => match received {
                Ok(Some(n)) => {
                    if let Ok(id) = n.payload().parse() {
                        bump(&latest, id);
                    }
                }
                // The connection broke: reconnect; the poll covers the gap.
                Ok(None) | Err(_) => listener = None,
            },
            _ = poll.tick() => {
                if let Ok(id) = sqlx::query_scalar::<_, i64>("SELECT COALESCE(MAX(id), 0) FROM case_events")
                    .fetch_one(&pool)
                    .await
                {
                    bump(&latest, id);
                }
            }
        }
    }
}

/// A write transaction on a pooled connection.
struct PgTx<'c> {
    conn: &'c mut PgConnection,
}

impl Tx for PgTx<'_> {
    async fn insert_account(&mut self, account: &NewAccountRow<'_>) -> Result<Option<i64>> {
        Ok(sqlx::query_scalar(
            "INSERT INTO accounts (role, email, email_key, name, password_hash, country, in_eea,
                created_at, language)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(account.role.as_str())
        .bind(account.email)
        .bind(account.email_key)
        .bind(account.name)
        .bind(account.password_hash)
        .bind(account.country)
        .bind(account.in_eea)
        .bind(account.created_at)
        .bind(account.language)
        .fetch_optional(&mut *self.conn)
        .await?)
    }

    async fn insert_property(&mut self, account_id: i64, name: &str) -> Result<()> {
        sqlx::query("INSERT INTO properties (account_id, name) VALUES ($1, $2)")
            .bind(account_id)
            .bind(name)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn insert_session(
        &mut self,
        token_hash: &[u8; 32],
        account_id: i64,
        at: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at, last_used_at)
             VALUES ($1, $2, $3, $3)",
        )
        .bind(&token_hash[..])
        .bind(account_id)
        .bind(at)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    async fn delete_session(&mut self, token_hash: &[u8; 32]) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(&token_hash[..])
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn pending_files(&mut self, account_id: i64) -> Result<(i64, i64)> {
        // Uploads of one account are counted one at a time, on any instance.
        sqlx::query("SELECT id FROM accounts WHERE id = $1 FOR NO KEY UPDATE")
            .bind(account_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(sqlx::query_as(PENDING_FILES)
            .bind(account_id)
            .fetch_one(&mut *self.conn)
            .await?)
    }

    async fn delete_old_answers(&mut self, stored_before: i64, rows: i64) -> Result<u64> {
        let done = sqlx::query(
            "DELETE FROM idempotency WHERE (account_id, key) IN (
                 SELECT account_id, key FROM idempotency WHERE created_at < $1 LIMIT $2)",
        )
        .bind(stored_before)
        .bind(rows)
        .execute(&mut *self.conn)
        .await?;
        Ok(done.rows_affected())
    }

    async fn delete_unlinked_files(&mut self, created_before: i64) -> Result<Vec<Uuid>> {
        let ids: Vec<(Uuid,)> = sqlx::query_as(
            "DELETE FROM attachments WHERE event_id IS NULL AND created_at < $1 RETURNING id",
        )
        .bind(created_before)
        .fetch_all(&mut *self.conn)
        .await?;
        Ok(ids.into_iter().map(|(id,)| id).collect())
    }

    async fn touch_session(&mut self, token_hash: &[u8; 32], at: i64) -> Result<()> {
        sqlx::query("UPDATE sessions SET last_used_at = $2 WHERE token_hash = $1")
            .bind(&token_hash[..])
            .bind(at)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn delete_account_sessions(&mut self, account_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn delete_ended_sessions(
        &mut self,
        used_before: i64,
        created_before: i64,
    ) -> Result<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE last_used_at < $1 OR created_at < $2")
            .bind(used_before)
            .bind(created_before)
            .execute(&mut *self.conn)
            .await?;
        Ok(done.rows_affected())
    }

    async fn device_at(&mut self, platform: &str, address: &str) -> Result<Option<(Uuid, i64)>> {
        Ok(sqlx::query_as(
            "SELECT id, account_id FROM devices WHERE platform = $1 AND address = $2",
        )
        .bind(platform)
        .bind(address)
        .fetch_optional(&mut *self.conn)
        .await?)
    }

    async fn insert_device(&mut self, d: &NewDeviceRow<'_>) -> Result<()> {
        sqlx::query(
            "INSERT INTO devices (id, account_id, session_hash, platform, address, p256dh, auth,
                language, label, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(d.id)
        .bind(d.account_id)
        .bind(&d.session_hash[..])
        .bind(d.platform)
        .bind(d.address)
        .bind(d.p256dh)
        .bind(d.auth)
        .bind(d.language)
        .bind(d.label)
        .bind(d.created_at)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    async fn update_device(&mut self, d: &NewDeviceRow<'_>) -> Result<()> {
        sqlx::query(
            "UPDATE devices SET session_hash = $2, p256dh = $3, auth = $4, language = $5,
                label = $6
             WHERE id = $1",
        )
        .bind(d.id)
        .bind(&d.session_hash[..])
        .bind(d.p256dh)
        .bind(d.auth)
        .bind(d.language)
        .bind(d.label)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    async fn trim_devices(&mut self, account_id: i64, keep: i64) -> Result<()> {
        sqlx::query(
            "DELETE FROM devices WHERE account_id = $1 AND id NOT IN
                (SELECT id FROM devices WHERE account_id = $1
                 ORDER BY created_at DESC, id DESC LIMIT $2)",
        )
        .bind(account_id)
        .bind(keep)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    async fn delete_device(&mut self, id: Uuid, account_id: Option<i64>) -> Result<bool> {
        let gone = sqlx::query(
            "DELETE FROM devices WHERE id = $1 AND ($2::BIGINT IS NULL OR account_id = $2)",
        )
        .bind(id)
        .bind(account_id)
        .execute(&mut *self.conn)
        .await?;
        Ok(gone.rows_affected() > 0)
    }

    async fn mark_visible(&mut self, id: Uuid, account_id: i64, until: i64) -> Result<bool> {
        let marked =
            sqlx::query("UPDATE devices SET visible_until = $3 WHERE id = $1 AND account_id = $2")
                .bind(id)
                .bind(account_id)
                .bind(until)
                .execute(&mut *self.conn)
                .await?;
        Ok(marked.rows_affected() > 0)
    }

    async fn enqueue_pushes(&mut self, account_id: i64, event_id: i64, at: i64) -> Result<u64> {
        let queued = sqlx::query(
            "INSERT INTO push_queue (device_id, event_id, created_at, next_attempt_at)
             SELECT id, $2, $3, $3 FROM devices WHERE account_id = $1",
        )
        .bind(account_id)
        .bind(event_id)
        .bind(at)
        .execute(&mut *self.conn)
        .await?;
        Ok(queued.rows_affected())
    }

    async fn claim_pushes(
        &mut self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<PushRow>> {
        Ok(sqlx::query_as(
            "WITH taken AS (
                 UPDATE push_queue SET next_attempt_at = $2, attempts = attempts + 1
                 WHERE id IN (SELECT id FROM push_queue WHERE next_attempt_at <= $1
                              ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
                 RETURNING id, attempts, event_id, device_id)
             SELECT t.id, t.attempts, t.event_id, d.id AS device_id, d.platform, d.address,
                 d.p256dh, d.auth, d.language, d.visible_until, e.case_id, e.kind, c.topic,
                 c.subtopic
             FROM taken t
             JOIN devices d ON d.id = t.device_id
             JOIN case_events e ON e.id = t.event_id
             JOIN cases c ON c.id = e.case_id
             ORDER BY t.id",
        )
        .bind(now)
        .bind(lease_until)
        .bind(limit)
        .fetch_all(&mut *self.conn)
        .await?)
    }

    async fn delete_push(&mut self, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM push_queue WHERE id = $1")
            .bind(id)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn retry_push(&mut self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        sqlx::query("UPDATE push_queue SET next_attempt_at = $2, last_error = $3 WHERE id = $1")
            .bind(id)
            .bind(next_attempt_at)
            .bind(error)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn insert_attachment(&mut self, attachment: &NewAttachmentRow<'_>) -> Result<()> {
        sqlx::query(
            "INSERT INTO attachments (id, account_id, media_type, size, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(attachment.id)
        .bind(attachment.account_id)
        .bind(attachment.media_type)
        .bind(attachment.size)
        .bind(attachment.created_at)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    async fn login_by_key(&mut self, email_key: &str) -> Result<Option<LoginRow>> {
        Ok(
            sqlx::query_as(
                "SELECT id, password_hash FROM accounts WHERE email_key = $1 FOR UPDATE",
            )
            .bind(email_key)
            .fetch_optional(&mut *self.conn)
            .await?,
        )
    }

    async fn set_password(&mut self, account_id: i64, password_hash: &str) -> Result<()> {
        sqlx::query("UPDATE accounts SET password_hash = $2 WHERE id = $1")
            .bind(account_id)
            .bind(password_hash)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn delete_other_sessions(&mut self, account_id: i64, keep: &[u8; 32]) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
            .bind(account_id)
            .bind(&keep[..])
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn replace_link(&mut self, link: &NewLinkRow<'_>) -> Result<()> {
        sqlx::query("DELETE FROM password_links WHERE account_id = $1 AND purpose = $2")
            .bind(link.account_id)
            .bind(link.purpose)
            .execute(&mut *self.conn)
            .await?;
        sqlx::query(
            "INSERT INTO password_links (token_hash, account_id, purpose, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&link.token_hash[..])
        .bind(link.account_id)
        .bind(link.purpose)
        .bind(link.created_at)
        .bind(link.expires_at)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    async fn take_link(&mut self, token_hash: &[u8; 32]) -> Result<Option<LinkRow>> {
        Ok(sqlx::query_as(
            "DELETE FROM password_links l USING accounts a
             WHERE l.token_hash = $1 AND a.id = l.account_id
             RETURNING l.account_id, l.purpose, l.expires_at, a.email",
        )
        .bind(&token_hash[..])
        .fetch_optional(&mut *self.conn)
        .await?)
    }

    async fn delete_links(&mut self, account_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM password_links WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn enqueue_mail(&mut self, mail: &NewMailRow<'_>) -> Result<()> {
        sqlx::query(
            "INSERT INTO mail_queue (recipient, subject, text_body, html_body, created_at,
                next_attempt_at)
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(mail.recipient)
        .bind(mail.subject)
        .bind(mail.text_body)
        .bind(mail.html_body)
        .bind(mail.created_at)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    // SKIP LOCKED: an instance passes over a row another is taking at this moment.
    async fn claim_mail(&mut self, now: i64, lease_until: i64) -> Result<Option<MailRow>> {
        Ok(sqlx::query_as(
            "UPDATE mail_queue SET next_attempt_at = $2, attempts = attempts + 1
             WHERE id = (SELECT id FROM mail_queue WHERE next_attempt_at <= $1
                         ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
             RETURNING id, recipient, subject, text_body, html_body, attempts",
        )
        .bind(now)
        .bind(lease_until)
        .fetch_optional(&mut *self.conn)
        .await?)
    }

    async fn delete_mail(&mut self, id: i64) -> Result<()> {
        sqlx::query("DELETE FROM mail_queue WHERE id = $1")
            .bind(id)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn retry_mail(&mut self, id: i64, next_attempt_at: i64, error: &str) -> Result<()> {
        sqlx::query("UPDATE mail_queue SET next_attempt_at = $2, last_error = $3 WHERE id = $1")
            .bind(id)
            .bind(next_attempt_at)
            .bind(error)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    // Inserting the key first is the claim: a concurrent request with the same key, on
    // any instance, waits on this row until this transaction ends.
    async fn claim_key(
        &mut self,
        account_id: i64,
        key: &IdempotencyKey,
    ) -> Result<Option<ClaimRow>> {
        let inserted = sqlx::query(
            "INSERT INTO idempotency (account_id, key, request_hash, response_status,
                response_body, created_at)
             VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT DO NOTHING",
        )
        .bind(account_id)
        .bind(&key.key)
        .bind(&key.request_hash[..])
        .bind(now_ms())
        .execute(&mut *self.conn)
        .await?
        .rows_affected();
        if inserted == 1 {
            return Ok(None);
        }
        Ok(sqlx::query_as(
            "SELECT request_hash, response_status, answer_case, answer_event,
                response_body AS legacy_body
             FROM idempotency WHERE account_id = $1 AND key = $2",
        )
        .bind(account_id)
        .bind(&key.key)
        .fetch_optional(&mut *self.conn)
        .await?)
    }

    async fn release_key(&mut self, account_id: i64, key: &IdempotencyKey) -> Result<()> {
        // Only the placeholder this transaction inserted: a stored answer stays.
        sqlx::query(
            "DELETE FROM idempotency WHERE account_id = $1 AND key = $2 AND response_status = 0",
        )
        .bind(account_id)
        .bind(&key.key)
        .execute(&mut *self.conn)
        .await?;
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
            AnswerRef::Case(id) => (Some(id), None),
            AnswerRef::Event(id) => (None, Some(id)),
        };
        sqlx::query(
            "UPDATE idempotency SET response_status = $1, answer_case = $2, answer_event = $3
             WHERE account_id = $4 AND key = $5",
        )
        .bind(i32::from(status))
        .bind(case)
        .bind(event)
        .bind(account_id)
        .bind(&key.key)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    async fn owns_property(&mut self, partner_id: i64, property_id: i64) -> Result<bool> {
        let owned: Option<i32> =
            sqlx::query_scalar("SELECT 1 FROM properties WHERE id = $1 AND account_id = $2")
                .bind(property_id)
                .bind(partner_id)
                .fetch_optional(&mut *self.conn)
                .await?;
        Ok(owned.is_some())
    }

    // One round trip: take the ordering lock (held to the commit), insert the event and
    // the case that carries its id (the foreign key from events to cases is checked at
    // commit), and queue the notification.
    async fn open_case(&mut self, case: &NewCaseRow<'_>, event: &NewEventRow<'_>) -> Result<i64> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            format!(
                "{LOCKED_EVENT},
                 opened AS (
                    INSERT INTO cases (id, partner_id, kind, topic, subtopic, property_id,
                        reservation_ref, status, diagnostics, contact, client_created_at,
                        created_at, last_activity_at, last_event_id, opening_event_id,
                        reply_due_at, language, search_text)
                    SELECT $2, $3, $13, $14, $15, $16, $17, $5, $18, $19, $20, $11, $11, event.id,
                        event.id, $22, $23, $24
                    FROM event),
                 told AS (SELECT pg_notify($21, event.id::TEXT) FROM event)
                 SELECT event.id FROM event, told"
            )
        });
        Ok(
            bind_event(sqlx::query_scalar(AssertSqlSafe(SQL.as_str())), event)
                .bind(case.kind.as_str())
                .bind(case.topic.as_str())
                .bind(case.subtopic)
                .bind(case.property_id)
                .bind(case.reservation_ref)
                .bind(case.diagnostics)
                .bind(case.contact)
                .bind(case.client_created_at)
                .bind(CHANNEL)
                .bind(case.reply_due_at)
                .bind(case.language)
                .bind(case.search_text)
                .fetch_one(&mut *self.conn)
                .await?,
        )
    }

    async fn case_for_move(
        &mut self,
        case_id: Uuid,
        partner_scope: Option<i64>,
    ) -> Result<Option<MoveTargetRow>> {
        Ok(sqlx::query_as(
            "SELECT c.status, c.partner_id, a.in_eea, c.handler_seen, c.assignee_id
             FROM cases c JOIN accounts a ON a.id = c.partner_id
             WHERE c.id = $1 AND ($2::BIGINT IS NULL OR c.partner_id = $2)
             FOR UPDATE OF c",
        )
        .bind(case_id)
        .bind(partner_scope)
        .fetch_optional(&mut *self.conn)
        .await?)
    }

    // One round trip: the ordering lock, the event, the case's move and the notification.
    async fn append_event(
        &mut self,
        event: &NewEventRow<'_>,
        change: &CaseChange<'_>,
    ) -> Result<i64> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            format!(
                "{LOCKED_EVENT},
                 moved AS (
                    UPDATE cases SET status = $13, outcome = COALESCE($14, outcome),
                        expected_next = COALESCE($15, expected_next),
                        last_event_id = event.id, last_activity_at = $16,
                        reply_due_at = CASE WHEN $18 THEN $19::BIGINT ELSE reply_due_at END
                    FROM event WHERE cases.id = $2),
                 told AS (SELECT pg_notify($17, event.id::TEXT) FROM event)
                 SELECT event.id FROM event, told"
            )
        });
        Ok(
            bind_event(sqlx::query_scalar(AssertSqlSafe(SQL.as_str())), event)
                .bind(change.status.as_str())
                .bind(change.outcome)
                .bind(change.expected_next)
                .bind(change.at)
                .bind(CHANNEL)
                .bind(change.reply_due_at.is_some())
                .bind(change.reply_due_at.flatten())
                .fetch_one(&mut *self.conn)
                .await?,
        )
    }

    async fn append_internal_event(&mut self, event: &NewEventRow<'_>) -> Result<i64> {
        static SQL: LazyLock<String> = LazyLock::new(|| {
            format!(
                "{LOCKED_EVENT},
                 told AS (SELECT pg_notify($13, event.id::TEXT) FROM event)
                 SELECT event.id FROM event, told"
            )
        });
        Ok(
            bind_event(sqlx::query_scalar(AssertSqlSafe(SQL.as_str())), event)
                .bind(CHANNEL)
                .fetch_one(&mut *self.conn)
                .await?,
        )
    }

    async fn set_assignee(&mut self, case_id: Uuid, handler_id: Option<i64>) -> Result<()> {
        sqlx::query("UPDATE cases SET assignee_id = $2, handler_seen = TRUE WHERE id = $1")
            .bind(case_id)
            .bind(handler_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn mark_handler_seen(&mut self, case_id: Uuid) -> Result<()> {
        sqlx::query("UPDATE cases SET handler_seen = TRUE WHERE id = $1 AND NOT handler_seen")
            .bind(case_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn extend_search(&mut self, case_id: Uuid, text: &str) -> Result<()> {
        sqlx::query("UPDATE cases SET search_text = search_text || chr(10) || $2 WHERE id = $1")
            .bind(case_id)
            .bind(text)
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn handler_name(&mut self, id: i64) -> Result<Option<String>> {
        Ok(
            sqlx::query_scalar("SELECT name FROM accounts WHERE id = $1 AND role = 'handler'")
                .bind(id)
                .fetch_optional(&mut *self.conn)
                .await?,
        )
    }

    async fn count_saved_replies(&mut self, handler_id: i64) -> Result<i64> {
        // The handler's row, locked: two inserts at once cannot both pass the cap.
        sqlx::query("SELECT id FROM accounts WHERE id = $1 FOR UPDATE")
            .bind(handler_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM saved_replies WHERE handler_id = $1")
                .bind(handler_id)
                .fetch_one(&mut *self.conn)
                .await?,
        )
    }

    async fn insert_saved_reply(
        &mut self,
        handler_id: i64,
        title: &str,
        body: &str,
        at: i64,
    ) -> Result<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO saved_replies (handler_id, title, body, created_at)
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(handler_id)
        .bind(title)
        .bind(body)
        .bind(at)
        .fetch_one(&mut *self.conn)
        .await?)
    }

    async fn update_saved_reply(
        &mut self,
        id: i64,
        handler_id: i64,
        title: &str,
        body: &str,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE saved_replies SET title = $3, body = $4 WHERE id = $1 AND handler_id = $2",
        )
        .bind(id)
        .bind(handler_id)
        .bind(title)
        .bind(body)
        .execute(&mut *self.conn)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn delete_saved_reply(&mut self, id: i64, handler_id: i64) -> Result<bool> {
        let done = sqlx::query("DELETE FROM saved_replies WHERE id = $1 AND handler_id = $2")
            .bind(id)
            .bind(handler_id)
            .execute(&mut *self.conn)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn link_attachment(
        &mut self,
        event_id: i64,
        uploader: i64,
        attachment: Uuid,
        position: i64,
    ) -> Result<Option<LinkedFile>> {
        Ok(sqlx::query_as(
            "UPDATE attachments SET event_id = $1, position = $4
             WHERE id = $2 AND account_id = $3 AND event_id IS NULL
             RETURNING media_type, size",
        )
        .bind(event_id)
        .bind(attachment)
        .bind(uploader)
        .bind(position as i32)
        .fetch_optional(&mut *self.conn)
        .await?)
    }

    async fn mark_read(&mut self, case_id: Uuid, partner_id: i64, upto: i64) -> Result<()> {
        sqlx::query(
            "UPDATE cases SET partner_read_event_id = $3
             WHERE id = $1 AND partner_id = $2 AND partner_read_event_id < $3",
        )
        .bind(case_id)
        .bind(partner_id)
        .bind(upto)
        .execute(&mut *self.conn)
        .await?;
        Ok(())
    }

    async fn savepoint(&mut self) -> Result<()> {
        sqlx::raw_sql("SAVEPOINT item")
            .execute(&mut *self.conn)
            .await?;
        Ok(())
    }

    async fn end_savepoint(&mut self, keep: bool) -> Result<()> {
        let sql = if keep {
            "RELEASE SAVEPOINT item"
        } else {
            "ROLLBACK TO SAVEPOINT item; RELEASE SAVEPOINT item"
        };
        sqlx::raw_sql(sql).execute(&mut *self.conn).await?;
        Ok(())
    }
}

/// The start of every statement that appends an event: the ordering lock (`$1`), then
/// the event (`$2`–`$12`, bound by [`bind_event`]), which what follows sees as `event`.
const LOCKED_EVENT: &str = "WITH ordered AS (SELECT pg_advisory_xact_lock($1)),
    event AS (
        INSERT INTO case_events (case_id, partner_id, kind, status, author_role,
            author_name, body, outcome, expected_next, created_at, internal)
        SELECT $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM ordered
        RETURNING id)";

fn bind_event<'q>(
    query: QueryScalar<'q, Postgres, i64, PgArguments>,
    event: &'q NewEventRow<'_>,
) -> QueryScalar<'q, Postgres, i64, PgArguments> {
    query
        .bind(EVENT_LOCK)
        .bind(event.case_id)
        .bind(event.partner_id)
        .bind(event.kind.as_str())
        .bind(event.status.as_str())
        .bind(event.author_role.as_str())
        .bind(event.author_name)
        .bind(event.body)
        .bind(event.outcome)
        .bind(event.expected_next)
        .bind(event.created_at)
        .bind(event.internal)
}

impl Backend for PgBackend {
    // An open transaction holds back every stream in the cluster, so a failed one is
    // rolled back at once rather than when its connection is reused.
    async fn write<W: Write>(&self, write: W) -> Result<W::Output> {
        let mut tx = self.pool.begin().await?;
        match write.run(&mut PgTx { conn: &mut tx }).await {
            Ok(written) => {
                // The events' notification is already queued and goes out with the commit.
                tx.commit().await?;
                if written.newest_event > 0 {
                    bump(&self.latest_event, written.newest_event);
                }
                Ok(written.value)
            }
            Err(error) => {
                tx.rollback().await?;
                Err(error)
            }
        }
    }

    fn subscribe(&self) -> watch::Receiver<i64> {
        self.latest_event.subscribe()
    }

    async fn login_record(&self, email_key: &str) -> Result<Option<LoginRow>> {
        Ok(
            sqlx::query_as("SELECT id, password_hash FROM accounts WHERE email_key = $1")
                .bind(email_key)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn account(&self, id: i64) -> Result<Option<AccountRow>> {
        Ok(sqlx::query_as(
            "SELECT id, role, name, email, country, in_eea, language FROM accounts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn link(&self, token_hash: &[u8; 32]) -> Result<Option<LinkRow>> {
        Ok(sqlx::query_as(
            "SELECT l.account_id, l.purpose, l.expires_at, a.email
             FROM password_links l JOIN accounts a ON a.id = l.account_id
             WHERE l.token_hash = $1",
        )
        .bind(&token_hash[..])
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn properties(&self, account_id: i64) -> Result<Vec<PropertyRow>> {
        Ok(
            sqlx::query_as("SELECT id, name FROM properties WHERE account_id = $1 ORDER BY id")
                .bind(account_id)
                .fetch_all(&self.pool)
                .await?,
        )
    }

    async fn devices(&self, account_id: i64) -> Result<Vec<DeviceRow>> {
        Ok(sqlx::query_as(
            "SELECT id, platform, language, label, created_at FROM devices
             WHERE account_id = $1 ORDER BY created_at, id",
        )
        .bind(account_id)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn session_account(&self, token_hash: &[u8; 32]) -> Result<Option<AuthRow>> {
        Ok(sqlx::query_as(
            "SELECT a.id, a.role, a.name, a.in_eea, s.created_at, s.last_used_at, a.email
             FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
        )
        .bind(&token_hash[..])
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn pending_file_totals(&self, account_id: i64) -> Result<(i64, i64)> {
        Ok(sqlx::query_as(PENDING_FILES)
            .bind(account_id)
            .fetch_one(&self.pool)
            .await?)
    }

    async fn session_times(&self, token_hashes: &[[u8; 32]]) -> Result<Vec<SessionTimesRow>> {
        let hashes: Vec<&[u8]> = token_hashes.iter().map(|h| &h[..]).collect();
        Ok(sqlx::query_as(
            "SELECT token_hash, created_at, last_used_at FROM sessions
             WHERE token_hash = ANY($1)",
        )
        .bind(hashes)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn attachment(&self, id: Uuid) -> Result<Option<AttachmentRow>> {
        Ok(sqlx::query_as(
            "SELECT a.media_type, a.size, a.account_id, e.case_id FROM attachments a
                 LEFT JOIN case_events e ON e.id = a.event_id WHERE a.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn partner_cases(&self, partner_id: i64, before: i64, rows: i64) -> Result<Vec<CaseRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM cases c WHERE c.partner_id = $1 AND c.last_event_id < $2
             ORDER BY c.last_event_id DESC LIMIT $3"
        )))
        .bind(partner_id)
        .bind(before)
        .bind(rows)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: i64,
        rows: i64,
    ) -> Result<Vec<HandlerCaseRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS}, {HANDLER_CASE_COLUMNS} {HANDLER_CASE_JOINS}
             WHERE ($1::TEXT IS NULL OR c.status = $1) AND c.last_event_id < $2
             ORDER BY c.last_event_id DESC LIMIT $3"
        )))
        .bind(status.map(|s| s.as_str()))
        .bind(before)
        .bind(rows)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn queue(&self, filter: &QueueFilter, rows: i64) -> Result<Vec<HandlerCaseRow>> {
        let (condition, values) = filter.where_sql(placeholder, search_clause);
        let limit = placeholder(values.len() + 1);
        let sql = format!(
            "SELECT {CASE_COLUMNS}, {HANDLER_CASE_COLUMNS} {HANDLER_CASE_JOINS}
             WHERE {condition} {QUEUE_ORDER} LIMIT {limit}"
        );
        let mut query = sqlx::query_as(AssertSqlSafe(sql));
        for value in values {
            query = match value {
                SqlValue::Int(n) => query.bind(n),
                SqlValue::Text(t) => query.bind(t),
            };
        }
        Ok(query.bind(rows).fetch_all(&self.pool).await?)
    }

    async fn count_cases(&self, filter: &QueueFilter) -> Result<i64> {
        let filter = QueueFilter {
            after: None,
            ..filter.clone()
        };
        let (condition, values) = filter.where_sql(placeholder, search_clause);
        let sql = format!("SELECT COUNT(*) FROM cases c WHERE {condition}");
        let mut query = sqlx::query_scalar(AssertSqlSafe(sql));
        for value in values {
            query = match value {
                SqlValue::Int(n) => query.bind(n),
                SqlValue::Text(t) => query.bind(t),
            };
        }
        Ok(query.fetch_one(&self.pool).await?)
    }

    async fn handlers(&self) -> Result<Vec<HandlerRow>> {
        Ok(sqlx::query_as(
            "SELECT id, name FROM accounts WHERE role = 'handler' ORDER BY name, id LIMIT 1000",
        )
        .fetch_all(&self.pool)
        .await?)
    }

    async fn saved_replies(&self, handler_id: i64) -> Result<Vec<SavedReplyRow>> {
        Ok(sqlx::query_as(
            "SELECT id, title, body FROM saved_replies WHERE handler_id = $1 ORDER BY title, id",
        )
        .bind(handler_id)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn case(&self, id: Uuid, partner_scope: Option<i64>) -> Result<Option<CaseRecord>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS}, {RECORD_COLUMNS} {RECORD_JOINS}
             WHERE c.id = $1 AND ($2::BIGINT IS NULL OR c.partner_id = $2)"
        )))
        .bind(id)
        .bind(partner_scope)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn first_event(&self, case_id: Uuid) -> Result<Option<EventRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM case_events WHERE case_id = $1 AND NOT internal
             ORDER BY id LIMIT 1"
        )))
        .bind(case_id)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn case_events(
        &self,
        case_id: Uuid,
        before: i64,
        limit: i64,
        internal: bool,
    ) -> Result<Vec<EventRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM case_events WHERE case_id = $1 AND id < $2
                AND ($4 OR NOT internal)
             ORDER BY id DESC LIMIT $3"
        )))
        .bind(case_id)
        .bind(before)
        .bind(limit)
        .bind(internal)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn event(&self, id: i64) -> Result<Option<EventRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM case_events WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn events_after(&self, partner_id: i64, after: i64, limit: i64) -> Result<Vec<EventRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM case_events WHERE partner_id = $1 AND id > $2
                AND NOT internal
             ORDER BY id LIMIT $3"
        )))
        .bind(partner_id)
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn events_since(&self, after: i64, limit: i64) -> Result<Vec<EventRow>> {
        Ok(sqlx::query_as(AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM case_events WHERE id > $1 ORDER BY id LIMIT $2"
        )))
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn linked_attachments(&self, event_ids: &[i64]) -> Result<Vec<LinkedAttachmentRow>> {
        Ok(sqlx::query_as(
            "SELECT id, media_type, size, event_id FROM attachments
             WHERE event_id = ANY($1)
             ORDER BY event_id, position, created_at, id",
        )
        .bind(event_ids)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn stale_cases(
        &self,
        status: CaseStatus,
        cutoff_ms: i64,
        limit: i64,
    ) -> Result<Vec<Uuid>> {
        Ok(sqlx::query_scalar(
            "SELECT id FROM cases WHERE status = $1 AND last_activity_at <= $2
                AND NOT handler_seen AND assignee_id IS NULL
             ORDER BY last_event_id LIMIT $3",
        )
        .bind(status.as_str())
        .bind(cutoff_ms)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// GCRA in one atomic statement: the token bucket as one timestamp per key (the
    /// theoretical arrival time, in microseconds), shared by every instance.
    async fn take_request(&self, key: &[u8; 32]) -> Result<std::result::Result<(), Duration>> {
        let interval = (1_000_000 / i64::from(self.quota.per_second.max(1))).max(1);
        let tolerance = interval * i64::from(self.quota.burst.max(1));
        let now = OffsetDateTime::now_utc().unix_timestamp_nanos() as i64 / 1_000;
        let (tat, allowed): (i64, bool) = sqlx::query_as(
            "INSERT INTO rate_limits AS r (key, tat, allowed) VALUES ($1, $2 + $3, TRUE)
             ON CONFLICT (key) DO UPDATE SET
                allowed = GREATEST(r.tat, $2) + $3 - $2 <= $4,
                tat = CASE WHEN GREATEST(r.tat, $2) + $3 - $2 <= $4
                           THEN GREATEST(r.tat, $2) + $3 ELSE r.tat END
             RETURNING tat, allowed",
        )
        .bind(&key[..])
        .bind(now)
        .bind(interval)
        .bind(tolerance)
        .fetch_one(&self.pool)
        .await?;
        if allowed {
            Ok(Ok(()))
        } else {
            let wait = (tat + interval - tolerance - now).max(1);
            Ok(Err(Duration::from_micros(wait as u64)))
        }
    }

    /// Forgets keys quiet for an hour (their buckets are full again).
    async fn forget_idle_allowances(&self) -> Result<()> {
        let hour_ago =
            (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000) as i64 - 3_600_000_000;
        sqlx::query("DELETE FROM rate_limits WHERE tat < $1")
            .bind(hour_ago)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

fn now_ms() -> i64 {
    (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

/// An account's files not yet linked to a message: how many, how many bytes.
const PENDING_FILES: &str = "SELECT COUNT(*), COALESCE(SUM(size), 0)::BIGINT FROM attachments
     WHERE account_id = $1 AND event_id IS NULL";

/// The n-th placeholder of a statement built at run time.
fn placeholder(n: usize) -> String {
    format!("${n}")
}

/// Cases whose search text holds the needle bound at `p`, as a LIKE pattern with its
/// wildcards escaped (the trigram index serves it).
fn search_clause(p: &str) -> String {
    format!(
        "c.search_text LIKE '%' || replace(replace(replace({p}::TEXT, '\\', '\\\\'), \
         '%', '\\%'), '_', '\\_') || '%'"
    )
}

/// The search text of the cases from before it existed (left empty by the migration:
/// SQL's lower() does not fold as pulse-protocol does). Every case written since has
/// one, so after the first start this finds nothing.
async fn fill_case_search(pool: &PgPool) -> Result<()> {
    type Row = (Uuid, String, String, Option<String>);
    let cases: Vec<Row> = sqlx::query_as(
        "SELECT c.id, a.name, a.email, c.reservation_ref
         FROM cases c JOIN accounts a ON a.id = c.partner_id WHERE c.search_text = ''",
    )
    .fetch_all(pool)
    .await?;
    for (id, name, email, reservation) in cases {
        let words: Vec<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT body, outcome, expected_next FROM case_events WHERE case_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(pool)
        .await?;
        let text = super::backend::case_search_text(
            id,
            &name,
            &email,
            reservation.as_deref(),
            words
                .iter()
                .flat_map(|(b, o, e)| [b, o, e])
                .flatten()
                .map(String::as_str),
        );
        sqlx::query("UPDATE cases SET search_text = $2 WHERE id = $1 AND search_text = ''")
            .bind(id)
            .bind(text)
            .execute(pool)
            .await?;
    }
    Ok(())
}
