//! The case flow, written once for every backend: which steps a write takes and in
//! what order (claim the key, check the property, write the case and its event, link
//! the files, store the answer), what the lifecycle allows, and how rows become the
//! wire types. Backends only run the SQL of each step (see [`super::backend`]).

use std::collections::HashMap;
use std::time::Duration;

use pulse_protocol::input::MessageBody;
use pulse_protocol::input::{self, EmailAddress};
use pulse_protocol::lifecycle::{self, Actor, CaseStatus};
use pulse_protocol::lifecycle::{Move, ReplyClock};
use pulse_protocol::request::{CaseMove, ValidCase};
use pulse_protocol::topics::TopicId;
use pulse_protocol::wire::{
    Account, AttachmentRef, Author, CaseDetail, CaseEvent, CaseSummary, ContactKind, EventKind,
    HandlerCase, HandlerCaseDetail, HandlerRef, LinkInfo, LinkPurpose, PartnerProfile, Property,
    QueueView, SavedReply, TimelinePage, ViewCount,
};
use serde::de::DeserializeOwned;
use time::OffsetDateTime;
use tokio::sync::watch;
use uuid::Uuid;

use super::backend::MailRow;
use super::backend::PushRow;
use super::backend::{
    AnswerRef, Backend, CaseChange, CaseRow, ClaimRow, EventRow, HandlerCaseRow, NO_DUE,
    NewAccountRow, NewAttachmentRow, NewCaseRow, NewEventRow, QueueFilter, Tx, Write, Written,
};
use super::onboarding;
use super::push::{self, PushOutcomes};
use super::{
    AuthAccount, Database, IdempotencyKey, Mail, MailTarget, Mover, NewAccount, NewLink,
    PendingCap, QueueQuery, Result, SessionPolicy, StoreError, Stored, millis,
};

/// Most cases the demo's automatic handler takes in one round.
const STALE_BATCH: i64 = 100;
/// The newest events a case's answer carries; older ones come a page at a time.
pub const TIMELINE_PAGE: u32 = 200;
/// Idempotency answers deleted per transaction, so the writer is never held long.
const PURGE_SLICE: i64 = 1_000;

/// The server's storage: the case flow over backend `B`.
pub struct Store<B> {
    backend: B,
    /// How long after a partner's message a reply is due, in milliseconds.
    reply_within: i64,
}

impl<B: Backend> Store<B> {
    pub fn new(backend: B, reply_within: Duration) -> Store<B> {
        Store {
            backend,
            reply_within: millis(reply_within),
        }
    }

    /// The first answer to a write, read again from what it referenced.
    async fn replay<T: Replayable>(&self, answered: Answered) -> Result<Stored<T>> {
        let answer = match answered.answer {
            Answer::Ref(reference) => T::read(self, reference).await?,
            Answer::Json(json) => serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt(format!("a stored answer: {e}")))?,
        };
        Ok(Stored::Replayed {
            status: answered.status,
            answer,
        })
    }

    async fn finish<T: Replayable>(&self, outcome: Outcome<T>) -> Result<Stored<T>> {
        match outcome {
            Outcome::Fresh(value) => Ok(Stored::Fresh(value)),
            Outcome::Answered(answered) => self.replay(answered).await,
        }
    }

    /// Events as the wire shows them, with their files.
    /// Up to `limit` of a case's events before `before`, oldest first, and the id to ask
    /// before next when there are older ones.
    /// Handlers' notes and assignments among them when `internal`.
    async fn timeline(
        &self,
        id: Uuid,
        before: i64,
        limit: u32,
        internal: bool,
    ) -> Result<(Vec<CaseEvent>, Option<i64>)> {
        let mut rows = self
            .backend
            .case_events(id, before, i64::from(limit) + 1, internal)
            .await?;
        let more = rows.len() > limit as usize;
        rows.truncate(limit as usize);
        rows.reverse();
        let earlier = more.then(|| rows.first().map(|row| row.id)).flatten();
        Ok((self.events(rows).await?, earlier))
    }

    async fn events(&self, rows: Vec<EventRow>) -> Result<Vec<CaseEvent>> {
        let mut events = rows.into_iter().map(event).collect::<Result<Vec<_>>>()?;
        let ids: Vec<i64> = events.iter().map(|e| e.id).collect();
        if ids.is_empty() {
            return Ok(events);
        }
        let mut files: HashMap<i64, Vec<AttachmentRef>> = HashMap::new();
        for row in self.backend.linked_attachments(&ids).await? {
            files.entry(row.event_id).or_default().push(AttachmentRef {
                id: row.id,
                media_type: row.media_type,
                size: row.size as u64,
            });
        }
        for event in &mut events {
            if let Some(list) = files.remove(&event.id) {
                event.attachments = list;
            }
        }
        Ok(events)
    }

    /// The answer to opening case `id`, as it was given: the case as it stood with its
    /// first event, whatever happened to it since.
    async fn opening_answer(&self, id: Uuid) -> Result<CaseDetail> {
        let record = self
            .backend
            .case(id, None)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("a stored answer names case {id}")))?;
        let first = self.backend.first_event(id).await?;
        let first = self
            .events(first.into_iter().collect())
            .await?
            .pop()
            .ok_or_else(|| StoreError::Corrupt(format!("case {id} has no events")))?;
        Ok(opened(
            summary(record.case)?,
            from_json_opt(record.diagnostics)?,
            from_json_opt(record.contact)?,
            first,
            self.reply_within,
        ))
    }

    async fn stored_event(&self, id: i64) -> Result<CaseEvent> {
        let row = self
            .backend
            .event(id)
            .await?
            .ok_or_else(|| StoreError::Corrupt(format!("a stored answer names event {id}")))?;
        self.events(vec![row])
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }
}

#[async_trait::async_trait]
impl<B: Backend> Database for Store<B> {
    fn subscribe(&self) -> watch::Receiver<i64> {
        self.backend.subscribe()
    }

    async fn create_account(&self, account: &NewAccount) -> Result<i64> {
        let (account, email) = checked_account(account)?;
        self.backend.write(CreateAccount { account, email }).await
    }

    async fn login_record(&self, email: &str) -> Result<Option<(i64, String)>> {
        let row = self.backend.login_record(&input::email_key(email)).await?;
        Ok(row.map(|r| (r.id, r.password_hash)))
    }

    async fn account(&self, id: i64) -> Result<Account> {
        let row = self
            .backend
            .account(id)
            .await?
            .ok_or(StoreError::NotFound)?;
        let properties = self.backend.properties(id).await?;
        Ok(Account {
            id: row.id,
            role: actor(&row.role)?,
            name: row.name,
            email: row.email,
            country: row.country,
            in_eea: row.in_eea,
            properties: properties
                .into_iter()
                .map(|p| Property {
                    id: p.id,
                    name: p.name,
                })
                .collect(),
        })
    }

