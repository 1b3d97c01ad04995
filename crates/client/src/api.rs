//! The one HTTP client the phone uses to talk to pulse-server (reqwest on rustls/ring).
//! It turns every answer into data or an [`ApiError`] that says whether to retry.

use std::time::Duration;

use pulse_protocol::ErrorCode;
use pulse_protocol::push::{Device, NewDevice, PushConfig};
use pulse_protocol::wire::{
    Account, AttachmentRef, CaseBatch, CaseDetail, CaseEvent, CasePage, ChangePassword,
    ChoosePassword, EventPage, IDEMPOTENCY_KEY_HEADER, LinkInfo, LinkToken, NewCase, NewReply,
    PasswordReset, ResolutionAnswer, Session, SignIn, TimelinePage,
};
use reqwest::{Method, RequestBuilder, StatusCode, header};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::model::Failure;
use crate::outbox::Outcome;

/// A bearer token. Never printed: its Debug says nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub fn new(token: String) -> Token {
        Token(token)
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

/// Why a call did not succeed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApiError {
    /// The connection broke, or no answer came in time: the request may have reached
    /// the server.
    #[error("the server cannot be reached")]
    Network,
    /// No connection could be made: nothing of the request left the phone.
    #[error("the server cannot be reached")]
    Unreached,
    /// The session is no longer valid.
    #[error("sign in again")]
    Unauthorized,
    /// The server answered with an error.
    #[error("{}: {message}", code.as_str())]
    Server {
        status: u16,
        code: ErrorCode,
        message: String,
        retry_after: Option<Duration>,
    },
    /// The server answered something this app does not understand.
    #[error("unexpected answer from the server")]
    Unexpected,
}

impl ApiError {
    /// Whether the request may have reached the server: anything but a connection that
    /// could not be made.
    pub fn may_have_arrived(&self) -> bool {
        !matches!(self, ApiError::Unreached)
    }

    /// Whether the same request may succeed later, as the outbox decides it for every
    /// answer (see [`crate::outbox`]).
    pub fn is_transient(&self) -> bool {
        matches!(
            crate::outbox::verdict(&self.outcome()),
            crate::outbox::Verdict::Retry { .. }
        )
    }

    /// Why, for the partner.
    pub fn failure(&self) -> Failure {
        match self {
            ApiError::Network | ApiError::Unreached => Failure::Network,
            ApiError::Unauthorized => Failure::Refused(ErrorCode::Unauthorized),
            ApiError::Server { code, .. } => Failure::Refused(*code),
            ApiError::Unexpected => Failure::Unexpected,
        }
    }

    /// The answer as the outbox weighs it.
    pub fn outcome(&self) -> Outcome {
        match self {
            ApiError::Network | ApiError::Unreached => Outcome::NoAnswer,
            ApiError::Unauthorized => Outcome::Refused {
                status: 401,
                code: ErrorCode::Unauthorized,
                retry_after: None,
            },
            ApiError::Server {
                status,
                code,
                retry_after,
                ..
            } => Outcome::Refused {
                status: *status,
                code: *code,
                retry_after: *retry_after,
            },
            ApiError::Unexpected => Outcome::Unreadable,
        }
    }

    /// What the server said, in English, for the log.
    pub fn message(&self) -> String {
        match self {
            ApiError::Server { message, .. } => message.clone(),
            other => other.to_string(),
        }
    }
}

/// The code an error answer stands for. A code this build does not know (a newer
/// server's) or a body that is not the API's (a proxy's error page) becomes the general
/// code for its status: the status is what the server meant for every client, older
/// ones included, so the partner still reads "not found" or "try again later" in their
/// language rather than nothing, and whether to retry (decided on the status, see
/// [`crate::outbox`]) does not change.
pub fn code_for(status: u16, code: Option<&str>) -> ErrorCode {
    if let Some(code) = code.and_then(ErrorCode::from_wire) {
        return code;
    }
    match status {
        401 => ErrorCode::Unauthorized,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        409 => ErrorCode::InvalidTransition,
        413 => ErrorCode::PayloadTooLarge,
        415 => ErrorCode::UnsupportedMediaType,
        429 => ErrorCode::RateLimited,
        500.. => ErrorCode::Internal,
        _ => ErrorCode::InvalidInput,
    }
}

/// An error body read without trusting its code to be one this build knows.
#[derive(Deserialize)]
pub(crate) struct RawErrorBody {
    pub code: String,
    #[serde(default)]
    pub message: String,
}

