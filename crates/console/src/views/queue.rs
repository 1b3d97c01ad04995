//! The queue: one view's cases, the soonest reply due first, with the time left on
//! each; searched by case number, partner or text; paged; fetched again on every live
//! event, so a new case shows without a reload.

use dioxus::prelude::*;
use pulse_protocol::input::{case_number, search_needle};
use pulse_protocol::wire::HandlerCase;

use crate::api::ApiError;
use crate::i18n::{Urgency, date_time, due_text, subtopic_label, t, topic_label};
use crate::route::{Route, View};
use crate::state::use_console;
use crate::tr;

/// `/`: the view last worked (New at first).
#[component]
pub fn QueueHome() -> Element {
    let console = use_console();
    let view = *console.view.peek();
    rsx! { Queue { view: View(view) } }
}

#[component]
pub fn Queue(view: ReadSignal<View>) -> Element {
    let mut console = use_console();
    // Pages shown: "More" adds one; another view or search starts again at one.
    let mut pages = use_signal(|| 1usize);
    use_effect(move || {
        let View(view) = view();
        if *console.view.peek() != view {
            console.view.set(view);
            console.selected.set(0);
        }
        if *pages.peek() != 1 {
            pages.set(1);
        }
    });
    let search = console.search;
    let list = use_resource(move || async move {
        let View(view) = view();
        let needle = search_needle(&search()).ok();
        let wanted = pages();
        let _ = (console.tick)();
        let api = console.api()?;
        let mut cases: Vec<HandlerCase> = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..wanted {
            match api.queue(view, needle.as_deref(), cursor.as_deref()).await {
                Ok(page) => {
                    cases.extend(page.cases);
                    cursor = page.next_cursor;
                }
                Err(error) => {
                    console.failed(&error);
                    return Some(Err(error));
                }
            }
            if cursor.is_none() {
                break;
            }
        }
        console.order.set(cases.iter().map(|c| c.case.id).collect());
        Some(Ok((cases, cursor.is_some())))
    });
    let View(current) = view();
    let raw = search();
    let too_short = !raw.trim().is_empty() && search_needle(&raw).is_err();
    let selected = *console.selected.read();
    let now = *console.now.read();
    let answer: Option<Result<(Vec<HandlerCase>, bool), ApiError>> = list.read().clone().flatten();
    rsx! {
        main { class: "queue-screen", "data-testid": "queue-screen", "data-view": current.as_str(),
            div { class: "queue-head",
                h1 { {t(&format!("console-view-{}", current.as_str()))} }
                input {
                    class: "search",
                    r#type: "search",
                    "data-testid": "queue-search",
                    placeholder: t("console-search"),
                    "aria-label": t("console-search"),
                    value: "{raw}",
                    onmounted: move |e| console.search_box.set(Some(e.data())),
                    oninput: move |e| {
                        let mut search = console.search;
                        search.set(e.value());
                        console.selected.set(0);
                    },
                }
            }
            if too_short {
                p { class: "hint", "data-testid": "queue-search-hint", {t("console-search-short")} }
            }
            match answer {
                None => rsx! { p { class: "loading", {t("console-loading")} } },
                Some(Err(error)) => rsx! {
                    p { class: "error", role: "alert", "data-testid": "console-error", {error.text()} }
                },
                Some(Ok((cases, more))) => rsx! {
                    if cases.is_empty() {
                        p { class: "empty", "data-testid": "queue-empty", {t("console-queue-empty")} }
                    }
                    ol { class: "queue", "data-testid": "queue",
                        for (at, case) in cases.into_iter().enumerate() {
                            QueueRow { key: "{case.case.id}", case, selected: at == selected, now }
                        }
                    }
                    if more {
                        button { class: "quiet", "data-testid": "queue-more",
                            onclick: move |_| pages += 1,
                            {t("console-more")}
                        }
                    }
                },
            }
        }
    }
}

#[component]
fn QueueRow(case: HandlerCase, selected: bool, now: time::OffsetDateTime) -> Element {
    let summary = &case.case;
    let due = summary.reply_due_at;
    let urgency = Urgency::of(due, now);
    let number = case_number(summary.id);
    let id = summary.id;
    let status = t(&format!("console-status-{}", summary.status.as_str()));
    let topic = topic_label(summary.topic.as_str());
    let subtopic = subtopic_label(summary.topic.as_str(), &summary.subtopic);
    let assignee = case
        .assignee
        .as_ref()
        .map(|a| a.name.clone())
        .unwrap_or_else(|| t("console-unassigned"));
    rsx! {
        li {
            class: if selected { "queue-row selected" } else { "queue-row" },
            "data-testid": "queue-row",
            "data-case-id": "{id}",
            "aria-current": if selected { "true" } else { "false" },
            Link { to: Route::CaseScreen { id },
                span { class: "number", "#{number}" }
                span { class: "partner", {case.partner_name.clone()} }
                span { class: "subject", "{topic} · {subtopic}" }
                span { class: "status", {status} }
                span { class: urgency.class(), "data-testid": "due-label", {due_text(due, now)} }
                span { class: "assignee", "data-testid": "row-assignee", {assignee} }
                span { class: "when", title: date_time(summary.last_activity_at),
                    {tr!("console-last-activity", when = date_time(summary.last_activity_at))}
                }
            }
        }
    }
}
