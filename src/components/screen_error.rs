//! What a screen shows while it reads, and when it cannot read what it needs: the shell
//! wraps every screen in [`ScreenBoundary`], and a screen `?`s a failed read
//! ([`crate::state::ReadFailed`]) to land here rather than show an empty list.

use dioxus::prelude::*;
use pulse_client::Failure;

use crate::i18n::{error_text, t};
use crate::route::Route;
use crate::state::{ReadFailed, use_app};
use crate::tr;

/// A screen (or part of one) still waiting for its data.
#[component]
pub fn Loading() -> Element {
    rsx! {
        p { class: "center muted", role: "status", "data-testid": "loading", {t("loading")} }
    }
}

/// Catches a screen's failed read (or a panic in it) and shows why, with a way to try
/// again. Another address starts afresh.
#[component]
pub fn ScreenBoundary(children: Element) -> Element {
    rsx! {
        ErrorBoundary {
            handle_error: move |errors: ErrorContext| rsx! { ScreenError { errors } },
            {children}
        }
    }
}

#[component]
fn ScreenError(errors: ErrorContext) -> Element {
    let state = use_app();
    let route = use_route::<Route>();
    let shown_at = use_hook(|| route.clone());
    let boundary = errors.clone();
    use_effect(use_reactive!(|route| {
        if route != shown_at {
            boundary.clear_errors();
        }
    }));
    // Anything but a failed read (a panic, say) is the app's own fault: "unexpected".
    let failure = errors
        .error()
        .and_then(|e| e.downcast_ref::<ReadFailed>().map(|read| read.0))
        .unwrap_or(Failure::Unexpected);
    rsx! {
        div { class: "screen", role: "alert", "data-testid": "screen-error",
            p { {tr!("read-failed", reason = error_text(failure))} }
            button {
                "data-testid": "screen-error-retry",
                onclick: move |_| {
                    let errors = errors.clone();
                    spawn(async move {
                        state.reload().await;
                        errors.clear_errors();
                    });
                },
                {t("read-retry")}
            }
        }
    }
}

/// A part of a screen that could not be read, said where it would have been, for a
/// screen that is still of use without it.
#[component]
pub fn ReadError(failure: ReadFailed) -> Element {
    rsx! {
        p { class: "field-error", role: "alert", "data-testid": "read-error",
            {tr!("read-failed", reason = error_text(failure.0))}
        }
    }
}
