//! The languages are complete and every text on screen comes from them: the same
//! messages in every language, none unused, each formatting cleanly for every plural
//! category; no user-visible literal in the screens' code; and screens rendered in each
//! language show no message ids and no English leftovers.

mod helpers;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use helpers::*;
use pulse_companion::i18n::{LANGUAGES, Language};
use pulse_protocol::ErrorCode;
use pulse_protocol::lifecycle::CaseStatus;
use pulse_protocol::topics::CATALOG;
use pulse_protocol::wire::{Complainant, ContactKind, EventKind};

/// Message ids (and `id.attribute`s) of one Fluent source, with their variables.
fn entries(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
        panic!("syntax errors: {errors:?}");
    });
    let mut found = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let id = message.id.name.to_owned();
                if let Some(value) = &message.value {
                    found.insert(id.clone(), variables(value));
                }
                for attribute in &message.attributes {
                    found.insert(
                        format!("{id}.{}", attribute.id.name),
                        variables(&attribute.value),
                    );
                }
            }
            ast::Entry::Junk { content } => panic!("unparsable entry: {content}"),
            _ => {}
        }
    }
    found
}

fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    fn walk(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_vars(expression, names);
            }
        }
    }
    fn expression_vars(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, names);
                for variant in variants {
                    walk(&variant.value, names);
                }
            }
            ast::Expression::Inline(inline) => inline_vars(inline, names),
        }
    }
    fn inline_vars(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                names.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, names),
            _ => {}
        }
    }
    walk(pattern, &mut names);
    names
}

fn all_entries(language: &Language) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for source in language.sources {
        for (id, vars) in entries(source) {
            assert!(
                all.insert(id.clone(), vars).is_none(),
                "{}: {id} twice",
                language.code
            );
        }
    }
    all
}

#[test]
fn the_app_ships_the_seeds_five_languages_and_more_with_english_first() {
    let codes: Vec<_> = LANGUAGES.iter().map(|l| l.code).collect();
    assert_eq!(codes[0], "en");
    for code in ["en", "nl", "sv", "fr", "id", "de", "es", "it", "pt", "ar"] {
        assert!(codes.contains(&code), "{code}");
    }
    assert!(Language::by_code("ar").is_some_and(|l| l.rtl));
}

/// The picker names every language before it is downloaded (in a browser only the
/// current one is): the name each carries is the one its own texts give.
#[test]
fn every_language_is_named_in_itself_as_its_texts_name_it() {
    for language in LANGUAGES {
        assert_eq!(
            language.name,
            language.format("language-name", None),
            "{}",
            language.code
        );
    }
}

#[test]
fn every_language_has_exactly_the_english_messages_with_the_same_variables() {
    let english = all_entries(&LANGUAGES[0]);
    for language in &LANGUAGES[1..] {
        let other = all_entries(language);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.code);
        assert!(extra.is_empty(), "{} has unknown {extra:?}", language.code);
        for (id, vars) in &english {
            // A language may leave out a number its grammar does not need, never add one.
            assert!(
                other[id].is_subset(vars),
                "{} {id}: variables {:?} vs {vars:?}",
                language.code,
                other[id]
            );
        }
    }
}

/// Messages named in code through a family: `topic-<id>`, `status-<status>`…
fn generated_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for topic in CATALOG {
        ids.insert(format!("topic-{}", topic.id.as_str()));
        for sub in topic.subtopics {
            ids.insert(format!("subtopic-{}-{sub}", topic.id.as_str()));
        }
    }
    for status in CaseStatus::ALL {
        ids.insert(format!("status-{}", status.as_str()));
    }
    // Handlers' own kinds (notes, assignments) never reach a partner's screen.
    for kind in EventKind::shown_to_partners() {
        ids.insert(format!("event-{}", kind.as_str()));
        ids.insert(format!("notify-{}", kind.as_str()));
    }
    for code in ErrorCode::ALL {
        ids.insert(format!("error-{}", code.as_str()));
    }
    // Each language's name in itself: compiled in as `Language::name`, which
    // `every_language_is_named_in_itself_as_its_texts_name_it` holds to this message.
    ids.insert("language-name".to_owned());
    for code in ["network", "unexpected"] {
        ids.insert(format!("error-{code}"));
    }
    for kind in ContactKind::ALL {
        ids.insert(format!("kind-{}", kind.as_str()));
    }
    for who in Complainant::ALL {
        ids.insert(format!("complaint-who-{}", who.as_str()));
    }
    for key in [
        "app_version",
        "platform",
        "language",
        "connection",
        "user_agent",
    ] {
        ids.insert(format!("diag-{key}"));
    }
    for month in 1..=12 {
        ids.insert(format!("month-{month}"));
    }
    for weekday in 1..=7 {
        ids.insert(format!("weekday-{weekday}"));
    }
    for article in pulse_companion::views::help::ARTICLES {
        for part in ["", ".summary", ".body"] {
            ids.insert(format!("help-{article}{part}"));
        }
    }
    ids
}

