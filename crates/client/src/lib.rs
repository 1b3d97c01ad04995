//! pulse-client: everything on the phone that is not a screen — the local store, drafts,
//! the outbox and its sync worker, the HTTP client, the live event stream, notifications
//! and the credential vault.
//!
//! Its promise: what a partner writes is never lost and never sent twice, and every
//! change to their cases reaches them without asking. It must never hold Dioxus or any
//! screen logic, and never write the session token anywhere but the keychain.
//!
//! The app holds one [`Pulse`]: async calls for what the partner reads and does, and
//! [`Pulse::changes`] / [`Pulse::connectivity`] to learn what to redraw. Every call that
//! touches the local store runs the SQLite work off the caller's thread (on a phone or
//! desktop, Tokio's blocking pool), so a screen never waits on the disk; in a browser it
//! runs inline, as there is no other thread and the database pages are in memory.
//!
//! What a partner sends goes through the outbox: [`outbox`] explains its lifecycle
//! (queued, sending, sent or failed; retries; the worker; what is kept and for how
//! long) and owns all of it.

pub mod api;
mod live;
pub mod model;
pub mod outbox;
pub mod rt;
pub mod sse;
pub mod store;
pub mod vault;

use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use pulse_protocol::ErrorCode;
use pulse_protocol::input::{self, AttachmentKind, InputError};
use pulse_protocol::request::CaseProblems;
use pulse_protocol::wire::{Account, CaseDetail, CaseSummary};
use tokio::sync::{Notify, broadcast, watch};
use uuid::Uuid;

pub use api::{Api, ApiError, HttpOptions, Token};
pub use model::*;
pub use outbox::{OutboxItem, OutboxPayload, OutboxState};
pub use store::{ReadScope, Store, StoreError};
pub use vault::{Vault, VaultError};

/// How the engine is set up.
#[derive(Clone)]
pub struct ClientConfig {
    /// The app's private data directory, where the database lives (in a browser, the
    /// name of the IndexedDB database).
    pub data_dir: PathBuf,
    /// Where session tokens are kept (see [`vault::platform_store`]).
    pub credentials: Arc<keyring_core::CredentialStore>,
    pub http: HttpOptions,
    pub retry: RetryPolicy,
    /// A stream silent for this long is taken for dead and reopened (the server sends
    /// a keep-alive at least every 20 s).
    pub stream_read_timeout: Duration,
    /// Most new cases sent in one request when several wait (1 sends one by one).
    pub max_batch: usize,
    /// How long a sent item (and the photos only it carried) stays on the phone after
    /// the server took it; the case itself stays in the cache. Checked at start and
    /// whenever the outbox has drained.
    pub keep_sent: Duration,
}

