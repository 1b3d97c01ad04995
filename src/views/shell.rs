//! The frame around every screen: the line that says offline or waiting, the banner
//! for a case that just changed, the notice of an action that failed, the boundary that
//! shows a screen's failed read, and the tab bar. Signed out, it shows sign-in instead.

use dioxus::prelude::*;
use pulse_client::{AuthState, Connectivity, ReadScope};

use crate::components::{ActionNotice, Icon, ScreenBoundary, Svg};
use crate::i18n::{self, t};
use crate::route::Route;
use crate::state::use_app;
use crate::tr;
use crate::views::sign_in::SignIn;

#[component]
pub fn Shell() -> Element {
    let state = use_app();
    // A tap on a notification opens its case (phones; a browser's service worker
    // navigates the tab itself).
    #[cfg(any(target_os = "android", target_os = "ios"))]
    use_future(move || {
        let pulse = state.pulse();
        crate::push::follow_phone(pulse, |id| {
            navigator().push(Route::CaseScreen { id });
        })
    });
    match &*state.auth.read() {
        AuthState::SignedOut => rsx! {
            SignIn { again: false }
            ActionNotice {}
        },
        AuthState::SignInAgain(_) => rsx! {
            SignIn { again: true }
            ActionNotice {}
        },
        AuthState::SignedIn(_) => rsx! {
            StatusLine {}
            Banner {}
            ActionNotice {}
            main { class: "screen-wrap",
                ScreenBoundary { Outlet::<Route> {} }
            }
            TabBar {}
        },
    }
}

/// One line at the top: offline, or how many messages wait to be sent.
#[component]
fn StatusLine() -> Element {
    let state = use_app();
    let offline = *state.connectivity.read() == Connectivity::Offline;
    let waiting = state.unsent();
    rsx! {
        if offline {
            div { class: "line offline", role: "status", "data-testid": "offline-line", {t("line-offline")} }
        }
        if waiting > 0 {
            Link { to: Route::Outbox {}, class: "line waiting", "data-testid": "waiting-line",
                {tr!("line-waiting", count = waiting)}
            }
        }
    }
}

/// A case changed while the app is open: slides in; a tap opens the case.
#[component]
fn Banner() -> Element {
    let state = use_app();
    let mut banner = state.banner;
    let Some(notification) = banner.read().clone() else {
        return rsx! {};
    };
    let event = notification.event.clone();
    // A case the phone has not read yet is named without its topic.
    let topic = state
        .cases
        .read()
        .get()
        .and_then(|cases| cases.iter().find(|c| c.id == event.case_id))
        .map(|c| i18n::topic_label(c.topic.as_str()))
        .unwrap_or_default();
    let text = tr!(&format!("notify-{}", event.kind.as_str()), topic = topic);
    rsx! {
        button {
            class: "banner",
            role: "alert",
            "data-testid": "banner",
            onclick: move |_| {
                let id = event.id;
                state.act("mark_read", move |pulse| async move { pulse.mark_read(ReadScope::Event(id)).await }, |_| {});
                banner.set(None);
                navigator().push(Route::CaseScreen { id: event.case_id });
            },
            Svg { icon: Icon::Bell }
            span {
                strong { {t("banner-label")} }
                {text}
            }
        }
    }
}

#[component]
fn TabBar() -> Element {
    let state = use_app();
    let route = use_route::<Route>();
    let unread = state.unread();
    let tab = |target: Route, icon: Icon, label: &str, test_id: &str| {
        let active = same_tab(&route, &target);
        let label = t(label);
        let test_id = test_id.to_owned();
        rsx! {
            Link { to: target, class: if active { "active" } else { "" }, "data-testid": test_id,
                Svg { icon }
                {label}
            }
        }
    };
    rsx! {
        nav { class: "tabs",
            {tab(Route::Home {}, Icon::Home, "tab-home", "tab-home")}
            {tab(Route::Messages {}, Icon::Messages, "tab-messages", "tab-messages")}
            Link {
                to: Route::NotificationList {},
                class: if matches!(route, Route::NotificationList {}) { "active" } else { "" },
                "data-testid": "tab-notifications",
                Svg { icon: Icon::Bell }
                {t("tab-notifications")}
                if unread > 0 {
                    span { class: "badge", "aria-label": tr!("unread-badge", count = unread), "{unread}" }
                }
            }
            {tab(Route::More {}, Icon::More, "tab-more", "tab-more")}
        }
    }
}

/// Which tab a screen belongs to.
fn same_tab(current: &Route, tab: &Route) -> bool {
    let group = |r: &Route| match r {
        Route::Home {} | Route::NotFound { .. } => 0,
        Route::Messages {} | Route::CaseScreen { .. } => 1,
        Route::NotificationList {} => 2,
        _ => 3,
    };
    group(current) == group(tab)
}
