//! The outbox: everything a partner sends, from the moment they press Send until the
//! server has it. A queue kept in the local store, one background task that drains it,
//! the states an item goes through, and the one place that decides whether to try again.
//! The store holds the SQL; everything else about the queue is here.
//!
//! # Lifecycle
//!
//! ```text
//!  draft ─send_draft─┐                        ┌─ retry: no answer, 408, 429, 5xx, unreadable ─┐
//!  reply ────────────┤                        ▼                                                │
//!  answer ───────────┼──▶ Queued ──worker──▶ Sending ──answer──▶ Sent ──keep_sent──▶ (let go)
//!  mediation ────────┘      ▲  ▲                │
//!                           │  └── 401: waits for sign-in, nothing counted
//!                           │                   └─ refused: other 4xx, file gone
//!                           │                                  ▼
//!                           └────────── retry ─────────────  Failed ──edit_failed──▶ draft
//!                                                   Queued or Failed ──discard──▶ (gone)
//! ```
//!
//! ## Queueing
//! [`Pulse::send_draft`] parses the draft with pulse-protocol's rules
//! ([`pulse_protocol::request::ValidCase::parse`], through [`DraftContent::to_request`])
//! and refuses it, with every problem by field, when the server would; nothing the
//! server would refuse for its content is ever queued. Otherwise the item is written
//! under a fresh UUID in the same SQLite transaction that deletes the draft, so the
//! message is in exactly one of the two places whatever happens. That UUID is the
//! request's `Idempotency-Key` for good. It is a v7 UUID: time-ordered, so the server's
//! index of used keys grows at one end instead of at random pages. Replies and answers
//! to an outcome are checked the same way, with [`CaseMove::reply`] and [`CaseMove::answer`]. Whether the case's
//! status allows the move is left to the server (the app only offers the moves
//! [`pulse_protocol::lifecycle::allows`]): a case may move on while the phone is
//! offline, and the refusal then arrives as a failed item.
//!
//! ## The worker
//! One task per engine, started by [`Pulse::open`], so an app killed with a backlog
//! takes it up again at the next start. It sends the signed-in account's items in
//! order, one request at a time. An item is marked `Sending` before its request; if the
//! app dies then, the item is sent again under the same key and the server answers with
//! the first result instead of making a second case. Attachments go first and their
//! server ids are remembered at once, so a retry sends the very same request. New
//! cases without files waiting in a row go together in one `POST /v1/cases/batch`,
//! which the server creates in order, each under its own key; a server that refuses a
//! batch as a whole gets them one by one from then on, so each item gets its own answer.
//!
//! ## Try again, or fail
//! Every answer, to a single request or to one case of a batch, becomes an [`Outcome`]
//! and is weighed by [`verdict`], the one table:
//!
//! | outcome | verdict |
//! |---|---|
//! | no answer (unreachable, cut, timed out, left out of a batch's answer) | retry |
//! | 408, 429, 5xx | retry, no sooner than its `Retry-After` |
//! | 401 | wait: the whole queue pauses until the partner signs in again |
//! | any other status | failed, with the server's code |
//! | a success this app cannot read | retry: the same key gets the same answer again |
//!
//! A retry waits [`RetryPolicy::delay`](crate::RetryPolicy::delay): exponential with
//! jitter, at most its maximum, never less than `Retry-After`. After a failure the worker
//! goes on with the next item. An item whose photo is no longer on the phone fails
//! ([`Failure::FileMissing`]) without a request.
//!
//! ## What the partner can do
//! Discard a queued or failed item (with the photos only it carried). Retry a failed one
//! (back to `Queued`, as if new, same key). Edit a failed new case: it becomes a draft
//! again, in one transaction, to fix and send under a new key.
//!
//! ## What is kept
//! A sent item stays for [`ClientConfig::keep_sent`](crate::ClientConfig::keep_sent) (a
//! week by default), for the "sent" screen to show; then it is let go with the photos
//! only it carried, checked at start and each time the queue has drained. The case it
//! made stays in the cache. Unsent and failed items are never let go on their own.
//!
//! Every change of state emits [`Change::Outbox`] (and [`Change::Drafts`] or
//! [`Change::Cases`] where those change too), so the app re-reads [`Pulse::outbox`].

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use pulse_protocol::ErrorCode;
use pulse_protocol::request::CaseMove;
use pulse_protocol::wire::{
    CaseBatch, CaseDetail, CaseEvent, KeyedCase, MAX_BATCH_CASES, NewCase, NewReply,
    ResolutionAnswer,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::api::{Api, ApiError, BatchOutcome};
use crate::model::{CaseDraft, Change, Draft, DraftContent, Failure};
use crate::store::StoreError;
use crate::{ClientError, Inner, Pulse};

/// What an outbox item will send. Stored as JSON tagged with its `type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "StoredPayload")]
pub enum OutboxPayload {
    NewCase {
        /// As checked when queued; the server's ids of its files are filled in when
        /// they have been uploaded.
        case: Box<NewCase>,
        files: Vec<Uuid>,
        /// The draft it came from, to edit again if the server refuses it.
        draft: Box<DraftContent>,
    },
    Reply {
        case_id: Uuid,
        reply: NewReply,
        files: Vec<Uuid>,
    },
    Resolution {
        case_id: Uuid,
        answer: ResolutionAnswer,
    },
    Mediation {
        case_id: Uuid,
    },
}

impl OutboxPayload {
    /// The local files this item carries.
    pub fn files(&self) -> &[Uuid] {
        match self {
            OutboxPayload::NewCase { files, .. } | OutboxPayload::Reply { files, .. } => files,
            _ => &[],
        }
    }

    /// The case it is about, when it is about an existing one.
    pub fn case_id(&self) -> Option<Uuid> {
        match self {
            OutboxPayload::NewCase { .. } => None,
            OutboxPayload::Reply { case_id, .. }
            | OutboxPayload::Resolution { case_id, .. }
            | OutboxPayload::Mediation { case_id } => Some(*case_id),
        }
    }
}

/// A payload as the store reads it back: its tag and every variant's fields, each
/// optional. serde reads an internally tagged enum by buffering the whole value first,
/// and that machinery was 14 KB of the browser's download; this reads the same JSON.
#[derive(Deserialize)]
struct StoredPayload {
    #[serde(rename = "type")]
    kind: PayloadKind,
    case: Option<Box<NewCase>>,
    files: Option<Vec<Uuid>>,
    draft: Option<Box<DraftContent>>,
    case_id: Option<Uuid>,
    reply: Option<NewReply>,
    answer: Option<ResolutionAnswer>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum PayloadKind {
    NewCase,
    Reply,
    Resolution,
    Mediation,
}

impl TryFrom<StoredPayload> for OutboxPayload {
    type Error = &'static str;

    fn try_from(stored: StoredPayload) -> Result<OutboxPayload, &'static str> {
        let case_id = stored.case_id.ok_or("an outbox item without its case");
        Ok(match stored.kind {
            PayloadKind::NewCase => OutboxPayload::NewCase {
                case: stored.case.ok_or("a new case without its request")?,
                files: stored.files.ok_or("a new case without its files")?,
                draft: stored.draft.ok_or("a new case without its draft")?,
            },
            PayloadKind::Reply => OutboxPayload::Reply {
                case_id: case_id?,
                reply: stored.reply.ok_or("a reply without its message")?,
                files: stored.files.ok_or("a reply without its files")?,
            },
            PayloadKind::Resolution => OutboxPayload::Resolution {
                case_id: case_id?,
                answer: stored
                    .answer
                    .ok_or("an answer to an outcome without the answer")?,
            },
            PayloadKind::Mediation => OutboxPayload::Mediation { case_id: case_id? },
        })
    }
}

/// Where an outbox item stands (see the module docs for how it moves).
#[derive(Debug, Clone, PartialEq)]
pub enum OutboxState {
    /// Waiting to be sent: first try, or again after `last_error` at `next_attempt_at`.
    Queued {
        attempts: u32,
        next_attempt_at: OffsetDateTime,
        last_error: Option<Failure>,
    },
    Sending,
    /// The server has it.
    Sent {
        case_id: Uuid,
    },
    /// It will not be sent as it is: edit, retry or discard it. `message` is the
    /// server's, in English, for the log.
    Failed {
        reason: Failure,
        message: String,
    },
}

/// One message on its way to support. Its id is the Idempotency-Key.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxItem {
    pub id: Uuid,
    pub account_id: i64,
    pub payload: OutboxPayload,
    pub state: OutboxState,
    pub created_at: OffsetDateTime,
    /// A try to send it may have reached the server: it can no longer be edited or
    /// cancelled, only sent under its key (the server keeps it once however often).
    pub may_have_arrived: bool,
}

