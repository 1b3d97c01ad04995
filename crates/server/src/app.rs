//! The running service: its shared state, start-up (open the store, bind, serve) and a
//! graceful stop that lets requests in flight finish and ends open event streams.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::client_addr::IpRange;
use crate::demo::{self, DemoOptions};
use crate::error::ApiError;
use crate::serve::ConnectionLimits;
use crate::store::{self, Database, PendingCap, RateQuota, SessionPolicy, StoreError};
use crate::streams::{self, Streams};
use crate::throttle::SignInThrottle;

/// Limits an operator can tune.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest attachment, in bytes.
    pub max_attachment_bytes: usize,
    /// Largest JSON request body, in bytes.
    pub max_json_bytes: usize,
    /// Requests per second each token may make, on average.
    pub rate_per_second: NonZeroU32,
    /// Requests a token may make at once before the average applies.
    pub rate_burst: NonZeroU32,
    /// Longest silence on an event stream before a keep-alive comment.
    pub keep_alive: Duration,
    /// When sessions end.
    pub sessions: SessionPolicy,
    /// Files an account may have uploaded and not yet sent.
    pub pending_files: PendingCap,
    /// How long a file no message links is kept.
    pub unlinked_file_age: Duration,
    /// How long the first answer to a keyed write is kept for resends.
    pub answer_age: Duration,
    /// How often ended sessions, idle allowances and old unlinked files are cleared.
    pub tidy_every: Duration,
    /// Proxies whose X-Forwarded-For names the client (nobody else's does).
    pub trusted_proxies: Vec<IpRange>,
    /// Passwords checked at once; more sign-ins answer 503 with Retry-After.
    pub password_checks: usize,
    /// Event streams one account may hold open on one instance.
    pub max_streams_per_account: usize,
    /// Open connections, and how long a request's head and body may take.
    pub connections: ConnectionLimits,
    /// Width times height above which an uploaded image is refused undecoded.
    pub max_image_pixels: u64,
    /// SQLite: writes that may wait for the writer before more answer 503.
    pub max_queued_writes: usize,
    /// How soon after a partner's message support aims to reply.
    pub reply_within: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_attachment_bytes: pulse_protocol::input::MAX_ATTACHMENT_BYTES,
            max_json_bytes: 64 * 1024,
            rate_per_second: NonZeroU32::new(20).unwrap_or(NonZeroU32::MIN),
            rate_burst: NonZeroU32::new(100).unwrap_or(NonZeroU32::MIN),
            keep_alive: Duration::from_secs(15),
            sessions: SessionPolicy::default(),
            pending_files: PendingCap::default(),
            unlinked_file_age: Duration::from_secs(24 * 3600),
            answer_age: Duration::from_secs(90 * 24 * 3600),
            tidy_every: Duration::from_secs(60),
            trusted_proxies: Vec::new(),
            password_checks: 4,
            max_streams_per_account: 10,
            connections: ConnectionLimits::default(),
            max_image_pixels: pulse_media::Options::SERVER.max_pixels,
            max_queued_writes: store::StoreOptions::QUEUED_WRITES,
            reply_within: store::StoreOptions::REPLY_WITHIN,
        }
    }
}

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    /// `sqlite:path/to/file.db`
    pub database_url: String,
    /// Where attachments are kept.
    pub data_dir: PathBuf,
    pub limits: Limits,
    /// Seed demo accounts and run the automatic demo handler.
    pub demo: Option<DemoOptions>,
    /// A built web app to serve at `/`, next to the API (same origin: no CORS).
    pub web_app: Option<PathBuf>,
    /// The built support console to serve at `/console`, next to the API.
    pub console_app: Option<PathBuf>,
    /// E-mail: how it goes out, and the links it carries.
    pub mail: MailConfig,
    /// Push notifications: the VAPID key, FCM and APNs.
    pub push: PushOptions,
}

/// How pushes reach the partners' devices. Web Push is always on (its key is made at
/// first start); FCM and APNs when their credentials are given.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The VAPID private key's file; `vapid-private-key` in the data directory when
    /// absent. Made there at first start.
    pub vapid_key: Option<PathBuf>,
    /// Who the push services may contact about this server (RFC 8292): mailto: or https:.
    pub vapid_subject: String,
    /// FCM: the service account's JSON key file (Firebase console → Project settings
    /// → Service accounts).
    pub fcm_service_account: Option<PathBuf>,
    pub fcm_base_url: String,
    /// APNs: the .p8 signing key, its id, the team id and the app's bundle id.
    pub apns: Option<ApnsOptions>,
    /// The wait after a first failed try; it doubles up to an hour.
    pub first_retry: Duration,
}

