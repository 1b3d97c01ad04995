//! One case: its timeline of messages and status changes, a reply box (queued offline
//! like everything else), "more information needed" made prominent, the answer to an
//! outcome (accept, or disagree with a comment) and, for partners in the EEA, the offer
//! of mediation.

use dioxus::prelude::*;
use pulse_client::OutboxPayload;
use pulse_protocol::lifecycle::{self, Actor, CaseStatus, Move};
use pulse_protocol::request::CaseMove;
use pulse_protocol::wire::{CaseDetail, CaseEvent, EventKind, NewReply, ResolutionAnswer};
use uuid::Uuid;

use crate::components::{Loading, OutboxStateLine, StatusChip, TopBar, ago};
use crate::i18n::{self, t};
use crate::state::{AppState, ReadFailed, use_app};
use crate::tr;

#[component]
pub fn CaseScreen(id: Uuid) -> Element {
    let state = use_app();
    // The server's copy, once: it lands in the cache (and marks the case read there).
    let fresh = use_resource(move || {
        let pulse = state.pulse();
        async move {
            let fetched = pulse.open_case(id).await.map(|_| ());
            if let Err(error) = &fetched {
                tracing::warn!(%error, %id, "the case could not be fetched; showing the cache");
            }
            fetched
        }
    });
    // The cached case, read again whenever a case changes.
    let cached = use_resource(move || {
        (state.cases_changed)();
        let pulse = state.pulse();
        async move { pulse.cached_case(id).await }
    });
    let detail = match &*cached.read() {
        None => return rsx! { Loading {} },
        Some(Err(error)) => return Err(ReadFailed(error.failure()).into()),
        Some(Ok(detail)) => detail.clone(),
    };
    let Some(case) = detail else {
        let asking = fresh.read().is_none();
        return rsx! {
            TopBar { title: t("messages-title"), back: true }
            div { class: "screen",
                if asking {
                    Loading {}
                } else {
                    p { "data-testid": "case-missing", {t("case-not-found")} }
                }
            }
        };
    };
    let pending: Vec<_> = state
        .unsent_items()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i.payload.case_id() == Some(id))
        .collect();
    let summary = case.case.clone();
    let status = summary.status;
    // What the partner may do now is the lifecycle's to say, not this screen's.
    let in_eea = state.account().is_some_and(|a| a.in_eea);
    let allows = |mv| lifecycle::allows(status, mv, in_eea);
    let (can_accept, can_dispute) = (allows(Move::Accept), allows(Move::Dispute));
    let can_reply = allows(Move::Reply);
    let mediation = lifecycle::mediation_offered(status, in_eea);
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

            if can_accept || can_dispute {
                AnswerOutcome { case: case.clone(), can_accept, can_dispute }
            }
            if mediation {
                div { class: "callout note", "data-testid": "mediation-offer",
                    strong { {t("case-mediation-title")} }
                    p { {t("case-mediation-body")} }
                    button {
                        class: "primary", "data-testid": "request-mediation",
                        disabled: has_pending(&state, id, |p| matches!(p, OutboxPayload::Mediation { .. })),
                        onclick: move |_| state.act(
                            "request_mediation",
                            move |pulse| async move { pulse.request_mediation(id).await },
                            |_| {},
                        ),
                        {t("case-mediation-request")}
                    }
                }
            }
            if can_reply {
                ReplyBox { case_id: id, prominent: status == CaseStatus::AwaitingPartner }
            }
        }
    }
}

fn has_pending(state: &AppState, case_id: Uuid, what: impl Fn(&OutboxPayload) -> bool) -> bool {
    state
        .unsent_items()
        .unwrap_or_default()
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

/// Accept the outcome, or disagree with a comment, as far as the lifecycle allows.
#[component]
fn AnswerOutcome(case: CaseDetail, can_accept: bool, can_dispute: bool) -> Element {
    let state = use_app();
    let id = case.case.id;
    let mut disagreeing = use_signal(|| false);
    let mut comment = use_signal(String::new);
    let answered = has_pending(&state, id, |p| {
        matches!(p, OutboxPayload::Resolution { .. })
    });
    // The rule for a disagreement's comment is the protocol's.
    let comment_ok = CaseMove::answer(&ResolutionAnswer {
        accept: false,
        comment: Some(comment.read().clone()),
    })
    .is_ok();
    rsx! {
        div { class: "callout good", "data-testid": "resolved",
            strong { {t("case-resolved-title")} }
            if let Some(outcome) = case.case.outcome.clone() {
                p { {tr!("case-outcome", outcome = outcome)} }
            }
            p { {t("case-answer-intro")} }
            if !disagreeing() {
                div { class: "actions",
                    if can_accept {
                        button {
                            class: "primary", "data-testid": "accept", disabled: answered,
                            onclick: move |_| state.act(
                                "accept",
                                move |pulse| async move { pulse.answer_resolution(id, true, None).await },
                                |_| {},
                            ),
                            {t("case-accept")}
                        }
                    }
                    if can_dispute {
                        button {
                            "data-testid": "disagree", disabled: answered,
                            onclick: move |_| disagreeing.set(true),
                            {t("case-disagree")}
                        }
                    }
                }
            } else {
                label { r#for: "disagree-comment", {t("case-disagree-comment")} }
                textarea {
                    id: "disagree-comment", "data-testid": "disagree-comment",
                    value: "{comment}",
                    oninput: move |e| comment.set(e.value()),
                }
                button {
                    class: "primary", "data-testid": "disagree-send",
                    disabled: !comment_ok || answered,
                    onclick: move |_| {
                        let text = comment.read().clone();
                        state.act(
                            "disagree",
                            move |pulse| async move { pulse.answer_resolution(id, false, Some(&text)).await },
                            move |_| disagreeing.set(false),
                        );
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
    // The rule for a reply is the protocol's.
    let ready = CaseMove::reply(&NewReply {
        body: body.read().clone(),
        attachment_ids: Vec::new(),
    })
    .is_ok();
    rsx! {
        div { class: if prominent { "card callout info" } else { "card" }, "data-testid": "reply-box",
            label { r#for: "reply", {t("case-reply")} }
            textarea {
                id: "reply", "data-testid": "reply",
                placeholder: t("case-reply-placeholder"),
                value: "{body}",
                oninput: move |e| body.set(e.value()),
            }
            button {
                class: "primary", "data-testid": "reply-send", disabled: !ready,
                onclick: move |_| {
                    let text = body.read().clone();
                    state.act(
                        "reply",
                        move |pulse| async move { pulse.reply(case_id, &text, Vec::new()).await },
                        move |_| body.set(String::new()),
                    );
                },
                {t("case-reply-send")}
            }
        }
    }
}
