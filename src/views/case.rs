//! One case: its timeline of messages and status changes, a reply box (queued offline
//! like everything else), "more information needed" made prominent, the answer to an
//! outcome (accept, or disagree with a comment) and, for partners in the EEA, the offer
//! of mediation.

use dioxus::prelude::*;
use pulse_client::OutboxPayload;
use pulse_protocol::lifecycle::{Actor, CaseStatus};
use pulse_protocol::wire::{CaseDetail, CaseEvent, EventKind};
use uuid::Uuid;

use crate::components::{OutboxStateLine, StatusChip, TopBar, ago};
use crate::i18n::{self, error_text, t};
use crate::state::use_app;
use crate::tr;

#[component]
pub fn CaseScreen(id: Uuid) -> Element {
    let state = use_app();
    // The cached case at once; the server's copy when it answers (which marks it read).
    let mut detail = use_signal(|| state.pulse().cached_case(id).ok().flatten());
    use_hook(|| {
        let pulse = state.pulse();
        spawn(async move {
            if let Ok(Some(fresh)) = pulse.open_case(id).await {
                detail.set(Some(fresh));
            }
        });
    });
    // A change from the stream re-reads the cache.
    use_effect(move || {
        let _ = (state.cases_changed)();
        if let Ok(Some(cached)) = state.pulse().cached_case(id) {
            detail.set(Some(cached));
        }
    });
    let pending: Vec<_> = state
        .unsent_items()
        .into_iter()
        .filter(|i| i.payload.case_id() == Some(id))
        .collect();

    let Some(case) = detail() else {
        return rsx! {
            TopBar { title: t("messages-title"), back: true }
            div { class: "screen", p { "data-testid": "case-missing", {t("case-not-found")} } }
        };
    };
    let summary = case.case.clone();
    let status = summary.status;
    rsx! {
        TopBar { title: i18n::topic_label(summary.topic.as_str()), back: true }
        div { class: "screen", "data-testid": "case", "data-status": status.as_str(),
            p {
                StatusChip { status }
                " "
                span { class: "muted", {i18n::subtopic_label(summary.topic.as_str(), &summary.subtopic)} }
            }
            if let Some(number) = summary.reservation_ref.clone() {
                p { class: "muted", {tr!("case-reservation", number = number)} }
            }
            p { class: "muted", {tr!("case-created", when = ago(summary.created_at))} }

            if status == CaseStatus::AwaitingPartner {
                div { class: "callout info", role: "alert", "data-testid": "info-needed",
                    strong { {t("case-info-needed-title")} }
                    p { {t("case-info-needed-body")} }
                }
            }
            if let Some(next) = case.expected_next.clone() {
                if matches!(status, CaseStatus::Acknowledged | CaseStatus::InProgress) {
                    div { class: "callout note",
                        strong { {t("case-expected-next")} }
                        p { {next} }
                        p { class: "hint", {t("case-reply-aim")} }
                    }
                }
            }

            ol { class: "timeline", "data-testid": "timeline",
                for event in case.timeline.iter() {
                    TimelineEntry { key: "{event.id}", event: event.clone() }
                }
            }
            if !pending.is_empty() {
                div { class: "card", "data-testid": "case-pending",
                    p { {tr!("case-pending", count = pending.len())} }
                    for item in pending {
                        OutboxStateLine { key: "{item.id}", item }
                    }
                }
            }

            if status == CaseStatus::Resolved {
                AnswerOutcome { case: case.clone() }
            }
            if case.mediation_offered {
                div { class: "callout note", "data-testid": "mediation-offer",
                    strong { {t("case-mediation-title")} }
                    p { {t("case-mediation-body")} }
                    button {
                        class: "primary", "data-testid": "request-mediation",
                        disabled: has_pending(&state, id, |p| matches!(p, OutboxPayload::Mediation { .. })),
                        onclick: move |_| { let _ = state.pulse().request_mediation(id); },
                        {t("case-mediation-request")}
                    }
                }
            }
            if status != CaseStatus::Closed {
                ReplyBox { case_id: id, prominent: status == CaseStatus::AwaitingPartner }
            }
        }
    }
}

fn has_pending(
    state: &crate::state::AppState,
    case_id: Uuid,
    what: impl Fn(&OutboxPayload) -> bool,
) -> bool {
    state
        .unsent_items()
        .iter()
        .any(|i| i.payload.case_id() == Some(case_id) && what(&i.payload))
}