/// How the HTTP client behaves.
#[derive(Debug, Clone)]
pub struct HttpOptions {
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    /// Reuse connections (on by default; off makes every request a new connection).
    pub keep_alive: bool,
}

impl Default for HttpOptions {
    fn default() -> HttpOptions {
        HttpOptions {
            connect_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            keep_alive: true,
        }
    }
}

/// A client for one server, signed in or not.
#[derive(Clone, Debug)]
pub struct Api {
    http: reqwest::Client,
    base: String,
    token: Option<Token>,
    request_timeout: Duration,
}

impl Api {
    pub fn new(base: &str, options: &HttpOptions) -> Result<Api, ApiError> {
        let builder = reqwest::Client::builder();
        // In a browser, connections and the user agent are the browser's business.
        #[cfg(not(target_family = "wasm"))]
        let builder = {
            let builder = builder
                .connect_timeout(options.connect_timeout)
                .user_agent(concat!("pulse-companion/", env!("CARGO_PKG_VERSION")));
            if options.keep_alive {
                // pulse-server closes a connection idle for 15 s (its head timeout);
                // letting go sooner means never sending on one it is closing.
                builder.pool_idle_timeout(std::time::Duration::from_secs(10))
            } else {
                builder.pool_max_idle_per_host(0)
            }
        };
        let http = builder.build().map_err(|_| ApiError::Unexpected)?;
        Ok(Api {
            http,
            base: base.trim_end_matches('/').to_owned(),
            token: None,
            request_timeout: options.request_timeout,
        })
    }

