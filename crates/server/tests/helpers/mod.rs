//! Test helpers: a real pulse-server on port 0 with a fresh SQLite file per test, accounts
//! to act as, and a small HTTP and SSE client that asserts on what a client would see.
#![allow(dead_code)]

pub mod smtp;

use std::sync::OnceLock;
use std::time::Duration;

use futures_util::StreamExt;
use pulse_protocol::Actor;
use pulse_protocol::wire::{Account, CaseDetail, CaseEvent, Session};
use pulse_server::store::NewAccount;
use pulse_server::{Limits, RunningServer, ServerConfig};
use serde_json::{Value, json};
use tempfile::TempDir;
use uuid::Uuid;

pub const PASSWORD: &str = "test-password-1";

fn password_hash() -> String {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| pulse_server::auth::hash_password(PASSWORD).expect("hash"))
        .clone()
}

/// A fresh database for one test: a SQLite file in `dir`, or, when
/// `PULSE_TEST_POSTGRES` names a PostgreSQL server, a new database on it.
pub async fn database_url(dir: &std::path::Path) -> String {
    match postgres_base() {
        Some(base) => fresh_postgres_database(&base).await,
        None => format!("sqlite:{}", dir.join("pulse.db").display()),
    }
}

pub fn postgres_base() -> Option<String> {
    std::env::var("PULSE_TEST_POSTGRES")
        .ok()
        .filter(|v| !v.is_empty())
}

/// The PostgreSQL server of a test that cannot run without one.
pub fn required_postgres() -> String {
    postgres_base()
        .expect("this test needs PostgreSQL: set PULSE_TEST_POSTGRES (scripts/test.sh starts one)")
}

pub async fn fresh_postgres_database(base: &str) -> String {
    use sqlx::Connection;
    let name = format!("pulse_test_{}", Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(base)
        .await
        .expect("the test PostgreSQL answers");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .expect("a test database");
    let (server, _) = base.rsplit_once('/').expect("a database URL");
    format!("{server}/{name}")
}

/// A running server with its own data directory.
pub struct TestServer {
    server: Option<RunningServer>,
    pub dir: TempDir,
    pub base: String,
    pub http: reqwest::Client,
}

impl TestServer {
    pub async fn spawn() -> TestServer {
        TestServer::spawn_with(|_| {}).await
    }

    /// Starts a server after `tune` has adjusted its configuration.
    pub async fn spawn_with(tune: impl FnOnce(&mut ServerConfig)) -> TestServer {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut config = ServerConfig {
            listen: "127.0.0.1:0".parse().expect("addr"),
            database_url: database_url(dir.path()).await,
            data_dir: dir.path().to_path_buf(),
            limits: Limits {
                rate_per_second: 10_000.try_into().expect("nonzero"),
                rate_burst: 10_000.try_into().expect("nonzero"),
                ..Limits::default()
            },
            demo: None,
            web_app: None,
            console_app: None,
            mail: Default::default(),
            push: Default::default(),
        };
        tune(&mut config);
        let server = pulse_server::start(config).await.expect("server starts");
        let base = format!("http://{}", server.addr());
        TestServer {
            server: Some(server),
            dir,
            base,
            http: reqwest::Client::new(),
        }
    }

    pub fn server(&self) -> &RunningServer {
        self.server.as_ref().expect("running")
    }

    pub async fn stop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop().await.expect("clean stop");
        }
    }

    /// Creates an account and signs it in.
    pub async fn account(
        &self,
        role: Actor,
        email: &str,
        country: &str,
        properties: &[&str],
    ) -> User {
        let in_eea = pulse_protocol::input::Country::parse(country).is_ok_and(|c| c.is_eea());
        self.server()
            .store()
            .create_account(&NewAccount {
                role,
                email: email.into(),
                name: format!("Name of {email}"),
                password_hash: password_hash(),
                country: country.into(),
                in_eea,
                properties: properties.iter().map(|p| p.to_string()).collect(),
                language: "en".into(),
            })
            .await
            .expect("account created");
        self.sign_in(email).await
    }

    pub async fn sign_in(&self, email: &str) -> User {
        let reply = self
            .anonymous()
            .post(
                "/v1/sessions",
                json!({"email": email, "password": PASSWORD}),
            )
            .await;
        assert_eq!(reply.status, 201, "sign in: {}", reply.body);
        let session: Session = reply.json();
        User {
            token: Some(session.token),
            account: Some(session.account),
            base: self.base.clone(),
            http: self.http.clone(),
        }
    }

    /// A partner in the EEA with two properties.
    pub async fn partner(&self, email: &str) -> User {
        self.account(
            Actor::Partner,
            email,
            "NL",
            &["Canal House", "Dune Cottage"],
        )
        .await
    }

    /// A partner outside the EEA.
    pub async fn partner_outside_eea(&self, email: &str) -> User {
        self.account(Actor::Partner, email, "ID", &["Rumah Bali"])
            .await
    }

    pub async fn handler(&self, email: &str) -> User {
        self.account(Actor::Handler, email, "", &[]).await
    }

    pub fn anonymous(&self) -> User {
        User {
            token: None,
            account: None,
            base: self.base.clone(),
            http: self.http.clone(),
        }
    }
}

/// Someone calling the API, signed in or not.
#[derive(Clone)]
pub struct User {
    pub token: Option<String>,
    pub account: Option<Account>,
    pub base: String,
    pub http: reqwest::Client,
}

