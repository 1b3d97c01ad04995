//! A case status as a coloured chip.

use dioxus::prelude::*;
use pulse_protocol::lifecycle::CaseStatus;

use crate::i18n::t;

#[component]
pub fn StatusChip(status: CaseStatus) -> Element {
    let id = status.as_str();
    rsx! {
        span { class: "chip {id}", "data-status": id, {t(&format!("status-{id}"))} }
    }
}
