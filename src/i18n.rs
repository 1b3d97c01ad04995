//! The partner's language: the app's Fluent files for every language it ships, the
//! phone's preference negotiated against them (falling back to English), and [`t`] /
//! [`tr!`], the only ways a screen gets a text. Switching language re-renders every
//! screen that used one, without a restart.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use dioxus::prelude::*;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_langneg::LanguageIdentifier;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use pulse_client::Failure;
use pulse_protocol::ErrorCode;
use time::OffsetDateTime;

/// One language the app ships: `locales/<code>/app.ftl` and `help.ftl`.
#[derive(Debug, PartialEq)]
pub struct Language {
    /// BCP 47 code, also the folder name under `locales/`.
    pub code: &'static str,
    /// Written right to left (Arabic, Hebrew…): the layout mirrors.
    pub rtl: bool,
    /// The language's name in itself, as its `language-name` says: the language picker
    /// lists every language before any but the current one is downloaded.
    pub name: &'static str,
    /// The Fluent sources compiled into the app, in the order they are added to the
    /// bundle. In a browser only the fallback's: every other language is downloaded when
    /// it is chosen ([`load`]), so that nobody downloads ten of them.
    pub sources: &'static [&'static str],
    /// The same files as the browser fetches them.
    #[cfg(target_family = "wasm")]
    files: &'static [Asset],
}

macro_rules! sources {
    ($code:literal) => {
        &[
            include_str!(concat!("../locales/", $code, "/app.ftl")),
            include_str!(concat!("../locales/", $code, "/help.ftl")),
        ]
    };
}

macro_rules! language {
    // Compiled in everywhere: the fallback.
    ($code:literal, $name:literal, $rtl:literal, compiled) => {
        Language {
            code: $code,
            rtl: $rtl,
            name: $name,
            sources: sources!($code),
            #[cfg(target_family = "wasm")]
            files: &[],
        }
    };
    ($code:literal, $name:literal, $rtl:literal) => {
        Language {
            code: $code,
            rtl: $rtl,
            name: $name,
            #[cfg(not(target_family = "wasm"))]
            sources: sources!($code),
            #[cfg(target_family = "wasm")]
            sources: &[],
            #[cfg(target_family = "wasm")]
            files: &[
                asset!(concat!("/locales/", $code, "/app.ftl")),
                asset!(concat!("/locales/", $code, "/help.ftl")),
            ],
        }
    };
}

/// Every language of the app; the first is the fallback.
pub static LANGUAGES: &[Language] = &[
    language!("en", "English", false, compiled),
    language!("nl", "Nederlands", false),
    language!("sv", "Svenska", false),
    language!("fr", "Français", false),
    language!("id", "Bahasa Indonesia", false),
    language!("de", "Deutsch", false),
    language!("es", "Español", false),
    language!("it", "Italiano", false),
    language!("pt", "Português", false),
    language!("ar", "العربية", true),
];

/// The language every screen speaks right now.
pub static LANG: GlobalSignal<&'static Language> = Signal::global(|| &LANGUAGES[0]);

impl Language {
    pub fn by_code(code: &str) -> Option<&'static Language> {
        LANGUAGES.iter().find(|l| l.code == code)
    }

    /// The best of the app's languages for a list of preferred locales ("sv-SE",
    /// "pt_BR", "id"…), most preferred first; English when none fits.
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

    /// `dir` for the document: "rtl" or "ltr".
    pub fn dir(&self) -> &'static str {
        if self.rtl { "rtl" } else { "ltr" }
    }

    /// Formats message `id` (or `id.attribute`) with `args`. A missing message gives
    /// the English text, and a message English lacks too gives its id, so a gap shows
    /// but never breaks a screen (a test keeps every file complete).
    pub fn format(&'static self, id: &str, args: Option<&FluentArgs>) -> String {
        with_bundle(self, |bundle| format_in(bundle, id, args))
            .or_else(|| with_bundle(&LANGUAGES[0], |bundle| format_in(bundle, id, args)))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Whether the language has message `id` (or `id.attribute`).
    pub fn has(&'static self, id: &str) -> bool {
        with_bundle(self, |bundle| {
            let (message, attribute) = split_id(id);
            bundle.get_message(message).and_then(|m| match attribute {
                None => m.value().map(|_| ()),
                Some(a) => m.get_attribute(a).map(|_| ()),
            })
        })
        .is_some()
    }
}

