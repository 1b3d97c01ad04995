//! An outbox item's state in words, and what the partner can do about a failed one.

use dioxus::prelude::*;
use pulse_client::{OutboxItem, OutboxPayload, OutboxState};

use crate::i18n::{error_text, t};
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

/// Where an outbox item stands, in words, for the partner.
pub fn outbox_state_text(item: &OutboxItem) -> String {
    match &item.state {
        OutboxState::Queued { attempts: 0, .. } => t("sent-queued"),
        OutboxState::Queued { attempts, .. } => tr!("sent-queued-retry", attempts = *attempts),
        OutboxState::Sending => t("sent-sending"),
        OutboxState::Sent { .. } => t("sent-sent"),
        OutboxState::Failed { reason, .. } => tr!("sent-failed", reason = error_text(*reason)),
    }
}

/// The CSS class and test id for an outbox state.
pub fn outbox_state_class(state: &OutboxState) -> &'static str {
    match state {
        OutboxState::Queued { .. } => "queued",
        OutboxState::Sending => "sending",
        OutboxState::Sent { .. } => "sent",
        OutboxState::Failed { .. } => "failed",
    }
}

#[component]
pub fn OutboxStateLine(item: OutboxItem) -> Element {
    let class = outbox_state_class(&item.state);
    rsx! {
        p { class: "state {class}", "data-state": class, {outbox_state_text(&item)} }
    }
}

/// Retry, edit (a new case goes back into a draft) or discard a message that was not
/// sent.
#[component]
pub fn FailedActions(item: OutboxItem) -> Element {
    let state = use_app();
    let id = item.id;
    let editable = matches!(item.payload, OutboxPayload::NewCase { .. });
    rsx! {
        div { class: "actions",
            button {
                "data-testid": "retry",
                onclick: move |_| state.act("retry", move |pulse| async move { pulse.retry(id).await }, |_| {}),
                {t("sent-retry")}
            }
            if editable {
                button {
                    "data-testid": "edit",
                    onclick: move |_| {
                        let nav = navigator();
                        state.act(
                            "edit",
                            move |pulse| async move { pulse.edit_failed(id).await },
                            move |draft| {
                                nav.replace(Route::draft(draft.content.kind, draft.id));
                            },
                        );
                    },
                    {t("sent-edit")}
                }
            }
            button {
                class: "danger", "data-testid": "discard",
                onclick: move |_| state.act("discard", move |pulse| async move { pulse.discard(id).await }, |_| {}),
                {t("sent-discard")}
            }
        }
    }
}
