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

    // ----- passwords, links, e-mail -----

    /// The account with this e-mail key, read inside the transaction.
    fn login_by_key(
        &mut self,
        email_key: &str,
    ) -> impl Future<Output = Result<Option<LoginRow>>> + Send;
    fn set_password(
        &mut self,
        account_id: i64,
        password_hash: &str,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Ends every session of the account but `keep`.
    fn delete_other_sessions(
        &mut self,
        account_id: i64,
        keep: &[u8; 32],
    ) -> impl Future<Output = Result<()>> + Send;
    /// Stores a link, replacing the account's earlier links of the same purpose.
    fn replace_link(&mut self, link: &NewLinkRow<'_>) -> impl Future<Output = Result<()>> + Send;
    /// Deletes the link with this token hash and returns what it was, expired or not.
    fn take_link(
        &mut self,
        token_hash: &[u8; 32],
    ) -> impl Future<Output = Result<Option<LinkRow>>> + Send;
    /// Deletes every link of the account.
    fn delete_links(&mut self, account_id: i64) -> impl Future<Output = Result<()>> + Send;
    fn enqueue_mail(&mut self, mail: &NewMailRow<'_>) -> impl Future<Output = Result<()>> + Send;
    /// Takes the oldest e-mail due at `now` for sending: its next try moves to
    /// `lease_until` (should the sender die, it is tried again then) and its attempts
    /// count up. On PostgreSQL, instances never take the same row at once.
    fn claim_mail(
        &mut self,
        now: i64,
        lease_until: i64,
    ) -> impl Future<Output = Result<Option<MailRow>>> + Send;
    fn delete_mail(&mut self, id: i64) -> impl Future<Output = Result<()>> + Send;
    /// Records a failed try; the next one is at `next_attempt_at`.
    fn retry_mail(
        &mut self,
        id: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> impl Future<Output = Result<()>> + Send;
    // ----- push notifications -----

    /// The device registered at this push address, with its account.
    fn device_at(
        &mut self,
        platform: &str,
        address: &str,
    ) -> impl Future<Output = Result<Option<(Uuid, i64)>>> + Send;
    fn insert_device(
        &mut self,
        device: &NewDeviceRow<'_>,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Gives an existing device the registration's keys, language, label and session.
    fn update_device(
        &mut self,
        device: &NewDeviceRow<'_>,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Deletes all but the newest `keep` devices of the account.
    fn trim_devices(
        &mut self,
        account_id: i64,
        keep: i64,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Deletes a device of the account (`None`: of any account); whether there was one.
    fn delete_device(
        &mut self,
        id: Uuid,
        account_id: Option<i64>,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// Marks a device of the account as holding a visible stream until `until` (0: not).
    fn mark_visible(
        &mut self,
        id: Uuid,
        account_id: i64,
        until: i64,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// Queues a push of event `event_id` to each device of the account; how many.
    fn enqueue_pushes(
        &mut self,
        account_id: i64,
        event_id: i64,
        at: i64,
    ) -> impl Future<Output = Result<u64>> + Send;
    /// Takes up to `limit` pushes due at `now`, oldest first, with what they need to be
    /// sent: their next try moves to `lease_until` and their attempts count up. On
    /// PostgreSQL, instances never take the same row at once.
    fn claim_pushes(
        &mut self,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<PushRow>>> + Send;
    fn delete_push(&mut self, id: i64) -> impl Future<Output = Result<()>> + Send;
    fn retry_push(
        &mut self,
        id: i64,
        next_attempt_at: i64,
        error: &str,
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
    /// Appends an event only handlers see (a note, an assignment): the case's status,
    /// activity and unread count stay as they are. Returns the event's id.
    fn append_internal_event(
        &mut self,
        event: &NewEventRow<'_>,
    ) -> impl Future<Output = Result<i64>> + Send;
    /// Gives the case to a handler, or to nobody; marks it seen by a person.
    fn set_assignee(
        &mut self,
        case_id: Uuid,
        handler_id: Option<i64>,
    ) -> impl Future<Output = Result<()>> + Send;
    /// Marks the case as opened by a person at support.
    fn mark_handler_seen(&mut self, case_id: Uuid) -> impl Future<Output = Result<()>> + Send;
    /// Adds text (folded by pulse-protocol's search rule) to what a search looks in.
    fn extend_search(
        &mut self,
        case_id: Uuid,
        text: &str,
    ) -> impl Future<Output = Result<()>> + Send;
    /// A handler's name, when `id` is a handler's account.
    fn handler_name(&mut self, id: i64) -> impl Future<Output = Result<Option<String>>> + Send;
    /// How many saved replies a handler keeps; later inserts of theirs wait until this
    /// transaction ends.
    fn count_saved_replies(&mut self, handler_id: i64) -> impl Future<Output = Result<i64>> + Send;
    fn insert_saved_reply(
        &mut self,
        handler_id: i64,
        title: &str,
        body: &str,
        at: i64,
    ) -> impl Future<Output = Result<i64>> + Send;
    /// Whether the handler had such a reply to change.
    fn update_saved_reply(
        &mut self,
        id: i64,
        handler_id: i64,
        title: &str,
        body: &str,
    ) -> impl Future<Output = Result<bool>> + Send;
    /// Whether the handler had such a reply to delete.
    fn delete_saved_reply(
        &mut self,
        id: i64,
        handler_id: i64,
    ) -> impl Future<Output = Result<bool>> + Send;
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
    /// The link with this token hash and its account's e-mail, expired or not.
    fn link(&self, token_hash: &[u8; 32]) -> impl Future<Output = Result<Option<LinkRow>>> + Send;
    /// An account's properties, oldest first.
    fn properties(&self, account_id: i64) -> impl Future<Output = Result<Vec<PropertyRow>>> + Send;
    /// The account's push targets, oldest first.
    fn devices(&self, account_id: i64) -> impl Future<Output = Result<Vec<DeviceRow>>> + Send;
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
    /// One page of a queue view, in the queue's order (see [`QueueFilter`]).
    fn queue(
        &self,
        filter: &QueueFilter,
        rows: i64,
    ) -> impl Future<Output = Result<Vec<HandlerCaseRow>>> + Send;
    /// How many cases match `filter` (its cursor ignored).
    fn count_cases(&self, filter: &QueueFilter) -> impl Future<Output = Result<i64>> + Send;
    /// Every handler account, by name.
    fn handlers(&self) -> impl Future<Output = Result<Vec<HandlerRow>>> + Send;
    /// A handler's saved replies, by title.
    fn saved_replies(
        &self,
        handler_id: i64,
    ) -> impl Future<Output = Result<Vec<SavedReplyRow>>> + Send;
    /// A case with what its detail shows, within `partner_scope`.
    fn case(
        &self,
        id: Uuid,
        partner_scope: Option<i64>,
    ) -> impl Future<Output = Result<Option<CaseRecord>>> + Send;
    /// Up to `limit` of a case's events with ids below `before`, newest first; those
    /// only handlers see when `internal`.
    fn case_events(
        &self,
        case_id: Uuid,
        before: i64,
        limit: i64,
        internal: bool,
    ) -> impl Future<Output = Result<Vec<EventRow>>> + Send;
    /// A case's first event (what opened it).
    fn first_event(&self, case_id: Uuid) -> impl Future<Output = Result<Option<EventRow>>> + Send;
    fn event(&self, id: i64) -> impl Future<Output = Result<Option<EventRow>>> + Send;
    /// Up to `limit` of a partner's events after `after`, oldest first (never those only
    /// handlers see).
    fn events_after(
        &self,
        partner_id: i64,
        after: i64,
        limit: i64,
    ) -> impl Future<Output = Result<Vec<EventRow>>> + Send;
    /// Up to `limit` events of every partner after `after`, oldest first, those only
    /// handlers see among them (the feed, and handlers' streams).
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
    /// activity first, that no person at support has opened or taken.
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
    c.last_event_id, c.reply_due_at, (SELECT COUNT(*) FROM case_events e \
    WHERE e.case_id = c.id AND e.id > c.partner_read_event_id \
    AND e.author_role = 'handler' AND NOT e.internal) AS unread_count";

/// The columns of a [`HandlerCaseRow`] besides the case's, from `cases c` joined with
/// `accounts a` (the partner) and left-joined with `accounts h` (the assignee).
pub const HANDLER_CASE_COLUMNS: &str = "a.id AS partner_id, a.name AS partner_name, \
    a.in_eea AS partner_in_eea, c.assignee_id, h.name AS assignee_name";

/// The joins [`HANDLER_CASE_COLUMNS`] read from.
pub const HANDLER_CASE_JOINS: &str = "FROM cases c JOIN accounts a ON a.id = c.partner_id \
    LEFT JOIN accounts h ON h.id = c.assignee_id";

/// What a search looks in for one case: its number and id, its partner's name and
/// e-mail, its confirmation number and the words of its messages and notes, folded by
/// pulse-protocol's rule. The one recipe, for a new case and for cases from before the
/// search existed; later words are appended the same way.
pub fn case_search_text<'a>(
    id: Uuid,
    partner_name: &'a str,
    partner_email: &'a str,
    reservation_ref: Option<&'a str>,
    words: impl IntoIterator<Item = &'a str>,
) -> String {
    let number = pulse_protocol::input::case_number(id);
    let id = id.to_string();
    let mut pieces = vec![
        number.as_str(),
        id.as_str(),
        partner_name,
        partner_email,
        reservation_ref.unwrap_or(""),
    ];
    for word in words {
        pieces.push(word);
    }
    pulse_protocol::input::search_text(pieces)
}

/// What a queue's order sorts a case without a due reply as: after every due one.
pub const NO_DUE: i64 = i64::MAX;

/// The columns of an [`EventRow`] from `case_events`.
pub const EVENT_COLUMNS: &str = "id, case_id, partner_id, kind, status, author_role, \
    author_name, body, outcome, expected_next, created_at, internal";

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
    pub language: &'a str,
    pub created_at: i64,
}

pub struct NewLinkRow<'a> {
    pub token_hash: &'a [u8; 32],
    pub account_id: i64,
    /// `invitation` or `reset`.
    pub purpose: &'a str,
    pub created_at: i64,
    pub expires_at: i64,
}

pub struct NewMailRow<'a> {
    pub recipient: &'a str,
    pub subject: &'a str,
    pub text_body: &'a str,
    pub html_body: &'a str,
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
    pub reply_due_at: Option<i64>,
    pub language: Option<&'a str>,
    /// What a search looks in, folded (see pulse-protocol's `input::search_text`).
    pub search_text: &'a str,
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
    /// Only handlers see it.
    pub internal: bool,
}

/// What a move changes on its case besides the activity marker. `None` keeps a value.
pub struct CaseChange<'a> {
    pub status: CaseStatus,
    pub outcome: Option<&'a str>,
    pub expected_next: Option<&'a str>,
    pub at: i64,
    /// The reply promise after the move: `None` keeps it, `Some(None)` clears it.
    pub reply_due_at: Option<Option<i64>>,
}

/// Which cases a queue view lists, and from where. Every field narrows; the order is
/// the reply due first (the soonest, then the cases with none), then newest activity.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    /// Only cases in this status.
    pub status: Option<CaseStatus>,
    /// Only cases not closed.
    pub open: bool,
    /// Only cases not closed whose reply is due after this time (ms).
    pub due_after: Option<i64>,
    /// Only cases whose reply is due at or before this time (ms).
    pub due_by: Option<i64>,
    /// Only cases given to this handler.
    pub assignee: Option<i64>,
    /// Only cases given to nobody.
    pub unassigned: bool,
    /// Only cases whose search text holds this (folded) needle.
    pub needle: Option<String>,
    /// Only cases after this point of the order: (reply due or [`NO_DUE`], activity).
    pub after: Option<(i64, i64)>,
}

impl QueueFilter {
    /// The WHERE clause (`TRUE` when nothing narrows) and its values in order, with
    /// `param(n)` writing the backend's n-th placeholder and `search(p)` its clause for
    /// "the case's text holds the needle bound at `p`".
    pub fn where_sql(
        &self,
        param: impl Fn(usize) -> String,
        search: impl Fn(&str) -> String,
    ) -> (String, Vec<SqlValue>) {
        let mut clauses = Vec::new();
        let mut values = Vec::new();
        let next = |value: SqlValue, values: &mut Vec<SqlValue>| {
            values.push(value);
            param(values.len())
        };
        if let Some(status) = self.status {
            let p = next(SqlValue::Text(status.as_str().to_owned()), &mut values);
            clauses.push(format!("c.status = {p}"));
        }
        if self.open {
            clauses.push("c.status <> 'closed'".to_owned());
        }
        if let Some(after) = self.due_after {
            let p = next(SqlValue::Int(after), &mut values);
            clauses.push(format!("c.reply_due_at > {p}"));
        }
        if let Some(by) = self.due_by {
            let p = next(SqlValue::Int(by), &mut values);
            clauses.push(format!("c.reply_due_at <= {p}"));
        }
        if let Some(handler) = self.assignee {
            let p = next(SqlValue::Int(handler), &mut values);
            clauses.push(format!("c.assignee_id = {p}"));
        }
        if self.unassigned {
            clauses.push("c.assignee_id IS NULL".to_owned());
        }
        if let Some(needle) = &self.needle {
            let p = next(SqlValue::Text(needle.clone()), &mut values);
            clauses.push(search(&p));
        }
        if let Some((due, activity)) = self.after {
            let d = next(SqlValue::Int(due), &mut values);
            let a = next(SqlValue::Int(activity), &mut values);
            clauses.push(format!(
                "(COALESCE(c.reply_due_at, {NO_DUE}) > {d} \
                 OR (COALESCE(c.reply_due_at, {NO_DUE}) = {d} AND c.last_event_id < {a}))"
            ));
        }
        let sql = if clauses.is_empty() {
            "TRUE".to_owned()
        } else {
            clauses.join(" AND ")
        };
        (sql, values)
    }
}

/// The queue's order, matching [`QueueFilter::after`].
pub const QUEUE_ORDER: &str = "ORDER BY COALESCE(c.reply_due_at, 9223372036854775807), \
    c.last_event_id DESC";

/// A value bound to a statement built at run time.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlValue {
    Int(i64),
    Text(String),
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
    pub language: String,
}

/// A link to choose a password, with its account's e-mail address.
#[derive(Debug, sqlx::FromRow)]
pub struct LinkRow {
    pub account_id: i64,
    pub purpose: String,
    pub expires_at: i64,
    pub email: String,
}

/// A push target to store.
pub struct NewDeviceRow<'a> {
    pub id: Uuid,
    pub account_id: i64,
    pub session_hash: &'a [u8; 32],
    pub platform: &'a str,
    pub address: &'a str,
    pub p256dh: Option<&'a [u8]>,
    pub auth: Option<&'a [u8]>,
    pub language: &'a str,
    pub label: &'a str,
    pub created_at: i64,
}

/// A stored push target, as its account lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeviceRow {
    pub id: Uuid,
    pub platform: String,
    pub language: String,
    pub label: String,
    pub created_at: i64,
}

/// A push taken for sending, with its target and its event.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PushRow {
    pub id: i64,
    /// Tries so far, this one included.
    pub attempts: i64,
    pub event_id: i64,
    pub device_id: Uuid,
    pub platform: String,
    pub address: String,
    pub p256dh: Option<Vec<u8>>,
    pub auth: Option<Vec<u8>>,
    pub language: String,
    pub visible_until: i64,
    pub case_id: Uuid,
    pub kind: String,
    pub topic: String,
    pub subtopic: String,
}

/// An e-mail waiting to go out.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailRow {
    pub id: i64,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    /// Tries so far, this one included.
    pub attempts: i64,
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
    pub email: String,
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
    pub reply_due_at: Option<i64>,
    pub unread_count: i64,
}

