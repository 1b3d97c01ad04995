//! The sync worker: one task that drains the outbox in order, attachments first, and
//! decides retries. See the crate docs for the rules. New cases waiting in a row
//! without files go in one batch request, created by the server in the same order.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use pulse_protocol::wire::{BatchOutcome, CaseBatch, KeyedCase, MAX_BATCH_CASES};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::Inner;
use crate::api::{Api, ApiError};
use crate::model::{Change, OutboxItem, OutboxPayload, OutboxState};
use crate::store::StoreError;

enum Next {
    /// Something happened; look at the queue again at once.
    Again,
    /// Nothing to send until woken.
    Idle,
    /// The head item waits for its retry time.
    Wait(Duration),
}

pub(crate) async fn run(inner: Arc<Inner>) {
    let mut shutdown = inner.shutdown.subscribe();
    // Off for good once a server refuses batches (one without the batch endpoint).
    let mut batching = true;
    loop {
        if *shutdown.borrow_and_update() {
            return;
        }
        let wait = match step(&inner, &mut batching).await {
            Next::Again => continue,
            Next::Idle => Duration::from_secs(3600),
            Next::Wait(d) => d,
        };
        tokio::select! {
            _ = inner.outbox_wake.notified() => {}
            _ = crate::rt::sleep(wait) => {}
            _ = shutdown.changed() => return,
        }
    }
}

async fn step(inner: &Inner, batching: &mut bool) -> Next {
    let Some(session) = inner.session() else {
        return Next::Idle;
    };
    if session.paused {
        return Next::Idle;
    }
    let most = inner.config.max_batch.clamp(1, MAX_BATCH_CASES);
    let pending = match inner.store.outbox_pending(session.account.id, most) {
        Ok(pending) => pending,
        Err(error) => {
            tracing::error!(%error, "outbox cannot be read");
            return Next::Wait(Duration::from_secs(5));
        }
    };
    let Some(head) = pending.first() else {
        return Next::Idle;
    };
    let attempts = match &head.state {
        OutboxState::Queued {
            attempts,
            next_attempt_at,
            ..
        } => {
            let now = OffsetDateTime::now_utc();
            if *next_attempt_at > now {
                let wait = (*next_attempt_at - now).unsigned_abs();
                return Next::Wait(wait);
            }
            *attempts
        }
        // Interrupted while sending (the app was killed): send again, same key.
        _ => 0,
    };
    // New cases without files waiting in a row go together, in one request.
    let run: Vec<&OutboxItem> = pending
        .iter()
        .take_while(|item| {
            *batching
                && matches!(&item.payload, OutboxPayload::NewCase { files, .. } if files.is_empty())
        })
        .collect();
    let sending: Vec<Uuid> = if run.len() > 1 {
        run.iter().map(|i| i.id).collect()
    } else {
        vec![head.id]
    };
    if let Err(error) = inner.store.mark_sending(&sending) {
        tracing::error!(%error, "outbox cannot be written");
        return Next::Wait(Duration::from_secs(5));
    }
    inner.emit(Change::Outbox);
    let next = if run.len() > 1 {
        send_batch(inner, &session.api, &run, attempts, batching).await
    } else {
        send_one(inner, &session.api, head, attempts).await
    };
    inner.emit(Change::Outbox);
    match next {
        Ok(next) => next,
        Err(error) => {
            tracing::error!(%error, "outbox cannot be written");
            Next::Wait(Duration::from_secs(5))
        }
    }
}

async fn send_one(
    inner: &Inner,
    api: &Api,
    item: &OutboxItem,
    attempts: u32,
) -> Result<Next, StoreError> {
    match send(inner, api, item).await {
        Ok(answer) => {
            inner.saw_network(true);
            match &answer {
                Answer::Case(detail) => inner.store.mark_cases_sent(&[(item.id, detail)])?,
                Answer::Event(event) => inner.store.mark_event_sent(item.id, event)?,
            }
            inner.emit(Change::Cases);
            Ok(Next::Again)
        }
        Err(Failure::Api(error)) => not_sent(inner, &[item.id], attempts, error),
        Err(Failure::LocalFile(file)) => {
            inner.store.mark_failed(
                item.id,
                "attachment_missing",
                &format!("the attachment {file} is no longer on this device"),
            )?;
            Ok(Next::Again)
        }
    }
}