    /// The same client, acting with `token`.
    pub fn with_token(&self, token: Token) -> Api {
        Api {
            token: Some(token),
            ..self.clone()
        }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let mut request = self
            .http
            .request(method, format!("{}{path}", self.base))
            .timeout(self.request_timeout);
        if let Some(token) = &self.token {
            request = request.bearer_auth(token.expose());
        }
        request
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Result<Session, ApiError> {
        let body = SignIn {
            email: email.to_owned(),
            password: password.to_owned(),
        };
        send(self.request(Method::POST, "/v1/sessions").json(&body)).await
    }

    pub async fn sign_out(&self) -> Result<(), ApiError> {
        send_empty(self.request(Method::DELETE, "/v1/sessions/current")).await
    }

    /// Ends every session of the account, this one too.
    pub async fn sign_out_everywhere(&self) -> Result<(), ApiError> {
        send_empty(self.request(Method::DELETE, "/v1/sessions")).await
    }

    pub async fn request_reset(&self, email: &str) -> Result<(), ApiError> {
        let body = PasswordReset {
            email: email.to_owned(),
        };
        send_empty(
            self.request(Method::POST, "/v1/password-resets")
                .json(&body),
        )
        .await
    }

    pub async fn check_link(&self, token: &str) -> Result<LinkInfo, ApiError> {
        let body = LinkToken {
            token: token.to_owned(),
        };
        send(
            self.request(Method::POST, "/v1/password-links/check")
                .json(&body),
        )
        .await
    }

    pub async fn choose_password(&self, token: &str, password: &str) -> Result<Session, ApiError> {
        let body = ChoosePassword {
            token: token.to_owned(),
            password: password.to_owned(),
        };
        send(self.request(Method::POST, "/v1/passwords").json(&body)).await
    }

    pub async fn change_password(&self, current: &str, new: &str) -> Result<(), ApiError> {
        let body = ChangePassword {
            current_password: current.to_owned(),
            new_password: new.to_owned(),
        };
        send_empty(
            self.request(Method::PUT, "/v1/account/password")
                .json(&body),
        )
        .await
    }

    pub async fn account(&self) -> Result<Account, ApiError> {
        send(self.request(Method::GET, "/v1/account")).await
    }

    pub async fn upload(
        &self,
        bytes: Vec<u8>,
        media_type: &str,
    ) -> Result<AttachmentRef, ApiError> {
        send(
            self.request(Method::POST, "/v1/attachments")
                .header(header::CONTENT_TYPE, media_type)
                .body(bytes),
        )
        .await
    }

    pub async fn create_case(&self, key: Uuid, case: &NewCase) -> Result<CaseDetail, ApiError> {
        send(
            self.request(Method::POST, "/v1/cases")
                .header(IDEMPOTENCY_KEY_HEADER, key.to_string())
                .json(case),
        )
        .await
    }

    /// Opens several cases in one request, in order, each under its own key. Each
    /// outcome's code is read as [`code_for`] reads an error answer's, so one case
    /// refused with a code this build does not know spoils nothing for the others.
    pub async fn create_cases(&self, batch: &CaseBatch) -> Result<Vec<BatchOutcome>, ApiError> {
        let answer: RawBatchOutcomes =
            send(self.request(Method::POST, "/v1/cases/batch").json(batch)).await?;
        Ok(answer
            .outcomes
            .into_iter()
            .map(|raw| BatchOutcome {
                key: raw.key,
                status: raw.status,
                case: raw.case,
                error: raw
                    .error
                    .map(|e| (code_for(raw.status, Some(&e.code)), e.message)),
            })
            .collect())
    }

    pub async fn reply(
        &self,
        case: Uuid,
        key: Uuid,
        reply: &NewReply,
    ) -> Result<CaseEvent, ApiError> {
        send(
            self.request(Method::POST, &format!("/v1/cases/{case}/messages"))
                .header(IDEMPOTENCY_KEY_HEADER, key.to_string())
                .json(reply),
        )
        .await
    }

    pub async fn answer_resolution(
        &self,
        case: Uuid,
        key: Uuid,
        answer: &ResolutionAnswer,
    ) -> Result<CaseEvent, ApiError> {
        send(
            self.request(Method::POST, &format!("/v1/cases/{case}/resolution"))
                .header(IDEMPOTENCY_KEY_HEADER, key.to_string())
                .json(answer),
        )
        .await
    }

    pub async fn request_mediation(&self, case: Uuid, key: Uuid) -> Result<CaseEvent, ApiError> {
        send(
            self.request(Method::POST, &format!("/v1/cases/{case}/mediation"))
                .header(IDEMPOTENCY_KEY_HEADER, key.to_string()),
        )
        .await
    }

    /// A photo or document of a case, as the server keeps it.
    pub async fn attachment(&self, case: Uuid, id: Uuid) -> Result<Vec<u8>, ApiError> {
        let request = self.request(Method::GET, &format!("/v1/cases/{case}/attachments/{id}"));
        let response = request.send().await.map_err(unanswered)?;
        let response = check(response).await?;
        let bytes = response.bytes().await.map_err(|_| ApiError::Network)?;
        Ok(bytes.to_vec())
    }

    pub async fn cases(&self, cursor: Option<&str>) -> Result<CasePage, ApiError> {
        let path = match cursor {
            Some(cursor) => format!("/v1/cases?cursor={cursor}"),
            None => "/v1/cases".to_owned(),
        };
        send(self.request(Method::GET, &path)).await
    }

    /// A case with its whole timeline: a long one arrives newest first, and the pages
    /// before follow until the first event.
    pub async fn case(&self, id: Uuid) -> Result<CaseDetail, ApiError> {
        let mut detail: CaseDetail =
            send(self.request(Method::GET, &format!("/v1/cases/{id}"))).await?;
        while let Some(before) = detail.earlier.take() {
            let path = format!("/v1/cases/{id}/timeline?before={before}");
            let page: TimelinePage = send(self.request(Method::GET, &path)).await?;
            // Each page must reach further back, or this would never end.
            if page.events.is_empty() || page.earlier.is_some_and(|next| next >= before) {
                break;
            }
            let mut timeline = page.events;
            timeline.append(&mut detail.timeline);
            detail.timeline = timeline;
            detail.earlier = page.earlier;
        }
        Ok(detail)
    }

    pub async fn events_after(&self, after: i64) -> Result<EventPage, ApiError> {
        send(
            self.request(Method::GET, &format!("/v1/events?after={after}&limit=500"))
                .header(header::ACCEPT, "application/json"),
        )
        .await
    }

    /// Opens the event stream after `after`, naming this device's push target and
    /// whether the app is on screen when it has one (see [`Presence`]). The response
    /// body is the stream; it has no overall timeout (the reader watches for silence
    /// instead).
    pub async fn open_stream(
        &self,
        after: i64,
        presence: Option<Presence>,
    ) -> Result<reqwest::Response, ApiError> {
        let query = match presence {
            Some(Presence { device, visible }) => format!("?device={device}&visible={visible}"),
            None => String::new(),
        };
        let mut request = self
            .http
            .get(format!("{}/v1/events{query}", self.base))
            .header(header::ACCEPT, "text/event-stream")
            .header("Last-Event-ID", after.to_string());
        if let Some(token) = &self.token {
            request = request.bearer_auth(token.expose());
        }
        let response = request.send().await.map_err(unanswered)?;
        check(response).await
    }

    // ----- push targets -----

    /// What a device needs to subscribe to pushes (the server's VAPID key) and which
    /// kinds of push the server sends. Asks for no session.
    pub async fn push_config(&self) -> Result<PushConfig, ApiError> {
        send(self.request(Method::GET, "/v1/push")).await
    }

    /// Registers this device's push target for the session's account. The same target
    /// again is the same device, its language and label updated.
    pub async fn register_device(&self, device: &NewDevice) -> Result<Device, ApiError> {
        send(self.request(Method::POST, "/v1/devices").json(device)).await
    }

    /// The account's push targets (never their addresses).
    pub async fn devices(&self) -> Result<Vec<Device>, ApiError> {
        send(self.request(Method::GET, "/v1/devices")).await
    }

    pub async fn remove_device(&self, id: Uuid) -> Result<(), ApiError> {
        send_empty(self.request(Method::DELETE, &format!("/v1/devices/{id}"))).await
    }
}

/// What the live stream tells the server about the device holding it: its push target
/// (`POST /v1/devices`), and whether the app is on screen. While a visible stream is
/// open the server sends that device no pushes: the app shows its own banner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presence {
    pub device: Uuid,
    pub visible: bool,
}

