//! The app's view of the engine: signals the screens read, kept fresh by one task that
//! follows pulse-client's change feed. Actions go straight to the engine; what they
//! change comes back through the feed, so every screen shows the same truth.

use std::time::Duration;

use dioxus::prelude::*;
use pulse_client::{
    AuthState, Change, Connectivity, Draft, Notification, OutboxItem, OutboxState, Pulse,
};
use pulse_protocol::wire::CaseSummary;
use tokio::sync::broadcast::error::RecvError;

/// How long a banner stays when nobody taps it.
const BANNER_TIME: Duration = Duration::from_secs(6);

/// Everything a screen reads, as signals. Copy: pass it anywhere.
#[derive(Clone, Copy)]
pub struct AppState {
    pulse: CopyValue<Pulse>,
    pub auth: Signal<AuthState>,
    pub connectivity: Signal<Connectivity>,
    pub outbox: Signal<Vec<OutboxItem>>,
    pub drafts: Signal<Vec<Draft>>,
    pub cases: Signal<Vec<CaseSummary>>,
    pub notifications: Signal<Vec<Notification>>,
    /// The notification shown as a banner right now.
    pub banner: Signal<Option<Notification>>,
    /// Bumped whenever a cached case changes, so an open case re-reads it.
    pub cases_changed: Signal<u64>,
}

impl AppState {
    /// Reads the engine's state once; call from a hook so the signals belong to the
    /// app's root.
    fn load(pulse: Pulse) -> AppState {
        AppState {
            auth: Signal::new(pulse.auth()),
            connectivity: Signal::new(*pulse.connectivity().borrow()),
            outbox: Signal::new(pulse.outbox().unwrap_or_default()),
            drafts: Signal::new(pulse.drafts().unwrap_or_default()),
            cases: Signal::new(pulse.cases().unwrap_or_default()),
            notifications: Signal::new(pulse.notifications().unwrap_or_default()),
            banner: Signal::new(None),
            cases_changed: Signal::new(0),
            pulse: CopyValue::new(pulse),
        }
    }

    /// The engine, for actions.
    pub fn pulse(&self) -> Pulse {
        self.pulse.read().clone()
    }

    /// Messages not yet accepted by the server (queued, sending or failed), oldest first.
    pub fn unsent_items(&self) -> Vec<OutboxItem> {
        self.outbox
            .read()
            .iter()
            .filter(|i| !matches!(i.state, OutboxState::Sent { .. }))
            .cloned()
            .collect()
    }

    /// How many messages wait to be sent.
    pub fn unsent(&self) -> usize {
        self.unsent_items().len()
    }

    pub fn unread(&self) -> usize {
        self.notifications.read().iter().filter(|n| !n.read).count()
    }

    fn apply(mut self, change: Change) {
        let pulse = self.pulse();
        match change {
            Change::Drafts => self.drafts.set(pulse.drafts().unwrap_or_default()),
            Change::Outbox => self.outbox.set(pulse.outbox().unwrap_or_default()),
            Change::Cases => {
                self.cases.set(pulse.cases().unwrap_or_default());
                *self.cases_changed.write() += 1;
            }
            Change::Notifications => self
                .notifications
                .set(pulse.notifications().unwrap_or_default()),
            Change::Notified(notification) => self.show_banner(notification),
            Change::Connectivity(now) => self.connectivity.set(now),
            Change::Auth => self.auth.set(pulse.auth()),
        }
    }

    fn reload(self) {
        for change in [
            Change::Drafts,
            Change::Outbox,
            Change::Cases,
            Change::Notifications,
            Change::Auth,
        ] {
            self.apply(change);
        }
        let mut connectivity = self.connectivity;
        connectivity.set(*self.pulse().connectivity().borrow());
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

/// Creates the app state for `pulse`, provides it to every screen, and keeps it fresh.
pub fn use_app_state(pulse: Pulse) -> AppState {
    let state = use_hook(|| AppState::load(pulse));
    use_context_provider(|| state);
    use_hook(|| {
        spawn(async move {
            let mut changes = state.pulse().changes();
            // Anything that happened between load and subscribe.
            state.reload();
            loop {
                match changes.recv().await {
                    Ok(change) => state.apply(change),
                    Err(RecvError::Lagged(_)) => state.reload(),
                    Err(RecvError::Closed) => return,
                }
            }
        })
    });
    state
}

/// The app state, from any screen.
pub fn use_app() -> AppState {
    use_context::<AppState>()
}
