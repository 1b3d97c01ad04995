//! The one HTTP client the phone uses to talk to pulse-server (reqwest on rustls/ring).
//! It turns every answer into data or an [`ApiError`] that says whether to retry.

use std::time::Duration;

use pulse_protocol::ErrorBody;
use pulse_protocol::wire::{
    Account, AttachmentRef, BatchOutcomes, CaseBatch, CaseDetail, CaseEvent, CasePage, EventPage,
    IDEMPOTENCY_KEY_HEADER, NewCase, NewReply, ResolutionAnswer, Session, SignIn,
};
use reqwest::{Method, RequestBuilder, StatusCode, header};
use serde::de::DeserializeOwned;
use uuid::Uuid;

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
    /// The server could not be reached, or the connection broke.
    #[error("the server cannot be reached")]
    Network,
    /// The session is no longer valid.
    #[error("sign in again")]
    Unauthorized,
    /// The server answered with an error.
    #[error("{code}: {message}")]
    Server {
        status: u16,
        code: String,
        message: String,
        retry_after: Option<Duration>,
    },
    /// The server answered something this app does not understand.
    #[error("unexpected answer from the server")]
    Unexpected,
}

impl ApiError {
    /// Whether the same request may succeed later (network, 5xx, 429).
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network => true,
            ApiError::Server { status, .. } => *status >= 500 || *status == 429,
            ApiError::Unauthorized | ApiError::Unexpected => false,
        }
    }

    /// The server's stable error code, for the app to translate.
    pub fn code(&self) -> &str {
        match self {
            ApiError::Network => "network",
            ApiError::Unauthorized => "unauthorized",
            ApiError::Server { code, .. } => code,
            ApiError::Unexpected => "unexpected",
        }
    }

    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ApiError::Server { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
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
                builder
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

    /// Opens several cases in one request, in order, each under its own key.
    pub async fn create_cases(&self, batch: &CaseBatch) -> Result<BatchOutcomes, ApiError> {
        send(self.request(Method::POST, "/v1/cases/batch").json(batch)).await
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

    pub async fn cases(&self, cursor: Option<&str>) -> Result<CasePage, ApiError> {
        let path = match cursor {
            Some(cursor) => format!("/v1/cases?cursor={cursor}"),
            None => "/v1/cases".to_owned(),
        };
        send(self.request(Method::GET, &path)).await
    }

    pub async fn case(&self, id: Uuid) -> Result<CaseDetail, ApiError> {
        send(self.request(Method::GET, &format!("/v1/cases/{id}"))).await
    }

    pub async fn events_after(&self, after: i64) -> Result<EventPage, ApiError> {
        send(
            self.request(Method::GET, &format!("/v1/events?after={after}&limit=500"))
                .header(header::ACCEPT, "application/json"),
        )
        .await
    }

    /// Opens the event stream after `after`. The response body is the stream; it has no
    /// overall timeout (the reader watches for silence instead).
    pub async fn open_stream(&self, after: i64) -> Result<reqwest::Response, ApiError> {
        let mut request = self
            .http
            .get(format!("{}/v1/events", self.base))
            .header(header::ACCEPT, "text/event-stream")
            .header("Last-Event-ID", after.to_string());
        if let Some(token) = &self.token {
            request = request.bearer_auth(token.expose());
        }
        let response = request.send().await.map_err(|_| ApiError::Network)?;
        check(response).await
    }
}

async fn send<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    let response = check(response).await?;
    let bytes = response.bytes().await.map_err(|_| ApiError::Network)?;
    serde_json::from_slice(&bytes).map_err(|_| ApiError::Unexpected)
}

async fn send_empty(request: RequestBuilder) -> Result<(), ApiError> {
    let response = request.send().await.map_err(|_| ApiError::Network)?;
    check(response).await.map(|_| ())
}

/// Passes a success through; turns an error answer into an [`ApiError`].
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
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    // A proxy's HTML error page is still an error with a status; keep what we can.
    let body: Option<ErrorBody> = match response.bytes().await {
        Ok(bytes) => serde_json::from_slice(&bytes).ok(),
        Err(_) if status.is_server_error() => None,
        Err(_) => return Err(ApiError::Network),
    };
    let (code, message) = match body {
        Some(body) => (body.code.as_str().to_owned(), body.message),
        None => ("http_".to_owned() + status.as_str(), String::new()),
    };
    Err(ApiError::Server {
        status: status.as_u16(),
        code,
        message,
        retry_after,
    })
}
