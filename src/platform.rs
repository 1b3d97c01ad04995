//! What differs between a phone, a desktop window and a browser tab: where the app keeps
//! its data, where the session token goes, the device's languages and clock, and the
//! details a technical report carries. Screens never test the platform themselves.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use pulse_client::{Connectivity, vault};
use time::UtcOffset;

/// The bundle identifier, also the app's folder name where the platform wants one.
pub const BUNDLE_ID: &str = "com.pulse.companion";

/// The app's private data folder (in a browser: the IndexedDB database name).
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PULSE_APP_DATA") {
        return dir.into();
    }
    if cfg!(target_family = "wasm") {
        return PathBuf::from("pulse-companion");
    }
    if cfg!(target_os = "android") {
        // The app's internal storage: private to it, removed with it.
        return PathBuf::from(format!("/data/data/{BUNDLE_ID}/files"));
    }
    // iOS sets HOME to the app's sandbox; desktops follow the XDG layout.
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(target_os = "ios") {
        return home
            .unwrap_or_default()
            .join("Library/Application Support")
            .join(BUNDLE_ID);
    }
    std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| home.map(|h| h.join(".local/share")))
        .unwrap_or_else(std::env::temp_dir)
        .join("pulse-companion")
}

/// Whether the session is kept across restarts: false when the platform has no
/// keychain the app could open (the sign-in screen says so).
static REMEMBERS_SESSION: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Whether a session started now outlives the app (see [`credentials`]).
pub fn remembers_session() -> bool {
    REMEMBERS_SESSION.load(std::sync::atomic::Ordering::Relaxed)
}

/// Where the session token is kept: the platform's keychain. A desktop without a
/// reachable Secret Service keeps it in memory only (signed out at the next start), and
/// [`remembers_session`] says so.
#[cfg(not(target_family = "wasm"))]
pub fn credentials() -> Arc<keyring_core::CredentialStore> {
    // Opened on a thread of its own: the Secret Service's D-Bus connection blocks on a
    // runtime of its own, which may not start on a thread that is inside one.
    let opened = std::thread::spawn(vault::platform_store)
        .join()
        .unwrap_or_else(|_| Err(keyring_core::Error::NoDefaultStore.into()));
    match opened {
        Ok(store) => store,
        Err(error) => {
            tracing::warn!(%error, "no keychain: the session will not survive a restart");
            REMEMBERS_SESSION.store(false, std::sync::atomic::Ordering::Relaxed);
            keyring_core::sample::Store::new().expect("an in-memory store needs no I/O")
        }
    }
}

/// Where the session token is kept in a browser: the site's local storage. The store
/// itself cannot fail to open; a page without storage refuses each call instead.
#[cfg(target_family = "wasm")]
pub fn credentials() -> Arc<keyring_core::CredentialStore> {
    vault::platform_store().expect("the browser's store opens without I/O")
}

/// The server the app speaks to until a self-hoster picks another ("Advanced" on the
/// sign-in screen): the page's own origin in a browser (the web app is served by
/// pulse-server), else `PULSE_SERVER` at run time (for development), else the server
/// the build was made for.
pub fn default_server() -> String {
    #[cfg(target_family = "wasm")]
    if let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) {
        return origin;
    }
    if let Ok(server) = std::env::var("PULSE_SERVER") {
        return server;
    }
    BUILT_FOR.to_owned()
}

/// The server a phone or desktop build is made for: `PULSE_SERVER_URL` when it is
/// built (scripts/run.sh and the release builds set it), else the local demo.
const BUILT_FOR: &str = match option_env!("PULSE_SERVER_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:8080",
};

/// The device's preferred languages, most preferred first.
pub fn device_languages() -> Vec<String> {
    if let Ok(forced) = std::env::var("PULSE_LANG") {
        return vec![forced];
    }
    sys_locale::get_locales().collect()
}

