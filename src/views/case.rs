//! One case: its number, by when support aims to reply, its timeline of messages and
//! status changes, a reply box (queued offline like everything else), "more information
//! needed" made prominent, the answer to an outcome (accept, or disagree with a comment)
//! and, for partners in the EEA, the offer of mediation.

use dioxus::prelude::*;
use pulse_client::{CaseDraft, CaseDraftKind, OutboxPayload};
use pulse_protocol::lifecycle::{self, Actor, CaseStatus, Move};
use pulse_protocol::request::CaseMove;
use pulse_protocol::wire::{
    AttachmentRef, CaseDetail, CaseEvent, EventKind, NewReply, ResolutionAnswer,
};
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use uuid::Uuid;

use crate::components::{
    Icon, Loading, OutboxStateLine, QueuedActions, ReplyPromise, StatusChip, Svg, TopBar, ago,
};
use crate::i18n::{self, error_text, t};
use crate::state::{AppState, ReadFailed, use_app};
use crate::tr;

#[component]
pub fn CaseScreen(id: Uuid) -> Element {
    let state = use_app();
    // The reply being written, as it was left (a killed app included); a queued reply
    // taken back to edit comes back here too.
    let mut reply_draft = use_signal(CaseDraft::default);
    use_effect(use_reactive!(|id| {
        let pulse = state.pulse();
        spawn(async move {
            match pulse.case_draft(id, CaseDraftKind::Reply).await {
                Ok(kept) => reply_draft.set(kept.unwrap_or_default()),
                Err(error) => state.failed("read_draft", &error),
            }
        });
    }));
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
        TopBar { title: i18n::topic_label(summary.topic.as_str()), back: true,
            // The number support asks for on the phone, and the one a search finds.
            span { "data-testid": "case-number",
                {tr!("case-number", number = pulse_protocol::input::case_number(id))}
            }
        }
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

            ReplyPromise { case: summary.clone() }
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
                        div { key: "{item.id}",
                            OutboxStateLine { item: item.clone() }
                            QueuedActions { item, reply_box: can_reply.then_some(reply_draft) }
                        }
                    }
                }
            }

            if can_accept || can_dispute {
                AnswerOutcome { key: "{id}", case: case.clone(), can_accept, can_dispute }
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
                ReplyBox { key: "{id}", case_id: id, prominent: status == CaseStatus::AwaitingPartner, draft: reply_draft }
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
                div { class: "thumbs",
                    for (i, attachment) in event.attachments.iter().enumerate() {
                        CasePhoto { key: "{attachment.id}", case_id: event.case_id, attachment: attachment.clone(), number: i + 1 }
                    }
                }
            }
        }
    }
}

