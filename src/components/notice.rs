//! The notice of an action that did not work: why, in the partner's language, until it
//! is closed or times out. Every screen's actions report here (see `AppState::act`).

use dioxus::prelude::*;

use crate::i18n::{error_text, t};
use crate::state::use_app;
use crate::tr;

#[component]
pub fn ActionNotice() -> Element {
    let state = use_app();
    let mut notice = state.notice;
    let Some(current) = *notice.read() else {
        return rsx! {};
    };
    rsx! {
        div { class: "notice", role: "alert", "data-testid": "action-failed",
            span { {tr!("action-failed", reason = error_text(current.failure))} }
            button {
                r#type: "button",
                "aria-label": t("notice-close"),
                "data-testid": "action-failed-close",
                onclick: move |_| notice.set(None),
                "×"
            }
        }
    }
}