/// Calls `changed(visible)` whenever the app goes out of sight or comes back, so that
/// the live stream can tell the server (which pushes to a device only while it does not
/// show the app). In a browser this is the page's visibility; the phone platforms'
/// lifecycle events are not reachable from Dioxus 0.7, so there the app counts as always
/// on screen while it runs.
pub fn on_visibility_change(changed: impl Fn(bool) + 'static) {
    #[cfg(target_family = "wasm")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let watched = document.clone();
        let listener = Closure::<dyn Fn()>::new(move || changed(!watched.hidden()));
        let added = document.add_event_listener_with_callback(
            "visibilitychange",
            listener.as_ref().unchecked_ref(),
        );
        if added.is_ok() {
            // The page's lifetime is the app's: the listener is never removed.
            listener.forget();
        }
    }
    #[cfg(not(target_family = "wasm"))]
    let _ = changed;
}

/// Calls `back` whenever the platform says the network is back: in a browser, the
/// window's `online` event. (The phones' connectivity callbacks are not reachable from
/// Dioxus 0.7; there the outbox notices on its next try, and on coming to the
/// foreground.)
pub fn on_network_back(back: impl Fn() + 'static) {
    #[cfg(target_family = "wasm")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let Some(window) = web_sys::window() else {
            return;
        };
        let listener = Closure::<dyn Fn()>::new(back);
        if window
            .add_event_listener_with_callback("online", listener.as_ref().unchecked_ref())
            .is_ok()
        {
            listener.forget();
        }
    }
    #[cfg(not(target_family = "wasm"))]
    let _ = back;
}

/// Whether this tab may open the app's local store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreLock {
    /// This tab (or this app, off the browser) holds it.
    Held,
    /// Another tab of the app holds it.
    Elsewhere,
}

/// The name of the Web Lock that stands for the local store.
#[cfg(target_family = "wasm")]
const STORE_LOCK: &str = "pulse-companion-store";

/// Takes the local store for this tab: one tab at a time, through a Web Lock, so that
/// two tabs never run two outbox workers on two copies of the store. Without `take`, only
/// if no other tab holds it; with `take`, from the tab that does (that tab is told, and
/// stops). `lost` is called if another tab takes it later. Off the browser, and in a
/// browser without Web Locks, the app is alone: held.
pub async fn lock_store(take: bool, lost: impl FnOnce() + 'static) -> StoreLock {
    #[cfg(target_family = "wasm")]
    {
        match web_lock(take, lost).await {
            Ok(held) => held,
            Err(error) => {
                tracing::warn!(?error, "no Web Lock: this tab works alone");
                StoreLock::Held
            }
        }
    }
    #[cfg(not(target_family = "wasm"))]
    {
        let _ = (take, lost);
        StoreLock::Held
    }
}

#[cfg(target_family = "wasm")]
async fn web_lock(
    take: bool,
    lost: impl FnOnce() + 'static,
) -> Result<StoreLock, wasm_bindgen::JsValue> {
    use js_sys::{Function, Object, Promise, Reflect};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let locks = Reflect::get(&window.navigator(), &"locks".into())?;
    if locks.is_undefined() {
        return Err(JsValue::from_str("navigator.locks is missing"));
    }
    let request: Function = Reflect::get(&locks, &"request".into())?.dyn_into()?;
    let options = Object::new();
    let option = if take { "steal" } else { "ifAvailable" };
    Reflect::set(&options, &option.into(), &JsValue::TRUE)?;
    let (granted, answer) = tokio::sync::oneshot::channel::<bool>();
    let granted = std::cell::Cell::new(Some(granted));
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let held = !lock.is_null();
        if let Some(granted) = granted.take() {
            let _ = granted.send(held);
        }
        if held {
            // Never settles: the lock is held for as long as the tab lives.
            Promise::new(&mut |_, _| {}).into()
        } else {
            JsValue::UNDEFINED
        }
    });
    let request: Promise = request
        .call3(&locks, &STORE_LOCK.into(), &options, &callback)?
        .dyn_into()?;
    // A held lock's request only ever settles by rejecting: another tab took it.
    let on_lost = Closure::once(move |_: JsValue| lost());
    let _ = request.catch(&on_lost);
    on_lost.forget();
    Ok(match answer.await {
        Ok(true) => StoreLock::Held,
        Ok(false) => StoreLock::Elsewhere,
        Err(_) => return Err(JsValue::from_str("the lock request was dropped")),
    })
}

