//! Settings: the app's language (switches at once, remembered), the account, the
//! server, the version, and signing out.

use dioxus::prelude::*;
use pulse_client::AuthState;

use crate::components::TopBar;
use crate::i18n::{LANG, LANGUAGES, Language, t};
use crate::platform;
use crate::state::use_app;
use crate::tr;
use crate::views::more::SignOutButton;

#[component]
pub fn Settings() -> Element {
    let state = use_app();
    let pulse = state.pulse();
    let chosen = pulse.preference("language").ok().flatten();
    let account = match &*state.auth.read() {
        AuthState::SignedIn(a) | AuthState::SignInAgain(a) => Some(a.clone()),
        AuthState::SignedOut => None,
    };
    let server = pulse.server().unwrap_or_default();
    rsx! {
        TopBar { title: t("settings-title"), back: true }
        div { class: "screen", "data-testid": "settings",
            label { r#for: "language", {t("settings-language")} }
            select {
                id: "language", "data-testid": "language",
                onchange: move |e| {
                    let code = e.value();
                    let pulse = state.pulse();
                    if code.is_empty() {
                        let _ = pulse.set_preference("language", None);
                        *LANG.write() = Language::negotiate(&platform::device_languages());
                    } else if let Some(language) = Language::by_code(&code) {
                        let _ = pulse.set_preference("language", Some(language.code));
                        *LANG.write() = language;
                    }
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
            h3 { {t("settings-server")} }
            p { class: "card", "data-testid": "server", {server} }
            h3 { {t("settings-about")} }
            p { class: "card", {tr!("settings-version", version = env!("CARGO_PKG_VERSION"))} }
            SignOutButton { label: t("settings-sign-out"), test_id: "sign-out" }
        }
    }
}