    async fn create_session(&self, account_id: i64, token_hash: &[u8; 32]) -> Result<()> {
        self.backend
            .write(CreateSession {
                account_id,
                token_hash: *token_hash,
            })
            .await
    }

    async fn delete_session(&self, token_hash: &[u8; 32]) -> Result<()> {
        self.backend
            .write(DeleteSession {
                token_hash: *token_hash,
            })
            .await
    }

    async fn delete_account_sessions(&self, account_id: i64) -> Result<()> {
        self.backend
            .write(DeleteAccountSessions { account_id })
            .await
    }

    async fn session_account(
        &self,
        token_hash: &[u8; 32],
        policy: SessionPolicy,
    ) -> Result<Option<AuthAccount>> {
        let Some(row) = self.backend.session_account(token_hash).await? else {
            return Ok(None);
        };
        let now = now_ms();
        if !policy.is_live(row.created_at, row.last_used_at, now) {
            return Ok(None);
        }
        if policy.needs_touch(row.last_used_at, now) {
            self.backend
                .write(TouchSession {
                    token_hash: *token_hash,
                    at_ms: now,
                })
                .await?;
        }
        Ok(Some(AuthAccount {
            id: row.id,
            role: actor(&row.role)?,
            name: row.name,
            in_eea: row.in_eea,
            email: row.email,
        }))
    }

    async fn live_sessions(
        &self,
        token_hashes: &[[u8; 32]],
        policy: SessionPolicy,
    ) -> Result<Vec<[u8; 32]>> {
        let now = now_ms();
        let mut live = Vec::new();
        // A bounded statement per slice, however many streams are open.
        for slice in token_hashes.chunks(500) {
            for row in self.backend.session_times(slice).await? {
                if policy.is_live(row.created_at, row.last_used_at, now)
                    && let Ok(hash) = <[u8; 32]>::try_from(row.token_hash.as_slice())
                {
                    live.push(hash);
                }
            }
        }
        Ok(live)
    }

    async fn purge_sessions(&self, policy: SessionPolicy) -> Result<u64> {
        let (used_before, created_before) = policy.cutoffs(now_ms());
        self.backend
            .write(PurgeSessions {
                used_before,
                created_before,
            })
            .await
    }

    async fn record_attachment(
        &self,
        account_id: i64,
        attachment: &AttachmentRef,
        cap: PendingCap,
    ) -> Result<()> {
        self.backend
            .write(RecordAttachment {
                account_id,
                attachment: attachment.clone(),
                cap,
            })
            .await
    }

    async fn has_room_for(&self, account_id: i64, bytes: u64, cap: PendingCap) -> Result<bool> {
        let (count, total) = self.backend.pending_file_totals(account_id).await?;
        let bytes = i64::try_from(bytes).unwrap_or(i64::MAX);
        Ok(cap.allows(count + 1, total.saturating_add(bytes)))
    }

    async fn purge_old_answers(&self, age: Duration) -> Result<u64> {
        let stored_before = older_than(age);
        let mut gone = 0;
        loop {
            let slice = self
                .backend
                .write(PurgeOldAnswers {
                    stored_before,
                    rows: PURGE_SLICE,
                })
                .await?;
            gone += slice;
            if slice < PURGE_SLICE as u64 {
                return Ok(gone);
            }
        }
    }

    async fn purge_unlinked_files(&self, age: Duration) -> Result<Vec<Uuid>> {
        self.backend
            .write(PurgeUnlinkedFiles {
                created_before: older_than(age),
            })
            .await
    }

    async fn own_attachment(&self, id: Uuid, viewer: &AuthAccount) -> Result<AttachmentRef> {
        let row = self
            .backend
            .attachment(id)
            .await?
            .ok_or(StoreError::NotFound)?;
        // Someone else's file does not exist here, for a handler either: a handler
        // reaches files through the case they belong to.
        if row.account_id != viewer.id {
            return Err(StoreError::NotFound);
        }
        Ok(attachment_ref(id, row))
    }

    async fn case_attachment(
        &self,
        case_id: Uuid,
        id: Uuid,
        viewer: &AuthAccount,
    ) -> Result<AttachmentRef> {
        let row = self
            .backend
            .attachment(id)
            .await?
            .ok_or(StoreError::NotFound)?;
        if row.case_id != Some(case_id) {
            return Err(StoreError::NotFound);
        }
        // A partner sees the files of their own cases only.
        let scope = (viewer.role != Actor::Handler).then_some(viewer.id);
        if self.backend.case(case_id, scope).await?.is_none() {
            return Err(StoreError::NotFound);
        }
        Ok(attachment_ref(id, row))
    }

    async fn create_case(
        &self,
        partner: &AuthAccount,
        idem: &IdempotencyKey,
        case: &ValidCase,
    ) -> Result<Stored<CaseDetail>> {
        let outcome = self
            .backend
            .write(CreateCase {
                id: Uuid::now_v7(),
                partner: partner.clone(),
                idem: idem.clone(),
                case: case.clone(),
                reply_within: self.reply_within,
            })
            .await?;
        self.finish(outcome).await
    }

    async fn create_cases(
        &self,
        partner: &AuthAccount,
        cases: Vec<(IdempotencyKey, ValidCase)>,
    ) -> Result<Vec<Result<Stored<CaseDetail>>>> {
        let outcomes = self
            .backend
            .write(CreateCases {
                reply_within: self.reply_within,
                partner: partner.clone(),
                cases: cases
                    .into_iter()
                    .map(|(idem, case)| (Uuid::now_v7(), idem, case))
                    .collect(),
            })
            .await?;
        let mut results = Vec::with_capacity(outcomes.len());
        for outcome in outcomes {
            results.push(match outcome {
                Ok(outcome) => self.finish(outcome).await,
                Err(error) => Err(error),
            });
        }
        Ok(results)
    }

    async fn partner_cases(
        &self,
        partner_id: i64,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<CaseSummary>, Option<i64>)> {
        let rows = self
            .backend
            .partner_cases(partner_id, before.unwrap_or(i64::MAX), i64::from(limit) + 1)
            .await?;
        let cases = rows.into_iter().map(summary).collect::<Result<Vec<_>>>()?;
        Ok(page(cases, limit, |c| c.last_event_id))
    }

    async fn handler_cases(
        &self,
        status: Option<CaseStatus>,
        before: Option<i64>,
        limit: u32,
    ) -> Result<(Vec<HandlerCase>, Option<i64>)> {
        let rows = self
            .backend
            .handler_cases(status, before.unwrap_or(i64::MAX), i64::from(limit) + 1)
            .await?;
        let cases = rows
            .into_iter()
            .map(handler_case)
            .collect::<Result<Vec<_>>>()?;
        Ok(page(cases, limit, |c| c.case.last_event_id))
    }