#[component]
fn TimelineEntry(event: CaseEvent) -> Element {
    let support = event.author.role != Actor::Partner;
    let heading = match (event.kind, support) {
        (EventKind::Reply, true) => t("case-support"),
        (EventKind::Reply, false) => t("case-you"),
        (kind, _) => t(&format!("event-{}", kind.as_str())),
    };
    rsx! {
        li { class: if support { "support" } else { "partner" }, "data-kind": event.kind.as_str(),
            strong { {heading} }
            " "
            span { class: "muted", {ago(event.at)} }
            if let Some(outcome) = event.outcome.clone() {
                p { {tr!("case-outcome", outcome = outcome)} }
            }
            if let Some(next) = event.expected_next.clone() {
                p { class: "muted", {next} }
            }
            if let Some(body) = event.body.clone() {
                div { class: "bubble", {body} }
            }
            if !event.attachments.is_empty() {
                p { class: "hint", {tr!("case-attachments", count = event.attachments.len())} }
            }
        }
    }
}

/// Accept the outcome, or disagree with a comment.
#[component]
fn AnswerOutcome(case: CaseDetail) -> Element {
    let state = use_app();
    let id = case.case.id;
    let mut disagreeing = use_signal(|| false);
    let mut comment = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    let answered = has_pending(&state, id, |p| {
        matches!(p, OutboxPayload::Resolution { .. })
    });
    rsx! {
        div { class: "callout good", "data-testid": "resolved",
            strong { {t("case-resolved-title")} }
            if let Some(outcome) = case.case.outcome.clone() {
                p { {tr!("case-outcome", outcome = outcome)} }
            }
            p { {t("case-answer-intro")} }
            if !disagreeing() {
                div { class: "actions",
                    button {
                        class: "primary", "data-testid": "accept", disabled: answered,
                        onclick: move |_| { let _ = state.pulse().answer_resolution(id, true, None); },
                        {t("case-accept")}
                    }
                    button {
                        "data-testid": "disagree", disabled: answered,
                        onclick: move |_| disagreeing.set(true),
                        {t("case-disagree")}
                    }
                }
            } else {
                label { r#for: "disagree-comment", {t("case-disagree-comment")} }
                textarea {
                    id: "disagree-comment", "data-testid": "disagree-comment",
                    value: "{comment}",
                    oninput: move |e| comment.set(e.value()),
                }
                if let Some(message) = error() {
                    p { class: "field-error", {message} }
                }
                button {
                    class: "primary", "data-testid": "disagree-send",
                    disabled: comment.read().trim().is_empty() || answered,
                    onclick: move |_| {
                        let text = comment.read().clone();
                        match state.pulse().answer_resolution(id, false, Some(&text)) {
                            Ok(_) => disagreeing.set(false),
                            Err(pulse_client::ClientError::Input(e)) => error.set(Some(error_text(e.code().as_str()))),
                            Err(_) => error.set(Some(t("error-unexpected"))),
                        }
                    },
                    {t("case-disagree-send")}
                }
            }
        }
    }
}

/// The reply box; prominent when support asked for more information.
#[component]
fn ReplyBox(case_id: Uuid, prominent: bool) -> Element {
    let state = use_app();
    let mut body = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    let ready = !body.read().trim().is_empty();
    rsx! {
        div { class: if prominent { "card callout info" } else { "card" }, "data-testid": "reply-box",
            label { r#for: "reply", {t("case-reply")} }
            textarea {
                id: "reply", "data-testid": "reply",
                placeholder: t("case-reply-placeholder"),
                value: "{body}",
                oninput: move |e| body.set(e.value()),
            }
            if let Some(message) = error() {
                p { class: "field-error", {message} }
            }
            button {
                class: "primary", "data-testid": "reply-send", disabled: !ready,
                onclick: move |_| {
                    let text = body.read().clone();
                    match state.pulse().reply(case_id, &text, Vec::new()) {
                        Ok(_) => { body.set(String::new()); error.set(None); }
                        Err(pulse_client::ClientError::Input(e)) => error.set(Some(error_text(e.code().as_str()))),
                        Err(_) => error.set(Some(t("error-unexpected"))),
                    }
                },
                {t("case-reply-send")}
            }
        }
    }
}