#[derive(Debug, sqlx::FromRow)]
pub struct HandlerCaseRow {
    #[sqlx(flatten)]
    pub case: CaseRow,
    pub partner_id: i64,
    pub partner_name: String,
    pub partner_in_eea: bool,
    pub assignee_id: Option<i64>,
    pub assignee_name: Option<String>,
}

#[derive(Debug, sqlx::FromRow)]
pub struct HandlerRow {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, sqlx::FromRow)]
pub struct SavedReplyRow {
    pub id: i64,
    pub title: String,
    pub body: String,
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
    pub partner_id: i64,
    pub partner_name: String,
    pub partner_email: String,
    pub partner_country: String,
    pub property_name: Option<String>,
    pub language: Option<String>,
    pub assignee_id: Option<i64>,
    pub assignee_name: Option<String>,
    pub handler_seen: bool,
}

/// The columns of a [`CaseRecord`] besides the case's, from `cases c` joined with
/// `accounts a` (the partner), left-joined with `accounts h` (the assignee) and
/// `properties p`.
pub const RECORD_COLUMNS: &str = "c.expected_next, c.diagnostics, c.contact, \
    a.in_eea AS partner_in_eea, a.id AS partner_id, a.name AS partner_name, \
    a.email AS partner_email, a.country AS partner_country, p.name AS property_name, \
    c.language, c.assignee_id, h.name AS assignee_name, c.handler_seen";

/// The joins [`RECORD_COLUMNS`] read from.
pub const RECORD_JOINS: &str = "FROM cases c JOIN accounts a ON a.id = c.partner_id \
    LEFT JOIN accounts h ON h.id = c.assignee_id \
    LEFT JOIN properties p ON p.id = c.property_id";

/// What the lifecycle needs to know about a case to judge a move.
#[derive(Debug, sqlx::FromRow)]
pub struct MoveTargetRow {
    pub status: String,
    pub partner_id: i64,
    pub in_eea: bool,
    /// Whether a person at support has opened, taken or moved the case.
    pub handler_seen: bool,
    pub assignee_id: Option<i64>,
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
    pub internal: bool,
}