/// Tries in a row the server answered with trouble of its own (5xx, an unreadable
/// answer) before an item counts as stuck: shown so, with a retry, and no longer holding
/// back the items of other cases behind it.
pub const STUCK_AFTER: u32 = 3;

impl OutboxItem {
    /// Whether the partner may still edit or cancel it: it waits, and nothing of it can
    /// have reached the server (or it failed, and will not be sent as it is).
    pub fn can_change(&self) -> bool {
        match self.state {
            OutboxState::Queued { .. } => !self.may_have_arrived,
            OutboxState::Failed { .. } => true,
            OutboxState::Sending | OutboxState::Sent { .. } => false,
        }
    }

    /// Whether the server keeps failing this item (see [`STUCK_AFTER`]). A network
    /// failure is not the item's (every item waits for the network alike), nor is a rate
    /// limit (every item would meet it).
    pub fn is_stuck(&self) -> bool {
        match &self.state {
            OutboxState::Queued {
                attempts,
                last_error: Some(reason),
                ..
            } if *attempts >= STUCK_AFTER => match reason {
                Failure::Refused(code) => *code != ErrorCode::RateLimited,
                Failure::Unexpected => true,
                _ => false,
            },
            _ => false,
        }
    }

    /// The case this item is a move on, if it is one: its items go in the order written.
    /// A new case is a case of its own.
    fn case_id(&self) -> Option<Uuid> {
        match &self.payload {
            OutboxPayload::NewCase { .. } => None,
            OutboxPayload::Reply { case_id, .. }
            | OutboxPayload::Resolution { case_id, .. }
            | OutboxPayload::Mediation { case_id } => Some(*case_id),
        }
    }