type Bundle = FluentBundle<FluentResource>;

thread_local! {
    // Bundles are not Sync and cost a parse to build: one per language per thread.
    static BUNDLES: RefCell<HashMap<&'static str, Rc<Bundle>>> = RefCell::new(HashMap::new());
    // The sources of the languages downloaded so far (browser only).
    static DOWNLOADED: RefCell<HashMap<&'static str, Vec<&'static str>>> =
        RefCell::new(HashMap::new());
}

/// Builds (once) and lends the bundle of `language`; `None` while a downloaded language
/// is not there yet.
pub fn with_bundle<T>(
    language: &'static Language,
    f: impl FnOnce(&Bundle) -> Option<T>,
) -> Option<T> {
    let bundle = BUNDLES.with(|cache| {
        if let Some(bundle) = cache.borrow().get(language.code) {
            return Some(bundle.clone());
        }
        let bundle = Rc::new(build_bundle(language, &sources(language)?));
        cache.borrow_mut().insert(language.code, bundle.clone());
        Some(bundle)
    })?;
    f(&bundle)
}

fn sources(language: &'static Language) -> Option<Vec<&'static str>> {
    if !language.sources.is_empty() {
        return Some(language.sources.to_vec());
    }
    DOWNLOADED.with(|downloaded| downloaded.borrow().get(language.code).cloned())
}

/// Whether the texts of `language` are at hand (always, but in a browser before [`load`]
/// has downloaded them).
pub fn is_ready(language: &'static Language) -> bool {
    sources(language).is_some()
}

/// Makes the texts of `language` ready. In a browser that downloads its files, once per
/// page; if that fails (offline on a page that is not cached), the language shows the
/// English texts. Screens that rendered meanwhile render again.
pub async fn load(language: &'static Language) {
    if !is_ready(language) {
        download(language).await;
    }
}

#[cfg(target_family = "wasm")]
async fn download(language: &'static Language) {
    let mut sources = Vec::new();
    for file in language.files {
        match crate::platform::download_text(&file.to_string()).await {
            // Kept for the page's lifetime: at most one copy of each language.
            Ok(text) => sources.push(&*text.leak()),
            Err(error) => {
                tracing::warn!(language = language.code, %error, "a language did not load");
                sources.clear();
                break;
            }
        }
    }
    DOWNLOADED.with(|downloaded| downloaded.borrow_mut().insert(language.code, sources));
    if LANG.peek().code == language.code {
        *LANG.write() = language;
    }
}

// Every language is compiled in here.
#[cfg(not(target_family = "wasm"))]
async fn download(_: &'static Language) {}

fn build_bundle(language: &Language, sources: &[&str]) -> Bundle {
    let id = language.code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Isolation marks would reach the screen as invisible characters around every
    // variable; `dir` on the document handles mixed directions instead.
    bundle.set_use_isolating(false);
    for source in sources {
        // A syntax error drops only the broken entry (and a test fails on it).
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        bundle.add_resource_overriding(resource);
    }
    bundle
}

fn split_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    }
}

fn format_in(bundle: &Bundle, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let (message, attribute) = split_id(id);
    let message = bundle.get_message(message)?;
    let pattern = match attribute {
        None => message.value()?,
        Some(a) => message.get_attribute(a)?.value(),
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(id, ?errors, "a text could not be formatted completely");
    }
    Some(text.into_owned())
}

