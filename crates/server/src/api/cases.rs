//! A partner's cases: writing to support, reading the answers, answering an outcome.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pulse_protocol::request::{CaseMove, ValidCase};
use pulse_protocol::wire::{
    BatchOutcome, BatchOutcomes, CaseBatch, CaseDetail, CaseEvent, CasePage, KeyedCase,
    MAX_BATCH_CASES, NewCase, NewReply, ResolutionAnswer, TimelinePage,
};
use pulse_protocol::{ErrorBody, ErrorCode};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::{
    ApiJson, ApiPath, ApiQuery, IdemKey, OptionalIdemKey, fingerprint, page_limit, parse_cursor,
    stored_response,
};
use crate::app::AppState;
use crate::auth::Partner;
use crate::error::ApiError;
use crate::store::{AuthAccount, IdempotencyKey, Mover, Stored};

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_case, list_cases))
        .routes(routes!(create_cases))
        .routes(routes!(get_case))
        .routes(routes!(case_timeline))
        .routes(routes!(reply))
        .routes(routes!(answer_resolution))
        .routes(routes!(request_mediation))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// From the previous page's `next_cursor`.
    #[param(pattern = "^[0-9]{1,18}$")]
    cursor: Option<String>,
    /// 1 to 100; 50 when absent.
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
}

/// Parses a new case at the edge, with the protocol's rules: everything inner code
/// sees is already valid. The first problem in form order is the answer.
fn parse_case(request: &NewCase) -> Result<ValidCase, ApiError> {
    ValidCase::parse(request).map_err(|problems| problems.first().clone().into())
}

/// Opens a case. Safe to resend: the same Idempotency-Key answers the same case.
#[utoipa::path(post, path = "/v1/cases", tag = "partner",
    security(("bearer" = [])),
    params(("Idempotency-Key" = Uuid, Header, description = "made by the client, one per case")),
    request_body = NewCase,
    responses(
        (status = 201, body = CaseDetail),
        (status = 400, body = ErrorBody, description = "idempotency_key_missing, idempotency_key_invalid, invalid_input"),
        (status = 422, body = ErrorBody, description = "idempotency_key_reused, body_empty, unknown_topic, …"),
    ))]
async fn create_case(
    State(state): State<AppState>,
    Partner(partner): Partner,
    IdemKey(key): IdemKey,
    ApiJson(request): ApiJson<NewCase>,
) -> Result<Response, ApiError> {
    let case = parse_case(&request)?;
    let idem = fingerprint(key, "POST /v1/cases", &request);
    let stored = state.store().create_case(&partner, &idem, &case).await?;
    Ok(stored_response(stored, StatusCode::CREATED))
}

/// Opens up to 100 cases in one request, in the order given, each under its own key
/// with the rules of `POST /v1/cases`. For an outbox that has waited offline.
#[utoipa::path(post, path = "/v1/cases/batch", tag = "partner",
    security(("bearer" = [])),
    request_body = CaseBatch,
    responses(
        (status = 200, body = BatchOutcomes, description = "one outcome per case, in order"),
        (status = 400, body = ErrorBody, description = "invalid_input"),
        (status = 413, body = ErrorBody, description = "payload_too_large"),
        (status = 422, body = ErrorBody, description = "invalid_input: more than 100 cases"),
    ))]
