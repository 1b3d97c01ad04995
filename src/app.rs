//! The app's root: open the engine, pick the language, provide the state, route.

use std::rc::Rc;

use dioxus::prelude::*;
use pulse_client::{ClientConfig, Pulse};

use crate::i18n::{self, LANG, Language, t};
use crate::platform;
use crate::route::Route;
use crate::state::use_app_state;
use crate::tr;

/// The app's styles. dx also links them from index.html's head for the browser, so they
/// load alongside the wasm instead of after it has started.
const STYLES: Asset = asset!(
    "/assets/app.css",
    AssetOptions::css().with_static_head(true)
);

/// Starts the app on the platform it was built for.
pub fn launch() {
    #[cfg(feature = "desktop")]
    {
        use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
        let window = WindowBuilder::new()
            .with_title(crate::i18n::LANGUAGES[0].format("app-name", None))
            .with_inner_size(LogicalSize::new(420.0, 860.0));
        dioxus::LaunchBuilder::desktop()
            .with_cfg(Config::new().with_window(window).with_menu(None))
            .launch(App);
    }
    #[cfg(target_family = "wasm")]
    platform::log_to_console();
    #[cfg(not(feature = "desktop"))]
    dioxus::launch(App);
}

/// Opens the engine (the local store and the keychain), then shows the app.
#[component]
pub fn App() -> Element {
    let engine = use_resource(|| async {
        let config = ClientConfig::new(platform::data_dir(), platform::credentials());
        Pulse::open(config).await.map_err(|e| e.to_string())
    });
    let engine = engine.read();
    let screen = match &*engine {
        None => rsx! {
            div { class: "app", p { class: "center muted", {t("loading")} } }
        },
        Some(Err(reason)) => rsx! {
            div { class: "app",
                p { class: "center", role: "alert", {tr!("fatal-storage", reason = reason.clone())} }
            }
        },
        Some(Ok(pulse)) => rsx! {
            Root { pulse: pulse.clone() }
        },
    };
    rsx! {
        // In a browser index.html links the styles already (see STYLES).
        if !cfg!(target_family = "wasm") {
            document::Stylesheet { href: STYLES }
        }
        {screen}
    }
}

/// The app around an open engine. `path` starts it at a screen with an in-memory
/// history (screen tests); without it the platform's history is used.
#[component]
pub fn Root(pulse: Pulse, #[props(default)] path: Option<String>) -> Element {
    use_hook(|| {
        if let Some(path) = &path {
            dioxus::history::provide_history_context(Rc::new(
                dioxus::history::MemoryHistory::with_initial_path(path.clone()),
            ));
        }
    });
    use_hook(|| {
        let chosen = pulse
            .preference("language")
            .ok()
            .flatten()
            .and_then(|code| Language::by_code(&code));
        *LANG.write() =
            chosen.unwrap_or_else(|| Language::negotiate(&platform::device_languages()));
    });
    use_hook(|| {
        let pulse = pulse.clone();
        platform::on_visibility_change(move |visible| pulse.set_foreground(visible));
    });
    use_app_state(pulse);
    // Again whenever the language changes: in a browser it may have to be downloaded.
    use_resource(|| i18n::load(LANG()));
    let language = LANG();
    rsx! {
        document::Title { {t("app-name")} }
        div { class: "app", dir: language.dir(), lang: language.code,
            if i18n::is_ready(language) {
                Router::<Route> {}
            } else {
                p { class: "center muted", {t("loading")} }
            }
        }
    }
}
