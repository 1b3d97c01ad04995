//! Sign in: e-mail and password (the server is the build's; "Advanced" changes it for
//! a self-hoster), and the way to "forgot your password?". The session survives a
//! restart (the token is in the keychain); signing in again after the server refused
//! the session resumes everything that was waiting.

use dioxus::prelude::*;
use pulse_client::Failure;

use crate::components::{Loading, TopBar};
use crate::i18n::{error_text, t};
use crate::platform;
use crate::route::Route;
use crate::state::{ReadFailed, use_app};

#[component]
pub fn SignIn(again: bool) -> Element {
    let state = use_app();
    // The server last used, for the address field; the form waits for it.
    let last_server = use_resource(move || {
        let pulse = state.pulse();
        async move { pulse.server().await }
    });
    match &*last_server.read() {
        None => rsx! { Loading {} },
        Some(Err(error)) => Err(ReadFailed(error.failure()).into()),
        Some(Ok(server)) => rsx! {
            SignInForm {
                again,
                server: server.clone().unwrap_or_else(platform::default_server),
            }
        },
    }
}

#[component]
fn SignInForm(again: bool, server: String) -> Element {
    let state = use_app();
    let known = state.pulse().account();
    let mut server = use_signal(|| server);
    let mut email = use_signal(|| known.map(|a| a.email).unwrap_or_default());
    let mut password = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<Failure>);

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
                Err(failed) => {
                    tracing::info!(error = %failed, "sign-in refused");
                    error.set(Some(failed.failure()));
                }
            }
        });
    };

    rsx! {
        TopBar { title: t("sign-in-title") }
        div { class: "screen",
            p { if again { {t("sign-in-again-intro")} } else { {t("sign-in-intro")} } }
            if !platform::remembers_session() {
                p { class: "callout note", role: "note", "data-testid": "not-remembered",
                    {t("sign-in-not-remembered")}
                }
            }
            form { onsubmit: submit, "data-testid": "sign-in-form",
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
                if let Some(failure) = error() {
                    p { class: "field-error", role: "alert", "data-testid": "sign-in-error", {error_text(failure)} }
                }
                button {
                    class: "primary", r#type: "submit", disabled: !ready,
                    "data-testid": "sign-in-submit",
                    if busy() { {t("sign-in-busy")} } else { {t("sign-in-submit")} }
                }
                // The build names its server; a self-hoster can still point elsewhere.
                details { class: "advanced", open: !server_ok, "data-testid": "sign-in-advanced",
                    summary { {t("sign-in-advanced")} }
                    label { r#for: "server", {t("sign-in-server")} }
                    input {
                        id: "server", name: "server", r#type: "url", autocomplete: "url",
                        value: "{server}",
                        "aria-invalid": if server_ok { "false" } else { "true" },
                        "aria-describedby": "server-hint",
                        oninput: move |e| server.set(e.value()),
                    }
                    p { id: "server-hint", class: "hint", {t("sign-in-advanced-hint")} }
                    if !server_ok {
                        p { class: "field-error", {t("error-server_address")} }
                    }
                }
            }
            Link { to: Route::ForgotPassword {}, class: "text-link", "data-testid": "sign-in-forgot",
                {t("sign-in-forgot")}
            }
        }
    }
}