    async fn case_detail(&self, id: Uuid, viewer: &AuthAccount) -> Result<CaseDetail> {
        let scope = (viewer.role == Actor::Partner).then_some(viewer.id);
        let record = self
            .backend
            .case(id, scope)
            .await?
            .ok_or(StoreError::NotFound)?;
        let internal = viewer.role == Actor::Handler;
        let (timeline, earlier) = self.timeline(id, i64::MAX, TIMELINE_PAGE, internal).await?;
        let mut case = summary(record.case)?;
        if scope.is_some() && case.unread_count > 0 {
            // Reading is what a partner did; up to what they were shown, not what may
            // have been written since.
            self.backend
                .write(MarkRead {
                    case_id: id,
                    partner_id: viewer.id,
                    upto: case.last_event_id,
                })
                .await?;
            case.unread_count = 0;
        }
        Ok(CaseDetail {
            mediation_offered: lifecycle::mediation_offered(case.status, record.partner_in_eea),
            case,
            expected_next: record.expected_next,
            diagnostics: from_json_opt(record.diagnostics)?,
            contact: from_json_opt(record.contact)?,
            timeline,
            earlier,
        })
    }

    async fn case_timeline(
        &self,
        id: Uuid,
        viewer: &AuthAccount,
        before: i64,
        limit: u32,
    ) -> Result<TimelinePage> {
        let scope = (viewer.role == Actor::Partner).then_some(viewer.id);
        if self.backend.case(id, scope).await?.is_none() {
            return Err(StoreError::NotFound);
        }
        let internal = viewer.role == Actor::Handler;
        let (events, earlier) = self.timeline(id, before, limit, internal).await?;
        Ok(TimelinePage { events, earlier })
    }

    async fn apply_move(
        &self,
        case_id: Uuid,
        mover: &Mover,
        mv: &CaseMove,
        idem: Option<(&IdempotencyKey, u16)>,
    ) -> Result<Stored<CaseEvent>> {
        let outcome = self
            .backend
            .write(ApplyMove {
                case_id,
                mover: mover.clone(),
                mv: mv.clone(),
                idem: idem.map(|(key, status)| (key.clone(), status)),
                reply_within: self.reply_within,
            })
            .await?;
        self.finish(outcome).await
    }

    async fn events_after(
        &self,
        partner_id: i64,
        after: i64,
        limit: u32,
    ) -> Result<Vec<CaseEvent>> {
        let rows = self
            .backend
            .events_after(partner_id, after, i64::from(limit))
            .await?;
        self.events(rows).await
    }

    async fn events_since(&self, after: i64, limit: u32) -> Result<Vec<(i64, CaseEvent)>> {
        let rows = self.backend.events_since(after, i64::from(limit)).await?;
        let partners: Vec<i64> = rows.iter().map(|row| row.partner_id).collect();
        let events = self.events(rows).await?;
        Ok(partners.into_iter().zip(events).collect())
    }

    async fn stale_cases(&self, status: CaseStatus, age: Duration) -> Result<Vec<Uuid>> {
        self.backend
            .stale_cases(status, older_than(age), STALE_BATCH)
            .await
    }

    async fn queue(
        &self,
        handler: &AuthAccount,
        query: &QueueQuery,
    ) -> Result<(Vec<HandlerCase>, Option<String>)> {
        let mut filter = view_filter(query.view, handler.id, now_ms());
        filter.needle = query.needle.clone();
        filter.after = query
            .cursor
            .as_deref()
            .map(parse_queue_cursor)
            .transpose()?;
        let rows = self
            .backend
            .queue(&filter, i64::from(query.limit) + 1)
            .await?;
        let mut cases = rows
            .into_iter()
            .map(handler_case)
            .collect::<Result<Vec<_>>>()?;
        let more = cases.len() > query.limit as usize;
        cases.truncate(query.limit as usize);
        let next = more
            .then(|| cases.last().map(|c| queue_cursor(&c.case)))
            .flatten();
        Ok((cases, next))
    }

    async fn view_counts(&self, handler: &AuthAccount) -> Result<Vec<ViewCount>> {
        let now = now_ms();
        let mut counts = Vec::with_capacity(QueueView::ALL.len());
        for view in QueueView::ALL {
            let count = self
                .backend
                .count_cases(&view_filter(view, handler.id, now))
                .await?;
            counts.push(ViewCount { view, count });
        }
        Ok(counts)
    }

    async fn handler_case(&self, id: Uuid, _handler: &AuthAccount) -> Result<HandlerCaseDetail> {
        let record = self
            .backend
            .case(id, None)
            .await?
            .ok_or(StoreError::NotFound)?;
        // A person has the case before them: the demo's automatic handler keeps out.
        if !record.handler_seen {
            self.backend.write(MarkSeen { case_id: id }).await?;
        }
        let (timeline, earlier) = self.timeline(id, i64::MAX, TIMELINE_PAGE, true).await?;
        let property_id = record.case.property_id;
        let case = summary(record.case)?;
        Ok(HandlerCaseDetail {
            detail: CaseDetail {
                mediation_offered: lifecycle::mediation_offered(case.status, record.partner_in_eea),
                case,
                expected_next: record.expected_next,
                diagnostics: from_json_opt(record.diagnostics)?,
                contact: from_json_opt(record.contact)?,
                timeline,
                earlier,
            },
            partner: PartnerProfile {
                id: record.partner_id,
                name: record.partner_name,
                email: record.partner_email,
                country: record.partner_country,
                in_eea: record.partner_in_eea,
            },
            property: match (record.property_name, property_id) {
                (Some(name), Some(id)) => Some(Property { id, name }),
                _ => None,
            },
            language: record.language,
            assignee: assignee(record.assignee_id, record.assignee_name),
        })
    }

    async fn add_note(
        &self,
        case_id: Uuid,
        handler: &AuthAccount,
        body: &MessageBody,
    ) -> Result<CaseEvent> {
        self.backend
            .write(AddInternal {
                case_id,
                handler: handler.clone(),
                what: Internal::Note(body.as_str().to_owned()),
            })
            .await
    }

    async fn assign(&self, case_id: Uuid, by: &AuthAccount, to: Option<i64>) -> Result<CaseEvent> {
        self.backend
            .write(AddInternal {
                case_id,
                handler: by.clone(),
                what: Internal::Assign(to),
            })
            .await
    }

    async fn handlers(&self) -> Result<Vec<HandlerRef>> {
        Ok(self
            .backend
            .handlers()
            .await?
            .into_iter()
            .map(|row| HandlerRef {
                id: row.id,
                name: row.name,
            })
            .collect())
    }

    async fn handler_events_after(&self, after: i64, limit: u32) -> Result<Vec<CaseEvent>> {
        let rows = self.backend.events_since(after, i64::from(limit)).await?;
        self.events(rows).await
    }