async fn send_batch(
    inner: &Inner,
    api: &Api,
    run: &[&OutboxItem],
    attempts: u32,
    batching: &mut bool,
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
    let outcomes = match api.create_cases(&CaseBatch { cases }).await {
        Ok(outcomes) => outcomes,
        Err(error @ ApiError::Server { status, .. }) if !error.is_transient() && status != 422 => {
            // This server takes no batches: send one by one from now on.
            tracing::warn!(code = error.code(), "batches refused; sending one by one");
            *batching = false;
            for id in &ids {
                inner.store.mark_queued(*id)?;
            }
            return Ok(Next::Again);
        }
        Err(error) => return not_sent(inner, &ids, attempts, error),
    };
    inner.saw_network(true);
    let mut by_key: HashMap<Uuid, BatchOutcome> =
        outcomes.outcomes.into_iter().map(|o| (o.key, o)).collect();
    let mut cases = Vec::with_capacity(ids.len());
    for id in &ids {
        match by_key.remove(id) {
            Some(BatchOutcome {
                case: Some(case), ..
            }) => cases.push((*id, case)),
            Some(BatchOutcome {
                status,
                error: Some(error),
                ..
            }) if (400..500).contains(&status) && status != 429 => {
                inner
                    .store
                    .mark_failed(*id, error.code.as_str(), &error.message)?;
            }
            // Missing, or a server-side failure of this one case: later, same key.
            _ => {
                let at = OffsetDateTime::now_utc() + inner.config.retry.delay(attempts, None);
                inner.store.mark_retry(*id, at, "server")?;
            }
        }
    }
    let sent: Vec<(Uuid, &_)> = cases.iter().map(|(id, case)| (*id, case)).collect();
    inner.store.mark_cases_sent(&sent)?;
    inner.emit(Change::Cases);
    Ok(Next::Again)
}

/// Records a send that did not happen: later for transient failures, paused for a
/// refused session, failed with the server's code otherwise.
fn not_sent(
    inner: &Inner,
    ids: &[Uuid],
    attempts: u32,
    error: ApiError,
) -> Result<Next, StoreError> {
    inner.observe::<()>(&Err(error.clone()));
    if matches!(error, ApiError::Unauthorized) {
        for id in ids {
            inner.store.mark_queued(*id)?;
        }
        return Ok(Next::Idle);
    }
    if error.is_transient() {
        let at =
            OffsetDateTime::now_utc() + inner.config.retry.delay(attempts, error.retry_after());
        for id in ids {
            inner.store.mark_retry(*id, at, error.code())?;
        }
        return Ok(Next::Again);
    }
    let message = match &error {
        ApiError::Server { message, .. } => message.clone(),
        other => other.to_string(),
    };
    for id in ids {
        inner.store.mark_failed(*id, error.code(), &message)?;
    }
    Ok(Next::Again)
}

enum Answer {
    Case(pulse_protocol::wire::CaseDetail),
    Event(pulse_protocol::wire::CaseEvent),
}

enum Failure {
    Api(ApiError),
    LocalFile(Uuid),
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Failure {
        Failure::Api(e)
    }
}

/// Uploads the item's files not yet uploaded, then sends it under its key.
async fn send(inner: &Inner, api: &Api, item: &OutboxItem) -> Result<Answer, Failure> {
    let mut attachment_ids = Vec::new();
    for file_id in item.payload.files() {
        let file = inner
            .store
            .file(*file_id)
            .map_err(|_| Failure::LocalFile(*file_id))?;
        if let Some(remote) = file.remote_id {
            attachment_ids.push(remote);
            continue;
        }
        let bytes = inner
            .store
            .file_bytes(file.id)
            .map_err(|_| Failure::LocalFile(*file_id))?;
        let uploaded = api.upload(bytes, &file.media_type).await?;
        // Remembered at once, so a retry sends the same ids (and the same request).
        if inner.store.set_file_remote(file.id, uploaded.id).is_err() {
            return Err(Failure::LocalFile(*file_id));
        }
        attachment_ids.push(uploaded.id);
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
