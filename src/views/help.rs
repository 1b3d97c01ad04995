//! More → Help: search over the app's own help articles (matches as you type), the
//! envelope that opens "Send us a message", a technical report, a complaint, "Call us"
//! for urgent matters, and the note that guests have help pages of their own.

use dioxus::prelude::*;
use pulse_protocol::wire::ContactKind;

use crate::components::{Icon, Svg, TopBar};
use crate::i18n::t;
use crate::route::{HelpArticle, Route};
use crate::tr;

/// The help articles, in the order shown; texts are `help-<id>` with `.summary` and
/// `.body` (one paragraph per line) in `locales/<lang>/help.ftl`.
pub const ARTICLES: &[&str] = &[
    "contact",
    "technical",
    "complaint",
    "process",
    "urgent",
    "guests",
    "offline",
];

#[component]
pub fn Help() -> Element {
    let mut query = use_signal(String::new);
    let found = search(&query.read());
    let number = t("help-call-number");
    let tel = format!("tel:{}", number.replace(' ', ""));
    rsx! {
        TopBar { title: t("help-title"), back: true,
            Link {
                to: Route::write(ContactKind::Question),
                class: "icon-button",
                "aria-label": t("help-write"),
                title: t("help-write"),
                "data-testid": "envelope",
                Svg { icon: Icon::Envelope }
            }
        }
        div { class: "screen",
            input {
                class: "search",
                r#type: "search",
                placeholder: t("help-search"),
                "aria-label": t("help-search"),
                "data-testid": "help-search",
                value: "{query}",
                oninput: move |e| query.set(e.value()),
            }
            if query.read().trim().is_empty() {
                div { class: "help-actions",
                    Link { to: Route::write(ContactKind::Question), "data-testid": "help-write", {t("help-write")} }
                    Link { to: Route::write(ContactKind::TechnicalIssue), "data-testid": "help-technical", {t("help-report-technical")} }
                    Link { to: Route::write(ContactKind::Complaint), "data-testid": "help-complaint", {t("help-submit-complaint")} }
                    a { href: "{tel}", "data-testid": "help-call", {t("help-call")} }
                }
                p { class: "muted", {t("help-call-note")} " " a { href: "{tel}", dir: "ltr", {number} } }
                div { class: "callout note", "data-testid": "guests-note", {t("help-guests-note")} }
                h3 { {t("help-articles")} }
            }
            if found.is_empty() {
                p { class: "muted", "data-testid": "help-no-match", {tr!("help-search-empty", query = query.read().trim())} }
            }
            ul { class: "list card",
                for article in HelpArticle::all().filter(|a| found.contains(&a.id())) {
                    li { key: "{article}",
                        Link { to: Route::Article { article }, "data-testid": "article-{article}",
                            span { class: "grow",
                                strong { {t(&format!("help-{article}"))} }
                                br {}
                                span { class: "muted", {t(&format!("help-{article}.summary"))} }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Articles whose title, summary or text contain every word of `query`, ignoring case
/// and accents; all of them for an empty query.
pub fn search(query: &str) -> Vec<&'static str> {
    let words: Vec<String> = query.split_whitespace().map(fold).collect();
    ARTICLES
        .iter()
        .copied()
        .filter(|id| {
            if words.is_empty() {
                return true;
            }
            let text = fold(&format!(
                "{} {} {}",
                t(&format!("help-{id}")),
                t(&format!("help-{id}.summary")),
                t(&format!("help-{id}.body"))
            ));
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}

/// Lower case without the accents partners often leave out when typing.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            other => other,
        })
        .collect()
}

#[component]
pub fn Article(article: HelpArticle) -> Element {
    let body = t(&format!("help-{article}.body"));
    let action = match article.id() {
        "contact" | "offline" => Some((Route::write(ContactKind::Question), t("help-write"))),
        "technical" => Some((
            Route::write(ContactKind::TechnicalIssue),
            t("help-report-technical"),
        )),
        "complaint" | "process" => Some((
            Route::write(ContactKind::Complaint),
            t("help-submit-complaint"),
        )),
        _ => None,
    };
    let number = t("help-call-number");
    rsx! {
        TopBar { title: t("help-title"), back: true }
        div { class: "screen", "data-testid": "article",
            h2 { {t(&format!("help-{article}"))} }
            for (i, paragraph) in body.lines().enumerate() {
                p { key: "{i}", {paragraph.trim().to_owned()} }
            }
            if let Some((to, label)) = action {
                Link { to, class: "button primary", {label} }
            }
            if article.id() == "urgent" {
                a { class: "button primary", href: format!("tel:{}", number.replace(' ', "")), {t("help-call")} }
            }
        }
    }
}
