//! The handler API as the console calls it: one client, the session's bearer token on
//! every request, and every failure turned into something the screen can say in the
//! handler's language.

use pulse_protocol::wire::{
    Acknowledge, Assign, CaseEvent, HandlerCaseDetail, HandlerCasePage, HandlerList,
    HandlerMessage, Invitation, Invited, NewNote, NewSavedReply, QueueView, Resolve, SavedReplies,
    SavedReply, Session, SignIn, ViewCounts,
};
use pulse_protocol::{Actor, ErrorBody, ErrorCode};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

/// Why a call did not do what was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The server refused, with its reason.
    Refused(ErrorCode),
    /// The case moved on meanwhile (another handler, or the partner): nothing changed,
    /// and this is the case as it stands now.
    Moved(Box<HandlerCaseDetail>),
    /// The account is a partner's: the console is for partner support.
    NotHandler,
    /// The session ended (expired, signed out elsewhere).
    SignedOut,
    /// No answer from the server.
    Network,
    /// An answer the console cannot read.
    Unreadable,
}

impl ApiError {
    /// What the screen says about it, in the handler's language.
    pub fn text(&self) -> String {
        use crate::i18n::{error_text, t};
        match self {
            ApiError::Refused(code) => error_text(*code),
            ApiError::Moved(_) => t("console-moved-on"),
            ApiError::NotHandler => t("console-not-handler"),
            ApiError::SignedOut => t("console-signed-out"),
            ApiError::Network => t("console-network"),
            ApiError::Unreadable => t("console-unreadable"),
        }
    }
}

/// A 409's body: the refusal and the case as it stands.
#[derive(Deserialize)]
struct MoveRefused {
    code: ErrorCode,
    case: Option<HandlerCaseDetail>,
}

/// The API of one server, for one signed-in handler.
#[derive(Debug, Clone)]
pub struct Api {
    base: String,
    token: String,
    http: reqwest::Client,
}

/// The same server and session (the HTTP client is only how to reach it).
impl PartialEq for Api {
    fn eq(&self, other: &Api) -> bool {
        self.base == other.base && self.token == other.token
    }
}

/// Signs in; a partner's account is refused (and its new session ended at once).
pub async fn sign_in(base: &str, email: &str, password: &str) -> Result<Session, ApiError> {
    let http = reqwest::Client::new();
    let request = http.post(format!("{base}/v1/sessions")).json(&SignIn {
        email: email.trim().to_owned(),
        password: password.to_owned(),
    });
    let session: Session = read(send(request).await?).await?;
    if session.account.role != Actor::Handler {
        let api = Api::new(base, &session.token);
        let _ = api.sign_out().await;
        return Err(ApiError::NotHandler);
    }
    Ok(session)
}

async fn send(request: RequestBuilder) -> Result<Response, ApiError> {
    request.send().await.map_err(|_| ApiError::Network)
}

/// The answer's JSON, or why there is none.
async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    let bytes = response.bytes().await.map_err(|_| ApiError::Network)?;
    if status.is_success() {
        return serde_json::from_slice(&bytes).map_err(|_| ApiError::Unreadable);
    }
    Err(refusal(status, &bytes))
}

fn refusal(status: StatusCode, bytes: &[u8]) -> ApiError {
    if status == StatusCode::UNAUTHORIZED {
        // A wrong password is a refusal; an ended session is a sign-out.
        return match serde_json::from_slice::<ErrorBody>(bytes) {
            Ok(body) if body.code == ErrorCode::InvalidCredentials => {
                ApiError::Refused(ErrorCode::InvalidCredentials)
            }
            _ => ApiError::SignedOut,
        };
    }
    if status == StatusCode::CONFLICT
        && let Ok(refused) = serde_json::from_slice::<MoveRefused>(bytes)
    {
        return match refused.case {
            Some(case) => ApiError::Moved(Box::new(case)),
            None => ApiError::Refused(refused.code),
        };
    }
    match serde_json::from_slice::<ErrorBody>(bytes) {
        Ok(body) => ApiError::Refused(body.code),
        Err(_) if status.is_server_error() => ApiError::Refused(ErrorCode::Internal),
        Err(_) => ApiError::Unreadable,
    }
}

