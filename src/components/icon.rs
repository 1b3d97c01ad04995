//! The icons the app draws, one SVG file each under `assets/icons`.

use dioxus::prelude::*;

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
