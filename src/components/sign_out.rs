//! Signing out, from More and from Settings. With nothing unsent it signs out at once;
//! otherwise it asks what becomes of the drafts and waiting messages: send them first
//! (the session stays until the outbox has drained, with progress, and can be called
//! off), keep them on the phone for this account's next sign-in, or discard them.

use dioxus::core::Task;
use dioxus::prelude::*;
use pulse_client::{OnSignOut, Unsent};

use crate::i18n::t;
use crate::state::use_app;
use crate::tr;

#[component]
pub fn SignOutButton(label: String, test_id: String) -> Element {
    let state = use_app();
    // What is unsent, once the partner has asked to sign out and there is some.
    let mut asking = use_signal(|| None::<Unsent>);
    // "Send first" under way: how many still wait, and the task to call it off.
    let mut waiting = use_signal(|| None::<usize>);
    let mut sending = use_signal(|| None::<Task>);

    let sign_out = move |choice: OnSignOut| {
        state.act(
            "sign_out",
            move |pulse| async move { pulse.sign_out(choice).await },
            move |_| asking.set(None),
        );
    };
    let ask = move |_| {
        let pulse = state.pulse();
        spawn(async move {
            match pulse.unsent().await {
                Ok(unsent) if unsent.total() == 0 => sign_out(OnSignOut::Keep),
                Ok(unsent) => asking.set(Some(unsent)),
                Err(error) => state.failed("sign_out", &error),
            }
        });
    };
    let send_first = move |_| {
        let pulse = state.pulse();
        let task = spawn(async move {
            let done = pulse
                .send_then_sign_out(|left| waiting.set(Some(left)))
                .await;
            sending.set(None);
            waiting.set(None);
            if let Err(error) = done {
                state.failed("sign_out", &error);
            }
        });
        sending.set(Some(task));
    };
    let call_off = move |_| {
        if let Some(task) = sending.take() {
            task.cancel();
        }
        waiting.set(None);
    };

    let Some(unsent) = asking() else {
        return rsx! {
            button { class: "danger", "data-testid": test_id, onclick: ask, {label} }
        };
    };
    rsx! {
        div { class: "card callout note", role: "alertdialog", "data-testid": "sign-out-unsent",
            p { {tr!("sign-out-unsent", count = unsent.total())} }
            if let Some(left) = waiting() {
                p { role: "status", "data-testid": "sign-out-progress", {tr!("sign-out-sending", count = left)} }
                if left > 0 {
                    div { class: "actions",
                        button { "data-testid": "sign-out-call-off", onclick: call_off, {t("sign-out-stay")} }
                    }
                }
            } else {
                div { class: "actions column",
                    if unsent.waiting > 0 {
                        button { class: "primary", "data-testid": "sign-out-send-first", onclick: send_first,
                            {t("sign-out-send-first")}
                        }
                    }
                    button { "data-testid": "sign-out-keep", onclick: move |_| sign_out(OnSignOut::Keep),
                        {t("sign-out-keep")}
                    }
                    button { class: "danger", "data-testid": "sign-out-discard", onclick: move |_| sign_out(OnSignOut::Discard),
                        {t("sign-out-discard")}
                    }
                    button { "data-testid": "sign-out-stay", onclick: move |_| asking.set(None),
                        {t("sign-out-stay")}
                    }
                }
            }
        }
    }
}
