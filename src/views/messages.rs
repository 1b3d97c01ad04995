//! Messages: the partner's cases with status chips and unread marks, from the phone's
//! cache (readable offline), refreshed from the server when it can be reached; older
//! cases a page at a time, and a search over them (topic, words, case or reservation
//! number) that works offline.

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
    let mut query = use_signal(String::new);
    // The engine finds words, case and reservation numbers; the topic is matched here,
    // in the language the partner reads it in.
    let found = use_resource(move || {
        (state.cases_changed)();
        let text = query();
        let pulse = state.pulse();
        async move { pulse.search_cases(&text).await }
    });
    let more = use_resource(move || {
        (state.cases_changed)();
        let pulse = state.pulse();
        async move { pulse.has_more_cases().await.unwrap_or(false) }
    });
    let mut loading_more = use_signal(|| false);
    let cases = state.cases.read();
    let Some(cases) = cases.ready()? else {
        return rsx! { Loading {} };
    };
    let needle = query.read().trim().to_lowercase();
    let shown: Vec<_> = if needle.is_empty() {
        cases.iter().collect()
    } else {
        let by_engine = match &*found.read() {
            Some(Ok(ids)) => ids.clone(),
            _ => Vec::new(),
        };
        cases
            .iter()
            .filter(|case| {
                by_engine.contains(&case.id)
                    || i18n::topic_label(case.topic.as_str())
                        .to_lowercase()
                        .contains(&needle)
                    || i18n::subtopic_label(case.topic.as_str(), &case.subtopic)
                        .to_lowercase()
                        .contains(&needle)
            })
            .collect()
    };
    let has_more = needle.is_empty() && more.read().unwrap_or(false);
    let load_more = move |_| {
        loading_more.set(true);
        let pulse = state.pulse();
        spawn(async move {
            if let Err(error) = pulse.more_cases().await {
                state.failed("more_cases", &error);
            }
            loading_more.set(false);
        });
    };
    rsx! {
        TopBar { title: t("messages-title") }
        div { class: "screen", "data-testid": "messages",
            if !refreshed && !cases.is_empty() {
                p { class: "hint", {t("messages-cached")} }
            }
            if cases.is_empty() {
                p { class: "muted", {t("messages-empty")} }
            } else {
                input {
                    r#type: "search", class: "search", "data-testid": "messages-search",
                    "aria-label": t("messages-search"), placeholder: t("messages-search"),
                    value: "{query}",
                    oninput: move |e| query.set(e.value()),
                }
            }
            if !needle.is_empty() && shown.is_empty() {
                p { class: "muted", "data-testid": "messages-no-match",
                    {tr!("messages-no-match", query = query.read().trim().to_owned())}
                }
            }
            ul { class: "list card",
                for case in shown {
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
            if has_more {
                button { "data-testid": "messages-more", disabled: loading_more(), onclick: load_more,
                    {t("messages-more")}
                }
            }
        }
    }
}
