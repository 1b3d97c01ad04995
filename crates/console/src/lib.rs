//! The support console: partner support signs in, works the queue of cases in views
//! (new, overdue, due soon…) that update live, opens a case with everything the
//! partner sent, and answers it with the moves the protocol's lifecycle allows. It
//! speaks the handler's language and is served by pulse-server at `/console`.

pub mod api;
pub mod i18n;
pub mod platform;
pub mod route;
pub mod state;
pub mod views;

use dioxus::prelude::*;

use crate::i18n::LANG;
use crate::route::Route;

const STYLES: Asset = asset!(
    "/assets/console.css",
    AssetOptions::css().with_static_head(true)
);

pub fn launch() {
    // A panic says where in the browser's console, instead of a bare "unreachable".
    #[cfg(target_family = "wasm")]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    dioxus::launch(App);
}

#[component]
pub fn App() -> Element {
    state::provide();
    let title = {
        let _ = LANG.read();
        i18n::t("console-title")
    };
    // dioxus' own Title goes through its JavaScript eval, which the page's policy
    // forbids (no unsafe-eval); a refused eval stops the whole console.
    use_effect(use_reactive((&title,), |(title,)| {
        #[cfg(target_family = "wasm")]
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&title);
        }
        #[cfg(not(target_family = "wasm"))]
        let _ = title;
    }));
    let _ = STYLES;
    rsx! {
        // index.html links the styles (STYLES is in its head).
        Router::<Route> {}
    }
}
