//! Storage: one SQLite file (WAL) behind one writer connection and a pool of readers.
//!
//! Every write that changes a case runs in one transaction that also appends to the
//! event log and, for writes sent with an Idempotency-Key, stores the answer under that
//! key. A single writer means event ids commit in order, so a stream that reads
//! "everything after id N" can never skip an event that commits late.

use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;
use std::time::Duration;

use pulse_protocol::input::{MessageBody, ReservationRef, TopicChoice};
use pulse_protocol::lifecycle::{self, Actor, CaseStatus, Move, TransitionError};
use pulse_protocol::wire::{
    Account, AttachmentRef, Author, CaseDetail, CaseEvent, CaseSummary, ContactDetails,
    ContactKind, EventKind, HandlerCase, Property,
};
use serde::de::DeserializeOwned;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Row, Sqlite, Transaction};
use time::OffsetDateTime;
use tokio::sync::watch;
use uuid::Uuid;

/// What can go wrong in storage, in terms the API can answer with.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Transition(#[from] TransitionError),
    #[error("the property is not one of the partner's")]
    UnknownProperty,
    #[error("an attachment is unknown, someone else's or already sent")]
    UnknownAttachment,
    #[error("the idempotency key was used for a different request")]
    IdempotencyKeyReused,
    #[error("an account with this email exists")]
    EmailTaken,
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    #[error("database: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

type Result<T, E = StoreError> = std::result::Result<T, E>;

/// The account behind a bearer token.
#[derive(Debug, Clone)]
pub struct AuthAccount {
    pub id: i64,
    pub role: Actor,
    pub name: String,
    pub in_eea: bool,
}

/// A new partner or handler account; the password is already hashed.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub role: Actor,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub country: String,
    pub in_eea: bool,
    pub properties: Vec<String>,
}

/// A new case after parsing: every field already checked against the protocol's rules.
#[derive(Debug, Clone)]
pub struct ValidCase {
    pub kind: ContactKind,
    pub choice: TopicChoice,
    pub property_id: Option<i64>,
    pub reservation_ref: Option<ReservationRef>,
    pub body: MessageBody,
    pub attachment_ids: Vec<Uuid>,
    pub client_created_at: OffsetDateTime,
    pub diagnostics: Option<BTreeMap<String, String>>,
    pub contact: Option<ContactDetails>,
}

/// A write's Idempotency-Key and the fingerprint of the request it came with.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    pub key: String,
    pub request_hash: [u8; 32],
}

/// The result of an idempotent write: done now, or the answer stored the first time.
#[derive(Debug)]
pub enum Stored<T> {
    Fresh(T),
    Replayed { status: u16, body: String },
}

/// Who makes a move on a case, and within which partner's cases they may act.
#[derive(Debug, Clone)]
pub struct Mover {
    pub actor: Actor,
    pub account_id: i64,
    pub name: String,
    /// Some(partner id) for a partner: only their own cases exist for them.
    pub partner_scope: Option<i64>,
}

/// What a move writes beside the status change.
#[derive(Debug, Clone, Default)]
pub struct MoveContent {
    pub body: Option<MessageBody>,
    pub attachment_ids: Vec<Uuid>,
    pub outcome: Option<String>,
    pub expected_next: Option<String>,
}

/// Storage limits and tuning.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    pub readers: u32,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions { readers: 4 }
    }
}

/// The server's database.
#[derive(Clone)]
pub struct Store {
    writer: SqlitePool,
    reader: SqlitePool,
    latest_event: watch::Sender<i64>,
}

const CASE_COLUMNS: &str = "c.id, c.kind, c.topic, c.subtopic, c.property_id, \
    c.reservation_ref, c.status, c.outcome, c.created_at, c.last_activity_at, \
    c.last_event_id, (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id \
    AND e.id > c.partner_read_event_id AND e.author_role = 'handler') AS unread_count";

const EVENT_COLUMNS: &str = "id, case_id, kind, status, author_role, author_name, body, \
    outcome, expected_next, created_at";

