//! Writing to support: a question ("Send us a message"), a technical issue (filed
//! under Account → Other, device details shown before sending) or a complaint (who is
//! complaining, contact details, topic, message). Every edit is saved as a draft at
//! once; Send is enabled only when the message would be accepted, and moves the draft
//! into the outbox.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use dioxus::prelude::*;
use pulse_client::{ClientError, Draft, DraftContent, Failure};
use pulse_protocol::request::CaseField;
use pulse_protocol::topics::{CATALOG, TECHNICAL_ISSUE_TOPIC, TopicId};
use pulse_protocol::wire::{Complainant, ContactDetails, ContactKind};
use time::OffsetDateTime;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};
use uuid::Uuid;

use crate::components::{Icon, Loading, Svg, TopBar};
use crate::i18n::{self, LANG, error_text, t};
use crate::platform;
use crate::route::{DraftRef, Kind, Route};
use crate::state::{AppState, ReadFailed, use_app};
use crate::tr;

/// The fields of the form, in its order.
const FIELDS: [CaseField; 7] = [
    CaseField::Topic,
    CaseField::Subtopic,
    CaseField::ReservationRef,
    CaseField::Body,
    CaseField::Attachments,
    CaseField::Diagnostics,
    CaseField::Contact,
];

#[component]
pub fn Compose(kind: Kind, draft: DraftRef) -> Element {
    // A fresh form per draft, except when the address moves from "new" to the draft this
    // form just saved: that is the same form going on (and a reload finds the draft).
    let memory = use_hook(|| Rc::new(RefCell::new(((kind, draft), None::<Uuid>))));
    let key = {
        let mut memory = memory.borrow_mut();
        let this_form_saved_it = memory.1.is_some_and(|id| draft == DraftRef::Saved(id));
        if memory.0 != (kind, draft) && !this_form_saved_it {
            *memory = ((kind, draft), None);
        }
        let (kind, draft) = memory.0;
        format!("{kind}/{draft}")
    };
    rsx! {
        ComposeForm {
            key: "{key}",
            kind,
            draft,
            on_first_save: move |id: Uuid| {
                memory.borrow_mut().1 = Some(id);
                navigator().replace(Route::draft(kind.0, id));
            },
        }
    }
}

/// Reads the draft the address names, then shows the form for it.
#[component]
fn ComposeForm(kind: Kind, draft: DraftRef, on_first_save: EventHandler<Uuid>) -> Element {
    let state = use_app();
    // Read once: when the address moves from "new" to this form's draft, the form goes on.
    let saved = use_resource(move || {
        let pulse = state.pulse();
        async move {
            match draft.id() {
                Some(id) => pulse.draft(id).await,
                None => Ok(None),
            }
        }
    });
    let saved = match &*saved.read() {
        None => return rsx! { Loading {} },
        Some(Err(error)) => return Err(ReadFailed(error.failure()).into()),
        // A draft that is gone (sent from another screen, deleted) starts a fresh one.
        Some(Ok(saved)) => saved.clone(),
    };
    rsx! {
        ComposeFields { kind: kind.0, saved, on_first_save }
    }
}

/// What the form asks of its writer, in order.
enum Job {
    /// Save this content.
    Save(Box<DraftContent>),
    /// Move the draft, as last saved, into the outbox.
    Send,
    /// Delete the draft.
    Delete,
}

/// What the writer tells the form, while the form is there.
enum Written {
    Saved(Uuid),
    Sent(Uuid),
    Deleted,
    NotSent,
}

