//! The handler's language, set up as the app's is (fluent-bundle, fluent-langneg, the
//! browser's preference negotiated against the languages shipped, English as the
//! fallback): the console's own texts (`locales/<code>/console.ftl` here) on top of the
//! app's (`locales/<code>/app.ftl` at the workspace root), so that topics, subtopics,
//! months and the API's error codes read exactly as the partner read them. Every
//! language is compiled in: a handler's desk is not a phone on a bad connection.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use dioxus::prelude::*;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_langneg::{LanguageIdentifier, NegotiationStrategy, negotiate_languages};
use pulse_protocol::ErrorCode;
use time::{Duration, OffsetDateTime};

/// One language of the console.
#[derive(Debug, PartialEq)]
pub struct Language {
    /// BCP 47 code, also the folder name under `locales/`.
    pub code: &'static str,
    /// The language's own name, for the language menu.
    pub name: &'static str,
    /// The app's texts, then the console's (which win where both have a message).
    pub sources: [&'static str; 2],
}

macro_rules! language {
    ($code:literal, $name:literal) => {
        Language {
            code: $code,
            name: $name,
            sources: [
                include_str!(concat!("../../../locales/", $code, "/app.ftl")),
                include_str!(concat!("../locales/", $code, "/console.ftl")),
            ],
        }
    };
}

/// Every language of the console; the first is the fallback.
pub static LANGUAGES: &[Language] = &[
    language!("en", "English"),
    language!("nl", "Nederlands"),
    language!("sv", "Svenska"),
    language!("fr", "Français"),
    language!("id", "Bahasa Indonesia"),
];

/// The languages a partner's e-mails and app come in (the app's), by their own names.
pub const PARTNER_LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("nl", "Nederlands"),
    ("sv", "Svenska"),
    ("fr", "Français"),
    ("id", "Bahasa Indonesia"),
    ("de", "Deutsch"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("ar", "العربية"),
];

/// The language every screen speaks right now: the one the handler chose here before,
/// or the browser's.
pub static LANG: GlobalSignal<&'static Language> = Signal::global(|| {
    crate::platform::stored(crate::state::LANGUAGE_KEY)
        .and_then(|code| Language::by_code(&code))
        .unwrap_or_else(|| Language::negotiate(&crate::platform::preferred_languages()))
});

impl Language {
    pub fn by_code(code: &str) -> Option<&'static Language> {
        LANGUAGES.iter().find(|l| l.code == code)
    }

    /// The best of the console's languages for the preferred locales, most preferred
    /// first; English when none fits.
    pub fn negotiate<S: AsRef<str>>(preferred: &[S]) -> &'static Language {
        let requested: Vec<LanguageIdentifier> = preferred
            .iter()
            .filter_map(|p| p.as_ref().replace('_', "-").parse().ok())
            .collect();
        let available: Vec<LanguageIdentifier> = LANGUAGES
            .iter()
            .filter_map(|l| l.code.parse().ok())
            .collect();
        let fallback: LanguageIdentifier = LANGUAGES[0].code.parse().unwrap_or_default();
        negotiate_languages(
            &requested,
            &available,
            Some(&fallback),
            NegotiationStrategy::Lookup,
        )
        .first()
        .and_then(|id| Language::by_code(&id.to_string()))
        .unwrap_or(&LANGUAGES[0])
    }

    /// Message `id` with `args`; English where this language lacks it, the id where
    /// English does too (a test keeps every file complete).
    pub fn format(&'static self, id: &str, args: Option<&FluentArgs>) -> String {
        with_bundle(self, |bundle| format_in(bundle, id, args))
            .or_else(|| with_bundle(&LANGUAGES[0], |bundle| format_in(bundle, id, args)))
            .unwrap_or_else(|| id.to_owned())
    }
}

type Bundle = FluentBundle<FluentResource>;

thread_local! {
    static BUNDLES: RefCell<HashMap<&'static str, Rc<Bundle>>> = RefCell::new(HashMap::new());
}

fn with_bundle<T>(language: &'static Language, f: impl FnOnce(&Bundle) -> Option<T>) -> Option<T> {
    let bundle = BUNDLES.with(|cache| {
        cache
            .borrow_mut()
            .entry(language.code)
            .or_insert_with(|| Rc::new(build_bundle(language)))
            .clone()
    });
    f(&bundle)
}

