//! Notifications: every change support made to the partner's cases, newest first,
//! with read state. Opening one opens its case (which reads it).

use dioxus::prelude::*;
use pulse_client::ReadScope;

use crate::components::{Loading, TopBar, ago};
use crate::i18n::{self, t};
use crate::route::Route;
use crate::state::use_app;
use crate::tr;

#[component]
pub fn NotificationList() -> Element {
    let state = use_app();
    let notifications = state.notifications.read();
    let Some(notifications) = notifications.ready()? else {
        return rsx! { Loading {} };
    };
    // A case not read yet is named without its topic.
    let cases = state.cases.read();
    let cases = cases.get().map(Vec::as_slice).unwrap_or_default();
    let any_unread = notifications.iter().any(|n| !n.read);
    rsx! {
        TopBar { title: t("notifications-title") }
        div { class: "screen", "data-testid": "notifications",
            if notifications.is_empty() {
                p { class: "muted", {t("notifications-empty")} }
            }
            if any_unread {
                button {
                    "data-testid": "mark-all-read",
                    onclick: move |_| state.act(
                        "mark_all_read",
                        |pulse| async move { pulse.mark_read(ReadScope::All).await },
                        |_| {},
                    ),
                    {t("notifications-mark-all")}
                }
            }
            ul { class: "list card",
                for notification in notifications.iter() {
                    li { key: "{notification.event.id}",
                        button {
                            class: "row",
                            "data-testid": "notification",
                            "data-read": if notification.read { "true" } else { "false" },
                            onclick: {
                                let event = notification.event.clone();
                                move |_| {
                                    let id = event.id;
                                    state.act(
                                        "mark_read",
                                        move |pulse| async move { pulse.mark_read(ReadScope::Event(id)).await },
                                        |_| {},
                                    );
                                    navigator().push(Route::CaseScreen { id: event.case_id });
                                }
                            },
                            if !notification.read {
                                span { class: "unread-dot", "aria-label": t("notification-unread") }
                            }
                            span { class: "grow",
                                {tr!(
                                    &format!("notify-{}", notification.event.kind.as_str()),
                                    topic = cases
                                        .iter()
                                        .find(|c| c.id == notification.event.case_id)
                                        .map(|c| i18n::topic_label(c.topic.as_str()))
                                        .unwrap_or_default()
                                )}
                                br {}
                                span { class: "muted", {ago(notification.event.at)} }
                            }
                        }
                    }
                }
            }
        }
    }
}
