//! A partner's first day and the way back in: invitations (handlers invite), "forgot
//! your password?", choosing a password with a link from an e-mail, and changing it.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use pulse_protocol::wire::{
    ChangePassword, ChoosePassword, Invitation, Invited, LinkInfo, LinkToken, PasswordReset,
    Session,
};
use pulse_protocol::{ErrorBody, ErrorCode};
use sha2::{Digest, Sha256};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ApiJson;
use crate::app::AppState;
use crate::auth::{self, Caller, Handler};
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(invite))
        .routes(routes!(request_reset))
        .routes(routes!(check_link))
        .routes(routes!(choose_password))
        .routes(routes!(change_password))
}

/// The key requests about links and resets from one address count against (the same
/// allowance as any key: a fuzzer of tokens or a reset storm is slowed like anyone).
fn link_key(ip: std::net::IpAddr) -> [u8; 32] {
    Sha256::digest(format!("links:{ip}").as_bytes()).into()
}

/// Hashes a new password, checked against the rules first, with a turn of the
/// password-hashing pool (503 when every turn is taken).
async fn new_password_hash(state: &AppState, password: String) -> Result<String, ApiError> {
    crate::passwords::check_new_password(&password)?;
    let Some(turn) = state.password_check() else {
        return Err(ApiError::busy());
    };
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&password))
        .await
        .map_err(ApiError::internal)?
        .map_err(ApiError::internal)?;
    drop(turn);
    Ok(hash)
}

/// Invites a partner or a handler: the account is made without a password and an
/// e-mail in the invitee's language carries a single-use link to choose one. Inviting
/// again before the password is chosen sends a new link that replaces the first.
#[utoipa::path(post, path = "/v1/invitations", tag = "accounts", request_body = Invitation,
    security(("bearer" = [])),
    responses(
        (status = 201, body = Invited),
        (status = 400, body = ErrorBody, description = "invalid_input: not JSON"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "forbidden: only handlers invite"),
        (status = 409, body = ErrorBody, description = "invalid_input: an account with this address has a password already (it can reset it)"),
        (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "email_invalid, text_invalid, text_too_long; invalid_input: a partner without a country, or one that is not an ISO code"),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody, description = "rate_limited (with Retry-After): the database has as many writes waiting as it takes"),
    ))]
async fn invite(
    State(state): State<AppState>,
    Handler(handler): Handler,
    ApiJson(invitation): ApiJson<Invitation>,
) -> Result<(StatusCode, Json<Invited>), ApiError> {
    let invited =
        crate::onboarding::invite(state.store().as_ref(), &state.links(), &invitation).await?;
    state.mail_queued();
    tracing::info!(
        by = handler.id,
        account = invited.account_id,
        "invitation sent"
    );
    Ok((StatusCode::CREATED, Json(invited)))
}

/// "Forgot your password?": e-mails a single-use link to choose a new password, valid
/// for an hour (a flag), if an account has this address. The answer, and the time it
/// takes, are the same whether one does or not; an address gets a few such e-mails an
/// hour at most, however often it is asked for.
#[utoipa::path(post, path = "/v1/password-resets", tag = "accounts", request_body = PasswordReset,
    responses(
        (status = 202, description = "Accepted: if an account has this address, an e-mail is on its way"),
        (status = 400, body = ErrorBody),
        (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "email_invalid: not an e-mail address at all (which says nothing of any account)"),
        (status = 429, body = ErrorBody, description = "rate_limited (with Retry-After): too many requests from this address"),
        (status = 503, body = ErrorBody, description = "rate_limited (with Retry-After): the database has as many writes waiting as it takes"),
    ))]
async fn request_reset(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<PasswordReset>,
) -> Result<StatusCode, ApiError> {
    let ip = state.client_ip(peer, &headers);
    state.check_rate(&link_key(ip)).await?;
    // No account has an address that is not one: refusing it tells nobody anything.
    pulse_protocol::input::EmailAddress::parse(&request.email)?;
    let email_key = pulse_protocol::input::email_key(&request.email);
    if state.reset_requests().take(&email_key) {
        // After the answer: its timing says nothing about the address.
        let state = state.clone();
        tokio::spawn(async move {
            match crate::onboarding::reset(state.store().as_ref(), &state.links(), &request.email)
                .await
            {
                Ok(true) => state.mail_queued(),
                Ok(false) => {}
                Err(error) => tracing::warn!(%error, "queueing a reset e-mail"),
            }
        });
    }
    Ok(StatusCode::ACCEPTED)
}

