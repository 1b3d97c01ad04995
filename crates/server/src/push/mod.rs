//! Push notifications: the worker that drains the durable push queue to the push
//! services — Web Push (RFC 8030, payload encrypted per RFC 8291, VAPID per RFC 8292),
//! Firebase Cloud Messaging (HTTP v1 API) and APNs (token auth, HTTP/2) — and what a
//! push says, in the language its device registered with.
//!
//! A push is queued in the transaction of the event it announces (see the case flow),
//! so a crash loses none; push services have no idempotency, so delivery is at least
//! once, and the device shows each event once: the event's tag is the notification's
//! tag, FCM's collapse key and `apns-collapse-id`. One worker per instance sends; on
//! PostgreSQL, instances never take the same push at once.

mod apns;
mod fcm;
mod texts;
mod webpush;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use pulse_protocol::push::{PushConfig, PushPlatform};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::store::{Database, PushOutcomes, PushRow};

pub use apns::ApnsSettings;
pub use fcm::FcmSettings;
pub use webpush::{Vapid, VapidError, is_p256_point};

/// How long a taken push stays the worker's: longer than a request may take, so that
/// only a worker that died lets it go again.
const LEASE: Duration = Duration::from_secs(60);
/// Longest wait for a push service's answer; a service that hangs is tried later.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Pushes on their way at once, per instance.
const IN_FLIGHT: usize = 256;
/// How often the queue is looked at without a wake-up (pushes queued by another
/// instance, retries coming due).
const POLL: Duration = Duration::from_secs(2);
/// Tries of one push before it is given up (about a day of backoff).
const MAX_ATTEMPTS: i64 = 30;
/// How long a notification waits at the push service for a device that is off.
const TTL: Duration = Duration::from_secs(4 * 24 * 3600);

/// How this server sends pushes.
#[derive(Clone)]
pub struct PushSettings {
    pub vapid: Arc<Vapid>,
    pub fcm: Option<FcmSettings>,
    pub apns: Option<ApnsSettings>,
    /// The wait after a first failed try; it doubles up to an hour.
    pub first_retry: Duration,
}

impl std::fmt::Debug for PushSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PushSettings")
            .field("vapid", &self.vapid.public_key())
            .field("fcm", &self.fcm.is_some())
            .field("apns", &self.apns.is_some())
            .finish()
    }
}

impl PushSettings {
    /// Web Push with the VAPID key kept at `path` (made there at first start).
    pub fn web_push(path: &Path, subject: &str) -> Result<PushSettings, VapidError> {
        Ok(PushSettings {
            vapid: Arc::new(Vapid::load_or_create(path, subject)?),
            fcm: None,
            apns: None,
            first_retry: Duration::from_secs(10),
        })
    }

    /// What a device needs to subscribe.
    pub fn config(&self) -> PushConfig {
        PushConfig {
            web_push_key: self.vapid.public_key().to_owned(),
            fcm: self.fcm.is_some(),
            apns: self.apns.is_some(),
        }
    }

    /// Whether pushes of `platform` can be sent.
    pub fn sends(&self, platform: PushPlatform) -> bool {
        match platform {
            PushPlatform::WebPush => true,
            PushPlatform::Fcm => self.fcm.is_some(),
            PushPlatform::Apns => self.apns.is_some(),
        }
    }
}

/// Where the VAPID key is kept by default.
pub fn default_vapid_path(data_dir: &Path) -> PathBuf {
    data_dir.join("vapid-private-key")
}

/// What a push service answered.
#[derive(Debug)]
pub(crate) enum Delivery {
    Sent,
    /// The target is no more (404, 410, an unregistered token): remove it.
    Gone(String),
    /// Try again: after the service's Retry-After when it gave one.
    Retry {
        error: String,
        after: Option<Duration>,
    },
}

impl Delivery {
    fn retry(error: impl Into<String>) -> Delivery {
        Delivery::Retry {
            error: error.into(),
            after: None,
        }
    }

