//! The blue bar at the top of a screen.

use dioxus::prelude::*;

use crate::components::{Icon, Svg};
use crate::i18n::t;

/// The bar, with a back button where there is a way back.
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
