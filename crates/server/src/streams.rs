//! The open event streams of this instance, by the session they were opened with, so
//! that a session that ends ends its streams within a second: signed out on this
//! instance (at once), on another instance or everywhere, or expired (found by a check
//! every second that asks the store about every session with an open stream, in one
//! statement per 500 sessions, however many streams there are).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::app::AppState;

/// How often the sessions behind open streams are checked.
pub const SESSION_CHECK: Duration = Duration::from_secs(1);

#[derive(Debug, Default)]
pub struct Streams {
    open: Mutex<HashMap<[u8; 32], Entry>>,
}

#[derive(Debug)]
struct Entry {
    account_id: i64,
    ended: CancellationToken,
    streams: usize,
}

/// Held by one open stream; `ended` is cancelled when its session ends.
#[derive(Debug)]
pub struct StreamGuard {
    streams: Arc<Streams>,
    token_hash: [u8; 32],
    pub ended: CancellationToken,
}

impl Streams {
    /// Registers a stream of `token_hash`'s session.
    pub fn open(self: &Arc<Streams>, token_hash: [u8; 32], account_id: i64) -> StreamGuard {
        let mut open = self.lock();
        let entry = open.entry(token_hash).or_insert_with(|| Entry {
            account_id,
            ended: CancellationToken::new(),
            streams: 0,
        });
        entry.streams += 1;
        StreamGuard {
            streams: self.clone(),
            token_hash,
            ended: entry.ended.clone(),
        }
    }

    /// Ends the streams of one session.
    pub fn end(&self, token_hash: &[u8; 32]) {
        if let Some(entry) = self.lock().get(token_hash) {
            entry.ended.cancel();
        }
    }

    /// Ends the streams of every session of an account.
    pub fn end_account(&self, account_id: i64) {
        for entry in self.lock().values() {
            if entry.account_id == account_id {
                entry.ended.cancel();
            }
        }
    }

    /// How many streams an account holds open on this instance.
    pub fn count(&self, account_id: i64) -> usize {
        self.lock()
            .values()
            .filter(|e| e.account_id == account_id && !e.ended.is_cancelled())
            .map(|e| e.streams)
            .sum()
    }

    /// The sessions with a stream open and not yet ended.
    fn sessions(&self) -> Vec<[u8; 32]> {
        self.lock()
            .iter()
            .filter(|(_, e)| !e.ended.is_cancelled())
            .map(|(hash, _)| *hash)
            .collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<[u8; 32], Entry>> {
        // The map stays consistent at every step, so a panic elsewhere leaves it usable.
        self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for StreamGuard {
    fn drop(&mut self) {
        let mut open = self.streams.lock();
        if let Some(entry) = open.get_mut(&self.token_hash) {
            entry.streams -= 1;
            if entry.streams == 0 {
                open.remove(&self.token_hash);
            }
        }
    }
}

/// Every [`SESSION_CHECK`], ends the streams whose session has ended elsewhere or
/// expired. A store that cannot answer ends nothing: the next check asks again.
pub async fn end_streams_of_ended_sessions(state: AppState) {
    let mut tick = tokio::time::interval(SESSION_CHECK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = state.shutdown().cancelled() => return,
        }
        let sessions = state.streams().sessions();
        if sessions.is_empty() {
            continue;
        }
        match state
            .store()
            .live_sessions(&sessions, state.limits().sessions)
            .await
        {
            Ok(live) => {
                for hash in sessions.iter().filter(|h| !live.contains(h)) {
                    state.streams().end(hash);
                }
            }
            Err(error) => tracing::warn!(%error, "checking the sessions of open streams"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_ends_its_streams_and_is_forgotten_when_they_close() {
        let streams = Arc::new(Streams::default());
        let a = streams.open([1; 32], 7);
        let b = streams.open([1; 32], 7);
        let other = streams.open([2; 32], 8);
        assert_eq!(streams.count(7), 2);
        streams.end(&[1; 32]);
        assert!(a.ended.is_cancelled() && b.ended.is_cancelled());
        assert!(!other.ended.is_cancelled());
        assert_eq!(streams.count(7), 0);
        assert_eq!(streams.sessions(), vec![[2; 32]]);
        drop((a, b));
        streams.end_account(8);
        assert!(other.ended.is_cancelled());
        drop(other);
        assert!(streams.lock().is_empty());
    }
}
