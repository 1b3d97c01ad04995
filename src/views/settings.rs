//! Settings: the app's language (switches at once, remembered), the account, the
//! server, the version, and signing out.

use dioxus::prelude::*;

use crate::components::{Loading, SignOutButton, TopBar};
use crate::i18n::{LANG, LANGUAGES, Language, error_text, t};
use crate::platform;
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
                        {language.format("language-name", None)}
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
