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
//!
//! While the app is closed, changes reach the partner as the OS's notifications: the
//! app subscribes with the platform (Web Push, FCM, APNs) and hands the subscription to
//! [`Pulse::register_device`], which registers it with the server and remembers the
//! device for the account. From then on the live stream names the device and says
//! whether the app is on screen ([`Pulse::set_visible`]): the server sends no push to a
//! device that shows the change itself.

pub mod api;
mod live;
pub mod model;
pub mod outbox;
pub mod photo;
pub mod rt;
pub mod store;
pub mod vault;

use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use pulse_protocol::ErrorCode;
use pulse_protocol::input::{self, AttachmentKind, InputError};
use pulse_protocol::push::{Device, NewDevice, PushConfig};
use pulse_protocol::request::CaseProblems;
use pulse_protocol::wire::{Account, AttachmentRef, CaseDetail, CaseSummary};
use tokio::sync::{Notify, broadcast, watch};
use uuid::Uuid;

pub use api::{Api, ApiError, HttpOptions, Presence, Token};
pub use model::*;
pub use outbox::{OutboxItem, OutboxPayload, OutboxState, Unqueued};
pub use store::{ReadScope, Store, StoreError, Unsent};
pub use vault::{Vault, VaultError};

/// What signing out does with what the account has not sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnSignOut {
    /// Kept on the device for the account's next sign-in; no other account sees it.
    Keep,
    /// Deleted: drafts, waiting and failed messages, and their photos.
    Discard,
}

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
    /// A photo that cannot be made safe to send (unreadable, or too many pixels).
    #[error("the photo cannot be used ({0:?})")]
    Photo(ErrorCode),
}

impl ClientError {
    /// Why, in terms the app can put in the partner's language.
    pub fn failure(&self) -> Failure {
        match self {
            ClientError::Incomplete(problems) => Failure::Refused(problems.first().code()),
            ClientError::Input(error) => Failure::Refused(error.code()),
            ClientError::Api(error) => error.failure(),
            ClientError::Store(StoreError::NotFound(_)) => Failure::Refused(ErrorCode::NotFound),
            ClientError::Store(StoreError::OnItsWay) => Failure::OnItsWay,
            ClientError::Store(_) | ClientError::Vault(_) => Failure::Storage,
            ClientError::NotSignedIn => Failure::Refused(ErrorCode::Unauthorized),
            ClientError::Photo(code) => Failure::Refused(*code),
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

impl Session {
    /// Whose data on the device this session's answers are (`server#account`).
    fn owner(&self) -> String {
        vault_user(self.api.base(), self.account.id)
    }
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
    /// What the live stream tells the server about this device.
    on_screen: watch::Sender<OnScreen>,
    outbox_wake: Notify,
    /// The network came back (or the app did): what waits out a network failure's
    /// backoff goes now.
    network_back: std::sync::atomic::AtomicBool,
    shutdown: watch::Sender<bool>,
}

/// Whether the app is on screen, and the push target this device registered for the
/// signed-in account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OnScreen {
    visible: bool,
    device: Option<Uuid>,
}

impl OnScreen {
    /// What the stream says: nothing without a push target (the server has nothing to
    /// hold back then).
    pub(crate) fn presence(self) -> Option<Presence> {
        self.device.map(|device| Presence {
            device,
            visible: self.visible,
        })
    }
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

    /// The signed-in account's push target, as the stream names it from now on.
    fn set_push_device(&self, device: Option<Uuid>) {
        self.on_screen.send_if_modified(|now| {
            let changed = now.device != device;
            now.device = device;
            changed
        });
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
            Err(ApiError::Network | ApiError::Unreached) => self.saw_network(false),
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
const META_CASES_NEXT: &str = "cases_next";

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
            on_screen: watch::Sender::new(OnScreen {
                visible: true,
                device: None,
            }),
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
        self.adopt(api, session).await
    }

    /// Keeps a session the server gave (signing in, or choosing a password with a
    /// link): the token in the keychain, the account's own data on the phone.
    async fn adopt(
        &self,
        api: Api,
        session: pulse_protocol::wire::Session,
    ) -> Result<Account, ClientError> {
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
                // A new session has no push target yet: the server dropped the last
                // session's with it.
                store.set_push_device(&owner, None)?;
                store.set_meta(META_SERVER, Some(&server))?;
                store.set_meta(META_ACCOUNT, Some(&account_json))
            })
            .await?;
        self.inner.set_push_device(None);
        self.inner.set_session(Some(Session {
            api: api.with_token(token),
            account: session.account.clone(),
            paused: false,
        }));
        self.inner.outbox_wake.notify_one();
        Ok(session.account)
    }

