//! Writing to support: a question ("Send us a message"), a technical issue (filed
//! under Account → Other, device details shown before sending) or a complaint (who is
//! complaining, contact details, topic, message). Every edit is saved as a draft at
//! once; Send is enabled only when the message would be accepted, and moves the draft
//! into the outbox.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use dioxus::prelude::*;
use pulse_client::{AuthState, DraftContent, DraftField};
use pulse_protocol::topics::{CATALOG, TECHNICAL_ISSUE_TOPIC, TopicId};
use pulse_protocol::wire::{Complainant, ContactDetails, ContactKind};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::components::{Icon, Svg, TopBar};
use crate::i18n::{self, LANG, error_text, t};
use crate::platform;
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

/// The contact kind named in the route; an unknown name is a question.
pub fn kind_from_route(kind: &str) -> ContactKind {
    match kind {
        "technical_issue" => ContactKind::TechnicalIssue,
        "complaint" => ContactKind::Complaint,
        _ => ContactKind::Question,
    }
}

pub fn kind_id(kind: ContactKind) -> &'static str {
    match kind {
        ContactKind::Question => "question",
        ContactKind::TechnicalIssue => "technical_issue",
        ContactKind::Complaint => "complaint",
    }
}

#[component]
pub fn Compose(kind: String, draft: String) -> Element {
    // A fresh form per draft, except when the address moves from "new" to the draft this
    // form just saved: that is the same form going on (and a reload finds the draft).
    let memory = use_hook(|| Rc::new(RefCell::new((format!("{kind}/{draft}"), None::<String>))));
    let key = {
        let mut memory = memory.borrow_mut();
        let wanted = format!("{kind}/{draft}");
        if memory.0 != wanted && memory.1.as_deref() != Some(draft.as_str()) {
            *memory = (wanted, None);
        }
        memory.0.clone()
    };
    let route_kind = kind.clone();
    rsx! {
        ComposeForm {
            key: "{key}",
            kind,
            draft,
            on_first_save: move |id: Uuid| {
                memory.borrow_mut().1 = Some(id.to_string());
                navigator().replace(Route::Compose { kind: route_kind.clone(), draft: id.to_string() });
            },
        }
    }
}

