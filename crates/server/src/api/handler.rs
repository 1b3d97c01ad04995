//! Partner support's side: the case queue and the moves a handler makes. Every move is
//! one event in the log; the lifecycle refuses the rest with 409.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pulse_protocol::ErrorBody;
use pulse_protocol::lifecycle::{Actor, CaseStatus};
use pulse_protocol::request::CaseMove;
use pulse_protocol::wire::{
    Acknowledge, CaseDetail, CaseEvent, HandlerCasePage, HandlerMessage, Resolve,
};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::{ApiJson, ApiPath, ApiQuery, page_limit, parse_cursor, stored_response};
use crate::app::AppState;
use crate::auth::Handler;
use crate::error::ApiError;
use crate::store::{AuthAccount, Mover};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(queue))
        .routes(routes!(case))
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

/// One case with its timeline.
#[utoipa::path(get, path = "/v1/handler/cases/{id}", tag = "handler",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    responses((status = 200, body = CaseDetail), (status = 404, body = ErrorBody)))]
async fn case(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<CaseDetail>, ApiError> {
    Ok(Json(state.store().case_detail(id, &handler).await?))
}

/// Confirms receipt and says what to expect next.
#[utoipa::path(post, path = "/v1/handler/cases/{id}/acknowledge", tag = "handler",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    request_body = Acknowledge,
    responses((status = 200, body = CaseEvent), (status = 409, body = ErrorBody, description = "invalid_transition")))]
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
    responses((status = 200, body = CaseEvent), (status = 409, body = ErrorBody, description = "invalid_transition")))]
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
    responses((status = 200, body = CaseEvent), (status = 409, body = ErrorBody, description = "invalid_transition")))]
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
    responses((status = 200, body = CaseEvent), (status = 409, body = ErrorBody, description = "invalid_transition")))]
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
    };
    let stored = state.store().apply_move(id, &mover, &mv, None).await?;
    Ok(stored_response::<CaseEvent>(stored, StatusCode::OK))
}
