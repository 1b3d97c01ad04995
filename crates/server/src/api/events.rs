//! The live stream of changes to a partner's cases (Server-Sent Events), and the same
//! events as JSON pages for catch-up. Both read the event log, so a stream that resumes
//! after id N misses nothing and repeats nothing.

use std::collections::VecDeque;
use std::convert::Infallible;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use pulse_protocol::ErrorBody;
use pulse_protocol::wire::{CaseEvent, EventPage};
use serde::Deserialize;
use tokio_util::sync::CancellationToken;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ApiQuery;
use crate::app::AppState;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::feed::{Audience, Subscription};
use crate::store::Database;
use crate::streams::StreamGuard;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(events))
        .routes(routes!(handler_events))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventsQuery {
    /// Only events after this id. For a stream, `Last-Event-ID` wins over it.
    #[param(minimum = 0)]
    after: Option<i64>,
    /// JSON pages only: 1 to 500, 100 when absent.
    #[param(minimum = 1, maximum = 500)]
    limit: Option<u32>,
    /// Streams only: the id of this device's push target (`POST /v1/devices`).
    device: Option<uuid::Uuid>,
    /// Streams only, with `device`: whether the app is on screen. While a visible
    /// stream is open, the device gets no pushes (the app shows its own banner).
    visible: Option<bool>,
}

/// How long a visible stream's mark lasts without renewal, and how often it is
/// renewed: a stream on an instance that died stops holding pushes back within this.
const VISIBLE_MARK: std::time::Duration = std::time::Duration::from_secs(60);
const VISIBLE_RENEW: std::time::Duration = std::time::Duration::from_secs(20);

/// One event of a stream as Server-Sent Events frame it (for the document: the wire
/// is `id:`, `event:` and `data:` lines).
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct StreamEvent {
    /// The event's id: resume after it with `Last-Event-ID`.
    #[schema(pattern = "^[0-9]+$")]
    id: String,
    /// The event's kind, e.g. `acknowledged`.
    event: String,
    /// The CaseEvent as JSON.
    data: String,
}

/// How many events a stream reads from the log at a time.
const STREAM_BATCH: u32 = 256;

/// Changes to the partner's cases: a live stream (`Accept: text/event-stream`), or a JSON
/// page of the events after `?after=` (`Accept: application/json`).
#[utoipa::path(get, path = "/v1/events", tag = "partner",
    security(("bearer" = [])),
    params(
        EventsQuery,
        ("Last-Event-ID" = Option<i64>, Header, description = "resume a stream after this id"),
    ),
    responses(
        (status = 200, description = "`text/event-stream`: `id:` event id, `event:` its kind, `data:` the CaseEvent as JSON; `application/json`: an EventPage",
            content((EventPage = "application/json"), (StreamEvent = "text/event-stream"))),
        (status = 400, body = ErrorBody, description = "invalid_input: a Last-Event-ID that is not an event id, a limit outside 1 to 500"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "a handler's token"),
        (status = 429, body = ErrorBody, description = "rate_limited: over the account's requests, or its open streams"),
    ))]
async fn events(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<EventsQuery>,
) -> Result<Response, ApiError> {
    if caller.account.role != pulse_protocol::Actor::Partner {
        return Err(ApiError::forbidden());
    }
    let audience = Audience::Partner(caller.account.id);
    let streaming = !wants_json(&headers);
    let response = serve_events(&state, &caller, &headers, &query, audience).await?;
    if streaming && let Some(device) = query.device {
        let visible = query.visible.unwrap_or(false);
        let store = state.store().clone();
        let account = caller.account.id;
        let mark = if visible {
            VISIBLE_MARK
        } else {
            std::time::Duration::ZERO
        };
        if !store.mark_visible(account, device, mark).await? {
            tracing::debug!(%device, "a stream names a device its account does not have");
        } else if visible {
            return Ok(hold_visible(response, store, account, device));
        }
    }
    Ok(response)
}

