//! The sign-in throttle: wrong passwords for one address from one client address
//! make the next attempt wait longer and longer (1 s after the third, doubling up to
//! 60 s). It never locks an account: the partner signs in from another address at
//! once, and a stranger guessing from elsewhere slows only themselves. Kept in
//! memory per instance; the rate limit per client address (in the store, shared by
//! instances) still bounds attempts overall.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Failures allowed before any delay.
const FREE_FAILURES: u32 = 3;
/// The longest delay.
const MAX_DELAY: Duration = Duration::from_secs(60);
/// A pair with no failure for this long is forgotten.
const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Default)]
pub struct SignInThrottle {
    pairs: Mutex<HashMap<(String, IpAddr), Failures>>,
}

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

impl SignInThrottle {
    /// How long `email` from `ip` must still wait before its next attempt, if at all.
    pub fn wait(&self, email_key: &str, ip: IpAddr) -> Option<Duration> {
        let pairs = self.lock();
        let failures = pairs.get(&(email_key.to_owned(), ip))?;
        let until = failures.last + delay(failures.count);
        until
            .checked_duration_since(Instant::now())
            .filter(|d| !d.is_zero())
    }

    /// Records a wrong password.
    pub fn failed(&self, email_key: &str, ip: IpAddr) {
        let mut pairs = self.lock();
        let entry = pairs.entry((email_key.to_owned(), ip)).or_insert(Failures {
            count: 0,
            last: Instant::now(),
        });
        entry.count = entry.count.saturating_add(1);
        entry.last = Instant::now();
    }

    /// A right password clears the pair's failures.
    pub fn succeeded(&self, email_key: &str, ip: IpAddr) {
        self.lock().remove(&(email_key.to_owned(), ip));
    }

    /// Forgets pairs quiet for a while (called by the minute's tidy-up).
    pub fn forget_quiet(&self) {
        self.lock()
            .retain(|_, failures| failures.last.elapsed() < FORGET_AFTER);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(String, IpAddr), Failures>> {
        self.pairs.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The wait after `count` failures: none for the first three, then 1, 2, 4… s.
fn delay(count: u32) -> Duration {
    if count < FREE_FAILURES {
        return Duration::ZERO;
    }
    let doublings = (count - FREE_FAILURES).min(6);
    Duration::from_secs(1u64 << doublings).min(MAX_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delay_doubles_to_a_minute_and_stays_there() {
        let waits: Vec<u64> = (0..12).map(|n| delay(n).as_secs()).collect();
        assert_eq!(waits, [0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }

    #[test]
    fn failures_slow_one_pair_and_nobody_else() {
        let throttle = SignInThrottle::default();
        let here: IpAddr = "192.0.2.1".parse().unwrap();
        let there: IpAddr = "192.0.2.2".parse().unwrap();
        for _ in 0..3 {
            assert_eq!(throttle.wait("anna@hotel.nl", here), None);
            throttle.failed("anna@hotel.nl", here);
        }
        assert!(throttle.wait("anna@hotel.nl", here).is_some());
        assert_eq!(
            throttle.wait("anna@hotel.nl", there),
            None,
            "another address"
        );
        assert_eq!(
            throttle.wait("budi@hotel.id", here),
            None,
            "another account"
        );
        throttle.succeeded("anna@hotel.nl", here);
        assert_eq!(throttle.wait("anna@hotel.nl", here), None);
    }
}

/// Reset e-mails per address: at most [`RESETS_PER_HOUR`] an hour, so that a storm of
/// requests against one address sends its owner a few e-mails, not thousands. Past it
/// the request is answered as always and sends nothing (the answer must not say
/// whether the address has an account). Per instance, in memory.
#[derive(Debug, Default)]
pub struct ResetLimiter {
    sent: Mutex<HashMap<String, Vec<Instant>>>,
}

/// Reset e-mails one address gets in an hour, at most.
pub const RESETS_PER_HOUR: usize = 3;
const RESET_WINDOW: Duration = Duration::from_secs(3600);

impl ResetLimiter {
    /// Takes one of the address's resets for this hour, if one is left.
    pub fn take(&self, email_key: &str) -> bool {
        let mut sent = self.sent.lock().unwrap_or_else(PoisonError::into_inner);
        let times = sent.entry(email_key.to_owned()).or_default();
        let now = Instant::now();
        times.retain(|t| now.duration_since(*t) < RESET_WINDOW);
        if times.len() >= RESETS_PER_HOUR {
            return false;
        }
        times.push(now);
        true
    }

    /// Forgets addresses with no reset in the last hour.
    pub fn forget_old(&self) {
        let now = Instant::now();
        self.sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|_, times| times.iter().any(|t| now.duration_since(*t) < RESET_WINDOW));
    }
}

#[cfg(test)]
mod reset_tests {
    use super::*;

    #[test]
    fn an_address_gets_a_few_resets_an_hour_and_others_are_not_held_back() {
        let limiter = ResetLimiter::default();
        for _ in 0..RESETS_PER_HOUR {
            assert!(limiter.take("anna@example.com"));
        }
        assert!(!limiter.take("anna@example.com"));
        assert!(limiter.take("budi@example.com"));
        limiter.forget_old();
        assert!(!limiter.take("anna@example.com"));
    }
}
