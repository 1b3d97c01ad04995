//! The narrow interface a storage backend implements, with SQL only: the steps a write
//! transaction is made of ([`Tx`]), the reads ([`Backend`]), and the plain rows they
//! pass. Everything that decides something — whether a key was used, which status may
//! follow which, what an answer holds — is in [`super::flow`], written once.
//!
//! A write is a value implementing [`Write`]: the backend opens a transaction, hands
//! the write its [`Tx`] and commits if the write returns `Ok`. The SQLite backend runs
//! it on its single writer thread, where every step is synchronous rusqlite work (the
//! step futures are ready at once); the PostgreSQL backend awaits each step on a pooled
//! connection. Both run the same code in the same order.

use std::future::Future;
use std::time::Duration;

use pulse_protocol::lifecycle::{Actor, CaseStatus};
use pulse_protocol::topics::TopicId;
use pulse_protocol::wire::{ContactKind, EventKind};
use tokio::sync::watch;
use uuid::Uuid;

use super::{IdempotencyKey, Result};

/// One write transaction, as the case flow writes it.
pub trait Write: Send + 'static {
    type Output: Send + 'static;

    /// Does the write's steps. An error leaves nothing of them in the database.
    fn run<T: Tx>(self, tx: &mut T) -> impl Future<Output = Result<Written<Self::Output>>> + Send;
}

/// What a write returns, with the newest event it appended (0 for none), which the
/// backend announces to open streams once the transaction has committed.
#[derive(Debug)]
pub struct Written<T> {
    pub value: T,
    pub newest_event: i64,
}

impl<T> Written<T> {
    /// A write that appended no event.
    pub fn quiet(value: T) -> Written<T> {
        Written {
            value,
            newest_event: 0,
        }
    }
}

/// The steps of a write transaction. Each is one or a few SQL statements.
pub trait Tx: Send {
    // ----- accounts, sessions, files -----

