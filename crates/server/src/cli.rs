//! The command line: serve (the default), or manage accounts. Every serve flag can also
//! come from the environment (`PULSE_*`).

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::app::{ApnsOptions, Limits, MailConfig, PushOptions, ServerConfig};
use crate::client_addr::IpRange;
use crate::demo::DemoOptions;
use crate::mail::{Delivery, SmtpSecurity, SmtpSettings};
use crate::serve::ConnectionLimits;
use crate::store::{PendingCap, SessionPolicy};

#[derive(Debug, Parser)]
#[command(name = "pulse-server", version, about = "The Pulse Companion backend")]
pub struct Cli {
    #[command(flatten)]
    pub serve: ServeArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage accounts.
    #[command(subcommand)]
    Account(AccountCommand),
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// Create a partner or handler account. The password is read from
    /// PULSE_ACCOUNT_PASSWORD, or from the first line of standard input.
    Add(AccountAdd),
    /// Invite a partner or handler: the account is made without a password and an
    /// e-mail in their language carries a link to choose one. A running server (this
    /// database, SMTP settings) sends it within seconds; so does the next one started.
    Invite(AccountAdd),
}

/// Who an account is for: the same for `add` and `invite`.
#[derive(Debug, Args)]
pub struct AccountAdd {
    /// partner or handler
    #[arg(long, default_value = "partner")]
    pub role: String,
    #[arg(long)]
    pub email: String,
    #[arg(long)]
    pub name: String,
    /// ISO 3166-1 alpha-2 country code (partners); decides EEA membership.
    #[arg(long, default_value = "")]
    pub country: String,
    /// A property the partner manages; repeat for several.
    #[arg(long = "property")]
    pub properties: Vec<String>,
    /// The language of the account's e-mails (en, nl, sv, fr, id, de, es, it, pt, ar).
    #[arg(long, default_value = "en")]
    pub language: String,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "PULSE_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Database URL; a SQLite file in the data directory when absent.
    #[arg(long, env = "PULSE_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Where the database (by default) and attachments live.
    #[arg(long, env = "PULSE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Largest attachment in bytes.
    #[arg(long, env = "PULSE_MAX_ATTACHMENT_BYTES", default_value_t = pulse_protocol::input::MAX_ATTACHMENT_BYTES)]
    pub max_attachment_bytes: usize,
    /// Largest JSON request body in bytes.
    #[arg(long, env = "PULSE_MAX_JSON_BYTES", default_value_t = 64 * 1024)]
    pub max_json_bytes: usize,
    /// Requests per second each token may make, on average.
    #[arg(long, env = "PULSE_RATE_LIMIT_PER_SECOND", default_value = "20")]
    pub rate_limit_per_second: NonZeroU32,
    /// Requests a token may make in a burst.
    #[arg(long, env = "PULSE_RATE_LIMIT_BURST", default_value = "100")]
    pub rate_limit_burst: NonZeroU32,
    /// Seconds of silence before an event stream sends a keep-alive comment.
    #[arg(long, env = "PULSE_KEEP_ALIVE_SECS", default_value_t = 15)]
    pub keep_alive_secs: u64,
    /// Days without a request after which a session ends.
    #[arg(long, env = "PULSE_SESSION_IDLE_DAYS", default_value = "30")]
    pub session_idle_days: NonZeroU32,
    /// Days after sign-in after which a session ends, however much it is used.
    #[arg(long, env = "PULSE_SESSION_MAX_DAYS", default_value = "90")]
    pub session_max_days: NonZeroU32,
    /// Files an account may have uploaded and not yet sent with a message.
    #[arg(long, env = "PULSE_MAX_PENDING_FILES", default_value_t = 25)]
    pub max_pending_files: u32,
    /// Bytes of files an account may have uploaded and not yet sent.
    #[arg(long, env = "PULSE_MAX_PENDING_BYTES", default_value_t = 100 * 1024 * 1024)]
    pub max_pending_bytes: u64,
    /// Hours a file no message links is kept.
    #[arg(long, env = "PULSE_UNLINKED_FILE_HOURS", default_value_t = 24)]
    pub unlinked_file_hours: u64,
    /// A proxy (address or range, e.g. 10.0.0.0/8) whose X-Forwarded-For names the
    /// client; repeat or separate with commas. From anyone else the header is ignored.
    #[arg(
        long = "trusted-proxy",
        env = "PULSE_TRUSTED_PROXIES",
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<IpRange>,
    /// Width times height above which an uploaded photo is refused without decoding it
    /// (a guard against decompression bombs; 50 million fits a 48 MP camera).
    #[arg(long, env = "PULSE_MAX_IMAGE_PIXELS", default_value_t = 50_000_000)]
    pub max_image_pixels: u64,
    /// SQLite: writes that may wait for the database's one writer; more at that moment
    /// answer 503 with Retry-After instead of waiting in an ever longer queue.
    #[arg(long, env = "PULSE_MAX_QUEUED_WRITES", default_value_t = 1024)]
    pub max_queued_writes: usize,
    /// Passwords checked at once (each takes about 20 MB and a core for a moment);
    /// more sign-ins at that moment answer 503 with Retry-After.
    #[arg(long, env = "PULSE_PASSWORD_CHECKS", default_value_t = 4)]
    pub password_checks: usize,
    /// Days the first answer to a write sent with an Idempotency-Key is kept: a resend
    /// within them gets that answer, a resend after them is a new request.
    #[arg(long, env = "PULSE_IDEMPOTENCY_DAYS", default_value = "90")]
    pub idempotency_days: NonZeroU32,
    /// Event streams one account may hold open on one instance.
    #[arg(long, env = "PULSE_MAX_STREAMS_PER_ACCOUNT", default_value_t = 10)]
    pub max_streams_per_account: usize,
    /// Open connections at most; more wait until one closes.
    #[arg(long, env = "PULSE_MAX_CONNECTIONS", default_value_t = 8192)]
    pub max_connections: usize,
    /// Seconds a client has to send a request's head (an idle kept-alive connection
    /// is closed after as long).
    #[arg(long, env = "PULSE_REQUEST_HEAD_TIMEOUT_SECS", default_value_t = 15)]
    pub request_head_timeout_secs: u64,
    /// Longest pause, in seconds, while a request body arrives.
    #[arg(long, env = "PULSE_REQUEST_BODY_TIMEOUT_SECS", default_value_t = 15)]
    pub request_body_timeout_secs: u64,
    /// Seed demo accounts and run an automatic handler.
    #[arg(long, env = "PULSE_DEMO")]
    pub demo: bool,
    /// With --demo: no automatic handler (the demo's cases wait for a person at the
    /// console). It never touches a case a person has opened or taken anyway.
    #[arg(long, env = "PULSE_DEMO_NO_AUTO_HANDLER")]
    pub no_auto_handler: bool,
    /// Hours after a partner's message within which support aims to reply (the
    /// promise the app shows and the console's queue is sorted by).
    #[arg(long, env = "PULSE_REPLY_HOURS", default_value = "24")]
    pub reply_hours: NonZeroU32,
    /// A built web app (a folder with index.html) to serve at `/`.
    #[arg(long, env = "PULSE_WEB_APP")]
    pub web_app: Option<PathBuf>,
    /// The built support console (a folder with index.html) to serve at `/console`.
    #[arg(long, env = "PULSE_CONSOLE_APP")]
    pub console_app: Option<PathBuf>,
    /// The address partners open the app at (e.g. https://partners.example.com): links
    /// in e-mails point there. This server's own address when absent.
    #[arg(long, env = "PULSE_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// The SMTP server e-mails go out through (invitations, password resets). Without
    /// it, e-mails wait in the queue (the demo writes them to the log instead).
    #[arg(long, env = "PULSE_SMTP_HOST")]
    pub smtp_host: Option<String>,
    /// The SMTP port; 587 with STARTTLS, 465 with TLS, 25 without, when absent.
    #[arg(long, env = "PULSE_SMTP_PORT")]
    pub smtp_port: Option<u16>,
    /// starttls (required), tls (from the first byte) or none (a relay on this machine).
    #[arg(
        long,
        env = "PULSE_SMTP_SECURITY",
        value_enum,
        default_value = "starttls"
    )]
    pub smtp_security: crate::mail::SmtpSecurity,
    #[arg(long, env = "PULSE_SMTP_USERNAME")]
    pub smtp_username: Option<String>,
    /// Best given through the environment, not on the command line.
    #[arg(long, env = "PULSE_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// The sender of e-mails, e.g. "Partner support <support@example.com>".
    #[arg(
        long,
        env = "PULSE_MAIL_FROM",
        default_value = "Partner support <support@localhost>"
    )]
    pub mail_from: String,
    /// Days an invitation's link works.
    #[arg(long, env = "PULSE_INVITATION_DAYS", default_value = "7")]
    pub invitation_days: NonZeroU32,
    /// Minutes a password reset link works.
    #[arg(long, env = "PULSE_RESET_MINUTES", default_value = "60")]
    pub reset_minutes: NonZeroU32,
    /// Web Push: the VAPID private key's file (made at first start when missing);
    /// `vapid-private-key` in the data directory when absent.
    #[arg(long, env = "PULSE_VAPID_KEY")]
    pub vapid_key: Option<PathBuf>,
    /// Web Push: whom push services may contact about this server (mailto: or https:).
    #[arg(
        long,
        env = "PULSE_VAPID_SUBJECT",
        default_value = "mailto:support@localhost"
    )]
    pub vapid_subject: String,
    /// FCM (Android): the Firebase service account's JSON key file.
    #[arg(long, env = "PULSE_FCM_SERVICE_ACCOUNT")]
    pub fcm_service_account: Option<PathBuf>,
    /// FCM's API address.
    #[arg(
        long,
        env = "PULSE_FCM_BASE_URL",
        default_value = "https://fcm.googleapis.com"
    )]
    pub fcm_base_url: String,
    /// APNs (iOS): the .p8 signing key of the Apple developer account.
    #[arg(long, env = "PULSE_APNS_KEY", requires_all = ["apns_key_id", "apns_team_id", "apns_topic"])]
    pub apns_key: Option<PathBuf>,
    /// APNs: the signing key's id (10 characters, shown next to the key).
    #[arg(long, env = "PULSE_APNS_KEY_ID")]
    pub apns_key_id: Option<String>,
    /// APNs: the Apple developer team id.
    #[arg(long, env = "PULSE_APNS_TEAM_ID")]
    pub apns_team_id: Option<String>,
    /// APNs: the app's bundle id (Dioxus.toml's `bundle.identifier`).
    #[arg(long, env = "PULSE_APNS_TOPIC")]
    pub apns_topic: Option<String>,
    /// APNs' address: https://api.sandbox.push.apple.com for development builds.
    #[arg(
        long,
        env = "PULSE_APNS_BASE_URL",
        default_value = "https://api.push.apple.com"
    )]
    pub apns_base_url: String,
    /// Seconds before a push that failed is tried again; it doubles up to an hour.
    #[arg(long, env = "PULSE_PUSH_FIRST_RETRY_SECS", default_value_t = 10)]
    pub push_first_retry_secs: u64,
}

