//! Photos and documents: uploaded raw before the message that carries them, recognised
//! by their content, kept as files in the data directory.

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use pulse_protocol::ErrorBody;
use pulse_protocol::input::{AttachmentKind, InputError};
use pulse_protocol::wire::AttachmentRef;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use uuid::Uuid;

use super::ApiPath;
use crate::app::AppState;
use crate::auth::{Caller, Partner};
use crate::error::ApiError;

pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(upload))
        .routes(routes!(download))
        .routes(routes!(case_file))
}

/// Declared types that may be uploaded; the content decides what is stored.
pub(crate) const DECLARED: [&str; 7] = [
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/heic",
    "image/heif",
    "application/pdf",
    "application/octet-stream",
];

/// Uploads one attachment as the raw request body.
#[utoipa::path(post, path = "/v1/attachments", tag = "partner",
    security(("bearer" = [])),
    request_body(content = Vec<u8>, content_type = "image/jpeg",
        description = "JPEG, PNG, WebP, HEIC or PDF, recognised by content. A photo is stored without its metadata (EXIF with GPS, XMP, IPTC, comments), turned upright by its EXIF orientation; JPEG, PNG and WebP are decoded and encoded anew (a WebP as JPEG, or PNG when transparent), so `media_type` and `size` of the answer are those of the stored file"),
    responses(
        (status = 201, body = AttachmentRef),
        (status = 400, body = ErrorBody, description = "invalid_input: the upload broke off"),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "a handler's token"),
        (status = 413, body = ErrorBody, description = "attachment_too_large; image_too_large: more pixels than the server decodes"),
        (status = 415, body = ErrorBody, description = "unsupported_media_type"),
        (status = 422, body = ErrorBody, description = "image_unreadable: an image's first bytes, and no image behind them"),
        (status = 429, body = ErrorBody, description = "too_many_pending_files (with Retry-After): as many files are uploaded and not yet sent as an account may have; rate_limited"),
    ))]
async fn upload(
    State(state): State<AppState>,
    Partner(partner): Partner,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<AttachmentRef>), ApiError> {
    let max = state.limits().max_attachment_bytes;
    let cap = state.limits().pending_files;
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    if let Some(declared) = &declared
        && !DECLARED.contains(&declared.as_str())
    {
        return Err(InputError::UnsupportedMediaType.into());
    }
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|len| len > max) {
        return Err(InputError::AttachmentTooLarge(max).into());
    }
    // Refused before a byte is read when the account is already at its cap.
    let expected = announced.unwrap_or(0) as u64;
    if !state
        .store()
        .has_room_for(partner.id, expected, cap)
        .await?
    {
        return Err(ApiError::too_many_pending_files());
    }
    let id = Uuid::new_v4();
    let path = state.attachments_dir().join(id.to_string());
    let partial = path.with_extension("part");
    let received = match receive(body, &partial, max).await {
        Ok(received) => clean(&state, &partial, received).await,
        Err(error) => Err(error),
    };
    let received = match received {
        Ok(received) => received,
        Err(error) => {
            let _ = tokio::fs::remove_file(&partial).await;
            return Err(error);
        }
    };
    let attachment = AttachmentRef {
        id,
        media_type: received.kind.media_type().to_owned(),
        size: received.size,
    };
    let recorded = async {
        tokio::fs::rename(&partial, &path)
            .await
            .map_err(ApiError::internal)?;
        state
            .store()
            .record_attachment(partner.id, &attachment, cap)
            .await
            .map_err(ApiError::from)
    };
    if let Err(error) = recorded.await {
        let _ = tokio::fs::remove_file(&partial).await;
        let _ = tokio::fs::remove_file(&path).await;
        return Err(error);
    }
    Ok((StatusCode::CREATED, Json(attachment)))
}

/// An upload written to disk: what its first bytes say it is, and its size.
struct Received {
    kind: AttachmentKind,
    size: u64,
}

