//! An address the app does not know (an old link, a typo): say so, and go on from Home.

use dioxus::prelude::*;

use crate::components::TopBar;
use crate::i18n::t;
use crate::route::Route;

#[component]
pub fn NotFound(segments: Vec<String>) -> Element {
    tracing::info!(
        address = segments.join("/"),
        "an address the app does not know"
    );
    rsx! {
        TopBar { title: t("app-name") }
        div { class: "screen", "data-testid": "not-found",
            p { {t("error-not_found")} }
            Link { to: Route::Home {}, class: "button primary", {t("tab-home")} }
        }
    }
}