fn build_bundle(language: &Language) -> Bundle {
    let id = language.code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    bundle.set_use_isolating(false);
    for source in language.sources {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        bundle.add_resource_overriding(resource);
    }
    bundle
}

fn format_in(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let (message, attribute) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let message = bundle.get_message(message)?;
    let pattern = match attribute {
        None => message.value()?,
        Some(a) => message.get_attribute(a)?.value(),
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    Some(text.into_owned())
}

/// The text `id` in the current language.
pub fn t(id: &str) -> String {
    LANG().format(id, None)
}

/// A Fluent argument: numbers choose plural forms, texts are inserted as they are.
#[derive(Debug, Clone)]
pub enum Arg {
    Number(i64),
    Text(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

/// The text `id` in the current language, with arguments.
pub fn t_with(id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
            Arg::Text(s) => fluent.set(*name, FluentValue::from(s.clone())),
        }
    }
    LANG().format(id, Some(&fluent))
}

/// `tr!("id")` or `tr!("id", count = n)`: a text in the current language.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::t($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::t_with($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// Why something did not happen: the API's code in the handler's language (the app's
/// `error-<code>` texts, the console's own where a handler needs other words).
pub fn error_text(code: ErrorCode) -> String {
    let console = format!("console-error-{}", code.as_str());
    if LANG().format(&console, None) != console {
        return t(&console);
    }
    let max = match code {
        ErrorCode::BodyTooLong => pulse_protocol::input::MAX_BODY_CHARS as i64,
        _ => 0,
    };
    t_with(
        &format!("error-{}", code.as_str()),
        &[("max", Arg::Number(max))],
    )
}

/// A topic's label, as the partner chose it.
pub fn topic_label(topic: &str) -> String {
    t(&format!("topic-{topic}"))
}

/// A subtopic's label.
pub fn subtopic_label(topic: &str, subtopic: &str) -> String {
    t(&format!("subtopic-{topic}-{subtopic}"))
}

/// A date and time on the handler's clock, in the language's own order.
pub fn date_time(at: OffsetDateTime) -> String {
    let local = at.to_offset(crate::platform::local_offset());
    tr!(
        "date-time",
        day = i64::from(local.day()),
        month = t(&format!("month-{}", u8::from(local.month()))),
        year = i64::from(local.year()),
        time = format!("{:02}:{:02}", local.hour(), local.minute()),
    )
}

/// How urgent a reply is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// Nothing is due: the case waits on the partner, or is resolved.
    None,
    Due,
    /// Due within [`pulse_protocol::wire::DUE_SOON_HOURS`].
    Soon,
    Overdue,
}

impl Urgency {
    pub fn of(due: Option<OffsetDateTime>, now: OffsetDateTime) -> Urgency {
        match due {
            None => Urgency::None,
            Some(due) if due <= now => Urgency::Overdue,
            Some(due) if due - now <= Duration::hours(pulse_protocol::wire::DUE_SOON_HOURS) => {
                Urgency::Soon
            }
            Some(_) => Urgency::Due,
        }
    }

    /// The CSS class that colours it.
    pub fn class(self) -> &'static str {
        match self {
            Urgency::None => "due due-none",
            Urgency::Due => "due due-ok",
            Urgency::Soon => "due due-soon",
            Urgency::Overdue => "due due-overdue",
        }
    }
}

/// "Due in 3 h 20 min", "Due soon: 40 min left", "Overdue by 2 h", "No reply due".
pub fn due_text(due: Option<OffsetDateTime>, now: OffsetDateTime) -> String {
    let Some(at) = due else {
        return t("console-due-none");
    };
    let left = (at - now).whole_minutes();
    let span = duration_text(left.unsigned_abs());
    match Urgency::of(due, now) {
        Urgency::Overdue => tr!("console-due-overdue", span = span),
        Urgency::Soon => tr!("console-due-soon", span = span),
        _ => tr!("console-due-in", span = span),
    }
}

/// "2 d 3 h" from two days on, "23 h 20 min", "40 min".
pub fn duration_text(minutes: u64) -> String {
    let minutes = i64::try_from(minutes).unwrap_or(i64::MAX);
    let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    if days >= 2 {
        tr!("console-span-days", days = days, hours = hours)
    } else if minutes >= 60 {
        tr!("console-span-hours", hours = minutes / 60, minutes = mins)
    } else {
        tr!("console-span-minutes", minutes = mins)
    }
}