    /// When it may be sent next: now, unless it waits for a retry.
    fn due_at(&self) -> Option<OffsetDateTime> {
        match &self.state {
            OutboxState::Queued {
                next_attempt_at, ..
            } => Some(*next_attempt_at),
            _ => None,
        }
    }
}

/// Which of the pending items (in order) goes next: the head, unless it is stuck, when
/// the first item after it that no stuck item of its own case holds back goes instead.
/// `Err` says how long until something may go.
fn choose(pending: &[OutboxItem], now: OffsetDateTime) -> Result<usize, Option<Duration>> {
    // Few items are ever stuck at once: a list is lighter than a set in the download.
    let mut held: Vec<Uuid> = Vec::new();
    let mut soonest: Option<OffsetDateTime> = None;
    for (index, item) in pending.iter().enumerate() {
        let due = item.due_at();
        if item.case_id().is_some_and(|case| held.contains(&case)) {
            continue;
        }
        if item.is_stuck() {
            if due.is_some_and(|at| at <= now) {
                return Ok(index);
            }
            // Its case waits behind it; the others go on.
            if let Some(case) = item.case_id() {
                held.push(case);
            }
            soonest = soonest.min(due).or(due);
            continue;
        }
        return match due {
            Some(at) if at > now => {
                let at = soonest.map_or(at, |s| s.min(at));
                Err(Some((at - now).unsigned_abs()))
            }
            // Due, or interrupted while sending (the app was killed): send, same key.
            _ => Ok(index),
        };
    }
    Err(soonest.map(|at| (at - now).max(time::Duration::ZERO).unsigned_abs()))
}

// ----- what the partner does -----

impl Pulse {
    /// Moves a draft into the outbox: checked as the server will check it, then queued
    /// under a fresh idempotency key in the same transaction that removes the draft.
    pub async fn send_draft(&self, draft_id: Uuid) -> Result<OutboxItem, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let draft = self
            .inner
            .db(move |store| store.draft(draft_id))
            .await?
            .ok_or(StoreError::NotFound("draft"))?;
        let valid = draft
            .content
            .to_request(OffsetDateTime::now_utc())
            .map_err(ClientError::Incomplete)?;
        let mut case = valid.to_wire();
        // The draft's files were named by their local ids for the check.
        case.attachment_ids.clear();
        let payload = OutboxPayload::NewCase {
            case: Box::new(case),
            files: draft.content.files.clone(),
            draft: Box::new(draft.content),
        };
        enqueue(&self.inner, session.account.id, payload, Some(draft_id)).await
    }

    /// Queues a reply on a case (offline like everything else).
    pub async fn reply(
        &self,
        case_id: Uuid,
        body: &str,
        files: Vec<Uuid>,
    ) -> Result<OutboxItem, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        // The local ids stand in for the server's until the files are uploaded.
        let checked = CaseMove::reply(&NewReply {
            body: body.to_owned(),
            attachment_ids: files.clone(),
        })?;
        let reply = NewReply {
            body: checked
                .body()
                .map(|b| b.as_str().to_owned())
                .unwrap_or_default(),
            attachment_ids: Vec::new(),
        };
        let payload = OutboxPayload::Reply {
            case_id,
            reply,
            files,
        };
        enqueue(&self.inner, session.account.id, payload, None).await
    }

    /// Queues the partner's answer to an outcome: accept (a comment is welcome), or
    /// disagree with a comment saying why.
    pub async fn answer_resolution(
        &self,
        case_id: Uuid,
        accept: bool,
        comment: Option<&str>,
    ) -> Result<OutboxItem, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let checked = CaseMove::answer(&ResolutionAnswer {
            accept,
            comment: comment.map(str::to_owned),
        })?;
        let answer = ResolutionAnswer {
            accept,
            comment: checked.body().map(|b| b.as_str().to_owned()),
        };
        let payload = OutboxPayload::Resolution { case_id, answer };
        enqueue(&self.inner, session.account.id, payload, None).await
    }

    /// Queues a request for mediation on a disputed case.
    pub async fn request_mediation(&self, case_id: Uuid) -> Result<OutboxItem, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let payload = OutboxPayload::Mediation { case_id };
        enqueue(&self.inner, session.account.id, payload, None).await
    }

    /// Every outbox item, oldest first, sent ones included while they are kept.
    pub async fn outbox(&self) -> Result<Vec<OutboxItem>, ClientError> {
        Ok(self.inner.db(|store| store.outbox()).await?)
    }

    pub async fn outbox_item(&self, id: Uuid) -> Result<OutboxItem, ClientError> {
        Ok(self.inner.db(move |store| store.outbox_item(id)).await?)
    }

    /// Sends a failed or stuck item again now, as if new (same key).
    pub async fn retry(&self, id: Uuid) -> Result<(), ClientError> {
        self.inner.db(move |store| store.retry(id)).await?;
        self.inner.emit(Change::Outbox);
        self.inner.outbox_wake.notify_one();
        Ok(())
    }

    /// Cancels an item that has not left (see [`OutboxItem::can_change`]) and drops the
    /// files only it carried. [`StoreError::OnItsWay`] when it is being sent or may
    /// have reached the server: it is then sent as it is, once.
    pub async fn discard(&self, id: Uuid) -> Result<(), ClientError> {
        self.inner.db(move |store| store.remove_unsent(id)).await?;
        self.inner.emit(Change::Outbox);
        Ok(())
    }

    /// Takes a queued message back to change it before it leaves: a new case becomes a
    /// draft again, a reply's text and photos go back into the case's reply box. The answer
    /// is honest about a race with the worker: edited before it left, or
    /// [`StoreError::OnItsWay`] (sent already, or being sent: it goes as it was).
    pub async fn edit_queued(&self, id: Uuid) -> Result<Unqueued, ClientError> {
        self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let item = self.inner.db(move |store| store.outbox_item(id)).await?;
        let unqueued = match item.payload {
            OutboxPayload::NewCase { .. } => {
                let draft = self
                    .inner
                    .db(move |store| store.unqueue_to_draft(id, Uuid::new_v4()))
                    .await?;
                self.inner.emit(Change::Drafts);
                Unqueued::Draft(Box::new(draft))
            }
            OutboxPayload::Reply { .. } => {
                let (case_id, draft) = self.inner.db(move |store| store.unqueue_reply(id)).await?;
                Unqueued::Reply { case_id, draft }
            }
            // An answer to an outcome or a mediation request has nothing to edit: it
            // can be cancelled (discard) and made again.
            _ => return Err(StoreError::NotFound("editable item").into()),
        };
        self.inner.emit(Change::Outbox);
        Ok(unqueued)
    }

    /// Turns a failed new case back into a draft to fix; returns the draft.
    pub async fn edit_failed(&self, id: Uuid) -> Result<Draft, ClientError> {
        let draft = self
            .inner
            .db(move |store| {
                let item = store.outbox_item(id)?;
                let OutboxPayload::NewCase { draft, .. } = item.payload else {
                    return Err(StoreError::NotFound("failed new case"));
                };
                let draft_id = Uuid::new_v4();
                store.failed_to_draft(id, draft_id, &draft)?;
                store.draft(draft_id)?.ok_or(StoreError::NotFound("draft"))
            })
            .await?;
        self.inner.emit(Change::Outbox);
        self.inner.emit(Change::Drafts);
        Ok(draft)
    }
}