async fn create_cases(
    State(state): State<AppState>,
    Partner(partner): Partner,
    headers: axum::http::HeaderMap,
    body: axum::body::Body,
) -> Result<Json<BatchOutcomes>, ApiError> {
    let is_json = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !is_json {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
            "send JSON",
        ));
    }
    // Each case may be as large as one sent alone.
    let limit = state
        .limits()
        .max_json_bytes
        .saturating_mul(MAX_BATCH_CASES);
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorCode::PayloadTooLarge,
            "the batch is too large",
        )
    })?;
    let invalid =
        |e: serde_json::Error| ApiError::bad_request(format!("the batch is not valid: {e}"));
    let raw: RawBatch<'_> = serde_json::from_slice(&bytes).map_err(invalid)?;
    if raw.cases.len() > MAX_BATCH_CASES {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::InvalidInput,
            format!("at most {MAX_BATCH_CASES} cases at once"),
        ));
    }
    // Parse every case at the edge, each held to the rules and the size of a case sent
    // alone; only valid ones reach the store, in order.
    let max_case = state.limits().max_json_bytes;
    let mut outcomes: Vec<(Uuid, Option<BatchOutcome>)> = Vec::with_capacity(raw.cases.len());
    let mut valid = Vec::new();
    for item in &raw.cases {
        if item.get().len() > max_case {
            let KeyOnly { key } = serde_json::from_str(item.get()).map_err(invalid)?;
            let error = ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                "this case is larger than a case sent alone may be",
            );
            outcomes.push((key, Some(failed(key, &error))));
            continue;
        }
        let item: KeyedCase = serde_json::from_str(item.get()).map_err(invalid)?;
        match parse_case(&item.case) {
            Ok(case) => {
                valid.push((fingerprint(item.key, "POST /v1/cases", &item.case), case));
                outcomes.push((item.key, None));
            }
            Err(error) => outcomes.push((item.key, Some(failed(item.key, &error)))),
        }
    }
    let mut stored = state
        .store()
        .create_cases(&partner, valid)
        .await?
        .into_iter();
    let outcomes = outcomes
        .into_iter()
        .map(|(key, outcome)| match outcome {
            Some(outcome) => outcome,
            None => match stored.next() {
                Some(Ok(Stored::Fresh(case))) => BatchOutcome {
                    key,
                    status: 201,
                    case: Some(case),
                    error: None,
                },
                Some(Ok(Stored::Replayed { status, answer })) => BatchOutcome {
                    key,
                    status,
                    case: Some(answer),
                    error: None,
                },
                Some(Err(error)) => failed(key, &ApiError::from(error)),
                None => failed(key, &ApiError::internal("a batch result is missing")),
            },
        })
        .collect();
    Ok(Json(BatchOutcomes { outcomes }))
}

/// A batch as received: each case is measured before it is read.
#[derive(serde::Deserialize)]
struct RawBatch<'a> {
    #[serde(borrow)]
    cases: Vec<&'a serde_json::value::RawValue>,
}

/// The key of a case too large to read.
#[derive(serde::Deserialize)]
struct KeyOnly {
    key: Uuid,
}

fn failed(key: Uuid, error: &ApiError) -> BatchOutcome {
    BatchOutcome {
        key,
        status: error.status().as_u16(),
        case: None,
        error: Some(error.body()),
    }
}

/// The partner's own cases, newest activity first.
#[utoipa::path(get, path = "/v1/cases", tag = "partner",
    security(("bearer" = [])),
    params(PageQuery),
    responses(
        (status = 200, body = CasePage),
        (status = 400, body = ErrorBody, description = "invalid_input: a cursor this server did not give, a limit outside 1 to 100"),
        (status = 401, body = ErrorBody),
    ))]
async fn list_cases(
    State(state): State<AppState>,
    Partner(partner): Partner,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<CasePage>, ApiError> {
    let before = parse_cursor(query.cursor.as_deref())?;
    let (cases, next) = state
        .store()
        .partner_cases(partner.id, before, page_limit(query.limit)?)
        .await?;
    Ok(Json(CasePage {
        cases,
        next_cursor: next.map(|n| n.to_string()),
    }))
}

/// One case with its timeline; opening it marks support's events read.
#[utoipa::path(get, path = "/v1/cases/{id}", tag = "partner",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    responses((status = 200, body = CaseDetail), (status = 404, body = ErrorBody)))]
async fn get_case(
    State(state): State<AppState>,
    Partner(partner): Partner,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<CaseDetail>, ApiError> {
    Ok(Json(state.store().case_detail(id, &partner).await?))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TimelineQuery {
    /// Only events before this event id; the newest when absent.
    #[param(minimum = 1)]
    before: Option<i64>,
    /// 1 to 200, 200 when absent.
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
}

/// A page of a case's timeline, oldest first: what comes before the newest 200 that
/// the case's answer carries (its `earlier`). For the case's partner and handlers.
#[utoipa::path(get, path = "/v1/cases/{id}/timeline", tag = "partner",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id"), TimelineQuery),
    responses(
        (status = 200, body = TimelinePage),
        (status = 400, body = ErrorBody, description = "invalid_input: a limit outside 1 to 200"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 429, body = ErrorBody, description = "rate_limited"),
    ))]
async fn case_timeline(
    State(state): State<AppState>,
    caller: crate::auth::Caller,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(query): ApiQuery<TimelineQuery>,
) -> Result<Json<TimelinePage>, ApiError> {
    let limit = super::checked_limit(query.limit, 200, 200)?;
    let before = match query.before {
        None => i64::MAX,
        Some(before) if before >= 1 => before,
        Some(_) => return Err(ApiError::bad_request("before must be an event id")),
    };
    Ok(Json(
        state
            .store()
            .case_timeline(id, &caller.account, before, limit)
            .await?,
    ))
}

/// Writes on a case; answering a request for information resumes work on it.
#[utoipa::path(post, path = "/v1/cases/{id}/messages", tag = "partner",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "case id"),
        ("Idempotency-Key" = Uuid, Header, description = "made by the client, one per message"),
    ),
    request_body = NewReply,
    responses(
        (status = 201, body = CaseEvent),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "invalid_transition"),
    ))]
