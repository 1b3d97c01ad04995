//! Sign in: server address, partner email and password. The session survives a
//! restart (the token is in the keychain); signing in again after the server refused
//! the session resumes everything that was waiting.

use dioxus::prelude::*;
use pulse_client::ClientError;

use crate::components::TopBar;
use crate::i18n::{error_text, t};
use crate::platform;
use crate::state::use_app;

#[component]
pub fn SignIn(again: bool) -> Element {
    let state = use_app();
    let known = state.pulse().account();
    let mut server = use_signal(|| {
        state
            .pulse()
            .server()
            .unwrap_or_else(platform::default_server)
    });
    let mut email = use_signal(|| known.map(|a| a.email).unwrap_or_default());
    let mut password = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);

    let server_ok = {
        let s = server.read();
        s.starts_with("http://") || s.starts_with("https://")
    };
    let ready = server_ok && email.read().contains('@') && !password.read().is_empty() && !busy();

    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        if !ready {
            return;
        }
        busy.set(true);
        error.set(None);
        let pulse = state.pulse();
        spawn(async move {
            let result = pulse
                .sign_in(server.read().trim(), email.read().trim(), &password.read())
                .await;
            busy.set(false);
            match result {
                Ok(_) => password.set(String::new()),
                Err(ClientError::Api(e)) => error.set(Some(error_text(e.code()))),
                Err(_) => error.set(Some(t("error-unexpected"))),
            }
        });
    };

    rsx! {
        TopBar { title: t("sign-in-title") }
        div { class: "screen",
            p { if again { {t("sign-in-again-intro")} } else { {t("sign-in-intro")} } }
            form { onsubmit: submit, "data-testid": "sign-in-form",
                label { r#for: "server", {t("sign-in-server")} }
                input {
                    id: "server", name: "server", r#type: "url", autocomplete: "url",
                    value: "{server}",
                    "aria-invalid": if server_ok { "false" } else { "true" },
                    oninput: move |e| server.set(e.value()),
                }
                if !server_ok {
                    p { class: "field-error", {t("error-server_address")} }
                }
                label { r#for: "email", {t("sign-in-email")} }
                input {
                    id: "email", name: "email", r#type: "email", autocomplete: "username",
                    value: "{email}",
                    oninput: move |e| email.set(e.value()),
                }
                label { r#for: "password", {t("sign-in-password")} }
                input {
                    id: "password", name: "password", r#type: "password",
                    autocomplete: "current-password",
                    value: "{password}",
                    oninput: move |e| password.set(e.value()),
                }
                if let Some(message) = error() {
                    p { class: "field-error", role: "alert", "data-testid": "sign-in-error", {message} }
                }
                button {
                    class: "primary", r#type: "submit", disabled: !ready,
                    "data-testid": "sign-in-submit",
                    if busy() { {t("sign-in-busy")} } else { {t("sign-in-submit")} }
                }
            }
        }
    }
}
