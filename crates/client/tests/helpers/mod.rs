//! Test helpers: a real pulse-server on a loopback port with a fresh SQLite file, the
//! handler's side of a case, a client engine set up for fast retries, and a TCP proxy
//! that breaks connections on purpose.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use pulse_client::{ClientConfig, OutboxState, Pulse, RetryPolicy};
use pulse_protocol::Actor;
use pulse_protocol::wire::{CaseEvent, HandlerCasePage};
use pulse_server::store::NewAccount;
use pulse_server::{Limits, RunningServer, ServerConfig};
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use uuid::Uuid;

pub const PASSWORD: &str = "test-password-1";
pub const PARTNER: &str = "anna@example.test";
pub const HANDLER: &str = "support@example.test";
/// A second partner, for a device that two people share.
pub const OTHER_PARTNER: &str = "budi@example.test";

/// A server whose database outlives restarts on the same address.
pub struct Server {
    pub dir: TempDir,
    pub addr: SocketAddr,
    running: Option<RunningServer>,
    limits: Limits,
}

impl Server {
    /// Starts a server with a partner (in the EEA) and a handler.
    pub async fn start() -> Server {
        Server::start_with(Limits {
            rate_per_second: 100_000.try_into().unwrap(),
            rate_burst: 100_000.try_into().unwrap(),
            ..Limits::default()
        })
        .await
    }

