//! pulse-client: everything on the phone that is not a screen — the local store, drafts,
//! the outbox and its sync worker, the HTTP client, the live event stream, notifications
//! and the credential vault.
//!
//! Its promise: what a partner writes is never lost and never sent twice, and every
//! change to their cases reaches them without asking. It must never hold Dioxus or any
//! screen logic, and never write the session token anywhere but the keychain.
//!
//! The app holds one [`Pulse`]: plain calls for what the partner does, and
//! [`Pulse::changes`] / [`Pulse::connectivity`] to learn what to redraw.
//!
//! ## The outbox, briefly
//! Send moves a draft into the outbox in one local transaction, under a fresh UUID that
//! is also the request's `Idempotency-Key`. One worker task sends items in order:
//! attachments first, then the message. A network error, a 5xx or a 429 keeps the item
//! queued and retries it later (exponential backoff with jitter, `Retry-After`
//! honoured); any other 4xx marks it failed with the server's code, to edit, retry or
//! discard, and the worker goes on with the next; a 401 pauses the queue until the
//! partner signs in again. An item interrupted while sending (the app was killed) is
//! sent again with the same key, and the server answers the first result.

pub mod api;
mod live;
pub mod model;
mod outbox;
pub mod rt;
pub mod sse;
pub mod store;
pub mod vault;

use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use pulse_protocol::input::{self, AttachmentKind, InputError, MessageBody};
use pulse_protocol::wire::{Account, CaseDetail, CaseSummary, NewReply, ResolutionAnswer};
use time::OffsetDateTime;
use tokio::sync::{Notify, broadcast, watch};
use uuid::Uuid;

pub use api::{Api, ApiError, HttpOptions, Token};
pub use model::*;
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
        // Jitter in [50 %, 100 %] keeps many phones from retrying in step.
        let jittered = exp.mul_f64(rand::random_range(0.5..=1.0));
        jittered.max(retry_after.unwrap_or_default())
    }
}

/// What a call can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("the message is not ready to send")]
    Incomplete(DraftProblems),
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

/// The signed-in account and its authorised client.
#[derive(Clone)]
struct Session {
    api: Api,
    account: Account,
    /// The server refused the token: nothing is sent until the partner signs in again.
    paused: bool,
}

pub(crate) struct Inner {
    store: Store,
    vault: Vault,
    config: ClientConfig,
    session: RwLock<Option<Session>>,
    changes: broadcast::Sender<Change>,
    connectivity: watch::Sender<Connectivity>,
    auth: watch::Sender<AuthState>,
    foreground: watch::Sender<bool>,
    outbox_wake: Notify,
    shutdown: watch::Sender<bool>,
}

