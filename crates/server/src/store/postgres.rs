//! The PostgreSQL backend, for as many stateless instances as needed on one database.
//!
//! - Writes do their work in parallel, then take one transaction-scoped advisory lock
//!   for the last steps only: the event insert (which assigns its id), the case's
//!   marker, the notification and the commit. Ids therefore become visible in id order
//!   across instances (a stream reading "after N" never skips a late commit), while the
//!   lock is held for a few round trips. Every writer takes its row locks before the
//!   advisory lock, so the two cannot deadlock. (Ordering by transaction id instead would
//!   need no lock at all, but then the public event ids would no longer be monotonic.)
//! - An idempotency key is claimed by inserting it first: a second request with the same
//!   key, on any instance, waits for the first to commit and then gets its answer.
//! - Commits that append events `NOTIFY pulse_events`; every instance LISTENs and wakes
//!   its open streams. The event log stays the truth: each instance also polls for the
//!   newest id once a second, so a lost notification costs latency, never an event.
//! - Rate limits are counted in the database, so they hold whichever instance answers.

use std::collections::HashMap;
use std::sync::{Arc, Weak};
use std::time::Duration;

use pulse_protocol::lifecycle::{self, Actor, CaseStatus, Move};
use pulse_protocol::wire::{
    Account, AttachmentRef, Author, CaseDetail, CaseEvent, CaseSummary, EventKind, HandlerCase,
    Property,
};
use sqlx::postgres::{PgConnectOptions, PgListener, PgPool, PgPoolOptions, PgRow};
use sqlx::{AssertSqlSafe, PgConnection, Postgres, Row, Transaction};
use time::OffsetDateTime;
use tokio::sync::watch;
use uuid::Uuid;

use super::{
    AuthAccount, Database, IdempotencyKey, MoveContent, Mover, NewAccount, Result, StoreError,
    Stored, ValidCase, from_json_opt, from_ms, from_wire, ms, now_ms, page, to_json_opt,
    truncate_ms, wire_str,
};

/// The advisory lock that orders event inserts and commits across instances.
const EVENT_LOCK: i64 = 0x5055_4c53_4556; // "PULSEV"
const CHANNEL: &str = "pulse_events";
/// How often an instance looks for events it was not told about.
const POLL_EVERY: Duration = Duration::from_secs(1);

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
        StoreError::Database(e.to_string())
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> StoreError {
        StoreError::Database(e.to_string())
    }
}

/// A PostgreSQL database.
#[derive(Clone)]
pub struct PgStore {
    pool: PgPool,
    latest_event: watch::Sender<i64>,
    /// Its listener task runs while a handle lives.
    _alive: Arc<()>,
}

const CASE_COLUMNS: &str = "c.id, c.kind, c.topic, c.subtopic, c.property_id, \
    c.reservation_ref, c.status, c.outcome, c.created_at, c.last_activity_at, \
    c.last_event_id, (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id \
    AND e.id > c.partner_read_event_id AND e.author_role = 'handler') AS unread_count";

const EVENT_COLUMNS: &str = "id, case_id, kind, status, author_role, author_name, body, \
    outcome, expected_next, created_at";

impl PgStore {
    /// Connects to `url` (`postgres://…`), migrates, and starts listening for events.
    pub async fn open(url: &str) -> Result<PgStore> {
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
        Ok(PgStore {
            pool,
            latest_event,
            _alive: alive,
        })
    }

