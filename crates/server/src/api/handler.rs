//! Partner support's side: the case queue and the moves a handler makes. Every move is
//! one event in the log; the lifecycle refuses the rest with 409.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::response::Response;
use pulse_protocol::input::{self, MessageBody};
use pulse_protocol::lifecycle::TransitionError;
use pulse_protocol::lifecycle::{Actor, CaseStatus};
use pulse_protocol::request::CaseMove;
use pulse_protocol::wire::{
    Acknowledge, Assign, CaseEvent, HandlerCaseDetail, HandlerCasePage, HandlerList,
    HandlerMessage, NewNote, NewSavedReply, QueueView, Resolve, SavedReplies, SavedReply,
    ViewCounts,
};
use pulse_protocol::{ErrorBody, ErrorCode};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::{ApiJson, ApiPath, ApiQuery, page_limit, parse_cursor, stored_response};
use crate::app::AppState;
use crate::auth::Handler;
use crate::error::ApiError;
use crate::store::{AuthAccount, Mover, QueueQuery as StoreQueueQuery, StoreError};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue))
        .routes(routes!(view_queue))
        .routes(routes!(view_counts))
        .routes(routes!(handlers))
        .routes(routes!(case))
        .routes(routes!(add_note))
        .routes(routes!(assign))
        .routes(routes!(saved_replies, add_saved_reply))
        .routes(routes!(change_saved_reply, delete_saved_reply))
        .routes(routes!(acknowledge))
        .routes(routes!(message))
        .routes(routes!(resolve))
        .routes(routes!(close))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    /// Only cases in this status (e.g. `submitted`).
    status: Option<CaseStatus>,
    /// From the previous page's `next_cursor`.
    #[param(pattern = "^[0-9]{1,18}$")]
    cursor: Option<String>,
    /// 1 to 100; 50 when absent.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
}

/// All partners' cases, newest activity first.
#[utoipa::path(get, path = "/v1/handler/cases", tag = "handler",
    security(("bearer" = [])),
    params(QueueQuery),
    responses(
        (status = 200, body = HandlerCasePage),
        (status = 400, body = ErrorBody, description = "invalid_input: an unknown status, a cursor this server did not give, a limit outside 1 to 100"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
    ))]
async fn queue(
    State(state): State<AppState>,
    Handler(_): Handler,
    ApiQuery(query): ApiQuery<QueueQuery>,
) -> Result<Json<HandlerCasePage>, ApiError> {
    let status = query.status;
    let before = parse_cursor(query.cursor.as_deref())?;
    let (cases, next) = state
        .store()
        .handler_cases(status, before, page_limit(query.limit)?)
        .await?;
    Ok(Json(HandlerCasePage {
        cases,
        next_cursor: next.map(|n| n.to_string()),
    }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ViewQuery {
    /// Which view; `open` when absent.
    view: Option<QueueView>,
    /// Only cases whose number, partner name or e-mail, or text holds this: 3 to 100
    /// characters, any letter case.
    #[param(min_length = 3, max_length = 100)]
    q: Option<String>,
    /// From the previous page's `next_cursor`.
    #[param(pattern = "^[0-9]{1,19}\\.[0-9]{1,19}$")]
    cursor: Option<String>,
    /// 1 to 100; 50 when absent.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
}

/// The queue as support works it: one view, the soonest reply due first (then the
/// cases with none, newest activity first), optionally searched.
#[utoipa::path(get, path = "/v1/handler/queue", tag = "handler",
    security(("bearer" = [])),
    params(ViewQuery),
    responses(
        (status = 200, body = HandlerCasePage),
        (status = 400, body = ErrorBody, description = "invalid_input: an unknown view, a search shorter than 3 or longer than 100 characters, a cursor this server did not give, a limit outside 1 to 100"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
    ))]
async fn view_queue(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiQuery(query): ApiQuery<ViewQuery>,
) -> Result<Json<HandlerCasePage>, ApiError> {
    let needle = query
        .q
        .as_deref()
        .map(input::search_needle)
        .transpose()
        .map_err(|e| ApiError::bad_request(e.to_string()))?;
    if let Some(cursor) = &query.cursor
        && !queue_cursor_shape(cursor)
    {
        return Err(ApiError::bad_request("a cursor this server did not give"));
    }
    let query = StoreQueueQuery {
        view: query.view.unwrap_or(QueueView::Open),
        needle,
        cursor: query.cursor,
        limit: page_limit(query.limit)?,
    };
    let (cases, next_cursor) = state.store().queue(&handler, &query).await?;
    Ok(Json(HandlerCasePage { cases, next_cursor }))
}

/// What `next_cursor` of the queue looks like: two numbers joined by a dot.
fn queue_cursor_shape(cursor: &str) -> bool {
    let number = |s: &str| (1..=19).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    cursor.split_once('.').is_some_and(|(a, b)| {
        number(a) && number(b) && a.parse::<i64>().is_ok() && b.parse::<i64>().is_ok()
    })
}

/// Every view of the queue with how many cases it holds now.
#[utoipa::path(get, path = "/v1/handler/views", tag = "handler",
    security(("bearer" = [])),
    responses(
        (status = 200, body = ViewCounts),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
    ))]