impl Api {
    pub fn new(base: &str, token: &str) -> Api {
        Api {
            base: base.trim_end_matches('/').to_owned(),
            token: token.to_owned(),
            http: reqwest::Client::new(),
        }
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token)
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        read(send(self.request(Method::GET, path)).await?).await
    }

    async fn post<B: serde::Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        read(send(self.request(Method::POST, path).json(body)).await?).await
    }

    /// Ends this session on the server.
    pub async fn sign_out(&self) -> Result<(), ApiError> {
        let response = send(self.request(Method::DELETE, "/v1/sessions/current")).await?;
        let status = response.status();
        if status.is_success() || status == StatusCode::UNAUTHORIZED {
            Ok(())
        } else {
            Err(refusal(status, &response.bytes().await.unwrap_or_default()))
        }
    }

    pub async fn views(&self) -> Result<ViewCounts, ApiError> {
        self.get("/v1/handler/views").await
    }

    /// One page of a view, optionally searched.
    pub async fn queue(
        &self,
        view: QueueView,
        search: Option<&str>,
        cursor: Option<&str>,
    ) -> Result<HandlerCasePage, ApiError> {
        let mut query = vec![("view", view.as_str().to_owned())];
        if let Some(q) = search {
            query.push(("q", q.to_owned()));
        }
        if let Some(cursor) = cursor {
            query.push(("cursor", cursor.to_owned()));
        }
        let request = self.request(Method::GET, "/v1/handler/queue").query(&query);
        read(send(request).await?).await
    }

    pub async fn case(&self, id: Uuid) -> Result<HandlerCaseDetail, ApiError> {
        self.get(&format!("/v1/handler/cases/{id}")).await
    }

    pub async fn handlers(&self) -> Result<HandlerList, ApiError> {
        self.get("/v1/handler/handlers").await
    }

    pub async fn acknowledge(&self, id: Uuid, expected_next: &str) -> Result<CaseEvent, ApiError> {
        let expected_next = Some(expected_next.to_owned()).filter(|s| !s.trim().is_empty());
        let body = Acknowledge { expected_next };
        self.post(&format!("/v1/handler/cases/{id}/acknowledge"), &body)
            .await
    }

    /// An update, or with `request_info` a request for more information.
    pub async fn message(
        &self,
        id: Uuid,
        body: &str,
        request_info: bool,
    ) -> Result<CaseEvent, ApiError> {
        let body = HandlerMessage {
            body: body.to_owned(),
            request_info,
        };
        self.post(&format!("/v1/handler/cases/{id}/messages"), &body)
            .await
    }

    pub async fn resolve(&self, id: Uuid, outcome: &str) -> Result<CaseEvent, ApiError> {
        let body = Resolve {
            outcome: outcome.to_owned(),
        };
        self.post(&format!("/v1/handler/cases/{id}/resolve"), &body)
            .await
    }

    pub async fn close(&self, id: Uuid) -> Result<CaseEvent, ApiError> {
        let request = self.request(Method::POST, &format!("/v1/handler/cases/{id}/close"));
        read(send(request).await?).await
    }

    pub async fn add_note(&self, id: Uuid, body: &str) -> Result<CaseEvent, ApiError> {
        let body = NewNote {
            body: body.to_owned(),
        };
        self.post(&format!("/v1/handler/cases/{id}/notes"), &body)
            .await
    }

    /// Gives the case to a handler, or to nobody.
    pub async fn assign(
        &self,
        id: Uuid,
        handler_id: Option<i64>,
    ) -> Result<HandlerCaseDetail, ApiError> {
        let request = self
            .request(Method::PUT, &format!("/v1/handler/cases/{id}/assignee"))
            .json(&Assign { handler_id });
        let response = send(request).await?;
        if response.status().is_success() {
            // Whatever the answer holds, the case as it now stands is what to show.
            return self.case(id).await;
        }
        let status = response.status();
        Err(refusal(status, &response.bytes().await.unwrap_or_default()))
    }

    /// Invites a partner or a handler by e-mail.
    pub async fn invite(&self, invitation: &Invitation) -> Result<Invited, ApiError> {
        self.post("/v1/invitations", invitation).await
    }

    pub async fn saved_replies(&self) -> Result<SavedReplies, ApiError> {
        self.get("/v1/handler/saved-replies").await
    }

    pub async fn add_saved_reply(&self, title: &str, body: &str) -> Result<SavedReply, ApiError> {
        let reply = NewSavedReply {
            title: title.to_owned(),
            body: body.to_owned(),
        };
        self.post("/v1/handler/saved-replies", &reply).await
    }

    pub async fn delete_saved_reply(&self, id: i64) -> Result<(), ApiError> {
        let path = format!("/v1/handler/saved-replies/{id}");
        let response = send(self.request(Method::DELETE, &path)).await?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(refusal(status, &response.bytes().await.unwrap_or_default()))
        }
    }

    /// A file of a message of the case.
    pub async fn attachment(&self, case: Uuid, id: Uuid) -> Result<Vec<u8>, ApiError> {
        let path = format!("/v1/cases/{case}/attachments/{id}");
        let response = send(self.request(Method::GET, &path)).await?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|_| ApiError::Network)?;
        if status.is_success() {
            Ok(bytes.to_vec())
        } else {
            Err(refusal(status, &bytes))
        }
    }

    /// The handlers' live stream, resumed after event `after` (from now without one).
    pub async fn open_stream(&self, after: Option<i64>) -> Result<Response, ApiError> {
        let mut request = self
            .request(Method::GET, "/v1/handler/events")
            .header("Accept", "text/event-stream");
        if let Some(after) = after {
            request = request.header("Last-Event-ID", after.to_string());
        }
        let response = send(request).await?;
        let status = response.status();
        if status.is_success() {
            Ok(response)
        } else {
            Err(refusal(status, &response.bytes().await.unwrap_or_default()))
        }
    }
}
