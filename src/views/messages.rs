//! Messages: the partner's cases with status chips and unread marks, from the phone's
//! cache (readable offline), refreshed from the server when it can be reached.

use dioxus::prelude::*;

use crate::components::{StatusChip, TopBar, ago};
use crate::i18n::{self, t};
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

#[component]
pub fn Messages() -> Element {
    let state = use_app();
    let mut refreshed = use_signal(|| false);
    use_hook(|| {
        let pulse = state.pulse();
        spawn(async move {
            refreshed.set(pulse.refresh_cases().await.is_ok());
        });
    });
    let cases = state.cases.read();
    rsx! {
        TopBar { title: t("messages-title") }
        div { class: "screen", "data-testid": "messages",
            if !refreshed() && !cases.is_empty() {
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
                                    {t(&format!("kind-{}", crate::views::compose::kind_id(case.kind)))}
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
