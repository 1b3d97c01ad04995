//! Storage: the case flow written once ([`Store`], in `flow`), over a narrow interface
//! ([`Backend`] and [`Tx`]) that each backend implements with SQL only — SQLite (one
//! file, zero set-up; the default) and PostgreSQL (several instances on one database).
//! The API holds it as `Arc<dyn Database>`, whichever backend the URL names.
//!
//! The promises, the same on both backends (the integration suite runs against each):
//! every write that changes a case runs in one transaction that also appends to the
//! event log and, for writes sent with an Idempotency-Key, stores under that key what
//! answers a resend; event ids become visible in id order, so a stream that reads
//! "everything after id N" never skips an event that commits late; and accounts are
//! found by one e-mail key ([`pulse_protocol::input::email_key`]), not by each
//! database's own idea of letter case.

mod backend;
mod flow;
mod onboarding;
pub mod postgres;
mod push;
pub mod sqlite;

use std::sync::Arc;
use std::time::Duration;

use pulse_protocol::input::MessageBody;
use pulse_protocol::lifecycle::{Actor, CaseStatus, TransitionError};
use pulse_protocol::request::{CaseMove, ValidCase};
use pulse_protocol::wire::{
    Account, AttachmentRef, CaseDetail, CaseEvent, CaseSummary, HandlerCase, HandlerCaseDetail,
    HandlerRef, LinkInfo, LinkPurpose, QueueView, SavedReply, TimelinePage, ViewCount,
};
use tokio::sync::watch;
use uuid::Uuid;

pub use backend::{
    AccountRow, AnswerRef, AttachmentRow, AuthRow, Backend, CaseChange, CaseRecord, CaseRow,
    ClaimRow, DeviceRow, EventRow, HandlerCaseRow, LinkRow, LinkedAttachmentRow, LinkedFile,
    LoginRow, MailRow, MoveTargetRow, NewAccountRow, NewAttachmentRow, NewCaseRow, NewDeviceRow,
    NewEventRow, NewLinkRow, NewMailRow, PropertyRow, PushRow, RateQuota, SessionTimesRow, Tx,
    Write, Written,
};
pub use flow::Store;
pub use postgres::PgBackend;
pub use push::PushOutcomes;
pub use sqlite::SqliteBackend;

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
    #[error("the account has as many files waiting to be sent as it may")]
    TooManyPendingFiles,
    #[error("an account with this email exists")]
    EmailTaken,
    #[error("the email address is not complete")]
    EmailInvalid,
    #[error("the link is unknown, used already or expired")]
    LinkInvalid,
    #[error("no handler has that id")]
    UnknownHandler,
    #[error(
        "a handler keeps at most {} saved replies",
        pulse_protocol::input::MAX_SAVED_REPLIES
    )]
    TooManySavedReplies,
    #[error("the push target is registered to another account")]
    PushTargetTaken,
    #[error("the database URL is not one this server supports: {0}")]
    UnsupportedUrl(String),
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    #[error("database: {0}")]
    Database(String),
    #[error("the store is closed")]
    Closed,
    #[error("too many writes are waiting")]
    Busy,
    #[error(transparent)]
    Input(#[from] pulse_protocol::input::InputError),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Database(e.to_string())
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> StoreError {
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
    pub email: String,
}

/// How long a session lives: it ends after `idle` without a request, and at `absolute`
/// after sign-in however busy it is (OWASP ASVS 3.3). The same policy answers for a
/// request, for an open stream and for the purge of old rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    fn default() -> SessionPolicy {
        SessionPolicy {
            idle: Duration::from_secs(30 * 24 * 3600),
            absolute: Duration::from_secs(90 * 24 * 3600),
        }
    }
}

impl SessionPolicy {
    /// Whether a session made at `created_ms` and last used at `used_ms` still works.
    pub fn is_live(&self, created_ms: i64, used_ms: i64, now_ms: i64) -> bool {
        now_ms.saturating_sub(used_ms) < millis(self.idle)
            && now_ms.saturating_sub(created_ms) < millis(self.absolute)
    }

