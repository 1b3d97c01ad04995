//! Right after Send: the message is safe on the phone; this follows the item live
//! (waiting for connection, sending, sent, or failed with the reason, and retry, edit,
//! discard) and, once it is a case, says by when support aims to reply to it.

use dioxus::prelude::*;
use pulse_client::OutboxState;
use uuid::Uuid;

use crate::components::{
    FailedActions, Loading, OutboxStateLine, QueuedActions, ReplyPromise, TopBar, needs_action,
};
use crate::i18n::{error_text, t};
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
    // The promise is the case's; until there is one, only that it will be shown.
    let promise = match found.as_ref().map(|i| &i.state) {
        Some(OutboxState::Sent { case_id }) => rsx! { SentCasePromise { case_id: *case_id } },
        Some(_) => rsx! {
            div { class: "callout good", "data-testid": "reply-pending", {t("sent-reply-pending")} }
        },
        None => rsx! {},
    };
    rsx! {
        TopBar { title: t("sent-title") }
        div { class: "screen", "data-testid": "sent",
            {promise}
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
                                _ => rsx! {
                                    QueuedActions { item: entry, reply_box: None }
                                },
                            }
                        }
                    }
                }
            }
            Link { to: Route::Home {}, class: "button primary", "data-testid": "sent-done", {t("sent-done")} }
        }
    }
}

/// The promise of the case the message became, from the phone's copy (the outbox keeps
/// the server's answer there).
#[component]
fn SentCasePromise(case_id: Uuid) -> Element {
    let state = use_app();
    let cached = use_resource(move || {
        (state.cases_changed)();
        let pulse = state.pulse();
        async move { pulse.cached_case(case_id).await }
    });
    let detail = match &*cached.read() {
        None => return rsx! {},
        // Said where the promise would be: the rest of the screen still holds.
        Some(Err(error)) => {
            tracing::warn!(%error, %case_id, "the sent case could not be read");
            return rsx! { p { class: "field-error", {error_text(error.failure())} } };
        }
        Some(Ok(detail)) => detail.clone(),
    };
    match detail {
        Some(detail) => rsx! { ReplyPromise { case: detail.case } },
        None => rsx! {},
    }
}