    async fn saved_replies(&self, handler_id: i64) -> Result<Vec<SavedReply>> {
        Ok(self
            .backend
            .saved_replies(handler_id)
            .await?
            .into_iter()
            .map(|row| SavedReply {
                id: row.id,
                title: row.title,
                body: row.body,
            })
            .collect())
    }

    async fn add_saved_reply(
        &self,
        handler_id: i64,
        title: &str,
        body: &MessageBody,
    ) -> Result<SavedReply> {
        self.backend
            .write(KeepSavedReply {
                handler_id,
                id: None,
                title: title.to_owned(),
                body: body.as_str().to_owned(),
            })
            .await
    }

    async fn change_saved_reply(
        &self,
        handler_id: i64,
        id: i64,
        title: &str,
        body: &MessageBody,
    ) -> Result<SavedReply> {
        self.backend
            .write(KeepSavedReply {
                handler_id,
                id: Some(id),
                title: title.to_owned(),
                body: body.as_str().to_owned(),
            })
            .await
    }

    async fn delete_saved_reply(&self, handler_id: i64, id: i64) -> Result<()> {
        self.backend
            .write(DeleteSavedReply { handler_id, id })
            .await
    }

    async fn invite(&self, account: &NewAccount, link: &NewLink, mail: &Mail) -> Result<i64> {
        let (account, email) = checked_account(account)?;
        self.backend
            .write(onboarding::Invite {
                account,
                email,
                link: link.clone(),
                mail: mail.clone(),
                now: now_ms(),
            })
            .await
    }

    async fn mail_target(&self, email: &str) -> Result<Option<MailTarget>> {
        let Some(login) = self.backend.login_record(&input::email_key(email)).await? else {
            return Ok(None);
        };
        let Some(row) = self.backend.account(login.id).await? else {
            return Ok(None);
        };
        Ok(Some(MailTarget {
            account_id: row.id,
            role: actor(&row.role)?,
            name: row.name,
            email: row.email,
            language: row.language,
        }))
    }

    async fn start_reset(&self, account_id: i64, link: &NewLink, mail: &Mail) -> Result<()> {
        self.backend
            .write(onboarding::StartReset {
                account_id,
                link: link.clone(),
                mail: mail.clone(),
                now: now_ms(),
            })
            .await
    }

    async fn link_info(&self, token_hash: &[u8; 32]) -> Result<Option<LinkInfo>> {
        let Some(link) = self.backend.link(token_hash).await? else {
            return Ok(None);
        };
        if link.expires_at <= now_ms() {
            return Ok(None);
        }
        let purpose = LinkPurpose::from_wire(&link.purpose)
            .ok_or_else(|| unknown("link purpose", &link.purpose))?;
        Ok(Some(LinkInfo {
            purpose,
            email: link.email,
        }))
    }

    async fn use_link(
        &self,
        token_hash: &[u8; 32],
        password_hash: &str,
        session: &[u8; 32],
    ) -> Result<(i64, LinkPurpose)> {
        self.backend
            .write(onboarding::UseLink {
                token_hash: *token_hash,
                password_hash: password_hash.to_owned(),
                session: *session,
                now: now_ms(),
            })
            .await
    }

    async fn change_password(
        &self,
        account_id: i64,
        password_hash: &str,
        keep: &[u8; 32],
    ) -> Result<()> {
        self.backend
            .write(onboarding::ChangePassword {
                account_id,
                password_hash: password_hash.to_owned(),
                keep: *keep,
            })
            .await
    }

    async fn claim_mail(&self, lease: Duration) -> Result<Option<MailRow>> {
        let now = now_ms();
        self.backend
            .write(onboarding::ClaimMail {
                now,
                lease_until: now.saturating_add(millis(lease)),
            })
            .await
    }

    async fn mail_sent(&self, id: i64) -> Result<()> {
        self.backend.write(onboarding::MailSent { id }).await
    }

    async fn mail_failed(&self, id: i64, retry_in: Duration, error: &str) -> Result<()> {
        self.backend
            .write(onboarding::MailFailed {
                id,
                next_attempt_at: now_ms().saturating_add(millis(retry_in)),
                error: error.to_owned(),
            })
            .await
    }

    async fn register_device(
        &self,
        account_id: i64,
        session_hash: &[u8; 32],
        device: &pulse_protocol::push::ValidDevice,
    ) -> Result<pulse_protocol::push::Device> {
        let (id, at) = self
            .backend
            .write(push::RegisterDevice {
                account_id,
                session_hash: *session_hash,
                device: device.clone(),
                now: now_ms(),
            })
            .await?;
        // Registered again: the list has its first time.
        let devices = self.devices(account_id).await?;
        Ok(devices
            .into_iter()
            .find(|d| d.id == id)
            .unwrap_or(pulse_protocol::push::Device {
                id,
                platform: device.address.platform(),
                label: device.label.clone(),
                language: device.language.clone(),
                created_at: from_ms(at)?,
            }))
    }

    async fn devices(&self, account_id: i64) -> Result<Vec<pulse_protocol::push::Device>> {
        self.backend
            .devices(account_id)
            .await?
            .into_iter()
            .map(|row| {
                Ok(pulse_protocol::push::Device {
                    id: row.id,
                    platform: pulse_protocol::push::PushPlatform::from_wire(&row.platform)
                        .ok_or_else(|| {
                            StoreError::Corrupt(format!("a device's platform {:?}", row.platform))
                        })?,
                    label: row.label,
                    language: row.language,
                    created_at: from_ms(row.created_at)?,
                })
            })
            .collect()
    }

    async fn remove_device(&self, account_id: i64, id: Uuid) -> Result<()> {
        let gone = self
            .backend
            .write(push::RemoveDevice {
                id,
                account_id: Some(account_id),
            })
            .await?;
        if gone {
            Ok(())
        } else {
            Err(StoreError::NotFound)
        }
    }

    async fn mark_visible(&self, account_id: i64, id: Uuid, for_: Duration) -> Result<bool> {
        let until = if for_.is_zero() {
            0
        } else {
            now_ms().saturating_add(millis(for_))
        };
        self.backend
            .write(push::MarkVisible {
                id,
                account_id,
                until,
            })
            .await
    }

    async fn claim_pushes(&self, lease: Duration, limit: u32) -> Result<Vec<PushRow>> {
        let now = now_ms();
        self.backend
            .write(push::ClaimPushes {
                now,
                lease_until: now.saturating_add(millis(lease)),
                limit: i64::from(limit),
            })
            .await
    }

    async fn record_pushes(&self, outcomes: PushOutcomes) -> Result<()> {
        if outcomes.is_empty() {
            return Ok(());
        }
        self.backend.write(push::RecordPushes(outcomes)).await
    }