async fn send<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, ApiError> {
    let response = request.send().await.map_err(unanswered)?;
    let response = check(response).await?;
    let bytes = response.bytes().await.map_err(|_| ApiError::Network)?;
    serde_json::from_slice(&bytes).map_err(|_| ApiError::Unexpected)
}

async fn send_empty(request: RequestBuilder) -> Result<(), ApiError> {
    let response = request.send().await.map_err(unanswered)?;
    check(response).await.map(|_| ())
}

/// A request that got no answer: whether it could have reached the server decides
/// whether the outbox may still change it (see [`crate::outbox`]).
/// In a browser, fetch says no more than that it failed: it may have arrived.
fn unanswered(error: reqwest::Error) -> ApiError {
    #[cfg(not(target_family = "wasm"))]
    if error.is_connect() {
        return ApiError::Unreached;
    }
    let _ = error;
    ApiError::Network
}

/// Passes a success through; turns an error answer into an [`ApiError`].
/// The longest wait a server's Retry-After is taken at its word for: past a day the
/// outbox tries again after a day anyway (a misconfigured proxy must not silence a
/// phone for good, nor overflow its clock).
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 3600);

/// Retry-After in either of its forms (RFC 9110, 10.2.3): seconds, or an HTTP date;
/// at most [`MAX_RETRY_AFTER`]. A date in the past means now; anything else, none.
pub fn parse_retry_after(value: &str, now: time::OffsetDateTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // More digits than 64 bits hold is still a long time.
        let secs = value.parse::<u64>().unwrap_or(u64::MAX);
        return Some(Duration::from_secs(secs).min(MAX_RETRY_AFTER));
    }
    let at = http_date(value)?;
    let wait = Duration::try_from(at - now).unwrap_or(Duration::ZERO);
    Some(wait.min(MAX_RETRY_AFTER))
}