impl ClientConfig {
    pub fn new(data_dir: PathBuf, credentials: Arc<keyring_core::CredentialStore>) -> ClientConfig {
        ClientConfig {
            data_dir,
            credentials,
            http: HttpOptions::default(),
            retry: RetryPolicy::default(),
            stream_read_timeout: Duration::from_secs(45),
            max_batch: pulse_protocol::wire::MAX_BATCH_CASES,
            // Long enough to look back at what was sent this week; short enough that
            // photos do not pile up on a phone.
            keep_sent: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

/// How long to wait before trying again: `initial × 2^attempt`, at most `max`, with
/// jitter; a server's `Retry-After` is a floor.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub initial: Duration,
    pub max: Duration,
}

impl Default for RetryPolicy {
    fn default() -> RetryPolicy {
        RetryPolicy {
            initial: Duration::from_millis(500),
            max: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// The wait before attempt number `attempt + 1`.
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let exp = self
            .initial
            .saturating_mul(1u32 << attempt.min(16))
            .min(self.max);
        // Jitter in [50 %, 100 %] keeps many phones from retrying in step (without
        // randomness at hand, the full wait: still correct, only in step).
        let share =
            getrandom::u32().map_or(1.0, |r| 0.5 + f64::from(r) / f64::from(u32::MAX) / 2.0);
        let jittered = exp.mul_f64(share);
        // However the wait was read, never past a day (nor the clock's end).
        jittered.max(retry_after.unwrap_or_default().min(api::MAX_RETRY_AFTER))
    }
}

/// What a call can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("the message is not ready to send")]
    Incomplete(CaseProblems),
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("nobody is signed in")]
    NotSignedIn,
}

impl ClientError {
    /// Why, in terms the app can put in the partner's language.
    pub fn failure(&self) -> Failure {
        match self {
            ClientError::Incomplete(problems) => Failure::Refused(problems.first().code()),
            ClientError::Input(error) => Failure::Refused(error.code()),
            ClientError::Api(error) => error.failure(),
            ClientError::Store(StoreError::NotFound(_)) => Failure::Refused(ErrorCode::NotFound),
            ClientError::Store(_) | ClientError::Vault(_) => Failure::Storage,
            ClientError::NotSignedIn => Failure::Refused(ErrorCode::Unauthorized),
        }
    }
}

/// The signed-in account and its authorised client.
#[derive(Clone)]
struct Session {
    api: Api,
    account: Account,
    /// The server refused the token: nothing is sent until the partner signs in again.
    paused: bool,
}

pub(crate) struct Inner {
    store: Arc<Store>,
    vault: Vault,
    config: ClientConfig,
    session: RwLock<Option<Session>>,
    changes: broadcast::Sender<Change>,
    connectivity: watch::Sender<Connectivity>,
    auth: watch::Sender<AuthState>,
    foreground: watch::Sender<bool>,
    outbox_wake: Notify,
    /// The network came back (or the app did): what waits out a network failure's
    /// backoff goes now.
    network_back: std::sync::atomic::AtomicBool,
    shutdown: watch::Sender<bool>,
}

impl Inner {
    /// Runs `work` on the local store without holding up the calling thread (see the
    /// crate docs): the one way into the store for everything async.
    pub(crate) async fn db<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    {
        let store = self.store.clone();
        rt::blocking(move || work(&store))
            .await
            .unwrap_or(Err(StoreError::Closed))
    }

    /// Runs `work` on the keychain off the calling thread, as [`Inner::db`] does for
    /// the store: a phone's keystore, or the Secret Service over D-Bus, may take a while.
    async fn keychain<T, F>(&self, work: F) -> Result<T, ClientError>
    where
        T: Send + 'static,
        F: FnOnce(&Vault) -> Result<T, VaultError> + Send + 'static,
    {
        let vault = self.vault.clone();
        match rt::blocking(move || work(&vault)).await {
            Some(result) => Ok(result?),
            None => Err(StoreError::Closed.into()),
        }
    }

    fn session(&self) -> Option<Session> {
        self.session
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn set_session(&self, session: Option<Session>) {
        let state = match &session {
            None => AuthState::SignedOut,
            Some(s) if s.paused => AuthState::SignInAgain(s.account.clone()),
            Some(s) => AuthState::SignedIn(s.account.clone()),
        };
        *self.session.write().unwrap_or_else(|p| p.into_inner()) = session;
        self.auth.send_replace(state);
        self.emit(Change::Auth);
    }

    /// The server refused the token: keep everything, stop sending, ask to sign in.
    fn pause_for_sign_in(&self) {
        if let Some(mut session) = self.session()
            && !session.paused
        {
            session.paused = true;
            self.set_session(Some(session));
        }
    }

    fn emit(&self, change: Change) {
        // No receiver is fine: nobody is looking.
        let _ = self.changes.send(change);
    }

    fn saw_network(&self, reachable: bool) {
        let now = if reachable {
            Connectivity::Online
        } else {
            Connectivity::Offline
        };
        let mut was_offline = false;
        let changed = self.connectivity.send_if_modified(|c| {
            let changed = *c != now;
            was_offline = *c == Connectivity::Offline;
            *c = now;
            changed
        });
        if changed {
            self.emit(Change::Connectivity(now));
        }
        if reachable && was_offline {
            self.network_back();
        }
    }

    /// What waits out a network failure's backoff is sent at once.
    fn network_back(&self) {
        self.network_back
            .store(true, std::sync::atomic::Ordering::Release);
        self.outbox_wake.notify_one();
    }

    /// Records what a call's outcome says about the network.
    fn observe<T>(&self, result: &Result<T, ApiError>) {
        match result {
            Ok(_) => self.saw_network(true),
            Err(ApiError::Network) => self.saw_network(false),
            Err(ApiError::Unauthorized) => {
                self.saw_network(true);
                self.pause_for_sign_in();
            }
            Err(_) => self.saw_network(true),
        }
    }
}

/// The engine: one per app.
#[derive(Clone)]
pub struct Pulse {
    inner: Arc<Inner>,
}

/// Two handles are equal when they are the same engine.
impl PartialEq for Pulse {
    fn eq(&self, other: &Pulse) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}

const META_SERVER: &str = "server";
const META_ACCOUNT: &str = "account";

impl Pulse {
    /// Opens the local store, restores the session from the keychain, and starts the
    /// outbox worker and (while in the foreground) the live event stream. Needs a Tokio
    /// runtime, except in a browser.
    pub async fn open(config: ClientConfig) -> Result<Pulse, ClientError> {
        let store = Arc::new(Store::open(&config.data_dir).await?);
        let vault = Vault::new(config.credentials.clone());
        let (changes, _) = broadcast::channel(256);
        let inner = Arc::new(Inner {
            store,
            vault,
            session: RwLock::new(None),
            changes,
            connectivity: watch::Sender::new(Connectivity::Unknown),
            auth: watch::Sender::new(AuthState::SignedOut),
            foreground: watch::Sender::new(true),
            outbox_wake: Notify::new(),
            network_back: std::sync::atomic::AtomicBool::new(false),
            shutdown: watch::Sender::new(false),
            config,
        });
        restore_session(&inner).await?;
        rt::spawn(outbox::run(inner.clone()));
        rt::spawn(live::run(inner.clone()));
        Ok(Pulse { inner })
    }

