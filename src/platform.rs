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

/// Where the session token is kept: the platform's keychain. A desktop without a
/// reachable Secret Service keeps it in memory only (signed out at the next start).
#[cfg(not(target_family = "wasm"))]
pub fn credentials() -> Arc<keyring_core::CredentialStore> {
    match vault::platform_store() {
        Ok(store) => store,
        Err(error) => {
            tracing::warn!(%error, "no keychain: the session will not survive a restart");
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

/// The address the sign-in screen suggests: the page's own origin in a browser (the
/// web app is served by pulse-server), else `PULSE_SERVER` or the local demo server.
pub fn default_server() -> String {
    #[cfg(target_family = "wasm")]
    if let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) {
        return origin;
    }
    std::env::var("PULSE_SERVER").unwrap_or_else(|_| "http://127.0.0.1:8080".to_owned())
}

/// The device's preferred languages, most preferred first.
pub fn device_languages() -> Vec<String> {
    if let Ok(forced) = std::env::var("PULSE_LANG") {
        return vec![forced];
    }
    sys_locale::get_locales().collect()
}

/// Calls `changed(visible)` whenever the app goes to the background or comes back, so
/// the live stream only runs while someone can see it. In a browser this is the page's
/// visibility; the phone platforms' lifecycle events are not reachable from Dioxus 0.7,
/// so there the app counts as always in the foreground.
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
