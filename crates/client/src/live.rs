//! The live event stream: catch up with JSON pages, then follow the SSE stream from the
//! cursor; after any break, reconnect with backoff and resume with Last-Event-ID. Each
//! event is applied once (the store deduplicates by event id). With a push target
//! registered, the stream names it and says whether the app is on screen, and opens
//! again when either changes (see [`crate::api::Presence`]).

use std::sync::Arc;

use futures_util::StreamExt;
use pulse_protocol::wire::CaseEvent;
use tokio::sync::watch;

use crate::api::{ApiError, Presence};
use crate::model::Change;
use crate::{Inner, OnScreen, Session};
use pulse_protocol::sse::SseParser;

pub(crate) async fn run(inner: Arc<Inner>) {
    let mut shutdown = inner.shutdown.subscribe();
    let mut auth = inner.auth.subscribe();
    let mut foreground = inner.foreground.subscribe();
    let mut on_screen = inner.on_screen.subscribe();
    let mut failures: u32 = 0;
    loop {
        if *shutdown.borrow_and_update() {
            return;
        }
        auth.borrow_and_update();
        let active = *foreground.borrow_and_update();
        let session = inner.session().filter(|s| !s.paused && active);
        let Some(session) = session else {
            tokio::select! {
                _ = auth.changed() => {}
                _ = foreground.changed() => {}
                _ = shutdown.changed() => return,
            }
            continue;
        };
        let mut connected = false;
        let presence = on_screen.borrow_and_update().presence();
        let result = tokio::select! {
            result = follow(&inner, &session, presence, &mut connected) => result,
            _ = auth.changed() => continue,
            _ = foreground.changed() => continue,
            _ = presence_differs(&mut on_screen, presence) => continue,
            _ = shutdown.changed() => return,
        };
        if connected {
            failures = 0;
        }
        match result {
            Err(ApiError::Unauthorized) => {
                inner.pause_for_sign_in();
                continue;
            }
            Err(error) => inner.observe::<()>(&Err(error)),
            Ok(()) => {}
        }
        let delay = inner.config.retry.delay(failures, None);
        failures = failures.saturating_add(1);
        tokio::select! {
            _ = crate::rt::sleep(delay) => {}
            _ = auth.changed() => {}
            _ = shutdown.changed() => return,
        }
    }
}

/// Returns once what the stream should tell the server is no longer `opened` with.
async fn presence_differs(on_screen: &mut watch::Receiver<OnScreen>, opened: Option<Presence>) {
    while on_screen.changed().await.is_ok() {
        if on_screen.borrow_and_update().presence() != opened {
            return;
        }
    }
    // The engine is gone; its shutdown ends the loop.
    std::future::pending::<()>().await
}

/// Catches up, then follows the stream until it breaks.
async fn follow(
    inner: &Inner,
    session: &Session,
    presence: Option<Presence>,
    connected: &mut bool,
) -> Result<(), ApiError> {
    let mut cursor = match inner.db(|store| store.event_cursor()).await {
        Ok(cursor) => cursor,
        // From the start, then: the store keeps each event once however often it comes.
        Err(error) => {
            tracing::error!(%error, "the event cursor cannot be read");
            0
        }
    };
    loop {
        let result = session.api.events_after(cursor).await;
        inner.observe(&result);
        let page = result?;
        apply(inner, session, &page.events).await;
        cursor = cursor.max(page.last_event_id);
        if !page.more {
            break;
        }
    }
    let result = session.api.open_stream(cursor, presence).await;
    inner.observe(&result);
    let response = result?;
    *connected = true;
    let mut body = response.bytes_stream();
    let mut parser = SseParser::default();
    loop {
        let chunk = crate::rt::timeout(inner.config.stream_read_timeout, body.next()).await;
        let bytes = match chunk {
            Ok(Some(Ok(bytes))) => bytes,
            // Silence past the keep-alive interval, an error, or the end: reconnect.
            Err(_) | Ok(Some(Err(_))) | Ok(None) => return Err(ApiError::Network),
        };
        let events: Vec<CaseEvent> = parser
            .push(&bytes)
            .into_iter()
            .filter_map(
                |frame| match serde_json::from_slice(frame.data.as_bytes()) {
                    Ok(event) => Some(event),
                    Err(_) => {
                        tracing::warn!(id = ?frame.id, "an event the app cannot read was skipped");
                        None
                    }
                },
            )
            .collect();
        apply(inner, session, &events).await;
    }
}

async fn apply(inner: &Inner, session: &Session, events: &[CaseEvent]) {
    let mut unknown_case = false;
    for event in events {
        let stored = event.clone();
        let owner = session.owner();
        match inner
            .db(move |store| store.apply_event(&owner, &stored))
            .await
        {
            Ok(applied) if applied.fresh => {
                inner.emit(Change::Cases);
                unknown_case |= !applied.case_known;
                if let Some(notification) = applied.notification {
                    inner.emit(Change::Notified(notification));
                    inner.emit(Change::Notifications);
                }
            }
            Ok(_) => {}
            Err(error) => tracing::error!(%error, "an event could not be stored"),
        }
    }
    if unknown_case {
        // A case opened elsewhere: fetch the list so it shows here too.
        let result = session.api.cases(None).await;
        inner.observe(&result);
        let cached = match result {
            Ok(page) => inner
                .db({
                    let owner = session.owner();
                    move |store| store.cache_cases(&owner, &page.cases).map(|_| ())
                })
                .await
                .map_err(|e| e.to_string()),
            Err(error) => Err(error.to_string()),
        };
        match cached {
            Ok(()) => inner.emit(Change::Cases),
            // The next event or the next visit to the list tries again.
            Err(error) => tracing::warn!(%error, "the case list could not be refreshed"),
        }
    }
}
