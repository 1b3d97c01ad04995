//! Around every screen: sign-in when nobody is signed in; otherwise the top bar, the
//! views with their live counts, the search, and the keys that work the queue.

use dioxus::prelude::*;
use pulse_protocol::wire::{QueueView, ViewCount};

use crate::i18n::{LANG, LANGUAGES, Language, t};
use crate::platform;
use crate::route::{Route, View};
use crate::state::{self, Console, use_console};
use crate::views::sign_in::SignIn;

#[component]
pub fn Shell() -> Element {
    let console = use_console();
    let signed = console.session.read().clone();
    let Some(signed) = signed else {
        return rsx! { SignIn {} };
    };
    let mut console = console;
    let sign_out = move |_| {
        let api = console.api();
        console.forget(None);
        if let Some(api) = api {
            spawn(async move {
                let _ = api.sign_out().await;
            });
        }
    };
    let live = *console.live.read();
    rsx! {
        div {
            class: "console",
            tabindex: "-1",
            onmounted: move |e| async move {
                let _ = e.data().set_focus(true).await;
            },
            Live {}
            header { class: "top",
                strong { class: "brand", {t("console-title")} }
                span {
                    class: if live { "live on" } else { "live off" },
                    "data-testid": "console-live",
                    title: if live { t("console-live-on") } else { t("console-live-off") },
                    if live { {t("console-live-on")} } else { {t("console-live-off")} }
                }
                span { class: "spacer" }
                Link { to: Route::InviteScreen {}, "data-testid": "console-invite",
                    {t("console-invite")}
                }
                Link { to: Route::SavedRepliesScreen {}, "data-testid": "console-saved-replies",
                    {t("console-saved-replies")}
                }
                LanguageMenu {}
                span { class: "who", "data-testid": "console-handler-name", {signed.account.name.clone()} }
                button { class: "quiet", "data-testid": "console-sign-out", onclick: sign_out,
                    {t("console-sign-out")}
                }
            }
            div { class: "body",
                Views {}
                Outlet::<Route> {}
            }
            p { class: "keys", {t("console-keys")} }
        }
    }
}

/// The stream, the clock and the keys, while signed in.
#[component]
fn Live() -> Element {
    let console = use_console();
    use_future(move || state::follow(console));
    use_future(move || state::keep_time(console));
    listen_for_keys(console);
    rsx! {}
}

/// The keys are the page's, wherever the focus is (after a move its button is gone and
/// the focus with it): one listener on the document while signed in, handing each key
/// to [`keys`] inside this component's scope.
#[cfg(target_family = "wasm")]
fn listen_for_keys(console: Console) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let listener = use_hook(|| {
        let runtime = dioxus::core::Runtime::current();
        let scope = dioxus::core::current_scope_id();
        let listener =
            Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                let target = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
                let in_field = target.as_ref().is_some_and(|t| {
                    matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || t.is_content_editable()
                });
                if in_field {
                    // Fields keep their keys; Esc leaves the field for the page's keys.
                    if e.key() == "Escape"
                        && let Some(field) = target
                    {
                        let _ = field.blur();
                    }
                    return;
                }
                if e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                let handled = runtime.in_scope(scope, || keys(console, &e.key()));
                if handled {
                    e.prevent_default();
                }
            });
        let listener = std::rc::Rc::new(listener);
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.add_event_listener_with_callback(
                "keydown",
                listener.as_ref().as_ref().unchecked_ref(),
            );
        }
        listener
    });
    use_drop(move || {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let _ = document.remove_event_listener_with_callback(
                "keydown",
                listener.as_ref().as_ref().unchecked_ref(),
            );
        }
    });
}

/// Natively there is no page to listen on.
#[cfg(not(target_family = "wasm"))]
fn listen_for_keys(console: Console) {
    let _ = console;
}

/// The views, each with its count; fetched again on every live event.
#[component]
fn Views() -> Element {
    let mut console = use_console();
    let counts = use_resource(move || async move {
        let _ = (console.tick)();
        let api = console.api()?;
        match api.views().await {
            Ok(counts) => Some(counts.views),
            Err(error) => {
                console.failed(&error);
                None
            }
        }
    });
    let counts: Vec<ViewCount> = counts.read().clone().flatten().unwrap_or_default();
    let current = *console.view.read();
    rsx! {
        nav { class: "views", "data-testid": "console-views",
            for view in QueueView::ALL {
                Link {
                    to: Route::Queue { view: View(view) },
                    class: if view == current { "view current" } else { "view" },
                    "data-testid": "view-{view.as_str()}",
                    span { class: "view-name", {t(&format!("console-view-{}", view.as_str()))} }
                    span { class: "count", "data-testid": "view-count-{view.as_str()}",
                        {counts.iter().find(|c| c.view == view).map(|c| c.count.to_string()).unwrap_or_default()}
                    }
                }
            }
        }
    }
}

#[component]
fn LanguageMenu() -> Element {
    let current = LANG.read().code;
    rsx! {
        select {
            class: "language",
            "aria-label": t("console-language"),
            "data-testid": "console-language",
            onchange: move |e| {
                if let Some(language) = Language::by_code(&e.value()) {
                    platform::store(state::LANGUAGE_KEY, Some(language.code));
                    *LANG.write() = language;
                }
            },
            for language in LANGUAGES {
                option { value: language.code, selected: language.code == current, {language.name} }
            }
        }
    }
}

/// The keys that work the console without a mouse; whether `key` was one of them.
pub fn keys(mut console: Console, key: &str) -> bool {
    let route = router().current::<Route>();
    let order = console.order.peek().clone();
    let on_case = match route {
        Route::CaseScreen { id } => Some(id),
        _ => None,
    };
    let step = |delta: isize| -> Option<uuid::Uuid> {
        let at = match on_case {
            Some(id) => order.iter().position(|c| *c == id)? as isize,
            None => *console.selected.peek() as isize,
        };
        let next = (at + delta).clamp(0, order.len() as isize - 1);
        order.get(next as usize).copied()
    };
    let queue = Route::Queue {
        view: View(*console.view.peek()),
    };
    match (key, on_case) {
        ("j" | "ArrowDown" | "k" | "ArrowUp", None) => {
            let delta = if matches!(key, "j" | "ArrowDown") {
                1
            } else {
                -1
            };
            if let Some(at) = step(delta).and_then(|next| order.iter().position(|c| *c == next)) {
                console.selected.set(at);
            }
        }
        ("Enter" | "o", None) => {
            let Some(id) = order.get(*console.selected.peek()) else {
                return false;
            };
            navigator().push(Route::CaseScreen { id: *id });
        }
        ("/", _) => {
            if on_case.is_some() {
                navigator().push(queue);
            }
            if let Some(field) = console.search_box.peek().clone() {
                spawn(async move {
                    let _ = field.set_focus(true).await;
                });
            }
        }
        ("j" | "k", Some(_)) => {
            if let Some(next) = step(if key == "j" { 1 } else { -1 }) {
                navigator().push(Route::CaseScreen { id: next });
            }
        }
        ("r", Some(_)) => {
            if let Some(field) = console.composer.peek().clone() {
                spawn(async move {
                    let _ = field.set_focus(true).await;
                });
            }
        }
        ("Escape" | "u", Some(_)) => {
            navigator().push(queue);
        }
        _ => return false,
    }
    true
}
