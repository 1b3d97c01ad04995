//! Signing in and out, and who is signed in.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use pulse_protocol::wire::{Account, Session, SignIn};
use pulse_protocol::{ErrorBody, ErrorCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ApiJson;
use crate::app::AppState;
use crate::auth::{self, Caller};
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_in))
        .routes(routes!(sign_out))
        .routes(routes!(sign_out_everywhere))
        .routes(routes!(account))
}

/// Signs in with email and password; answers a bearer token.
#[utoipa::path(post, path = "/v1/sessions", tag = "sessions", request_body = SignIn,
    responses(
        (status = 201, body = Session),
        (status = 400, body = ErrorBody, description = "invalid_input"),
        (status = 401, body = ErrorBody, description = "invalid_credentials"),
        (status = 429, body = ErrorBody, description = "rate_limited (with Retry-After): too many attempts from this address, or wrong passwords for this email from it"),
        (status = 503, body = ErrorBody, description = "rate_limited (with Retry-After): as many passwords are being checked as the server does at once"),
    ))]
async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<SignIn>,
) -> Result<(StatusCode, Json<Session>), ApiError> {
    let ip = state.client_ip(peer, &headers);
    state.check_rate(&auth::address_key(ip)).await?;
    let email_key = pulse_protocol::input::email_key(&request.email);
    if let Some(wait) = state.sign_in_throttle().wait(&email_key, ip) {
        return Err(ApiError::rate_limited(
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
        ));
    }
    let Some(turn) = state.password_check() else {
        return Err(ApiError::busy());
    };
    // An address no person could type (a NUL, a control character) is no account's,
    // and is answered like an unknown one, after the same work.
    let record = match pulse_protocol::input::check_text(&request.email, false) {
        Ok(()) => state.store().login_record(&request.email).await?,
        Err(_) => None,
    };
    // An invited account has no password yet (an empty hash): it signs in with
    // nothing, after the same work as an unknown address, so timing tells neither.
    let (account_id, hash) = match record {
        Some((id, hash)) if !hash.is_empty() => (Some(id), hash),
        _ => (None, state.decoy_hash().to_owned()),
    };
    let password = request.password;
    let matches = tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash))
        .await
        .map_err(ApiError::internal)?;
    drop(turn);
    let Some(account_id) = account_id.filter(|_| matches) else {
        state.sign_in_throttle().failed(&email_key, ip);
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::InvalidCredentials,
            "the email or password is not right",
        ));
    };
    state.sign_in_throttle().succeeded(&email_key, ip);
    let (token, token_hash) = auth::new_token();
    state
        .store()
        .create_session(account_id, &token_hash)
        .await?;
    let account = state.store().account(account_id).await?;
    tracing::info!(account = account_id, "signed in");
    Ok((StatusCode::CREATED, Json(Session { token, account })))
}

/// Signs out: the token stops working at once, and its open event streams end.
#[utoipa::path(delete, path = "/v1/sessions/current", tag = "sessions",
    security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn sign_out(State(state): State<AppState>, caller: Caller) -> Result<StatusCode, ApiError> {
    state.store().delete_session(&caller.token_hash).await?;
    state.streams().end(&caller.token_hash);
    tracing::info!(account = caller.account.id, "signed out");
    Ok(StatusCode::NO_CONTENT)
}

/// Signs out on every device: every token of the account stops working, this one too,
/// and their event streams end (on other instances within a second).
#[utoipa::path(delete, path = "/v1/sessions", tag = "sessions",
    security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
async fn sign_out_everywhere(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<StatusCode, ApiError> {
    state
        .store()
        .delete_account_sessions(caller.account.id)
        .await?;
    state.streams().end_account(caller.account.id);
    tracing::info!(account = caller.account.id, "signed out everywhere");
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in account with its properties.
#[utoipa::path(get, path = "/v1/account", tag = "sessions",
    security(("bearer" = [])),
    responses((status = 200, body = Account), (status = 401, body = ErrorBody)))]
async fn account(State(state): State<AppState>, caller: Caller) -> Result<Json<Account>, ApiError> {
    Ok(Json(state.store().account(caller.account.id).await?))
}