    /// Takes one request from `key`'s bucket (`burst` at once, refilled at
    /// `per_second`), shared by all instances: the same rule as the in-memory limiter,
    /// as GCRA in one atomic statement. `Err(wait)` when the bucket is empty.
    pub async fn take_request(
        &self,
        key: &[u8; 32],
        per_second: u32,
        burst: u32,
    ) -> Result<std::result::Result<(), Duration>> {
        let interval = (1_000_000 / i64::from(per_second.max(1))).max(1);
        let tolerance = interval * i64::from(burst.max(1));
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

    /// Forgets rate-limit keys quiet for an hour (their buckets are full again).
    pub async fn forget_old_windows(&self) -> Result<()> {
        let hour_ago =
            (OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000) as i64 - 3_600_000_000;
        sqlx::query("DELETE FROM rate_limits WHERE tat < $1")
            .bind(hour_ago)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends a transaction that may have appended events: commits on success, telling
    /// every instance about the newest event; on failure rolls back at once. (An open
    /// transaction holds back every stream in the cluster, so none may linger.)
    async fn finish<T>(
        &self,
        tx: Transaction<'static, Postgres>,
        result: Result<(T, i64)>,
    ) -> Result<T> {
        match result {
            Ok((value, newest)) => {
                self.commit_events(tx, newest).await?;
                Ok(value)
            }
            Err(error) => {
                tx.rollback().await?;
                Err(error)
            }
        }
    }

    /// Commits (the events' notification is already queued by [`append_event`], and
    /// goes out with the commit) and wakes this instance's streams.
    async fn commit_events(&self, tx: Transaction<'static, Postgres>, newest: i64) -> Result<()> {
        tx.commit().await?;
        if newest > 0 {
            bump(&self.latest_event, newest);
        }
        Ok(())
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

/// Wakes this instance's streams on other instances' commits, until the store is gone.
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

impl Database for PgStore {
    fn subscribe(&self) -> watch::Receiver<i64> {
        self.latest_event.subscribe()
    }

    async fn create_account(&self, account: &NewAccount) -> Result<i64> {
        let mut tx = self.pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO accounts (role, email, name, password_hash, country, in_eea, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(wire_str(&account.role))
        .bind(account.email.trim())
        .bind(&account.name)
        .bind(&account.password_hash)
        .bind(&account.country)
        .bind(account.in_eea)
        .bind(now_ms())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(id) = id else {
            return Err(StoreError::EmailTaken);
        };
        for name in &account.properties {
            sqlx::query("INSERT INTO properties (account_id, name) VALUES ($1, $2)")
                .bind(id)
                .bind(name)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    async fn login_record(&self, email: &str) -> Result<Option<(i64, String)>> {
        Ok(
            sqlx::query_as("SELECT id, password_hash FROM accounts WHERE lower(email) = lower($1)")
                .bind(email.trim())
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn account(&self, id: i64) -> Result<Account> {
        let row = sqlx::query(
            "SELECT id, role, name, email, country, in_eea FROM accounts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let properties = sqlx::query_as::<_, (i64, String)>(
            "SELECT id, name FROM properties WHERE account_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|(id, name)| Property { id, name })
        .collect();
        Ok(Account {
            id: row.try_get("id")?,
            role: from_wire(row.try_get("role")?)?,
            name: row.try_get("name")?,
            email: row.try_get("email")?,
            country: row.try_get("country")?,
            in_eea: row.try_get("in_eea")?,
            properties,
        })
    }

    async fn create_session(&self, account_id: i64, token_hash: &[u8; 32]) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(&token_hash[..])
        .bind(account_id)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &[u8; 32]) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(&token_hash[..])
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn session_account(&self, token_hash: &[u8; 32]) -> Result<Option<AuthAccount>> {
        let row = sqlx::query(
            "SELECT a.id, a.role, a.name, a.in_eea FROM sessions s
             JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1",
        )
        .bind(&token_hash[..])
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(AuthAccount {
                id: row.try_get("id")?,
                role: from_wire(row.try_get("role")?)?,
                name: row.try_get("name")?,
                in_eea: row.try_get("in_eea")?,
            })
        })
        .transpose()
    }

    async fn record_attachment(&self, account_id: i64, attachment: &AttachmentRef) -> Result<()> {
        sqlx::query(
            "INSERT INTO attachments (id, account_id, media_type, size, created_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(attachment.id)
        .bind(account_id)
        .bind(&attachment.media_type)
        .bind(attachment.size as i64)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn attachment(&self, id: Uuid, viewer: &AuthAccount) -> Result<AttachmentRef> {
        let row = sqlx::query("SELECT media_type, size, account_id FROM attachments WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        let owner: i64 = row.try_get("account_id")?;
        if viewer.role != Actor::Handler && owner != viewer.id {
            return Err(StoreError::NotFound);
        }
        Ok(AttachmentRef {
            id,
            media_type: row.try_get("media_type")?,
            size: row.try_get::<i64, _>("size")? as u64,
        })
    }

    async fn create_case(
        &self,
        partner: &AuthAccount,
        idem: &IdempotencyKey,
        case: &ValidCase,
    ) -> Result<Stored<CaseDetail>> {
        let mut tx = self.pool.begin().await?;
        let result = create_case(&mut tx, partner, idem, case).await;
        self.finish(tx, result).await
    }

    async fn create_cases(
        &self,
        partner: &AuthAccount,
        cases: Vec<(IdempotencyKey, ValidCase)>,
    ) -> Result<Vec<Result<Stored<CaseDetail>>>> {
        let mut tx = self.pool.begin().await?;
        let result = create_cases(&mut tx, partner, &cases).await;
        self.finish(tx, result).await
    }

    async fn partner_cases(
        &self,
        partner_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<CaseSummary>, Option<i64>)> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM cases c WHERE c.partner_id = $1 AND c.last_event_id < $2
             ORDER BY c.last_event_id DESC LIMIT $3"
        )))
        .bind(partner_id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.pool)
        .await?;
        let cases = rows.iter().map(case_summary).collect::<Result<Vec<_>>>()?;
        Ok(page(cases, limit, |c| c.last_event_id))
    }

    async fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<HandlerCase>, Option<i64>)> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS}, a.id AS partner_id, a.name AS partner_name, a.in_eea
             FROM cases c JOIN accounts a ON a.id = c.partner_id
             WHERE ($1::TEXT IS NULL OR c.status = $1) AND c.last_event_id < $2
             ORDER BY c.last_event_id DESC LIMIT $3"
        )))
        .bind(status.map(|s| s.as_str()))
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.pool)
        .await?;
        let cases = rows
            .iter()
            .map(|r| {
                Ok(HandlerCase {
                    case: case_summary(r)?,
                    partner_id: r.try_get("partner_id")?,
                    partner_name: r.try_get("partner_name")?,
                    partner_in_eea: r.try_get("in_eea")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(page(cases, limit, |c| c.case.last_event_id))
    }

    async fn case_detail(&self, id: Uuid, viewer: &AuthAccount) -> Result<CaseDetail> {
        let mut conn = self.pool.acquire().await?;
        if viewer.role == Actor::Partner {
            sqlx::query(
                "UPDATE cases SET partner_read_event_id = last_event_id
                 WHERE id = $1 AND partner_id = $2 AND partner_read_event_id < last_event_id",
            )
            .bind(id)
            .bind(viewer.id)
            .execute(&mut *conn)
            .await?;
            case_detail(&mut conn, id, Some(viewer.id), viewer.in_eea).await
        } else {
            let in_eea: bool = sqlx::query_scalar(
                "SELECT a.in_eea FROM cases c JOIN accounts a ON a.id = c.partner_id WHERE c.id = $1",
            )
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(StoreError::NotFound)?;
            case_detail(&mut conn, id, None, in_eea).await
        }
    }

    async fn apply_move(
        &self,
        case_id: Uuid,
        mover: &Mover,
        mv: Move,
        content: &MoveContent,
        idem: Option<(&IdempotencyKey, u16)>,
    ) -> Result<Stored<CaseEvent>> {
        let mut tx = self.pool.begin().await?;
        let result = apply_move(&mut tx, case_id, mover, mv, content, idem).await;
        self.finish(tx, result).await
    }

    async fn events_after(
        &self,
        partner_id: i64,
        after: i64,
        limit: u32,
    ) -> Result<Vec<CaseEvent>> {
        let mut conn = self.pool.acquire().await?;
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM case_events
             WHERE partner_id = $1 AND id > $2
             ORDER BY id LIMIT $3"
        )))
        .bind(partner_id)
        .bind(after)
        .bind(i64::from(limit))
        .fetch_all(&mut *conn)
        .await?;
        let events = rows.iter().map(case_event).collect::<Result<Vec<_>>>()?;
        with_attachments(&mut conn, events).await
    }

