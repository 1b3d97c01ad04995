//! The app's view of the engine: signals the screens read, kept fresh by one task that
//! follows pulse-client's change feed, and [`AppState::act`], the way a screen does what
//! the partner asks. Reads are pulse-client's async calls, never the disk in a render;
//! a read that fails is kept as a failure, so the screen shows an error rather than an
//! empty list. An action that fails is logged and becomes a notice in the partner's
//! language.

use std::collections::BTreeSet;
use std::fmt;
use std::future::Future;
use std::time::Duration;

use dioxus::prelude::*;
use pulse_client::{
    AuthState, Change, ClientError, Connectivity, Draft, Failure, Notification, OutboxItem,
    OutboxState, Pulse,
};
use pulse_protocol::wire::CaseSummary;
use tokio::sync::broadcast::error::{RecvError, TryRecvError};
use tokio::sync::oneshot;

/// How long a banner stays when nobody taps it.
const BANNER_TIME: Duration = Duration::from_secs(6);
/// How long a notice of a failed action stays when nobody closes it.
const NOTICE_TIME: Duration = Duration::from_secs(10);

/// Something read from the engine: not yet there, there, or failed.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Ready(T),
    Failed(ReadFailed),
}

impl<T> Loaded<T> {
    /// Keeps a read's result; a failure is logged once, here.
    fn of(result: Result<T, ClientError>, what: &'static str) -> Loaded<T> {
        match result {
            Ok(value) => Loaded::Ready(value),
            Err(error) => {
                tracing::error!(%error, what, "a read failed");
                Loaded::Failed(ReadFailed(error.failure()))
            }
        }
    }

    /// For a screen: the value, `None` while it loads, and a failure as the error that
    /// the screen's boundary shows (`?` it in a component).
    pub fn ready(&self) -> Result<Option<&T>, ReadFailed> {
        match self {
            Loaded::Loading => Ok(None),
            Loaded::Ready(value) => Ok(Some(value)),
            Loaded::Failed(failure) => Err(*failure),
        }
    }

    /// For what decorates a screen (a badge, a count): the value when there is one.
    pub fn get(&self) -> Option<&T> {
        match self {
            Loaded::Ready(value) => Some(value),
            _ => None,
        }
    }
}

/// A read that failed, as a screen throws it to its error boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadFailed(pub Failure);

impl fmt::Display for ReadFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not be read: {}", self.0.as_str())
    }
}

impl std::error::Error for ReadFailed {}

/// A failed action, shown until closed or for [`NOTICE_TIME`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notice {
    id: u64,
    pub failure: Failure,
}

/// Everything a screen reads, as signals. Copy: pass it anywhere.
#[derive(Clone, Copy)]
pub struct AppState {
    pulse: CopyValue<Pulse>,
    pub auth: Signal<AuthState>,
    pub connectivity: Signal<Connectivity>,
    pub outbox: Signal<Loaded<Vec<OutboxItem>>>,
    pub drafts: Signal<Loaded<Vec<Draft>>>,
    pub cases: Signal<Loaded<Vec<CaseSummary>>>,
    pub notifications: Signal<Loaded<Vec<Notification>>>,
    /// The notification shown as a banner right now.
    pub banner: Signal<Option<Notification>>,
    /// Bumped whenever a cached case changes, so an open case re-reads it.
    pub cases_changed: Signal<u64>,
    /// The last action that failed, while it is shown.
    pub notice: Signal<Option<Notice>>,
    notices: CopyValue<u64>,
}

/// The parts of the state a change names, each re-read once however often it is named.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Drafts,
    Outbox,
    Cases,
    Notifications,
    Auth,
}

impl AppState {
    /// Signals that belong to the app's root (call from a hook there); lists start as
    /// loading, and [`AppState::follow`] fills them in.
    fn new(pulse: Pulse) -> AppState {
        AppState {
            auth: Signal::new(pulse.auth()),
            connectivity: Signal::new(*pulse.connectivity().borrow()),
            outbox: Signal::new(Loaded::Loading),
            drafts: Signal::new(Loaded::Loading),
            cases: Signal::new(Loaded::Loading),
            notifications: Signal::new(Loaded::Loading),
            banner: Signal::new(None),
            cases_changed: Signal::new(0),
            notice: Signal::new(None),
            notices: CopyValue::new(0),
            pulse: CopyValue::new(pulse),
        }
    }

    /// The engine, for reads a screen makes itself and for [`AppState::act`].
    pub fn pulse(&self) -> Pulse {
        self.pulse.read().clone()
    }

    /// The account signed in (or asked to sign in again), if any.
    pub fn account(&self) -> Option<pulse_protocol::wire::Account> {
        match &*self.auth.read() {
            AuthState::SignedIn(a) | AuthState::SignInAgain(a) => Some(a.clone()),
            AuthState::SignedOut => None,
        }
    }

    /// Messages not yet accepted by the server (queued, sending or failed), oldest
    /// first, once the outbox has been read.
    pub fn unsent_items(&self) -> Option<Vec<OutboxItem>> {
        self.outbox.read().get().map(|items| unsent(items))
    }

    /// How many messages wait to be sent, as far as is known.
    pub fn unsent(&self) -> usize {
        self.unsent_items().map_or(0, |items| items.len())
    }

    pub fn unread(&self) -> usize {
        self.notifications
            .read()
            .get()
            .map_or(0, |all| all.iter().filter(|n| !n.read).count())
    }

