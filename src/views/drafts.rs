//! Drafts (everything started and not sent) and the outbox (everything sent from this
//! phone that the server does not have yet, or refused).

use dioxus::prelude::*;
use pulse_client::OutboxPayload;

use crate::components::{
    FailedActions, Loading, OutboxStateLine, QueuedActions, TopBar, ago, needs_action,
};
use crate::i18n::{self, t};
use crate::route::Route;
use crate::state::{unsent, use_app};
use crate::tr;

#[component]
pub fn Drafts() -> Element {
    let state = use_app();
    let drafts = state.drafts.read();
    let Some(drafts) = drafts.ready()? else {
        return rsx! { Loading {} };
    };
    rsx! {
        TopBar { title: t("drafts-title"), back: true }
        div { class: "screen", "data-testid": "drafts",
            if drafts.is_empty() {
                p { class: "muted", {t("drafts-empty")} }
            }
            ul { class: "list card",
                for draft in drafts.iter() {
                    li { key: "{draft.id}",
                        Link {
                            to: Route::draft(draft.content.kind, draft.id),
                            "data-testid": "draft",
                            span { class: "grow",
                                strong {
                                    {match &draft.content.topic {
                                        Some(topic) => i18n::topic_label(topic),
                                        None => t("draft-untitled"),
                                    }}
                                }
                                br {}
                                span { class: "muted", {preview(&draft.content.body)} }
                                br {}
                                span { class: "muted", {tr!("draft-edited", when = ago(draft.updated_at))} }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[component]
pub fn Outbox() -> Element {
    let state = use_app();
    let outbox = state.outbox.read();
    let Some(outbox) = outbox.ready()? else {
        return rsx! { Loading {} };
    };
    let items = unsent(outbox);
    rsx! {
        TopBar { title: t("outbox-title"), back: true }
        div { class: "screen", "data-testid": "outbox",
            if items.is_empty() {
                p { class: "muted", {t("outbox-empty")} }
            }
            for item in items {
                div { class: "card", key: "{item.id}", "data-testid": "outbox-item",
                    strong {
                        {match &item.payload {
                            OutboxPayload::NewCase { case, .. } => format!("{}: {}", t("outbox-new-case"), i18n::topic_label(&case.topic)),
                            OutboxPayload::Reply { .. } => t("outbox-reply"),
                            OutboxPayload::Resolution { .. } => t("outbox-resolution"),
                            OutboxPayload::Mediation { .. } => t("outbox-mediation"),
                        }}
                    }
                    p { class: "muted", {ago(item.created_at)} }
                    OutboxStateLine { item: item.clone() }
                    if needs_action(&item) {
                        FailedActions { item: item.clone() }
                    } else {
                        QueuedActions { item: item.clone(), reply_box: None }
                    }
                }
            }
        }
    }
}

/// The start of a message, for a list.
pub fn preview(body: &str) -> String {
    let line = body.lines().next().unwrap_or("").trim();
    let mut short: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        short.push('…');
    }
    short
}
