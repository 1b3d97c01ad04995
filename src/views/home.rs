//! Home: a greeting, the way to write, unfinished drafts and the latest messages.

use dioxus::prelude::*;
use pulse_protocol::wire::ContactKind;

use crate::components::{Icon, Loading, ReadError, StatusChip, Svg, TopBar, ago};
use crate::i18n::{self, t};
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

#[component]
pub fn Home() -> Element {
    let state = use_app();
    let name = state.account().map(|a| a.name).unwrap_or_default();
    let drafts = state.drafts.read().get().map_or(0, |d| d.len());
    // The way to write stays even when the list cannot be read.
    let cases = state.cases.read();
    let cases = cases.ready();
    rsx! {
        TopBar { title: t("app-name") }
        div { class: "screen",
            h2 { {tr!("home-greeting", name = name)} }
            p { {t("home-intro")} }
            Link { to: Route::write(ContactKind::Question), class: "button primary", "data-testid": "home-write",
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
            match cases {
                Err(failure) => rsx! { ReadError { failure } },
                Ok(None) => rsx! { Loading {} },
                Ok(Some(cases)) => rsx! { RecentCases { cases: cases.clone() } },
            }
        }
    }
}

/// The three cases with the newest activity, and the way to all of them.
#[component]
fn RecentCases(cases: Vec<pulse_protocol::wire::CaseSummary>) -> Element {
    rsx! {
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