#[derive(Debug, Clone)]
pub struct ApnsOptions {
    pub key: PathBuf,
    pub key_id: String,
    pub team_id: String,
    pub topic: String,
    /// `https://api.push.apple.com`, or `https://api.sandbox.push.apple.com` for
    /// development builds.
    pub base_url: String,
}

impl Default for PushOptions {
    fn default() -> PushOptions {
        PushOptions {
            vapid_key: None,
            vapid_subject: "mailto:support@localhost".into(),
            fcm_service_account: None,
            fcm_base_url: "https://fcm.googleapis.com".into(),
            apns: None,
            first_retry: Duration::from_secs(10),
        }
    }
}

/// How invitations and resets reach people.
#[derive(Debug, Clone)]
pub struct MailConfig {
    pub delivery: crate::mail::Delivery,
    /// Where links in e-mails point: the web app's address (which phones open in the
    /// app through their app links). None: this server's own address.
    pub public_url: Option<String>,
    /// How long an invitation's link works.
    pub invitation_valid: Duration,
    /// How long a reset link works.
    pub reset_valid: Duration,
    /// The wait after a first failed try to send an e-mail; it doubles up to an hour.
    pub first_retry: Duration,
}

impl Default for MailConfig {
    fn default() -> MailConfig {
        MailConfig {
            delivery: crate::mail::Delivery::Hold,
            public_url: None,
            invitation_valid: Duration::from_secs(7 * 24 * 3600),
            reset_valid: Duration::from_secs(3600),
            first_retry: Duration::from_secs(30),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot open the database: {0}")]
    Store(#[from] StoreError),
    #[error("cannot send pushes: {0}")]
    Vapid(#[from] crate::push::VapidError),
    #[error("cannot send pushes: {0}")]
    Push(String),
    #[error("cannot send e-mail: {0}")]
    Mail(#[from] crate::mail::MailSetupError),
    #[error("cannot use {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

struct Shared {
    store: Arc<dyn Database>,
    limits: Limits,
    attachments_dir: PathBuf,
    shutdown: CancellationToken,
    streams: Arc<Streams>,
    feed: Arc<crate::feed::Feed>,
    sign_in_throttle: SignInThrottle,
    password_checks: Arc<tokio::sync::Semaphore>,
    /// Images decoded at once: one per core, since each takes a core while it lasts.
    image_work: Arc<tokio::sync::Semaphore>,
    /// Verified against when an email is unknown, so a wrong email costs as long as a
    /// wrong password and timing tells nothing.
    decoy_hash: String,
    /// Woken when an e-mail is queued here, so it goes out at once.
    mail_wake: Arc<tokio::sync::Notify>,
    mail: MailConfig,
    push: crate::push::PushSettings,
    /// Where links in e-mails point (no trailing slash).
    public_url: String,
    /// Resets asked for per e-mail address (a storm against one address sends a few).
    reset_requests: crate::throttle::ResetLimiter,
}

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn store(&self) -> &Arc<dyn Database> {
        &self.0.store
    }

    pub fn limits(&self) -> &Limits {
        &self.0.limits
    }

    /// The client's address: the connection's, or what a trusted proxy forwarded for.
    pub fn client_ip(&self, peer: SocketAddr, headers: &axum::http::HeaderMap) -> std::net::IpAddr {
        crate::client_addr::client_ip(peer, headers, &self.0.limits.trusted_proxies)
    }

    pub fn sign_in_throttle(&self) -> &SignInThrottle {
        &self.0.sign_in_throttle
    }

    /// A turn at checking a password, if one is free now.
    pub fn password_check(&self) -> Option<tokio::sync::OwnedSemaphorePermit> {
        self.0.password_checks.clone().try_acquire_owned().ok()
    }

    /// A turn at decoding an image, waited for.
    pub async fn image_work(&self) -> tokio::sync::OwnedSemaphorePermit {
        self.0
            .image_work
            .clone()
            .acquire_owned()
            .await
            .expect("the semaphore is never closed")
    }

    /// The instance's one reader of the event log, which feeds the open streams.
    pub fn feed(&self) -> &Arc<crate::feed::Feed> {
        &self.0.feed
    }

    /// The event streams open on this instance, by session.
    pub fn streams(&self) -> &Arc<Streams> {
        &self.0.streams
    }

    /// Takes one request from `key`'s allowance, shared by every instance on the
    /// database (SQLite serves one instance, which keeps them in memory).
    pub async fn check_rate(&self, key: &[u8; 32]) -> Result<(), ApiError> {
        match self.store().take_request(key).await? {
            Ok(()) => Ok(()),
            Err(wait) => Err(ApiError::rate_limited(
                wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            )),
        }
    }

    pub fn attachments_dir(&self) -> &PathBuf {
        &self.0.attachments_dir
    }

    /// Cancelled when the server begins to stop; long-lived streams end on it.
    pub fn shutdown(&self) -> &CancellationToken {
        &self.0.shutdown
    }

    pub fn decoy_hash(&self) -> &str {
        &self.0.decoy_hash
    }

    /// Tells this instance's e-mail worker that an e-mail was queued.
    pub fn mail_queued(&self) {
        self.0.mail_wake.notify_one();
    }

    pub fn mail(&self) -> &MailConfig {
        &self.0.mail
    }

    /// How this server sends pushes.
    pub fn push(&self) -> &crate::push::PushSettings {
        &self.0.push
    }

    /// Where links in e-mails point and how long they work.
    pub fn links(&self) -> crate::onboarding::Links {
        crate::onboarding::Links {
            public_url: self.0.public_url.clone(),
            invitation_valid: self.0.mail.invitation_valid,
            reset_valid: self.0.mail.reset_valid,
        }
    }

    pub fn reset_requests(&self) -> &crate::throttle::ResetLimiter {
        &self.0.reset_requests
    }
}

/// A server that is accepting connections.
pub struct RunningServer {
    addr: SocketAddr,
    store: Arc<dyn Database>,
    shutdown: CancellationToken,
    task: JoinHandle<std::io::Result<()>>,
    demo_accounts: Vec<demo::DemoAccount>,
}

impl RunningServer {
    /// The address it listens on (the real port when started on port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Its store, for tools and tests that seed accounts.
    pub fn store(&self) -> &dyn Database {
        self.store.as_ref()
    }

    /// The demo accounts seeded at start, when started with `demo`.
    pub fn demo_accounts(&self) -> &[demo::DemoAccount] {
        &self.demo_accounts
    }

    /// A token that stops the server when cancelled.
    pub fn shutdown_token(&self) -> CancellationToken {
        self.shutdown.clone()
    }

    /// Waits until the server has stopped (after its shutdown token is cancelled).
    pub async fn wait(self) -> std::io::Result<()> {
        match self.task.await {
            Ok(result) => result,
            Err(join) => Err(std::io::Error::other(join)),
        }
    }

    /// Stops accepting, finishes requests in flight and ends event streams.
    pub async fn stop(self) -> std::io::Result<()> {
        self.shutdown.cancel();
        self.wait().await
    }
}

/// Opens the store, binds `config.listen` and serves until the shutdown token is cancelled.
pub async fn start(config: ServerConfig) -> Result<RunningServer, StartError> {
    let io_err = |path: &PathBuf| {
        let path = path.display().to_string();
        move |source| StartError::Io { path, source }
    };
    let attachments_dir = config.data_dir.join("attachments");
    tokio::fs::create_dir_all(&attachments_dir)
        .await
        .map_err(io_err(&attachments_dir))?;
    let options = store::StoreOptions {
        quota: RateQuota {
            per_second: config.limits.rate_per_second.get(),
            burst: config.limits.rate_burst.get(),
        },
        max_queued_writes: config.limits.max_queued_writes,
        reply_within: config.limits.reply_within,
    };
    let store = store::open(&config.database_url, options).await?;
    let listener = TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartError::Io {
            path: config.listen.to_string(),
            source,
        })?;
    let addr = listener.local_addr().map_err(|source| StartError::Io {
        path: config.listen.to_string(),
        source,
    })?;
    crate::mail::check(&config.mail.delivery)?;
    if config.mail.public_url.is_none()
        && matches!(config.mail.delivery, crate::mail::Delivery::Smtp(_))
    {
        tracing::warn!(
            "e-mails will link to this server's own address; set --public-url to the \
             address partners open the app at"
        );
    }
    let public_url = config
        .mail
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"))
        .trim_end_matches('/')
        .to_owned();
    let shutdown = CancellationToken::new();
    let decoy_hash = tokio::task::spawn_blocking(|| {
        crate::auth::hash_password("decoy password for unknown emails").unwrap_or_default()
    })
    .await
    .unwrap_or_default();
    let vapid_path = config
        .push
        .vapid_key
        .clone()
        .unwrap_or_else(|| crate::push::default_vapid_path(&config.data_dir));
    let mut push = crate::push::PushSettings::web_push(&vapid_path, &config.push.vapid_subject)?;
    if let Some(path) = &config.push.fcm_service_account {
        let fcm = crate::push::FcmSettings::from_file(path, &config.push.fcm_base_url);
        push.fcm = Some(fcm.map_err(StartError::Push)?);
    }
    if let Some(apns) = &config.push.apns {
        let settings = crate::push::ApnsSettings::from_file(
            &apns.key,
            &apns.key_id,
            &apns.team_id,
            &apns.topic,
            &apns.base_url,
        );
        push.apns = Some(settings.map_err(StartError::Push)?);
    }
    push.first_retry = config.push.first_retry;
    let state = AppState(Arc::new(Shared {
        store: store.clone(),
        limits: config.limits.clone(),
        attachments_dir,
        shutdown: shutdown.clone(),
        streams: Arc::default(),
        feed: Arc::default(),
        sign_in_throttle: SignInThrottle::default(),
        password_checks: Arc::new(tokio::sync::Semaphore::new(
            config.limits.password_checks.max(1),
        )),
        image_work: Arc::new(tokio::sync::Semaphore::new(
            std::thread::available_parallelism().map_or(1, usize::from),
        )),
        decoy_hash,
        mail_wake: Arc::default(),
        mail: config.mail.clone(),
        push: push.clone(),
        public_url,
        reset_requests: crate::throttle::ResetLimiter::default(),
    }));

    let mut demo_accounts = Vec::new();
    if let Some(options) = &config.demo {
        demo_accounts = demo::seed(store.as_ref()).await?;
        if options.auto_handler {
            tokio::spawn(demo::auto_handler(
                store.clone(),
                options.clone(),
                shutdown.clone(),
            ));
        }
    }
    tokio::spawn(state.feed().clone().run(store.clone(), shutdown.clone()));
    tokio::spawn(tidy_up(state.clone()));
    tokio::spawn(crate::mail::run(
        store.clone(),
        config.mail.delivery.clone(),
        config.mail.first_retry,
        state.0.mail_wake.clone(),
        shutdown.clone(),
    ));
    tokio::spawn(crate::push::run(store.clone(), push, shutdown.clone()));
    tokio::spawn(streams::end_streams_of_ended_sessions(state.clone()));

    let router = crate::api::router(state, config.web_app.clone(), config.console_app.clone());
    let stop = shutdown.clone();
    let connections = config.limits.connections;
    let task = tokio::spawn(crate::serve::serve(listener, router, connections, stop));
    tracing::info!(%addr, "pulse-server listening");
    Ok(RunningServer {
        addr,
        store,
        shutdown,
        task,
        demo_accounts,
    })
}

/// Deletes the files no message links once they are older than the limit: their
/// records first (a message can no longer link them), then their bytes.
pub async fn remove_unlinked_files(state: &AppState) {
    match state
        .store()
        .purge_unlinked_files(state.limits().unlinked_file_age)
        .await
    {
        Ok(ids) => {
            for id in &ids {
                let path = state.attachments_dir().join(id.to_string());
                if let Err(error) = tokio::fs::remove_file(&path).await
                    && error.kind() != std::io::ErrorKind::NotFound
                {
                    tracing::warn!(%error, %id, "removing an unlinked file");
                }
            }
            if !ids.is_empty() {
                tracing::info!(gone = ids.len(), "unlinked files removed");
            }
        }
        Err(error) => tracing::warn!(%error, "finding unlinked files"),
    }
}

/// Once a minute (`tidy_every`): forgets idle rate-limit allowances, deletes ended
/// sessions and files never sent.
async fn tidy_up(state: AppState) {
    let mut tick = tokio::time::interval(state.limits().tidy_every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = state.shutdown().cancelled() => return,
        }
        if let Err(error) = state.store().forget_idle_allowances().await {
            tracing::warn!(%error, "forgetting idle rate-limit allowances");
        }
        match state.store().purge_sessions(state.limits().sessions).await {
            Ok(0) => {}
            Ok(gone) => tracing::info!(gone, "ended sessions deleted"),
            Err(error) => tracing::warn!(%error, "deleting ended sessions"),
        }
        remove_unlinked_files(&state).await;
        state.sign_in_throttle().forget_quiet();
        state.reset_requests().forget_old();
        match state
            .store()
            .purge_old_answers(state.limits().answer_age)
            .await
        {
            Ok(0) => {}
            Ok(gone) => tracing::info!(gone, "old idempotency answers deleted"),
            Err(error) => tracing::warn!(%error, "deleting old idempotency answers"),
        }
    }
}
