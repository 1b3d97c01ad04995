//! Test helpers for the app: a real pulse-server (demo accounts, no automatic handler)
//! on a loopback port, the handler's side of a case through the API, a device with a
//! fresh local store, and a screen rendered from the app's root with dioxus-ssr, whose
//! own buttons and fields a test clicks and types into.
#![allow(dead_code)]

/// The server tests' SMTP server (aiosmtpd), for the e-mails of the browser test.
#[path = "../../crates/server/tests/helpers/smtp.rs"]
pub mod smtp;

use std::any::Any;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use dioxus::core::{
    AttributeValue, DynamicNode, ElementId, Event, NoOpMutations, TemplateAttribute, TemplateNode,
    VNode,
};
use dioxus::html::{
    PlatformEventData, SerializedFormData, SerializedHtmlEventConverter, SerializedMouseData,
};
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
    console_app: Option<PathBuf>,
    mail: pulse_server::app::MailConfig,
    running: Option<RunningServer>,
}

impl Server {
    pub async fn start() -> Server {
        Server::start_serving(None).await
    }

    /// Also serves a built web app at `/`.
    pub async fn start_serving(web_app: Option<PathBuf>) -> Server {
        Server::start_mailing(web_app, Default::default()).await
    }

    /// Serves the built web app at `/` and the built console at `/console`.
    pub async fn start_with_console(web_app: PathBuf, console_app: PathBuf) -> Server {
        let mut server = Server {
            dir: tempfile::tempdir().unwrap(),
            addr: "127.0.0.1:0".parse().unwrap(),
            web_app: Some(web_app),
            console_app: Some(console_app),
            mail: Default::default(),
            running: None,
        };
        server.up().await;
        server
    }

