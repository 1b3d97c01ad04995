//! E-mail: what an invitation and a reset say, in the account's language (Fluent, the
//! `mail.ftl` of each language under `locales/`, next to the app's texts), and the worker
//! that drains the durable queue over SMTP (lettre), with backoff.
//!
//! An e-mail is written out when it is queued, in the same transaction as the link it
//! carries (see `store::onboarding`); the worker only sends. Without SMTP settings the
//! demo writes e-mails to the log instead, so it works on one machine; a server without
//! either keeps them queued until it has SMTP.

use std::sync::Arc;
use std::time::Duration;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use pulse_protocol::Actor;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::store::{Database, Mail, MailRow, MailTarget};

/// The languages e-mails are written in, with their Fluent source; the first is the
/// fallback. The same ten as the app's.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en", include_str!("../../../locales/en/mail.ftl")),
    ("nl", include_str!("../../../locales/nl/mail.ftl")),
    ("sv", include_str!("../../../locales/sv/mail.ftl")),
    ("fr", include_str!("../../../locales/fr/mail.ftl")),
    ("id", include_str!("../../../locales/id/mail.ftl")),
    ("de", include_str!("../../../locales/de/mail.ftl")),
    ("es", include_str!("../../../locales/es/mail.ftl")),
    ("it", include_str!("../../../locales/it/mail.ftl")),
    ("pt", include_str!("../../../locales/pt/mail.ftl")),
    ("ar", include_str!("../../../locales/ar/mail.ftl")),
];

/// The language of [`LANGUAGES`] closest to `tag` (`pt-BR` → `pt`), else English.
pub fn language(tag: &str) -> &'static str {
    let wanted = tag.trim().to_ascii_lowercase();
    let primary = wanted.split(['-', '_']).next().unwrap_or("");
    LANGUAGES
        .iter()
        .map(|(code, _)| *code)
        .find(|code| *code == primary)
        .unwrap_or("en")
}

/// A Fluent bundle for one language, falling back to English entry by entry.
pub(crate) struct Texts {
    bundles: Vec<FluentBundle<FluentResource>>,
}

impl Texts {
    fn new(code: &str) -> Texts {
        Texts::of(code, LANGUAGES)
    }

    /// The texts of `code` (negotiated as [`language`] does) among `sources`, which
    /// list the same languages as [`LANGUAGES`].
    pub(crate) fn of(code: &str, sources: &[(&str, &str)]) -> Texts {
        let code = language(code);
        let mut bundles = Vec::new();
        for (c, source) in sources {
            if *c == code || *c == "en" {
                let id = c.parse().unwrap_or_default();
                let mut bundle = FluentBundle::new(vec![id]);
                bundle.set_use_isolating(false);
                let resource = match FluentResource::try_new((*source).to_owned()) {
                    Ok(resource) => resource,
                    Err((resource, _)) => resource,
                };
                bundle.add_resource_overriding(resource);
                if *c == code {
                    bundles.insert(0, bundle);
                } else {
                    bundles.push(bundle);
                }
            }
        }
        Texts { bundles }
    }

    pub(crate) fn get(&self, id: &str, args: &FluentArgs) -> String {
        for bundle in &self.bundles {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(args), &mut errors);
                if errors.is_empty() {
                    return text.into_owned();
                }
            }
        }
        id.to_owned()
    }
}

/// What an e-mail says, before it becomes plain text and HTML.
struct Letter {
    subject: String,
    greeting: String,
    paragraphs: Vec<String>,
    action: String,
    link: String,
    after: Vec<String>,
    signature: String,
}

