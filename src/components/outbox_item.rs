//! An outbox item's state in words, and what the partner can do about a failed one.

use dioxus::prelude::*;
use pulse_client::{CaseDraft, OutboxItem, OutboxPayload, OutboxState, Unqueued};

use crate::i18n::{error_text, t};
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

/// Where an outbox item stands, in words, for the partner.
pub fn outbox_state_text(item: &OutboxItem) -> String {
    match &item.state {
        OutboxState::Queued {
            last_error: Some(reason),
            ..
        } if item.is_stuck() => tr!("sent-stuck", reason = error_text(*reason)),
        OutboxState::Queued { attempts: 0, .. } => t("sent-queued"),
        OutboxState::Queued { attempts, .. } => tr!("sent-queued-retry", attempts = *attempts),
        OutboxState::Sending => t("sent-sending"),
        OutboxState::Sent { .. } => t("sent-sent"),
        OutboxState::Failed { reason, .. } => tr!("sent-failed", reason = error_text(*reason)),
    }
}

/// The CSS class and test id for an outbox item's state.
pub fn outbox_state_class(item: &OutboxItem) -> &'static str {
    if item.is_stuck() {
        return "stuck";
    }
    match &item.state {
        OutboxState::Queued { .. } => "queued",
        OutboxState::Sending => "sending",
        OutboxState::Sent { .. } => "sent",
        OutboxState::Failed { .. } => "failed",
    }
}

#[component]
pub fn OutboxStateLine(item: OutboxItem) -> Element {
    let class = outbox_state_class(&item);
    rsx! {
        p { class: "state {class}", "data-state": class, {outbox_state_text(&item)} }
    }
}

/// Whether the partner is offered retry and discard: the item failed, or is stuck.
pub fn needs_action(item: &OutboxItem) -> bool {
    matches!(item.state, OutboxState::Failed { .. }) || item.is_stuck()
}

/// Retry, edit (a new case that failed goes back into a draft) or discard a message that
/// was not sent, or is stuck.
#[component]
pub fn FailedActions(item: OutboxItem) -> Element {
    let state = use_app();
    let id = item.id;
    let editable = matches!(item.payload, OutboxPayload::NewCase { .. })
        && matches!(item.state, OutboxState::Failed { .. });
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

/// Edit or cancel a message still waiting to leave (see `OutboxItem::can_change`). A
/// new case goes back into a draft; a reply goes back into `reply_box` (only
/// the case's own screen has one, so elsewhere a reply can be cancelled, not edited).
/// If the worker took it meanwhile, the notice says it is on its way and arrives once.
#[component]
pub fn QueuedActions(item: OutboxItem, reply_box: Option<Signal<CaseDraft>>) -> Element {
    let state = use_app();
    let id = item.id;
    // The screen this line is on: it outlives the line (see below).
    let screen = dioxus::core::parent_scope().unwrap_or(ScopeId::APP);
    if !matches!(item.state, OutboxState::Queued { .. }) || !item.can_change() {
        return rsx! {};
    }
    let editable = match item.payload {
        OutboxPayload::NewCase { .. } => true,
        OutboxPayload::Reply { .. } => reply_box.is_some(),
        _ => false,
    };
    rsx! {
        div { class: "actions",
            if editable {
                button {
                    "data-testid": "edit-queued",
                    onclick: move |_| {
                        let nav = navigator();
                        let pulse = state.pulse();
                        // The screen's task, not this line's: taking the item out of
                        // the queue removes this line, and what comes back must still
                        // reach the draft or the reply box.
                        dioxus::core::Runtime::current().spawn(screen, async move {
                            match pulse.edit_queued(id).await {
                                Ok(Unqueued::Draft(draft)) => {
                                    nav.push(Route::draft(draft.content.kind, draft.id));
                                }
                                Ok(Unqueued::Reply { draft, .. }) => {
                                    if let Some(mut reply_box) = reply_box {
                                        reply_box.set(draft);
                                    }
                                }
                                Err(error) => state.failed("edit", &error),
                            }
                        });
                    },
                    {t("sent-edit")}
                }
            }
            button {
                class: "danger", "data-testid": "cancel-queued",
                onclick: move |_| state.act("discard", move |pulse| async move { pulse.discard(id).await }, |_| {}),
                {t("sent-cancel")}
            }
        }
    }
}