/// An answer: status, headers and the body as JSON (Null when not JSON).
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Reply {
    /// The error code of an error answer.
    pub fn code(&self) -> &str {
        self.body["code"].as_str().unwrap_or("")
    }

    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_value(self.body.clone())
            .unwrap_or_else(|e| panic!("unexpected body {}: {e}", self.body))
    }

    /// Asserts an error answer: status, code, and a message with no internals in it.
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.code(), code, "{}", self.body);
        let message = self.body["message"].as_str().expect("a message");
        for leak in ["sqlx", "SQLITE", "panicked", "src/", "SELECT", "INSERT"] {
            assert!(!message.contains(leak), "internal detail in {message:?}");
        }
        assert_eq!(
            self.headers
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/json")
        );
    }
}

impl User {
    pub fn account(&self) -> &Account {
        self.account.as_ref().expect("signed in")
    }

    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        request
    }

    pub async fn send(&self, request: reqwest::RequestBuilder) -> Reply {
        let response = request.send().await.expect("request sent");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body read");
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.send(self.request(reqwest::Method::GET, path)).await
    }

    pub async fn post(&self, path: &str, body: Value) -> Reply {
        self.send(self.request(reqwest::Method::POST, path).json(&body))
            .await
    }

    pub async fn post_empty(&self, path: &str) -> Reply {
        self.send(self.request(reqwest::Method::POST, path)).await
    }

    pub async fn post_keyed(&self, path: &str, key: Uuid, body: Value) -> Reply {
        self.send(
            self.request(reqwest::Method::POST, path)
                .header("Idempotency-Key", key.to_string())
                .json(&body),
        )
        .await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.send(self.request(reqwest::Method::DELETE, path)).await
    }

    /// Opens a case with a fresh key and asserts it was created.
    pub async fn open_case(&self, text: &str) -> CaseDetail {
        let reply = self
            .post_keyed("/v1/cases", Uuid::new_v4(), question(text))
            .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.json()
    }

    pub async fn case(&self, id: Uuid) -> CaseDetail {
        let reply = self.get(&format!("/v1/cases/{id}")).await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json()
    }

    /// Makes a handler move and asserts it was accepted.
    pub async fn handle(&self, id: Uuid, action: &str, body: Value) -> CaseEvent {
        let reply = self
            .post(&format!("/v1/handler/cases/{id}/{action}"), body)
            .await;
        assert_eq!(reply.status, 200, "{action}: {}", reply.body);
        reply.json()
    }

    /// Opens the event stream, resuming after `last_event_id` when given.
    pub async fn stream(&self, last_event_id: Option<i64>) -> EventStream {
        let mut request = self.request(reqwest::Method::GET, "/v1/events");
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id.to_string());
        }
        self.open_stream(request).await
    }

    /// Opens an event stream with `request` (to which `Accept` is added).
    pub async fn open_stream(&self, request: reqwest::RequestBuilder) -> EventStream {
        let response = request
            .header("Accept", "text/event-stream")
            .send()
            .await
            .expect("stream opened");
        assert_eq!(response.status(), 200);
        assert!(
            response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.starts_with("text/event-stream"))
        );
        EventStream {
            bytes: Box::pin(response.bytes_stream()),
            buffer: String::new(),
            comments: 0,
        }
    }
}

/// A minimal question body.
pub fn question(text: &str) -> Value {
    json!({
        "kind": "question",
        "topic": "reservations",
        "subtopic": "changes",
        "reservation_ref": "4021339871",
        "body": text,
        "attachment_ids": [],
        "client_created_at": "2026-11-20T10:00:00Z",
    })
}

/// One SSE frame: `id:`, `event:` and the decoded `data:`.
#[derive(Debug, Clone)]
pub struct Frame {
    pub id: i64,
    pub kind: String,
    pub event: CaseEvent,
}

type ByteStream =
    std::pin::Pin<Box<dyn futures_util::Stream<Item = reqwest::Result<bytes::Bytes>> + Send>>;

pub struct EventStream {
    bytes: ByteStream,
    buffer: String,
    /// Keep-alive comments seen so far.
    pub comments: usize,
}

impl EventStream {
    /// The next event, or `None` if none comes within `wait` or the stream ends.
    pub async fn next(&mut self, wait: Duration) -> Option<Frame> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                if let Some(frame) = self.parse(&block) {
                    return Some(frame);
                }
            }
            let chunk = tokio::time::timeout_at(deadline, self.bytes.next()).await;
            match chunk {
                Ok(Some(Ok(bytes))) => self.buffer.push_str(&String::from_utf8_lossy(&bytes)),
                _ => return None,
            }
        }
    }

    /// Whether the server ends the stream within `wait` (events before the end are
    /// skipped; keep-alive comments do not count as an end).
    pub async fn ends_within(&mut self, wait: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            match tokio::time::timeout_at(deadline, self.bytes.next()).await {
                Err(_) => return false,
                Ok(None) | Ok(Some(Err(_))) => return true,
                Ok(Some(Ok(_))) => {}
            }
        }
    }

    /// Collects events until none comes for `quiet`.
    pub async fn drain(&mut self, quiet: Duration) -> Vec<Frame> {
        let mut frames = Vec::new();
        while let Some(frame) = self.next(quiet).await {
            frames.push(frame);
        }
        frames
    }

    fn parse(&mut self, block: &str) -> Option<Frame> {
        let (mut id, mut kind, mut data) = (None, None, String::new());
        for line in block.lines() {
            if line.starts_with(':') {
                self.comments += 1;
            } else if let Some(v) = line.strip_prefix("id:") {
                id = v.trim().parse().ok();
            } else if let Some(v) = line.strip_prefix("event:") {
                kind = Some(v.trim().to_owned());
            } else if let Some(v) = line.strip_prefix("data:") {
                data.push_str(v.trim_start());
            }
        }
        let event: CaseEvent = serde_json::from_str(&data).ok()?;
        Some(Frame {
            id: id?,
            kind: kind?,
            event,
        })
    }
}