    async fn take_request(&self, key: &[u8; 32]) -> Result<std::result::Result<(), Duration>> {
        self.backend.take_request(key).await
    }

    async fn forget_idle_allowances(&self) -> Result<()> {
        self.backend.forget_idle_allowances().await
    }
}

/// An account as it may be stored: a complete e-mail address, and names that are one
/// line of visible text each, as long as a name the app lets a partner type (they are
/// shown to partners and handlers alike, whoever makes the account).
fn checked_account(account: &NewAccount) -> Result<(NewAccount, EmailAddress)> {
    let email = EmailAddress::parse(&account.email).map_err(|_| StoreError::EmailInvalid)?;
    let line = |raw: &str| match input::parse_line(raw, input::MAX_NAME_CHARS) {
        Ok(Some(line)) => Ok(line),
        Ok(None) => Err(StoreError::Input(input::InputError::TextInvalid)),
        Err(error) => Err(StoreError::Input(error)),
    };
    let mut account = account.clone();
    account.name = line(&account.name)?;
    account.properties = account
        .properties
        .iter()
        .map(|p| line(p))
        .collect::<Result<_>>()?;
    Ok((account, email))
}

// ----- the writes -----

struct CreateAccount {
    account: NewAccount,
    email: EmailAddress,
}

impl Write for CreateAccount {
    type Output = i64;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<i64>> {
        let account = &self.account;
        let id = tx
            .insert_account(&NewAccountRow {
                role: account.role,
                email: self.email.as_str(),
                email_key: &self.email.key(),
                name: &account.name,
                password_hash: &account.password_hash,
                country: &account.country,
                in_eea: account.in_eea,
                language: &account.language,
                created_at: now_ms(),
            })
            .await?
            .ok_or(StoreError::EmailTaken)?;
        for name in &account.properties {
            tx.insert_property(id, name).await?;
        }
        Ok(Written::quiet(id))
    }
}

struct CreateSession {
    account_id: i64,
    token_hash: [u8; 32],
}

impl Write for CreateSession {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.insert_session(&self.token_hash, self.account_id, now_ms())
            .await?;
        Ok(Written::quiet(()))
    }
}

struct DeleteSession {
    token_hash: [u8; 32],
}

impl Write for DeleteSession {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.delete_session(&self.token_hash).await?;
        Ok(Written::quiet(()))
    }
}

struct TouchSession {
    token_hash: [u8; 32],
    at_ms: i64,
}

impl Write for TouchSession {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.touch_session(&self.token_hash, self.at_ms).await?;
        Ok(Written::quiet(()))
    }
}

struct DeleteAccountSessions {
    account_id: i64,
}

impl Write for DeleteAccountSessions {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.delete_account_sessions(self.account_id).await?;
        Ok(Written::quiet(()))
    }
}

struct PurgeSessions {
    used_before: i64,
    created_before: i64,
}

impl Write for PurgeSessions {
    type Output = u64;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<u64>> {
        let gone = tx
            .delete_ended_sessions(self.used_before, self.created_before)
            .await?;
        Ok(Written::quiet(gone))
    }
}

struct PurgeOldAnswers {
    stored_before: i64,
    rows: i64,
}

impl Write for PurgeOldAnswers {
    type Output = u64;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<u64>> {
        let gone = tx.delete_old_answers(self.stored_before, self.rows).await?;
        Ok(Written::quiet(gone))
    }
}

struct PurgeUnlinkedFiles {
    created_before: i64,
}

impl Write for PurgeUnlinkedFiles {
    type Output = Vec<Uuid>;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<Vec<Uuid>>> {
        let gone = tx.delete_unlinked_files(self.created_before).await?;
        Ok(Written::quiet(gone))
    }
}

struct RecordAttachment {
    account_id: i64,
    attachment: AttachmentRef,
    cap: PendingCap,
}

impl Write for RecordAttachment {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        let (count, bytes) = tx.pending_files(self.account_id).await?;
        let size = i64::try_from(self.attachment.size).unwrap_or(i64::MAX);
        if !self.cap.allows(count + 1, bytes.saturating_add(size)) {
            return Err(StoreError::TooManyPendingFiles);
        }
        tx.insert_attachment(&NewAttachmentRow {
            id: self.attachment.id,
            account_id: self.account_id,
            media_type: &self.attachment.media_type,
            size: i64::try_from(self.attachment.size).unwrap_or(i64::MAX),
            created_at: now_ms(),
        })
        .await?;
        Ok(Written::quiet(()))
    }
}

struct MarkRead {
    case_id: Uuid,
    partner_id: i64,
    upto: i64,
}

impl Write for MarkRead {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.mark_read(self.case_id, self.partner_id, self.upto)
            .await?;
        Ok(Written::quiet(()))
    }
}

struct MarkSeen {
    case_id: Uuid,
}

impl Write for MarkSeen {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        tx.mark_handler_seen(self.case_id).await?;
        Ok(Written::quiet(()))
    }
}

/// What a handler adds that only handlers see.
enum Internal {
    Note(String),
    /// To this handler, or to nobody.
    Assign(Option<i64>),
}

struct AddInternal {
    case_id: Uuid,
    handler: AuthAccount,
    what: Internal,
}

impl Write for AddInternal {
    type Output = CaseEvent;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<CaseEvent>> {
        let target = tx
            .case_for_move(self.case_id, None)
            .await?
            .ok_or(StoreError::NotFound)?;
        let (kind, body) = match &self.what {
            Internal::Note(body) => (EventKind::Note, Some(body.clone())),
            Internal::Assign(None) => (EventKind::Assigned, None),
            Internal::Assign(Some(handler)) => {
                let name = tx
                    .handler_name(*handler)
                    .await?
                    .ok_or(StoreError::UnknownHandler)?;
                (EventKind::Assigned, Some(name))
            }
        };
        let row = NewEventRow {
            case_id: self.case_id,
            partner_id: target.partner_id,
            kind,
            status: status(&target.status)?,
            author_role: Actor::Handler,
            author_name: &self.handler.name,
            body: body.as_deref(),
            outcome: None,
            expected_next: None,
            created_at: now_ms(),
            internal: true,
        };
        // Row locks (the case's, and the assignee's account's for the foreign key) before
        // the event, which takes the ordering lock on PostgreSQL.
        match &self.what {
            Internal::Note(body) => {
                tx.extend_search(self.case_id, &input::search_text([body.as_str()]))
                    .await?;
                tx.mark_handler_seen(self.case_id).await?;
            }
            Internal::Assign(to) => tx.set_assignee(self.case_id, *to).await?,
        }
        let id = tx.append_internal_event(&row).await?;
        Ok(Written {
            value: written_event(id, &row, Vec::new())?,
            newest_event: id,
        })
    }
}