    /// Whether a request should record its use. Writing it on every request would put a
    /// write behind every read; a tenth of the idle period (at most an hour) is precise
    /// enough and costs a write an hour per busy session.
    pub fn needs_touch(&self, used_ms: i64, now_ms: i64) -> bool {
        let every = (millis(self.idle) / 10).min(3_600_000);
        now_ms.saturating_sub(used_ms) >= every
    }

    /// The times before which a session has ended: last used before the first, or made
    /// before the second.
    pub fn cutoffs(&self, now_ms: i64) -> (i64, i64) {
        (
            now_ms.saturating_sub(millis(self.idle)),
            now_ms.saturating_sub(millis(self.absolute)),
        )
    }
}

pub(crate) fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// How much an account may have uploaded and not yet sent with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingCap {
    pub files: u32,
    pub bytes: u64,
}

impl Default for PendingCap {
    fn default() -> PendingCap {
        PendingCap {
            files: 25,
            bytes: 100 * 1024 * 1024,
        }
    }
}

impl PendingCap {
    /// Whether `count` files of `bytes` in all are within the cap.
    pub fn allows(&self, count: i64, bytes: i64) -> bool {
        count <= i64::from(self.files) && u64::try_from(bytes).unwrap_or(u64::MAX) <= self.bytes
    }
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
    /// The language of the account's e-mails (one the server writes in).
    pub language: String,
}

/// A single-use link to choose a password; the token itself is only in the e-mail.
#[derive(Debug, Clone)]
pub struct NewLink {
    pub token_hash: [u8; 32],
    pub purpose: LinkPurpose,
    pub expires_at_ms: i64,
}

/// An e-mail, written out, to be queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
}

/// Whom an e-mail about an account goes to, and in which language.
#[derive(Debug, Clone)]
pub struct MailTarget {
    pub account_id: i64,
    pub name: String,
    pub email: String,
    pub role: Actor,
    pub language: String,
}

/// Which page of which queue view.
#[derive(Debug, Clone)]
pub struct QueueQuery {
    pub view: QueueView,
    /// Folded by pulse-protocol's search rule.
    pub needle: Option<String>,
    /// From the previous page's `next_cursor`.
    pub cursor: Option<String>,
    pub limit: u32,
}

/// A write's Idempotency-Key and the fingerprint of the request it came with.
#[derive(Debug, Clone)]
pub struct IdempotencyKey {
    pub key: String,
    pub request_hash: [u8; 32],
}

/// The result of an idempotent write: done now, or the first answer again, with the
/// status it was given.
#[derive(Debug)]
pub enum Stored<T> {
    Fresh(T),
    Replayed { status: u16, answer: T },
}

/// Who makes a move on a case, and within which partner's cases they may act.
#[derive(Debug, Clone)]
pub struct Mover {
    pub actor: Actor,
    pub account_id: i64,
    pub name: String,
    /// Some(partner id) for a partner: only their own cases exist for them.
    pub partner_scope: Option<i64>,
    /// The demo's automatic handler, which gives way to people: a case a person at
    /// support has opened, taken or moved does not exist for it.
    pub automatic: bool,
}