    async fn stale_cases(&self, status: CaseStatus, age: Duration) -> Result<Vec<Uuid>> {
        let cutoff = now_ms() - age.as_millis() as i64;
        Ok(sqlx::query_scalar(
            "SELECT id FROM cases WHERE status = $1 AND last_activity_at <= $2
             ORDER BY last_event_id LIMIT 100",
        )
        .bind(status.as_str())
        .bind(cutoff)
        .fetch_all(&self.pool)
        .await?)
    }
}

async fn apply_move(
    tx: &mut PgConnection,
    case_id: Uuid,
    mover: &Mover,
    mv: Move,
    content: &MoveContent,
    idem: Option<(&IdempotencyKey, u16)>,
) -> Result<(Stored<CaseEvent>, i64)> {
    if let (Some((idem, _)), Some(partner)) = (idem, mover.partner_scope)
        && let Some((status, body)) = claim_key(&mut *tx, partner, idem).await?
    {
        return Ok((Stored::Replayed { status, body }, 0));
    }
    let row = sqlx::query(
        "SELECT c.status, c.partner_id, a.in_eea FROM cases c
         JOIN accounts a ON a.id = c.partner_id
         WHERE c.id = $1 AND ($2::BIGINT IS NULL OR c.partner_id = $2)
         FOR UPDATE OF c",
    )
    .bind(case_id)
    .bind(mover.partner_scope)
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(StoreError::NotFound)?;
    let from: CaseStatus = from_wire(row.try_get("status")?)?;
    let partner_id: i64 = row.try_get("partner_id")?;
    let in_eea: bool = row.try_get("in_eea")?;
    let to = lifecycle::apply(from, mv, mover.actor, in_eea)?;
    let now = OffsetDateTime::now_utc();
    let author = Author {
        role: mover.actor,
        name: mover.name.clone(),
    };
    let event = append_event(
        &mut *tx,
        case_id,
        partner_id,
        EventKind::of(mv),
        to,
        author,
        content,
        mover.account_id,
        now,
    )
    .await?;
    if let (Some((idem, status)), Some(partner)) = (idem, mover.partner_scope) {
        store_answer(&mut *tx, partner, idem, status, &event).await?;
    }
    let newest = event.id;
    Ok((Stored::Fresh(event), newest))
}