/// Saves one form's draft in the order the edits were made, and outlives the form, so
/// leaving the screen right after typing loses nothing. Edits that come faster than
/// the disk are folded into the newest; Send and Delete wait for the save before them.
async fn write_draft(
    state: AppState,
    mut id: Option<Uuid>,
    mut jobs: UnboundedReceiver<Job>,
    tell: UnboundedSender<Written>,
) {
    let pulse = state.pulse();
    let say = |written| {
        if tell.send(written).is_err() {
            tracing::debug!("the form closed before its draft was written");
        }
    };
    while let Some(first) = jobs.recv().await {
        let mut batch = vec![first];
        while let Ok(job) = jobs.try_recv() {
            batch.push(job);
        }
        if batch.iter().any(|job| matches!(job, Job::Delete)) {
            if let Some(draft) = id
                && let Err(error) = pulse.delete_draft(draft).await
            {
                state.failed("delete_draft", &error);
                continue;
            }
            say(Written::Deleted);
            return;
        }
        let newest = batch.iter().rev().find_map(|job| match job {
            Job::Save(content) => Some(content),
            _ => None,
        });
        if let Some(content) = newest {
            match pulse.save_draft(id, content).await {
                Ok(saved) => {
                    id = Some(saved.id);
                    say(Written::Saved(saved.id));
                }
                Err(error) => {
                    state.failed("save_draft", &error);
                    say(Written::NotSent);
                    continue;
                }
            }
        }
        if let (Some(draft), true) = (id, batch.iter().any(|job| matches!(job, Job::Send))) {
            match pulse.send_draft(draft).await {
                Ok(item) => {
                    say(Written::Sent(item.id));
                    return;
                }
                Err(error) => {
                    state.failed("send", &error);
                    say(Written::NotSent);
                }
            }
        }
    }
}