fn source_files(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

#[test]
fn every_message_is_used_and_every_message_the_code_names_exists() {
    let english = all_entries(&LANGUAGES[0]);
    let generated = generated_ids();
    let mut files = Vec::new();
    source_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let code: String = files.iter().map(|(_, text)| text.as_str()).collect();
    let unused: Vec<_> = english
        .keys()
        .filter(|id| !generated.contains(*id) && !code.contains(&format!("\"{id}\"")))
        .collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    let absent: Vec<_> = generated
        .iter()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(
        absent.is_empty(),
        "messages the code names but English lacks: {absent:?}"
    );
}

/// Numbers that reach every CLDR plural category of the app's languages (Arabic's
/// zero/one/two/few/many, French's many for millions…), and a fraction.
fn sample_numbers() -> Vec<FluentValue<'static>> {
    let mut numbers: Vec<FluentValue> = (0..=120).map(FluentValue::from).collect();
    numbers.extend([1_000, 1_000_000, 2_000_000].map(FluentValue::from));
    numbers.push(FluentValue::from(1.5));
    numbers
}

#[test]
fn every_message_formats_cleanly_in_every_language_for_every_plural_category() {
    let english = all_entries(&LANGUAGES[0]);
    for language in LANGUAGES {
        let mut bundle = FluentBundle::new(vec![language.code.parse().unwrap()]);
        for source in language.sources {
            bundle
                .add_resource(FluentResource::try_new((*source).to_owned()).unwrap())
                .unwrap();
        }
        for (id, vars) in &english {
            let (name, attribute) = match id.split_once('.') {
                Some((n, a)) => (n, Some(a)),
                None => (id.as_str(), None),
            };
            let message = bundle.get_message(name).unwrap();
            let pattern = match attribute {
                Some(a) => message.get_attribute(a).unwrap().value(),
                None => message.value().unwrap(),
            };
            let numbers = if vars.is_empty() {
                vec![FluentValue::from(0)]
            } else {
                sample_numbers()
            };
            for number in numbers {
                let mut args = FluentArgs::new();
                for var in vars {
                    match var.as_str() {
                        "count" | "attempts" | "max" | "number" | "day" | "year" => {
                            args.set(var.clone(), number.clone())
                        }
                        _ => args.set(var.clone(), "sample"),
                    }
                }
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{} {id}: {errors:?}", language.code);
                assert!(!text.trim().is_empty(), "{} {id} is empty", language.code);
            }
        }
    }
}

/// Attributes whose values are never read by a partner.
const NOT_TEXT: &[&str] = &[
    "class",
    "id",
    "r#type",
    "name",
    "autocomplete",
    "href",
    "src",
    "accept",
    "capture",
    "inputmode",
    "value",
    "key",
    "r#for",
    "view_box",
    "d",
    "role",
    "dir",
    "lang",
    "to",
];

#[test]
fn no_screen_shows_a_literal_that_bypasses_fluent() {
    let mut files = Vec::new();
    source_files(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let mut offences = Vec::new();
    for (path, text) in &files {
        for block in rsx_blocks(text) {
            for (before, literal) in literals(block) {
                if is_text(&literal) && !allowed_attribute(&before) {
                    offences.push(format!("{path}: {literal:?}"));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "literals on screen:\n{}",
        offences.join("\n")
    );
    // The scanner itself: it catches what it must.
    let sample = r##"rsx! { div { class: "card", placeholder: "Type here", "Send", "{count}", " · ", "data-testid": "x" } }"##;
    let caught: Vec<_> = rsx_blocks(sample)
        .flat_map(literals)
        .filter(|(before, l)| is_text(l) && !allowed_attribute(before))
        .map(|(_, l)| l)
        .collect();
    assert_eq!(caught, ["Type here", "Send"]);
}

/// The bodies of `rsx! { … }` in a file.
fn rsx_blocks(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("rsx! {").map(move |(start, _)| {
        let body = &text[start + 5..];
        let mut depth = 0;
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in body.char_indices() {
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        return &body[..=i];
                    }
                }
                _ => {}
            }
        }
        body
    })
}

/// String literals in an rsx body, each with the code just before it.
fn literals(block: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = block;
    let mut offset = 0;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let mut close = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    close = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(close) = close else { break };
        let before_start = (offset + open).saturating_sub(40);
        let before = block[before_start..offset + open].to_owned();
        found.push((before, after[..close].to_owned()));
        offset += open + close + 2;
        rest = &block[offset..];
    }
    found
}

