//! Storage: the one interface the API uses ([`Database`]), implemented on SQLite (one
//! file, zero set-up; the default) and on PostgreSQL (for several instances).
//!
//! Both keep the same promises: every write that changes a case runs in one
//! transaction that also appends to the event log and, for writes sent with an
//! Idempotency-Key, stores the answer under that key; and event ids become visible in
//! id order, so a stream that reads "everything after id N" never skips an event that
//! commits late.

pub mod postgres;
pub mod sqlite;

use std::collections::BTreeMap;
use std::future::Future;
use std::time::Duration;

use pulse_protocol::input::{MessageBody, ReservationRef, TopicChoice};
use pulse_protocol::lifecycle::{Actor, CaseStatus, Move, TransitionError};
use pulse_protocol::wire::{
    Account, AttachmentRef, CaseDetail, CaseEvent, CaseSummary, ContactDetails, ContactKind,
    HandlerCase,
};
use serde::de::DeserializeOwned;
use time::OffsetDateTime;
use tokio::sync::watch;
use uuid::Uuid;

pub use postgres::PgStore;
pub use sqlite::SqliteStore;

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
    #[error("the database URL is not one this server supports: {0}")]
    UnsupportedUrl(String),
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    #[error("database: {0}")]
    Database(String),
    #[error("the store is closed")]
    Closed,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Database(e.to_string())
    }
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

impl ValidCase {
    /// What the new case's first event carries: the partner's message and files.
    pub(crate) fn first_message(&self) -> MoveContent {
        MoveContent {
            body: Some(self.body.clone()),
            attachment_ids: self.attachment_ids.clone(),
            ..MoveContent::default()
        }
    }

