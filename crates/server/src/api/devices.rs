//! Push targets: a partner's devices register where the server may notify them while
//! the app is closed (see `crate::push`), list them and remove them.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pulse_protocol::push::{Device, NewDevice, PushAddress, PushConfig, ValidDevice};
use pulse_protocol::{Actor, ErrorBody, ErrorCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::{ApiJson, ApiPath};
use crate::app::AppState;
use crate::auth::{Caller, Partner};
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(push_config))
        .routes(routes!(register_device, list_devices))
        .routes(routes!(remove_device))
}

/// What a device needs to subscribe to pushes: the VAPID public key (Web Push) and
/// which kinds of push this server sends.
#[utoipa::path(get, path = "/v1/push", tag = "devices",
    responses((status = 200, body = PushConfig)))]
async fn push_config(State(state): State<AppState>) -> Json<PushConfig> {
    Json(state.push().config())
}

/// Registers this device's push target for the signed-in partner. The same
/// subscription or token again is the same device (its keys, language and label
/// updated). It belongs to this session: signing out or the session's end removes it.
/// An account keeps at most 10; the oldest goes.
#[utoipa::path(post, path = "/v1/devices", tag = "devices",
    security(("bearer" = [])),
    request_body = NewDevice,
    responses(
        (status = 201, body = Device),
        (status = 400, body = ErrorBody, description = "invalid_input: not JSON of this shape, an unknown platform"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "forbidden: a handler's token"),
        (status = 409, body = ErrorBody, description = "push_target_taken: the subscription or token is another account's"),
        (status = 422, body = ErrorBody, description = "push_target_invalid (bad base64, a key that is no P-256 point, an endpoint that is not https outside loopback, a malformed token), push_unavailable (a kind of push this server does not send), language_invalid, text_invalid, text_too_long (the label)"),
    ))]
async fn register_device(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(request): ApiJson<NewDevice>,
) -> Result<(StatusCode, Json<Device>), ApiError> {
    if caller.account.role != Actor::Partner {
        return Err(ApiError::forbidden());
    }
    let device = ValidDevice::parse(&request)?;
    if let PushAddress::WebPush { p256dh, .. } = &device.address
        && !crate::push::is_p256_point(p256dh)
    {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::PushTargetInvalid,
            "p256dh is not a point on the P-256 curve",
        ));
    }
    let platform = device.address.platform();
    if !state.push().sends(platform) {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            ErrorCode::PushUnavailable,
            format!("this server does not send {} pushes", platform.as_str()),
        ));
    }
    let device = state
        .store()
        .register_device(caller.account.id, &caller.token_hash, &device)
        .await?;
    tracing::info!(account = caller.account.id, device = %device.id,
        platform = platform.as_str(), "push target registered");
    Ok((StatusCode::CREATED, Json(device)))
}

/// The signed-in partner's push targets, oldest first.
#[utoipa::path(get, path = "/v1/devices", tag = "devices",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Vec<Device>),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "forbidden: a handler's token"),
    ))]
async fn list_devices(
    State(state): State<AppState>,
    Partner(partner): Partner,
) -> Result<Json<Vec<Device>>, ApiError> {
    Ok(Json(state.store().devices(partner.id).await?))
}

/// Removes one of the signed-in partner's push targets; pushes queued for it go too.
#[utoipa::path(delete, path = "/v1/devices/{id}", tag = "devices",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "device id")),
    responses(
        (status = 204),
        (status = 400, body = ErrorBody, description = "invalid_input: not a UUID"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "forbidden: a handler's token"),
        (status = 404, body = ErrorBody, description = "not_found: no device of this account has that id"),
    ))]
async fn remove_device(
    State(state): State<AppState>,
    Partner(partner): Partner,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, ApiError> {
    state.store().remove_device(partner.id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