async fn reply(
    State(state): State<AppState>,
    Partner(partner): Partner,
    ApiPath(id): ApiPath<Uuid>,
    IdemKey(key): IdemKey,
    ApiJson(request): ApiJson<NewReply>,
) -> Result<Response, ApiError> {
    let mv = CaseMove::reply(&request)?;
    let idem = fingerprint(key, &format!("POST /v1/cases/{id}/messages"), &request);
    partner_move(&state, &partner, id, mv, Some(idem), StatusCode::CREATED).await
}

/// Accepts the outcome, or disagrees with it (a comment says why).
#[utoipa::path(post, path = "/v1/cases/{id}/resolution", tag = "partner",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "case id"),
        ("Idempotency-Key" = Option<Uuid>, Header, description = "optional; makes a resend safe"),
    ),
    request_body = ResolutionAnswer,
    responses(
        (status = 200, body = CaseEvent),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "invalid_transition"),
    ))]
async fn answer_resolution(
    State(state): State<AppState>,
    Partner(partner): Partner,
    ApiPath(id): ApiPath<Uuid>,
    OptionalIdemKey(key): OptionalIdemKey,
    ApiJson(request): ApiJson<ResolutionAnswer>,
) -> Result<Response, ApiError> {
    let mv = CaseMove::answer(&request)?;
    let idem =
        key.map(|key| fingerprint(key, &format!("POST /v1/cases/{id}/resolution"), &request));
    partner_move(&state, &partner, id, mv, idem, StatusCode::OK).await
}

/// Asks for mediation on a disputed case (partners in the EEA).
#[utoipa::path(post, path = "/v1/cases/{id}/mediation", tag = "partner",
    security(("bearer" = [])),
    params(
        ("id" = Uuid, Path, description = "case id"),
        ("Idempotency-Key" = Option<Uuid>, Header, description = "optional; makes a resend safe"),
    ),
    responses(
        (status = 200, body = CaseEvent),
        (status = 403, body = ErrorBody, description = "mediation_not_available"),
        (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody, description = "invalid_transition"),
    ))]
async fn request_mediation(
    State(state): State<AppState>,
    Partner(partner): Partner,
    ApiPath(id): ApiPath<Uuid>,
    OptionalIdemKey(key): OptionalIdemKey,
) -> Result<Response, ApiError> {
    let idem = key.map(|key| fingerprint(key, &format!("POST /v1/cases/{id}/mediation"), &()));
    partner_move(
        &state,
        &partner,
        id,
        CaseMove::mediation(),
        idem,
        StatusCode::OK,
    )
    .await
}

/// Makes a partner's move on their case; with a key, a resend gets the first answer.
async fn partner_move(
    state: &AppState,
    partner: &AuthAccount,
    id: Uuid,
    mv: CaseMove,
    idem: Option<IdempotencyKey>,
    status: StatusCode,
) -> Result<Response, ApiError> {
    let stored = state
        .store()
        .apply_move(
            id,
            &mover(partner),
            &mv,
            idem.as_ref().map(|i| (i, status.as_u16())),
        )
        .await?;
    Ok(stored_response(stored, status))
}

fn mover(partner: &AuthAccount) -> Mover {
    Mover {
        actor: pulse_protocol::Actor::Partner,
        account_id: partner.id,
        name: partner.name.clone(),
        partner_scope: Some(partner.id),
        automatic: false,
    }
}
