//! The console's languages are complete and every text it shows comes from them: the
//! same messages in en, nl, sv, fr and id with the same variables, each used by the
//! code and each formatting cleanly for every plural form; every API error reads as a
//! sentence in every language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use fluent_syntax::ast;
use pulse_console::i18n::{LANGUAGES, Language, Urgency};
use pulse_protocol::ErrorCode;
use pulse_protocol::lifecycle::CaseStatus;
use pulse_protocol::wire::{Complainant, ContactKind, EventKind, QueueView};
use time::{Duration, OffsetDateTime};

/// The console's own messages of a language, with their variables.
fn entries(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("syntax errors: {errors:?}"));
    let mut found = BTreeMap::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let id = message.id.name.to_owned();
                let mut names = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_vars(value, &mut names);
                }
                assert!(found.insert(id.clone(), names).is_none(), "{id} twice");
            }
            ast::Entry::Junk { content } => panic!("unparsable entry: {content}"),
            _ => {}
        }
    }
    found
}

fn pattern_vars(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
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
                pattern_vars(&variant.value, names);
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

fn console_entries(language: &Language) -> BTreeMap<String, BTreeSet<String>> {
    entries(language.sources[1])
}

#[test]
fn the_console_speaks_the_seed_languages_with_english_first() {
    let codes: Vec<_> = LANGUAGES.iter().map(|l| l.code).collect();
    assert_eq!(codes, ["en", "nl", "sv", "fr", "id"]);
    assert_eq!(Language::negotiate(&["sv-SE"]).code, "sv");
    assert_eq!(Language::negotiate(&["fr_BE", "en"]).code, "fr");
    assert_eq!(Language::negotiate(&["ja"]).code, "en");
}

#[test]
fn every_language_has_exactly_the_english_messages_with_the_same_variables() {
    let english = console_entries(&LANGUAGES[0]);
    assert!(english.len() > 100, "{} messages", english.len());
    for language in &LANGUAGES[1..] {
        let other = console_entries(language);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.code);
        assert!(extra.is_empty(), "{} has unknown {extra:?}", language.code);
        for (id, vars) in &english {
            assert!(
                other[id].is_subset(vars),
                "{} {id}: variables {:?} vs {vars:?}",
                language.code,
                other[id]
            );
        }
    }
}

/// Messages the code names through a family (`console-view-<view>`…).
fn generated_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for view in QueueView::ALL {
        ids.insert(format!("console-view-{}", view.as_str()));
    }
    // A case the console sees has reached the server: never "queued".
    for status in CaseStatus::ALL {
        if status != CaseStatus::Queued {
            ids.insert(format!("console-status-{}", status.as_str()));
        }
    }
    for kind in EventKind::ALL {
        ids.insert(format!("console-event-{}", kind.as_str()));
    }
    for kind in ContactKind::ALL {
        ids.insert(format!("console-kind-{}", kind.as_str()));
    }
    for who in Complainant::ALL {
        ids.insert(format!("console-complainant-{}", who.as_str()));
    }
    ids
}

/// `"console-…"` literals in the console's code: messages, and the screens' test ids.
fn literal_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let code = std::fs::read_to_string(&path).unwrap();
            for piece in code.split('"').skip(1).step_by(2) {
                let plain = piece
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_');
                if piece.starts_with("console-") && plain && !piece.ends_with('-') {
                    ids.insert(piece.to_owned());
                }
            }
        }
    }
    ids
}

/// Test ids of the screens that share the messages' prefix.
const TEST_IDS: &[&str] = &[
    "console-sign-in-submit",
    "console-live",
    "console-error",
    "console-notice",
    "console-handler-name",
    "console-views",
];

#[test]
fn every_message_the_code_names_exists_and_every_message_is_shown() {
    let english = console_entries(&LANGUAGES[0]);
    let named: BTreeSet<String> = literal_ids().into_iter().chain(generated_ids()).collect();
    for id in &named {
        assert!(
            english.contains_key(id) || TEST_IDS.contains(&id.as_str()),
            "the code names {id}, which en lacks"
        );
    }
    for id in english.keys() {
        assert!(named.contains(id), "{id} is never shown");
    }
}

#[test]
fn every_message_formats_cleanly_in_every_language_for_every_number() {
    let english = console_entries(&LANGUAGES[0]);
    for language in LANGUAGES {
        let mut bundle = FluentBundle::new(vec![language.code.parse().unwrap()]);
        bundle.set_use_isolating(false);
        for source in language.sources {
            bundle.add_resource_overriding(FluentResource::try_new(source.to_string()).unwrap());
        }
        for (id, vars) in &english {
            for n in [0, 1, 2, 5, 21] {
                let mut args = FluentArgs::new();
                for var in vars {
                    match var.as_str() {
                        "text" | "when" | "span" => args.set(var.as_str(), FluentValue::from("x")),
                        _ => args.set(var.as_str(), FluentValue::from(n)),
                    }
                }
                let message = bundle
                    .get_message(id)
                    .unwrap_or_else(|| panic!("{} lacks {id}", language.code));
                let mut errors = Vec::new();
                let text =
                    bundle.format_pattern(message.value().unwrap(), Some(&args), &mut errors);
                assert!(errors.is_empty(), "{} {id}: {errors:?}", language.code);
                assert!(!text.trim().is_empty(), "{} {id} is empty", language.code);
                assert!(!text.contains("console-"), "{} {id}: {text}", language.code);
            }
        }
    }
}

#[test]
fn every_error_the_api_can_answer_reads_as_a_sentence_in_every_language() {
    for language in LANGUAGES {
        for code in ErrorCode::ALL {
            let id = format!("error-{}", code.as_str());
            assert_ne!(language.format(&id, None), id, "{}: {id}", language.code);
        }
        // The texts the console borrows from the app.
        for id in ["date-time", "month-1", "month-12", "topic-payouts"] {
            assert_ne!(language.format(id, None), id, "{}: {id}", language.code);
        }
    }
}

#[test]
fn urgency_follows_the_protocols_due_soon_hours() {
    let now = OffsetDateTime::now_utc();
    assert_eq!(Urgency::of(None, now), Urgency::None);
    assert_eq!(
        Urgency::of(Some(now - Duration::minutes(1)), now),
        Urgency::Overdue
    );
    assert_eq!(Urgency::of(Some(now), now), Urgency::Overdue);
    let soon = Duration::hours(pulse_protocol::wire::DUE_SOON_HOURS);
    assert_eq!(Urgency::of(Some(now + soon), now), Urgency::Soon);
    assert_eq!(
        Urgency::of(Some(now + soon + Duration::minutes(1)), now),
        Urgency::Due
    );
}
