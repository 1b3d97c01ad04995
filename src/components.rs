//! Small pieces several screens share: icons, status chips, an outbox item's state,
//! times, the top bar.

use dioxus::prelude::*;
use pulse_client::{OutboxItem, OutboxState};
use pulse_protocol::lifecycle::CaseStatus;
use time::OffsetDateTime;

use crate::i18n::{self, t};
use crate::tr;

/// The icons the app draws: one SVG file each under `assets/icons` (a path with
/// `id="icon"` on a 24 × 24 grid), so dx bundles them as assets with the rest.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Icon {
    Home,
    Messages,
    Bell,
    More,
    Envelope,
    Back,
    Camera,
}

impl Icon {
    fn file(self) -> Asset {
        match self {
            Icon::Home => asset!("/assets/icons/home.svg"),
            Icon::Messages => asset!("/assets/icons/messages.svg"),
            Icon::Bell => asset!("/assets/icons/bell.svg"),
            Icon::More => asset!("/assets/icons/more.svg"),
            Icon::Envelope => asset!("/assets/icons/envelope.svg"),
            Icon::Back => asset!("/assets/icons/back.svg"),
            Icon::Camera => asset!("/assets/icons/camera.svg"),
        }
    }
}

/// An icon drawn in the text colour around it. `<use>` rather than `<img>`: the
/// referenced path inherits `fill: currentColor` from this element, an image would not.
#[component]
pub fn Svg(icon: Icon) -> Element {
    rsx! {
        svg { view_box: "0 0 24 24", "aria-hidden": "true",
            r#use { href: "{icon.file()}#icon" }
        }
    }
}

/// The blue bar at the top of a screen, with a back button where there is a way back.
#[component]
pub fn TopBar(title: String, #[props(default)] back: bool, children: Element) -> Element {
    rsx! {
        header { class: "bar",
            if back {
                button {
                    class: "icon-button",
                    "aria-label": t("nav-back"),
                    onclick: move |_| navigator().go_back(),
                    Svg { icon: Icon::Back }
                }
            }
            h1 { {title} }
            {children}
        }
    }
}

/// A case status as a coloured chip.
#[component]
pub fn StatusChip(status: CaseStatus) -> Element {
    let id = status.as_str();
    rsx! {
        span { class: "chip {id}", "data-status": id, {t(&format!("status-{id}"))} }
    }
}

/// Where an outbox item stands, in words, for the partner.
pub fn outbox_state_text(item: &OutboxItem) -> String {
    match &item.state {
        OutboxState::Queued { attempts: 0, .. } => t("sent-queued"),
        OutboxState::Queued { attempts, .. } => tr!("sent-queued-retry", attempts = *attempts),
        OutboxState::Sending => t("sent-sending"),
        OutboxState::Sent { .. } => t("sent-sent"),
        OutboxState::Failed { code, .. } => tr!("sent-failed", reason = i18n::error_text(code)),
    }
}

/// The CSS class and test id for an outbox state.
pub fn outbox_state_class(state: &OutboxState) -> &'static str {
    match state {
        OutboxState::Queued { .. } => "queued",
        OutboxState::Sending => "sending",
        OutboxState::Sent { .. } => "sent",
        OutboxState::Failed { .. } => "failed",
    }
}

#[component]
pub fn OutboxStateLine(item: OutboxItem) -> Element {
    let class = outbox_state_class(&item.state);
    rsx! {
        p { class: "state {class}", "data-state": class, {outbox_state_text(&item)} }
    }
}

/// "5 minutes ago" from the device's clock.
pub fn ago(at: OffsetDateTime) -> String {
    i18n::relative_time(at, OffsetDateTime::now_utc())
}