/// What came back out of the outbox to be changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Unqueued {
    /// A new case, a draft again.
    Draft(Box<Draft>),
    /// A reply, back in the case's reply box (kept there like a draft): the box as it
    /// is now.
    Reply { case_id: Uuid, draft: CaseDraft },
}

async fn enqueue(
    inner: &Inner,
    account_id: i64,
    payload: OutboxPayload,
    draft: Option<Uuid>,
) -> Result<OutboxItem, ClientError> {
    let item = inner
        .db(move |store| store.enqueue(Uuid::now_v7(), account_id, &payload, draft))
        .await?;
    if draft.is_some() {
        inner.emit(Change::Drafts);
    }
    inner.emit(Change::Outbox);
    inner.outbox_wake.notify_one();
    Ok(item)
}

// ----- try again, or fail -----

/// What came back from one attempt to send an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing: the server could not be reached, the connection broke or timed out, or
    /// a batch's answer left this item out.
    NoAnswer,
    /// The server refused, with its status, code and `Retry-After`.
    Refused {
        status: u16,
        code: ErrorCode,
        retry_after: Option<Duration>,
    },
    /// A success whose answer this app cannot read.
    Unreadable,
}

/// What to do with an item after an [`Outcome`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Keep it queued and try again after the backoff, no sooner than `not_before`.
    Retry {
        reason: Failure,
        not_before: Option<Duration>,
    },
    /// Keep it queued, count nothing, and send nothing until the partner signs in again.
    SignIn,
    /// Mark it failed, for the partner to edit, retry or discard.
    Fail(Failure),
}

/// The one table that decides, for the single path and the batch path alike.
pub fn verdict(outcome: &Outcome) -> Verdict {
    match *outcome {
        Outcome::NoAnswer => Verdict::Retry {
            reason: Failure::Network,
            not_before: None,
        },
        Outcome::Refused { status: 401, .. } => Verdict::SignIn,
        // Timeouts, rate limits and the server's own troubles pass; the same key makes
        // the resend safe.
        Outcome::Refused {
            status,
            code,
            retry_after,
        } if status == 408 || status == 429 || status >= 500 => Verdict::Retry {
            reason: Failure::Refused(code),
            not_before: retry_after,
        },
        Outcome::Refused { code, .. } => Verdict::Fail(Failure::Refused(code)),
        // The server took the item under this key; asking again under the same key gets
        // the same answer, perhaps readable this time. Failing it instead would invite an
        // edit, and an edited item goes under a new key: a second case.
        Outcome::Unreadable => Verdict::Retry {
            reason: Failure::Unexpected,
            not_before: None,
        },
    }
}