async fn create_cases(
    tx: &mut PgConnection,
    partner: &AuthAccount,
    cases: &[(IdempotencyKey, ValidCase)],
) -> Result<(Vec<Result<Stored<CaseDetail>>>, i64)> {
    let mut newest = 0;
    let mut results = Vec::with_capacity(cases.len());
    for (idem, case) in cases {
        // A savepoint per case: one refused case leaves the others.
        let mut item = sqlx::Connection::begin(&mut *tx).await?;
        match create_case(&mut item, partner, idem, case).await {
            Ok((stored, id)) => {
                item.commit().await?;
                newest = newest.max(id);
                results.push(Ok(stored));
            }
            Err(error) => {
                item.rollback().await?;
                results.push(Err(error));
            }
        }
    }
    Ok((results, newest))
}

async fn create_case(
    conn: &mut PgConnection,
    partner: &AuthAccount,
    idem: &IdempotencyKey,
    case: &ValidCase,
) -> Result<(Stored<CaseDetail>, i64)> {
    if let Some((status, body)) = claim_key(conn, partner.id, idem).await? {
        return Ok((Stored::Replayed { status, body }, 0));
    }
    if let Some(property) = case.property_id {
        let owned: Option<i64> =
            sqlx::query_scalar("SELECT id FROM properties WHERE id = $1 AND account_id = $2")
                .bind(property)
                .bind(partner.id)
                .fetch_optional(&mut *conn)
                .await?;
        if owned.is_none() {
            return Err(StoreError::UnknownProperty);
        }
    }
    let id = Uuid::new_v4();
    let now = OffsetDateTime::now_utc();
    let content = case.first_message();
    let author = Author {
        role: Actor::Partner,
        name: partner.name.clone(),
    };
    sqlx::query(
        "INSERT INTO cases (id, partner_id, kind, topic, subtopic, property_id,
            reservation_ref, status, diagnostics, contact, client_created_at, created_at,
            last_activity_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)",
    )
    .bind(id)
    .bind(partner.id)
    .bind(wire_str(&case.kind))
    .bind(case.choice.topic().as_str())
    .bind(case.choice.subtopic())
    .bind(case.property_id)
    .bind(case.reservation_ref.as_ref().map(|r| r.as_str()))
    .bind(CaseStatus::Submitted.as_str())
    .bind(to_json_opt(&case.diagnostics))
    .bind(to_json_opt(&case.contact))
    .bind(ms(case.client_created_at))
    .bind(ms(now))
    .execute(&mut *conn)
    .await?;
    let event = append_event(
        conn,
        id,
        partner.id,
        EventKind::Submitted,
        CaseStatus::Submitted,
        author,
        &content,
        partner.id,
        now,
    )
    .await?;
    let detail = case.created(id, now, event);
    store_answer(conn, partner.id, idem, 201, &detail).await?;
    let event_id = detail.case.last_event_id;
    Ok((Stored::Fresh(detail), event_id))
}