/// Keeps `device` marked visible while `response`'s stream is open, and clears the
/// mark when it ends.
fn hold_visible(
    response: Response,
    store: std::sync::Arc<dyn Database>,
    account: i64,
    device: uuid::Uuid,
) -> Response {
    let open = CancellationToken::new();
    let guard = open.clone().drop_guard();
    tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = open.cancelled() => break,
                _ = tokio::time::sleep(VISIBLE_RENEW) => {
                    let _ = store.mark_visible(account, device, VISIBLE_MARK).await;
                }
            }
        }
        let _ = store
            .mark_visible(account, device, std::time::Duration::ZERO)
            .await;
    });
    let (parts, body) = response.into_parts();
    let body = axum::body::Body::from_stream(GuardedBody {
        inner: body.into_data_stream(),
        _guard: guard,
    });
    Response::from_parts(parts, body)
}

/// A body that holds a guard until the body is dropped (the connection closed).
struct GuardedBody<S> {
    inner: S,
    _guard: tokio_util::sync::DropGuard,
}

impl<S: Stream + Unpin> Stream for GuardedBody<S> {
    type Item = S::Item;

    fn poll_next(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<S::Item>> {
        std::pin::Pin::new(&mut self.inner).poll_next(cx)
    }
}

/// Changes to every case, as support sees them (notes and assignments too): a live
/// stream or a JSON page, like the partner's `GET /v1/events`.
#[utoipa::path(get, path = "/v1/handler/events", tag = "handler",
    security(("bearer" = [])),
    params(
        EventsQuery,
        ("Last-Event-ID" = Option<i64>, Header, description = "resume a stream after this id"),
    ),
    responses(
        (status = 200, description = "`text/event-stream`: `id:` event id, `event:` its kind, `data:` the CaseEvent as JSON; `application/json`: an EventPage",
            content((EventPage = "application/json"), (StreamEvent = "text/event-stream"))),
        (status = 400, body = ErrorBody, description = "invalid_input: a Last-Event-ID that is not an event id, a limit outside 1 to 500"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "a partner's token"),
        (status = 429, body = ErrorBody, description = "rate_limited: over the account's requests, or its open streams"),
    ))]
async fn handler_events(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<EventsQuery>,
) -> Result<Response, ApiError> {
    if caller.account.role != pulse_protocol::Actor::Handler {
        return Err(ApiError::forbidden());
    }
    serve_events(&state, &caller, &headers, &query, Audience::Handlers).await
}

/// `audience`'s events: a JSON page after `?after=`, or a live stream.
async fn serve_events(
    state: &AppState,
    caller: &Caller,
    headers: &HeaderMap,
    query: &EventsQuery,
    audience: Audience,
) -> Result<Response, ApiError> {
    if query.after.is_some_and(|after| after < 0) {
        return Err(ApiError::bad_request("after must be an event id"));
    }
    // Checked for a stream too, which has no pages: a bound the document states holds.
    let limit = super::checked_limit(query.limit, 100, 500)?;
    if wants_json(headers) {
        let after = query.after.unwrap_or(0);
        let mut events = read_events(state.store().as_ref(), audience, after, limit + 1).await?;
        let more = events.len() > limit as usize;
        events.truncate(limit as usize);
        let last_event_id = events.last().map_or(after, |e| e.id);
        return Ok(Json(EventPage {
            events,
            last_event_id,
            more,
        })
        .into_response());
    }
    open_stream(state, caller, headers, query.after, audience)
}

/// Up to `limit` of `audience`'s events after `after`, oldest first, from the log.
async fn read_events(
    store: &dyn Database,
    audience: Audience,
    after: i64,
    limit: u32,
) -> Result<Vec<CaseEvent>, crate::store::StoreError> {
    match audience {
        Audience::Partner(partner_id) => store.events_after(partner_id, after, limit).await,
        Audience::Handlers => store.handler_events_after(after, limit).await,
    }
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json") && !v.contains("text/event-stream"))
}

