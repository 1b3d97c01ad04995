//! Home: a greeting, the way to write, unfinished drafts and the latest messages.

use dioxus::prelude::*;
use pulse_client::AuthState;

use crate::components::{Icon, StatusChip, Svg, TopBar, ago};
use crate::i18n::{self, t};
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

#[component]
pub fn Home() -> Element {
    let state = use_app();
    let name = match &*state.auth.read() {
        AuthState::SignedIn(a) | AuthState::SignInAgain(a) => a.name.clone(),
        AuthState::SignedOut => String::new(),
    };
    let drafts = state.drafts.read().len();
    let cases = state.cases.read();
    rsx! {
        TopBar { title: t("app-name") }
        div { class: "screen",
            h2 { {tr!("home-greeting", name = name)} }
            p { {t("home-intro")} }
            Link { to: Route::write("question"), class: "button primary", "data-testid": "home-write",
                {t("home-write")}
            }
            div { class: "actions",
                Link { to: Route::Help {}, class: "button", {t("home-help")} }
            }
            if drafts > 0 {
                Link { to: Route::Drafts {}, class: "card", "data-testid": "home-drafts",
                    {tr!("home-drafts", count = drafts)}
                }
            }
            h3 { {t("home-recent")} }
            if cases.is_empty() {
                p { class: "muted", {t("home-no-cases")} }
            }
            ul { class: "list",
                for case in cases.iter().take(3) {
                    li { key: "{case.id}",
                        Link { to: Route::CaseScreen { id: case.id },
                            Svg { icon: Icon::Messages }
                            span { class: "grow",
                                {i18n::topic_label(case.topic.as_str())}
                                br {}
                                span { class: "muted", {ago(case.last_activity_at)} }
                            }
                            StatusChip { status: case.status }
                        }
                    }
                }
            }
            if cases.len() > 3 {
                Link { to: Route::Messages {}, class: "button", {t("home-see-all")} }
            }
        }
    }
}