/// A saved reply kept new (`id` none) or changed.
struct KeepSavedReply {
    handler_id: i64,
    id: Option<i64>,
    title: String,
    body: String,
}

impl Write for KeepSavedReply {
    type Output = SavedReply;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<SavedReply>> {
        let id = match self.id {
            Some(id) => {
                if !tx
                    .update_saved_reply(id, self.handler_id, &self.title, &self.body)
                    .await?
                {
                    return Err(StoreError::NotFound);
                }
                id
            }
            None => {
                let kept = tx.count_saved_replies(self.handler_id).await?;
                if kept >= input::MAX_SAVED_REPLIES as i64 {
                    return Err(StoreError::TooManySavedReplies);
                }
                tx.insert_saved_reply(self.handler_id, &self.title, &self.body, now_ms())
                    .await?
            }
        };
        Ok(Written::quiet(SavedReply {
            id,
            title: self.title,
            body: self.body,
        }))
    }
}

struct DeleteSavedReply {
    handler_id: i64,
    id: i64,
}

impl Write for DeleteSavedReply {
    type Output = ();

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<()>> {
        if !tx.delete_saved_reply(self.id, self.handler_id).await? {
            return Err(StoreError::NotFound);
        }
        Ok(Written::quiet(()))
    }
}

/// A new case, under the id it will have if the key is new: made before the write (a
/// time-ordered id), so the transaction does no more than write.
struct CreateCase {
    id: Uuid,
    partner: AuthAccount,
    idem: IdempotencyKey,
    case: ValidCase,
    reply_within: i64,
}

impl Write for CreateCase {
    type Output = Outcome<CaseDetail>;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<Outcome<CaseDetail>>> {
        if let Some(claim) = tx.claim_key(self.partner.id, &self.idem).await? {
            return Ok(Written::quiet(Outcome::Answered(answered(
                claim, &self.idem,
            )?)));
        }
        open_claimed_case(
            tx,
            self.id,
            &self.partner,
            &self.idem,
            &self.case,
            self.reply_within,
        )
        .await
    }
}

/// New cases of one partner, in order, each under its own key and in a savepoint of
/// its own, so a refused one leaves the others.
struct CreateCases {
    reply_within: i64,
    partner: AuthAccount,
    cases: Vec<(Uuid, IdempotencyKey, ValidCase)>,
}

impl Write for CreateCases {
    type Output = Vec<Result<Outcome<CaseDetail>>>;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<Self::Output>> {
        let partner = self.partner.id;
        // Every key is claimed before any case is written. Writing a case's event takes
        // the ordering lock until the commit; a key claimed after that could wait on a
        // single request holding that key, which in turn waits for the lock: a deadlock.
        // A key used twice in the batch is claimed at its second turn, after the first.
        let mut seen = std::collections::HashSet::new();
        let mut claims = Vec::with_capacity(self.cases.len());
        for (_, idem, _) in &self.cases {
            claims.push(match seen.insert(idem.key.as_str()) {
                true => Some(tx.claim_key(partner, idem).await?),
                false => None,
            });
        }
        let mut newest = 0;
        let mut outcomes = Vec::with_capacity(self.cases.len());
        for ((id, idem, case), claim) in self.cases.iter().zip(claims) {
            let claim = match claim {
                Some(claim) => claim,
                None => tx.claim_key(partner, idem).await?,
            };
            if let Some(claim) = claim {
                outcomes.push(answered(claim, idem).map(Outcome::Answered));
                continue;
            }
            tx.savepoint().await?;
            let result =
                open_claimed_case(tx, *id, &self.partner, idem, case, self.reply_within).await;
            tx.end_savepoint(result.is_ok()).await?;
            if result.is_err() {
                // Refused: its key is free for a corrected resend.
                tx.release_key(partner, idem).await?;
            }
            outcomes.push(result.map(|written| {
                newest = newest.max(written.newest_event);
                written.value
            }));
        }
        Ok(Written {
            value: outcomes,
            newest_event: newest,
        })
    }
}

struct ApplyMove {
    case_id: Uuid,
    mover: Mover,
    mv: CaseMove,
    idem: Option<(IdempotencyKey, u16)>,
    reply_within: i64,
}

impl Write for ApplyMove {
    type Output = Outcome<CaseEvent>;

    async fn run<T: Tx>(self, tx: &mut T) -> Result<Written<Outcome<CaseEvent>>> {
        let (mover, mv) = (&self.mover, &self.mv);
        // Only a partner's writes carry keys: the app resends them.
        let keyed = match (&self.idem, mover.partner_scope) {
            (Some((idem, status)), Some(partner)) => Some((idem, *status, partner)),
            _ => None,
        };
        if let Some((idem, _, partner)) = keyed
            && let Some(claim) = tx.claim_key(partner, idem).await?
        {
            return Ok(Written::quiet(Outcome::Answered(answered(claim, idem)?)));
        }
        let target = tx
            .case_for_move(self.case_id, mover.partner_scope)
            .await?
            .ok_or(StoreError::NotFound)?;
        if mover.automatic && (target.handler_seen || target.assignee_id.is_some()) {
            // A person got to the case first: it is theirs.
            return Err(StoreError::NotFound);
        }
        let from = status(&target.status)?;
        let to = lifecycle::apply(from, mv.mv(), mover.actor, target.in_eea)?;
        let at = OffsetDateTime::now_utc();
        let row = NewEventRow {
            case_id: self.case_id,
            partner_id: target.partner_id,
            kind: EventKind::of(mv.mv()),
            status: to,
            author_role: mover.actor,
            author_name: &mover.name,
            body: mv.body().map(|b| b.as_str()),
            outcome: mv.outcome().map(|o| o.as_str()),
            expected_next: mv.expected_next().map(|e| e.as_str()),
            created_at: ms(at),
            internal: false,
        };
        let change = CaseChange {
            status: to,
            outcome: row.outcome,
            expected_next: row.expected_next,
            at: row.created_at,
            reply_due_at: match lifecycle::reply_clock(mv.mv(), to) {
                ReplyClock::Start => Some(Some(row.created_at.saturating_add(self.reply_within))),
                ReplyClock::Keep => None,
                ReplyClock::Stop => Some(None),
            },
        };
        // The case's own row first (it is locked already); the event, which takes the
        // ordering lock on PostgreSQL, last.
        let words = [row.body, row.outcome, row.expected_next];
        if words.iter().any(Option::is_some) {
            tx.extend_search(
                self.case_id,
                &input::search_text(words.into_iter().flatten()),
            )
            .await?;
        }
        if mover.actor == Actor::Handler && !mover.automatic && !target.handler_seen {
            tx.mark_handler_seen(self.case_id).await?;
        }
        let id = tx.append_event(&row, &change).await?;
        let attachments = link_files(tx, id, mover.account_id, mv.attachment_ids()).await?;
        if pulse_protocol::push::notifies_partner(row.author_role, row.kind) {
            // In the event's transaction: a crash loses neither or both.
            tx.enqueue_pushes(target.partner_id, id, row.created_at)
                .await?;
        }
        let event = written_event(id, &row, attachments)?;
        if let Some((idem, status, partner)) = keyed {
            tx.store_answer(partner, idem, status, AnswerRef::Event(id))
                .await?;
        }
        Ok(Written {
            value: Outcome::Fresh(event),
            newest_event: id,
        })
    }
}