impl Inner {
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
        let changed = self.connectivity.send_if_modified(|c| {
            let changed = *c != now;
            *c = now;
            changed
        });
        if changed {
            self.emit(Change::Connectivity(now));
        }
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
        let store = Store::open(&config.data_dir).await?;
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
            shutdown: watch::Sender::new(false),
            config,
        });
        restore_session(&inner)?;
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
                    code: "invalid_credentials".into(),
                    message: String::new(),
                    retry_after: None,
                }
                .into());
            }
            Err(e) => return Err(e.into()),
        };
        let token = Token::new(session.token);
        let previous: Option<Account> = self
            .inner
            .store
            .meta(META_ACCOUNT)?
            .and_then(|a| serde_json::from_str(&a).ok());
        if previous
            .as_ref()
            .is_some_and(|p| p.id != session.account.id)
            || self.inner.store.meta(META_SERVER)?.as_deref() != Some(api.base())
        {
            // Another account's cached cases are not this one's to see.
            self.inner.store.forget_account_cache()?;
        }
        self.inner
            .vault
            .save(&vault_user(api.base(), session.account.id), &token)?;
        self.inner.store.set_meta(META_SERVER, Some(api.base()))?;
        let account_json = serde_json::to_string(&session.account).unwrap_or_default();
        self.inner
            .store
            .set_meta(META_ACCOUNT, Some(&account_json))?;
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
        let _ = session.api.sign_out().await;
        self.inner
            .vault
            .delete(&vault_user(session.api.base(), session.account.id))?;
        self.inner.store.set_meta(META_ACCOUNT, None)?;
        self.inner.set_session(None);
        Ok(())
    }

    // ----- drafts -----

    /// Saves a draft (a new one when `id` is None) and returns it. Fast enough to call
    /// on every edit; the app debounces.
    pub fn save_draft(
        &self,
        id: Option<Uuid>,
        content: &DraftContent,
    ) -> Result<Draft, ClientError> {
        let draft = self
            .inner
            .store
            .save_draft(id.unwrap_or_else(Uuid::new_v4), content)?;
        self.inner.emit(Change::Drafts);
        Ok(draft)
    }

    pub fn draft(&self, id: Uuid) -> Result<Option<Draft>, ClientError> {
        Ok(self.inner.store.draft(id)?)
    }

    pub fn drafts(&self) -> Result<Vec<Draft>, ClientError> {
        Ok(self.inner.store.drafts()?)
    }

    /// Deletes a draft and the files only it carried.
    pub fn delete_draft(&self, id: Uuid) -> Result<(), ClientError> {
        if let Some(draft) = self.inner.store.draft(id)? {
            self.inner.store.delete_draft(id)?;
            for file in draft.content.files {
                self.remove_file(file)?;
            }
            self.inner.emit(Change::Drafts);
        }
        Ok(())
    }

    /// Keeps a copy of a photo or document in app storage, checked by its content.
    pub fn add_file(&self, bytes: &[u8]) -> Result<LocalFile, ClientError> {
        let kind = AttachmentKind::check_upload(bytes, input::MAX_ATTACHMENT_BYTES)?;
        let file = LocalFile {
            id: Uuid::new_v4(),
            media_type: kind.media_type().to_owned(),
            size: bytes.len() as u64,
            remote_id: None,
        };
        self.inner.store.add_file(&file, bytes)?;
        Ok(file)
    }

    pub fn file(&self, id: Uuid) -> Result<LocalFile, ClientError> {
        Ok(self.inner.store.file(id)?)
    }

    /// The bytes of a kept file, for a thumbnail.
    pub fn file_bytes(&self, id: Uuid) -> Result<Vec<u8>, ClientError> {
        Ok(self.inner.store.file_bytes(id)?)
    }

    pub fn remove_file(&self, id: Uuid) -> Result<(), ClientError> {
        self.inner.store.remove_file(id)?;
        Ok(())
    }

    // ----- the outbox -----

    /// Moves a draft into the outbox: checked as the server will check it, then queued
    /// under a fresh idempotency key in the same transaction that removes the draft.
    pub fn send_draft(&self, draft_id: Uuid) -> Result<OutboxItem, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let draft = self
            .inner
            .store
            .draft(draft_id)?
            .ok_or(StoreError::NotFound("draft"))?;
        let case = draft
            .content
            .to_request(OffsetDateTime::now_utc())
            .map_err(ClientError::Incomplete)?;
        let payload = OutboxPayload::NewCase {
            case: Box::new(case),
            files: draft.content.files.clone(),
            draft: Box::new(draft.content),
        };
        self.enqueue(session.account.id, payload, Some(draft_id))
    }

    /// Queues a reply on a case (offline like everything else).
    pub fn reply(
        &self,
        case_id: Uuid,
        body: &str,
        files: Vec<Uuid>,
    ) -> Result<OutboxItem, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let body = MessageBody::parse(body)?;
        input::check_attachment_count(files.len())?;
        let payload = OutboxPayload::Reply {
            case_id,
            reply: NewReply {
                body: body.into_string(),
                attachment_ids: Vec::new(),
            },
            files,
        };
        self.enqueue(session.account.id, payload, None)
    }

    /// Queues the partner's answer to an outcome: accept, or disagree with a comment.
    pub fn answer_resolution(
        &self,
        case_id: Uuid,
        accept: bool,
        comment: Option<&str>,
    ) -> Result<OutboxItem, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let comment = match (accept, comment) {
            (false, c) => Some(MessageBody::parse(c.unwrap_or(""))?.into_string()),
            (true, Some(c)) if !c.trim().is_empty() => Some(MessageBody::parse(c)?.into_string()),
            (true, _) => None,
        };
        let answer = ResolutionAnswer { accept, comment };
        let payload = OutboxPayload::Resolution { case_id, answer };
        self.enqueue(session.account.id, payload, None)
    }

    /// Queues a request for mediation on a disputed case.
    pub fn request_mediation(&self, case_id: Uuid) -> Result<OutboxItem, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        self.enqueue(
            session.account.id,
            OutboxPayload::Mediation { case_id },
            None,
        )
    }

    fn enqueue(
        &self,
        account_id: i64,
        payload: OutboxPayload,
        draft: Option<Uuid>,
    ) -> Result<OutboxItem, ClientError> {
        let item = self
            .inner
            .store
            .enqueue(Uuid::new_v4(), account_id, &payload, draft)?;
        if draft.is_some() {
            self.inner.emit(Change::Drafts);
        }
        self.inner.emit(Change::Outbox);
        self.inner.outbox_wake.notify_one();
        Ok(item)
    }

    /// Every outbox item, oldest first.
    pub fn outbox(&self) -> Result<Vec<OutboxItem>, ClientError> {
        Ok(self.inner.store.outbox()?)
    }

    pub fn outbox_item(&self, id: Uuid) -> Result<OutboxItem, ClientError> {
        Ok(self.inner.store.outbox_item(id)?)
    }

    /// Sends a failed item again.
    pub fn retry(&self, id: Uuid) -> Result<(), ClientError> {
        self.inner.store.retry(id)?;
        self.inner.emit(Change::Outbox);
        self.inner.outbox_wake.notify_one();
        Ok(())
    }

    /// Drops an unsent item (queued or failed) and the files only it carried.
    pub fn discard(&self, id: Uuid) -> Result<(), ClientError> {
        let item = self.inner.store.remove_unsent(id)?;
        for file in item.payload.files() {
            self.remove_file(*file)?;
        }
        self.inner.emit(Change::Outbox);
        Ok(())
    }

    /// Turns a failed new case back into a draft to fix; returns the draft.
    pub fn edit_failed(&self, id: Uuid) -> Result<Draft, ClientError> {
        let item = self.inner.store.outbox_item(id)?;
        let OutboxPayload::NewCase { draft, .. } = item.payload else {
            return Err(StoreError::NotFound("failed new case").into());
        };
        let draft_id = Uuid::new_v4();
        self.inner.store.failed_to_draft(id, draft_id, &draft)?;
        self.inner.emit(Change::Outbox);
        self.inner.emit(Change::Drafts);
        Ok(self
            .inner
            .store
            .draft(draft_id)?
            .ok_or(StoreError::NotFound("draft"))?)
    }

    // ----- cases -----

    /// Cached cases, newest activity first: readable offline.
    pub fn cases(&self) -> Result<Vec<CaseSummary>, ClientError> {
        Ok(self.inner.store.cases()?)
    }

    /// Fetches the first page of cases from the server into the cache.
    pub async fn refresh_cases(&self) -> Result<Vec<CaseSummary>, ClientError> {
        let session = self.inner.session().ok_or(ClientError::NotSignedIn)?;
        let result = session.api.cases(None).await;
        self.inner.observe(&result);
        self.inner.store.cache_cases(&result?.cases)?;
        self.inner.emit(Change::Cases);
        self.cases()
    }

    /// A case with its timeline: fresh from the server when it can be reached (which
    /// marks it read there), else from the cache.
    pub async fn open_case(&self, id: Uuid) -> Result<Option<CaseDetail>, ClientError> {
        if let Some(session) = self.inner.session() {
            let result = session.api.case(id).await;
            self.inner.observe(&result);
            match result {
                Ok(detail) => {
                    self.inner.store.cache_detail(&detail)?;
                    self.inner.emit(Change::Cases);
                }
                Err(e) if e.is_transient() || matches!(e, ApiError::Unauthorized) => {}
                Err(e) => return Err(e.into()),
            }
        }
        self.inner.store.mark_read(ReadScope::Case(id))?;
        self.inner.emit(Change::Notifications);
        Ok(self.inner.store.case(id)?)
    }

    /// The cached case without asking the server.
    pub fn cached_case(&self, id: Uuid) -> Result<Option<CaseDetail>, ClientError> {
        Ok(self.inner.store.case(id)?)
    }

    // ----- notifications -----

    pub fn notifications(&self) -> Result<Vec<Notification>, ClientError> {
        Ok(self.inner.store.notifications()?)
    }

    pub fn unread_notifications(&self) -> Result<u64, ClientError> {
        Ok(self.inner.store.unread_notifications()?)
    }

    pub fn mark_read(&self, scope: ReadScope) -> Result<(), ClientError> {
        self.inner.store.mark_read(scope)?;
        self.inner.emit(Change::Notifications);
        Ok(())
    }

    // ----- the partner's preferences -----

    /// A setting of the app's (the chosen language…), kept in the local store.
    pub fn preference(&self, key: &str) -> Result<Option<String>, ClientError> {
        Ok(self.inner.store.meta(&format!("pref.{key}"))?)
    }

    /// Remembers a setting; `None` forgets it.
    pub fn set_preference(&self, key: &str, value: Option<&str>) -> Result<(), ClientError> {
        Ok(self.inner.store.set_meta(&format!("pref.{key}"), value)?)
    }

    /// The account signed in (or waiting to sign in again), if any.
    pub fn account(&self) -> Option<Account> {
        self.inner.session().map(|s| s.account)
    }

    /// The server this phone talks to (or last talked to).
    pub fn server(&self) -> Option<String> {
        self.inner.store.meta(META_SERVER).ok().flatten()
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

    /// The live stream runs while the app is in the foreground.
    pub fn set_foreground(&self, foreground: bool) {
        self.inner.foreground.send_replace(foreground);
    }
}

fn vault_user(server: &str, account_id: i64) -> String {
    format!("{server}#{account_id}")
}

/// Brings back the session of the last run, if the keychain still has its token.
fn restore_session(inner: &Inner) -> Result<(), ClientError> {
    let (Some(server), Some(account)) = (
        inner.store.meta(META_SERVER)?,
        inner.store.meta(META_ACCOUNT)?,
    ) else {
        return Ok(());
    };
    let Ok(account) = serde_json::from_str::<Account>(&account) else {
        return Ok(());
    };
    let Some(token) = inner.vault.load(&vault_user(&server, account.id))? else {
        return Ok(());
    };
    let api = Api::new(&server, &inner.config.http)?.with_token(token);
    inner.set_session(Some(Session {
        api,
        account,
        paused: false,
    }));
    Ok(())
}
