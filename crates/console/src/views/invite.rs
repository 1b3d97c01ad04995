//! Invite a partner (or a colleague): they get an e-mail in their language with a link
//! to choose a password. Inviting the same address again replaces the first link.

use dioxus::prelude::*;
use pulse_protocol::Actor;
use pulse_protocol::wire::Invitation;

use crate::i18n::{PARTNER_LANGUAGES, date_time, t};
use crate::state::use_console;
use crate::tr;

#[component]
pub fn InviteScreen() -> Element {
    let mut console = use_console();
    let mut role = use_signal(|| Actor::Partner);
    let mut name = use_signal(String::new);
    let mut email = use_signal(String::new);
    let mut country = use_signal(String::new);
    let mut properties = use_signal(String::new);
    let mut language = use_signal(|| "en".to_owned());
    let mut error = use_signal(|| None::<String>);
    let mut sent = use_signal(|| None::<String>);
    let mut busy = use_signal(|| false);
    let submit = move |e: FormEvent| {
        e.prevent_default();
        if busy() {
            return;
        }
        let Some(api) = console.api() else { return };
        let partner = role() == Actor::Partner;
        let invitation = Invitation {
            role: role(),
            email: email().trim().to_owned(),
            name: name().trim().to_owned(),
            country: if partner {
                country().trim().to_ascii_uppercase()
            } else {
                String::new()
            },
            properties: if partner {
                properties()
                    .lines()
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect()
            } else {
                Vec::new()
            },
            language: language(),
        };
        busy.set(true);
        spawn(async move {
            match api.invite(&invitation).await {
                Ok(invited) => {
                    error.set(None);
                    sent.set(Some(tr!(
                        "console-invite-sent",
                        email = invitation.email.clone(),
                        until = date_time(invited.link_expires_at)
                    )));
                    name.set(String::new());
                    email.set(String::new());
                    properties.set(String::new());
                }
                Err(failure) => {
                    console.failed(&failure);
                    sent.set(None);
                    error.set(Some(failure.text()));
                }
            }
            busy.set(false);
        });
    };
    let partner = role() == Actor::Partner;
    rsx! {
        main { class: "invite-screen", "data-testid": "invite-screen",
            h1 { {t("console-invite")} }
            p { class: "hint", {t("console-invite-hint")} }
            form { class: "saved-form", "data-testid": "invite-form", onsubmit: submit,
                label { r#for: "invite-role", {t("console-invite-role")} }
                select {
                    id: "invite-role",
                    "data-testid": "invite-role",
                    onchange: move |e| role.set(if e.value() == "handler" { Actor::Handler } else { Actor::Partner }),
                    option { value: "partner", selected: partner, {t("console-invite-role-partner")} }
                    option { value: "handler", selected: !partner, {t("console-invite-role-handler")} }
                }
                label { r#for: "invite-name", {t("console-name")} }
                input { id: "invite-name", "data-testid": "invite-name", value: "{name}", maxlength: "200",
                    oninput: move |e| name.set(e.value()) }
                label { r#for: "invite-email", {t("console-email")} }
                input { id: "invite-email", "data-testid": "invite-email", r#type: "email", value: "{email}",
                    oninput: move |e| email.set(e.value()) }
                if partner {
                    label { r#for: "invite-country", {t("console-invite-country")} }
                    input { id: "invite-country", "data-testid": "invite-country", value: "{country}",
                        maxlength: "2", size: "3", oninput: move |e| country.set(e.value()) }
                    label { r#for: "invite-properties", {t("console-invite-properties")} }
                    textarea { id: "invite-properties", "data-testid": "invite-properties", rows: "3",
                        value: "{properties}", oninput: move |e| properties.set(e.value()) }
                }
                label { r#for: "invite-language", {t("console-invite-language")} }
                select {
                    id: "invite-language",
                    "data-testid": "invite-language",
                    onchange: move |e| language.set(e.value()),
                    for (code, label) in PARTNER_LANGUAGES {
                        option { value: *code, selected: language() == *code, {*label} }
                    }
                }
                if let Some(error) = error() {
                    p { class: "error", role: "alert", "data-testid": "console-error", {error} }
                }
                if let Some(sent) = sent() {
                    p { class: "notice", role: "status", "data-testid": "invite-sent", {sent} }
                }
                button {
                    r#type: "submit",
                    "data-testid": "invite-submit",
                    disabled: busy() || name().trim().is_empty() || email().trim().is_empty(),
                    {t("console-invite-send")}
                }
            }
        }
    }
}
