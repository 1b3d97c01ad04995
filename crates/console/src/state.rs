//! What every screen of the console shares: who is signed in, the views' counts, the
//! live stream's news, and the queue as last shown (for next and previous case).

use std::rc::Rc;
use std::time::Duration;

use dioxus::prelude::*;
use futures_util::StreamExt;
use pulse_protocol::sse::SseParser;
use pulse_protocol::wire::{Account, CaseEvent, QueueView, Session};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::api::{Api, ApiError};
use crate::platform;

/// Where the session is kept between reloads.
const SESSION_KEY: &str = "pulse-console-session";
/// Where a language the handler chose is kept.
pub const LANGUAGE_KEY: &str = "pulse-console-language";

/// A signed-in handler.
#[derive(Debug, Clone, PartialEq)]
pub struct Signed {
    pub api: Api,
    pub account: Account,
}

#[derive(Clone, Copy)]
pub struct Console {
    pub session: Signal<Option<Signed>>,
    /// Bumped by every event of the live stream: lists and counts fetch again.
    pub tick: Signal<u64>,
    /// The newest event the stream brought.
    pub last_event: Signal<Option<CaseEvent>>,
    /// Whether the live stream is open.
    pub live: Signal<bool>,
    /// The cases of the queue as last shown, in order.
    pub order: Signal<Vec<Uuid>>,
    /// The view last shown, for "back to the queue".
    pub view: Signal<QueueView>,
    /// What the queue is searched for.
    pub search: Signal<String>,
    /// The clock the due times are read against, moved on every half minute.
    pub now: Signal<OffsetDateTime>,
    /// Said once at the top after a sign-out the handler did not ask for.
    pub notice: Signal<Option<String>>,
    /// The queue's highlighted row (keyboard: j and k, Enter opens it).
    pub selected: Signal<usize>,
    /// The case's reply box and the queue's search field, for the keys that jump there.
    pub composer: Signal<Option<Rc<MountedData>>>,
    pub search_box: Signal<Option<Rc<MountedData>>>,
}

impl Console {
    pub fn api(&self) -> Option<Api> {
        self.session.peek().as_ref().map(|s| s.api.clone())
    }

    /// Keeps the new session for reloads.
    pub fn signed_in(&mut self, session: Session) {
        platform::store(SESSION_KEY, serde_json::to_string(&session).ok().as_deref());
        let api = Api::new(&platform::server_url(), &session.token);
        self.notice.set(None);
        self.session.set(Some(Signed {
            api,
            account: session.account,
        }));
    }

    /// Forgets the session here (the server's end is the caller's).
    pub fn forget(&mut self, notice: Option<String>) {
        platform::store(SESSION_KEY, None);
        self.session.set(None);
        self.notice.set(notice);
    }

    /// What a failed call means for the whole console: an ended session signs out.
    pub fn failed(&mut self, error: &ApiError) {
        if *error == ApiError::SignedOut {
            self.forget(Some(error.text()));
        }
    }
}

/// The session a reload finds.
fn restored() -> Option<Signed> {
    let session: Session = serde_json::from_str(&platform::stored(SESSION_KEY)?).ok()?;
    Some(Signed {
        api: Api::new(&platform::server_url(), &session.token),
        account: session.account,
    })
}

pub fn provide() -> Console {
    use_context_provider(|| Console {
        session: Signal::new(restored()),
        tick: Signal::new(0),
        last_event: Signal::new(None),
        live: Signal::new(false),
        order: Signal::new(Vec::new()),
        view: Signal::new(QueueView::New),
        search: Signal::new(String::new()),
        now: Signal::new(OffsetDateTime::now_utc()),
        notice: Signal::new(None),
        selected: Signal::new(0),
        composer: Signal::new(None),
        search_box: Signal::new(None),
    })
}

pub fn use_console() -> Console {
    use_context::<Console>()
}

/// Follows the handlers' stream while signed in: every event bumps [`Console::tick`];
/// after a break it resumes after the last event seen, with a growing pause; an ended
/// session signs out.
pub async fn follow(mut console: Console) {
    let mut cursor: Option<i64> = None;
    let mut failures = 0u32;
    loop {
        let Some(api) = console.api() else { return };
        match api.open_stream(cursor).await {
            Ok(response) => {
                console.live.set(true);
                failures = 0;
                if cursor.is_some() {
                    // Whatever happened during the break: fetch again.
                    *console.tick.write() += 1;
                }
                let mut body = response.bytes_stream();
                let mut parser = SseParser::default();
                while let Some(Ok(chunk)) = body.next().await {
                    for frame in parser.push(&chunk) {
                        if let Some(id) = frame.id.as_deref().and_then(|id| id.parse().ok()) {
                            cursor = Some(id);
                        }
                        if let Ok(event) = serde_json::from_str::<CaseEvent>(&frame.data) {
                            console.last_event.set(Some(event));
                            *console.tick.write() += 1;
                        }
                    }
                }
                console.live.set(false);
            }
            Err(ApiError::SignedOut) => {
                console.live.set(false);
                console.failed(&ApiError::SignedOut);
                return;
            }
            Err(_) => console.live.set(false),
        }
        failures = failures.saturating_add(1);
        platform::sleep(Duration::from_millis(500 * u64::from(failures.min(20)))).await;
    }
}

/// Moves [`Console::now`] on every 30 seconds.
pub async fn keep_time(mut console: Console) {
    loop {
        platform::sleep(Duration::from_secs(30)).await;
        console.now.set(OffsetDateTime::now_utc());
    }
}