#[component]
fn ComposeForm(kind: String, draft: String, on_first_save: EventHandler<Uuid>) -> Element {
    let state = use_app();
    let kind = kind_from_route(&kind);
    let requested = Uuid::parse_str(&draft).ok();
    let saved = use_hook(|| requested.and_then(|id| state.pulse().draft(id).ok().flatten()));
    let mut draft_id = use_signal(|| saved.as_ref().map(|d| d.id));
    let mut content = use_signal(|| {
        saved
            .as_ref()
            .map(|d| d.content.clone())
            .unwrap_or_else(|| fresh_content(kind))
    });
    // Fields the partner has been to: their errors show. All of them after a Send try.
    let mut touched = use_signal(|| {
        if saved.is_some() {
            all_fields()
        } else {
            HashSet::new()
        }
    });
    let mut file_error = use_signal(|| None::<String>);
    let mut sending = use_signal(|| false);
    let account = match &*state.auth.read() {
        AuthState::SignedIn(a) | AuthState::SignInAgain(a) => Some(a.clone()),
        AuthState::SignedOut => None,
    };
    let properties = account.map(|a| a.properties).unwrap_or_default();

    // Saves after every edit: a killed app loses at most the keystroke in flight.
    let mut edit = move |field: DraftField, change: Box<dyn FnOnce(&mut DraftContent)>| {
        change(&mut content.write());
        if kind == ContactKind::TechnicalIssue {
            // What is sent is what the screen shows: the details as of the last edit.
            content.write().diagnostics = Some(platform::diagnostics(
                LANG.peek().code,
                *state.connectivity.peek(),
            ));
        }
        touched.write().insert(field);
        let snapshot = content.read().clone();
        let id = *draft_id.peek();
        match state.pulse().save_draft(id, &snapshot) {
            Ok(saved) => {
                draft_id.set(Some(saved.id));
                if id.is_none() {
                    on_first_save.call(saved.id);
                }
            }
            Err(error) => tracing::error!(%error, "a draft could not be saved"),
        }
    };

    let mut current = content.read().clone();
    if kind == ContactKind::TechnicalIssue {
        current.diagnostics = Some(platform::diagnostics(
            LANG().code,
            *state.connectivity.read(),
        ));
    }
    let problems = match current.to_request(OffsetDateTime::now_utc()) {
        Ok(_) => Default::default(),
        Err(problems) => problems,
    };
    let valid = problems.is_empty();
    let error_for = |field: DraftField| -> Option<String> {
        if !touched.read().contains(&field) {
            return None;
        }
        problems.get(field).map(|e| match field {
            DraftField::Contact => error_text("contact_required"),
            _ => error_text(e.code().as_str()),
        })
    };

    let topic = current.topic.as_deref().and_then(TopicId::from_wire);
    let asks_reservation = topic.is_some_and(|t| t.topic().asks_for_reservation);
    let title = match kind {
        ContactKind::Question => t("compose-title"),
        ContactKind::TechnicalIssue => t("compose-technical-title"),
        ContactKind::Complaint => t("compose-complaint-title"),
    };
    let intro = match kind {
        ContactKind::Question => t("compose-intro"),
        ContactKind::TechnicalIssue => t("compose-technical-intro"),
        ContactKind::Complaint => t("compose-complaint-intro"),
    };
    let other_draft = if draft_id.read().is_none() {
        state
            .drafts
            .read()
            .iter()
            .find(|d| d.content.kind == kind)
            .map(|d| d.id)
    } else {
        None
    };

    let send = move |_| {
        touched.set(all_fields());
        let Some(id) = *draft_id.peek() else { return };
        if sending() {
            return;
        }
        // One last save, so the device details sent are the ones on screen now.
        edit(DraftField::Files, Box::new(|_| {}));
        sending.set(true);
        match state.pulse().send_draft(id) {
            Ok(item) => {
                navigator().replace(Route::Sent { item: item.id });
            }
            Err(error) => {
                sending.set(false);
                tracing::warn!(%error, "send refused");
            }
        }
    };

    let body_len = current.body.trim().chars().count();
    let files = current.files.clone();

    rsx! {
        TopBar { title: title.clone(), back: true }
        div { class: "screen", "data-testid": "compose", "data-kind": kind_id(kind),
            p { class: "muted", {intro} }
            if let Some(other) = other_draft {
                Link {
                    to: Route::Compose { kind: kind_id(kind).to_owned(), draft: other.to_string() },
                    class: "card", "data-testid": "continue-draft",
                    {t("compose-continue-draft")}
                }
            }

            if kind == ContactKind::Complaint {
                fieldset { class: "card",
                    legend { {t("complaint-who")} }
                    for who in Complainant::ALL {
                        label { class: "radio", key: "{who.as_str()}",
                            input {
                                r#type: "radio", name: "complainant", value: who.as_str(),
                                checked: current.contact.as_ref().and_then(|c| c.complainant) == Some(who),
                                onchange: move |_| edit(DraftField::Contact, Box::new(move |c| contact_mut(c).complainant = Some(who))),
                            }
                            {t(&format!("complaint-who-{}", who.as_str()))}
                        }
                    }
                    label { r#for: "contact-name", {t("complaint-name")} }
                    input {
                        id: "contact-name", r#type: "text", autocomplete: "name",
                        value: current.contact.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
                        oninput: move |e| edit(DraftField::Contact, Box::new(move |c| contact_mut(c).name = e.value())),
                    }
                    label { r#for: "contact-email", {t("complaint-email")} }
                    input {
                        id: "contact-email", r#type: "email", autocomplete: "email",
                        value: current.contact.as_ref().map(|c| c.email.clone()).unwrap_or_default(),
                        oninput: move |e| edit(DraftField::Contact, Box::new(move |c| contact_mut(c).email = e.value())),
                    }
                    label { r#for: "contact-phone", {t("complaint-phone")} }
                    input {
                        id: "contact-phone", r#type: "tel", autocomplete: "tel",
                        value: current.contact.as_ref().and_then(|c| c.phone.clone()).unwrap_or_default(),
                        oninput: move |e| edit(DraftField::Contact, Box::new(move |c| {
                            let phone = e.value();
                            contact_mut(c).phone = (!phone.trim().is_empty()).then_some(phone);
                        })),
                    }
                    if let Some(message) = error_for(DraftField::Contact) {
                        p { class: "field-error", "data-testid": "error-contact", {message} }
                    }
                }
            }

            if kind == ContactKind::TechnicalIssue {
                p { class: "card", "data-testid": "technical-topic",
                    strong { {t("compose-topic")} } ": "
                    {i18n::topic_label(TECHNICAL_ISSUE_TOPIC.0.as_str())} " › "
                    {i18n::subtopic_label(TECHNICAL_ISSUE_TOPIC.0.as_str(), TECHNICAL_ISSUE_TOPIC.1)}
                }
            } else {
                label { r#for: "topic", {t("compose-topic")} }
                select {
                    id: "topic", "data-testid": "topic",
                    "aria-invalid": if error_for(DraftField::Topic).is_some() { "true" } else { "false" },
                    onchange: move |e| edit(DraftField::Topic, Box::new(move |c| {
                        let value = e.value();
                        c.topic = (!value.is_empty()).then_some(value);
                        c.subtopic = None;
                    })),
                    option { value: "", selected: current.topic.is_none(), disabled: true, {t("compose-topic-choose")} }
                    for entry in CATALOG {
                        option {
                            key: "{entry.id.as_str()}",
                            value: entry.id.as_str(),
                            selected: topic == Some(entry.id),
                            {i18n::topic_label(entry.id.as_str())}
                        }
                    }
                }
                if let Some(message) = error_for(DraftField::Topic) {
                    p { class: "field-error", "data-testid": "error-topic", {message} }
                }
                label { r#for: "subtopic", {t("compose-subtopic")} }
                select {
                    id: "subtopic", "data-testid": "subtopic",
                    disabled: topic.is_none(),
                    "aria-invalid": if error_for(DraftField::Subtopic).is_some() { "true" } else { "false" },
                    onchange: move |e| edit(DraftField::Subtopic, Box::new(move |c| {
                        let value = e.value();
                        c.subtopic = (!value.is_empty()).then_some(value);
                    })),
                    option { value: "", selected: current.subtopic.is_none(), disabled: true, {t("compose-subtopic-choose")} }
                    if let Some(topic) = topic {
                        for sub in topic.topic().subtopics.iter().copied() {
                            option {
                                key: "{sub}",
                                value: sub,
                                selected: current.subtopic.as_deref() == Some(sub),
                                {i18n::subtopic_label(topic.as_str(), sub)}
                            }
                        }
                    }
                }
                if topic.is_some() {
                    if let Some(message) = error_for(DraftField::Subtopic) {
                        p { class: "field-error", "data-testid": "error-subtopic", {message} }
                    }
                }
            }

            if asks_reservation {
                label { r#for: "reservation", {t("compose-reservation")} }
                input {
                    id: "reservation", r#type: "text", inputmode: "numeric", "data-testid": "reservation",
                    value: current.reservation_ref.clone(),
                    "aria-invalid": if error_for(DraftField::ReservationRef).is_some() { "true" } else { "false" },
                    oninput: move |e| edit(DraftField::ReservationRef, Box::new(move |c| c.reservation_ref = e.value())),
                }
                p { class: "hint", {t("compose-reservation-hint")} }
                if let Some(message) = error_for(DraftField::ReservationRef) {
                    p { class: "field-error", "data-testid": "error-reservation", {message} }
                }
            }

            if properties.len() > 1 {
                label { r#for: "property", {t("compose-property")} }
                select {
                    id: "property", "data-testid": "property",
                    onchange: move |e| edit(DraftField::Topic, Box::new(move |c| c.property_id = e.value().parse().ok())),
                    option { value: "", selected: current.property_id.is_none(), {t("compose-property-any")} }
                    for property in properties.iter() {
                        option {
                            key: "{property.id}",
                            value: "{property.id}",
                            selected: current.property_id == Some(property.id),
                            {property.name.clone()}
                        }
                    }
                }
            }

            label { r#for: "message", {t("compose-message")} }
            textarea {
                id: "message", "data-testid": "message",
                placeholder: t("compose-message-placeholder"),
                value: current.body.clone(),
                "aria-invalid": if error_for(DraftField::Body).is_some() { "true" } else { "false" },
                oninput: move |e| edit(DraftField::Body, Box::new(move |c| c.body = e.value())),
            }
            p { class: "hint counter",
                {tr!("compose-characters", count = body_len, max = pulse_protocol::input::MAX_BODY_CHARS)}
            }
            if let Some(message) = error_for(DraftField::Body) {
                p { class: "field-error", "data-testid": "error-body", {message} }
            }

            label { {t("compose-photos")} }
            div { class: "thumbs",
                for (i, file) in files.iter().copied().enumerate() {
                    Thumbnail {
                        key: "{file}",
                        file,
                        number: i + 1,
                        on_remove: move |file: Uuid| {
                            edit(DraftField::Files, Box::new(move |c| c.files.retain(|f| *f != file)));
                            let _ = state.pulse().remove_file(file);
                        },
                    }
                }
                if files.len() < pulse_protocol::input::MAX_ATTACHMENTS {
                    label { class: "file-pick", "data-testid": "add-photo",
                        Svg { icon: Icon::Camera }
                        {t("compose-add-photo")}
                        input {
                            r#type: "file",
                            accept: "image/*,application/pdf",
                            "capture": "environment",
                            multiple: true,
                            "data-testid": "photo-input",
                            onchange: move |e: FormEvent| async move {
                                file_error.set(None);
                                for file in e.files() {
                                    let bytes = match file.read_bytes().await {
                                        Ok(bytes) => bytes,
                                        Err(_) => {
                                            file_error.set(Some(error_text("unknown_attachment")));
                                            continue;
                                        }
                                    };
                                    match state.pulse().add_file(&bytes) {
                                        Ok(local) => edit(DraftField::Files, Box::new(move |c| c.files.push(local.id))),
                                        Err(pulse_client::ClientError::Input(error)) => {
                                            file_error.set(Some(error_text(error.code().as_str())));
                                        }
                                        Err(_) => file_error.set(Some(error_text("unexpected"))),
                                    }
                                }
                            },
                        }
                    }
                }
            }
            if let Some(message) = file_error() {
                p { class: "field-error", "data-testid": "error-files", {message} }
            }
            if let Some(message) = error_for(DraftField::Files) {
                p { class: "field-error", {message} }
            }

            if let Some(details) = current.diagnostics.clone() {
                h3 { {t("compose-diagnostics")} }
                p { class: "hint", {t("compose-diagnostics-note")} }
                dl { class: "details card", "data-testid": "diagnostics",
                    for (key, value) in details {
                        dt { key: "{key}", {t(&format!("diag-{key}"))} }
                        dd { {diagnostic_value(&key, &value)} }
                    }
                }
            }

            button {
                class: "primary", "data-testid": "send",
                disabled: !valid || draft_id.read().is_none() || sending(),
                onclick: send,
                {t("compose-send")}
            }
            if let Some(id) = draft_id() {
                p { class: "hint", "data-testid": "draft-saved", {t("compose-saved")} }
                div { class: "actions",
                    button {
                        class: "danger", "data-testid": "delete-draft",
                        onclick: move |_| {
                            let _ = state.pulse().delete_draft(id);
                            navigator().go_back();
                        },
                        {t("compose-delete-draft")}
                    }
                }
            }
        }
    }
}

/// A technical value as the partner reads it: states translated, the rest as is.
fn diagnostic_value(key: &str, value: &str) -> String {
    match (key, value) {
        ("connection", "online") => t("diag-online"),
        ("connection", "offline") => t("diag-offline"),
        ("connection", _) => t("diag-unknown"),
        _ => value.to_owned(),
    }
}

#[component]
fn Thumbnail(file: Uuid, number: usize, on_remove: EventHandler<Uuid>) -> Element {
    let state = use_app();
    let src = use_hook(|| {
        let pulse = state.pulse();
        let media = pulse.file(file).map(|f| f.media_type).unwrap_or_default();
        pulse
            .file_bytes(file)
            .ok()
            .map(|bytes| crate::data_url(&media, &bytes))
    });
    rsx! {
        div { class: "thumb", "data-testid": "thumbnail",
            if let Some(src) = src {
                img { src, alt: tr!("compose-photo-alt", number = number) }
            }
            button {
                r#type: "button",
                "aria-label": t("compose-remove-photo"),
                onclick: move |_| on_remove.call(file),
                "×"
            }
        }
    }
}

fn fresh_content(kind: ContactKind) -> DraftContent {
    let mut content = DraftContent {
        kind,
        ..DraftContent::default()
    };
    if kind == ContactKind::TechnicalIssue {
        content.topic = Some(TECHNICAL_ISSUE_TOPIC.0.as_str().to_owned());
        content.subtopic = Some(TECHNICAL_ISSUE_TOPIC.1.to_owned());
    }
    content
}

fn contact_mut(content: &mut DraftContent) -> &mut ContactDetails {
    content.contact.get_or_insert_with(|| ContactDetails {
        name: String::new(),
        email: String::new(),
        phone: None,
        complainant: None,
    })
}

fn all_fields() -> HashSet<DraftField> {
    [
        DraftField::Topic,
        DraftField::Subtopic,
        DraftField::ReservationRef,
        DraftField::Body,
        DraftField::Files,
        DraftField::Contact,
    ]
    .into_iter()
    .collect()
}