    /// Stops the background tasks. Everything is already on disk.
    pub fn close(&self) {
        self.inner.shutdown.send_replace(true);
        self.inner.outbox_wake.notify_one();
    }

    // ----- signing in -----

    pub fn auth(&self) -> AuthState {
        self.inner.auth.borrow().clone()
    }

    pub fn watch_auth(&self) -> watch::Receiver<AuthState> {
        self.inner.auth.subscribe()
    }

    /// Signs in to `server`; the token goes to the keychain, and a paused queue resumes.
    pub async fn sign_in(
        &self,
        server: &str,
        email: &str,
        password: &str,
    ) -> Result<Account, ClientError> {
        let api = Api::new(server, &self.inner.config.http)?;
        let result = api.sign_in(email, password).await;
        if !matches!(result, Err(ApiError::Unauthorized)) {
            self.inner.observe(&result);
        }
        let session = match result {
            Ok(session) => session,
            Err(ApiError::Unauthorized) => {
                return Err(ApiError::Server {
                    status: 401,
                    code: ErrorCode::InvalidCredentials,
                    message: String::new(),
                    retry_after: None,
                }
                .into());
            }
            Err(e) => return Err(e.into()),
        };
        let token = Token::new(session.token);
        let (user, kept) = (vault_user(api.base(), session.account.id), token.clone());
        self.inner
            .keychain(move |vault| vault.save(&user, &kept))
            .await?;
        let account_json = serde_json::to_string(&session.account)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let (server, owner) = (
            api.base().to_owned(),
            vault_user(api.base(), session.account.id),
        );
        self.inner
            .db(move |store| {
                // This account's drafts, files and messages, and no one else's; the
                // cached cases are dropped unless they are this account's.
                store.set_owner(&owner);
                store.take_over(&owner)?;
                store.set_meta(META_SERVER, Some(&server))?;
                store.set_meta(META_ACCOUNT, Some(&account_json))
            })
            .await?;
        self.inner.set_session(Some(Session {
            api: api.with_token(token),
            account: session.account.clone(),
            paused: false,
        }));
        self.inner.outbox_wake.notify_one();
        Ok(session.account)
    }

    /// Signs out: the token is revoked (when the server can be reached) and forgotten.
    /// Drafts and unsent messages stay for the next sign-in.
    pub async fn sign_out(&self) -> Result<(), ClientError> {
        let Some(session) = self.inner.session() else {
            return Ok(());
        };
        // Revoking is a courtesy to the server: offline, the token is forgotten anyway.
        if let Err(error) = session.api.sign_out().await {
            tracing::info!(%error, "the session could not be revoked on the server");
        }
        let user = vault_user(session.api.base(), session.account.id);
        self.inner
            .keychain(move |vault| vault.delete(&user))
            .await?;
        self.inner.set_session(None);
        // The account's cached cases and notifications go with it; its drafts and
        // unsent messages stay, under its name, for when it signs in again, and no
        // other account sees them.
        self.inner
            .db(|store| {
                store.set_owner("");
                store.forget_account_cache()?;
                store.set_meta(META_ACCOUNT, None)
            })
            .await?;
        self.inner.emit(Change::Cases);
        self.inner.emit(Change::Notifications);
        Ok(())
    }