async fn view_counts(
    State(state): State<AppState>,
    Handler(handler): Handler,
) -> Result<Json<ViewCounts>, ApiError> {
    Ok(Json(ViewCounts {
        views: state.store().view_counts(&handler).await?,
    }))
}

/// The handlers a case can be given to.
#[utoipa::path(get, path = "/v1/handler/handlers", tag = "handler",
    security(("bearer" = [])),
    responses(
        (status = 200, body = HandlerList),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
    ))]
async fn handlers(
    State(state): State<AppState>,
    Handler(_): Handler,
) -> Result<Json<HandlerList>, ApiError> {
    Ok(Json(HandlerList {
        handlers: state.store().handlers().await?,
    }))
}

/// One case as support works it: the timeline with notes and assignments, the
/// partner, the property, the language the partner wrote in and the assignee.
#[utoipa::path(get, path = "/v1/handler/cases/{id}", tag = "handler",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    responses(
        (status = 200, body = HandlerCaseDetail),
        (status = 400, body = ErrorBody, description = "invalid_input: an id that is not a UUID"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
    ))]
async fn case(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<HandlerCaseDetail>, ApiError> {
    Ok(Json(state.store().handler_case(id, &handler).await?))
}

/// A note on the case for handlers only: never in the partner's case, events or
/// notifications.
#[utoipa::path(post, path = "/v1/handler/cases/{id}/notes", tag = "handler",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    request_body = NewNote,
    responses(
        (status = 201, body = CaseEvent),
        (status = 400, body = ErrorBody, description = "invalid_input"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "body_empty, body_too_long, text_invalid"),
    ))]
async fn add_note(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(request): ApiJson<NewNote>,
) -> Result<(StatusCode, Json<CaseEvent>), ApiError> {
    let body = MessageBody::parse(&request.body)?;
    let event = state.store().add_note(id, &handler, &body).await?;
    Ok((StatusCode::CREATED, Json(event)))
}

/// Gives the case to a handler, or (`handler_id` null) to nobody.
#[utoipa::path(put, path = "/v1/handler/cases/{id}/assignee", tag = "handler",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    request_body = Assign,
    responses(
        (status = 200, body = CaseEvent, description = "the assignment, as handlers' timelines show it"),
        (status = 400, body = ErrorBody, description = "invalid_input"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "unknown_handler"),
    ))]
async fn assign(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(request): ApiJson<Assign>,
) -> Result<Json<CaseEvent>, ApiError> {
    Ok(Json(
        state
            .store()
            .assign(id, &handler, request.handler_id)
            .await?,
    ))
}

/// The signed-in handler's saved replies, by title.
#[utoipa::path(get, path = "/v1/handler/saved-replies", tag = "handler",
    security(("bearer" = [])),
    responses(
        (status = 200, body = SavedReplies),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
    ))]
async fn saved_replies(
    State(state): State<AppState>,
    Handler(handler): Handler,
) -> Result<Json<SavedReplies>, ApiError> {
    Ok(Json(SavedReplies {
        replies: state.store().saved_replies(handler.id).await?,
    }))
}

/// Keeps a new saved reply (at most 50 per handler).
#[utoipa::path(post, path = "/v1/handler/saved-replies", tag = "handler",
    security(("bearer" = [])),
    request_body = NewSavedReply,
    responses(
        (status = 201, body = SavedReply),
        (status = 400, body = ErrorBody, description = "invalid_input"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "body_empty, body_too_long, text_invalid, text_too_long, too_many_saved_replies"),
    ))]
async fn add_saved_reply(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiJson(request): ApiJson<NewSavedReply>,
) -> Result<(StatusCode, Json<SavedReply>), ApiError> {
    let (title, body) = saved_reply(&request)?;
    let reply = state
        .store()
        .add_saved_reply(handler.id, &title, &body)
        .await?;
    Ok((StatusCode::CREATED, Json(reply)))
}

/// Changes one of the handler's saved replies.
#[utoipa::path(put, path = "/v1/handler/saved-replies/{id}", tag = "handler",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "saved reply id")),
    request_body = NewSavedReply,
    responses(
        (status = 200, body = SavedReply),
        (status = 400, body = ErrorBody, description = "invalid_input"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such reply of this handler's"),
        (status = 422, body = ErrorBody, description = "body_empty, body_too_long, text_invalid, text_too_long"),
    ))]