/// What the API needs from storage: the case flow over one backend.
#[async_trait::async_trait]
pub trait Database: Send + Sync {
    /// Wakes whenever events are committed; the value is the newest event id.
    fn subscribe(&self) -> watch::Receiver<i64>;
    /// Creates an account with its properties; returns its id.
    async fn create_account(&self, account: &NewAccount) -> Result<i64>;
    /// The id and password hash of the account with this email, if any.
    async fn login_record(&self, email: &str) -> Result<Option<(i64, String)>>;
    async fn account(&self, id: i64) -> Result<Account>;
    async fn create_session(&self, account_id: i64, token_hash: &[u8; 32]) -> Result<()>;
    async fn delete_session(&self, token_hash: &[u8; 32]) -> Result<()>;
    /// Ends every session of an account ("sign out everywhere").
    async fn delete_account_sessions(&self, account_id: i64) -> Result<()>;
    /// The account a token signs in, while its session lives under `policy`; records
    /// the use now and then.
    async fn session_account(
        &self,
        token_hash: &[u8; 32],
        policy: SessionPolicy,
    ) -> Result<Option<AuthAccount>>;
    /// Which of these tokens' sessions still live under `policy`.
    async fn live_sessions(
        &self,
        token_hashes: &[[u8; 32]],
        policy: SessionPolicy,
    ) -> Result<Vec<[u8; 32]>>;
    /// Deletes the sessions that have ended under `policy`; returns how many.
    async fn purge_sessions(&self, policy: SessionPolicy) -> Result<u64>;
    /// Records an uploaded file, unless the account's files not yet linked to a message
    /// would then be more than `cap` allows.
    async fn record_attachment(
        &self,
        account_id: i64,
        attachment: &AttachmentRef,
        cap: PendingCap,
    ) -> Result<()>;
    /// Whether one more file of `bytes` would stay within `cap` (a check before the
    /// upload is read; [`Database::record_attachment`] checks again).
    async fn has_room_for(&self, account_id: i64, bytes: u64, cap: PendingCap) -> Result<bool>;
    /// Deletes the idempotency answers older than `age` (a resend after that makes a
    /// new case); returns how many.
    async fn purge_old_answers(&self, age: Duration) -> Result<u64>;
    /// Deletes the records of files no message links that are older than `age`;
    /// returns their ids.
    async fn purge_unlinked_files(&self, age: Duration) -> Result<Vec<Uuid>>;
    /// A file `viewer` uploaded (sent or not): nobody else's.
    async fn own_attachment(&self, id: Uuid, viewer: &AuthAccount) -> Result<AttachmentRef>;
    /// A file of a message of case `case_id`, if `viewer` may see that case: its partner,
    /// or a handler. Not found when the file belongs to no message of that case.
    async fn case_attachment(
        &self,
        case_id: Uuid,
        id: Uuid,
        viewer: &AuthAccount,
    ) -> Result<AttachmentRef>;
    /// Opens a partner's case, once per idempotency key.
    async fn create_case(
        &self,
        partner: &AuthAccount,
        idem: &IdempotencyKey,
        case: &ValidCase,
    ) -> Result<Stored<CaseDetail>>;
    /// Opens several cases in the order given, each under its own key; one refused
    /// case leaves the others as they are.
    async fn create_cases(
        &self,
        partner: &AuthAccount,
        cases: Vec<(IdempotencyKey, ValidCase)>,
    ) -> Result<Vec<Result<Stored<CaseDetail>>>>;
    /// A page of one partner's cases, newest activity first, before the cursor.
    async fn partner_cases(
        &self,
        partner_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<CaseSummary>, Option<i64>)>;
    /// A page of all cases for handlers, optionally of one status.
    async fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<HandlerCase>, Option<i64>)>;
    /// A case with its timeline; a partner sees only their own, and reads it.
    async fn case_detail(&self, id: Uuid, viewer: &AuthAccount) -> Result<CaseDetail>;
    /// Up to `limit` of a case's events before event `before`, oldest first, if `viewer`
    /// may see the case.
    async fn case_timeline(
        &self,
        id: Uuid,
        viewer: &AuthAccount,
        before: i64,
        limit: u32,
    ) -> Result<TimelinePage>;
    /// Makes a lifecycle move on a case and logs it as one event. With an idempotency
    /// key (and the status to answer with), a resend gets the first answer.
    async fn apply_move(
        &self,
        case_id: Uuid,
        mover: &Mover,
        mv: &CaseMove,
        idem: Option<(&IdempotencyKey, u16)>,
    ) -> Result<Stored<CaseEvent>>;
    /// Up to `limit` of a partner's events after `after`, oldest first.
    async fn events_after(&self, partner_id: i64, after: i64, limit: u32)
    -> Result<Vec<CaseEvent>>;
    /// Up to `limit` events of every partner after `after`, oldest first, each with its
    /// partner's id: what the instance's feed hands to the open streams.
    async fn events_since(&self, after: i64, limit: u32) -> Result<Vec<(i64, CaseEvent)>>;
    /// Cases in `status` whose last activity is older than `age`, oldest first, that no
    /// person at support has opened or taken (the demo's automatic handler).
    async fn stale_cases(&self, status: CaseStatus, age: Duration) -> Result<Vec<Uuid>>;

    // ----- the support console -----

    /// A page of a queue view for `handler`, soonest reply due first: with a search,
    /// only the cases whose number, partner or text hold the needle.
    async fn queue(
        &self,
        handler: &AuthAccount,
        query: &QueueQuery,
    ) -> Result<(Vec<HandlerCase>, Option<String>)>;
    /// Every view with how many cases it holds for `handler` now.
    async fn view_counts(&self, handler: &AuthAccount) -> Result<Vec<ViewCount>>;
    /// A case as a handler works it: the timeline with notes, the partner, the property
    /// and the assignee. Opening it tells the demo's automatic handler to keep out.
    async fn handler_case(&self, id: Uuid, handler: &AuthAccount) -> Result<HandlerCaseDetail>;
    /// Adds a note only handlers see.
    async fn add_note(
        &self,
        case_id: Uuid,
        handler: &AuthAccount,
        body: &MessageBody,
    ) -> Result<CaseEvent>;
    /// Gives a case to a handler (or nobody); the event says so to handlers only.
    async fn assign(&self, case_id: Uuid, by: &AuthAccount, to: Option<i64>) -> Result<CaseEvent>;
    /// Every handler, by name.
    async fn handlers(&self) -> Result<Vec<HandlerRef>>;
    /// Up to `limit` events of every case after `after`, oldest first, notes and
    /// assignments included: what a handler's stream sends.
    async fn handler_events_after(&self, after: i64, limit: u32) -> Result<Vec<CaseEvent>>;
    async fn saved_replies(&self, handler_id: i64) -> Result<Vec<SavedReply>>;
    /// Keeps a new saved reply (title and body already checked).
    async fn add_saved_reply(
        &self,
        handler_id: i64,
        title: &str,
        body: &MessageBody,
    ) -> Result<SavedReply>;
    async fn change_saved_reply(
        &self,
        handler_id: i64,
        id: i64,
        title: &str,
        body: &MessageBody,
    ) -> Result<SavedReply>;
    async fn delete_saved_reply(&self, handler_id: i64, id: i64) -> Result<()>;
    // ----- a partner's first day, and the way back in -----

    /// Makes an invited account (no password yet), its link and its e-mail in one
    /// transaction. Inviting an address whose password was never chosen replaces the
    /// link (and e-mails again); an account that has one is [`StoreError::EmailTaken`].
    async fn invite(&self, account: &NewAccount, link: &NewLink, mail: &Mail) -> Result<i64>;
    /// Who an e-mail to this address would reach, if anyone.
    async fn mail_target(&self, email: &str) -> Result<Option<MailTarget>>;
    /// Stores a reset link (replacing any earlier one) and its e-mail.
    async fn start_reset(&self, account_id: i64, link: &NewLink, mail: &Mail) -> Result<()>;
    /// What a link is for, while it works.
    async fn link_info(&self, token_hash: &[u8; 32]) -> Result<Option<LinkInfo>>;
    /// Uses a link: sets the password, ends every session of the account and every
    /// link, and opens the session `session`. [`StoreError::LinkInvalid`] when the link
    /// is unknown, used or expired.
    async fn use_link(
        &self,
        token_hash: &[u8; 32],
        password_hash: &str,
        session: &[u8; 32],
    ) -> Result<(i64, LinkPurpose)>;
    /// Sets a new password and ends the account's sessions but `keep`.
    async fn change_password(
        &self,
        account_id: i64,
        password_hash: &str,
        keep: &[u8; 32],
    ) -> Result<()>;
    /// Takes the next e-mail due for sending; should the sender not report back within
    /// `lease`, it is due again.
    async fn claim_mail(&self, lease: Duration) -> Result<Option<MailRow>>;
    async fn mail_sent(&self, id: i64) -> Result<()>;
    async fn mail_failed(&self, id: i64, retry_in: Duration, error: &str) -> Result<()>;

    // ----- push notifications -----

    /// Registers a push target of the account, belonging to the session `session_hash`
    /// (it goes when the session ends); the same address again is the same device, with
    /// the new keys, language and label. An account keeps at most
    /// [`pulse_protocol::push::MAX_DEVICES`]: the oldest goes.
    async fn register_device(
        &self,
        account_id: i64,
        session_hash: &[u8; 32],
        device: &pulse_protocol::push::ValidDevice,
    ) -> Result<pulse_protocol::push::Device>;
    /// The account's push targets, oldest first.
    async fn devices(&self, account_id: i64) -> Result<Vec<pulse_protocol::push::Device>>;
    /// Removes a push target of the account; `NotFound` when it has none with that id.
    async fn remove_device(&self, account_id: i64, id: Uuid) -> Result<()>;
    /// Marks the account's device as holding a visible stream for `for_` (zero: not
    /// any more); false when the account has no such device.
    async fn mark_visible(&self, account_id: i64, id: Uuid, for_: Duration) -> Result<bool>;
    /// Takes up to `limit` due pushes for sending, each for `lease`.
    async fn claim_pushes(&self, lease: Duration, limit: u32) -> Result<Vec<PushRow>>;
    /// Records what became of pushes that were tried.
    async fn record_pushes(&self, outcomes: PushOutcomes) -> Result<()>;

    /// Takes one request from `key`'s allowance (shared by every instance on this
    /// database), or says how long to wait.
    async fn take_request(&self, key: &[u8; 32]) -> Result<std::result::Result<(), Duration>>;
    /// Forgets allowances that have been full long enough.
    async fn forget_idle_allowances(&self) -> Result<()>;
}