    pub async fn start_with(limits: Limits) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let mut server = Server {
            dir,
            addr: "127.0.0.1:0".parse().unwrap(),
            running: None,
            limits,
        };
        server.up().await;
        let hash = pulse_server::auth::hash_password(PASSWORD).unwrap();
        for (role, email, country) in [
            (Actor::Partner, PARTNER, "NL"),
            (Actor::Partner, OTHER_PARTNER, "NL"),
            (Actor::Handler, HANDLER, ""),
        ] {
            server
                .running
                .as_ref()
                .unwrap()
                .store()
                .create_account(&NewAccount {
                    role,
                    email: email.into(),
                    name: format!("Name of {email}"),
                    password_hash: hash.clone(),
                    country: country.into(),
                    in_eea: country == "NL",
                    properties: vec!["Canal House".into(), "Dune Cottage".into()],
                    language: "en".into(),
                })
                .await
                .unwrap();
        }
        server
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Starts (again) on the same address and database.
    pub async fn up(&mut self) {
        assert!(self.running.is_none());
        let config = ServerConfig {
            listen: self.addr,
            database_url: format!("sqlite:{}", self.dir.path().join("server.db").display()),
            data_dir: self.dir.path().to_path_buf(),
            limits: Limits {
                keep_alive: Duration::from_millis(300),
                ..self.limits.clone()
            },
            demo: None,
            web_app: None,
            console_app: None,
            mail: Default::default(),
            push: Default::default(),
        };
        // The old socket may linger for a moment after a stop.
        let mut tries = 0;
        let running = loop {
            match pulse_server::start(config.clone()).await {
                Ok(running) => break running,
                Err(e) if tries < 50 => {
                    tries += 1;
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("server restart: {e}"),
            }
        };
        self.addr = running.addr();
        self.running = Some(running);
    }

    pub async fn down(&mut self) {
        if let Some(running) = self.running.take() {
            running.stop().await.unwrap();
        }
    }

    /// The handler's side of the API.
    pub async fn handler(&self) -> Handler {
        let http = reqwest::Client::new();
        let session: Value = http
            .post(format!("{}/v1/sessions", self.url()))
            .json(&json!({"email": HANDLER, "password": PASSWORD}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        Handler {
            http,
            base: self.url(),
            token: session["token"].as_str().unwrap().to_owned(),
        }
    }
}

/// Support's case handler, over HTTP.
pub struct Handler {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Handler {
    /// Every case on the server with its messages, in creation order.
    pub async fn bodies(&self) -> Vec<String> {
        let mut cases = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let url = match &cursor {
                Some(c) => format!("{}/v1/handler/cases?limit=100&cursor={c}", self.base),
                None => format!("{}/v1/handler/cases?limit=100", self.base),
            };
            let page: HandlerCasePage = serde_json::from_value(self.get(&url).await).unwrap();
            cases.extend(page.cases);
            cursor = page.next_cursor;
            if cursor.is_none() {
                break;
            }
        }
        // Creation order is the order of the first event ids.
        let mut firsts = Vec::new();
        for case in cases {
            let detail = self
                .get(&format!("{}/v1/handler/cases/{}", self.base, case.case.id))
                .await;
            let first = &detail["timeline"][0];
            firsts.push((
                first["id"].as_i64().unwrap(),
                first["body"].as_str().unwrap().to_owned(),
            ));
        }
        firsts.sort();
        firsts.into_iter().map(|(_, body)| body).collect()
    }

    /// The words of every message on one case, oldest first.
    pub async fn case_bodies(&self, case: Uuid) -> Vec<String> {
        let detail = self
            .get(&format!("{}/v1/handler/cases/{case}", self.base))
            .await;
        detail["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["body"].as_str().map(str::to_owned))
            .collect()
    }

    /// GETs JSON, waiting out rate limits as told.
    async fn get(&self, url: &str) -> Value {
        loop {
            let response = self
                .http
                .get(url)
                .bearer_auth(&self.token)
                .send()
                .await
                .unwrap();
            if response.status() == 429 {
                let wait: u64 = response.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                tokio::time::sleep(Duration::from_secs(wait)).await;
                continue;
            }
            assert_eq!(response.status(), 200, "{url}");
            return response.json().await.unwrap();
        }
    }

    pub async fn act(&self, case: Uuid, action: &str, body: Value) -> CaseEvent {
        let response = self
            .http
            .post(format!("{}/v1/handler/cases/{case}/{action}", self.base))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{action}");
        response.json().await.unwrap()
    }

    /// The server's copy of a photo on a case, as support downloads it.
    pub async fn download(&self, case: Uuid, attachment: Uuid) -> Vec<u8> {
        let response = self
            .http
            .get(format!(
                "{}/v1/cases/{case}/attachments/{attachment}",
                self.base
            ))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "download");
        response.bytes().await.unwrap().to_vec()
    }
}

/// A data directory and credential store that outlive one engine, as on a phone.
pub struct Device {
    pub dir: TempDir,
    pub credentials: Arc<keyring_core::CredentialStore>,
}

impl Device {
    pub fn new() -> Device {
        Device {
            dir: tempfile::tempdir().unwrap(),
            credentials: keyring_core::sample::Store::new().unwrap(),
        }
    }

    pub fn config(&self) -> ClientConfig {
        let mut config = ClientConfig::new(self.dir.path().join("app"), self.credentials.clone());
        config.retry = RetryPolicy {
            initial: Duration::from_millis(20),
            max: Duration::from_millis(400),
        };
        config.stream_read_timeout = Duration::from_secs(2);
        config
    }

    pub async fn open(&self) -> Pulse {
        Pulse::open(self.config()).await.unwrap()
    }

    pub fn db_path(&self) -> PathBuf {
        self.dir.path().join("app").join("pulse.db")
    }
}

/// Polls `check` until it holds or `within` passes.
pub async fn eventually(within: Duration, mut check: impl AsyncFnMut() -> bool) -> bool {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if check().await {
            return true;
        }
        if tokio::time::Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits until outbox item `id` is sent; returns the case it made or answered.
pub async fn sent_case(pulse: &Pulse, id: Uuid) -> Uuid {
    let sent = async || {
        matches!(
            pulse.outbox_item(id).await.unwrap().state,
            OutboxState::Sent { .. }
        )
    };
    assert!(
        eventually(Duration::from_secs(10), sent).await,
        "item {id} was not sent"
    );
    match pulse.outbox_item(id).await.unwrap().state {
        OutboxState::Sent { case_id } => case_id,
        _ => unreachable!(),
    }
}

/// A question draft with `body`.
pub fn question(body: &str) -> pulse_client::DraftContent {
    pulse_client::DraftContent {
        topic: Some("reservations".into()),
        subtopic: Some("changes".into()),
        body: body.into(),
        ..Default::default()
    }
}

/// What the proxy does to a new connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Pass,
    /// Accept, then close at once.
    Refuse,
    /// Read the request, never forward it.
    CutBeforeServer,
    /// Forward the request, let the server answer, drop the answer.
    CutAfterCommit,
}

/// A TCP proxy in front of a server that breaks connections at random, or on demand.
pub struct FaultProxy {
    pub addr: SocketAddr,
    counts: Arc<[AtomicU64; 4]>,
    /// 0 pass everything; 1 random faults; 2 black hole (accept, forward nothing).
    mode: Arc<AtomicU8>,
    task: tokio::task::JoinHandle<()>,
}

impl FaultProxy {
    /// Proxies to `target`; with `faulty`, each connection meets a random fate
    /// (seeded, so a failure can be replayed).
    pub async fn start(target: SocketAddr, seed: u64) -> FaultProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let counts: Arc<[AtomicU64; 4]> = Arc::new(Default::default());
        let mode = Arc::new(AtomicU8::new(0));
        let rng = Arc::new(Mutex::new(rand::rngs::StdRng::seed_from_u64(seed)));
        let task = {
            let counts = counts.clone();
            let mode = mode.clone();
            tokio::spawn(async move {
                while let Ok((client, _)) = listener.accept().await {
                    let fate = match mode.load(Ordering::SeqCst) {
                        1 => {
                            let roll: f64 = rng.lock().unwrap().random();
                            match roll {
                                r if r < 0.15 => Fate::Refuse,
                                r if r < 0.30 => Fate::CutBeforeServer,
                                r if r < 0.45 => Fate::CutAfterCommit,
                                _ => Fate::Pass,
                            }
                        }
                        _ => Fate::Pass,
                    };
                    counts[fate as usize].fetch_add(1, Ordering::SeqCst);
                    tokio::spawn(handle(client, target, fate, mode.clone()));
                }
            })
        };
        FaultProxy {
            addr,
            counts,
            mode,
            task,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn set_faulty(&self, faulty: bool) {
        self.mode.store(u8::from(faulty), Ordering::SeqCst);
    }

    /// Open connections stop carrying bytes (as a dead network would), and new ones too.
    pub fn set_black_hole(&self, on: bool) {
        self.mode.store(if on { 2 } else { 0 }, Ordering::SeqCst);
    }

    pub fn count(&self, fate: Fate) -> u64 {
        self.counts[fate as usize].load(Ordering::SeqCst)
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn handle(mut client: TcpStream, target: SocketAddr, fate: Fate, mode: Arc<AtomicU8>) {
    match fate {
        Fate::Refuse => {}
        Fate::CutBeforeServer => {
            let mut buf = [0u8; 1024];
            let _ = client.read(&mut buf).await;
        }
        Fate::CutAfterCommit => {
            let Ok(mut server) = TcpStream::connect(target).await else {
                return;
            };
            let mut buf = vec![0u8; 64 * 1024];
            let mut answer = [0u8; 1];
            // Forward the request; when the server starts answering, it has committed.
            loop {
                tokio::select! {
                    read = client.read(&mut buf) => match read {
                        Ok(0) | Err(_) => return,
                        Ok(n) => if server.write_all(&buf[..n]).await.is_err() { return },
                    },
                    read = server.read(&mut answer) => {
                        let _ = read;
                        return;
                    }
                }
            }
        }
        Fate::Pass => {
            let Ok(mut server) = TcpStream::connect(target).await else {
                return;
            };
            let (mut cr, mut cw) = client.split();
            let (mut sr, mut sw) = server.split();
            let up = pipe(&mut cr, &mut sw, &mode);
            let down = pipe(&mut sr, &mut cw, &mode);
            tokio::select! {
                _ = up => {}
                _ = down => {}
            }
        }
    }
}

/// Copies bytes until either side closes; holds them back while in black-hole mode.
async fn pipe<R, W>(from: &mut R, to: &mut W, mode: &AtomicU8)
where
    R: tokio::io::AsyncRead + Unpin,
    W: tokio::io::AsyncWrite + Unpin,
{
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        while mode.load(Ordering::SeqCst) == 2 {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        if to.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}