    /// The answer to creating this case as `id` at `at`, built from what was written
    /// rather than read back.
    pub(crate) fn created(&self, id: Uuid, at: OffsetDateTime, first: CaseEvent) -> CaseDetail {
        CaseDetail {
            case: CaseSummary {
                id,
                kind: self.kind,
                topic: self.choice.topic(),
                subtopic: self.choice.subtopic().to_owned(),
                property_id: self.property_id,
                reservation_ref: self.reservation_ref.as_ref().map(|r| r.as_str().to_owned()),
                status: CaseStatus::Submitted,
                outcome: None,
                created_at: truncate_ms(at),
                last_activity_at: truncate_ms(at),
                last_event_id: first.id,
                unread_count: 0,
            },
            expected_next: None,
            diagnostics: self.diagnostics.clone(),
            contact: self.contact.clone(),
            mediation_offered: false,
            timeline: vec![first],
        }
    }
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

/// What the API needs from storage. Each backend implements all of it with the same
/// behaviour; the integration suite runs against both.
pub trait Database: Send + Sync {
    /// Wakes whenever events are committed; the value is the newest event id.
    fn subscribe(&self) -> watch::Receiver<i64>;
    /// Creates an account with its properties; returns its id.
    fn create_account(&self, account: &NewAccount) -> impl Future<Output = Result<i64>> + Send;
    /// The id and password hash of the account with this email, if any.
    fn login_record(
        &self,
        email: &str,
    ) -> impl Future<Output = Result<Option<(i64, String)>>> + Send;
    fn account(&self, id: i64) -> impl Future<Output = Result<Account>> + Send;
    fn create_session(
        &self,
        account_id: i64,
        token_hash: &[u8; 32],
    ) -> impl Future<Output = Result<()>> + Send;
    fn delete_session(&self, token_hash: &[u8; 32]) -> impl Future<Output = Result<()>> + Send;
    fn session_account(
        &self,
        token_hash: &[u8; 32],
    ) -> impl Future<Output = Result<Option<AuthAccount>>> + Send;
    fn record_attachment(
        &self,
        account_id: i64,
        attachment: &AttachmentRef,
    ) -> impl Future<Output = Result<()>> + Send;
    /// An attachment's metadata, if `viewer` may see it: its uploader, or any handler.
    fn attachment(
        &self,
        id: Uuid,
        viewer: &AuthAccount,
    ) -> impl Future<Output = Result<AttachmentRef>> + Send;
    /// Creates a partner's case, once per idempotency key.
    fn create_case(
        &self,
        partner: &AuthAccount,
        idem: &IdempotencyKey,
        case: &ValidCase,
    ) -> impl Future<Output = Result<Stored<CaseDetail>>> + Send;
    /// Creates several cases in the order given, each under its own key; one refused
    /// case leaves the others as they are.
    fn create_cases(
        &self,
        partner: &AuthAccount,
        cases: Vec<(IdempotencyKey, ValidCase)>,
    ) -> impl Future<Output = Result<Vec<Result<Stored<CaseDetail>>>>> + Send;
    /// A page of one partner's cases, newest activity first, before the cursor.
    fn partner_cases(
        &self,
        partner_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> impl Future<Output = Result<(Vec<CaseSummary>, Option<i64>)>> + Send;
    /// A page of all cases for handlers, optionally of one status.
    fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: Option<i64>,
        limit: u32,
    ) -> impl Future<Output = Result<(Vec<HandlerCase>, Option<i64>)>> + Send;
    /// A case with its timeline; a partner sees only their own, and reads it.
    fn case_detail(
        &self,
        id: Uuid,
        viewer: &AuthAccount,
    ) -> impl Future<Output = Result<CaseDetail>> + Send;
    /// Makes a lifecycle move on a case and logs it as one event.
    fn apply_move(
        &self,
        case_id: Uuid,
        mover: &Mover,
        mv: Move,
        content: &MoveContent,
        idem: Option<(&IdempotencyKey, u16)>,
    ) -> impl Future<Output = Result<Stored<CaseEvent>>> + Send;
    /// Up to `limit` of a partner's events after `after`, oldest first.
    fn events_after(
        &self,
        partner_id: i64,
        after: i64,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<CaseEvent>>> + Send;
    /// Cases in `status` whose last activity is older than `age`, oldest first.
    fn stale_cases(
        &self,
        status: CaseStatus,
        age: Duration,
    ) -> impl Future<Output = Result<Vec<Uuid>>> + Send;
}

/// The server's database, whichever backend the URL names.
#[derive(Clone)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

macro_rules! on_backend {
    ($store:expr, $db:ident => $call:expr) => {
        match $store {
            Store::Sqlite($db) => $call,
            Store::Postgres($db) => $call,
        }
    };
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `url`:
    /// `sqlite:path/to/file.db` or `postgres://user@host:port/database`.
    pub async fn open(url: &str) -> Result<Store> {
        if url.starts_with("sqlite:") {
            return Ok(Store::Sqlite(SqliteStore::open(url).await?));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Store::Postgres(PgStore::open(url).await?));
        }
        Err(StoreError::UnsupportedUrl(url.to_owned()))
    }

