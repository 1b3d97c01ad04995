//! Settings: the app's language (switches at once, remembered), the account, the
//! OS's notifications on this device, the server, the version, and signing out.

use dioxus::prelude::*;
use pulse_client::Failure;

use crate::components::{Loading, SignOutButton, TopBar};
use crate::i18n::{LANG, LANGUAGES, Language, error_text, t};
use crate::platform;
use crate::push::{self, PushError, PushState};
use crate::state::{ReadFailed, use_app};
use crate::tr;
use crate::views::password::{NewPassword, acceptable};

#[component]
pub fn Settings() -> Element {
    let state = use_app();
    // The language chosen here (none: the phone's), and the server, as remembered.
    let mut remembered = use_resource(move || {
        let pulse = state.pulse();
        async move {
            let chosen = pulse.preference("language").await?;
            let server = pulse.server().await?;
            Ok::<_, pulse_client::ClientError>((chosen, server.unwrap_or_default()))
        }
    });
    let (chosen, server) = match &*remembered.read() {
        None => return rsx! { Loading {} },
        Some(Err(error)) => return Err(ReadFailed(error.failure()).into()),
        Some(Ok(remembered)) => remembered.clone(),
    };
    let account = state.account();
    let signed_in = account.is_some();
    rsx! {
        TopBar { title: t("settings-title"), back: true }
        div { class: "screen", "data-testid": "settings",
            label { r#for: "language", {t("settings-language")} }
            select {
                id: "language", "data-testid": "language",
                onchange: move |e| {
                    // At once on screen; remembered in the background.
                    let language = Language::by_code(&e.value());
                    *LANG.write() = language
                        .unwrap_or_else(|| Language::negotiate(&platform::device_languages()));
                    let code = language.map(|l| l.code);
                    state.act(
                        "choose_language",
                        move |pulse| async move { pulse.set_preference("language", code).await },
                        move |_| remembered.restart(),
                    );
                },
                option { value: "", selected: chosen.is_none(), {t("settings-language-device")} }
                for language in LANGUAGES.iter() {
                    option {
                        key: "{language.code}",
                        value: language.code,
                        lang: language.code,
                        selected: chosen.as_deref() == Some(language.code),
                        // Its own name, known before it is downloaded.
                        {language.name}
                    }
                }
            }
            if let Some(account) = account {
                h3 { {t("settings-account")} }
                dl { class: "details card",
                    dt { {t("settings-account-name")} }
                    dd { {account.name.clone()} }
                    dt { {t("settings-account-email")} }
                    dd { "data-testid": "account-email", {account.email.clone()} }
                }
                p { class: "muted", {tr!("settings-account-properties", count = account.properties.len())} }
            }
            if signed_in {
                h3 { {t("settings-notifications")} }
                DeviceNotifications {}
                h3 { {t("settings-password")} }
                ChangePassword {}
            }
            h3 { {t("settings-server")} }
            p { class: "card", "data-testid": "server", {server} }
            h3 { {t("settings-about")} }
            p { class: "card", {tr!("settings-version", version = env!("CARGO_PKG_VERSION"))} }
            SignOutButton { label: t("settings-sign-out"), test_id: "sign-out" }
            if signed_in {
                SignOutEverywhere {}
            }
        }
    }
}

/// The OS's notifications on this device: where they stand, honestly (on, off, blocked
/// by the browser and how to allow them, or not available here), and the one thing to
/// do about it. A failure says why and changes nothing.
#[component]
fn DeviceNotifications() -> Element {
    let state = use_app();
    let mut standing = use_resource(move || {
        let pulse = state.pulse();
        async move { push::state(&pulse).await }
    });
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<PushError>);
    let Some(now) = *standing.read() else {
        return rsx! { Loading {} };
    };
    let mut switch = move |on: bool| {
        busy.set(true);
        error.set(None);
        let pulse = state.pulse();
        let language = LANG.peek().code;
        spawn(async move {
            let result = if on {
                push::turn_on(&pulse, language).await
            } else {
                push::turn_off(&pulse).await
            };
            busy.set(false);
            error.set(result.err());
            standing.restart();
        });
    };
    let said = match now {
        PushState::On => "settings-push-on",
        PushState::Off => "settings-push-off",
        PushState::Blocked => "settings-push-blocked",
        PushState::Unavailable if cfg!(target_family = "wasm") => {
            "settings-push-unavailable-browser"
        }
        PushState::Unavailable => "settings-push-unavailable-device",
    };
    let why = error().and_then(push_error_text);
    rsx! {
        div { class: "card", "data-testid": "push", "data-state": now.as_str(),
            p { role: "status", "data-testid": "push-state", {t(said)} }
            if now == PushState::Blocked {
                p { class: "muted", {t("settings-push-blocked-how")} }
            }
            if let Some(why) = why {
                p { class: "field-error", role: "alert", "data-testid": "push-error", {why} }
            }
            if now == PushState::Off {
                button {
                    disabled: busy(), "data-testid": "push-turn-on",
                    onclick: move |_| switch(true),
                    if busy() { {t("settings-push-busy")} } else { {t("settings-push-turn-on")} }
                }
            }
            if now == PushState::On {
                button {
                    disabled: busy(), "data-testid": "push-turn-off",
                    onclick: move |_| switch(false),
                    if busy() { {t("settings-push-busy")} } else { {t("settings-push-turn-off")} }
                }
            }
        }
    }
}