/// A write that was done now, or whose key had been used: then its first answer,
/// read after the transaction (it references rows that never change).
enum Outcome<T> {
    Fresh(T),
    Answered(Answered),
}

struct Answered {
    status: u16,
    answer: Answer,
}

enum Answer {
    Ref(AnswerRef),
    /// Stored whole, by servers from before answers were references.
    Json(String),
}

/// What can be replayed from a reference.
trait Replayable: DeserializeOwned + Send + Sized {
    fn read<B: Backend>(
        store: &Store<B>,
        reference: AnswerRef,
    ) -> impl std::future::Future<Output = Result<Self>> + Send;
}

impl Replayable for CaseDetail {
    async fn read<B: Backend>(store: &Store<B>, reference: AnswerRef) -> Result<CaseDetail> {
        match reference {
            AnswerRef::Case(id) => store.opening_answer(id).await,
            AnswerRef::Event(_) => Err(StoreError::Corrupt(
                "a new case's key names an event".into(),
            )),
        }
    }
}

impl Replayable for CaseEvent {
    async fn read<B: Backend>(store: &Store<B>, reference: AnswerRef) -> Result<CaseEvent> {
        match reference {
            AnswerRef::Event(id) => store.stored_event(id).await,
            AnswerRef::Case(_) => Err(StoreError::Corrupt("a move's key names a case".into())),
        }
    }
}

/// A used key: the first request's answer if this is the same request, refused if not.
fn answered(claim: ClaimRow, idem: &IdempotencyKey) -> Result<Answered> {
    if claim.request_hash != idem.request_hash {
        return Err(StoreError::IdempotencyKeyReused);
    }
    let status = u16::try_from(claim.response_status)
        .map_err(|_| StoreError::Corrupt("a stored status".into()))?;
    let answer = match (claim.answer_case, claim.answer_event) {
        (Some(case), _) => Answer::Ref(AnswerRef::Case(case)),
        (None, Some(event)) => Answer::Ref(AnswerRef::Event(event)),
        (None, None) => Answer::Json(claim.legacy_body),
    };
    Ok(Answered { status, answer })
}

/// Opens a case under a key this transaction has claimed.
async fn open_claimed_case<T: Tx>(
    tx: &mut T,
    id: Uuid,
    partner: &AuthAccount,
    idem: &IdempotencyKey,
    case: &ValidCase,
    reply_within: i64,
) -> Result<Written<Outcome<CaseDetail>>> {
    if let Some(property) = case.property_id
        && !tx.owns_property(partner.id, property).await?
    {
        return Err(StoreError::UnknownProperty);
    }
    let at = OffsetDateTime::now_utc();
    let diagnostics = to_json_opt(&case.diagnostics)?;
    let contact = to_json_opt(&case.contact.as_ref().map(|c| c.to_wire()))?;
    let opening = case.opening_move();
    let event_row = NewEventRow {
        case_id: id,
        partner_id: partner.id,
        kind: EventKind::Submitted,
        status: CaseStatus::Submitted,
        author_role: Actor::Partner,
        author_name: &partner.name,
        body: opening.body().map(|b| b.as_str()),
        outcome: None,
        expected_next: None,
        created_at: ms(at),
        internal: false,
    };
    let reply_due_at = match lifecycle::reply_clock(Move::Submit, CaseStatus::Submitted) {
        ReplyClock::Start => Some(ms(at).saturating_add(reply_within)),
        ReplyClock::Keep | ReplyClock::Stop => None,
    };
    let search_text = super::backend::case_search_text(
        id,
        &partner.name,
        &partner.email,
        case.reservation_ref.as_ref().map(|r| r.as_str()),
        [case.body.as_str()],
    );
    let case_row = NewCaseRow {
        id,
        partner_id: partner.id,
        kind: case.kind,
        topic: case.choice.topic(),
        subtopic: case.choice.subtopic(),
        property_id: case.property_id,
        reservation_ref: case.reservation_ref.as_ref().map(|r| r.as_str()),
        status: CaseStatus::Submitted,
        diagnostics: diagnostics.as_deref(),
        contact: contact.as_deref(),
        client_created_at: ms(case.client_created_at),
        created_at: ms(at),
        reply_due_at,
        language: case.language.as_deref(),
        search_text: &search_text,
    };
    let event_id = tx.open_case(&case_row, &event_row).await?;
    let attachments = link_files(tx, event_id, partner.id, opening.attachment_ids()).await?;
    let first = written_event(event_id, &event_row, attachments)?;
    // The answer is built from what was just written, not read back.
    let detail = opened(
        CaseSummary {
            id,
            kind: case.kind,
            topic: case.choice.topic(),
            subtopic: case.choice.subtopic().to_owned(),
            property_id: case.property_id,
            reservation_ref: case.reservation_ref.as_ref().map(|r| r.as_str().to_owned()),
            status: CaseStatus::Submitted,
            outcome: None,
            created_at: from_ms(ms(at))?,
            last_activity_at: from_ms(ms(at))?,
            last_event_id: event_id,
            unread_count: 0,
            reply_due_at: reply_due_at.map(from_ms).transpose()?,
        },
        case.diagnostics.clone(),
        case.contact.as_ref().map(|c| c.to_wire()),
        first,
        reply_within,
    );
    tx.store_answer(partner.id, idem, 201, AnswerRef::Case(id))
        .await?;
    Ok(Written {
        value: Outcome::Fresh(detail),
        newest_event: event_id,
    })
}

/// Links the files a message carries to its event, in the order given.
async fn link_files<T: Tx>(
    tx: &mut T,
    event_id: i64,
    uploader: i64,
    ids: &[Uuid],
) -> Result<Vec<AttachmentRef>> {
    let mut files = Vec::with_capacity(ids.len());
    for (position, id) in ids.iter().enumerate() {
        let linked = tx
            .link_attachment(event_id, uploader, *id, position as i64)
            .await?
            .ok_or(StoreError::UnknownAttachment)?;
        files.push(AttachmentRef {
            id: *id,
            media_type: linked.media_type,
            size: linked.size as u64,
        });
    }
    Ok(files)
}

/// A stored file as the API names it.
fn attachment_ref(id: Uuid, row: super::backend::AttachmentRow) -> AttachmentRef {
    AttachmentRef {
        id,
        media_type: row.media_type,
        size: row.size as u64,
    }
}

