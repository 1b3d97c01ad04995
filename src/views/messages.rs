//! Messages: the partner's cases with status chips and unread marks, from the phone's
//! cache (readable offline), refreshed from the server when it can be reached.

use dioxus::prelude::*;

use crate::components::{Loading, StatusChip, TopBar, ago};
use crate::i18n::{self, t};
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

#[component]
pub fn Messages() -> Element {
    let state = use_app();
    // Fresh from the server when it can be reached; the cache shows meanwhile, and says
    // so when the server cannot be asked.
    let refresh = use_resource(move || {
        let pulse = state.pulse();
        async move {
            let refreshed = pulse.refresh_cases().await;
            if let Err(error) = &refreshed {
                tracing::info!(%error, "the case list shows the cache");
            }
            refreshed.is_ok()
        }
    });
    let refreshed = refresh.read().unwrap_or(false);
    let cases = state.cases.read();
    let Some(cases) = cases.ready()? else {
        return rsx! { Loading {} };
    };
    rsx! {
        TopBar { title: t("messages-title") }
        div { class: "screen", "data-testid": "messages",
            if !refreshed && !cases.is_empty() {
                p { class: "hint", {t("messages-cached")} }
            }
            if cases.is_empty() {
                p { class: "muted", {t("messages-empty")} }
            }
            ul { class: "list card",
                for case in cases.iter() {
                    li { key: "{case.id}",
                        Link { to: Route::CaseScreen { id: case.id }, "data-testid": "case-row",
                            if case.unread_count > 0 {
                                span { class: "unread-dot", "aria-label": tr!("messages-unread", count = case.unread_count) }
                            }
                            span { class: "grow",
                                strong { {i18n::topic_label(case.topic.as_str())} }
                                " · "
                                {i18n::subtopic_label(case.topic.as_str(), &case.subtopic)}
                                br {}
                                span { class: "muted",
                                    {t(&format!("kind-{}", case.kind.as_str()))}
                                    " · "
                                    {ago(case.last_activity_at)}
                                }
                            }
                            StatusChip { status: case.status }
                        }
                    }
                }
            }
        }
    }
}