impl Letter {
    fn into_mail(self, recipient: &str) -> Mail {
        let mut text = format!("{}\n\n", self.greeting);
        for p in &self.paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
        text.push_str(&format!("{}:\n{}\n\n", self.action, self.link));
        for p in &self.after {
            text.push_str(p);
            text.push_str("\n\n");
        }
        text.push_str(&self.signature);
        text.push('\n');

        let mut html = String::from(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>\
             <body style=\"font-family:sans-serif;line-height:1.5;color:#1a1a1a\">",
        );
        html.push_str(&format!("<p>{}</p>", escape(&self.greeting)));
        for p in &self.paragraphs {
            html.push_str(&format!("<p>{}</p>", escape(p)));
        }
        html.push_str(&format!(
            "<p><a href=\"{link}\" style=\"display:inline-block;padding:12px 20px;\
             background:#0b57d0;color:#fff;text-decoration:none;border-radius:6px\">{action}</a></p>\
             <p style=\"font-size:90%;color:#555\">{link}</p>",
            link = escape(&self.link),
            action = escape(&self.action),
        ));
        for p in &self.after {
            html.push_str(&format!("<p>{}</p>", escape(p)));
        }
        html.push_str(&format!("<p>{}</p></body></html>", escape(&self.signature)));
        Mail {
            recipient: recipient.to_owned(),
            subject: self.subject,
            text_body: text,
            html_body: html,
        }
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The invitation: a link to choose a first password, valid for `valid`.
pub fn invitation(target: &MailTarget, link: &str, valid: Duration) -> Mail {
    let texts = Texts::new(&target.language);
    let mut args = FluentArgs::new();
    args.set("name", FluentValue::from(target.name.as_str()));
    args.set("email", FluentValue::from(target.email.as_str()));
    args.set("days", FluentValue::from(whole(valid, 86_400)));
    let body = match target.role {
        Actor::Partner => "mail-invitation-partner",
        Actor::Handler => "mail-invitation-handler",
    };
    Letter {
        subject: texts.get("mail-invitation-subject", &args),
        greeting: texts.get("mail-greeting", &args),
        paragraphs: vec![texts.get(body, &args)],
        action: texts.get("mail-invitation-action", &args),
        link: link.to_owned(),
        after: vec![
            texts.get("mail-invitation-expiry", &args),
            texts.get("mail-invitation-not-you", &args),
        ],
        signature: texts.get("mail-signature", &args),
    }
    .into_mail(&target.email)
}

/// The reset: a link to choose a new password, valid for `valid`.
pub fn reset(target: &MailTarget, link: &str, valid: Duration) -> Mail {
    let texts = Texts::new(&target.language);
    let mut args = FluentArgs::new();
    args.set("name", FluentValue::from(target.name.as_str()));
    args.set("email", FluentValue::from(target.email.as_str()));
    args.set("minutes", FluentValue::from(whole(valid, 60)));
    Letter {
        subject: texts.get("mail-reset-subject", &args),
        greeting: texts.get("mail-greeting", &args),
        paragraphs: vec![texts.get("mail-reset-body", &args)],
        action: texts.get("mail-reset-action", &args),
        link: link.to_owned(),
        after: vec![
            texts.get("mail-reset-expiry", &args),
            texts.get("mail-reset-not-you", &args),
        ],
        signature: texts.get("mail-signature", &args),
    }
    .into_mail(&target.email)
}

/// `d` in whole units of `unit` seconds, at least 1.
fn whole(d: Duration, unit: u64) -> u64 {
    (d.as_secs() / unit).max(1)
}

/// How the server reaches an SMTP server.
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sender, e.g. `Partner support <support@example.com>`.
    pub from: String,
    /// Longest wait for the SMTP server at each step.
    pub timeout: Duration,
}

/// Transport security towards the SMTP server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SmtpSecurity {
    /// Plain connection, upgraded with STARTTLS (required), usually port 587.
    Starttls,
    /// TLS from the first byte, usually port 465.
    Tls,
    /// No encryption: only for a relay on the same machine or in tests.
    None,
}

/// Where queued e-mails go.
#[derive(Debug, Clone)]
pub enum Delivery {
    Smtp(SmtpSettings),
    /// Written to the log (the demo without SMTP settings).
    Log,
    /// Kept in the queue until the server is started with SMTP settings.
    Hold,
}

