//! The icons the app draws (Material-style paths on a 24 × 24 grid).

use dioxus::prelude::*;

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
    fn path(self) -> &'static str {
        match self {
            Icon::Home => "M10 20v-6h4v6h5v-8h3L12 3 2 12h3v8z",
            Icon::Messages => "M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2z",
            Icon::Bell => {
                "M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1z"
            }
            Icon::More => {
                "M6 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm6 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm6 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4z"
            }
            Icon::Envelope => {
                "M20 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2zm0 4-8 5-8-5V6l8 5 8-5z"
            }
            Icon::Back => "M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z",
            Icon::Camera => {
                "M12 15.2a3.2 3.2 0 1 0 0-6.4 3.2 3.2 0 0 0 0 6.4zM9 2 7.2 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-3.2L15 2z"
            }
        }
    }
}

#[component]
pub fn Svg(icon: Icon) -> Element {
    rsx! {
        svg { view_box: "0 0 24 24", "aria-hidden": "true",
            path { d: icon.path() }
        }
    }
}