impl Store {
    /// Opens (creating if needed) and migrates the database at `url` (`sqlite:path`).
    pub async fn open(url: &str, options: &StoreOptions) -> Result<Store> {
        let connect = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .connect_with(connect.clone())
            .await?;
        sqlx::migrate!("./migrations").run(&writer).await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(options.readers.max(1))
            .connect_with(connect.read_only(true))
            .await?;
        let latest: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM case_events")
            .fetch_one(&reader)
            .await?;
        let (latest_event, _) = watch::channel(latest);
        Ok(Store {
            writer,
            reader,
            latest_event,
        })
    }

    /// Wakes whenever events are committed; the value is the newest event id.
    pub fn subscribe(&self) -> watch::Receiver<i64> {
        self.latest_event.subscribe()
    }

    /// Closes every connection (after the server has stopped).
    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }

    fn announce(&self, event_id: i64) {
        self.latest_event.send_if_modified(|latest| {
            let newer = event_id > *latest;
            if newer {
                *latest = event_id;
            }
            newer
        });
    }

    async fn begin(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?)
    }

    // ----- accounts and sessions -----

    /// Creates an account with its properties; returns its id.
    pub async fn create_account(&self, account: &NewAccount) -> Result<i64> {
        let mut tx = self.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO accounts (role, email, name, password_hash, country, in_eea, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING",
        )
        .bind(wire_str(&account.role))
        .bind(account.email.trim())
        .bind(&account.name)
        .bind(&account.password_hash)
        .bind(&account.country)
        .bind(account.in_eea)
        .bind(now_ms())
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Err(StoreError::EmailTaken);
        }
        let id = inserted.last_insert_rowid();
        for name in &account.properties {
            sqlx::query("INSERT INTO properties (account_id, name) VALUES (?, ?)")
                .bind(id)
                .bind(name)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// The id and password hash of the account with this email, if any.
    pub async fn login_record(&self, email: &str) -> Result<Option<(i64, String)>> {
        Ok(
            sqlx::query_as("SELECT id, password_hash FROM accounts WHERE email = ?")
                .bind(email.trim())
                .fetch_optional(&self.reader)
                .await?,
        )
    }

    pub async fn account(&self, id: i64) -> Result<Account> {
        let row =
            sqlx::query("SELECT id, role, name, email, country, in_eea FROM accounts WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.reader)
                .await?
                .ok_or(StoreError::NotFound)?;
        let properties = sqlx::query_as::<_, (i64, String)>(
            "SELECT id, name FROM properties WHERE account_id = ? ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.reader)
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

    pub async fn create_session(&self, account_id: i64, token_hash: &[u8; 32]) -> Result<()> {
        sqlx::query("INSERT INTO sessions (token_hash, account_id, created_at) VALUES (?, ?, ?)")
            .bind(&token_hash[..])
            .bind(account_id)
            .bind(now_ms())
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn delete_session(&self, token_hash: &[u8; 32]) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(&token_hash[..])
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    pub async fn session_account(&self, token_hash: &[u8; 32]) -> Result<Option<AuthAccount>> {
        let row = sqlx::query(
            "SELECT a.id, a.role, a.name, a.in_eea FROM sessions s
             JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?",
        )
        .bind(&token_hash[..])
        .fetch_optional(&self.reader)
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

    // ----- attachments -----

    pub async fn record_attachment(
        &self,
        account_id: i64,
        attachment: &AttachmentRef,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO attachments (id, account_id, media_type, size, created_at)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(attachment.id.to_string())
        .bind(account_id)
        .bind(&attachment.media_type)
        .bind(attachment.size as i64)
        .bind(now_ms())
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// An attachment's metadata, if `viewer` may see it: its uploader, or any handler.
    pub async fn attachment(&self, id: Uuid, viewer: &AuthAccount) -> Result<AttachmentRef> {
        let row = sqlx::query("SELECT media_type, size, account_id FROM attachments WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&self.reader)
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

    // ----- cases -----

    /// Creates a partner's case, once per idempotency key.
    pub async fn create_case(
        &self,
        partner: &AuthAccount,
        idem: &IdempotencyKey,
        case: &ValidCase,
    ) -> Result<Stored<CaseDetail>> {
        let mut tx = self.begin().await?;
        if let Some((status, body)) = claim_key(&mut tx, partner.id, idem).await? {
            return Ok(Stored::Replayed { status, body });
        }
        if let Some(property) = case.property_id {
            let owned: Option<i64> =
                sqlx::query_scalar("SELECT id FROM properties WHERE id = ? AND account_id = ?")
                    .bind(property)
                    .bind(partner.id)
                    .fetch_optional(&mut *tx)
                    .await?;
            if owned.is_none() {
                return Err(StoreError::UnknownProperty);
            }
        }
        let id = Uuid::new_v4();
        let now = now_ms();
        sqlx::query(
            "INSERT INTO cases (id, partner_id, kind, topic, subtopic, property_id,
                reservation_ref, status, diagnostics, contact, client_created_at, created_at,
                last_activity_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id.to_string())
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
        .bind(now)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let content = MoveContent {
            body: Some(case.body.clone()),
            attachment_ids: case.attachment_ids.clone(),
            ..MoveContent::default()
        };
        let author = Author {
            role: Actor::Partner,
            name: partner.name.clone(),
        };
        let event_id = append_event(
            &mut tx,
            id,
            partner.id,
            EventKind::Submitted,
            CaseStatus::Submitted,
            &author,
            &content,
            partner.id,
            now,
        )
        .await?;
        let detail = case_detail_in(&mut tx, id, Some(partner.id), partner.in_eea).await?;
        store_answer(&mut tx, partner.id, idem, 201, &detail).await?;
        tx.commit().await?;
        self.announce(event_id);
        Ok(Stored::Fresh(detail))
    }

    /// A page of one partner's cases, newest activity first. `before` is the previous
    /// page's cursor (an event id).
    pub async fn partner_cases(
        &self,
        partner_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<CaseSummary>, Option<i64>)> {
        let rows = sqlx::query(&format!(
            "SELECT {CASE_COLUMNS} FROM cases c WHERE c.partner_id = ? AND c.last_event_id < ?
             ORDER BY c.last_event_id DESC LIMIT ?"
        ))
        .bind(partner_id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.reader)
        .await?;
        page(rows, limit)
    }

    /// A page of all cases for handlers, optionally of one status.
    pub async fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<HandlerCase>, Option<i64>)> {
        let rows = sqlx::query(&format!(
            "SELECT {CASE_COLUMNS}, a.id AS partner_id, a.name AS partner_name, a.in_eea
             FROM cases c JOIN accounts a ON a.id = c.partner_id
             WHERE (? IS NULL OR c.status = ?) AND c.last_event_id < ?
             ORDER BY c.last_event_id DESC LIMIT ?"
        ))
        .bind(status.map(|s| s.as_str()))
        .bind(status.map(|s| s.as_str()))
        .bind(before.unwrap_or(i64::MAX))
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.reader)
        .await?;
        let more = rows.len() > limit as usize;
        let mut cases = Vec::with_capacity(rows.len().min(limit as usize));
        for row in rows.iter().take(limit as usize) {
            cases.push(HandlerCase {
                case: case_summary(row)?,
                partner_id: row.try_get("partner_id")?,
                partner_name: row.try_get("partner_name")?,
                partner_in_eea: row.try_get("in_eea")?,
            });
        }
        let next = more
            .then(|| cases.last().map(|c| c.case.last_event_id))
            .flatten();
        Ok((cases, next))
    }

    /// A case with its timeline. For a partner (`partner_scope`), only their own case,
    /// and opening it marks support's events as read.
    pub async fn case_detail(&self, id: Uuid, viewer: &AuthAccount) -> Result<CaseDetail> {
        if viewer.role == Actor::Partner {
            let mut tx = self.begin().await?;
            sqlx::query(
                "UPDATE cases SET partner_read_event_id = last_event_id
                 WHERE id = ? AND partner_id = ? AND partner_read_event_id < last_event_id",
            )
            .bind(id.to_string())
            .bind(viewer.id)
            .execute(&mut *tx)
            .await?;
            let detail = case_detail_in(&mut tx, id, Some(viewer.id), viewer.in_eea).await?;
            tx.commit().await?;
            Ok(detail)
        } else {
            let mut conn = self.reader.acquire().await?;
            let in_eea: bool = sqlx::query_scalar(
                "SELECT a.in_eea FROM cases c JOIN accounts a ON a.id = c.partner_id WHERE c.id = ?",
            )
            .bind(id.to_string())
            .fetch_optional(&mut *conn)
            .await?
            .ok_or(StoreError::NotFound)?;
            case_detail_in(&mut conn, id, None, in_eea).await
        }
    }

    /// Makes a lifecycle move on a case and logs it as one event. With an idempotency
    /// key, a resend returns the first answer.
    pub async fn apply_move(
        &self,
        case_id: Uuid,
        mover: &Mover,
        mv: Move,
        content: &MoveContent,
        idem: Option<(&IdempotencyKey, u16)>,
    ) -> Result<Stored<CaseEvent>> {
        let mut tx = self.begin().await?;
        if let (Some((idem, _)), Some(partner)) = (idem, mover.partner_scope)
            && let Some((status, body)) = claim_key(&mut tx, partner, idem).await?
        {
            return Ok(Stored::Replayed { status, body });
        }
        let row = sqlx::query(
            "SELECT c.status, c.partner_id, a.in_eea FROM cases c
             JOIN accounts a ON a.id = c.partner_id
             WHERE c.id = ? AND (? IS NULL OR c.partner_id = ?)",
        )
        .bind(case_id.to_string())
        .bind(mover.partner_scope)
        .bind(mover.partner_scope)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(StoreError::NotFound)?;
        let from: CaseStatus = from_wire(row.try_get("status")?)?;
        let partner_id: i64 = row.try_get("partner_id")?;
        let in_eea: bool = row.try_get("in_eea")?;
        let to = lifecycle::apply(from, mv, mover.actor, in_eea)?;
        let now = now_ms();
        let author = Author {
            role: mover.actor,
            name: mover.name.clone(),
        };
        let event_id = append_event(
            &mut tx,
            case_id,
            partner_id,
            EventKind::of(mv),
            to,
            &author,
            content,
            mover.account_id,
            now,
        )
        .await?;
        sqlx::query(
            "UPDATE cases SET status = ?,
                outcome = COALESCE(?, outcome),
                expected_next = COALESCE(?, expected_next)
             WHERE id = ?",
        )
        .bind(to.as_str())
        .bind(&content.outcome)
        .bind(&content.expected_next)
        .bind(case_id.to_string())
        .execute(&mut *tx)
        .await?;
        let event = event_by_id(&mut tx, event_id).await?;
        if let (Some((idem, status)), Some(partner)) = (idem, mover.partner_scope) {
            store_answer(&mut tx, partner, idem, status, &event).await?;
        }
        tx.commit().await?;
        self.announce(event_id);
        Ok(Stored::Fresh(event))
    }

    /// Up to `limit` of a partner's events after `after`, oldest first.
    pub async fn events_after(
        &self,
        partner_id: i64,
        after: i64,
        limit: u32,
    ) -> Result<Vec<CaseEvent>> {
        let mut conn = self.reader.acquire().await?;
        let rows = sqlx::query(&format!(
            "SELECT {EVENT_COLUMNS} FROM case_events WHERE partner_id = ? AND id > ?
             ORDER BY id LIMIT ?"
        ))
        .bind(partner_id)
        .bind(after)
        .bind(i64::from(limit))
        .fetch_all(&mut *conn)
        .await?;
        events_with_attachments(&mut conn, rows).await
    }

    /// Cases in `status` whose last activity is older than `age`, oldest first (the
    /// demo's automatic handler works through these).
    pub async fn stale_cases(&self, status: CaseStatus, age: Duration) -> Result<Vec<Uuid>> {
        let cutoff = now_ms() - age.as_millis() as i64;
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM cases WHERE status = ? AND last_activity_at <= ?
             ORDER BY last_event_id LIMIT 100",
        )
        .bind(status.as_str())
        .bind(cutoff)
        .fetch_all(&self.reader)
        .await?;
        ids.iter().map(|id| parse_uuid(id)).collect()
    }
}

/// Claims `idem` for `account_id` in this transaction. `None`: the key is new, go on.
/// `Some`: the stored answer of the request that used it first.
async fn claim_key(
    tx: &mut Transaction<'static, Sqlite>,
    account_id: i64,
    idem: &IdempotencyKey,
) -> Result<Option<(u16, String)>> {
    let inserted = sqlx::query(
        "INSERT INTO idempotency (account_id, key, request_hash, response_status, response_body, created_at)
         VALUES (?, ?, ?, 0, '', ?) ON CONFLICT DO NOTHING",
    )
    .bind(account_id)
    .bind(&idem.key)
    .bind(&idem.request_hash[..])
    .bind(now_ms())
    .execute(&mut **tx)
    .await?;
    if inserted.rows_affected() == 1 {
        return Ok(None);
    }
    let (hash, status, body): (Vec<u8>, i64, String) = sqlx::query_as(
        "SELECT request_hash, response_status, response_body FROM idempotency
         WHERE account_id = ? AND key = ?",
    )
    .bind(account_id)
    .bind(&idem.key)
    .fetch_one(&mut **tx)
    .await?;
    if hash != idem.request_hash {
        return Err(StoreError::IdempotencyKeyReused);
    }
    Ok(Some((status as u16, body)))
}

async fn store_answer<T: serde::Serialize>(
    tx: &mut Transaction<'static, Sqlite>,
    account_id: i64,
    idem: &IdempotencyKey,
    status: u16,
    answer: &T,
) -> Result<()> {
    let body = serde_json::to_string(answer).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    sqlx::query(
        "UPDATE idempotency SET response_status = ?, response_body = ? WHERE account_id = ? AND key = ?",
    )
    .bind(i64::from(status))
    .bind(body)
    .bind(account_id)
    .bind(&idem.key)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Appends one event, attaches the uploader's unused attachments to it and moves the
/// case's activity marker. Returns the event id.
#[allow(clippy::too_many_arguments)]
async fn append_event(
    tx: &mut Transaction<'static, Sqlite>,
    case_id: Uuid,
    partner_id: i64,
    kind: EventKind,
    status: CaseStatus,
    author: &Author,
    content: &MoveContent,
    uploader: i64,
    now: i64,
) -> Result<i64> {
    let event_id = sqlx::query(
        "INSERT INTO case_events (case_id, partner_id, kind, status, author_role, author_name,
            body, outcome, expected_next, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(case_id.to_string())
    .bind(partner_id)
    .bind(kind.as_str())
    .bind(status.as_str())
    .bind(wire_str(&author.role))
    .bind(&author.name)
    .bind(content.body.as_ref().map(|b| b.as_str()))
    .bind(&content.outcome)
    .bind(&content.expected_next)
    .bind(now)
    .execute(&mut **tx)
    .await?
    .last_insert_rowid();
    for attachment in &content.attachment_ids {
        let linked = sqlx::query(
            "UPDATE attachments SET event_id = ? WHERE id = ? AND account_id = ? AND event_id IS NULL",
        )
        .bind(event_id)
        .bind(attachment.to_string())
        .bind(uploader)
        .execute(&mut **tx)
        .await?;
        if linked.rows_affected() != 1 {
            return Err(StoreError::UnknownAttachment);
        }
    }
    sqlx::query("UPDATE cases SET last_event_id = ?, last_activity_at = ? WHERE id = ?")
        .bind(event_id)
        .bind(now)
        .bind(case_id.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(event_id)
}

async fn case_detail_in(
    conn: &mut sqlx::SqliteConnection,
    id: Uuid,
    partner_scope: Option<i64>,
    partner_in_eea: bool,
) -> Result<CaseDetail> {
    let row = sqlx::query(&format!(
        "SELECT {CASE_COLUMNS}, c.expected_next, c.diagnostics, c.contact FROM cases c
         WHERE c.id = ? AND (? IS NULL OR c.partner_id = ?)"
    ))
    .bind(id.to_string())
    .bind(partner_scope)
    .bind(partner_scope)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    let case = case_summary(&row)?;
    let rows = sqlx::query(&format!(
        "SELECT {EVENT_COLUMNS} FROM case_events WHERE case_id = ? ORDER BY id"
    ))
    .bind(id.to_string())
    .fetch_all(&mut *conn)
    .await?;
    let timeline = events_with_attachments(conn, rows).await?;
    Ok(CaseDetail {
        mediation_offered: lifecycle::mediation_offered(case.status, partner_in_eea),
        case,
        expected_next: row.try_get("expected_next")?,
        diagnostics: from_json_opt(row.try_get("diagnostics")?)?,
        contact: from_json_opt(row.try_get("contact")?)?,
        timeline,
    })
}

async fn event_by_id(tx: &mut Transaction<'static, Sqlite>, id: i64) -> Result<CaseEvent> {
    let rows = sqlx::query(&format!(
        "SELECT {EVENT_COLUMNS} FROM case_events WHERE id = ?"
    ))
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    events_with_attachments(tx, rows)
        .await?
        .pop()
        .ok_or(StoreError::NotFound)
}

/// Turns event rows (ordered by id) into events with their attachments.
async fn events_with_attachments(
    conn: &mut sqlx::SqliteConnection,
    rows: Vec<SqliteRow>,
) -> Result<Vec<CaseEvent>> {
    let mut events = rows.iter().map(case_event).collect::<Result<Vec<_>>>()?;
    let (Some(first), Some(last)) = (events.first(), events.last()) else {
        return Ok(events);
    };
    let attached = sqlx::query(
        "SELECT id, media_type, size, event_id FROM attachments
         WHERE event_id BETWEEN ? AND ? ORDER BY created_at, id",
    )
    .bind(first.id)
    .bind(last.id)
    .fetch_all(&mut *conn)
    .await?;
    if attached.is_empty() {
        return Ok(events);
    }
    let mut by_event: HashMap<i64, Vec<AttachmentRef>> = HashMap::new();
    for row in attached {
        by_event
            .entry(row.try_get("event_id")?)
            .or_default()
            .push(AttachmentRef {
                id: parse_uuid(row.try_get("id")?)?,
                media_type: row.try_get("media_type")?,
                size: row.try_get::<i64, _>("size")? as u64,
            });
    }
    for event in &mut events {
        if let Some(list) = by_event.remove(&event.id) {
            event.attachments = list;
        }
    }
    Ok(events)
}

fn page(rows: Vec<SqliteRow>, limit: u32) -> Result<(Vec<CaseSummary>, Option<i64>)> {
    let more = rows.len() > limit as usize;
    let cases = rows
        .iter()
        .take(limit as usize)
        .map(case_summary)
        .collect::<Result<Vec<_>>>()?;
    let next = more
        .then(|| cases.last().map(|c| c.last_event_id))
        .flatten();
    Ok((cases, next))
}

fn case_summary(row: &SqliteRow) -> Result<CaseSummary> {
    Ok(CaseSummary {
        id: parse_uuid(row.try_get("id")?)?,
        kind: from_wire(row.try_get("kind")?)?,
        topic: from_wire(row.try_get("topic")?)?,
        subtopic: row.try_get("subtopic")?,
        property_id: row.try_get("property_id")?,
        reservation_ref: row.try_get("reservation_ref")?,
        status: from_wire(row.try_get("status")?)?,
        outcome: row.try_get("outcome")?,
        created_at: from_ms(row.try_get("created_at")?)?,
        last_activity_at: from_ms(row.try_get("last_activity_at")?)?,
        last_event_id: row.try_get("last_event_id")?,
        unread_count: row.try_get("unread_count")?,
    })
}

fn case_event(row: &SqliteRow) -> Result<CaseEvent> {
    Ok(CaseEvent {
        id: row.try_get("id")?,
        case_id: parse_uuid(row.try_get("case_id")?)?,
        kind: from_wire(row.try_get("kind")?)?,
        status: from_wire(row.try_get("status")?)?,
        at: from_ms(row.try_get("created_at")?)?,
        author: Author {
            role: from_wire(row.try_get("author_role")?)?,
            name: row.try_get("author_name")?,
        },
        body: row.try_get("body")?,
        attachments: Vec::new(),
        outcome: row.try_get("outcome")?,
        expected_next: row.try_get("expected_next")?,
    })
}

/// The wire (serde) name of a unit enum value, as stored in TEXT columns.
fn wire_str<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn from_wire<T: DeserializeOwned>(s: String) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(s.clone()))
        .map_err(|_| StoreError::Corrupt(format!("unknown value {s:?}")))
}

fn to_json_opt<T: serde::Serialize>(value: &Option<T>) -> Option<String> {
    value.as_ref().and_then(|v| serde_json::to_string(v).ok())
}

fn from_json_opt<T: DeserializeOwned>(raw: Option<String>) -> Result<Option<T>> {
    raw.map(|raw| serde_json::from_str(&raw).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

fn parse_uuid(s: &str) -> Result<Uuid> {
    Uuid::parse_str(s).map_err(|_| StoreError::Corrupt(format!("bad id {s:?}")))
}

fn now_ms() -> i64 {
    ms(OffsetDateTime::now_utc())
}

fn ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

fn from_ms(ms: i64) -> Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}