/// Claims `idem` for `account_id` in this transaction. `None`: the key is new, go on.
/// `Some`: the stored answer of the request that used it first. A concurrent request
/// with the same key waits here until the first one commits (or rolls back).
async fn claim_key(
    conn: &mut PgConnection,
    account_id: i64,
    idem: &IdempotencyKey,
) -> Result<Option<(u16, String)>> {
    let inserted = sqlx::query(
        "INSERT INTO idempotency (account_id, key, request_hash, response_status, response_body, created_at)
         VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT DO NOTHING",
    )
    .bind(account_id)
    .bind(&idem.key)
    .bind(&idem.request_hash[..])
    .bind(now_ms())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    if inserted == 1 {
        return Ok(None);
    }
    let stored: Option<(Vec<u8>, i32, String)> = sqlx::query_as(
        "SELECT request_hash, response_status, response_body FROM idempotency
         WHERE account_id = $1 AND key = $2",
    )
    .bind(account_id)
    .bind(&idem.key)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((hash, status, body)) = stored else {
        return Ok(None);
    };
    if hash != idem.request_hash {
        return Err(StoreError::IdempotencyKeyReused);
    }
    Ok(Some((status as u16, body)))
}

async fn store_answer<T: serde::Serialize>(
    conn: &mut PgConnection,
    account_id: i64,
    idem: &IdempotencyKey,
    status: u16,
    answer: &T,
) -> Result<()> {
    let body = serde_json::to_string(answer).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    sqlx::query(
        "UPDATE idempotency SET response_status = $1, response_body = $2
         WHERE account_id = $3 AND key = $4",
    )
    .bind(i32::from(status))
    .bind(body)
    .bind(account_id)
    .bind(&idem.key)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn append_event(
    conn: &mut PgConnection,
    case_id: Uuid,
    partner_id: i64,
    kind: EventKind,
    status: CaseStatus,
    author: Author,
    content: &MoveContent,
    uploader: i64,
    at: OffsetDateTime,
) -> Result<CaseEvent> {
    // One round trip: take the ordering lock (held to the commit), insert the event,
    // move the case (status, outcome, marker) and queue the notification.
    let event_id: i64 = sqlx::query_scalar(
        "WITH ordered AS (SELECT pg_advisory_xact_lock($11)),
         event AS (
            INSERT INTO case_events (case_id, partner_id, kind, status, author_role,
                author_name, body, outcome, expected_next, created_at)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM ordered
            RETURNING id),
         moved AS (
            UPDATE cases SET status = $4, outcome = COALESCE($8, outcome),
                expected_next = COALESCE($9, expected_next),
                last_event_id = event.id, last_activity_at = $10
            FROM event WHERE cases.id = $1),
         told AS (SELECT pg_notify($12, event.id::TEXT) FROM event)
         SELECT event.id FROM event, told",
    )
    .bind(case_id)
    .bind(partner_id)
    .bind(kind.as_str())
    .bind(status.as_str())
    .bind(wire_str(&author.role))
    .bind(&author.name)
    .bind(content.body.as_ref().map(|b| b.as_str()))
    .bind(&content.outcome)
    .bind(&content.expected_next)
    .bind(ms(at))
    .bind(EVENT_LOCK)
    .bind(CHANNEL)
    .fetch_one(&mut *conn)
    .await?;
    let mut attachments = Vec::with_capacity(content.attachment_ids.len());
    for attachment in &content.attachment_ids {
        let linked: Option<(String, i64)> = sqlx::query_as(
            "UPDATE attachments SET event_id = $1
             WHERE id = $2 AND account_id = $3 AND event_id IS NULL
             RETURNING media_type, size",
        )
        .bind(event_id)
        .bind(attachment)
        .bind(uploader)
        .fetch_optional(&mut *conn)
        .await?;
        let Some((media_type, size)) = linked else {
            return Err(StoreError::UnknownAttachment);
        };
        attachments.push(AttachmentRef {
            id: *attachment,
            media_type,
            size: size as u64,
        });
    }
    Ok(CaseEvent {
        id: event_id,
        case_id,
        kind,
        status,
        at: truncate_ms(at),
        author,
        body: content.body.as_ref().map(|b| b.as_str().to_owned()),
        attachments,
        outcome: content.outcome.clone(),
        expected_next: content.expected_next.clone(),
    })
}

async fn case_detail(
    conn: &mut PgConnection,
    id: Uuid,
    partner_scope: Option<i64>,
    partner_in_eea: bool,
) -> Result<CaseDetail> {
    let row = sqlx::query(AssertSqlSafe(format!(
        "SELECT {CASE_COLUMNS}, c.expected_next, c.diagnostics, c.contact FROM cases c
         WHERE c.id = $1 AND ($2::BIGINT IS NULL OR c.partner_id = $2)"
    )))
    .bind(id)
    .bind(partner_scope)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    let case = case_summary(&row)?;
    let rows = sqlx::query(AssertSqlSafe(format!(
        "SELECT {EVENT_COLUMNS} FROM case_events WHERE case_id = $1 ORDER BY id"
    )))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let events = rows.iter().map(case_event).collect::<Result<Vec<_>>>()?;
    let timeline = with_attachments(conn, events).await?;
    Ok(CaseDetail {
        mediation_offered: lifecycle::mediation_offered(case.status, partner_in_eea),
        case,
        expected_next: row.try_get("expected_next")?,
        diagnostics: from_json_opt(row.try_get("diagnostics")?)?,
        contact: from_json_opt(row.try_get("contact")?)?,
        timeline,
    })
}

async fn with_attachments(
    conn: &mut PgConnection,
    mut events: Vec<CaseEvent>,
) -> Result<Vec<CaseEvent>> {
    let (Some(first), Some(last)) = (events.first(), events.last()) else {
        return Ok(events);
    };
    let rows: Vec<(Uuid, String, i64, i64)> = sqlx::query_as(
        "SELECT id, media_type, size, event_id FROM attachments
         WHERE event_id BETWEEN $1 AND $2 ORDER BY created_at, id",
    )
    .bind(first.id)
    .bind(last.id)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_event: HashMap<i64, Vec<AttachmentRef>> = HashMap::new();
    for (id, media_type, size, event_id) in rows {
        by_event.entry(event_id).or_default().push(AttachmentRef {
            id,
            media_type,
            size: size as u64,
        });
    }
    for event in &mut events {
        if let Some(list) = by_event.remove(&event.id) {
            event.attachments = list;
        }
    }
    Ok(events)
}

fn case_summary(r: &PgRow) -> Result<CaseSummary> {
    Ok(CaseSummary {
        id: r.try_get("id")?,
        kind: from_wire(r.try_get("kind")?)?,
        topic: from_wire(r.try_get("topic")?)?,
        subtopic: r.try_get("subtopic")?,
        property_id: r.try_get("property_id")?,
        reservation_ref: r.try_get("reservation_ref")?,
        status: from_wire(r.try_get("status")?)?,
        outcome: r.try_get("outcome")?,
        created_at: from_ms(r.try_get("created_at")?)?,
        last_activity_at: from_ms(r.try_get("last_activity_at")?)?,
        last_event_id: r.try_get("last_event_id")?,
        unread_count: r.try_get("unread_count")?,
    })
}

fn case_event(r: &PgRow) -> Result<CaseEvent> {
    Ok(CaseEvent {
        id: r.try_get("id")?,
        case_id: r.try_get("case_id")?,
        kind: from_wire(r.try_get("kind")?)?,
        status: from_wire(r.try_get("status")?)?,
        at: from_ms(r.try_get("created_at")?)?,
        author: Author {
            role: from_wire(r.try_get("author_role")?)?,
            name: r.try_get("author_name")?,
        },
        body: r.try_get("body")?,
        attachments: Vec::new(),
        outcome: r.try_get("outcome")?,
        expected_next: r.try_get("expected_next")?,
    })
}
