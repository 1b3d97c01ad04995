//! Drafts (everything started and not sent) and the outbox (everything sent from this
//! phone that the server does not have yet, or refused).

use dioxus::prelude::*;
use pulse_client::{OutboxPayload, OutboxState};

use crate::components::{OutboxStateLine, TopBar, ago};
use crate::i18n::{self, t};
use crate::route::Route;
use crate::state::use_app;
use crate::tr;
use crate::views::compose::kind_id;
use crate::views::sent::FailedActions;

#[component]
pub fn Drafts() -> Element {
    let state = use_app();
    let drafts = state.drafts.read();
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
                            to: Route::Compose { kind: kind_id(draft.content.kind).to_owned(), draft: draft.id.to_string() },
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
    let items = state.unsent_items();
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
                    if matches!(item.state, OutboxState::Failed { .. }) {
                        FailedActions { item: item.id }
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