    /// The usual reading of an answer: 2xx sent, 404/410 gone, else retried.
    fn from_status(
        status: reqwest::StatusCode,
        headers: &reqwest::header::HeaderMap,
        body: &str,
    ) -> Delivery {
        let brief: String = body.chars().take(200).collect();
        if status.is_success() {
            Delivery::Sent
        } else if status == reqwest::StatusCode::NOT_FOUND || status == reqwest::StatusCode::GONE {
            Delivery::Gone(format!("{status} {brief}"))
        } else {
            Delivery::Retry {
                error: format!("{status} {brief}"),
                after: retry_after(headers),
            }
        }
    }
}

/// A Retry-After header, in seconds or as an HTTP date; at most a day.
fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    let now = time::OffsetDateTime::now_utc();
    let wait = if let Ok(secs) = value.trim().parse::<u64>() {
        Duration::from_secs(secs)
    } else {
        let at = time::OffsetDateTime::parse(
            value.trim(),
            &time::format_description::well_known::Rfc2822,
        )
        .ok()?;
        Duration::try_from(at - now).unwrap_or(Duration::ZERO)
    };
    Some(wait.min(Duration::from_secs(24 * 3600)))
}

/// The wait before try `attempts + 1`: `first`, doubling, at most an hour.
pub fn backoff(attempts: i64, first: Duration) -> Duration {
    crate::mail::backoff(attempts, first)
}

/// The senders, made once: one HTTP client for Web Push and FCM, one HTTP/2 client
/// for APNs, and their cached tokens.
struct Senders {
    settings: PushSettings,
    http: reqwest::Client,
    fcm: Option<fcm::Fcm>,
    apns: Option<apns::Apns>,
}

impl Senders {
    fn new(settings: PushSettings) -> Result<Senders, String> {
        let http = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(Duration::from_secs(5))
            .build()
            .map_err(|e| e.to_string())?;
        let fcm = settings.fcm.clone().map(|s| fcm::Fcm::new(s, http.clone()));
        let apns = match settings.apns.clone() {
            Some(s) => Some(apns::Apns::new(s)?),
            None => None,
        };
        Ok(Senders {
            settings,
            http,
            fcm,
            apns,
        })
    }

    async fn send(&self, row: &PushRow) -> Delivery {
        let message = texts::message(row);
        let payload = match serde_json::to_vec(&message) {
            Ok(payload) => payload,
            Err(e) => return Delivery::retry(e.to_string()),
        };
        match PushPlatform::from_wire(&row.platform) {
            Some(PushPlatform::WebPush) => {
                webpush::send(&self.http, &self.settings.vapid, row, &message, payload).await
            }
            Some(PushPlatform::Fcm) => match &self.fcm {
                Some(fcm) => fcm.send(&row.address, &message).await,
                None => Delivery::retry("FCM is not set up on this server"),
            },
            Some(PushPlatform::Apns) => match &self.apns {
                Some(apns) => apns.send(&row.address, &message).await,
                None => Delivery::retry("APNs is not set up on this server"),
            },
            None => Delivery::Gone(format!("unknown platform {:?}", row.platform)),
        }
    }
}