/// Why notifications did not change, in the partner's words; none where the state
/// shown says it already (blocked, not available).
fn push_error_text(error: PushError) -> Option<String> {
    let id = match error {
        PushError::Blocked | PushError::Unavailable => return None,
        PushError::NotAllowed => "settings-push-not-allowed",
        PushError::Subscribe => "settings-push-subscribe-failed",
        // The app's general words speak of a message kept for later.
        PushError::Server(Failure::Network) => "settings-push-offline",
        PushError::Server(failure) => return Some(error_text(failure)),
    };
    Some(t(id))
}

/// The current password and a new one; the other devices are signed out.
#[component]
fn ChangePassword() -> Element {
    let state = use_app();
    let mut open = use_signal(|| false);
    let mut current = use_signal(String::new);
    let mut new = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut done = use_signal(|| false);
    let mut error = use_signal(|| None::<pulse_client::Failure>);
    if !open() {
        return rsx! {
            if done() {
                p { class: "callout good", role: "status", "data-testid": "password-changed", {t("password-changed")} }
            }
            button {
                "data-testid": "change-password",
                onclick: move |_| {
                    done.set(false);
                    open.set(true);
                },
                {t("settings-change-password")}
            }
        };
    }
    let ready = !current.read().is_empty() && acceptable(&new.read()) && !busy();
    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        if !ready {
            return;
        }
        busy.set(true);
        error.set(None);
        let pulse = state.pulse();
        let (old, chosen) = (current.read().clone(), new.read().clone());
        spawn(async move {
            let result = pulse.change_password(&old, &chosen).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    current.set(String::new());
                    new.set(String::new());
                    open.set(false);
                    done.set(true);
                }
                Err(failed) => error.set(Some(failed.failure())),
            }
        });
    };
    let account = state.account();
    rsx! {
        form { class: "card", onsubmit: submit, "data-testid": "change-password-form",
            input {
                r#type: "email", name: "username", autocomplete: "username", hidden: true, readonly: true,
                value: account.map(|a| a.email).unwrap_or_default(),
            }
            label { r#for: "current-password", {t("password-current")} }
            input {
                id: "current-password", name: "current-password", r#type: "password",
                autocomplete: "current-password", "data-testid": "current-password",
                value: "{current}",
                oninput: move |e| current.set(e.value()),
            }
            NewPassword { value: new }
            if let Some(failure) = error() {
                p { class: "field-error", role: "alert", "data-testid": "change-password-error", {error_text(failure)} }
            }
            button {
                class: "primary", r#type: "submit", disabled: !ready,
                "data-testid": "change-password-submit",
                if busy() { {t("password-change-busy")} } else { {t("password-change-submit")} }
            }
        }
    }
}

/// Ends every session of the account, this device's too, after a confirmation.
#[component]
fn SignOutEverywhere() -> Element {
    let state = use_app();
    let mut asking = use_signal(|| false);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<pulse_client::Failure>);
    rsx! {
        if asking() {
            div { class: "card", role: "alertdialog", "data-testid": "sign-out-everywhere-confirm",
                p { {t("sign-out-everywhere-confirm")} }
                if let Some(failure) = error() {
                    p { class: "field-error", role: "alert", {error_text(failure)} }
                }
                div { class: "actions",
                    button {
                        class: "danger", disabled: busy(), "data-testid": "sign-out-everywhere-yes",
                        onclick: move |_| {
                            busy.set(true);
                            error.set(None);
                            let pulse = state.pulse();
                            spawn(async move {
                                let result = pulse.sign_out_everywhere().await;
                                busy.set(false);
                                if let Err(failed) = result {
                                    error.set(Some(failed.failure()));
                                }
                            });
                        },
                        {t("sign-out-everywhere-yes")}
                    }
                    button { onclick: move |_| asking.set(false), {t("sign-out-stay")} }
                }
            }
        } else {
            div { class: "actions",
                button {
                    class: "danger", "data-testid": "sign-out-everywhere",
                    onclick: move |_| asking.set(true),
                    {t("settings-sign-out-everywhere")}
                }
            }
        }
    }
}
