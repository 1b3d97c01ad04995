//! The sync worker: one task that drains the outbox in order, attachments first, and
//! decides retries. See the crate docs for the rules.

use std::sync::Arc;
use std::time::Duration;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::Inner;
use crate::api::{Api, ApiError};
use crate::model::{Change, OutboxItem, OutboxPayload, OutboxState};
use crate::store::Sent;

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
    loop {
        if *shutdown.borrow_and_update() {
            return;
        }
        let wait = match step(&inner).await {
            Next::Again => continue,
            Next::Idle => Duration::from_secs(3600),
            Next::Wait(d) => d,
        };
        tokio::select! {
            _ = inner.outbox_wake.notified() => {}
            _ = tokio::time::sleep(wait) => {}
            _ = shutdown.changed() => return,
        }
    }
}

async fn step(inner: &Inner) -> Next {
    let Some(session) = inner.session() else {
        return Next::Idle;
    };
    if session.paused {
        return Next::Idle;
    }
    let head = match inner.store.outbox_head(session.account.id) {
        Ok(Some(head)) => head,
        Ok(None) => return Next::Idle,
        Err(error) => {
            tracing::error!(%error, "outbox cannot be read");
            return Next::Wait(Duration::from_secs(5));
        }
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
    if let Err(error) = inner.store.mark_sending(head.id) {
        tracing::error!(%error, "outbox cannot be written");
        return Next::Wait(Duration::from_secs(5));
    }
    inner.emit(Change::Outbox);

    let result = send(inner, &session.api, &head).await;
    let recorded = match result {
        Ok(answer) => {
            inner.saw_network(true);
            let (case_id, sent) = match &answer {
                Answer::Case(detail) => (detail.case.id, Sent::Case(detail)),
                Answer::Event(event) => (event.case_id, Sent::Event(event)),
            };
            let recorded = inner.store.mark_sent(head.id, case_id, sent);
            inner.emit(Change::Cases);
            recorded
        }
        Err(Failure::Api(ApiError::Unauthorized)) => {
            inner.observe::<()>(&Err(ApiError::Unauthorized));
            let recorded = inner.store.mark_queued(head.id);
            inner.emit(Change::Outbox);
            return match recorded {
                Ok(()) => Next::Idle,
                Err(_) => Next::Wait(Duration::from_secs(5)),
            };
        }
        Err(Failure::Api(error)) if error.is_transient() => {
            inner.observe::<()>(&Err(error.clone()));
            let delay = inner.config.retry.delay(attempts, error.retry_after());
            let at = OffsetDateTime::now_utc() + delay;
            inner.store.mark_retry(head.id, at, error.code())
        }
        Err(Failure::Api(error)) => {
            inner.observe::<()>(&Err(error.clone()));
            let message = match &error {
                ApiError::Server { message, .. } => message.clone(),
                other => other.to_string(),
            };
            inner.store.mark_failed(head.id, error.code(), &message)
        }
        Err(Failure::LocalFile(file)) => inner.store.mark_failed(
            head.id,
            "attachment_missing",
            &format!("the attachment {file} is no longer on this device"),
        ),
    };
    inner.emit(Change::Outbox);
    match recorded {
        Ok(()) => Next::Again,
        Err(error) => {
            tracing::error!(%error, "outbox cannot be written");
            Next::Wait(Duration::from_secs(5))
        }
    }
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
        let bytes = tokio::fs::read(&file.path)
            .await
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