// ----- the worker -----

enum Next {
    /// Something happened; look at the queue again at once.
    Again,
    /// Nothing to send until woken.
    Idle,
    /// The head item waits for its retry time.
    Wait(Duration),
}

/// The one task that drains the queue.
struct Worker {
    inner: Arc<Inner>,
    /// Off for good once a server refuses a batch as a whole (one without the endpoint,
    /// or one that finds it too large).
    batching: bool,
    /// Something was sent since sent items were last let go.
    sent_since_prune: bool,
}

/// Store trouble while sending: wait a moment, then look again.
const STORE_TROUBLE_WAIT: Duration = Duration::from_secs(5);

pub(crate) async fn run(inner: Arc<Inner>) {
    let mut shutdown = inner.shutdown.subscribe();
    let mut worker = Worker {
        inner,
        batching: true,
        sent_since_prune: true,
    };
    // A start is a check of its own, whatever waits: the app may have been closed for
    // weeks, and a backlog against an unreachable server would put it off for good.
    worker.prune().await;
    loop {
        if *shutdown.borrow_and_update() {
            return;
        }
        let wait = match worker.step().await {
            Next::Again => continue,
            Next::Idle => {
                worker.prune().await;
                Duration::from_secs(3600)
            }
            Next::Wait(d) => d,
        };
        tokio::select! {
            _ = worker.inner.outbox_wake.notified() => {}
            _ = crate::rt::sleep(wait) => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// Why one item was not sent.
enum NotSent {
    Api(ApiError),
    /// The server no longer holds files this item uploaded on an earlier try (a file no
    /// message links is deleted after a day): upload them again.
    StaleUploads(Vec<Uuid>),
    FileMissing(Uuid),
    Store(StoreError),
}

impl From<ApiError> for NotSent {
    fn from(e: ApiError) -> NotSent {
        NotSent::Api(e)
    }
}

/// What the server answered to a sent item.
enum Answer {
    Case(CaseDetail),
    Event(CaseEvent),
}

impl Worker {
    async fn step(&mut self) -> Next {
        match self.send_next().await {
            Ok(next) => next,
            Err(error) => {
                tracing::error!(%error, "the outbox cannot be read or written");
                Next::Wait(STORE_TROUBLE_WAIT)
            }
        }
    }

    async fn send_next(&mut self) -> Result<Next, StoreError> {
        if self
            .inner
            .network_back
            .swap(false, std::sync::atomic::Ordering::AcqRel)
        {
            let due = self
                .inner
                .db(|store| store.due_now_after_network(OffsetDateTime::now_utc()))
                .await?;
            if due > 0 {
                tracing::info!(due, "the network is back: sending what waited for it");
            }
        }
        let Some(session) = self.inner.session() else {
            return Ok(Next::Idle);
        };
        if session.paused {
            return Ok(Next::Idle);
        }
        let most = self.inner.config.max_batch.clamp(1, MAX_BATCH_CASES);
        let account = session.account.id;
        let pending = self
            .inner
            .db(move |store| store.outbox_pending(account, most))
            .await?;
        let now = OffsetDateTime::now_utc();
        let start = match choose(&pending, now) {
            Ok(start) => start,
            Err(Some(wait)) => return Ok(Next::Wait(wait)),
            Err(None) => return Ok(Next::Idle),
        };
        let head = &pending[start];
        let attempts = match &head.state {
            OutboxState::Queued { attempts, .. } => *attempts,
            // Interrupted while sending (the app was killed): send again, same key.
            _ => 0,
        };
        // New cases without files waiting in a row go together, in one request: those
        // due now, and not a stuck one (which goes alone, for an answer of its own).
        let run: Vec<&OutboxItem> = pending[start..]
            .iter()
            .take_while(|item| {
                self.batching
                    && matches!(&item.payload, OutboxPayload::NewCase { files, .. } if files.is_empty())
                    && item.due_at().is_none_or(|at| at <= now)
                    && (item.id == head.id || !item.is_stuck())
            })
            .collect();
        let sending: Vec<Uuid> = if run.len() > 1 {
            run.iter().map(|i| i.id).collect()
        } else {
            vec![head.id]
        };
        if !self
            .inner
            .db(move |store| store.mark_sending(&sending))
            .await?
        {
            // Edited or cancelled since it was read: read the queue again.
            return Ok(Next::Again);
        }
        self.inner.emit(Change::Outbox);
        let next = if run.len() > 1 {
            self.send_batch(&session.api, &run, attempts).await
        } else {
            self.send_one(&session.api, head, attempts).await
        };
        self.inner.emit(Change::Outbox);
        next
    }

    async fn send_one(
        &mut self,
        api: &Api,
        item: &OutboxItem,
        attempts: u32,
    ) -> Result<Next, StoreError> {
        let id = item.id;
        match send(&self.inner, api, item).await {
            Ok(answer) => {
                self.inner.saw_network(true);
                self.inner
                    .db(move |store| match &answer {
                        Answer::Case(detail) => store.mark_cases_sent(&[(id, detail)]),
                        Answer::Event(event) => store.mark_event_sent(id, event),
                    })
                    .await?;
                self.sent_since_prune = true;
                self.inner.emit(Change::Cases);
                Ok(Next::Again)
            }
            Err(NotSent::Api(error)) => {
                self.inner.observe::<()>(&Err(error.clone()));
                let verdict = verdict(&error.outcome());
                let arrived = error.may_have_arrived();
                self.record(vec![id], attempts, verdict, error.message(), arrived)
                    .await
            }
            Err(NotSent::StaleUploads(files)) => {
                tracing::info!(
                    files = files.len(),
                    "the server no longer holds this message's photos; uploading them again"
                );
                self.inner
                    .db(move |store| store.forget_file_remotes(&files))
                    .await?;
                // Nothing was stored under the key: the same key, with new file ids.
                self.inner.db(move |store| store.mark_queued(&[id])).await?;
                Ok(Next::Again)
            }
            Err(NotSent::FileMissing(file)) => {
                let message = format!("the attachment {file} is no longer on this device");
                let verdict = Verdict::Fail(Failure::FileMissing);
                self.record(vec![id], attempts, verdict, message, false)
                    .await
            }
            Err(NotSent::Store(error)) => {
                // Nothing was decided about the item: it waits its turn again.
                self.inner.db(move |store| store.mark_queued(&[id])).await?;
                Err(error)
            }
        }
    }

    async fn send_batch(
        &mut self,
        api: &Api,
        run: &[&OutboxItem],
        attempts: u32,
    ) -> Result<Next, StoreError> {
        let ids: Vec<Uuid> = run.iter().map(|i| i.id).collect();
        let cases = run
            .iter()
            .filter_map(|item| match &item.payload {
                OutboxPayload::NewCase { case, .. } => Some(KeyedCase {
                    key: item.id,
                    case: case.as_ref().clone(),
                }),
                _ => None,
            })
            .collect();
        let result = api.create_cases(&CaseBatch { cases }).await;
        self.inner.observe(&result);
        let outcomes = match result {
            Ok(outcomes) => outcomes,
            Err(error) => {
                return match verdict(&error.outcome()) {
                    // Refused as a whole (no such endpoint, too large…): one by one from
                    // now on, so each item gets its own answer and its own verdict.
                    Verdict::Fail(_) => {
                        tracing::warn!(%error, "batches refused; sending one by one");
                        self.batching = false;
                        self.inner.db(move |store| store.mark_queued(&ids)).await?;
                        Ok(Next::Again)
                    }
                    verdict => {
                        let arrived = error.may_have_arrived();
                        self.record(ids, attempts, verdict, error.message(), arrived)
                            .await
                    }
                };
            }
        };
        let mut by_key: HashMap<Uuid, BatchOutcome> =
            outcomes.into_iter().map(|o| (o.key, o)).collect();
        let mut sent = Vec::with_capacity(ids.len());
        let mut next = Next::Again;
        for id in ids {
            let (outcome, message) = match by_key.remove(&id) {
                Some(BatchOutcome {
                    case: Some(case), ..
                }) => {
                    sent.push((id, case));
                    continue;
                }
                Some(BatchOutcome {
                    status,
                    error: Some((code, message)),
                    ..
                }) => (
                    Outcome::Refused {
                        status,
                        code,
                        retry_after: None,
                    },
                    message,
                ),
                Some(BatchOutcome { status, .. }) if !(200..300).contains(&status) => (
                    Outcome::Refused {
                        status,
                        code: crate::api::code_for(status, None),
                        retry_after: None,
                    },
                    String::new(),
                ),
                Some(_) => (
                    Outcome::Unreadable,
                    "a created case without its body".into(),
                ),
                None => (Outcome::NoAnswer, "left out of the batch's answer".into()),
            };
            if let Next::Idle = self
                .record(vec![id], attempts, verdict(&outcome), message, true)
                .await?
            {
                next = Next::Idle;
            }
        }
        if !sent.is_empty() {
            self.sent_since_prune = true;
            self.inner
                .db(move |store| {
                    let sent: Vec<(Uuid, &CaseDetail)> =
                        sent.iter().map(|(id, case)| (*id, case)).collect();
                    store.mark_cases_sent(&sent)
                })
                .await?;
            self.inner.emit(Change::Cases);
        }
        Ok(next)
    }

    /// Writes down a verdict for items sent in one request.
    async fn record(
        &self,
        ids: Vec<Uuid>,
        attempts: u32,
        verdict: Verdict,
        message: String,
        may_have_arrived: bool,
    ) -> Result<Next, StoreError> {
        match verdict {
            Verdict::Retry { reason, not_before } => {
                let at =
                    OffsetDateTime::now_utc() + self.inner.config.retry.delay(attempts, not_before);
                self.inner
                    .db(move |store| store.mark_retry(&ids, at, reason, may_have_arrived))
                    .await?;
                Ok(Next::Again)
            }
            Verdict::SignIn => {
                self.inner.db(move |store| store.mark_queued(&ids)).await?;
                self.inner.pause_for_sign_in();
                Ok(Next::Idle)
            }
            Verdict::Fail(reason) => {
                tracing::info!(reason = reason.as_str(), %message, "an outbox item failed");
                self.inner
                    .db(move |store| store.mark_failed(&ids, reason, &message))
                    .await?;
                Ok(Next::Again)
            }
        }
    }

    /// Lets go of items sent longer ago than the config keeps them.
    async fn prune(&mut self) {
        if !self.sent_since_prune {
            return;
        }
        let before = OffsetDateTime::now_utc() - self.inner.config.keep_sent;
        match self.inner.db(move |store| store.prune_sent(before)).await {
            Ok(0) => self.sent_since_prune = false,
            Ok(removed) => {
                self.sent_since_prune = false;
                tracing::debug!(removed, "sent items let go");
                self.inner.emit(Change::Outbox);
            }
            // Tried again the next time the queue drains.
            Err(error) => tracing::error!(%error, "sent items could not be let go"),
        }
    }
}

/// Uploads the item's files not yet uploaded, then sends it under its key.
async fn send(inner: &Inner, api: &Api, item: &OutboxItem) -> Result<Answer, NotSent> {
    let mut reused = Vec::new();
    match send_files_and_item(inner, api, item, &mut reused).await {
        // Only files uploaded on an earlier try can have gone stale; a refusal of
        // files uploaded just now is the item's own (it fails).
        Err(NotSent::Api(ApiError::Server { code, .. }))
            if code == ErrorCode::UnknownAttachment && !reused.is_empty() =>
        {
            Err(NotSent::StaleUploads(reused))
        }
        answer => answer,
    }
}

/// A file of the item that the store does not give: gone from the phone, or the account
/// signed out while the item was on its way (the store then shows another owner's
/// files, or none): that item is not failed, it waits for its account again.
async fn missing(inner: &Inner, item: &OutboxItem, file: Uuid) -> NotSent {
    let id = item.id;
    match inner.db(move |store| store.outbox_item(id)).await {
        Ok(_) => NotSent::FileMissing(file),
        Err(_) => NotSent::Store(StoreError::NotFound("the item's account")),
    }
}

/// Uploads the item's files that need it, then sends the item; `reused` collects the
/// files whose earlier upload it relied on.
async fn send_files_and_item(
    inner: &Inner,
    api: &Api,
    item: &OutboxItem,
    reused: &mut Vec<Uuid>,
) -> Result<Answer, NotSent> {
    let mut attachment_ids = Vec::new();
    for file_id in item.payload.files().iter().copied() {
        let file = match inner.db(move |store| store.file(file_id)).await {
            Ok(file) => file,
            Err(StoreError::NotFound(_)) => return Err(missing(inner, item, file_id).await),
            Err(error) => return Err(NotSent::Store(error)),
        };
        if let Some(remote) = file.remote_id {
            reused.push(file_id);
            attachment_ids.push(remote);
            continue;
        }
        let bytes = match inner.db(move |store| store.file_bytes(file_id)).await {
            Ok(bytes) => bytes,
            Err(StoreError::NotFound(_)) => return Err(missing(inner, item, file_id).await),
            Err(error) => return Err(NotSent::Store(error)),
        };
        let uploaded = api.upload(bytes, &file.media_type).await?;
        // Remembered at once, so a retry sends the same ids (and the same request).
        let remote = uploaded.id;
        inner
            .db(move |store| store.set_file_remote(file_id, remote))
            .await
            .map_err(NotSent::Store)?;
        attachment_ids.push(remote);
    }
    Ok(match &item.payload {
        OutboxPayload::NewCase { case, .. } => {
            let mut case = case.clone();
            case.attachment_ids = attachment_ids;
            Answer::Case(api.create_case(item.id, &case).await?)
        }
        OutboxPayload::Reply { case_id, reply, .. } => {
            let mut reply = reply.clone();
            reply.attachment_ids = attachment_ids;
            Answer::Event(api.reply(*case_id, item.id, &reply).await?)
        }
        OutboxPayload::Resolution { case_id, answer } => {
            Answer::Event(api.answer_resolution(*case_id, item.id, answer).await?)
        }
        OutboxPayload::Mediation { case_id } => {
            Answer::Event(api.request_mediation(*case_id, item.id).await?)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_payload_reads_back_as_it_was_stored_and_an_incomplete_one_is_refused() {
        let case_id = Uuid::now_v7();
        let draft = DraftContent {
            topic: Some("payouts".into()),
            subtopic: Some("payouts".into()),
            body: "Where is my payout?".into(),
            ..DraftContent::default()
        };
        let case = draft
            .to_request(time::OffsetDateTime::UNIX_EPOCH)
            .expect("a complete draft")
            .to_wire();
        let payloads = [
            OutboxPayload::NewCase {
                case: Box::new(case),
                files: vec![Uuid::now_v7()],
                draft: Box::new(draft),
            },
            OutboxPayload::Reply {
                case_id,
                reply: NewReply {
                    body: "Here it is.".into(),
                    attachment_ids: vec![],
                },
                files: vec![],
            },
            OutboxPayload::Resolution {
                case_id,
                answer: ResolutionAnswer {
                    accept: false,
                    comment: Some("Not fixed.".into()),
                },
            },
            OutboxPayload::Mediation { case_id },
        ];
        for payload in payloads {
            let json = serde_json::to_vec(&payload).unwrap();
            let back: OutboxPayload = serde_json::from_slice(&json).unwrap();
            assert_eq!(back, payload);
        }
        // The stored form, as earlier versions of the app wrote it.
        let mediation = format!(r#"{{"type":"mediation","case_id":"{case_id}"}}"#);
        assert_eq!(
            serde_json::from_str::<OutboxPayload>(&mediation).unwrap(),
            OutboxPayload::Mediation { case_id }
        );
        for broken in [
            r#"{"type":"mediation"}"#,
            r#"{"type":"reply","case_id":"00000000-0000-0000-0000-000000000000"}"#,
            r#"{"type":"shout"}"#,
        ] {
            assert!(
                serde_json::from_str::<OutboxPayload>(broken).is_err(),
                "{broken}"
            );
        }
    }

    fn refused(status: u16, code: ErrorCode, retry_after: Option<u64>) -> Outcome {
        Outcome::Refused {
            status,
            code,
            retry_after: retry_after.map(Duration::from_secs),
        }
    }

    fn retry(reason: Failure, not_before: Option<u64>) -> Verdict {
        Verdict::Retry {
            reason,
            not_before: not_before.map(Duration::from_secs),
        }
    }

    #[test]
    fn every_kind_of_answer_has_one_verdict() {
        use ErrorCode::*;
        let table = [
            (Outcome::NoAnswer, retry(Failure::Network, None)),
            (refused(500, Internal, None), retry(Internal.into(), None)),
            (refused(502, Internal, None), retry(Internal.into(), None)),
            (
                refused(503, Internal, Some(30)),
                retry(Internal.into(), Some(30)),
            ),
            (
                refused(429, RateLimited, Some(2)),
                retry(RateLimited.into(), Some(2)),
            ),
            (
                refused(429, RateLimited, None),
                retry(RateLimited.into(), None),
            ),
            (
                refused(408, InvalidInput, None),
                retry(InvalidInput.into(), None),
            ),
            (refused(401, Unauthorized, None), Verdict::SignIn),
            (
                refused(400, InvalidInput, None),
                Verdict::Fail(InvalidInput.into()),
            ),
            (
                refused(403, Forbidden, None),
                Verdict::Fail(Forbidden.into()),
            ),
            (refused(404, NotFound, None), Verdict::Fail(NotFound.into())),
            (
                refused(409, InvalidTransition, None),
                Verdict::Fail(InvalidTransition.into()),
            ),
            (
                refused(409, IdempotencyKeyReused, None),
                Verdict::Fail(IdempotencyKeyReused.into()),
            ),
            (
                refused(413, AttachmentTooLarge, None),
                Verdict::Fail(AttachmentTooLarge.into()),
            ),
            (
                refused(415, UnsupportedMediaType, None),
                Verdict::Fail(UnsupportedMediaType.into()),
            ),
            (
                refused(422, UnknownProperty, None),
                Verdict::Fail(UnknownProperty.into()),
            ),
            (
                refused(422, EmailInvalid, None),
                Verdict::Fail(EmailInvalid.into()),
            ),
            // A Retry-After on a refusal does not make it worth repeating.
            (
                refused(422, BodyEmpty, Some(5)),
                Verdict::Fail(BodyEmpty.into()),
            ),
            (
                Outcome::Unreadable,
                Verdict::Retry {
                    reason: Failure::Unexpected,
                    not_before: None,
                },
            ),
        ];
        for (outcome, expected) in table {
            assert_eq!(verdict(&outcome), expected, "{outcome:?}");
        }
    }

    #[test]
    fn a_single_answer_and_a_batch_items_answer_are_weighed_alike() {
        // The single path reads an ApiError; the batch path builds the outcome from a
        // status and a code. The same answer gives the same verdict either way.
        let single = ApiError::Server {
            status: 503,
            code: ErrorCode::Internal,
            message: String::new(),
            retry_after: None,
        };
        let item = refused(503, crate::api::code_for(503, None), None);
        assert_eq!(verdict(&single.outcome()), verdict(&item));
        assert_eq!(
            verdict(&ApiError::Network.outcome()),
            verdict(&Outcome::NoAnswer)
        );
        assert_eq!(
            verdict(&ApiError::Unauthorized.outcome()),
            verdict(&refused(401, ErrorCode::Unauthorized, None))
        );
        assert_eq!(
            verdict(&ApiError::Unexpected.outcome()),
            verdict(&Outcome::Unreadable)
        );
    }
}