/// The answer to opening a case: the case as it stood then, with its first event.
/// Whatever the summary says of later activity is set back to the opening.
fn opened(
    mut case: CaseSummary,
    diagnostics: Option<std::collections::BTreeMap<String, String>>,
    contact: Option<pulse_protocol::wire::ContactDetails>,
    first: CaseEvent,
    reply_within: i64,
) -> CaseDetail {
    case.reply_due_at = case
        .created_at
        .checked_add(time::Duration::milliseconds(reply_within));
    case.status = CaseStatus::Submitted;
    case.outcome = None;
    case.last_activity_at = case.created_at;
    case.last_event_id = first.id;
    case.unread_count = 0;
    CaseDetail {
        case,
        expected_next: None,
        diagnostics,
        contact,
        mediation_offered: false,
        timeline: vec![first],
        earlier: None,
    }
}

/// An event as written, without reading it back.
fn written_event(
    id: i64,
    row: &NewEventRow<'_>,
    attachments: Vec<AttachmentRef>,
) -> Result<CaseEvent> {
    Ok(CaseEvent {
        id,
        case_id: row.case_id,
        kind: row.kind,
        status: row.status,
        at: from_ms(row.created_at)?,
        author: Author {
            role: row.author_role,
            name: row.author_name.to_owned(),
        },
        body: row.body.map(str::to_owned),
        attachments,
        outcome: row.outcome.map(str::to_owned),
        expected_next: row.expected_next.map(str::to_owned),
    })
}

// ----- rows to wire types -----

fn summary(row: CaseRow) -> Result<CaseSummary> {
    Ok(CaseSummary {
        id: row.id,
        kind: ContactKind::from_wire(&row.kind).ok_or_else(|| unknown("kind", &row.kind))?,
        topic: TopicId::from_wire(&row.topic).ok_or_else(|| unknown("topic", &row.topic))?,
        subtopic: row.subtopic,
        property_id: row.property_id,
        reservation_ref: row.reservation_ref,
        status: status(&row.status)?,
        outcome: row.outcome,
        created_at: from_ms(row.created_at)?,
        last_activity_at: from_ms(row.last_activity_at)?,
        last_event_id: row.last_event_id,
        unread_count: row.unread_count,
        reply_due_at: row.reply_due_at.map(from_ms).transpose()?,
    })
}

fn handler_case(row: HandlerCaseRow) -> Result<HandlerCase> {
    Ok(HandlerCase {
        case: summary(row.case)?,
        partner_id: row.partner_id,
        partner_name: row.partner_name,
        partner_in_eea: row.partner_in_eea,
        assignee: assignee(row.assignee_id, row.assignee_name),
    })
}

fn assignee(id: Option<i64>, name: Option<String>) -> Option<HandlerRef> {
    Some(HandlerRef {
        id: id?,
        name: name.unwrap_or_default(),
    })
}

/// Which cases a view holds for `handler` at `now`.
fn view_filter(view: QueueView, handler: i64, now: i64) -> QueueFilter {
    let open = QueueFilter {
        open: true,
        ..QueueFilter::default()
    };
    match view {
        QueueView::New => QueueFilter {
            status: Some(CaseStatus::Submitted),
            ..QueueFilter::default()
        },
        QueueView::Overdue => QueueFilter {
            due_by: Some(now),
            ..open
        },
        QueueView::DueSoon => QueueFilter {
            due_after: Some(now),
            due_by: Some(now.saturating_add(pulse_protocol::wire::DUE_SOON_HOURS * 3_600_000)),
            ..open
        },
        QueueView::Waiting => QueueFilter {
            status: Some(CaseStatus::AwaitingPartner),
            ..QueueFilter::default()
        },
        QueueView::Mine => QueueFilter {
            assignee: Some(handler),
            ..open
        },
        QueueView::Unassigned => QueueFilter {
            unassigned: true,
            ..open
        },
        QueueView::Open => open,
        QueueView::Closed => QueueFilter {
            status: Some(CaseStatus::Closed),
            ..QueueFilter::default()
        },
    }
}

/// Where the next page of a queue starts: after this case in the queue's order.
fn queue_cursor(case: &CaseSummary) -> String {
    let due = case.reply_due_at.map_or(NO_DUE, ms);
    format!("{due}.{}", case.last_event_id)
}

fn parse_queue_cursor(raw: &str) -> Result<(i64, i64)> {
    let invalid = || StoreError::Input(input::InputError::CursorInvalid);
    let (due, activity) = raw.split_once('.').ok_or_else(invalid)?;
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
            .ok_or_else(invalid)
    };
    Ok((number(due)?, number(activity)?))
}

fn event(row: EventRow) -> Result<CaseEvent> {
    Ok(CaseEvent {
        id: row.id,
        case_id: row.case_id,
        kind: EventKind::from_wire(&row.kind).ok_or_else(|| unknown("event kind", &row.kind))?,
        status: status(&row.status)?,
        at: from_ms(row.created_at)?,
        author: Author {
            role: actor(&row.author_role)?,
            name: row.author_name,
        },
        body: row.body,
        attachments: Vec::new(),
        outcome: row.outcome,
        expected_next: row.expected_next,
    })
}

fn status(raw: &str) -> Result<CaseStatus> {
    CaseStatus::from_wire(raw).ok_or_else(|| unknown("status", raw))
}

fn actor(raw: &str) -> Result<Actor> {
    Actor::from_wire(raw).ok_or_else(|| unknown("role", raw))
}

fn unknown(what: &str, raw: &str) -> StoreError {
    StoreError::Corrupt(format!("unknown {what} {raw:?}"))
}

/// Cuts a page of `limit` from `limit + 1` rows; the cursor is the last row's marker.
fn page<T>(mut rows: Vec<T>, limit: u32, marker: impl Fn(&T) -> i64) -> (Vec<T>, Option<i64>) {
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next = if more { rows.last().map(marker) } else { None };
    (rows, next)
}

fn to_json_opt<T: serde::Serialize>(value: &Option<T>) -> Result<Option<String>> {
    value
        .as_ref()
        .map(|v| serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

fn from_json_opt<T: DeserializeOwned>(raw: Option<String>) -> Result<Option<T>> {
    raw.map(|raw| serde_json::from_str(&raw).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

fn now_ms() -> i64 {
    ms(OffsetDateTime::now_utc())
}

/// The time, in stored milliseconds, `age` ago.
fn older_than(age: Duration) -> i64 {
    now_ms().saturating_sub(super::millis(age))
}

/// Times are stored as milliseconds since the epoch, on both backends.
fn ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

fn from_ms(ms: i64) -> Result<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map_err(|e| StoreError::Corrupt(e.to_string()))
}
