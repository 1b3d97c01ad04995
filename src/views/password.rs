//! Passwords without an operator: "forgot your password?" (a link by e-mail), the
//! screens that links from e-mails open (an invitation's "choose your password", a
//! reset's "choose a new password"), and the new-password field they share with
//! Settings. The length rule is checked as the partner types (pulse-protocol's, the
//! server's own); the list of common passwords only the server holds, and its refusal
//! is shown in the partner's language like any other.

use dioxus::prelude::*;
use pulse_client::Failure;
use pulse_protocol::ErrorCode;
use pulse_protocol::input;
use pulse_protocol::wire::LinkPurpose;

use crate::components::TopBar;
use crate::i18n::{error_text, t};
use crate::platform;
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

/// The server the app speaks to: the one last signed in to, else the build's.
async fn server(pulse: &pulse_client::Pulse) -> String {
    pulse
        .server()
        .await
        .ok()
        .flatten()
        .unwrap_or_else(platform::default_server)
}

/// A new password, with the rules beside it and a switch to show what was typed; the
/// length rule's refusal shows once something is typed.
#[component]
pub fn NewPassword(
    value: Signal<String>,
    #[props(default = "new-password".to_owned())] id: String,
) -> Element {
    let mut value = value;
    let mut shown = use_signal(|| false);
    let typed = value.read().clone();
    let problem = (!typed.is_empty())
        .then(|| input::check_password_length(&typed).err())
        .flatten()
        .map(|e| e.code());
    let hint = format!("{id}-rules");
    rsx! {
        label { r#for: "{id}", {t("password-new")} }
        input {
            id: "{id}", name: "{id}",
            r#type: if shown() { "text" } else { "password" },
            autocomplete: "new-password",
            minlength: input::MIN_PASSWORD_CHARS as i64,
            maxlength: input::MAX_PASSWORD_CHARS as i64,
            "aria-describedby": "{hint}",
            "aria-invalid": if problem.is_some() { "true" } else { "false" },
            "data-testid": "{id}",
            value: "{typed}",
            oninput: move |e| value.set(e.value()),
        }
        p { id: "{hint}", class: "muted", {t("password-rules")} }
        if let Some(problem) = problem {
            p { class: "field-error", "data-testid": "{id}-problem", {error_text(problem)} }
        }
        label { class: "check",
            input {
                r#type: "checkbox", checked: shown(), "data-testid": "{id}-show",
                onchange: move |e| shown.set(e.checked()),
            }
            {t("password-show")}
        }
    }
}

/// Whether a new password passes the rules the app can check.
pub fn acceptable(password: &str) -> bool {
    input::check_password_length(password).is_ok()
}

/// "Forgot your password?": an e-mail address, then the same answer whatever it is.
#[component]
pub fn ForgotPassword() -> Element {
    let state = use_app();
    let known = state.pulse().account();
    let mut email = use_signal(|| known.map(|a| a.email).unwrap_or_default());
    let mut busy = use_signal(|| false);
    let mut sent = use_signal(|| None::<String>);
    let mut error = use_signal(|| None::<Failure>);
    let ready = email.read().contains('@') && !busy();
    let submit = move |evt: FormEvent| {
        evt.prevent_default();
        if !ready {
            return;
        }
        busy.set(true);
        error.set(None);
        let pulse = state.pulse();
        let address = email.read().trim().to_owned();
        spawn(async move {
            let server = server(&pulse).await;
            let result = pulse.request_password_reset(&server, &address).await;
            busy.set(false);
            match result {
                Ok(()) => sent.set(Some(address)),
                Err(failed) => error.set(Some(failed.failure())),
            }
        });
    };
    rsx! {
        TopBar { title: t("forgot-title") }
        div { class: "screen", "data-testid": "forgot-password",
            if let Some(address) = sent() {
                p { class: "callout", role: "status", "data-testid": "forgot-sent",
                    {tr!("forgot-sent", email = address)}
                }
            } else {
                p { {t("forgot-intro")} }
                form { onsubmit: submit, "data-testid": "forgot-form",
                    label { r#for: "forgot-email", {t("sign-in-email")} }
                    input {
                        id: "forgot-email", name: "email", r#type: "email",
                        autocomplete: "username", "data-testid": "forgot-email",
                        value: "{email}",
                        oninput: move |e| email.set(e.value()),
                    }
                    if let Some(failure) = error() {
                        p { class: "field-error", role: "alert", "data-testid": "forgot-error", {error_text(failure)} }
                    }
                    button {
                        class: "primary", r#type: "submit", disabled: !ready,
                        "data-testid": "forgot-submit",
                        if busy() { {t("forgot-busy")} } else { {t("forgot-submit")} }
                    }
                }
            }
            Link { to: Route::Home {}, class: "button", "data-testid": "forgot-back", {t("forgot-back")} }
        }
    }
}

/// An invitation's link: `/welcome#<token>`.
#[component]
pub fn Welcome(token: String) -> Element {
    rsx! { LinkScreen { token, purpose: LinkPurpose::Invitation } }
}

/// A reset's link: `/reset-password#<token>`.
#[component]
pub fn ResetPassword(token: String) -> Element {
    rsx! { LinkScreen { token, purpose: LinkPurpose::Reset } }
}

/// Checks the link, then asks for the password and signs in with it.
#[component]
fn LinkScreen(token: String, purpose: LinkPurpose) -> Element {
    let state = use_app();
    let mut checked = use_resource({
        let token = token.clone();
        move || {
            let pulse = state.pulse();
            let token = token.clone();
            async move {
                let server = server(&pulse).await;
                pulse
                    .check_link(&server, &token)
                    .await
                    .map_err(|e| e.failure())
            }
        }
    });
    let title = match purpose {
        LinkPurpose::Invitation => t("welcome-title"),
        LinkPurpose::Reset => t("reset-title"),
    };
    let body = match &*checked.read() {
        None => rsx! { p { class: "muted", role: "status", {t("link-checking")} } },
        Some(Err(Failure::Refused(ErrorCode::LinkInvalid))) => rsx! {
            p { class: "callout", role: "alert", "data-testid": "link-invalid", {t("link-invalid")} }
            Link { to: Route::Home {}, class: "button", {t("forgot-back")} }
        },
        // No network, too many tries from this address, a busy server: the link may
        // well work; say why and let the partner try again.
        Some(Err(failure)) => rsx! {
            p { class: "field-error", role: "alert", "data-testid": "link-error", {error_text(*failure)} }
            button { "data-testid": "link-retry", onclick: move |_| checked.restart(), {t("read-retry")} }
        },
        Some(Ok(info)) => {
            let current = state.account().map(|a| a.email);
            match current {
                Some(current) if !current.eq_ignore_ascii_case(&info.email) => rsx! {
                    p { class: "callout", role: "alert", "data-testid": "link-other-account",
                        {tr!("link-other-account", email = info.email.clone(), current = current)}
                    }
                },
                _ => {
                    rsx! { ChooseForm { token: token.clone(), email: info.email.clone(), purpose: info.purpose } }
                }
            }
        }
    };
    rsx! {
        TopBar { title }
        div { class: "screen", "data-testid": "password-link", {body} }
    }
}

#[component]
fn ChooseForm(token: String, email: String, purpose: LinkPurpose) -> Element {
    let state = use_app();
    let password = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<Failure>);
    let ready = acceptable(&password.read()) && !busy();
    let submit = {
        let token = token.clone();
        move |evt: FormEvent| {
            evt.prevent_default();
            if !ready {
                return;
            }
            busy.set(true);
            error.set(None);
            let pulse = state.pulse();
            let token = token.clone();
            let chosen = password.read().clone();
            spawn(async move {
                let server = server(&pulse).await;
                let result = pulse.choose_password(&server, &token, &chosen).await;
                busy.set(false);
                match result {
                    // Signed in: Home, and the link leaves the address bar.
                    Ok(_) => {
                        navigator().replace(Route::Home {});
                    }
                    Err(failed) => error.set(Some(failed.failure())),
                }
            });
        }
    };
    let intro = match purpose {
        LinkPurpose::Invitation => tr!("welcome-intro", email = email.clone()),
        LinkPurpose::Reset => tr!("reset-intro", email = email.clone()),
    };
    rsx! {
        p { "data-testid": "link-intro", {intro} }
        form { onsubmit: submit, "data-testid": "choose-password-form",
            // For password managers: whose password this is.
            input { r#type: "email", name: "username", autocomplete: "username", value: "{email}", readonly: true, hidden: true }
            NewPassword { value: password }
            if let Some(failure) = error() {
                p { class: "field-error", role: "alert", "data-testid": "choose-password-error", {error_text(failure)} }
            }
            button {
                class: "primary", r#type: "submit", disabled: !ready,
                "data-testid": "choose-password-submit",
                if busy() { {t("link-busy")} } else { {t("link-submit")} }
            }
        }
    }
}