    /// Does what the partner asked for, in the background: `work` gets the engine,
    /// `done` the result. The work outlives the screen that asked (a partner who taps and
    /// moves on still gets it done, or told why not); `done` runs only while that
    /// screen is there. A failure is logged and shown as a notice in the partner's
    /// language; the screen stays as it was.
    pub fn act<T, F>(
        self,
        action: &'static str,
        work: impl FnOnce(Pulse) -> F + 'static,
        done: impl FnOnce(T) + 'static,
    ) where
        T: 'static,
        F: Future<Output = Result<T, ClientError>> + 'static,
    {
        let pulse = self.pulse();
        let (finished, result) = oneshot::channel();
        dioxus::core::spawn_forever(async move {
            match work(pulse).await {
                Ok(value) => {
                    if finished.send(value).is_err() {
                        tracing::debug!(action, "done after its screen closed");
                    }
                }
                Err(error) => self.failed(action, &error),
            }
        });
        spawn(async move {
            if let Ok(value) = result.await {
                done(value);
            }
        });
    }

    /// Tells the partner that `action` did not work, and why.
    pub fn failed(mut self, action: &'static str, error: &ClientError) {
        tracing::warn!(action, %error, "an action failed");
        let id = {
            let mut count = self.notices;
            *count.write() += 1;
            *count.read()
        };
        self.notice.set(Some(Notice {
            id,
            failure: error.failure(),
        }));
        let mut notice = self.notice;
        // The app's own clock, whichever screen the failure came from.
        dioxus::core::spawn_forever(async move {
            pulse_client::rt::sleep(NOTICE_TIME).await;
            if notice.peek().is_some_and(|n| n.id == id) {
                notice.set(None);
            }
        });
    }

    /// Re-reads everything (at start, after the feed fell behind, on "try again").
    pub async fn reload(self) {
        for part in [
            Part::Drafts,
            Part::Outbox,
            Part::Cases,
            Part::Notifications,
            Part::Auth,
        ] {
            self.refresh(part).await;
        }
        let mut connectivity = self.connectivity;
        connectivity.set(*self.pulse().connectivity().borrow());
    }

    async fn refresh(mut self, part: Part) {
        let pulse = self.pulse();
        match part {
            Part::Drafts => self.drafts.set(Loaded::of(pulse.drafts().await, "drafts")),
            Part::Outbox => self.outbox.set(Loaded::of(pulse.outbox().await, "outbox")),
            Part::Cases => {
                self.cases.set(Loaded::of(pulse.cases().await, "cases"));
                *self.cases_changed.write() += 1;
            }
            Part::Notifications => self
                .notifications
                .set(Loaded::of(pulse.notifications().await, "notifications")),
            Part::Auth => self.auth.set(pulse.auth()),
        }
    }

    /// Follows the engine's changes for as long as the app runs.
    async fn follow(self) {
        let mut changes = self.pulse().changes();
        // Subscribed first, so nothing between this read and the feed is missed.
        self.reload().await;
        loop {
            let mut batch = match changes.recv().await {
                Ok(change) => vec![change],
                Err(RecvError::Lagged(_)) => {
                    self.reload().await;
                    continue;
                }
                Err(RecvError::Closed) => return,
            };
            // A drain of the outbox sends hundreds of changes: read each part once.
            let mut lagged = false;
            loop {
                match changes.try_recv() {
                    Ok(change) => batch.push(change),
                    Err(TryRecvError::Lagged(_)) => lagged = true,
                    Err(_) => break,
                }
            }
            if lagged {
                self.reload().await;
                continue;
            }
            let mut parts = BTreeSet::new();
            for change in batch {
                match change {
                    Change::Drafts => parts.insert(Part::Drafts),
                    Change::Outbox => parts.insert(Part::Outbox),
                    Change::Cases => parts.insert(Part::Cases),
                    Change::Notifications => parts.insert(Part::Notifications),
                    Change::Auth => parts.insert(Part::Auth),
                    Change::Notified(notification) => {
                        self.show_banner(notification);
                        false
                    }
                    Change::Connectivity(now) => {
                        let mut connectivity = self.connectivity;
                        connectivity.set(now);
                        false
                    }
                };
            }
            for part in parts {
                self.refresh(part).await;
            }
        }
    }

    fn show_banner(mut self, notification: Notification) {
        let id = notification.event.id;
        self.banner.set(Some(notification));
        let mut banner = self.banner;
        spawn(async move {
            pulse_client::rt::sleep(BANNER_TIME).await;
            if banner.peek().as_ref().is_some_and(|n| n.event.id == id) {
                banner.set(None);
            }
        });
    }
}

/// The items of `outbox` the server does not have yet, oldest first.
pub fn unsent(outbox: &[OutboxItem]) -> Vec<OutboxItem> {
    outbox
        .iter()
        .filter(|i| !matches!(i.state, OutboxState::Sent { .. }))
        .cloned()
        .collect()
}

/// Creates the app state for `pulse`, provides it to every screen, and keeps it fresh.
pub fn use_app_state(pulse: Pulse) -> AppState {
    let state = use_hook(|| AppState::new(pulse));
    use_context_provider(|| state);
    use_hook(|| spawn(state.follow()));
    state
}

/// The app state, from any screen.
pub fn use_app() -> AppState {
    use_context::<AppState>()
}
