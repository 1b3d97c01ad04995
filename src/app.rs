//! The app's root: open the engine, pick the language, provide the state, route.

use std::rc::Rc;

use dioxus::prelude::*;
use pulse_client::{AuthState, ClientConfig, Pulse};

use crate::components::WindowTitle;
use crate::i18n::{self, LANG, Language, error_text, t};
use crate::platform;
use crate::push;
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
    // iOS: the notification center's delegate must be set before the launch ends, or
    // the tap that started the app is lost.
    #[cfg(any(target_os = "android", target_os = "ios"))]
    crate::native_push::prepare();
    #[cfg(not(feature = "desktop"))]
    dioxus::launch(App);
}

/// Takes the local store for this tab (see [`platform::lock_store`]), opens the engine
/// (the local store and the keychain), then shows the app. Another tab holding the
/// store is said, with the choice to use the app here instead; a tab whose store is
/// taken by another closes its engine at once and says so.
#[component]
pub fn App() -> Element {
    let mut lock = use_signal(|| None::<platform::StoreLock>);
    // Whether this page has opened an engine before (then it reloads to open again, so
    // that nothing of its old copy of the store is read).
    let mut opened_before = use_signal(|| false);
    // Set when another tab took the store from this one.
    let (lost_tx, lost_rx) = use_hook(|| {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<()>();
        (tx, std::rc::Rc::new(std::cell::RefCell::new(Some(rx))))
    });
    let engine = use_resource(move || async move {
        if lock() != Some(platform::StoreLock::Held) {
            return None;
        }
        let config = ClientConfig::new(platform::data_dir(), platform::credentials());
        let opened = Pulse::open(config).await;
        opened_before.set(true);
        if let Err(error) = &opened {
            tracing::error!(%error, "the engine could not be opened");
        }
        Some(opened)
    });
    let take = {
        let lost_tx = lost_tx.clone();
        move |take: bool| {
            let lost_tx = lost_tx.clone();
            spawn(async move {
                let got = platform::lock_store(take, move || {
                    let _ = lost_tx.send(());
                })
                .await;
                if take && got == platform::StoreLock::Held {
                    // The other tab lets go of the store as it is told; its last
                    // writes reach the browser's storage a moment after.
                    pulse_client::rt::sleep(std::time::Duration::from_millis(400)).await;
                    if *opened_before.peek() {
                        platform::reload();
                        return;
                    }
                }
                lock.set(Some(got));
            });
        }
    };
    use_hook({
        let take = take.clone();
        move || take(false)
    });
    // Another tab took the store: this tab's engine stops (no second outbox worker).
    use_hook(move || {
        let rx = lost_rx.borrow_mut().take();
        spawn(async move {
            let Some(mut rx) = rx else { return };
            while rx.recv().await.is_some() {
                if let Some(Some(Ok(pulse))) = &*engine.peek() {
                    pulse.close();
                }
                lock.set(Some(platform::StoreLock::Elsewhere));
            }
        });
    });
    let engine = engine.read();
    let screen = match (lock(), &*engine) {
        (Some(platform::StoreLock::Elsewhere), _) => rsx! {
            div { class: "app",
                div { class: "screen", "data-testid": "open-elsewhere",
                    p { class: "center", role: "status", {t("elsewhere-body")} }
                    button {
                        class: "primary", "data-testid": "use-here",
                        onclick: move |_| take(true),
                        {t("elsewhere-use-here")}
                    }
                }
            }
        },
        (_, None | Some(None)) => rsx! {
            div { class: "app", p { class: "center muted", {t("loading")} } }
        },
        (_, Some(Some(Err(error)))) => rsx! {
            div { class: "app",
                p { class: "center", role: "alert", {tr!("fatal-storage", reason = error_text(error.failure()))} }
            }
        },
        (_, Some(Some(Ok(pulse)))) => rsx! {
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
    // The partner's language before the first screen, so nothing shows in another.
    let chosen = use_resource({
        let pulse = pulse.clone();
        move || {
            let pulse = pulse.clone();
            async move {
                let chosen = match pulse.preference("language").await {
                    Ok(code) => code.and_then(|code| Language::by_code(&code)),
                    Err(error) => {
                        // The phone's language serves until the partner picks one again.
                        tracing::warn!(%error, "the chosen language cannot be read");
                        None
                    }
                };
                *LANG.write() =
                    chosen.unwrap_or_else(|| Language::negotiate(&platform::device_languages()));
            }
        }
    });
    use_hook(|| {
        let pulse = pulse.clone();
        // The stream stays open behind another tab, saying so: the server sends pushes
        // to this device then (when notifications are on) and holds them back on screen.
        platform::on_visibility_change(move |visible| pulse.set_visible(visible));
    });
    use_hook(|| {
        let pulse = pulse.clone();
        platform::on_network_back(move || pulse.network_is_back());
    });
    let state = use_app_state(pulse.clone());
    // Notifications that were on come back at start (the service worker ready, the
    // subscription renewed at the server), and speak the language the partner picks:
    // once per language (a downloaded language is set twice).
    let mut resumed_in = use_hook(|| CopyValue::new(None::<&'static str>));
    use_effect(move || {
        let language = LANG().code;
        if chosen.read().is_none() || *resumed_in.peek() == Some(language) {
            return;
        }
        resumed_in.set(Some(language));
        let pulse = pulse.clone();
        spawn(async move { push::resume(&pulse, language).await });
    });
    // Nobody signed in: no push of the last account shows here any more.
    use_effect(move || {
        if *state.auth.read() == AuthState::SignedOut {
            spawn(push::signed_out());
        }
    });
    // Again whenever the language changes: in a browser it may have to be downloaded.
    use_resource(|| i18n::load(LANG()));
    let language = LANG();
    let ready = chosen.read().is_some() && i18n::is_ready(language);
    rsx! {
        WindowTitle { text: t("app-name") }
        div { class: "app", dir: language.dir(), lang: language.code,
            if ready {
                Router::<Route> {}
            } else {
                p { class: "center muted", {t("loading")} }
            }
        }
    }
}
