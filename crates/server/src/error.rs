//! The API's one error type: every failure answers JSON `{code, message}` with a stable
//! code. Internal causes are logged here and never sent.

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pulse_protocol::input::InputError;
use pulse_protocol::lifecycle::TransitionError;
use pulse_protocol::{ErrorBody, ErrorCode};

use crate::store::StoreError;

/// A refused or failed request, as the client will see it.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: ErrorCode,
    message: String,
    retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            retry_after_secs: None,
        }
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, ErrorCode::InvalidInput, message)
    }

    pub fn unauthorized() -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthorized,
            "sign in to continue",
        )
    }

    pub fn forbidden() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorCode::Forbidden,
            "this account may not do that",
        )
    }

    pub fn not_found() -> ApiError {
        ApiError::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no such resource",
        )
    }

    pub fn rate_limited(retry_after_secs: u64) -> ApiError {
        ApiError {
            retry_after_secs: Some(retry_after_secs.max(1)),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::RateLimited,
                "too many requests; try again later",
            )
        }
    }

    /// An account has uploaded as many files not yet sent as it may; they are linked
    /// as its messages go out, so trying again later works.
    pub fn too_many_pending_files() -> ApiError {
        ApiError {
            retry_after_secs: Some(60),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyPendingFiles,
                "too many files are uploaded and not yet sent with a message",
            )
        }
    }

    /// As many passwords are being checked, or writes are waiting, as the server takes
    /// at once; a moment later there is room.
    pub fn busy() -> ApiError {
        ApiError {
            retry_after_secs: Some(1),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::RateLimited,
                "the server is busy; try again in a moment",
            )
        }
    }

    /// An account holds as many event streams as it may.
    pub fn too_many_streams() -> ApiError {
        ApiError {
            retry_after_secs: Some(5),
            ..ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::RateLimited,
                "too many event streams are open for this account; close one",
            )
        }
    }

    /// A failure the client cannot act on: logged in full, answered as `internal`.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        tracing::error!(%cause, "internal error");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorCode::Internal,
            "something went wrong on our side",
        )
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The JSON body this error answers with.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            code: self.code,
            message: self.message.clone(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            code: self.code,
            message: self.message,
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(secs) = self.retry_after_secs
            && let Ok(value) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

impl From<InputError> for ApiError {
    fn from(e: InputError) -> ApiError {
        let status = match e {
            InputError::AttachmentTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            InputError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        ApiError::new(status, e.code(), e.to_string())
    }
}

impl From<pulse_media::MediaError> for ApiError {
    fn from(e: pulse_media::MediaError) -> ApiError {
        match e {
            pulse_media::MediaError::Unreadable => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ImageUnreadable,
                e.to_string(),
            ),
            pulse_media::MediaError::TooManyPixels { .. } => ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::ImageTooLarge,
                e.to_string(),
            ),
        }
    }
}

impl From<TransitionError> for ApiError {
    fn from(e: TransitionError) -> ApiError {
        match e {
            TransitionError::MediationOutsideEea => ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::MediationNotAvailable,
                e.to_string(),
            ),
            TransitionError::WrongActor(_) => ApiError::forbidden(),
            TransitionError::NotFromStatus(_) => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::InvalidTransition,
                e.to_string(),
            ),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::NotFound => ApiError::not_found(),
            StoreError::Transition(t) => t.into(),
            StoreError::UnknownProperty => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::UnknownProperty,
                e.to_string(),
            ),
            StoreError::TooManyPendingFiles => ApiError::too_many_pending_files(),
            StoreError::Busy => ApiError::busy(),
            StoreError::Input(e) => e.into(),
            StoreError::UnknownAttachment => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::UnknownAttachment,
                e.to_string(),
            ),
            StoreError::IdempotencyKeyReused => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::IdempotencyKeyReused,
                e.to_string(),
            ),
            StoreError::EmailInvalid => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::EmailInvalid,
                e.to_string(),
            ),
            StoreError::LinkInvalid => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::LinkInvalid,
                e.to_string(),
            ),
            StoreError::UnknownHandler => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::UnknownHandler,
                e.to_string(),
            ),
            StoreError::TooManySavedReplies => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::TooManySavedReplies,
                e.to_string(),
            ),
            StoreError::PushTargetTaken => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::PushTargetTaken,
                e.to_string(),
            ),
            StoreError::EmailTaken => {
                ApiError::new(StatusCode::CONFLICT, ErrorCode::InvalidInput, e.to_string())
            }
            StoreError::Corrupt(_)
            | StoreError::Database(_)
            | StoreError::Closed
            | StoreError::UnsupportedUrl(_) => ApiError::internal(e),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> ApiError {
        let code = match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
            _ => ErrorCode::InvalidInput,
        };
        ApiError::new(rejection.status(), code, rejection.body_text())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> ApiError {
        ApiError::bad_request(rejection.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(_: PathRejection) -> ApiError {
        // A malformed id names nothing that exists.
        ApiError::not_found()
    }
}

/// Answers for paths and methods the router does not know, in the same JSON shape.
pub async fn no_route() -> ApiError {
    ApiError::not_found()
}

pub async fn no_method() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::InvalidInput,
        "method not allowed here",
    )
}