    // ----- drafts -----

    /// Saves a draft (a new one when `id` is None) and returns it. Fast enough to call
    /// on every edit; the app debounces.
    pub async fn save_draft(
        &self,
        id: Option<Uuid>,
        content: &DraftContent,
    ) -> Result<Draft, ClientError> {
        // A draft is an account's: kept under it, seen by no other.
        self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let id = id.unwrap_or_else(Uuid::new_v4);
        let content = content.clone();
        let draft = self
            .inner
            .db(move |store| store.save_draft(id, &content))
            .await?;
        self.inner.emit(Change::Drafts);
        Ok(draft)
    }

    pub async fn draft(&self, id: Uuid) -> Result<Option<Draft>, ClientError> {
        Ok(self.inner.db(move |store| store.draft(id)).await?)
    }

    /// Drafts, most recently edited first.
    pub async fn drafts(&self) -> Result<Vec<Draft>, ClientError> {
        Ok(self.inner.db(|store| store.drafts()).await?)
    }

    /// Deletes a draft and the files only it carried.
    pub async fn delete_draft(&self, id: Uuid) -> Result<(), ClientError> {
        if self
            .inner
            .db(move |store| store.delete_draft(id))
            .await?
            .is_some()
        {
            self.inner.emit(Change::Drafts);
        }
        Ok(())
    }

    /// Keeps a copy of a photo or document in app storage, checked by its content.
    pub async fn add_file(&self, bytes: &[u8]) -> Result<LocalFile, ClientError> {
        self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let kind = AttachmentKind::check_upload(bytes, input::MAX_ATTACHMENT_BYTES)?;
        let file = LocalFile {
            id: Uuid::new_v4(),
            media_type: kind.media_type().to_owned(),
            size: bytes.len() as u64,
            remote_id: None,
        };
        let (kept, bytes) = (file.clone(), bytes.to_vec());
        self.inner
            .db(move |store| store.add_file(&kept, &bytes))
            .await?;
        Ok(file)
    }

    pub async fn file(&self, id: Uuid) -> Result<LocalFile, ClientError> {
        Ok(self.inner.db(move |store| store.file(id)).await?)
    }

    /// The bytes of a kept file, for a thumbnail.
    pub async fn file_bytes(&self, id: Uuid) -> Result<Vec<u8>, ClientError> {
        Ok(self.inner.db(move |store| store.file_bytes(id)).await?)
    }

    pub async fn remove_file(&self, id: Uuid) -> Result<(), ClientError> {
        Ok(self.inner.db(move |store| store.remove_file(id)).await?)
    }

    // ----- cases -----

    /// Cached cases, newest activity first: readable offline.
    pub async fn cases(&self) -> Result<Vec<CaseSummary>, ClientError> {
        Ok(self.inner.db(|store| store.cases()).await?)
    }

    /// Fetches the first page of cases from the server into the cache.
    pub async fn refresh_cases(&self) -> Result<Vec<CaseSummary>, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let result = session.api.cases(None).await;
        self.inner.observe(&result);
        let cases = result?.cases;
        self.inner
            .db(move |store| store.cache_cases(&cases))
            .await?;
        self.inner.emit(Change::Cases);
        self.cases().await
    }

    /// A case with its timeline: fresh from the server when it can be reached (which
    /// marks it read there), else from the cache.
    pub async fn open_case(&self, id: Uuid) -> Result<Option<CaseDetail>, ClientError> {
        if let Some(session) = self.inner.session() {
            let result = session.api.case(id).await;
            self.inner.observe(&result);
            match result {
                Ok(detail) => {
                    self.inner
                        .db(move |store| store.cache_detail(&detail))
                        .await?;
                    self.inner.emit(Change::Cases);
                }
                Err(e) if e.is_transient() || matches!(e, ApiError::Unauthorized) => {}
                Err(e) => return Err(e.into()),
            }
        }
        let detail = self
            .inner
            .db(move |store| {
                store.mark_read(ReadScope::Case(id))?;
                store.case(id)
            })
            .await?;
        self.inner.emit(Change::Notifications);
        Ok(detail)
    }