/// An event stream for `audience`, from the resume point the client gives.
fn open_stream(
    state: &AppState,
    caller: &Caller,
    headers: &HeaderMap,
    after: Option<i64>,
    audience: Audience,
) -> Result<Response, ApiError> {
    let account = &caller.account;
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.trim()
                .parse::<i64>()
                .ok()
                .filter(|id| *id >= 0)
                .ok_or_else(|| ApiError::bad_request("Last-Event-ID must be an event id"))
        })
        .transpose()?;
    // Each stream holds a connection and a task: a few per account are plenty (a
    // phone, a tablet, a browser tab or two).
    if state.streams().count(account.id) >= state.limits().max_streams_per_account {
        return Err(ApiError::too_many_streams());
    }
    // Subscribed before the log is read: nothing committed in between is missed.
    let feed = state.feed().join(audience);
    // Without a resume point the stream starts now; the client catches up with a page.
    let cursor = match resume.or(after) {
        Some(after) => after,
        None => *state.store().subscribe().borrow(),
    };
    let tail = Tail {
        store: state.store().clone(),
        audience,
        cursor,
        pending: VecDeque::new(),
        read_log: true,
        feed,
        shutdown: state.shutdown().clone(),
        session: state.streams().open(caller.token_hash, account.id),
    };
    Ok(Sse::new(tail.into_stream())
        .keep_alive(KeepAlive::new().interval(state.limits().keep_alive))
        .into_response())
}

/// One open stream's position in the event log.
struct Tail {
    store: std::sync::Arc<dyn Database>,
    audience: Audience,
    /// The last event sent.
    cursor: i64,
    /// Read from the log, not yet sent.
    pending: VecDeque<CaseEvent>,
    /// Whether the log may hold events this stream has not had: at the start, and
    /// when its inbox lagged.
    read_log: bool,
    /// New events, handed over by the instance's feed.
    feed: Subscription,
    shutdown: CancellationToken,
    /// Ends the stream when its session ends.
    session: StreamGuard,
}

impl Tail {
    fn into_stream(self) -> impl Stream<Item = Result<Event, Infallible>> {
        stream::unfold(self, |mut tail| async move {
            let event = tail.next().await?;
            Some((Ok(sse_event(&event)), tail))
        })
    }

    /// The next event for this partner, waiting for one if need be: first what the log
    /// holds after the cursor, then what the feed hands over, each event once (by id).
    /// `None` ends the stream: the server is stopping, the session has ended (the
    /// client's reconnection is answered 401), or the log cannot be read (the client
    /// reconnects with Last-Event-ID and loses nothing).
    async fn next(&mut self) -> Option<CaseEvent> {
        loop {
            if self.session.ended.is_cancelled() {
                return None;
            }
            if let Some(event) = self.pending.pop_front() {
                if event.id > self.cursor {
                    self.cursor = event.id;
                    return Some(event);
                }
                continue;
            }
            if self.feed.inbox.take_lagged() {
                self.read_log = true;
            }
            if self.read_log {
                match read_events(
                    self.store.as_ref(),
                    self.audience,
                    self.cursor,
                    STREAM_BATCH,
                )
                .await
                {
                    Ok(events) => {
                        // A full batch may have more behind it.
                        self.read_log = events.len() == STREAM_BATCH as usize;
                        self.pending.extend(events);
                        continue;
                    }
                    Err(error) => {
                        tracing::warn!(%error, "event stream cannot read the log");
                        return None;
                    }
                }
            }
            if let Some(event) = self.feed.inbox.pop() {
                if event.id > self.cursor {
                    self.cursor = event.id;
                    return Some(CaseEvent::clone(&event));
                }
                continue;
            }
            tokio::select! {
                _ = self.feed.inbox.arrived() => {}
                _ = self.shutdown.cancelled() => return None,
                _ = self.session.ended.cancelled() => return None,
            }
        }
    }
}

fn sse_event(event: &CaseEvent) -> Event {
    let data = serde_json::to_string(event).unwrap_or_default();
    Event::default()
        .id(event.id.to_string())
        .event(event.kind.as_str())
        .data(data)
}