    /// Inserts an account; `None` when its email key is taken.
    fn insert_account(
        &mut self,
        account: &NewAccountRow<'_>,
    ) -> impl Future<Output = Result<Option<i64>>> + Send;
    fn insert_property(
        &mut self,
        account_id: i64,
        name: &str,
    ) -> impl Future<Output = Result<()>> + Send;
    fn insert_session(
        &mut self,
        token_hash: &[u8; 32],
        account_id: i64,
        at_ms: i64,
    ) -> impl Future<Output = Result<()>> + Send;
    fn delete_session(&mut self, token_hash: &[u8; 32]) -> impl Future<Output = Result<()>> + Send;
    /// Records that a session was used at `at_ms`.
    fn touch_session(
        &mut self,
        token_hash: &[u8; 32],
        at_ms: i64,
    ) -> impl Future<Output = Result<()>> + Send;
    fn delete_account_sessions(
        &mut self,
        account_id: i64,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Deletes the sessions last used before `used_before` or made before
    /// `created_before`; returns how many.
    fn delete_ended_sessions(
        &mut self,
        used_before: i64,
        created_before: i64,
    ) -> impl Future<Output = Result<u64>> + Send;
    fn insert_attachment(
        &mut self,
        attachment: &NewAttachmentRow<'_>,
    ) -> impl Future<Output = Result<()>> + Send;
    /// How many of an account's files are not yet linked to a message, and their bytes;
    /// concurrent uploads of the account wait until this transaction ends.
    fn pending_files(&mut self, account_id: i64)
    -> impl Future<Output = Result<(i64, i64)>> + Send;
    /// Deletes up to `rows` idempotency answers stored before `stored_before`; returns
    /// how many.
    fn delete_old_answers(
        &mut self,
        stored_before: i64,
        rows: i64,
    ) -> impl Future<Output = Result<u64>> + Send;
    /// Deletes the files made before `created_before` that no message links; returns
    /// their ids, whose bytes the caller removes.
    fn delete_unlinked_files(
        &mut self,
        created_before: i64,
    ) -> impl Future<Output = Result<Vec<Uuid>>> + Send;

    // ----- idempotency -----

    /// Claims `key` for this transaction. `None`: nobody used it, go on; a concurrent
    /// request with the same key waits or cannot claim it until this transaction ends.
    /// `Some`: what the request that used it first stored.
    fn claim_key(
        &mut self,
        account_id: i64,
        key: &IdempotencyKey,
    ) -> impl Future<Output = Result<Option<ClaimRow>>> + Send;
    /// Gives up a key claimed in this transaction whose request was refused, so that
    /// the same key may be sent again, corrected. Nothing to do where claiming wrote
    /// nothing.
    fn release_key(
        &mut self,
        account_id: i64,
        key: &IdempotencyKey,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Stores, under a key claimed in this transaction, what answers a resend.
    fn store_answer(
        &mut self,
        account_id: i64,
        key: &IdempotencyKey,
        status: u16,
        answer: AnswerRef,
    ) -> impl Future<Output = Result<()>> + Send;

    // ----- cases and their events -----

    fn owns_property(
        &mut self,
        partner_id: i64,
        property_id: i64,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// Writes a new case with its first event; returns the event's id, which is also the
    /// case's activity marker.
    fn open_case(
        &mut self,
        case: &NewCaseRow<'_>,
        event: &NewEventRow<'_>,
    ) -> impl Future<Output = Result<i64>> + Send;
    /// The case a move is about, locked against concurrent moves until the commit;
    /// `None` when it does not exist within `partner_scope`.
    fn case_for_move(
        &mut self,
        case_id: Uuid,
        partner_scope: Option<i64>,
    ) -> impl Future<Output = Result<Option<MoveTargetRow>>> + Send;
    /// Appends an event to an existing case and moves the case as `change` says, its
    /// activity marker to the new event; returns the event's id.
    fn append_event(
        &mut self,
        event: &NewEventRow<'_>,
        change: &CaseChange<'_>,
    ) -> impl Future<Output = Result<i64>> + Send;
    /// Links an uploaded file of `uploader`'s, not yet sent, to an event, at `position`
    /// among the event's files; `None` when there is no such file.
    fn link_attachment(
        &mut self,
        event_id: i64,
        uploader: i64,
        attachment: Uuid,
        position: i64,
    ) -> impl Future<Output = Result<Option<LinkedFile>>> + Send;
    /// Marks support's events up to `upto` as read by the partner.
    fn mark_read(
        &mut self,
        case_id: Uuid,
        partner_id: i64,
        upto: i64,
    ) -> impl Future<Output = Result<()>> + Send;

    // ----- nesting -----

    /// Begins a part of the transaction that can be undone on its own.
    fn savepoint(&mut self) -> impl Future<Output = Result<()>> + Send;
    /// Ends the innermost part, keeping it or undoing it.
    fn end_savepoint(&mut self, keep: bool) -> impl Future<Output = Result<()>> + Send;
}

/// The reads, and what each backend keeps besides tables.
pub trait Backend: Send + Sync + 'static {
    /// Runs `write` in one transaction, committed only if it returns `Ok`.
    fn write<W: Write>(&self, write: W) -> impl Future<Output = Result<W::Output>> + Send;

    /// Wakes whenever events are committed, on this instance or another; the value is
    /// the newest event id.
    fn subscribe(&self) -> watch::Receiver<i64>;

    fn login_record(
        &self,
        email_key: &str,
    ) -> impl Future<Output = Result<Option<LoginRow>>> + Send;
    fn account(&self, id: i64) -> impl Future<Output = Result<Option<AccountRow>>> + Send;
    /// An account's properties, oldest first.
    fn properties(&self, account_id: i64) -> impl Future<Output = Result<Vec<PropertyRow>>> + Send;
    /// The account a token belongs to, with its session's times, ended or not.
    fn session_account(
        &self,
        token_hash: &[u8; 32],
    ) -> impl Future<Output = Result<Option<AuthRow>>> + Send;
    /// How many of an account's files no message links yet, and their bytes.
    fn pending_file_totals(
        &self,
        account_id: i64,
    ) -> impl Future<Output = Result<(i64, i64)>> + Send;
    /// The sessions of these tokens that exist, with their times.
    fn session_times(
        &self,
        token_hashes: &[[u8; 32]],
    ) -> impl Future<Output = Result<Vec<SessionTimesRow>>> + Send;
    fn attachment(&self, id: Uuid) -> impl Future<Output = Result<Option<AttachmentRow>>> + Send;

    /// Up to `rows` of a partner's cases whose marker is below `before`, newest first.
    fn partner_cases(
        &self,
        partner_id: i64,
        before: i64,
        rows: i64,
    ) -> impl Future<Output = Result<Vec<CaseRow>>> + Send;
    /// Up to `rows` of all cases (of one status) whose marker is below `before`, newest
    /// first, with their partners.
    fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: i64,
        rows: i64,
    ) -> impl Future<Output = Result<Vec<HandlerCaseRow>>> + Send;
    /// A case with what its detail shows, within `partner_scope`.
    fn case(
        &self,
        id: Uuid,
        partner_scope: Option<i64>,
    ) -> impl Future<Output = Result<Option<CaseRecord>>> + Send;
    /// Up to `limit` of a case's events with ids below `before`, newest first.
    fn case_events(
        &self,
        case_id: Uuid,
        before: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<EventRow>>> + Send;
    /// A case's first event (what opened it).
    fn first_event(&self, case_id: Uuid) -> impl Future<Output = Result<Option<EventRow>>> + Send;
    fn event(&self, id: i64) -> impl Future<Output = Result<Option<EventRow>>> + Send;
    /// Up to `limit` of a partner's events after `after`, oldest first.
    fn events_after(
        &self,
        partner_id: i64,
        after: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<EventRow>>> + Send;
    /// Up to `limit` events of every partner after `after`, oldest first (the feed).
    fn events_since(
        &self,
        after: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<EventRow>>> + Send;
    /// The files linked to these events, in each event's order.
    fn linked_attachments(
        &self,
        event_ids: &[i64],
    ) -> impl Future<Output = Result<Vec<LinkedAttachmentRow>>> + Send;
    /// Up to `limit` cases in `status` last active at or before `cutoff_ms`, oldest
    /// activity first.
    fn stale_cases(
        &self,
        status: CaseStatus,
        cutoff_ms: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<Uuid>>> + Send;

    /// Takes one request from `key`'s allowance, or says how long to wait. Limits hold
    /// across every instance that shares this backend.
    fn take_request(
        &self,
        key: &[u8; 32],
    ) -> impl Future<Output = Result<std::result::Result<(), Duration>>> + Send;
    /// Forgets allowances that have been full long enough.
    fn forget_idle_allowances(&self) -> impl Future<Output = Result<()>> + Send;
}

/// The columns of a [`CaseRow`] from `cases c` (the same SQL on both backends).
pub const CASE_COLUMNS: &str = "c.id, c.kind, c.topic, c.subtopic, c.property_id, \
    c.reservation_ref, c.status, c.outcome, c.created_at, c.last_activity_at, \
    c.last_event_id, (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id \
    AND e.id > c.partner_read_event_id AND e.author_role = 'handler') AS unread_count";

/// The columns of an [`EventRow`] from `case_events`.
pub const EVENT_COLUMNS: &str = "id, case_id, partner_id, kind, status, author_role, \
    author_name, body, outcome, expected_next, created_at";

/// How many requests a key may make: `burst` at once, refilled at `per_second`.
#[derive(Debug, Clone, Copy)]
pub struct RateQuota {
    pub per_second: u32,
    pub burst: u32,
}

// ----- rows the steps write -----

pub struct NewAccountRow<'a> {
    pub role: Actor,
    pub email: &'a str,
    pub email_key: &'a str,
    pub name: &'a str,
    pub password_hash: &'a str,
    pub country: &'a str,
    pub in_eea: bool,
    pub created_at: i64,
}

pub struct NewAttachmentRow<'a> {
    pub id: Uuid,
    pub account_id: i64,
    pub media_type: &'a str,
    pub size: i64,
    pub created_at: i64,
}

pub struct NewCaseRow<'a> {
    pub id: Uuid,
    pub partner_id: i64,
    pub kind: ContactKind,
    pub topic: TopicId,
    pub subtopic: &'a str,
    pub property_id: Option<i64>,
    pub reservation_ref: Option<&'a str>,
    pub status: CaseStatus,
    /// JSON.
    pub diagnostics: Option<&'a str>,
    /// JSON.
    pub contact: Option<&'a str>,
    pub client_created_at: i64,
    pub created_at: i64,
}

pub struct NewEventRow<'a> {
    pub case_id: Uuid,
    pub partner_id: i64,
    pub kind: EventKind,
    pub status: CaseStatus,
    pub author_role: Actor,
    pub author_name: &'a str,
    pub body: Option<&'a str>,
    pub outcome: Option<&'a str>,
    pub expected_next: Option<&'a str>,
    pub created_at: i64,
}

/// What a move changes on its case besides the activity marker. `None` keeps a value.
pub struct CaseChange<'a> {
    pub status: CaseStatus,
    pub outcome: Option<&'a str>,
    pub expected_next: Option<&'a str>,
    pub at: i64,
}

