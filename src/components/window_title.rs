//! The window's (or the browser tab's) title.

use dioxus::prelude::*;

/// Sets the title. In a browser it writes `document.title` itself: dioxus' own `Title`
/// goes through its JavaScript `eval`, which the page's Content-Security-Policy
/// forbids (no `unsafe-eval`), and a refused `eval` stops the whole app.
#[component]
pub fn WindowTitle(text: String) -> Element {
    #[cfg(target_family = "wasm")]
    {
        use_effect(use_reactive((&text,), |(text,)| {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&text);
            }
        }));
        rsx! {}
    }
    #[cfg(not(target_family = "wasm"))]
    rsx! {
        document::Title { {text} }
    }
}
