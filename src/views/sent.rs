//! Right after Send: the message is safe on the phone; this says when to expect a
//! reply and follows the item live: waiting for connection, sending, sent, or failed
//! with the reason (and retry, edit, discard).

use dioxus::prelude::*;
use pulse_client::OutboxState;
use uuid::Uuid;

use crate::components::{FailedActions, Loading, OutboxStateLine, TopBar, needs_action};
use crate::i18n::t;
use crate::route::Route;
use crate::state::use_app;

#[component]
pub fn Sent(item: Uuid) -> Element {
    let state = use_app();
    let outbox = state.outbox.read();
    let Some(items) = outbox.ready()? else {
        return rsx! { Loading {} };
    };
    let found = items.iter().find(|i| i.id == item).cloned();
    rsx! {
        TopBar { title: t("sent-title") }
        div { class: "screen", "data-testid": "sent",
            div { class: "callout good", {t("sent-reply-aim")} }
            match found {
                None => rsx! { p { class: "muted", {t("sent-gone")} } },
                Some(entry) => {
                    let state_now = entry.state.clone();
                    rsx! {
                        div { class: "card",
                            OutboxStateLine { item: entry.clone() }
                            match state_now {
                                OutboxState::Sent { case_id } => rsx! {
                                    Link { to: Route::CaseScreen { id: case_id }, class: "button", "data-testid": "view-case",
                                        {t("sent-view-case")}
                                    }
                                },
                                _ if needs_action(&entry) => rsx! {
                                    FailedActions { item: entry }
                                },
                                _ => rsx! {},
                            }
                        }
                    }
                }
            }
            Link { to: Route::Home {}, class: "button primary", "data-testid": "sent-done", {t("sent-done")} }
        }
    }
}