/// What a resend is answered with: the case opened or the event written (read again
/// when needed, they never change), stored instead of the answer's JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerRef {
    Case(Uuid),
    Event(i64),
}

// ----- rows the reads and steps return -----

/// A used idempotency key. Keys stored before answers were references carry the
/// answer's JSON instead (`legacy_body`).
#[derive(Debug, sqlx::FromRow)]
pub struct ClaimRow {
    pub request_hash: Vec<u8>,
    pub response_status: i32,
    pub answer_case: Option<Uuid>,
    pub answer_event: Option<i64>,
    pub legacy_body: String,
}

#[derive(Debug, sqlx::FromRow)]
pub struct LoginRow {
    pub id: i64,
    pub password_hash: String,
}

#[derive(Debug, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub role: String,
    pub name: String,
    pub email: String,
    pub country: String,
    pub in_eea: bool,
}

#[derive(Debug, sqlx::FromRow)]
pub struct PropertyRow {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, sqlx::FromRow)]
pub struct AuthRow {
    pub id: i64,
    pub role: String,
    pub name: String,
    pub in_eea: bool,
    pub created_at: i64,
    pub last_used_at: i64,
}

#[derive(Debug, sqlx::FromRow)]
pub struct SessionTimesRow {
    pub token_hash: Vec<u8>,
    pub created_at: i64,
    pub last_used_at: i64,
}