/// Sends queued pushes until `shutdown`: up to [`IN_FLIGHT`] at once, each recorded as
/// sent (or skipped: its device was looking at the app), retried with backoff, or its
/// target removed when the push service says it is gone. Woken by every committed
/// event, so a push leaves right after its event.
pub async fn run(store: Arc<dyn Database>, settings: PushSettings, shutdown: CancellationToken) {
    let first_retry = settings.first_retry;
    let senders = match Senders::new(settings) {
        Ok(senders) => Arc::new(senders),
        Err(error) => {
            tracing::error!(%error, "pushes cannot be sent");
            return;
        }
    };
    let mut events = store.subscribe();
    let mut in_flight: JoinSet<(PushRow, Delivery)> = JoinSet::new();
    loop {
        let room = IN_FLIGHT.saturating_sub(in_flight.len());
        let mut claimed = 0;
        if room > 0 {
            match store.claim_pushes(LEASE, room as u32).await {
                Ok(rows) => {
                    claimed = rows.len();
                    let now = now_ms();
                    let mut skipped = PushOutcomes::default();
                    for row in rows {
                        if row.visible_until > now {
                            // The app is open on that device: its banner shows instead.
                            skipped.done.push(row.id);
                            continue;
                        }
                        let senders = senders.clone();
                        in_flight.spawn(async move {
                            let delivery = senders.send(&row).await;
                            (row, delivery)
                        });
                    }
                    record(&*store, skipped).await;
                }
                Err(error) => tracing::warn!(%error, "reading the push queue"),
            }
        }
        if claimed > 0 && claimed == room {
            // More may be due: finish what is done so far, then take again.
            let outcomes = collect(&mut in_flight, None, first_retry).await;
            record(&*store, outcomes).await;
            continue;
        }
        tokio::select! {
            done = in_flight.join_next(), if !in_flight.is_empty() => {
                let outcomes = collect(&mut in_flight, done, first_retry).await;
                record(&*store, outcomes).await;
            }
            changed = events.changed() => {
                if changed.is_err() {
                    return;
                }
            }
            _ = tokio::time::sleep(POLL) => {}
            _ = shutdown.cancelled() => {
                // Pushes on their way are due again at once, for the next start.
                let mut release = PushOutcomes::default();
                for (row, _) in drain_now(&mut in_flight) {
                    release.retry.push((row.id, 0, "the server stopped".into()));
                }
                in_flight.abort_all();
                let _ = tokio::time::timeout(Duration::from_secs(2), store.record_pushes(release)).await;
                return;
            }
        }
    }
}

fn drain_now(in_flight: &mut JoinSet<(PushRow, Delivery)>) -> Vec<(PushRow, Delivery)> {
    let mut done = Vec::new();
    while let Some(result) = in_flight.try_join_next() {
        if let Ok(pair) = result {
            done.push(pair);
        }
    }
    done
}

/// The outcomes of the pushes that are done: `first` and whatever else has finished
/// (or, with `first` None, the next one to finish and those after it).
async fn collect(
    in_flight: &mut JoinSet<(PushRow, Delivery)>,
    first: Option<Result<(PushRow, Delivery), tokio::task::JoinError>>,
    first_retry: Duration,
) -> PushOutcomes {
    let first = match first {
        Some(first) => Some(first),
        None => in_flight.join_next().await,
    };
    let mut outcomes = PushOutcomes::default();
    let mut finished: Vec<(PushRow, Delivery)> = first.into_iter().flatten().collect();
    finished.extend(drain_now(in_flight));
    let now = now_ms();
    for (row, delivery) in finished {
        match delivery {
            Delivery::Sent => {
                tracing::debug!(push = row.id, event = row.event_id, "push sent");
                outcomes.done.push(row.id);
            }
            Delivery::Gone(why) => {
                tracing::info!(device = %row.device_id, %why, "push target removed: its service no longer knows it");
                outcomes.gone.push(row.device_id);
            }
            Delivery::Retry { error, .. } if row.attempts >= MAX_ATTEMPTS => {
                tracing::warn!(push = row.id, attempts = row.attempts, %error, "push given up");
                outcomes.done.push(row.id);
            }
            Delivery::Retry { error, after } => {
                let wait = after.unwrap_or_else(|| backoff(row.attempts, first_retry));
                tracing::info!(push = row.id, attempts = row.attempts, %error,
                    retry_in_ms = wait.as_millis() as u64, "push not delivered");
                let at = now.saturating_add(crate::store::millis(wait));
                outcomes.retry.push((row.id, at, error));
            }
        }
    }
    outcomes
}

async fn record(store: &dyn Database, outcomes: PushOutcomes) {
    if let Err(error) = store.record_pushes(outcomes).await {
        tracing::warn!(%error, "recording pushes (they will be tried again)");
    }
}

fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}