    /// Also sends e-mail as `mail` says.
    pub async fn start_mailing(
        web_app: Option<PathBuf>,
        mail: pulse_server::app::MailConfig,
    ) -> Server {
        let mut server = Server {
            dir: tempfile::tempdir().unwrap(),
            addr: "127.0.0.1:0".parse().unwrap(),
            web_app,
            console_app: None,
            mail,
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
                auto_handler: false,
            }),
            web_app: self.web_app.clone(),
            console_app: self.console_app.clone(),
            mail: self.mail.clone(),
            push: Default::default(),
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
    /// Invites someone; the answer's status and body.
    pub async fn invite(&self, invitation: Value) -> (u16, Value) {
        let response = self
            .http
            .post(format!("{}/v1/invitations", self.base))
            .bearer_auth(&self.token)
            .json(&invitation)
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        (status, response.json().await.unwrap_or(Value::Null))
    }

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
    /// The server's copy of the first photo of a case's first message.
    pub async fn first_photo(&self, case: Uuid) -> Vec<u8> {
        let detail: Value = self
            .http
            .get(format!("{}/v1/handler/cases/{case}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let photo = detail["timeline"][0]["attachments"][0]["id"]
            .as_str()
            .expect("the message has a photo");
        let response = self
            .http
            .get(format!("{}/v1/cases/{case}/attachments/{photo}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        response.bytes().await.unwrap().to_vec()
    }

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

    /// The app's own database file, for a test that damages the phone's storage on
    /// purpose.
    pub fn database(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.dir.path().join("app").join("pulse.db")).unwrap()
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

    /// Clicks the element with `data-testid="test_id"` as a partner would: it must be
    /// on screen and enabled, and its own handler runs; then the screen settles.
    pub async fn click(&mut self, test_id: &str) {
        let target = self.element(test_id, "onclick");
        assert!(!target.disabled, "{test_id} is disabled in {}", self.html());
        let data = SerializedMouseData::default(); // the primary button, no modifiers
        self.fire(target.id, "click", Box::new(data)).await;
    }

    /// Types `text` into the field with `data-testid="test_id"` (its `oninput` runs with
    /// the field's new value), then lets the screen settle.
    pub async fn type_into(&mut self, test_id: &str, text: &str) {
        let target = self.element(test_id, "oninput");
        assert!(!target.disabled, "{test_id} is disabled");
        let data = SerializedFormData::new(text.to_owned(), Vec::new());
        self.fire(target.id, "input", Box::new(data)).await;
    }

    /// Sends the form with `data-testid="form"` as its enabled submit button
    /// `data-testid="button"` does (Enter, or a click on it), then lets the screen settle.
    pub async fn submit(&mut self, form: &str, button: &str) {
        let html = self.html();
        assert!(
            html.contains(&format!("data-testid=\"{button}\"")),
            "no {button} in {html}"
        );
        assert!(
            !is_disabled(&html, button),
            "{button} is disabled in {html}"
        );
        let target = self.element(form, "onsubmit");
        let data = SerializedFormData::new(String::new(), Vec::new());
        self.fire(target.id, "submit", Box::new(data)).await;
    }

    /// Picks `value` in the list (or ticks the box) with `data-testid="test_id"`: its
    /// `onchange` runs with that value.
    pub async fn choose(&mut self, test_id: &str, value: &str) {
        let target = self.element(test_id, "onchange");
        assert!(!target.disabled, "{test_id} is disabled in {}", self.html());
        let data = SerializedFormData::new(value.to_owned(), Vec::new());
        self.fire(target.id, "change", Box::new(data)).await;
    }

    async fn fire(&mut self, id: ElementId, name: &str, data: Box<dyn Any>) {
        // Events reach handlers as the platform's data; these are the serialized kind.
        dioxus::html::set_event_converter(Box::new(SerializedHtmlEventConverter));
        let event = Event::new(Rc::new(PlatformEventData::new(data)) as Rc<dyn Any>, true);
        self.dom.runtime().handle_event(name, event, id);
        self.settle().await;
    }

    /// The mounted element with this test id and a `listener`, and whether it is
    /// disabled.
    fn element(&self, test_id: &str, listener: &str) -> Target {
        let mut found = Vec::new();
        if let Some(root) = self.dom.get_scope(ScopeId::ROOT) {
            walk(&self.dom, root.root_node(), &mut |element| {
                if element.test_id.as_deref() == Some(test_id)
                    && let Some(id) = element.listeners.iter().find(|(n, _)| *n == listener)
                {
                    found.push(Target {
                        id: id.1,
                        disabled: element.disabled,
                    });
                }
            });
        }
        match found.as_slice() {
            [one] => *one,
            [] => panic!("no {test_id} with {listener} in {}", self.html()),
            _ => panic!("{} elements {test_id} with {listener}", found.len()),
        }
    }
}

#[derive(Clone, Copy)]
struct Target {
    id: ElementId,
    disabled: bool,
}

/// What the walk sees of one element.
struct Seen {
    test_id: Option<String>,
    disabled: bool,
    listeners: Vec<(&'static str, ElementId)>,
}

/// Visits every element the dom has mounted, components and lists included.
fn walk(dom: &VirtualDom, vnode: &VNode, visit: &mut dyn FnMut(&Seen)) {
    for root in vnode.template.roots {
        walk_template(dom, vnode, root, visit);
    }
}

fn walk_template(
    dom: &VirtualDom,
    vnode: &VNode,
    node: &TemplateNode,
    visit: &mut dyn FnMut(&Seen),
) {
    match node {
        TemplateNode::Element {
            attrs, children, ..
        } => {
            let mut seen = Seen {
                test_id: None,
                disabled: false,
                listeners: Vec::new(),
            };
            for attr in attrs.iter() {
                match attr {
                    TemplateAttribute::Static { name, value, .. } => match *name {
                        "data-testid" => seen.test_id = Some((*value).to_owned()),
                        "disabled" => seen.disabled = *value == "true",
                        _ => {}
                    },
                    TemplateAttribute::Dynamic { id } => {
                        for dynamic in vnode.dynamic_attrs[*id].iter() {
                            match (dynamic.name, &dynamic.value) {
                                ("data-testid", AttributeValue::Text(text)) => {
                                    seen.test_id = Some(text.clone())
                                }
                                ("disabled", AttributeValue::Bool(on)) => seen.disabled = *on,
                                (name, AttributeValue::Listener(_)) => {
                                    if let Some(element) = vnode.mounted_dynamic_attribute(*id, dom)
                                    {
                                        seen.listeners.push((name, element));
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
            }
            visit(&seen);
            for child in children.iter() {
                walk_template(dom, vnode, child, visit);
            }
        }
        TemplateNode::Dynamic { id } => match &vnode.dynamic_nodes[*id] {
            DynamicNode::Component(component) => {
                if let Some(scope) = component.mounted_scope(*id, vnode, dom) {
                    walk(dom, scope.root_node(), visit);
                }
            }
            DynamicNode::Fragment(nodes) => {
                for node in nodes {
                    walk(dom, node, visit);
                }
            }
            DynamicNode::Text(_) | DynamicNode::Placeholder(_) => {}
        },
        TemplateNode::Text { .. } => {}
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
