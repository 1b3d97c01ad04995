//! One reader of the event log per instance, handing each new event to the open streams
//! of its partner (never an event only handlers see) and to every handler's stream. Without it every commit woke every stream into a query of its own:
//! with 2,000 idle streams, 2,000 queries per message. Now a commit costs one read here,
//! and only the streams of the partner whose case changed wake up.
//!
//! A stream subscribes before it reads the log, so an event committed after its read is
//! sure to reach its inbox, and one committed before is in what it read; it skips what it
//! has already had by event id. An inbox holds at most [`INBOX`] events: a stream that
//! falls that far behind (a client that does not read) is told it lagged and reads the
//! log itself from where it is, as it does when this reader cannot read the log.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use pulse_protocol::wire::CaseEvent;
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

use crate::store::Database;

/// Events an inbox keeps before its stream is told to read the log instead.
pub const INBOX: usize = 64;

/// How many events the reader takes from the log at a time.
const READ: u32 = 500;

/// The open streams' inboxes, by partner.
#[derive(Debug, Default)]
pub struct Feed {
    registry: Mutex<Registry>,
}

#[derive(Debug, Default)]
struct Registry {
    next: u64,
    by_partner: HashMap<i64, Vec<(u64, Arc<Inbox>)>>,
    /// Handlers' streams, which see every case.
    handlers: Vec<(u64, Arc<Inbox>)>,
}

/// Whose events a stream gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// One partner's, without what only handlers see.
    Partner(i64),
    /// Every case's, notes and assignments too.
    Handlers,
}

/// Where one stream's events wait for it.
#[derive(Debug, Default)]
pub struct Inbox {
    queue: Mutex<VecDeque<Arc<CaseEvent>>>,
    /// Set when events were dropped: the stream must read the log.
    lagged: AtomicBool,
    arrived: Notify,
}

impl Inbox {
    /// The oldest waiting event.
    pub fn pop(&self) -> Option<Arc<CaseEvent>> {
        lock(&self.queue).pop_front()
    }

    /// Whether events were dropped since the last call (and the stream must read the log).
    pub fn take_lagged(&self) -> bool {
        self.lagged.swap(false, Ordering::AcqRel)
    }

    /// Until something arrives (or arrived since the last wait).
    pub async fn arrived(&self) {
        self.arrived.notified().await;
    }

    fn push(&self, event: &Arc<CaseEvent>) {
        {
            let mut queue = lock(&self.queue);
            if queue.len() >= INBOX {
                queue.clear();
                self.lagged.store(true, Ordering::Release);
            } else {
                queue.push_back(event.clone());
            }
        }
        self.arrived.notify_one();
    }

    fn lag(&self) {
        self.lagged.store(true, Ordering::Release);
        self.arrived.notify_one();
    }
}

/// A stream's place in the feed; leaving it (on drop) removes its inbox.
#[derive(Debug)]
pub struct Subscription {
    feed: Arc<Feed>,
    audience: Audience,
    id: u64,
    pub inbox: Arc<Inbox>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut registry = self.feed.lock();
        match self.audience {
            Audience::Partner(partner_id) => {
                if let Some(list) = registry.by_partner.get_mut(&partner_id) {
                    list.retain(|(id, _)| *id != self.id);
                    if list.is_empty() {
                        registry.by_partner.remove(&partner_id);
                    }
                }
            }
            Audience::Handlers => registry.handlers.retain(|(id, _)| *id != self.id),
        }
    }
}

impl Feed {
    /// An inbox for a new stream of `partner_id`'s events.
    pub fn subscribe(self: &Arc<Feed>, partner_id: i64) -> Subscription {
        self.join(Audience::Partner(partner_id))
    }

    /// An inbox for a new stream of `audience`'s events.
    pub fn join(self: &Arc<Feed>, audience: Audience) -> Subscription {
        let inbox = Arc::new(Inbox::default());
        let mut registry = self.lock();
        registry.next += 1;
        let id = registry.next;
        let entry = (id, inbox.clone());
        match audience {
            Audience::Partner(partner_id) => registry
                .by_partner
                .entry(partner_id)
                .or_default()
                .push(entry),
            Audience::Handlers => registry.handlers.push(entry),
        }
        Subscription {
            feed: self.clone(),
            audience,
            id,
            inbox,
        }
    }

    /// Open streams, for the load test and the logs.
    pub fn subscribers(&self) -> usize {
        let registry = self.lock();
        registry.by_partner.values().map(Vec::len).sum::<usize>() + registry.handlers.len()
    }