/// What a link from an e-mail is for and whose it is, without using it: the app shows
/// it before the partner chooses a password.
#[utoipa::path(post, path = "/v1/password-links/check", tag = "accounts", request_body = LinkToken,
    responses(
        (status = 200, body = LinkInfo),
        (status = 400, body = ErrorBody),
        (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "link_invalid: unknown, used already, replaced or expired"),
        (status = 429, body = ErrorBody),
    ))]
async fn check_link(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<LinkToken>,
) -> Result<Json<LinkInfo>, ApiError> {
    let ip = state.client_ip(peer, &headers);
    state.check_rate(&link_key(ip)).await?;
    state
        .store()
        .link_info(&auth::token_hash(request.token.trim()))
        .await?
        .map(Json)
        .ok_or_else(link_invalid)
}

fn link_invalid() -> ApiError {
    ApiError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::LinkInvalid,
        "the link is unknown, used already or expired",
    )
}

/// Chooses a password with a link from an e-mail (an invitation or a reset) and signs
/// in. The link then stops working; every other session of the account ends.
#[utoipa::path(post, path = "/v1/passwords", tag = "accounts", request_body = ChoosePassword,
    responses(
        (status = 201, body = Session),
        (status = 400, body = ErrorBody),
        (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "password_too_short, password_too_long, password_common; link_invalid: unknown, used already, replaced or expired"),
        (status = 429, body = ErrorBody),
        (status = 503, body = ErrorBody, description = "rate_limited (with Retry-After): as many passwords are being hashed as the server does at once"),
    ))]
async fn choose_password(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<ChoosePassword>,
) -> Result<(StatusCode, Json<Session>), ApiError> {
    let ip = state.client_ip(peer, &headers);
    state.check_rate(&link_key(ip)).await?;
    let link_hash = auth::token_hash(request.token.trim());
    // A link that does not work is said first: no password to think of for nothing.
    if state.store().link_info(&link_hash).await?.is_none() {
        return Err(link_invalid());
    }
    let hash = new_password_hash(&state, request.password).await?;
    let (token, session_hash) = auth::new_token();
    let (account_id, purpose) = state
        .store()
        .use_link(&link_hash, &hash, &session_hash)
        .await?;
    // Streams of the sessions that just ended stop at once.
    state.streams().end_account(account_id);
    let account = state.store().account(account_id).await?;
    tracing::info!(
        account = account_id,
        purpose = purpose.as_str(),
        "password chosen"
    );
    Ok((StatusCode::CREATED, Json(Session { token, account })))
}

/// Changes the signed-in account's password, given the current one. This session goes
/// on; every other one ends.
#[utoipa::path(put, path = "/v1/account/password", tag = "accounts", request_body = ChangePassword,
    security(("bearer" = [])),
    responses(
        (status = 204),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "invalid_credentials: the current password is not right"),
        (status = 413, body = ErrorBody),
        (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody, description = "password_too_short, password_too_long, password_common"),
        (status = 429, body = ErrorBody, description = "rate_limited (with Retry-After): wrong current passwords, as for sign-in"),
        (status = 503, body = ErrorBody, description = "rate_limited (with Retry-After): as many passwords are being checked as the server does at once"),
    ))]
async fn change_password(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    caller: Caller,
    ApiJson(request): ApiJson<ChangePassword>,
) -> Result<StatusCode, ApiError> {
    let ip = state.client_ip(peer, &headers);
    let throttle_key = format!("account:{}", caller.account.id);
    if let Some(wait) = state.sign_in_throttle().wait(&throttle_key, ip) {
        return Err(ApiError::rate_limited(
            wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
        ));
    }
    crate::passwords::check_new_password(&request.new_password)?;
    let account = state.store().account(caller.account.id).await?;
    let Some((_, current_hash)) = state.store().login_record(&account.email).await? else {
        return Err(ApiError::unauthorized());
    };
    let Some(turn) = state.password_check() else {
        return Err(ApiError::busy());
    };
    let current = request.current_password;
    let matches =
        tokio::task::spawn_blocking(move || auth::verify_password(&current, &current_hash))
            .await
            .map_err(ApiError::internal)?;
    drop(turn);
    if !matches {
        state.sign_in_throttle().failed(&throttle_key, ip);
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::InvalidCredentials,
            "the current password is not right",
        ));
    }
    state.sign_in_throttle().succeeded(&throttle_key, ip);
    let hash = new_password_hash(&state, request.new_password).await?;
    state
        .store()
        .change_password(caller.account.id, &hash, &caller.token_hash)
        .await?;
    tracing::info!(account = caller.account.id, "password changed");
    Ok(StatusCode::NO_CONTENT)
}
