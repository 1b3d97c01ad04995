//! Sign-in for partner support. A partner's account is refused with a clear word: the
//! console is not theirs (their app is at the server's own address).

use dioxus::prelude::*;

use crate::api;
use crate::i18n::t;
use crate::platform;
use crate::state::use_console;

#[component]
pub fn SignIn() -> Element {
    let mut console = use_console();
    let mut email = use_signal(String::new);
    let mut password = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    let mut busy = use_signal(|| false);
    let notice = console.notice.read().clone();
    let submit = move |e: FormEvent| {
        // At once, not in the task: the browser would post the form itself.
        e.prevent_default();
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let got = api::sign_in(&platform::server_url(), &email(), &password()).await;
            match got {
                Ok(session) => {
                    password.set(String::new());
                    console.signed_in(session);
                }
                Err(failure) => error.set(Some(failure.text())),
            }
            busy.set(false);
        });
    };
    rsx! {
        main { class: "sign-in",
            form { "data-testid": "console-sign-in", onsubmit: submit,
                h1 { {t("console-title")} }
                p { {t("console-sign-in-intro")} }
                if let Some(notice) = notice {
                    p { class: "notice", "data-testid": "console-notice", {notice} }
                }
                label { r#for: "console-email", {t("console-email")} }
                input {
                    id: "console-email",
                    "data-testid": "console-email",
                    r#type: "email",
                    autocomplete: "username",
                    required: true,
                    value: "{email}",
                    oninput: move |e| email.set(e.value()),
                }
                label { r#for: "console-password", {t("console-password")} }
                input {
                    id: "console-password",
                    "data-testid": "console-password",
                    r#type: "password",
                    autocomplete: "current-password",
                    required: true,
                    value: "{password}",
                    oninput: move |e| password.set(e.value()),
                }
                if let Some(error) = error() {
                    p { class: "error", role: "alert", "data-testid": "console-error", {error} }
                }
                button {
                    r#type: "submit",
                    "data-testid": "console-sign-in-submit",
                    disabled: busy(),
                    {t("console-sign-in")}
                }
            }
        }
    }
}