    /// The PostgreSQL backend, when this is one (its rate limits are shared).
    pub fn postgres(&self) -> Option<&PgStore> {
        match self {
            Store::Postgres(db) => Some(db),
            Store::Sqlite(_) => None,
        }
    }
}

impl Database for Store {
    fn subscribe(&self) -> watch::Receiver<i64> {
        on_backend!(self, db => db.subscribe())
    }
    async fn create_account(&self, account: &NewAccount) -> Result<i64> {
        on_backend!(self, db => db.create_account(account).await)
    }
    async fn login_record(&self, email: &str) -> Result<Option<(i64, String)>> {
        on_backend!(self, db => db.login_record(email).await)
    }
    async fn account(&self, id: i64) -> Result<Account> {
        on_backend!(self, db => db.account(id).await)
    }
    async fn create_session(&self, account_id: i64, token_hash: &[u8; 32]) -> Result<()> {
        on_backend!(self, db => db.create_session(account_id, token_hash).await)
    }
    async fn delete_session(&self, token_hash: &[u8; 32]) -> Result<()> {
        on_backend!(self, db => db.delete_session(token_hash).await)
    }
    async fn session_account(&self, token_hash: &[u8; 32]) -> Result<Option<AuthAccount>> {
        on_backend!(self, db => db.session_account(token_hash).await)
    }
    async fn record_attachment(&self, account_id: i64, attachment: &AttachmentRef) -> Result<()> {
        on_backend!(self, db => db.record_attachment(account_id, attachment).await)
    }
    async fn attachment(&self, id: Uuid, viewer: &AuthAccount) -> Result<AttachmentRef> {
        on_backend!(self, db => db.attachment(id, viewer).await)
    }
    async fn create_case(
        &self,
        partner: &AuthAccount,
        idem: &IdempotencyKey,
        case: &ValidCase,
    ) -> Result<Stored<CaseDetail>> {
        on_backend!(self, db => db.create_case(partner, idem, case).await)
    }
    async fn create_cases(
        &self,
        partner: &AuthAccount,
        cases: Vec<(IdempotencyKey, ValidCase)>,
    ) -> Result<Vec<Result<Stored<CaseDetail>>>> {
        on_backend!(self, db => db.create_cases(partner, cases).await)
    }
    async fn partner_cases(
        &self,
        partner_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<CaseSummary>, Option<i64>)> {
        on_backend!(self, db => db.partner_cases(partner_id, before, limit).await)
    }
    async fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<HandlerCase>, Option<i64>)> {
        on_backend!(self, db => db.handler_cases(status, before, limit).await)
    }
    async fn case_detail(&self, id: Uuid, viewer: &AuthAccount) -> Result<CaseDetail> {
        on_backend!(self, db => db.case_detail(id, viewer).await)
    }
    async fn apply_move(
        &self,
        case_id: Uuid,
        mover: &Mover,
        mv: Move,
        content: &MoveContent,
        idem: Option<(&IdempotencyKey, u16)>,
    ) -> Result<Stored<CaseEvent>> {
        on_backend!(self, db => db.apply_move(case_id, mover, mv, content, idem).await)
    }
    async fn events_after(
        &self,
        partner_id: i64,
        after: i64,
        limit: u32,
    ) -> Result<Vec<CaseEvent>> {
        on_backend!(self, db => db.events_after(partner_id, after, limit).await)
    }
    async fn stale_cases(&self, status: CaseStatus, age: Duration) -> Result<Vec<Uuid>> {
        on_backend!(self, db => db.stale_cases(status, age).await)
    }
}

/// Cuts a page of `limit` from `limit + 1` rows; the cursor is the last row's marker.
pub(crate) fn page<T>(
    mut rows: Vec<T>,
    limit: u32,
    marker: impl Fn(&T) -> i64,
) -> (Vec<T>, Option<i64>) {
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = if more { rows.last().map(marker) } else { None };
    (rows, next)
}

/// The wire (serde) name of a unit enum value, as stored in TEXT columns.
pub(crate) fn wire_str<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

pub(crate) fn from_wire<T: DeserializeOwned>(s: String) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(s.clone()))
        .map_err(|_| StoreError::Corrupt(format!("unknown value {s:?}")))
}

pub(crate) fn to_json_opt<T: serde::Serialize>(value: &Option<T>) -> Option<String> {
    value.as_ref().and_then(|v| serde_json::to_string(v).ok())
}

pub(crate) fn from_json_opt<T: DeserializeOwned>(raw: Option<String>) -> Result<Option<T>> {
    raw.map(|raw| serde_json::from_str(&raw).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

pub(crate) fn parse_uuid(s: &str) -> Result<Uuid> {
    Uuid::parse_str(s).map_err(|_| StoreError::Corrupt(format!("bad id {s:?}")))
}

pub(crate) fn now_ms() -> i64 {
    ms(OffsetDateTime::now_utc())
}

pub(crate) fn ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

/// A time as it reads back from the database (milliseconds).
pub(crate) fn truncate_ms(t: OffsetDateTime) -> OffsetDateTime {
    from_ms(ms(t)).unwrap_or(t)
}

pub(crate) fn from_ms(ms: i64) -> Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}