#[derive(Debug, sqlx::FromRow)]
pub struct AttachmentRow {
    pub media_type: String,
    pub size: i64,
    pub account_id: i64,
    /// The case whose message carries it; none while it waits to be sent.
    pub case_id: Option<Uuid>,
}

/// A file just linked to an event.
#[derive(Debug, sqlx::FromRow)]
pub struct LinkedFile {
    pub media_type: String,
    pub size: i64,
}

#[derive(Debug, sqlx::FromRow)]
pub struct LinkedAttachmentRow {
    pub id: Uuid,
    pub media_type: String,
    pub size: i64,
    pub event_id: i64,
}

/// A case as lists show it, with the count of support's events the partner has not
/// read.
#[derive(Debug, sqlx::FromRow)]
pub struct CaseRow {
    pub id: Uuid,
    pub kind: String,
    pub topic: String,
    pub subtopic: String,
    pub property_id: Option<i64>,
    pub reservation_ref: Option<String>,
    pub status: String,
    pub outcome: Option<String>,
    pub created_at: i64,
    pub last_activity_at: i64,
    pub last_event_id: i64,
    pub unread_count: i64,
}

#[derive(Debug, sqlx::FromRow)]
pub struct HandlerCaseRow {
    #[sqlx(flatten)]
    pub case: CaseRow,
    pub partner_id: i64,
    pub partner_name: String,
    pub partner_in_eea: bool,
}

/// A case with everything its detail shows besides the timeline.
#[derive(Debug, sqlx::FromRow)]
pub struct CaseRecord {
    #[sqlx(flatten)]
    pub case: CaseRow,
    pub expected_next: Option<String>,
    pub diagnostics: Option<String>,
    pub contact: Option<String>,
    pub partner_in_eea: bool,
}

/// What the lifecycle needs to know about a case to judge a move.
#[derive(Debug, sqlx::FromRow)]
pub struct MoveTargetRow {
    pub status: String,
    pub partner_id: i64,
    pub in_eea: bool,
}

#[derive(Debug, sqlx::FromRow)]
pub struct EventRow {
    pub id: i64,
    pub case_id: Uuid,
    /// Whose case it is: the feed hands each event to that partner's streams.
    pub partner_id: i64,
    pub kind: String,
    pub status: String,
    pub author_role: String,
    pub author_name: String,
    pub body: Option<String>,
    pub outcome: Option<String>,
    pub expected_next: Option<String>,
    pub created_at: i64,
}
