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
    IdempotencyKeyInvalid,
    IdempotencyKeyReused,
    InvalidCredentials,
    Unauthorized,
    Forbidden,
    NotFound,
    InvalidTransition,
    MediationNotAvailable,
    RateLimited,
    Internal,
    /// A complaint names who complains and how to reach them.
    ContactRequired,
    /// An email address is missing its domain or its local part.
    EmailInvalid,
    /// A text holds a NUL or another control character no person types.
    TextInvalid,
    /// A name or phone number is longer than its limit.
    TextTooLong,
    /// The account has as many files uploaded and not yet sent as it may.
    TooManyPendingFiles,
    /// A file with an image's first bytes that does not decode as that image.
    ImageUnreadable,
    /// An image with more pixels than the server decodes.
    ImageTooLarge,
    /// A new password shorter than 8 characters.
    PasswordTooShort,
    /// A new password longer than 128 characters.
    PasswordTooLong,
    /// A new password on the list of common and leaked ones.
    PasswordCommon,
    /// An invitation or reset link that is unknown, used already or expired.
    LinkInvalid,
    /// Handlers: an assignment to an account that is not a handler's.
    UnknownHandler,
    /// Handlers: as many saved replies as one handler may keep.
    TooManySavedReplies,
    /// A push subscription or device token that cannot be used (see `push`).
    PushTargetInvalid,
    /// A kind of push this server is not set up to send.
    PushUnavailable,
    /// The push target is registered to another account.
    PushTargetTaken,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 39] = [
        ErrorCode::InvalidInput,
        ErrorCode::BodyEmpty,
        ErrorCode::BodyTooLong,
        ErrorCode::UnknownTopic,
        ErrorCode::UnknownSubtopic,
        ErrorCode::ReservationRefInvalid,
        ErrorCode::UnknownProperty,
        ErrorCode::TooManyAttachments,
        ErrorCode::UnknownAttachment,
        ErrorCode::AttachmentTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::PayloadTooLarge,
        ErrorCode::IdempotencyKeyMissing,
        ErrorCode::IdempotencyKeyInvalid,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::InvalidCredentials,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::NotFound,
        ErrorCode::InvalidTransition,
        ErrorCode::MediationNotAvailable,
        ErrorCode::RateLimited,
        ErrorCode::Internal,
        ErrorCode::ContactRequired,
        ErrorCode::EmailInvalid,
        ErrorCode::TextInvalid,
        ErrorCode::TextTooLong,
        ErrorCode::TooManyPendingFiles,
        ErrorCode::ImageUnreadable,
        ErrorCode::ImageTooLarge,
        ErrorCode::PasswordTooShort,
        ErrorCode::PasswordTooLong,
        ErrorCode::PasswordCommon,
        ErrorCode::LinkInvalid,
        ErrorCode::UnknownHandler,
        ErrorCode::TooManySavedReplies,
        ErrorCode::PushTargetInvalid,
        ErrorCode::PushUnavailable,
        ErrorCode::PushTargetTaken,
    ];

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
            ErrorCode::IdempotencyKeyInvalid => "idempotency_key_invalid",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::InvalidTransition => "invalid_transition",
            ErrorCode::MediationNotAvailable => "mediation_not_available",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Internal => "internal",
            ErrorCode::ContactRequired => "contact_required",
            ErrorCode::EmailInvalid => "email_invalid",
            ErrorCode::TextInvalid => "text_invalid",
            ErrorCode::TextTooLong => "text_too_long",
            ErrorCode::TooManyPendingFiles => "too_many_pending_files",
            ErrorCode::ImageUnreadable => "image_unreadable",
            ErrorCode::ImageTooLarge => "image_too_large",
            ErrorCode::PasswordTooShort => "password_too_short",
            ErrorCode::PasswordTooLong => "password_too_long",
            ErrorCode::PasswordCommon => "password_common",
            ErrorCode::LinkInvalid => "link_invalid",
            ErrorCode::UnknownHandler => "unknown_handler",
            ErrorCode::TooManySavedReplies => "too_many_saved_replies",
            ErrorCode::PushTargetInvalid => "push_target_invalid",
            ErrorCode::PushUnavailable => "push_unavailable",
            ErrorCode::PushTargetTaken => "push_target_taken",
        }
    }

    /// Parses a wire id; `None` for a code this build does not know (a newer server's).
    pub fn from_wire(s: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.as_str() == s)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_their_wire_ids() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(ErrorCode::from_wire(code.as_str()), Some(code));
        }
        assert_eq!(ErrorCode::from_wire("no_such_code"), None);
    }
}