/// Why a delivery setting cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum MailSetupError {
    #[error("the sender address {0:?} is not an e-mail address")]
    From(String),
    #[error("the SMTP settings: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
}

enum Sender {
    Smtp {
        transport: Box<AsyncSmtpTransport<Tokio1Executor>>,
        from: Mailbox,
    },
    Log,
}

impl Sender {
    fn new(delivery: &Delivery) -> Result<Option<Sender>, MailSetupError> {
        let settings = match delivery {
            Delivery::Hold => return Ok(None),
            Delivery::Log => return Ok(Some(Sender::Log)),
            Delivery::Smtp(settings) => settings,
        };
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|_| MailSetupError::From(settings.from.clone()))?;
        let mut builder = match settings.security {
            SmtpSecurity::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)?
            }
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)?,
            SmtpSecurity::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            }
        };
        builder = builder.port(settings.port).timeout(Some(settings.timeout));
        if let (Some(user), Some(password)) = (&settings.username, &settings.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Some(Sender::Smtp {
            transport: Box::new(builder.build()),
            from,
        }))
    }

    async fn send(&self, mail: &MailRow) -> Result<(), String> {
        match self {
            Sender::Log => {
                tracing::info!(
                    to = %mail.recipient,
                    subject = %mail.subject,
                    "e-mail (no SMTP server is set, so it is written here):\n{}",
                    mail.text_body
                );
                Ok(())
            }
            Sender::Smtp { transport, from } => {
                let to: Mailbox = mail
                    .recipient
                    .parse()
                    .map_err(|e| format!("the recipient: {e}"))?;
                let message = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(mail.subject.clone())
                    .multipart(MultiPart::alternative_plain_html(
                        mail.text_body.clone(),
                        mail.html_body.clone(),
                    ))
                    .map_err(|e| format!("building the message: {e}"))?;
                transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// How long a taken e-mail stays the worker's: longer than any send can take (the SMTP
/// timeout applies at each step), so that only a worker that died lets it go again.
const LEASE: Duration = Duration::from_secs(10 * 60);
/// How often the queue is looked at without a wake-up (e-mails queued by another
/// instance or the command line, retries coming due).
const POLL: Duration = Duration::from_secs(5);

/// The wait before try `attempts + 1`: `first`, doubling, at most an hour.
pub fn backoff(attempts: i64, first: Duration) -> Duration {
    let exp = u32::try_from(attempts.saturating_sub(1).clamp(0, 16)).unwrap_or(16);
    first
        .saturating_mul(2u32.pow(exp))
        .min(Duration::from_secs(3600))
}

/// Checks the delivery settings; the worker itself is [`run`].
pub fn check(delivery: &Delivery) -> Result<(), MailSetupError> {
    Sender::new(delivery).map(|_| ())
}

/// Sends queued e-mails until `shutdown`: one at a time, each deleted once the SMTP
/// server took it, retried with backoff when it did not (an e-mail is never dropped).
/// `wake` is notified when an e-mail is queued on this instance.
pub async fn run(
    store: Arc<dyn Database>,
    delivery: Delivery,
    first_retry: Duration,
    wake: Arc<Notify>,
    shutdown: CancellationToken,
) {
    let sender = match Sender::new(&delivery) {
        Ok(Some(sender)) => sender,
        Ok(None) => {
            tracing::warn!("no SMTP server is set: e-mails wait in the queue until one is");
            return;
        }
        Err(error) => {
            tracing::error!(%error, "e-mail cannot be sent");
            return;
        }
    };
    loop {
        let claimed = match store.claim_mail(LEASE).await {
            Ok(claimed) => claimed,
            Err(error) => {
                tracing::warn!(%error, "reading the e-mail queue");
                None
            }
        };
        let Some(mail) = claimed else {
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(POLL) => {}
                _ = shutdown.cancelled() => return,
            }
            continue;
        };
        let outcome = tokio::select! {
            outcome = sender.send(&mail) => outcome,
            _ = shutdown.cancelled() => {
                // Due again at once, for the next start (or another instance), rather
                // than at the end of its lease.
                let release = store.mail_failed(mail.id, Duration::ZERO, "the server stopped");
                let _ = tokio::time::timeout(Duration::from_secs(2), release).await;
                return;
            }
        };
        let recorded = match outcome {
            Ok(()) => {
                tracing::info!(id = mail.id, "e-mail sent");
                store.mail_sent(mail.id).await
            }
            Err(error) => {
                let wait = backoff(mail.attempts, first_retry);
                tracing::warn!(id = mail.id, attempts = mail.attempts, %error,
                    retry_in_secs = wait.as_secs(), "e-mail not sent");
                store.mail_failed(mail.id, wait, &error).await
            }
        };
        if let Err(error) = recorded {
            tracing::warn!(%error, id = mail.id, "recording an e-mail's delivery");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(language: &str) -> MailTarget {
        MailTarget {
            account_id: 1,
            name: "Anna <de Vries>".into(),
            email: "anna@example.com".into(),
            role: Actor::Partner,
            language: language.into(),
        }
    }

    #[test]
    fn languages_are_negotiated_to_the_closest_one() {
        assert_eq!(language("pt-BR"), "pt");
        assert_eq!(language("NL"), "nl");
        assert_eq!(language("ja"), "en");
        assert_eq!(language(""), "en");
    }

    #[test]
    fn every_language_has_every_text_of_the_english_one() {
        let ids = |source: &str| -> Vec<String> {
            FluentResource::try_new(source.to_owned())
                .unwrap_or_else(|(_, errors)| panic!("mail.ftl does not parse: {errors:?}"))
                .entries()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                    _ => None,
                })
                .collect()
        };
        let english = ids(LANGUAGES[0].1);
        assert!(english.len() >= 12);
        for (code, source) in LANGUAGES {
            let mut theirs = ids(source);
            theirs.sort();
            let mut wanted = english.clone();
            wanted.sort();
            assert_eq!(theirs, wanted, "{code}'s mail.ftl");
            // Every text formats without an error in that language.
            let texts = Texts::new(code);
            let mut args = FluentArgs::new();
            for (name, value) in [("name", "Anna"), ("email", "a@b.c")] {
                args.set(name, FluentValue::from(value));
            }
            args.set("days", FluentValue::from(7));
            args.set("minutes", FluentValue::from(60));
            for id in &english {
                let bundle = &texts.bundles[0];
                let pattern = bundle.get_message(id).and_then(|m| m.value()).unwrap();
                let mut errors = Vec::new();
                bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{code} {id}: {errors:?}");
            }
        }
    }

    #[test]
    fn an_invitation_is_in_the_partners_language_with_the_link_in_both_parts() {
        let link = "https://partners.example/welcome#abc";
        let mail = invitation(&target("nl"), link, Duration::from_secs(7 * 86_400));
        let english = invitation(&target("en"), link, Duration::from_secs(7 * 86_400));
        assert_ne!(mail.subject, english.subject, "written in Dutch");
        assert!(mail.text_body.contains(link));
        assert!(mail.html_body.contains(link));
        assert!(mail.text_body.contains('7'));
        // A name is text, never markup.
        assert!(mail.html_body.contains("Anna &lt;de Vries&gt;"));
        assert!(!mail.html_body.contains("<de Vries>"));
    }

    #[test]
    fn backoff_doubles_up_to_an_hour() {
        let first = Duration::from_secs(30);
        assert_eq!(backoff(1, first), Duration::from_secs(30));
        assert_eq!(backoff(2, first), Duration::from_secs(60));
        assert_eq!(backoff(50, first), Duration::from_secs(3600));
    }
}
