//! One case, as support works it: who wrote and about what, every photo and file,
//! the whole timeline with support's internal notes, and the moves the protocol's
//! lifecycle allows now (the console asks it; it keeps no rules of its own). A move
//! refused because the case moved on meanwhile shows the case as it now stands and
//! keeps what the handler wrote.

use base64::Engine;
use dioxus::prelude::*;
use pulse_protocol::input::{case_number, fill_saved_reply};
use pulse_protocol::lifecycle::{self, Actor, Move};
use pulse_protocol::wire::{AttachmentRef, CaseEvent, HandlerCaseDetail};
use uuid::Uuid;

use crate::api::{Api, ApiError};
use crate::i18n::{Urgency, date_time, due_text, subtopic_label, t, topic_label};
use crate::route::{Route, View};
use crate::state::use_console;
use crate::tr;

#[component]
pub fn CaseScreen(id: ReadSignal<Uuid>) -> Element {
    let mut console = use_console();
    let mut detail = use_signal(|| None::<HandlerCaseDetail>);
    let mut load_error = use_signal(|| None::<ApiError>);
    // Bumped after each move of this handler's, so the case is read again at once.
    let mut version = use_signal(|| 0u64);
    let _loader = use_resource(move || async move {
        let id = id();
        let _ = (console.tick)();
        let _ = version();
        let Some(api) = console.api() else { return };
        match api.case(id).await {
            Ok(fresh) => {
                load_error.set(None);
                detail.set(Some(fresh));
            }
            Err(error) => {
                console.failed(&error);
                load_error.set(Some(error));
            }
        }
    });
    let back = Route::Queue {
        view: View(*console.view.read()),
    };
    let Some(case) = detail.read().clone().filter(|d| d.detail.case.id == id()) else {
        return rsx! {
            main { class: "case-screen",
                Link { to: back, class: "back", "data-testid": "case-back", {t("console-back-to-queue")} }
                match load_error() {
                    Some(error) => rsx! { p { class: "error", role: "alert", "data-testid": "console-error", {error.text()} } },
                    None => rsx! { p { class: "loading", {t("console-loading")} } },
                }
            }
        };
    };
    let summary = case.detail.case.clone();
    let now = *console.now.read();
    let due = summary.reply_due_at;
    let status = t(&format!("console-status-{}", summary.status.as_str()));
    let photos: Vec<AttachmentRef> = case
        .detail
        .timeline
        .iter()
        .flat_map(|e| e.attachments.iter().cloned())
        .collect();
    rsx! {
        main { class: "case-screen", "data-testid": "case", "data-case-id": "{summary.id}",
            "data-status": summary.status.as_str(),
            Link { to: back, class: "back", "data-testid": "case-back", {t("console-back-to-queue")} }
            div { class: "case-head",
                h1 { "data-testid": "case-number", "#{case_number(summary.id)} · {topic_label(summary.topic.as_str())}" }
                span { class: "status", "data-testid": "case-status", {status} }
                span { class: Urgency::of(due, now).class(), "data-testid": "case-due",
                    {due_text(due, now)}
                    if let Some(due) = due {
                        " ({date_time(due)})"
                    }
                }
            }
            if let Some(error) = load_error() {
                p { class: "error", role: "alert", "data-testid": "console-error", {error.text()} }
            }
            div { class: "case-columns",
                div { class: "case-main",
                    Timeline { case: case.clone() }
                    Composer { key: "{summary.id}", case: case.clone(), on_moved: move |fresh: Option<HandlerCaseDetail>| {
                        match fresh {
                            Some(fresh) => detail.set(Some(fresh)),
                            None => version += 1,
                        }
                    } }
                }
                aside { class: "case-side",
                    Facts { case: case.clone() }
                    Assignment { key: "{summary.id}", case: case.clone(), on_changed: move |fresh: HandlerCaseDetail| detail.set(Some(fresh)) }
                    if !photos.is_empty() {
                        section { class: "photos", "data-testid": "case-photos",
                            h2 { {t("console-photos")} }
                            for file in photos {
                                Attachment { key: "{file.id}", case_id: summary.id, file }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Who wrote, about what, and what came with it.
#[component]
fn Facts(case: HandlerCaseDetail) -> Element {
    let summary = &case.detail.case;
    let partner = &case.partner;
    let eea = if partner.in_eea {
        t("console-eea-yes")
    } else {
        t("console-eea-no")
    };
    let topic = summary.topic.as_str();
    rsx! {
        section { class: "facts", "data-testid": "case-facts",
            h2 { {t("console-partner")} }
            dl {
                dt { {t("console-name")} }
                dd { "data-testid": "partner-name", {partner.name.clone()} }
                dt { {t("console-email")} }
                dd { "data-testid": "partner-email", {partner.email.clone()} }
                dt { {t("console-country")} }
                dd { "data-testid": "partner-country", "{partner.country} · {eea}" }
                if let Some(property) = &case.property {
                    dt { {t("console-property")} }
                    dd { "data-testid": "case-property", {property.name.clone()} }
                }
                dt { {t("console-language-written")} }
                dd { "data-testid": "case-language", {case.language.clone().unwrap_or_else(|| t("console-unknown"))} }
            }
            h2 { {t("console-subject")} }
            dl {
                dt { {t("console-kind")} }
                dd { "data-testid": "case-kind", {t(&format!("console-kind-{}", summary.kind.as_str()))} }
                dt { {t("console-topic")} }
                dd { "data-testid": "case-topic", "{topic_label(topic)} · {subtopic_label(topic, &summary.subtopic)}" }
                if let Some(reference) = &summary.reservation_ref {
                    dt { {t("console-reservation")} }
                    dd { "data-testid": "case-reservation", {reference.clone()} }
                }
                dt { {t("console-opened")} }
                dd { {date_time(summary.created_at)} }
                if let Some(next) = &case.detail.expected_next {
                    dt { {t("console-expected-next")} }
                    dd { {next.clone()} }
                }
            }
            if let Some(contact) = &case.detail.contact {
                h2 { {t("console-contact")} }
                dl { "data-testid": "case-contact",
                    dt { {t("console-name")} }
                    dd { {contact.name.clone()} }
                    dt { {t("console-email")} }
                    dd { {contact.email.clone()} }
                    if let Some(phone) = &contact.phone {
                        dt { {t("console-phone")} }
                        dd { {phone.clone()} }
                    }
                    if let Some(who) = contact.complainant {
                        dt { {t("console-complainant")} }
                        dd { {t(&format!("console-complainant-{}", who.as_str()))} }
                    }
                }
            }
            if let Some(diagnostics) = &case.detail.diagnostics {
                h2 { {t("console-diagnostics")} }
                dl { class: "diagnostics", "data-testid": "case-diagnostics",
                    for (key, value) in diagnostics.iter() {
                        dt { {key.clone()} }
                        dd { {value.clone()} }
                    }
                }
            }
        }
    }
}

/// The case's events, oldest first; support's notes marked as never seen by the
/// partner.
#[component]
fn Timeline(case: HandlerCaseDetail) -> Element {
    rsx! {
        ol { class: "timeline", "data-testid": "timeline",
            for event in case.detail.timeline.iter().cloned() {
                TimelineEvent { key: "{event.id}", event }
            }
        }
    }
}

#[component]
fn TimelineEvent(event: CaseEvent) -> Element {
    let kind = event.kind.as_str();
    let internal = event.kind.is_internal();
    let from_partner = event.author.role == Actor::Partner;
    let class = match (internal, from_partner) {
        (true, _) => "event internal",
        (false, true) => "event partner",
        (false, false) => "event support",
    };
    rsx! {
        li { class, "data-testid": "timeline-event", "data-kind": kind,
            div { class: "event-head",
                strong { {t(&format!("console-event-{kind}"))} }
                span { class: "author", {event.author.name.clone()} }
                span { class: "when", {date_time(event.at)} }
                if internal {
                    span { class: "badge", {t("console-internal")} }
                }
            }
            if let Some(body) = &event.body {
                p { class: "event-body", {body.clone()} }
            }
            if let Some(next) = &event.expected_next {
                p { class: "event-body", {tr!("console-expected-next-was", text = next.clone())} }
            }
            if let Some(outcome) = &event.outcome {
                p { class: "event-body outcome", {tr!("console-outcome-was", text = outcome.clone())} }
            }
            if !event.attachments.is_empty() {
                p { class: "event-files", {tr!("console-event-files", count = event.attachments.len())} }
            }
        }
    }
}

/// A photo as a thumbnail that opens in full, or a PDF to download. Files need the
/// session's token, so they are fetched and shown from memory.
#[component]
fn Attachment(case_id: Uuid, file: AttachmentRef) -> Element {
    let console = use_console();
    let mut open = use_signal(|| false);
    let id = file.id;
    let media_type = file.media_type.clone();
    let data = use_resource(move || {
        let media_type = media_type.clone();
        async move {
            let api: Api = console.api()?;
            let bytes = api.attachment(case_id, id).await.ok()?;
            let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
            Some(format!("data:{media_type};base64,{encoded}"))
        }
    });
    let url = data.read().clone().flatten();
    let is_image = file.media_type.starts_with("image/");
    let size = file.size.div_ceil(1024);
    let Some(url) = url else {
        return rsx! { p { class: "file loading", {t("console-loading")} } };
    };
    if !is_image {
        return rsx! {
            a { class: "file", "data-testid": "case-file", href: "{url}", download: "{id}.pdf",
                {tr!("console-download-pdf", size = size as i64)}
            }
        };
    }
    rsx! {
        button { class: "thumb", "data-testid": "case-photo", onclick: move |_| open.set(true),
            img { src: "{url}", alt: t("console-photo") }
        }
        if open() {
            div { class: "photo-full", "data-testid": "photo-full", role: "dialog",
                onclick: move |_| open.set(false),
                img { src: "{url}", alt: t("console-photo") }
                button { class: "quiet", "data-testid": "photo-close", onclick: move |_| open.set(false),
                    {t("console-close")}
                }
            }
        }
    }
}

/// Take the case, give it to another handler, or to nobody.
#[component]
fn Assignment(case: HandlerCaseDetail, on_changed: EventHandler<HandlerCaseDetail>) -> Element {
    let mut console = use_console();
    let handlers = use_resource(move || async move {
        let api = console.api()?;
        api.handlers().await.ok().map(|l| l.handlers)
    });
    let mut error = use_signal(|| None::<String>);
    let me = console
        .session
        .read()
        .as_ref()
        .map(|s| s.account.id)
        .unwrap_or_default();
    let id = case.detail.case.id;
    let current = case.assignee.as_ref().map(|a| a.id);
    let assign = move |to: Option<i64>| {
        spawn(async move {
            let Some(api) = console.api() else { return };
            match api.assign(id, to).await {
                Ok(fresh) => {
                    error.set(None);
                    on_changed.call(fresh);
                }
                Err(failure) => {
                    console.failed(&failure);
                    if let ApiError::Moved(fresh) = &failure {
                        on_changed.call((**fresh).clone());
                    }
                    error.set(Some(failure.text()));
                }
            }
        });
    };
    let list = handlers.read().clone().flatten().unwrap_or_default();
    rsx! {
        section { class: "assignment", "data-testid": "case-assignment",
            h2 { {t("console-assignee")} }
            p { "data-testid": "case-assignee",
                {case.assignee.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| t("console-unassigned"))}
            }
            if current != Some(me) {
                button { "data-testid": "assign-take", onclick: move |_| assign(Some(me)), {t("console-take")} }
            }
            select {
                "data-testid": "assign-select",
                "aria-label": t("console-assign-to"),
                onchange: move |e| {
                    let value = e.value();
                    assign(value.parse::<i64>().ok());
                },
                option { value: "", selected: current.is_none(), {t("console-nobody")} }
                for handler in list {
                    option { value: "{handler.id}", selected: current == Some(handler.id), {handler.name.clone()} }
                }
            }
            if let Some(error) = error() {
                p { class: "error", role: "alert", "data-testid": "console-error", {error} }
            }
        }
    }
}

/// The labels and order of the moves a handler can make.
fn move_label(mv: Move) -> &'static str {
    match mv {
        Move::Acknowledge => "console-move-acknowledge",
        Move::PostUpdate => "console-move-post_update",
        Move::RequestInfo => "console-move-request_info",
        Move::Resolve => "console-move-resolve",
        Move::Close => "console-move-close",
        _ => "console-move-other",
    }
}

fn move_id(mv: Move) -> &'static str {
    match mv {
        Move::Acknowledge => "acknowledge",
        Move::PostUpdate => "post_update",
        Move::RequestInfo => "request_info",
        Move::Resolve => "resolve",
        Move::Close => "close",
        _ => "other",
    }
}

/// Whether the move sends what the reply box holds (and needs it).
fn needs_text(mv: Move) -> bool {
    matches!(mv, Move::PostUpdate | Move::RequestInfo | Move::Resolve)
}

/// The reply box, saved replies, the allowed moves, and the internal note.
#[component]
fn Composer(case: HandlerCaseDetail, on_moved: EventHandler<Option<HandlerCaseDetail>>) -> Element {
    let mut console = use_console();
    let id = case.detail.case.id;
    // What the handler writes stays through every refresh and refusal (the screen keys
    // the composer by case, so another case starts empty).
    let mut text = use_signal(String::new);
    let mut note = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    let mut busy = use_signal(|| false);
    let saved = use_resource(move || async move {
        let api = console.api()?;
        api.saved_replies().await.ok().map(|s| s.replies)
    });
    let allowed: Vec<Move> =
        lifecycle::moves(case.detail.case.status, Actor::Handler, case.partner.in_eea).collect();
    let partner_name = case.partner.name.clone();
    let mut act = move |mv: Move| {
        if busy() {
            return;
        }
        let body = text();
        busy.set(true);
        spawn(async move {
            let Some(api) = console.api() else { return };
            let result = match mv {
                Move::Acknowledge => api.acknowledge(id, &body).await,
                Move::PostUpdate => api.message(id, &body, false).await,
                Move::RequestInfo => api.message(id, &body, true).await,
                Move::Resolve => api.resolve(id, &body).await,
                Move::Close => api.close(id).await,
                _ => Err(ApiError::Refused(
                    pulse_protocol::ErrorCode::InvalidTransition,
                )),
            };
            busy.set(false);
            match result {
                Ok(_) => {
                    error.set(None);
                    if mv != Move::Close || body.trim().is_empty() {
                        text.set(String::new());
                    }
                    on_moved.call(None);
                }
                Err(failure) => {
                    console.failed(&failure);
                    error.set(Some(failure.text()));
                    if let ApiError::Moved(fresh) = failure {
                        on_moved.call(Some(*fresh));
                    }
                }
            }
        });
    };
    let add_note = move |_| {
        if busy() {
            return;
        }
        let body = note();
        busy.set(true);
        spawn(async move {
            let Some(api) = console.api() else { return };
            let result = api.add_note(id, &body).await;
            busy.set(false);
            match result {
                Ok(_) => {
                    error.set(None);
                    note.set(String::new());
                    on_moved.call(None);
                }
                Err(failure) => {
                    console.failed(&failure);
                    error.set(Some(failure.text()));
                }
            }
        });
    };
    // Ctrl+Enter sends the first of these the case allows.
    let primary = [Move::PostUpdate, Move::Acknowledge, Move::Resolve]
        .into_iter()
        .find(|mv| allowed.contains(mv));
    let empty = text().trim().is_empty();
    let replies = saved.read().clone().flatten().unwrap_or_default();
    rsx! {
        section { class: "composer", "data-testid": "composer-section",
            h2 { {t("console-answer")} }
            if !replies.is_empty() {
                div { class: "saved-replies", "data-testid": "saved-replies",
                    span { {t("console-insert-saved")} }
                    for reply in replies {
                        button {
                            class: "chip",
                            "data-testid": "saved-reply",
                            onclick: {
                                let body = fill_saved_reply(&reply.body, &partner_name);
                                move |_| {
                                    let mut current = text();
                                    if !current.trim().is_empty() {
                                        current.push_str("\n\n");
                                    }
                                    current.push_str(&body);
                                    text.set(current);
                                }
                            },
                            {reply.title.clone()}
                        }
                    }
                }
            }
            textarea {
                "data-testid": "composer",
                "aria-label": t("console-answer"),
                placeholder: t("console-answer-placeholder"),
                rows: "6",
                value: "{text}",
                onmounted: move |e| console.composer.set(Some(e.data())),
                oninput: move |e| text.set(e.value()),
                onkeydown: move |e| {
                    if e.key() == Key::Enter && (e.modifiers().ctrl() || e.modifiers().meta()) {
                        e.prevent_default();
                        if let Some(mv) = primary {
                            act(mv);
                        }
                    }
                },
            }
            div { class: "moves", "data-testid": "moves",
                if allowed.is_empty() {
                    p { class: "hint", "data-testid": "no-moves", {t("console-no-moves")} }
                }
                for mv in allowed.iter().copied() {
                    button {
                        class: if Some(mv) == primary { "primary" } else { "" },
                        "data-testid": "move-{move_id(mv)}",
                        disabled: busy() || (needs_text(mv) && empty),
                        onclick: move |_| act(mv),
                        {t(move_label(mv))}
                    }
                }
            }
            if let Some(error) = error() {
                p { class: "error", role: "alert", "data-testid": "console-error", {error} }
            }
            h2 { {t("console-note")} }
            p { class: "hint", {t("console-note-hint")} }
            textarea {
                class: "note",
                "data-testid": "note-body",
                "aria-label": t("console-note"),
                rows: "3",
                value: "{note}",
                oninput: move |e| note.set(e.value()),
            }
            button {
                "data-testid": "add-note",
                disabled: busy() || note().trim().is_empty(),
                onclick: add_note,
                {t("console-add-note")}
            }
        }
    }
}
