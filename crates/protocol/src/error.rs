//! The error body every API failure answers with, and its stable codes: the app shows
//! each code in the partner's language (Fluent key `error-<code>`), never the message.

use serde::{Deserialize, Serialize};

/// A stable, machine-readable reason for a refused request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The request is not well-formed (bad JSON, a missing field, a bad query).
    InvalidInput,
    BodyEmpty,
    BodyTooLong,
    UnknownTopic,
    UnknownSubtopic,
    ReservationRefInvalid,
    UnknownProperty,
    TooManyAttachments,
    UnknownAttachment,
    AttachmentTooLarge,
    UnsupportedMediaType,
    PayloadTooLarge,
    IdempotencyKeyMissing,
    IdempotencyKeyReused,
    InvalidCredentials,
    Unauthorized,
    Forbidden,
    NotFound,
    InvalidTransition,
    MediationNotAvailable,
    RateLimited,
    Internal,
}

impl ErrorCode {
    /// The wire id, e.g. `idempotency_key_reused`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::BodyEmpty => "body_empty",
            ErrorCode::BodyTooLong => "body_too_long",
            ErrorCode::UnknownTopic => "unknown_topic",
            ErrorCode::UnknownSubtopic => "unknown_subtopic",
            ErrorCode::ReservationRefInvalid => "reservation_ref_invalid",
            ErrorCode::UnknownProperty => "unknown_property",
            ErrorCode::TooManyAttachments => "too_many_attachments",
            ErrorCode::UnknownAttachment => "unknown_attachment",
            ErrorCode::AttachmentTooLarge => "attachment_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::IdempotencyKeyMissing => "idempotency_key_missing",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::InvalidTransition => "invalid_transition",
            ErrorCode::MediationNotAvailable => "mediation_not_available",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Internal => "internal",
        }
    }
}

/// The JSON body of every error answer: `{"code": "...", "message": "..."}`. The message
/// is English for logs and developers; it never holds internal detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub code: ErrorCode,
    pub message: String,
}