/// A photo on the timeline, small; a tap shows it whole. A PDF is a link to open it.
/// From the phone's copy when it has one, else downloaded once and kept for offline.
#[component]
fn CasePhoto(case_id: Uuid, attachment: AttachmentRef, number: usize) -> Element {
    let state = use_app();
    let mut whole = use_signal(|| false);
    let wanted = attachment.clone();
    let src = use_resource(move || {
        let pulse = state.pulse();
        let attachment = wanted.clone();
        async move {
            match pulse.attachment(case_id, &attachment).await {
                Ok(bytes) => Ok(crate::data_url(&attachment.media_type, &bytes)),
                Err(error) => {
                    tracing::info!(%error, id = %attachment.id, "a photo cannot be shown");
                    Err(error.failure())
                }
            }
        }
    });
    let alt = tr!("compose-photo-alt", number = number);
    let src = src.read().clone();
    let Some(Ok(src)) = src else {
        return rsx! {
            div { class: "thumb", "data-testid": "case-photo",
                if let Some(Err(failure)) = src {
                    span { class: "field-error", {error_text(failure)} }
                }
            }
        };
    };
    if attachment.media_type == "application/pdf" {
        return rsx! {
            a { class: "button", href: src, download: "{attachment.id}.pdf", "data-testid": "case-document",
                {tr!("case-document", number = number)}
            }
        };
    }
    let (whole_src, whole_alt) = (src.clone(), alt.clone());
    rsx! {
        button { r#type: "button", class: "thumb", "data-testid": "case-photo", "aria-label": alt.clone(),
            onclick: move |_| whole.set(true),
            img { src, alt }
        }
        if whole() {
            div { class: "photo-whole", role: "dialog", "aria-label": whole_alt.clone(), "data-testid": "photo-whole",
                onclick: move |_| whole.set(false),
                img { src: whole_src, alt: whole_alt }
                button { r#type: "button", "data-testid": "photo-close", onclick: move |_| whole.set(false), {t("case-photo-close")} }
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
    let mut comment = use_signal(CaseDraft::default);
    // A comment half written (a killed app included) comes back, open.
    use_hook(move || {
        let pulse = state.pulse();
        spawn(async move {
            if let Ok(Some(kept)) = pulse.case_draft(id, CaseDraftKind::Comment).await {
                comment.set(kept);
                disagreeing.set(true);
            }
        });
    });
    let writer = use_hook(move || {
        case_box_writer(
            state,
            id,
            CaseDraftKind::Comment,
            comment,
            Some(disagreeing),
        )
    });
    let answered = has_pending(&state, id, |p| {
        matches!(p, OutboxPayload::Resolution { .. })
    });
    // The rule for a disagreement's comment is the protocol's.
    let comment_ok = CaseMove::answer(&ResolutionAnswer {
        accept: false,
        comment: Some(comment.read().body.clone()),
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
                    value: "{comment.read().body}",
                    oninput: {
                        let writer = writer.clone();
                        move |e: FormEvent| {
                            comment.write().body = e.value();
                            writer.save(comment.peek().clone());
                        }
                    },
                }
                button {
                    class: "primary", "data-testid": "disagree-send",
                    disabled: !comment_ok || answered,
                    onclick: {
                        let writer = writer.clone();
                        move |_| {
                            let sending = comment.peek().clone();
                            comment.set(CaseDraft::default());
                            writer.send(sending);
                        }
                    },
                    {t("case-disagree-send")}
                }
            }
        }
    }
}

/// The reply box, with its photos; prominent when support asked for more information.
/// What is in it is kept on every edit, like a draft.
#[component]
fn ReplyBox(case_id: Uuid, prominent: bool, draft: Signal<CaseDraft>) -> Element {
    let state = use_app();
    let mut draft = draft;
    let file_error = use_signal(|| None::<pulse_client::Failure>);
    let writer =
        use_hook(move || case_box_writer(state, case_id, CaseDraftKind::Reply, draft, None));
    // The rule for a reply is the protocol's.
    let ready = CaseMove::reply(&NewReply {
        body: draft.read().body.clone(),
        attachment_ids: draft.read().files.clone(),
    })
    .is_ok();
    let files = draft.read().files.clone();
    let pick_files = {
        let writer = writer.clone();
        move |e: FormEvent| {
            let writer = writer.clone();
            async move {
                let kept = crate::views::compose::keep_photos(state, e.files(), file_error).await;
                if !kept.is_empty() {
                    draft.write().files.extend(kept);
                    writer.save(draft.peek().clone());
                }
            }
        }
    };
    rsx! {
        div { class: if prominent { "card callout info" } else { "card" }, "data-testid": "reply-box",
            label { r#for: "reply", {t("case-reply")} }
            textarea {
                id: "reply", "data-testid": "reply",
                placeholder: t("case-reply-placeholder"),
                value: "{draft.read().body}",
                oninput: {
                    let writer = writer.clone();
                    move |e: FormEvent| {
                        draft.write().body = e.value();
                        writer.save(draft.peek().clone());
                    }
                },
            }
            div { class: "thumbs",
                for (i, file) in files.iter().copied().enumerate() {
                    crate::views::compose::Thumbnail {
                        key: "{file}",
                        file,
                        number: i + 1,
                        on_remove: {
                            let writer = writer.clone();
                            move |file: Uuid| {
                                draft.write().files.retain(|f| *f != file);
                                // The box forgets it, and the photo goes with it.
                                writer.save(draft.peek().clone());
                            }
                        },
                    }
                }
                if files.len() < pulse_protocol::input::MAX_ATTACHMENTS {
                    label { class: "file-pick", "data-testid": "reply-add-photo",
                        Svg { icon: Icon::Camera }
                        {t("compose-add-photo")}
                        input {
                            r#type: "file",
                            accept: "image/*,application/pdf",
                            "capture": "environment",
                            multiple: true,
                            "data-testid": "reply-photo-input",
                            onchange: pick_files,
                        }
                    }
                }
            }
            if let Some(failure) = file_error() {
                p { class: "field-error", "data-testid": "reply-error-files", {error_text(failure)} }
            }
            button {
                class: "primary", "data-testid": "reply-send", disabled: !ready,
                onclick: move |_| {
                    // Emptied at once, so that nothing typed or added meanwhile is saved
                    // with the words already on their way (a failed send comes back).
                    let sending = draft.peek().clone();
                    draft.set(CaseDraft::default());
                    writer.send(sending);
                },
                {t("case-reply-send")}
            }
        }
    }
}

/// What a box on a case asks of its writer, in order.
enum BoxJob {
    Save(CaseDraft),
    Send(CaseDraft),
}

/// The way to a box's writer (see [`write_case_box`]).
#[derive(Clone)]
struct CaseBoxWriter(UnboundedSender<BoxJob>);

impl CaseBoxWriter {
    fn save(&self, draft: CaseDraft) {
        let _ = self.0.send(BoxJob::Save(draft));
    }

    fn send(&self, draft: CaseDraft) {
        let _ = self.0.send(BoxJob::Send(draft));
    }
}

fn case_box_writer(
    state: AppState,
    case_id: Uuid,
    kind: CaseDraftKind,
    shown: Signal<CaseDraft>,
    close_after_send: Option<Signal<bool>>,
) -> CaseBoxWriter {
    let (jobs, inbox) = mpsc::unbounded_channel();
    dioxus::core::spawn_forever(write_case_box(
        state,
        case_id,
        kind,
        inbox,
        shown,
        close_after_send,
    ));
    CaseBoxWriter(jobs)
}

/// Keeps one box of a case (the reply, or the comment on an outcome) in the order it
/// was edited, and sends it from the same queue, so a late save can never bring back
/// what was just sent. Outlives the screen: leaving right after typing loses nothing.
/// Edits that come faster than the disk are folded into the newest.
async fn write_case_box(
    state: AppState,
    case_id: Uuid,
    kind: CaseDraftKind,
    mut jobs: UnboundedReceiver<BoxJob>,
    mut shown: Signal<CaseDraft>,
    close_after_send: Option<Signal<bool>>,
) {
    let pulse = state.pulse();
    while let Some(first) = jobs.recv().await {
        let mut batch = vec![first];
        while let Ok(job) = jobs.try_recv() {
            batch.push(job);
        }
        let mut newest_save = None;
        for job in batch {
            match job {
                BoxJob::Save(draft) => newest_save = Some(draft),
                BoxJob::Send(draft) => {
                    newest_save = None;
                    let sent = match kind {
                        CaseDraftKind::Reply => pulse
                            .reply(case_id, &draft.body, draft.files.clone())
                            .await
                            .map(|_| ()),
                        CaseDraftKind::Comment => pulse
                            .answer_resolution(case_id, false, Some(&draft.body))
                            .await
                            .map(|_| ()),
                    };
                    match sent {
                        Ok(()) => {
                            // The screen may be gone; then there is nothing to close.
                            if let Some(mut open) = close_after_send
                                && let Ok(mut open) = open.try_write()
                            {
                                *open = false;
                            }
                        }
                        Err(error) => {
                            state.failed(
                                match kind {
                                    CaseDraftKind::Reply => "reply",
                                    CaseDraftKind::Comment => "disagree",
                                },
                                &error,
                            );
                            // Not sent: back in the box, and kept there.
                            if let Ok(mut shown) = shown.try_write()
                                && shown.body.is_empty()
                                && shown.files.is_empty()
                            {
                                *shown = draft.clone();
                            }
                            newest_save = Some(draft);
                        }
                    }
                }
            }
        }
        if let Some(draft) = newest_save
            && let Err(error) = pulse.save_case_draft(case_id, kind, &draft).await
        {
            state.failed("save_draft", &error);
        }
    }
}
