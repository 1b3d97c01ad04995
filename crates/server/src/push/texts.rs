//! What a push says, from the app's own texts (`locales/<code>/app.ftl`): the app's
//! name as the title, and the notification line the app shows in its list ("More
//! information is needed on Receiving payouts."), in the device's language. Never what
//! support wrote: a lock screen is public.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use fluent_bundle::FluentArgs;
use pulse_protocol::push::{PushMessage, case_path, notification_tag};

use crate::mail::{LANGUAGES, Texts, language};
use crate::store::PushRow;

/// The app's texts, in the languages of [`LANGUAGES`] and in its order.
const APP_TEXTS: &[(&str, &str)] = &[
    ("en", include_str!("../../../../locales/en/app.ftl")),
    ("nl", include_str!("../../../../locales/nl/app.ftl")),
    ("sv", include_str!("../../../../locales/sv/app.ftl")),
    ("fr", include_str!("../../../../locales/fr/app.ftl")),
    ("id", include_str!("../../../../locales/id/app.ftl")),
    ("de", include_str!("../../../../locales/de/app.ftl")),
    ("es", include_str!("../../../../locales/es/app.ftl")),
    ("it", include_str!("../../../../locales/it/app.ftl")),
    ("pt", include_str!("../../../../locales/pt/app.ftl")),
    ("ar", include_str!("../../../../locales/ar/app.ftl")),
];

thread_local! {
    /// Parsed once per language and thread, on first use (a fan-out writes thousands
    /// of pushes; Fluent's bundles are not shared between threads).
    static TEXTS: RefCell<HashMap<&'static str, Rc<Texts>>> = RefCell::new(HashMap::new());
}

fn texts(code: &str) -> Rc<Texts> {
    debug_assert_eq!(APP_TEXTS.len(), LANGUAGES.len());
    let code = language(code);
    TEXTS.with(|all| {
        all.borrow_mut()
            .entry(code)
            .or_insert_with(|| Rc::new(Texts::of(code, APP_TEXTS)))
            .clone()
    })
}

/// The push for a queued row, in its device's language.
pub fn message(row: &PushRow) -> PushMessage {
    let texts = texts(&row.language);
    let none = FluentArgs::new();
    // The topic, as the app's banner and notification list name it.
    let mut args = FluentArgs::new();
    args.set("topic", texts.get(&format!("topic-{}", row.topic), &none));
    PushMessage {
        title: texts.get("app-name", &none),
        body: texts.get(&format!("notify-{}", row.kind), &args),
        tag: notification_tag(row.event_id),
        case_id: row.case_id,
        event_id: row.event_id,
        url: case_path(row.case_id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(language: &str, kind: &str) -> PushRow {
        PushRow {
            id: 1,
            attempts: 1,
            event_id: 42,
            device_id: uuid::Uuid::nil(),
            platform: "web_push".into(),
            address: String::new(),
            p256dh: None,
            auth: None,
            language: language.into(),
            visible_until: 0,
            case_id: uuid::Uuid::nil(),
            kind: kind.into(),
            topic: "payouts".into(),
            subtopic: "payout_missing".into(),
        }
    }

    #[test]
    fn a_push_names_the_subject_and_what_happened_in_the_devices_language() {
        let en = message(&row("en-GB", "info_requested"));
        assert_eq!(en.title, "Pulse Companion");
        assert!(!en.body.contains("notify-"), "{}", en.body);
        assert_eq!(en.body, "More information is needed on Receiving payouts.");
        let nl = message(&row("nl", "info_requested"));
        assert_ne!(nl.body, en.body);
        assert!(nl.body.contains("informatie"), "{}", nl.body);
        assert_eq!(nl.tag, "pulse-42");
        assert_eq!(nl.url, format!("/messages/{}", uuid::Uuid::nil()));
        // Every kind that notifies has its line in every language.
        for (code, _) in APP_TEXTS {
            for kind in [
                "acknowledged",
                "update",
                "info_requested",
                "resolved",
                "closed",
            ] {
                let m = message(&row(code, kind));
                assert!(!m.body.starts_with("notify-"), "{code} {kind}");
            }
        }
    }
}