async fn change_saved_reply(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<i64>,
    ApiJson(request): ApiJson<NewSavedReply>,
) -> Result<Json<SavedReply>, ApiError> {
    let (title, body) = saved_reply(&request)?;
    Ok(Json(
        state
            .store()
            .change_saved_reply(handler.id, id, &title, &body)
            .await?,
    ))
}

/// Deletes one of the handler's saved replies.
#[utoipa::path(delete, path = "/v1/handler/saved-replies/{id}", tag = "handler",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "saved reply id")),
    responses(
        (status = 204, description = "deleted"),
        (status = 400, body = ErrorBody, description = "invalid_input"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such reply of this handler's"),
    ))]
async fn delete_saved_reply(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    state.store().delete_saved_reply(handler.id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A saved reply's title (one line, at most 100 characters) and body (a message).
fn saved_reply(request: &NewSavedReply) -> Result<(String, MessageBody), ApiError> {
    let title = input::parse_line(&request.title, input::MAX_SAVED_REPLY_TITLE_CHARS)?
        .ok_or(input::InputError::BodyEmpty)?;
    Ok((title, MessageBody::parse(&request.body)?))
}

/// Confirms receipt and says what to expect next.
#[utoipa::path(post, path = "/v1/handler/cases/{id}/acknowledge", tag = "handler",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    request_body = Acknowledge,
    responses((status = 200, body = CaseEvent), (status = 409, body = MoveRefused, description = "invalid_transition: the case moved on meanwhile; here it is as it stands")))]
async fn acknowledge(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(request): ApiJson<Acknowledge>,
) -> Result<Response, ApiError> {
    make_move(&state, &handler, id, CaseMove::acknowledge(&request)?).await
}

/// A progress update, or with `request_info` a request for more information.
#[utoipa::path(post, path = "/v1/handler/cases/{id}/messages", tag = "handler",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    request_body = HandlerMessage,
    responses((status = 200, body = CaseEvent), (status = 409, body = MoveRefused, description = "invalid_transition: the case moved on meanwhile; here it is as it stands")))]
async fn message(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(request): ApiJson<HandlerMessage>,
) -> Result<Response, ApiError> {
    make_move(&state, &handler, id, CaseMove::handler_message(&request)?).await
}

/// Resolves the case with an outcome for the partner to accept or dispute.
#[utoipa::path(post, path = "/v1/handler/cases/{id}/resolve", tag = "handler",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    request_body = Resolve,
    responses((status = 200, body = CaseEvent), (status = 409, body = MoveRefused, description = "invalid_transition: the case moved on meanwhile; here it is as it stands")))]
async fn resolve(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(request): ApiJson<Resolve>,
) -> Result<Response, ApiError> {
    make_move(&state, &handler, id, CaseMove::resolve(&request)?).await
}

/// Closes an accepted, disputed or mediated case.
#[utoipa::path(post, path = "/v1/handler/cases/{id}/close", tag = "handler",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    responses((status = 200, body = CaseEvent), (status = 409, body = MoveRefused, description = "invalid_transition: the case moved on meanwhile; here it is as it stands")))]
async fn close(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Response, ApiError> {
    make_move(&state, &handler, id, CaseMove::close()).await
}

async fn make_move(
    state: &AppState,
    handler: &AuthAccount,
    id: Uuid,
    mv: CaseMove,
) -> Result<Response, ApiError> {
    let mover = Mover {
        actor: Actor::Handler,
        account_id: handler.id,
        name: handler.name.clone(),
        partner_scope: None,
        automatic: false,
    };
    let stored = match state.store().apply_move(id, &mover, &mv, None).await {
        // Another handler moved the case first: the answer says so and carries the case
        // as it is now, so the console shows what happened instead of a stale screen.
        Err(StoreError::Transition(error @ TransitionError::NotFromStatus(_))) => {
            let case = state.store().handler_case(id, handler).await?;
            let refused = MoveRefused {
                code: ErrorCode::InvalidTransition,
                message: error.to_string(),
                case,
            };
            return Ok((StatusCode::CONFLICT, Json(refused)).into_response());
        }
        other => other?,
    };
    Ok(stored_response::<CaseEvent>(stored, StatusCode::OK))
}

/// A move the case no longer allows (it moved on meanwhile): the error, and the case as
/// it stands.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct MoveRefused {
    /// `invalid_transition`.
    pub code: ErrorCode,
    pub message: String,
    pub case: HandlerCaseDetail,
}