/// Writes the body to `partial` as it arrives, never holding more than a piece of it
/// in memory; refuses it once it passes `max` bytes, or when its first bytes are not
/// one of the kinds (before the rest is read).
async fn receive(body: Body, partial: &std::path::Path, max: usize) -> Result<Received, ApiError> {
    use futures_util::StreamExt;
    use tokio::io::AsyncWriteExt;

    /// Enough of the start of a file to recognise every kind.
    const SNIFF: usize = 16;
    let mut file = tokio::fs::File::create(partial)
        .await
        .map_err(ApiError::internal)?;
    let mut stream = body.into_data_stream();
    let mut head: Vec<u8> = Vec::with_capacity(SNIFF);
    let mut kind = None;
    let mut size = 0usize;
    while let Some(piece) = stream.next().await {
        // A body that stops arriving (the body timeout) or breaks off ends here.
        let piece: Bytes =
            piece.map_err(|_| ApiError::bad_request("the upload did not arrive whole"))?;
        size += piece.len();
        if size > max {
            return Err(InputError::AttachmentTooLarge(max).into());
        }
        if kind.is_none() {
            let take = (SNIFF - head.len()).min(piece.len());
            head.extend_from_slice(&piece[..take]);
            if head.len() == SNIFF {
                kind = Some(AttachmentKind::check_upload(&head, max)?);
            }
        }
        file.write_all(&piece).await.map_err(ApiError::internal)?;
    }
    // A file shorter than the sniffing window is judged on what there is.
    let kind = match kind {
        Some(kind) => kind,
        None => AttachmentKind::check_upload(&head, max)?,
    };
    file.flush().await.map_err(ApiError::internal)?;
    file.sync_all().await.map_err(ApiError::internal)?;
    Ok(Received {
        kind,
        size: size as u64,
    })
}

/// Makes a received image safe to keep: it must decode (within the pixel limit), is
/// turned upright, and is written anew without any metadata (see `pulse_media`). The
/// work is CPU-bound: off the async threads, a few at a time.
async fn clean(
    state: &AppState,
    partial: &std::path::Path,
    received: Received,
) -> Result<Received, ApiError> {
    if received.kind == AttachmentKind::Pdf {
        return Ok(received);
    }
    let permit = state.image_work().await;
    let bytes = tokio::fs::read(partial).await.map_err(ApiError::internal)?;
    let options = pulse_media::Options {
        max_pixels: state.limits().max_image_pixels,
        ..pulse_media::Options::SERVER
    };
    let kind = received.kind;
    let cleaned = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        pulse_media::clean(&bytes, kind, &options)
    })
    .await
    .map_err(ApiError::internal)??;
    let mut file = tokio::fs::File::create(partial)
        .await
        .map_err(ApiError::internal)?;
    use tokio::io::AsyncWriteExt;
    file.write_all(&cleaned.bytes)
        .await
        .map_err(ApiError::internal)?;
    file.sync_all().await.map_err(ApiError::internal)?;
    Ok(Received {
        kind: cleaned.kind,
        size: cleaned.bytes.len() as u64,
    })
}

/// Downloads a file its uploader sent or is about to send: nobody else's (a handler
/// reaches files through their case).
#[utoipa::path(get, path = "/v1/attachments/{id}", tag = "partner",
    security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "attachment id")),
    responses(
        (status = 200, description = "the file, with its recognised media type, as a download (`Content-Disposition: attachment`), never sniffed, cached privately"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "not_found: no such file of this account's"),
        (status = 429, body = ErrorBody, description = "rate_limited"),
    ))]
async fn download(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Response, ApiError> {
    let attachment = state.store().own_attachment(id, &caller.account).await?;
    file_response(&state, &attachment).await
}

/// Downloads a file of a message of a case: the case's partner, or a handler.
#[utoipa::path(get, path = "/v1/cases/{case_id}/attachments/{id}", tag = "partner",
    security(("bearer" = [])),
    params(
        ("case_id" = Uuid, Path, description = "case id"),
        ("id" = Uuid, Path, description = "attachment id"),
    ),
    responses(
        (status = 200, description = "the file, with its recognised media type, as a download (`Content-Disposition: attachment`), never sniffed, cached privately"),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "not_found: no such case for this account, or the file is not one of its messages'"),
        (status = 429, body = ErrorBody, description = "rate_limited"),
    ))]
async fn case_file(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((case_id, id)): ApiPath<(Uuid, Uuid)>,
) -> Result<Response, ApiError> {
    let attachment = state
        .store()
        .case_attachment(case_id, id, &caller.account)
        .await?;
    file_response(&state, &attachment).await
}

async fn file_response(state: &AppState, attachment: &AttachmentRef) -> Result<Response, ApiError> {
    let id = attachment.id;
    let path = state.attachments_dir().join(id.to_string());
    let bytes = tokio::fs::read(&path).await.map_err(ApiError::internal)?;
    let mut response = bytes.into_response();
    let kind = AttachmentKind::from_media_type(&attachment.media_type);
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(kind.map_or("application/octet-stream", |k| k.media_type())),
    );
    // Saved, not shown in the server's origin; the name is the id, never the partner's.
    let extension = kind.map_or("bin", AttachmentKind::extension);
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{id}.{extension}\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    // A partner's photo is theirs: no shared cache keeps it, the browser may.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    // Opened anyway, it runs nothing.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'; sandbox"),
    );
    Ok(response)
}