/// An HTTP date in the form servers send (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`),
/// read by hand: the `time` crate's general RFC 2822 reader weighs kilobytes in the
/// browser's download.
fn http_date(value: &str) -> Option<time::OffsetDateTime> {
    let b = value.as_bytes();
    if b.len() != 29 || &b[3..5] != b", " || &b[25..] != b" GMT" {
        return None;
    }
    if b[7] != b' ' || b[11] != b' ' || b[16] != b' ' || b[19] != b':' || b[22] != b':' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u16> {
        let digits = &b[range];
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(digits.iter().fold(0, |n, d| n * 10 + u16::from(d - b'0')))
    };
    const MONTHS: [&[u8]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let month = MONTHS.iter().position(|m| *m == &b[8..11])? as u8 + 1;
    let date = time::Date::from_calendar_date(
        i32::from(number(12..16)?),
        time::Month::try_from(month).ok()?,
        number(5..7)? as u8,
    )
    .ok()?;
    let clock = time::Time::from_hms(
        number(17..19)? as u8,
        number(20..22)? as u8,
        number(23..25)? as u8,
    )
    .ok()?;
    Some(time::PrimitiveDateTime::new(date, clock).assume_utc())
}

async fn check(response: reqwest::Response) -> Result<reqwest::Response, ApiError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    if status == StatusCode::UNAUTHORIZED {
        return Err(ApiError::Unauthorized);
    }
    let retry_after = response
        .headers()
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_retry_after(v, time::OffsetDateTime::now_utc()));
    // A proxy's HTML error page is still an error with a status; keep what we can.
    let body: Option<RawErrorBody> = match response.bytes().await {
        Ok(bytes) => serde_json::from_slice(&bytes).ok(),
        Err(_) if status.is_server_error() => None,
        Err(_) => return Err(ApiError::Network),
    };
    let (code, message) = match body {
        Some(body) => (Some(body.code), body.message),
        None => (None, String::new()),
    };
    Err(ApiError::Server {
        status: status.as_u16(),
        code: code_for(status.as_u16(), code.as_deref()),
        message,
        retry_after,
    })
}

/// What happened to one case of a batch: the status `POST /v1/cases` would have
/// answered, with the case or the error's code and message.
#[derive(Debug, Clone)]
pub struct BatchOutcome {
    pub key: Uuid,
    pub status: u16,
    pub case: Option<CaseDetail>,
    pub error: Option<(ErrorCode, String)>,
}

/// `pulse_protocol::wire::BatchOutcomes`, with codes left as text until read.
#[derive(Deserialize)]
struct RawBatchOutcomes {
    outcomes: Vec<RawBatchOutcome>,
}

#[derive(Deserialize)]
struct RawBatchOutcome {
    key: Uuid,
    status: u16,
    case: Option<CaseDetail>,
    error: Option<RawErrorBody>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn retry_after_is_read_in_seconds_or_as_a_date_and_never_past_a_day() {
        let now = datetime!(2026-12-02 10:00:00 UTC);
        let read = |v| parse_retry_after(v, now);
        assert_eq!(read("120"), Some(Duration::from_secs(120)));
        assert_eq!(read(" 0 "), Some(Duration::ZERO));
        assert_eq!(read("99999999999999999999999"), Some(MAX_RETRY_AFTER));
        assert_eq!(read("18446744073709551615"), Some(MAX_RETRY_AFTER));
        assert_eq!(
            read("Wed, 02 Dec 2026 10:05:00 GMT"),
            Some(Duration::from_secs(300))
        );
        assert_eq!(read("Tue, 01 Dec 2026 10:00:00 GMT"), Some(Duration::ZERO));
        assert_eq!(read("Fri, 31 Dec 9999 23:59:59 GMT"), Some(MAX_RETRY_AFTER));
        for junk in [
            "",
            "-5",
            "1.5",
            "soon",
            "12 seconds",
            "Wed, 02 Dec 2026 10:05:00 CET",
            "Wed, 32 Dec 2026 10:05:00 GMT",
            "Wed, 02 Dex 2026 10:05:00 GMT",
            "Wed, 02 Dec 2026 25:05:00 GMT",
            "Wed,  2 Dec 2026 10:05:00 GMT",
        ] {
            assert_eq!(read(junk), None, "{junk:?}");
        }
        // However a wait was come by, the next try is at most a day off, and the clock
        // that adds it never overflows.
        let delay = crate::RetryPolicy::default().delay(30, Some(Duration::MAX));
        assert_eq!(delay, MAX_RETRY_AFTER);
        assert!(
            time::OffsetDateTime::now_utc()
                .checked_add(delay.try_into().unwrap())
                .is_some()
        );
    }

    #[test]
    fn a_code_this_build_does_not_know_becomes_the_general_code_of_its_status() {
        assert_eq!(code_for(422, Some("body_empty")), ErrorCode::BodyEmpty);
        for (status, code) in [
            (400, ErrorCode::InvalidInput),
            (404, ErrorCode::NotFound),
            (409, ErrorCode::InvalidTransition),
            (422, ErrorCode::InvalidInput),
            (429, ErrorCode::RateLimited),
            (503, ErrorCode::Internal),
        ] {
            assert_eq!(code_for(status, Some("added_in_2030")), code, "{status}");
            assert_eq!(code_for(status, None), code, "{status} without a body");
        }
    }
}