    /// The cached case without asking the server.
    pub async fn cached_case(&self, id: Uuid) -> Result<Option<CaseDetail>, ClientError> {
        Ok(self.inner.db(move |store| store.case(id)).await?)
    }

    // ----- notifications -----

    /// Notifications, newest first.
    pub async fn notifications(&self) -> Result<Vec<Notification>, ClientError> {
        Ok(self.inner.db(|store| store.notifications()).await?)
    }

    pub async fn unread_notifications(&self) -> Result<u64, ClientError> {
        Ok(self.inner.db(|store| store.unread_notifications()).await?)
    }

    pub async fn mark_read(&self, scope: ReadScope) -> Result<(), ClientError> {
        self.inner.db(move |store| store.mark_read(scope)).await?;
        self.inner.emit(Change::Notifications);
        Ok(())
    }

    // ----- the partner's preferences -----

    /// A setting of the app's (the chosen language…), kept in the local store.
    pub async fn preference(&self, key: &str) -> Result<Option<String>, ClientError> {
        let key = format!("pref.{key}");
        Ok(self.inner.db(move |store| store.meta(&key)).await?)
    }

    /// Remembers a setting; `None` forgets it.
    pub async fn set_preference(&self, key: &str, value: Option<&str>) -> Result<(), ClientError> {
        let (key, value) = (format!("pref.{key}"), value.map(str::to_owned));
        Ok(self
            .inner
            .db(move |store| store.set_meta(&key, value.as_deref()))
            .await?)
    }

    /// The account signed in (or waiting to sign in again), if any.
    pub fn account(&self) -> Option<Account> {
        self.inner.session().map(|s| s.account)
    }

    /// The server this phone talks to (or last talked to).
    pub async fn server(&self) -> Result<Option<String>, ClientError> {
        Ok(self.inner.db(|store| store.meta(META_SERVER)).await?)
    }

    // ----- what the app watches -----

    /// Changes to redraw for. A receiver that falls behind skips to the newest (re-read
    /// everything then).
    pub fn changes(&self) -> broadcast::Receiver<Change> {
        self.inner.changes.subscribe()
    }

    pub fn connectivity(&self) -> watch::Receiver<Connectivity> {
        self.inner.connectivity.subscribe()
    }

    /// The live stream runs while the app is in the foreground. Coming back to it is
    /// a moment to try what the network held back, without waiting out its backoff.
    pub fn set_foreground(&self, foreground: bool) {
        self.inner.foreground.send_replace(foreground);
        if foreground {
            self.inner.network_back();
        }
    }

    /// The platform says the network is back (the browser's `online` event, a phone's
    /// connectivity callback): messages that failed for want of a network go now
    /// instead of after their backoff (up to a minute). A server's own Retry-After is
    /// still kept.
    pub fn network_is_back(&self) {
        self.inner.network_back();
    }
}

fn vault_user(server: &str, account_id: i64) -> String {
    format!("{server}#{account_id}")
}

/// Brings back the session of the last run, if the keychain still has its token.
async fn restore_session(inner: &Inner) -> Result<(), ClientError> {
    let (Some(server), Some(account)) = inner
        .db(|store| Ok((store.meta(META_SERVER)?, store.meta(META_ACCOUNT)?)))
        .await?
    else {
        return Ok(());
    };
    let account = match serde_json::from_slice::<Account>(account.as_bytes()) {
        Ok(account) => account,
        // Written by another version of the app: sign in again, nothing else is lost.
        Err(error) => {
            tracing::warn!(%error, "the saved account cannot be read; signing in again");
            return Ok(());
        }
    };
    let user = vault_user(&server, account.id);
    let Some(token) = inner
        .keychain({
            let user = user.clone();
            move |vault| vault.load(&user)
        })
        .await?
    else {
        return Ok(());
    };
    inner
        .db(move |store| {
            store.set_owner(&user);
            store.take_over(&user)
        })
        .await?;
    let api = Api::new(&server, &inner.config.http)?.with_token(token);
    inner.set_session(Some(Session {
        api,
        account,
        paused: false,
    }));
    Ok(())
}