/// Words a partner would read: letters outside `{placeholders}`, other than one
/// lower-case token (class names, ids, states).
fn is_text(literal: &str) -> bool {
    let mut outside = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    if !outside.chars().any(char::is_alphabetic) {
        return false;
    }
    let token = outside
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_:./#,*".contains(c));
    !token
}

/// Whether the literal is (part of) the value of an attribute that is not text:
/// `class: "…"`, or `class: if on { "…" } else { "…" }`; or a macro's argument.
fn allowed_attribute(before: &str) -> bool {
    if before.trim_end().ends_with("env!(") {
        return true;
    }
    let Some(colon) = before.rfind(':') else {
        return false;
    };
    let value_so_far = &before[colon + 1..];
    if value_so_far.contains('"') || value_so_far.contains(',') {
        return false;
    }
    let name = before[..colon].trim_end();
    let name = name
        .rsplit(|c: char| c.is_whitespace() || c == '{' || c == ',')
        .next()
        .unwrap_or("");
    name.starts_with("\"data-") || name.starts_with("\"aria-") || NOT_TEXT.contains(&name)
}

/// The screens checked in every language.
const SCREENS: &[&str] = &[
    "/",
    "/messages",
    "/notifications",
    "/more",
    "/help",
    "/help/process",
    "/write/question/new",
    "/write/technical_issue/new",
    "/write/complaint/new",
    "/drafts",
    "/outbox",
    "/settings",
];

#[tokio::test]
async fn screens_in_every_language_show_no_message_ids_and_no_english_leftovers() {
    let server = Server::start().await;
    let english = all_entries(&LANGUAGES[0]);
    for language in LANGUAGES {
        let device = Device::new();
        let pulse = device.signed_in(&server, PARTNER).await;
        pulse
            .set_preference("language", Some(language.code))
            .await
            .unwrap();
        // English texts this language does not share, long enough to be sure of.
        let leftovers: Vec<String> = english
            .iter()
            .filter(|(_, vars)| vars.is_empty())
            .map(|(id, _)| LANGUAGES[0].format(id, None))
            .filter(|en| en.chars().count() >= 12)
            .filter(|en| english.keys().all(|id| language.format(id, None) != *en))
            .collect();
        let mut pages = Vec::new();
        for path in SCREENS {
            pages.push((path.to_string(), Screen::open(&pulse, path).await.html()));
        }
        let signed_out = device_signed_out(language).await;
        pages.push(("sign in".into(), signed_out));
        for (path, html) in pages {
            assert!(html.contains(&format!("lang=\"{}\"", language.code)) || path == "sign in");
            for id in english.keys() {
                let id = id.split('.').next().unwrap_or(id);
                assert!(
                    !html.contains(&format!(">{id}<")),
                    "{} {path}: id {id} shown",
                    language.code
                );
            }
            if language.code != "en" {
                for en in &leftovers {
                    assert!(
                        !html.contains(en.as_str()),
                        "{} {path}: English {en:?}",
                        language.code
                    );
                }
            }
            if language.rtl {
                assert!(html.contains("dir=\"rtl\"") || path == "sign in", "{path}");
            }
        }
    }
}

async fn device_signed_out(language: &Language) -> String {
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .set_preference("language", Some(language.code))
        .await
        .unwrap();
    Screen::open(&pulse, "/").await.html()
}

#[test]
fn the_phones_language_is_negotiated_with_a_fallback_to_english() {
    assert_eq!(Language::negotiate(&["sv-SE"]).code, "sv");
    assert_eq!(Language::negotiate(&["pt_BR", "en"]).code, "pt");
    assert_eq!(Language::negotiate(&["id-ID"]).code, "id");
    assert_eq!(Language::negotiate(&["ja-JP", "nl-BE"]).code, "nl");
    assert_eq!(Language::negotiate(&["ja-JP"]).code, "en");
    assert_eq!(Language::negotiate::<&str>(&[]).code, "en");
    assert_eq!(Language::negotiate(&["not a locale"]).code, "en");
}

#[test]
fn the_console_invites_partners_in_every_language_the_app_speaks() {
    let app: Vec<&str> = LANGUAGES.iter().map(|l| l.code).collect();
    let console: Vec<&str> = pulse_console::i18n::PARTNER_LANGUAGES
        .iter()
        .map(|(code, _)| *code)
        .collect();
    assert_eq!(console, app);
}
