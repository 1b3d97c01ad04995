//! What the console asks of the browser: its address, its languages, its clock, a
//! little storage for the session and the chosen language, and timers. Natively (the
//! tests) the same calls answer from the process, so that the logic compiles and runs
//! there too.

use std::time::Duration;

use time::UtcOffset;

/// The server the console talks to: the one that served it.
pub fn server_url() -> String {
    #[cfg(target_family = "wasm")]
    if let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) {
        return origin;
    }
    std::env::var("PULSE_CONSOLE_SERVER").unwrap_or_else(|_| "http://127.0.0.1:8080".into())
}

/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    #[cfg(target_family = "wasm")]
    if let Some(window) = web_sys::window() {
        let languages: Vec<String> = window
            .navigator()
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .collect();
        if !languages.is_empty() {
            return languages;
        }
    }
    vec!["en".to_owned()]
}

/// The offset of the handler's clock.
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

/// A value kept in the browser's local storage (none natively).
pub fn stored(key: &str) -> Option<String> {
    #[cfg(target_family = "wasm")]
    {
        web_sys::window()?
            .local_storage()
            .ok()??
            .get_item(key)
            .ok()?
    }
    #[cfg(not(target_family = "wasm"))]
    {
        let _ = key;
        None
    }
}

/// Keeps `value` under `key`, or forgets it.
pub fn store(key: &str, value: Option<&str>) {
    #[cfg(target_family = "wasm")]
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
    #[cfg(not(target_family = "wasm"))]
    let _ = (key, value);
}

#[cfg(not(target_family = "wasm"))]
pub async fn sleep(duration: Duration) {
    tokio::time::sleep(duration).await;
}

#[cfg(target_family = "wasm")]
pub async fn sleep(duration: Duration) {
    wasmtimer::tokio::sleep(duration).await;
}
