//! Test helpers for the app: a real pulse-server (demo accounts, no automatic handler)
//! on a loopback port, the handler's side of a case through the API, a device with a
//! fresh local store, and a screen rendered from the app's root with dioxus-ssr.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use dioxus::core::NoOpMutations;
use dioxus::prelude::*;
use pulse_client::{ClientConfig, Pulse, RetryPolicy};
use pulse_companion::{Root, RootProps};
use pulse_server::demo::{DEMO_PASSWORD, DemoOptions};
use pulse_server::{Limits, RunningServer, ServerConfig};
use serde_json::{Value, json};
use tempfile::TempDir;
use uuid::Uuid;

pub const PARTNER: &str = "partner@demo.test";
pub const PARTNER_OUTSIDE_EEA: &str = "partner2@demo.test";
pub const HANDLER: &str = "handler@demo.test";

/// A pulse-server with the demo accounts, whose database outlives a restart.
pub struct Server {
    pub dir: TempDir,
    pub addr: SocketAddr,
    web_app: Option<PathBuf>,
    running: Option<RunningServer>,
}

impl Server {
    pub async fn start() -> Server {
        Server::start_serving(None).await
    }

    /// Also serves a built web app at `/`.
    pub async fn start_serving(web_app: Option<PathBuf>) -> Server {
        let mut server = Server {
            dir: tempfile::tempdir().unwrap(),
            addr: "127.0.0.1:0".parse().unwrap(),
            web_app,
            running: None,
        };
        server.up().await;
        server
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Starts (again) on the same address and database.
    pub async fn up(&mut self) {
        let config = ServerConfig {
            listen: self.addr,
            database_url: format!("sqlite:{}", self.dir.path().join("server.db").display()),
            data_dir: self.dir.path().to_path_buf(),
            limits: Limits {
                rate_per_second: 10_000.try_into().unwrap(),
                rate_burst: 10_000.try_into().unwrap(),
                keep_alive: Duration::from_millis(500),
                ..Limits::default()
            },
            // Demo accounts, but the test plays the handler itself.
            demo: Some(DemoOptions {
                acknowledge_after: Duration::from_secs(86_400),
                update_after: Duration::from_secs(86_400),
            }),
            web_app: self.web_app.clone(),
        };
        let mut tries = 0;
        let running = loop {
            match pulse_server::start(config.clone()).await {
                Ok(running) => break running,
                Err(_) if tries < 50 => {
                    tries += 1;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("server start: {e}"),
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
            .json(&json!({"email": HANDLER, "password": DEMO_PASSWORD}))
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

/// Support's side: moves a case through the handler API.
pub struct Handler {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Handler {
    /// `action` is acknowledge, request_info, update, resolve or close.
    pub async fn act(&self, case: Uuid, action: &str, body: Value) {
        let response = self
            .http
            .post(format!("{}/v1/handler/cases/{case}/{action}", self.base))
            .bearer_auth(&self.token)
            .header("Idempotency-Key", Uuid::new_v4().to_string())
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "{action}: {}",
            response.text().await.unwrap()
        );
    }
}

impl Handler {
    /// Every case in the queue, newest activity first, as the handler API gives them.
    pub async fn cases(&self) -> Vec<Value> {
        let page: Value = self
            .http
            .get(format!("{}/v1/handler/cases?limit=100", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        page["cases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["case"].clone())
            .collect()
    }
}

/// A phone: a fresh local store and keychain.
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

    pub async fn open(&self) -> Pulse {
        let mut config = ClientConfig::new(self.dir.path().join("app"), self.credentials.clone());
        config.retry = RetryPolicy {
            initial: Duration::from_millis(50),
            max: Duration::from_millis(300),
        };
        let pulse = Pulse::open(config).await.unwrap();
        pulse.set_preference("language", Some("en")).await.unwrap();
        pulse
    }

    /// Opened and signed in as `email`.
    pub async fn signed_in(&self, server: &Server, email: &str) -> Pulse {
        let pulse = self.open().await;
        pulse
            .sign_in(&server.url(), email, DEMO_PASSWORD)
            .await
            .unwrap();
        pulse
    }
}

/// A server, and a device signed in to it as `email`. Keep the device: it holds the
/// app's files.
pub async fn signed_in(email: &str) -> (Server, Device, Pulse) {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.signed_in(&server, email).await;
    (server, device, pulse)
}

/// Waits (up to 10 s) until `check` holds.
pub async fn eventually(what: &str, mut check: impl AsyncFnMut() -> bool) {
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The app rendered from its root at one address, as HTML.
pub struct Screen {
    dom: VirtualDom,
}

impl Screen {
    pub async fn open(pulse: &Pulse, path: &str) -> Screen {
        let mut dom = VirtualDom::new_with_props(
            Root,
            RootProps {
                pulse: pulse.clone(),
                path: Some(path.to_owned()),
            },
        );
        dom.rebuild_in_place();
        let mut screen = Screen { dom };
        screen.settle().await;
        screen
    }

    /// Runs what the screen started (loads, refreshes) until it is idle.
    pub async fn settle(&mut self) {
        for _ in 0..40 {
            let worked = tokio::time::timeout(Duration::from_millis(60), self.dom.wait_for_work())
                .await
                .is_ok();
            self.dom.render_immediate(&mut NoOpMutations);
            if !worked {
                break;
            }
        }
    }

    pub fn html(&self) -> String {
        dioxus_ssr::render(&self.dom)
    }

    /// Runs `f` inside the app (to write a signal, switch language…), then re-renders.
    pub async fn act(&mut self, f: impl FnOnce()) {
        self.dom.in_scope(ScopeId::APP, f);
        self.settle().await;
    }
}

/// Whether the element with `data-testid="id"` is rendered disabled.
pub fn is_disabled(html: &str, test_id: &str) -> bool {
    let marker = format!("data-testid=\"{test_id}\"");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {test_id} in {html}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    html[start..end].contains("disabled=true")
}
