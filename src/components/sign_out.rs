//! Signing out, from More and from Settings.

use dioxus::prelude::*;

use crate::state::use_app;

/// Signs out (the token is revoked and forgotten); drafts and waiting messages stay.
#[component]
pub fn SignOutButton(label: String, test_id: String) -> Element {
    let state = use_app();
    rsx! {
        button {
            class: "danger", "data-testid": test_id,
            onclick: move |_| state.act("sign_out", |pulse| async move { pulse.sign_out().await }, |_| {}),
            {label}
        }
    }
}