    fn deliver(&self, partner_id: i64, event: CaseEvent) {
        let registry = self.lock();
        let event = Arc::new(event);
        if !event.kind.is_internal()
            && let Some(list) = registry.by_partner.get(&partner_id)
        {
            for (_, inbox) in list {
                inbox.push(&event);
            }
        }
        for (_, inbox) in &registry.handlers {
            inbox.push(&event);
        }
    }

    fn lag_all(&self) {
        let registry = self.lock();
        for (_, inbox) in registry.by_partner.values().flatten() {
            inbox.lag();
        }
        for (_, inbox) in &registry.handlers {
            inbox.lag();
        }
    }

    fn lock(&self) -> MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads every event committed from now on and hands it out, until the server stops.
    pub async fn run(self: Arc<Feed>, store: Arc<dyn Database>, shutdown: CancellationToken) {
        let mut wake = store.subscribe();
        let mut cursor = *wake.borrow_and_update();
        loop {
            match store.events_since(cursor, READ).await {
                Ok(events) => {
                    let full = events.len() == READ as usize;
                    for (partner_id, event) in events {
                        cursor = cursor.max(event.id);
                        self.deliver(partner_id, event);
                    }
                    // A full read may have left more behind it.
                    if full {
                        continue;
                    }
                }
                Err(error) => {
                    // The streams read the log themselves until it can be read here.
                    tracing::warn!(%error, "the event feed cannot read the log");
                    self.lag_all();
                    tokio::select! {
                        _ = tokio::time::sleep(Duration::from_secs(1)) => continue,
                        _ = shutdown.cancelled() => return,
                    }
                }
            }
            tokio::select! {
                changed = wake.changed() => if changed.is_err() { return },
                _ = shutdown.cancelled() => return,
            }
            wake.borrow_and_update();
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: i64) -> CaseEvent {
        serde_json::from_value(serde_json::json!({
            "id": id,
            "case_id": "00000000-0000-0000-0000-000000000001",
            "kind": "submitted",
            "status": "submitted",
            "at": "2026-01-01T00:00:00Z",
            "author": {"role": "partner", "name": "Anna"},
            "body": "Hello",
            "outcome": null,
            "expected_next": null,
        }))
        .expect("an event")
    }

    #[test]
    fn events_reach_only_their_partners_inboxes_and_leaving_removes_one() {
        let feed = Arc::new(Feed::default());
        let anna = feed.subscribe(1);
        let anna_too = feed.subscribe(1);
        let budi = feed.subscribe(2);
        feed.deliver(1, event(10));
        assert_eq!(anna.inbox.pop().map(|e| e.id), Some(10));
        assert_eq!(anna_too.inbox.pop().map(|e| e.id), Some(10));
        assert!(budi.inbox.pop().is_none());
        drop(anna_too);
        assert_eq!(feed.subscribers(), 2);
        drop((anna, budi));
        assert_eq!(feed.subscribers(), 0);
        assert!(feed.lock().by_partner.is_empty());
    }

    #[test]
    fn an_inbox_that_overflows_is_emptied_and_told_to_read_the_log() {
        let feed = Arc::new(Feed::default());
        let anna = feed.subscribe(1);
        for id in 1..=INBOX as i64 {
            feed.deliver(1, event(id));
        }
        assert!(!anna.inbox.take_lagged());
        feed.deliver(1, event(INBOX as i64 + 1));
        assert!(anna.inbox.take_lagged());
        assert!(!anna.inbox.take_lagged(), "told once");
        assert!(anna.inbox.pop().is_none());
        // Later events queue again.
        feed.deliver(1, event(100));
        assert_eq!(anna.inbox.pop().map(|e| e.id), Some(100));
    }

    #[test]
    fn handlers_get_every_event_and_partners_never_a_note() {
        let feed = Arc::new(Feed::default());
        let anna = feed.subscribe(1);
        let support = feed.join(Audience::Handlers);
        let mut note = event(11);
        note.kind = pulse_protocol::wire::EventKind::Note;
        feed.deliver(1, event(10));
        feed.deliver(1, note);
        feed.deliver(2, event(12));
        assert_eq!(anna.inbox.pop().map(|e| e.id), Some(10));
        assert!(
            anna.inbox.pop().is_none(),
            "a note never reaches the partner"
        );
        let seen: Vec<i64> = std::iter::from_fn(|| support.inbox.pop().map(|e| e.id)).collect();
        assert_eq!(seen, [10, 11, 12]);
        drop(support);
        assert!(feed.lock().handlers.is_empty());
    }
}
