//! Settings: the app's language (switches at once, remembered), the account, the
//! server, the version, and signing out.

use dioxus::prelude::*;

use crate::components::{Loading, SignOutButton, TopBar};
use crate::i18n::{LANG, LANGUAGES, Language, t};
use crate::platform;
use crate::state::{ReadFailed, use_app};
use crate::tr;

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
            h3 { {t("settings-server")} }
            p { class: "card", "data-testid": "server", {server} }
            h3 { {t("settings-about")} }
            p { class: "card", {tr!("settings-version", version = env!("CARGO_PKG_VERSION"))} }
            SignOutButton { label: t("settings-sign-out"), test_id: "sign-out" }
        }
    }
}