    /// "Forgot your password?": asks `server` to e-mail a reset link to `email`. The
    /// server answers alike whether an account has that address or not.
    pub async fn request_password_reset(
        &self,
        server: &str,
        email: &str,
    ) -> Result<(), ClientError> {
        let api = Api::new(server, &self.inner.config.http)?;
        let result = api.request_reset(email.trim()).await;
        self.inner.observe(&result);
        Ok(result?)
    }

    /// What a link from an e-mail is for and whose it is, without using it.
    pub async fn check_link(
        &self,
        server: &str,
        token: &str,
    ) -> Result<pulse_protocol::wire::LinkInfo, ClientError> {
        let api = Api::new(server, &self.inner.config.http)?;
        let result = api.check_link(token).await;
        self.inner.observe(&result);
        Ok(result?)
    }

    /// Chooses a password with a link from an e-mail (an invitation or a reset) and
    /// signs in with it, as [`Pulse::sign_in`] does.
    pub async fn choose_password(
        &self,
        server: &str,
        token: &str,
        password: &str,
    ) -> Result<Account, ClientError> {
        let api = Api::new(server, &self.inner.config.http)?;
        let result = api.choose_password(token, password).await;
        self.inner.observe(&result);
        let session = result?;
        self.adopt(api, session).await
    }