/// Loads the page again (in a browser; elsewhere there is nothing to do).
pub fn reload() {
    #[cfg(target_family = "wasm")]
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Sends warnings and errors to the browser's console. dioxus' own logger does more but
/// weighs more than the rest of the app's logging together; the phones and desktops
/// keep it (`launch` starts it there).
#[cfg(target_family = "wasm")]
pub fn log_to_console() {
    use std::fmt::Write;
    use tracing::field::{Field, Visit};
    use tracing::{Event, Level, Metadata, span};

    struct Console;
    struct Line(String);

    impl Visit for Line {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            let _ = match field.name() {
                "message" => write!(self.0, " {value:?}"),
                name => write!(self.0, " {name}={value:?}"),
            };
        }
    }

    impl tracing::Subscriber for Console {
        fn enabled(&self, metadata: &Metadata<'_>) -> bool {
            *metadata.level() <= Level::WARN
        }
        fn event(&self, event: &Event<'_>) {
            let metadata = event.metadata();
            let mut line = Line(format!("{} {}:", metadata.level(), metadata.target()));
            event.record(&mut line);
            let text = wasm_bindgen::JsValue::from_str(&line.0);
            if *metadata.level() == Level::ERROR {
                web_sys::console::error_1(&text);
            } else {
                web_sys::console::warn_1(&text);
            }
        }
        // Spans carry nothing the console would show.
        fn new_span(&self, _: &span::Attributes<'_>) -> span::Id {
            span::Id::from_u64(1)
        }
        fn record(&self, _: &span::Id, _: &span::Record<'_>) {}
        fn record_follows_from(&self, _: &span::Id, _: &span::Id) {}
        fn enter(&self, _: &span::Id) {}
        fn exit(&self, _: &span::Id) {}
    }

    // Only fails when a logger is set already, which then keeps logging.
    let _ = tracing::subscriber::set_global_default(Console);
}

/// Downloads a text file that came with the web app (a language's Fluent file).
#[cfg(target_family = "wasm")]
pub async fn download_text(url: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let reason = |error: wasm_bindgen::JsValue| format!("{url}: {error:?}");
    let window = web_sys::window().ok_or_else(|| format!("{url}: no window"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .and_then(|response| response.dyn_into())
        .map_err(reason)?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(reason)?)
        .await
        .map_err(reason)?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// The device's offset from UTC, for showing times.
pub fn local_offset() -> UtcOffset {
    #[cfg(target_family = "wasm")]
    {
        let minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
        UtcOffset::from_whole_seconds(minutes * 60).unwrap_or(UtcOffset::UTC)
    }
    #[cfg(not(target_family = "wasm"))]
    {
        UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC)
    }
}

/// What a technical report carries about the device; shown to the partner before
/// sending. Keys are stable (`diag-<key>` labels them on screen).
pub fn diagnostics(language: &str, connectivity: Connectivity) -> BTreeMap<String, String> {
    let mut details = BTreeMap::new();
    details.insert("app_version".into(), env!("CARGO_PKG_VERSION").into());
    details.insert(
        "platform".into(),
        format!("{} {}", platform_name(), std::env::consts::ARCH),
    );
    details.insert("language".into(), language.into());
    details.insert(
        "connection".into(),
        match connectivity {
            Connectivity::Online => "online",
            Connectivity::Offline => "offline",
            Connectivity::Unknown => "unknown",
        }
        .into(),
    );
    #[cfg(target_family = "wasm")]
    if let Some(agent) = web_sys::window().and_then(|w| w.navigator().user_agent().ok()) {
        // Within the protocol's bound, however long a browser names itself.
        let agent = agent
            .chars()
            .take(pulse_protocol::input::MAX_DIAGNOSTIC_VALUE_CHARS)
            .collect();
        details.insert("user_agent".into(), agent);
    }
    details
}

fn platform_name() -> &'static str {
    if cfg!(target_family = "wasm") {
        "web"
    } else {
        std::env::consts::OS
    }
}