/// How a store is opened.
#[derive(Debug, Clone, Copy)]
pub struct StoreOptions {
    /// Every key's requests.
    pub quota: RateQuota,
    /// How soon after a partner's message support aims to reply.
    pub reply_within: Duration,
    /// SQLite: writes that may wait for the writer; past them a write is refused as
    /// [`StoreError::Busy`] (503) instead of the queue growing without bound.
    pub max_queued_writes: usize,
}

impl StoreOptions {
    /// Writes waiting for SQLite's writer, at most, by default: at the thousands of
    /// writes a second it commits, a quarter of a second of work.
    pub const QUEUED_WRITES: usize = 1024;
    /// The reply promise by default: a day.
    pub const REPLY_WITHIN: Duration = Duration::from_secs(24 * 3600);
}

/// Opens (creating if needed) and migrates the database at `url` —
/// `sqlite:path/to/file.db` or `postgres://user@host:port/database`.
pub async fn open(url: &str, options: StoreOptions) -> Result<Arc<dyn Database>> {
    let quota = options.quota;
    if url.starts_with("sqlite:") {
        let backend = SqliteBackend::open(url, quota, options.max_queued_writes.max(1)).await?;
        return Ok(Arc::new(Store::new(backend, options.reply_within)));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let backend = PgBackend::open(url, quota).await?;
        return Ok(Arc::new(Store::new(backend, options.reply_within)));
    }
    Err(StoreError::UnsupportedUrl(url.to_owned()))
}