    /// A new password for the signed-in account, given the current one; the account's
    /// other devices are signed out, this one goes on.
    pub async fn change_password(&self, current: &str, new: &str) -> Result<(), ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let result = session.api.change_password(current, new).await;
        self.inner.observe(&result);
        Ok(result?)
    }

    /// Signs out on every device of the account, this one too; what this device has
    /// not sent stays for the next sign-in, as [`OnSignOut::Keep`] keeps it.
    pub async fn sign_out_everywhere(&self) -> Result<(), ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let result = session.api.sign_out_everywhere().await;
        self.inner.observe(&result);
        result?;
        self.sign_out(OnSignOut::Keep).await
    }

    /// What this account has not sent (drafts, waiting and failed messages): signing
    /// out with any asks what should become of them.
    pub async fn unsent(&self) -> Result<Unsent, ClientError> {
        self.inner.session().ok_or(ClientError::NotSignedIn)?;
        Ok(self.inner.db(|store| store.unsent()).await?)
    }

    /// Signs out: the token is revoked (when the server can be reached) and forgotten,
    /// and the account's cached cases, notifications and sent items go with their
    /// photos. With [`OnSignOut::Keep`] its drafts and unsent messages stay, under its
    /// name, for when it signs in again (no other account sees them); with
    /// [`OnSignOut::Discard`] they go too.
    pub async fn sign_out(&self, unsent: OnSignOut) -> Result<(), ClientError> {
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
        self.inner.set_push_device(None);
        let discard = unsent == OnSignOut::Discard;
        self.inner
            .db(move |store| {
                store.leave(discard)?;
                store.set_owner("");
                store.set_meta(META_ACCOUNT, None)
            })
            .await?;
        self.inner.emit(Change::Cases);
        self.inner.emit(Change::Notifications);
        self.inner.emit(Change::Drafts);
        self.inner.emit(Change::Outbox);
        Ok(())
    }

    /// "Send first": keeps the session until nothing waits in the outbox (a failed
    /// message does not wait: it is kept), telling `progress` how many still do, then
    /// signs out keeping what is left. Cancelled by dropping the future: the partner
    /// stays signed in and the outbox goes on.
    pub async fn send_then_sign_out(
        &self,
        mut progress: impl FnMut(usize),
    ) -> Result<(), ClientError> {
        let mut changes = self.changes();
        self.inner.outbox_wake.notify_one();
        loop {
            let waiting = self.unsent().await?.waiting;
            progress(waiting);
            // Nothing more can go while the server refuses the session: what waits is
            // kept, as with "keep".
            let paused = self.inner.session().is_none_or(|s| s.paused);
            if waiting == 0 || paused {
                break;
            }
            // Each change of the outbox, or a look every second all the same.
            let watched = rt::timeout(Duration::from_secs(1), async {
                loop {
                    match changes.recv().await {
                        Ok(Change::Outbox) | Err(broadcast::error::RecvError::Lagged(_)) => {
                            return true;
                        }
                        Ok(_) => {}
                        Err(broadcast::error::RecvError::Closed) => return false,
                    }
                }
            })
            .await;
            if watched == Ok(false) {
                return Err(StoreError::Closed.into());
            }
        }
        self.sign_out(OnSignOut::Keep).await
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

    /// Keeps what the partner is writing on a case (the reply box, or the comment on an
    /// outcome): call it on every edit, like [`Pulse::save_draft`]. Empty, it is gone.
    pub async fn save_case_draft(
        &self,
        case_id: Uuid,
        kind: CaseDraftKind,
        draft: &CaseDraft,
    ) -> Result<(), ClientError> {
        self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let draft = draft.clone();
        Ok(self
            .inner
            .db(move |store| store.save_case_draft(case_id, kind, &draft))
            .await?)
    }

    /// What the partner was writing on a case, as it was left (a killed app included).
    pub async fn case_draft(
        &self,
        case_id: Uuid,
        kind: CaseDraftKind,
    ) -> Result<Option<CaseDraft>, ClientError> {
        Ok(self
            .inner
            .db(move |store| store.case_draft(case_id, kind))
            .await?)
    }

    /// Keeps a copy of a photo or document in app storage, checked by its content; a
    /// photo made fit to send first (upright, no metadata, 2048 px at most: see
    /// [`photo`]). Takes a moment for a large photo, on a worker thread.
    pub async fn add_file(&self, bytes: &[u8]) -> Result<LocalFile, ClientError> {
        self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let kind = AttachmentKind::check_upload(bytes, input::MAX_ATTACHMENT_BYTES)?;
        let (bytes, kind) = photo::prepare(bytes.to_vec(), kind)
            .await
            .map_err(ClientError::Photo)?;
        // Prepared, a photo is nearly always smaller; one that grew is held to the limit.
        if bytes.len() > input::MAX_ATTACHMENT_BYTES {
            return Err(InputError::AttachmentTooLarge(input::MAX_ATTACHMENT_BYTES).into());
        }
        let file = LocalFile {
            id: Uuid::new_v4(),
            media_type: kind.media_type().to_owned(),
            size: bytes.len() as u64,
            remote_id: None,
        };
        let kept = file.clone();
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

    /// A photo or document on a case, for its timeline: the phone's own copy when it
    /// has one (it sent it, or showed it before: readable offline), else downloaded
    /// once and kept. What comes back must be the kind the server said it is.
    pub async fn attachment(
        &self,
        case_id: Uuid,
        attachment: &AttachmentRef,
    ) -> Result<Vec<u8>, ClientError> {
        let remote = attachment.id;
        if let Some(bytes) = self
            .inner
            .db(move |store| store.remote_file_bytes(remote))
            .await?
        {
            return Ok(bytes);
        }
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let owner = session.owner();
        let result = session.api.attachment(case_id, remote).await;
        self.inner.observe(&result);
        let bytes = result?;
        let kind = AttachmentKind::check_upload(&bytes, input::MAX_ATTACHMENT_BYTES)?;
        if kind.media_type() != attachment.media_type {
            return Err(ApiError::Unexpected.into());
        }
        let file = LocalFile {
            id: Uuid::new_v4(),
            media_type: attachment.media_type.clone(),
            size: bytes.len() as u64,
            remote_id: Some(remote),
        };
        let kept = bytes.clone();
        self.inner
            .db(move |store| store.add_downloaded(&owner, &file, &kept))
            .await?;
        Ok(bytes)
    }

    pub async fn remove_file(&self, id: Uuid) -> Result<(), ClientError> {
        Ok(self.inner.db(move |store| store.remove_file(id)).await?)
    }

    // ----- cases -----

    /// Cached cases, newest activity first: readable offline.
    pub async fn cases(&self) -> Result<Vec<CaseSummary>, ClientError> {
        Ok(self.inner.db(|store| store.cases()).await?)
    }

    /// Fetches the first page of cases from the server into the cache; older pages
    /// come with [`Pulse::more_cases`].
    pub async fn refresh_cases(&self) -> Result<Vec<CaseSummary>, ClientError> {
        self.fetch_cases(None).await?;
        self.cases().await
    }

    /// Whether the server has older cases than the cache holds (the list offers more).
    pub async fn has_more_cases(&self) -> Result<bool, ClientError> {
        Ok(self
            .inner
            .db(|store| store.meta(META_CASES_NEXT))
            .await?
            .is_some())
    }

    /// Fetches the next page of older cases into the cache, as the partner scrolls
    /// past the last; returns whether there are more still.
    pub async fn more_cases(&self) -> Result<bool, ClientError> {
        let Some(cursor) = self.inner.db(|store| store.meta(META_CASES_NEXT)).await? else {
            return Ok(false);
        };
        self.fetch_cases(Some(cursor)).await
    }

    /// One page into the cache; where the next begins is kept for [`Pulse::more_cases`]
    /// (the first page starts the count again, so a refresh never skips a page).
    async fn fetch_cases(&self, cursor: Option<String>) -> Result<bool, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let owner = session.owner();
        let first = cursor.is_none();
        let result = session.api.cases(cursor.as_deref()).await;
        self.inner.observe(&result);
        let page = result?;
        let more = page.next_cursor.is_some();
        self.inner
            .db(move |store| {
                if !store.cache_cases(&owner, &page.cases)? {
                    return Ok(());
                }
                // A refresh does not forget how far the partner had scrolled.
                if first && store.meta(META_CASES_NEXT)?.is_some() && page.next_cursor.is_some() {
                    return Ok(());
                }
                store.set_meta(META_CASES_NEXT, page.next_cursor.as_deref())
            })
            .await?;
        self.inner.emit(Change::Cases);
        Ok(more)
    }

    /// The cached cases that `query` finds in their messages' words, reservation number
    /// or case number (see [`Store::search_cases`]); works offline. The app adds the
    /// cases whose topic, in the partner's language, matches.
    pub async fn search_cases(&self, query: &str) -> Result<Vec<Uuid>, ClientError> {
        let query = query.to_owned();
        Ok(self
            .inner
            .db(move |store| store.search_cases(&query))
            .await?)
    }

    /// A case with its timeline: fresh from the server when it can be reached (which
    /// marks it read there), else from the cache.
    pub async fn open_case(&self, id: Uuid) -> Result<Option<CaseDetail>, ClientError> {
        if let Some(session) = self.inner.session() {
            let owner = session.owner();
            let result = session.api.case(id).await;
            self.inner.observe(&result);
            match result {
                Ok(detail) => {
                    self.inner
                        .db(move |store| store.cache_detail(&owner, &detail))
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

    // ----- notifications while the app is closed (push) -----

    /// What the server needs a device to subscribe with (its VAPID key) and which
    /// kinds of push it sends.
    pub async fn push_config(&self) -> Result<PushConfig, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let result = session.api.push_config().await;
        self.inner.observe(&result);
        Ok(result?)
    }

    /// Registers this device's push target (a browser's subscription, a phone's token)
    /// for the signed-in account, and remembers it: the live stream names it from now
    /// on. Registering the same target again updates it (its language, say) and keeps
    /// its id. The server forgets it when this session ends.
    pub async fn register_device(&self, device: &NewDevice) -> Result<Device, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let owner = session.owner();
        let result = session.api.register_device(device).await;
        self.inner.observe(&result);
        let device = result?;
        let id = device.id;
        let kept = self
            .inner
            .db(move |store| store.set_push_device(&owner, Some(id)))
            .await?;
        // Signed out while the answer came: the server drops it with the session.
        if !kept {
            return Err(ClientError::NotSignedIn);
        }
        self.inner.set_push_device(Some(id));
        Ok(device)
    }

    /// The push target this device registered for the signed-in account, if any.
    pub fn push_device(&self) -> Option<Uuid> {
        self.inner.on_screen.borrow().device
    }

    /// Every push target of the account, this device's among them.
    pub async fn devices(&self) -> Result<Vec<Device>, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let result = session.api.devices().await;
        self.inner.observe(&result);
        Ok(result?)
    }

    /// Removes a push target of the account (one already gone is fine); this device's
    /// is forgotten here too. Nothing changes when the server cannot be reached.
    pub async fn remove_device(&self, id: Uuid) -> Result<(), ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let owner = session.owner();
        let result = session.api.remove_device(id).await;
        self.inner.observe(&result);
        match result {
            Ok(()) => {}
            Err(ApiError::Server {
                code: ErrorCode::NotFound,
                ..
            }) => {}
            Err(error) => return Err(error.into()),
        }
        if self.push_device() == Some(id)
            && self
                .inner
                .db(move |store| store.set_push_device(&owner, None))
                .await?
        {
            self.inner.set_push_device(None);
        }
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

    /// Whether the app is on screen (in a browser, whether its tab is visible). With a
    /// push target registered, the live stream says so, and opens again when it changes:
    /// the server holds pushes back from a device that shows the change itself. Coming
    /// back is a moment to try what the network held back, as in
    /// [`Pulse::set_foreground`].
    pub fn set_visible(&self, visible: bool) {
        self.inner.on_screen.send_if_modified(|now| {
            let changed = now.visible != visible;
            now.visible = visible;
            changed
        });
        if visible {
            self.inner.network_back();
        }
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
    let device = inner
        .db(move |store| {
            store.set_owner(&user);
            store.take_over(&user)?;
            store.push_device()
        })
        .await?;
    inner.set_push_device(device);
    let api = Api::new(&server, &inner.config.http)?.with_token(token);
    inner.set_session(Some(Session {
        api,
        account,
        paused: false,
    }));
    Ok(())
}
