//! More: Help, Drafts, what waits to be sent, Settings, and signing out.

use dioxus::prelude::*;

use crate::components::{SignOutButton, TopBar};
use crate::i18n::t;
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

#[component]
pub fn More() -> Element {
    let state = use_app();
    let waiting = state.unsent();
    let drafts = state.drafts.read().get().map_or(0, |d| d.len());
    rsx! {
        TopBar { title: t("more-title") }
        div { class: "screen",
            ul { class: "list card",
                li { Link { to: Route::Help {}, "data-testid": "more-help", span { class: "grow", {t("more-help")} } } }
                li {
                    Link { to: Route::Drafts {}, "data-testid": "more-drafts",
                        span { class: "grow", {t("more-drafts")} }
                        if drafts > 0 { span { class: "chip", "{drafts}" } }
                    }
                }
                li {
                    Link { to: Route::Outbox {}, "data-testid": "more-outbox",
                        span { class: "grow", {t("more-outbox")} }
                        if waiting > 0 {
                            span { class: "chip", "aria-label": tr!("line-waiting", count = waiting), "{waiting}" }
                        }
                    }
                }
                li { Link { to: Route::Settings {}, "data-testid": "more-settings", span { class: "grow", {t("more-settings")} } } }
            }
            SignOutButton { label: t("more-sign-out"), test_id: "more-sign-out" }
        }
    }
}