impl ServeArgs {
    /// The data directory: the flag, else the platform's data directory.
    pub fn data_dir(&self) -> PathBuf {
        self.data_dir.clone().unwrap_or_else(|| {
            dirs::data_local_dir()
                .unwrap_or_else(|| PathBuf::from("."))
                .join("pulse-server")
        })
    }

    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| format!("sqlite:{}", self.data_dir().join("pulse.db").display()))
    }

    pub fn config(&self) -> ServerConfig {
        ServerConfig {
            listen: self.listen,
            database_url: self.database_url(),
            data_dir: self.data_dir(),
            limits: Limits {
                max_attachment_bytes: self.max_attachment_bytes,
                max_json_bytes: self.max_json_bytes,
                rate_per_second: self.rate_limit_per_second,
                rate_burst: self.rate_limit_burst,
                keep_alive: Duration::from_secs(self.keep_alive_secs.max(1)),
                sessions: SessionPolicy {
                    idle: days(self.session_idle_days),
                    absolute: days(self.session_max_days),
                },
                pending_files: PendingCap {
                    files: self.max_pending_files,
                    bytes: self.max_pending_bytes,
                },
                unlinked_file_age: Duration::from_secs(self.unlinked_file_hours.max(1) * 3600),
                trusted_proxies: self.trusted_proxies.clone(),
                password_checks: self.password_checks.max(1),
                max_image_pixels: self.max_image_pixels.max(1),
                max_queued_writes: self.max_queued_writes.max(1),
                reply_within: Duration::from_secs(u64::from(self.reply_hours.get()) * 3600),
                max_streams_per_account: self.max_streams_per_account.max(1),
                answer_age: days(self.idempotency_days),
                tidy_every: Duration::from_secs(60),
                connections: ConnectionLimits {
                    max_connections: self.max_connections.max(1),
                    head_timeout: Duration::from_secs(self.request_head_timeout_secs.max(1)),
                    body_timeout: Duration::from_secs(self.request_body_timeout_secs.max(1)),
                },
            },
            demo: self.demo.then(|| DemoOptions {
                auto_handler: !self.no_auto_handler,
                ..DemoOptions::default()
            }),
            web_app: self.web_app.clone(),
            console_app: self.console_app.clone(),
            mail: self.mail(),
            push: self.push(),
        }
    }

    pub fn push(&self) -> PushOptions {
        PushOptions {
            vapid_key: self.vapid_key.clone(),
            vapid_subject: self.vapid_subject.clone(),
            fcm_service_account: self.fcm_service_account.clone(),
            fcm_base_url: self.fcm_base_url.clone(),
            apns: self.apns_key.clone().map(|key| ApnsOptions {
                key,
                key_id: self.apns_key_id.clone().unwrap_or_default(),
                team_id: self.apns_team_id.clone().unwrap_or_default(),
                topic: self.apns_topic.clone().unwrap_or_default(),
                base_url: self.apns_base_url.clone(),
            }),
            first_retry: Duration::from_secs(self.push_first_retry_secs.max(1)),
        }
    }

    pub fn mail(&self) -> MailConfig {
        let delivery = match &self.smtp_host {
            Some(host) => Delivery::Smtp(SmtpSettings {
                host: host.clone(),
                port: self.smtp_port.unwrap_or(match self.smtp_security {
                    SmtpSecurity::Starttls => 587,
                    SmtpSecurity::Tls => 465,
                    SmtpSecurity::None => 25,
                }),
                security: self.smtp_security,
                username: self.smtp_username.clone(),
                password: self.smtp_password.clone(),
                from: self.mail_from.clone(),
                timeout: Duration::from_secs(30),
            }),
            None if self.demo => Delivery::Log,
            None => Delivery::Hold,
        };
        MailConfig {
            delivery,
            public_url: self.public_url.clone(),
            invitation_valid: days(self.invitation_days),
            reset_valid: Duration::from_secs(u64::from(self.reset_minutes.get()) * 60),
            ..MailConfig::default()
        }
    }
}

fn days(n: NonZeroU32) -> Duration {
    Duration::from_secs(u64::from(n.get()) * 24 * 3600)
}