/// The text `id` in the current language.
pub fn t(id: &str) -> String {
    LANG().format(id, None)
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
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(n.into())
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
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

/// `tr!("id")` or `tr!("id", count = n, topic = label)`: a text in the current language.
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::t($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::t_with($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// A topic's label.
pub fn topic_label(topic: &str) -> String {
    t(&format!("topic-{topic}"))
}

/// A subtopic's label.
pub fn subtopic_label(topic: &str, subtopic: &str) -> String {
    t(&format!("subtopic-{topic}-{subtopic}"))
}

/// Why something did not happen, for the partner: a code's text (`error-<code>`), or
/// the text of one of the phone's own reasons.
pub fn error_text(failure: impl Into<Failure>) -> String {
    let id = match failure.into() {
        Failure::Refused(code) => {
            let args = [("max", Arg::Number(error_limit(code)))];
            return t_with(&format!("error-{}", code.as_str()), &args);
        }
        Failure::Network => "error-network",
        Failure::FileMissing => "error-file_missing",
        Failure::Storage => "error-storage",
        Failure::Unexpected => "error-unexpected",
        Failure::OnItsWay => "error-on_its_way",
    };
    t(id)
}

fn error_limit(code: ErrorCode) -> i64 {
    use pulse_protocol::input;
    match code {
        ErrorCode::BodyTooLong => input::MAX_BODY_CHARS as i64,
        ErrorCode::TooManyAttachments => input::MAX_ATTACHMENTS as i64,
        ErrorCode::AttachmentTooLarge => (input::MAX_ATTACHMENT_BYTES / 1_000_000) as i64,
        _ => 0,
    }
}

/// "just now", "5 minutes ago", "yesterday", "3 days ago", then a date.
pub fn relative_time(at: OffsetDateTime, now: OffsetDateTime) -> String {
    let seconds = (now - at).whole_seconds().max(0);
    let minutes = seconds / 60;
    let hours = minutes / 60;
    let days = hours / 24;
    match () {
        _ if minutes < 1 => t("time-just-now"),
        _ if hours < 1 => tr!("time-minutes-ago", count = minutes),
        _ if days < 1 => tr!("time-hours-ago", count = hours),
        _ if days == 1 => t("time-yesterday"),
        _ if days < 7 => tr!("time-days-ago", count = days),
        _ => date_time(at),
    }
}

/// A date and time in the language's own order and month names, on the device's clock.
pub fn date_time(at: OffsetDateTime) -> String {
    let local = at.to_offset(crate::platform::local_offset());
    tr!(
        "date-time",
        day = i64::from(local.day()),
        month = t(&format!("month-{}", u8::from(local.month()))),
        year = i64::from(local.year()),
        time = clock_time(local),
    )
}

/// Message `id` about a moment near `now` (a deadline), on the device's clock. The
/// message words it by `$day`: "today", "tomorrow", "yesterday", "weekday" (less than a
/// week away, either way) or "date" (further); with `$time`, `$weekday` and `$date`
/// (the whole [`date_time`]) to say it with, since each language orders them its way.
pub fn moment(id: &str, at: OffsetDateTime, now: OffsetDateTime) -> String {
    let offset = crate::platform::local_offset();
    let local = at.to_offset(offset);
    // Calendar days on the partner's clock: 23:00 to 01:00 is "tomorrow".
    let days = (local.date() - now.to_offset(offset).date()).whole_days();
    let day = match days {
        0 => "today",
        1 => "tomorrow",
        -1 => "yesterday",
        -6..=6 => "weekday",
        _ => "date",
    };
    tr!(
        id,
        day = day,
        weekday = t(&format!("weekday-{}", local.weekday().number_from_monday())),
        time = clock_time(local),
        date = date_time(at),
    )
}

/// "14:05": the 24-hour clock every language of the app reads.
fn clock_time(local: OffsetDateTime) -> String {
    format!("{:02}:{:02}", local.hour(), local.minute())
}