#[component]
fn ComposeFields(
    kind: ContactKind,
    saved: Option<Draft>,
    on_first_save: EventHandler<Uuid>,
) -> Element {
    let state = use_app();
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
            HashSet::from(FIELDS)
        } else {
            HashSet::new()
        }
    });
    let file_error = use_signal(|| None::<Failure>);
    let mut sending = use_signal(|| false);
    let properties = state.account().map(|a| a.properties).unwrap_or_default();

    let writer = use_hook(|| {
        let (jobs, queue) = mpsc::unbounded_channel();
        let (tell, told) = mpsc::unbounded_channel();
        dioxus::core::spawn_forever(write_draft(state, *draft_id.peek(), queue, tell));
        (CopyValue::new(jobs), Rc::new(RefCell::new(Some(told))))
    });
    let jobs = writer.0;
    let ask = move |job: Job| {
        if jobs.read().send(job).is_err() {
            // The draft was sent or deleted: this form is on its way out.
            tracing::debug!("an edit after the draft left the form");
        }
    };
    let nav = navigator();
    use_hook(|| {
        let told = writer.1.borrow_mut().take();
        spawn(async move {
            let Some(mut told) = told else { return };
            while let Some(written) = told.recv().await {
                match written {
                    Written::Saved(id) => {
                        let first = draft_id.peek().is_none();
                        draft_id.set(Some(id));
                        if first {
                            on_first_save.call(id);
                        }
                    }
                    Written::Sent(item) => {
                        nav.replace(Route::Sent { item });
                    }
                    Written::Deleted => nav.go_back(),
                    Written::NotSent => sending.set(false),
                }
            }
        })
    });

    // Saves after every edit: a killed app loses at most the keystroke in flight.
    let mut edit = move |field: CaseField, change: Box<dyn FnOnce(&mut DraftContent)>| {
        change(&mut content.write());
        // The language the partner is writing in now, so support can answer in it.
        content.write().language = Some(LANG.peek().code.to_owned());
        if kind == ContactKind::TechnicalIssue {
            // What is sent is what the screen shows: the details as of the last edit.
            content.write().diagnostics = Some(platform::diagnostics(
                LANG.peek().code,
                *state.connectivity.peek(),
            ));
        }
        touched.write().insert(field);
        ask(Job::Save(Box::new(content.peek().clone())));
    };

    let mut current = content.read().clone();
    if kind == ContactKind::TechnicalIssue {
        current.diagnostics = Some(platform::diagnostics(
            LANG().code,
            *state.connectivity.read(),
        ));
    }
    // pulse-protocol's rules, as the server will apply them.
    let problems = current.to_request(OffsetDateTime::now_utc()).err();
    let valid = problems.is_none();
    let error_for = |field: CaseField| -> Option<String> {
        if !touched.read().contains(&field) {
            return None;
        }
        problems
            .as_ref()
            .and_then(|p| p.get(field))
            .map(|e| error_text(e.code()))
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
            .get()
            .and_then(|drafts| drafts.iter().find(|d| d.content.kind == kind))
            .map(|d| d.id)
    } else {
        None
    };

    let send = move |_| {
        touched.set(HashSet::from(FIELDS));
        if draft_id.peek().is_none() || sending() {
            return;
        }
        sending.set(true);
        // The device details sent are the ones on screen now.
        edit(CaseField::Attachments, Box::new(|_| {}));
        ask(Job::Send);
    };

    // Photos chosen (or taken): kept in app storage at once, checked by their content.
    let pick_files = move |e: FormEvent| async move {
        for id in keep_photos(state, e.files(), file_error).await {
            edit(CaseField::Attachments, Box::new(move |c| c.files.push(id)));
        }
    };

    let body_len = current.body.trim().chars().count();
    let files = current.files.clone();

    rsx! {
        TopBar { title: title.clone(), back: true }
        div { class: "screen", "data-testid": "compose", "data-kind": kind.as_str(),
            p { class: "muted", {intro} }
            if let Some(other) = other_draft {
                Link {
                    to: Route::draft(kind, other),
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
                                "data-testid": "complainant-{who.as_str()}",
                                checked: current.contact.as_ref().and_then(|c| c.complainant) == Some(who),
                                onchange: move |_| edit(CaseField::Contact, Box::new(move |c| contact_mut(c).complainant = Some(who))),
                            }
                            {t(&format!("complaint-who-{}", who.as_str()))}
                        }
                    }
                    label { r#for: "contact-name", {t("complaint-name")} }
                    input {
                        id: "contact-name", "data-testid": "contact-name", r#type: "text", autocomplete: "name",
                        value: current.contact.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
                        oninput: move |e| edit(CaseField::Contact, Box::new(move |c| contact_mut(c).name = e.value())),
                    }
                    label { r#for: "contact-email", {t("complaint-email")} }
                    input {
                        id: "contact-email", "data-testid": "contact-email", r#type: "email", autocomplete: "email",
                        value: current.contact.as_ref().map(|c| c.email.clone()).unwrap_or_default(),
                        oninput: move |e| edit(CaseField::Contact, Box::new(move |c| contact_mut(c).email = e.value())),
                    }
                    label { r#for: "contact-phone", {t("complaint-phone")} }
                    input {
                        id: "contact-phone", "data-testid": "contact-phone", r#type: "tel", autocomplete: "tel",
                        value: current.contact.as_ref().and_then(|c| c.phone.clone()).unwrap_or_default(),
                        oninput: move |e| edit(CaseField::Contact, Box::new(move |c| {
                            let phone = e.value();
                            contact_mut(c).phone = (!phone.trim().is_empty()).then_some(phone);
                        })),
                    }
                    if let Some(message) = error_for(CaseField::Contact) {
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
                    "aria-invalid": if error_for(CaseField::Topic).is_some() { "true" } else { "false" },
                    onchange: move |e| edit(CaseField::Topic, Box::new(move |c| {
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
                if let Some(message) = error_for(CaseField::Topic) {
                    p { class: "field-error", "data-testid": "error-topic", {message} }
                }
                label { r#for: "subtopic", {t("compose-subtopic")} }
                select {
                    id: "subtopic", "data-testid": "subtopic",
                    disabled: topic.is_none(),
                    "aria-invalid": if error_for(CaseField::Subtopic).is_some() { "true" } else { "false" },
                    onchange: move |e| edit(CaseField::Subtopic, Box::new(move |c| {
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
                    if let Some(message) = error_for(CaseField::Subtopic) {
                        p { class: "field-error", "data-testid": "error-subtopic", {message} }
                    }
                }
            }

            if asks_reservation {
                label { r#for: "reservation", {t("compose-reservation")} }
                input {
                    id: "reservation", r#type: "text", inputmode: "numeric", "data-testid": "reservation",
                    value: current.reservation_ref.clone(),
                    "aria-invalid": if error_for(CaseField::ReservationRef).is_some() { "true" } else { "false" },
                    oninput: move |e| edit(CaseField::ReservationRef, Box::new(move |c| c.reservation_ref = e.value())),
                }
                p { class: "hint", {t("compose-reservation-hint")} }
                if let Some(message) = error_for(CaseField::ReservationRef) {
                    p { class: "field-error", "data-testid": "error-reservation", {message} }
                }
            }

            if properties.len() > 1 {
                label { r#for: "property", {t("compose-property")} }
                select {
                    id: "property", "data-testid": "property",
                    onchange: move |e| edit(CaseField::Topic, Box::new(move |c| c.property_id = e.value().parse().ok())),
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
                "aria-invalid": if error_for(CaseField::Body).is_some() { "true" } else { "false" },
                oninput: move |e| edit(CaseField::Body, Box::new(move |c| c.body = e.value())),
            }
            p { class: "hint counter",
                {tr!("compose-characters", count = body_len, max = pulse_protocol::input::MAX_BODY_CHARS)}
            }
            if let Some(message) = error_for(CaseField::Body) {
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
                            edit(CaseField::Attachments, Box::new(move |c| c.files.retain(|f| *f != file)));
                            state.act("remove_photo", move |pulse| async move { pulse.remove_file(file).await }, |_| {});
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
                            onchange: pick_files,
                        }
                    }
                }
            }
            if let Some(failure) = file_error() {
                p { class: "field-error", "data-testid": "error-files", {error_text(failure)} }
            }
            if let Some(message) = error_for(CaseField::Attachments) {
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
                if let Some(message) = error_for(CaseField::Diagnostics) {
                    p { class: "field-error", {message} }
                }
            }

            button {
                class: "primary", "data-testid": "send",
                disabled: !valid || draft_id.read().is_none() || sending(),
                onclick: send,
                {t("compose-send")}
            }
            if draft_id().is_some() {
                p { class: "hint", "data-testid": "draft-saved", {t("compose-saved")} }
                div { class: "actions",
                    button {
                        class: "danger", "data-testid": "delete-draft",
                        onclick: move |_| ask(Job::Delete),
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

/// Keeps the chosen (or taken) photos in app storage, each prepared for sending and
/// checked by its content; returns the ones kept. One that cannot be used (unreadable,
/// not a photo, too large) is said in `problem`, beside the photos.
pub(crate) async fn keep_photos(
    state: AppState,
    files: Vec<dioxus::html::FileData>,
    mut problem: Signal<Option<Failure>>,
) -> Vec<Uuid> {
    problem.set(None);
    let mut kept = Vec::with_capacity(files.len());
    for file in files {
        let bytes = match file.read_bytes().await {
            Ok(bytes) => bytes,
            Err(error) => {
                tracing::warn!(%error, "a chosen file could not be read");
                problem.set(Some(Failure::FileMissing));
                continue;
            }
        };
        match state.pulse().add_file(&bytes).await {
            Ok(local) => kept.push(local.id),
            Err(error @ (ClientError::Input(_) | ClientError::Photo(_))) => {
                problem.set(Some(error.failure()));
            }
            Err(error) => state.failed("add_photo", &error),
        }
    }
    kept
}

#[component]
pub(crate) fn Thumbnail(file: Uuid, number: usize, on_remove: EventHandler<Uuid>) -> Element {
    let state = use_app();
    let src = use_resource(move || {
        let pulse = state.pulse();
        async move {
            let read = async {
                let media = pulse.file(file).await?.media_type;
                let bytes = pulse.file_bytes(file).await?;
                Ok::<_, ClientError>(crate::data_url(&media, &bytes))
            };
            read.await.map_err(|error| {
                tracing::warn!(%error, %file, "a photo cannot be shown");
                error.failure()
            })
        }
    });
    let src = src.read().clone();
    rsx! {
        div { class: "thumb", "data-testid": "thumbnail",
            match src {
                Some(Ok(src)) => rsx! { img { src, alt: tr!("compose-photo-alt", number = number) } },
                Some(Err(failure)) => rsx! { span { class: "field-error", {error_text(failure)} } },
                None => rsx! {},
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
