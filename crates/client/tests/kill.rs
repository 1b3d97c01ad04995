//! A phone app is killed at any moment. A child process writes drafts and sends them
//! while the outbox drains; it is killed with SIGKILL at random moments, again and again.
//! Reopened, its drafts are intact and the outbox finishes with nothing lost and nothing
//! sent twice.
//!
//! The child is this test binary itself, run with `CHILD_DIR` set, so it needs no other
//! program.

mod helpers;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use helpers::{PARTNER, PASSWORD, Server, eventually, question};
use pulse_client::{ClientConfig, OutboxPayload, OutboxState, Pulse, RetryPolicy};
use rand::{Rng, SeedableRng};

const CHILD_DIR: &str = "PULSE_KILL_CHILD_DIR";
const CHILD_SERVER: &str = "PULSE_KILL_CHILD_SERVER";
const KILLS: usize = 24;

fn config(dir: &Path, credentials: std::sync::Arc<keyring_core::CredentialStore>) -> ClientConfig {
    let mut config = ClientConfig::new(dir.join("app"), credentials);
    config.retry = RetryPolicy {
        initial: Duration::from_millis(10),
        max: Duration::from_millis(200),
    };
    config
}

fn credentials(dir: &Path) -> std::sync::Arc<keyring_core::sample::Store> {
    keyring_core::sample::Store::new_with_backing(dir.join("keychain.ron").to_str().unwrap())
        .unwrap()
}

/// Outbox items not yet sent, read straight from the killed app's database (no app
/// runs at that moment, so nothing starts sending them).
fn unsent_on_disk(dir: &Path) -> i64 {
    let db = rusqlite::Connection::open_with_flags(
        dir.join("app").join("pulse.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    db.query_row(
        "SELECT COUNT(*) FROM outbox WHERE state <> 'sent'",
        [],
        |row| row.get(0),
    )
    .unwrap()
}

/// The message number `n`, as edited `version` times (None: final).
fn text(n: usize, version: Option<usize>) -> String {
    match version {
        Some(v) => format!("message {n:04} v{v}"),
        None => format!("message {n:04}"),
    }
}

/// The child's life: restore the session, then write and send messages until killed.
#[test]
fn child_writes_and_sends_until_killed() {
    let (Ok(dir), Ok(_)) = (std::env::var(CHILD_DIR), std::env::var(CHILD_SERVER)) else {
        return; // Not a child: nothing to do in a normal test run.
    };
    let dir = Path::new(&dir);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let mut config = config(dir, credentials(dir));
        // One message per request: writing outpaces sending, so kills find a backlog
        // (the reopened app then drains it in batches).
        config.max_batch = 1;
        let pulse = Pulse::open(config).await.unwrap();
        assert!(matches!(pulse.auth(), pulse_client::AuthState::SignedIn(_)));
        loop {
            let n = pulse.outbox().await.unwrap().len() + pulse.drafts().await.unwrap().len();
            let mut id = None;
            for version in 0..4 {
                let draft = pulse
                    .save_draft(id, &question(&text(n, Some(version))))
                    .await
                    .unwrap();
                id = Some(draft.id);
                tokio::task::yield_now().await;
            }
            let id = id.unwrap();
            pulse
                .save_draft(Some(id), &question(&text(n, None)))
                .await
                .unwrap();
            pulse.send_draft(id).await.unwrap();
            // Writing outpaces sending, so kills find a backlog to finish.
            tokio::task::yield_now().await;
        }
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_at_random_moments_nothing_is_lost_or_sent_twice() {
    let server = Server::start().await;
    let device = tempfile::tempdir().unwrap();
    {
        // Sign in once, as the partner did on first launch.
        let creds = credentials(device.path());
        let pulse = Pulse::open(config(device.path(), creds.clone()))
            .await
            .unwrap();
        pulse
            .sign_in(&server.url(), PARTNER, PASSWORD)
            .await
            .unwrap();
        pulse.close();
        creds.save().unwrap();
    }

    let me = std::env::current_exe().unwrap();
    // How many kills found messages queued and not yet sent: the reopened app (the next
    // child, then the final open) had a backlog to finish.
    let mut backlogs = 0;
    let mut rng = rand::rngs::StdRng::seed_from_u64(2026);
    for round in 0..KILLS {
        let mut child = Command::new(&me)
            .args([
                "child_writes_and_sends_until_killed",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, device.path())
            .env(CHILD_SERVER, server.url())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let lifetime = Duration::from_millis(rng.random_range(60..400));
        tokio::time::sleep(lifetime).await;
        if let Ok(Some(status)) = child.try_wait() {
            let mut err = String::new();
            use std::io::Read;
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut err)
                .unwrap();
            panic!("round {round}: the child ended by itself ({status}): {err}");
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if unsent_on_disk(device.path()) > 0 {
            backlogs += 1;
        }
    }
    // Whether the last kill in particular left a backlog depends on the machine's speed;
    // that some did is what makes the rounds worth running.
    assert!(backlogs > 0, "no kill left a backlog to finish");

    // Reopened: the app finishes what it had.
    let pulse = Pulse::open(config(device.path(), credentials(device.path())))
        .await
        .unwrap();
    let outbox = pulse.outbox().await.unwrap();
    let drafts = pulse.drafts().await.unwrap();
    assert!(!outbox.is_empty(), "the child got some work done");
    let unsent = outbox
        .iter()
        .filter(|i| !matches!(i.state, OutboxState::Sent { .. }))
        .count();
    eprintln!(
        "after {KILLS} kills ({backlogs} left a backlog): {} messages queued \
         ({unsent} not yet sent), {} drafts left",
        outbox.len(),
        drafts.len()
    );
    let all_sent = async || {
        pulse
            .outbox()
            .await
            .unwrap()
            .iter()
            .all(|i| matches!(i.state, OutboxState::Sent { .. }))
    };
    assert!(
        eventually(Duration::from_secs(120), all_sent).await,
        "the outbox drained"
    );

    // Drafts are intact: each reads as one of the edits the child made.
    let mut numbers = BTreeSet::new();
    for draft in &drafts {
        let body = &draft.content.body;
        let n: usize = body
            .strip_prefix("message ")
            .and_then(|rest| rest.get(..4))
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("damaged draft {body:?}"));
        let edits: Vec<String> = (0..4)
            .map(|v| text(n, Some(v)))
            .chain([text(n, None)])
            .collect();
        assert!(edits.contains(body), "damaged draft {body:?}");
        assert!(numbers.insert(n), "draft {n} twice");
    }
    // Every queued message is on the server once, in the order it was sent.
    let mut queued = Vec::new();
    for item in &outbox {
        let OutboxPayload::NewCase { case, .. } = &item.payload else {
            panic!("unexpected item");
        };
        let n: usize = case.body["message ".len()..].parse().expect("a final text");
        assert!(
            numbers.insert(n),
            "message {n} both a draft and queued, or queued twice"
        );
        queued.push(case.body.clone());
    }
    let expected: BTreeSet<usize> = (0..numbers.len()).collect();
    assert_eq!(numbers, expected, "no message number went missing");
    let on_server = server.handler().await.bodies().await;
    assert_eq!(on_server, queued, "each exactly once, in order");
}
