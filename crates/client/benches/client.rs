//! Benchmarks of the phone's offline engine, in one run of one process:
//!
//! 1. draft save latency (p50, p99, max) while a partner types: the same draft saved on
//!    every keystroke, as an app without debouncing would;
//! 2. the outbox's drain rate: 1,000 messages queued while the server was down, sent
//!    in order once it is back, on loopback with keep-alive connections.
//!
//! Run with `cargo bench -p pulse-client --bench client`.

use std::time::{Duration, Instant};

use pulse_client::{ClientConfig, DraftContent, OutboxState, Pulse, RetryPolicy};
use pulse_protocol::Actor;
use pulse_server::store::NewAccount;
use pulse_server::{Limits, ServerConfig};

const KEYSTROKES: usize = 5_000;
const QUEUED: usize = 1_000;
const TARGET_SAVE_P99: Duration = Duration::from_millis(2);
const TARGET_DRAIN: f64 = 2_000.0;

fn draft(body: &str) -> DraftContent {
    DraftContent {
        topic: Some("reservations".into()),
        subtopic: Some("changes".into()),
        body: body.into(),
        ..Default::default()
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT met" }
}

async fn draft_saves(dir: &std::path::Path) -> Vec<Duration> {
    let credentials = keyring_core::sample::Store::new().expect("credential store");
    let pulse = Pulse::open(ClientConfig::new(dir.join("typing"), credentials))
        .await
        .expect("engine opens");
    let text = "The guests in room 12 report that the hot water stops after a few minutes; \
                could you check whether the booking notes mention a late arrival? ";
    let mut id = None;
    let mut body = String::new();
    let mut times = Vec::with_capacity(KEYSTROKES);
    for i in 0..KEYSTROKES {
        body.push(text.as_bytes()[i % text.len()] as char);
        let started = Instant::now();
        let saved = pulse
            .save_draft(id, &draft(&body))
            .await
            .expect("draft saved");
        times.push(started.elapsed());
        id = Some(saved.id);
    }
    pulse.close();
    times.sort();
    times
}

async fn drain_rate(dir: &std::path::Path) -> (f64, Duration) {
    let data = dir.join("server");
    let mut config = ServerConfig {
        listen: "127.0.0.1:0".parse().expect("address"),
        database_url: format!("sqlite:{}", data.join("server.db").display()),
        data_dir: data.clone(),
        limits: Limits {
            rate_per_second: 1_000_000.try_into().expect("nonzero"),
            rate_burst: 1_000_000.try_into().expect("nonzero"),
            ..Limits::default()
        },
        demo: None,
        web_app: None,
    };
    std::fs::create_dir_all(&data).expect("server dir");
    let server = pulse_server::start(config.clone())
        .await
        .expect("server starts");
    let password = "bench password, long enough";
    server
        .store()
        .create_account(&NewAccount {
            role: Actor::Partner,
            email: "bench@example.test".into(),
            name: "Bench".into(),
            password_hash: pulse_server::auth::hash_password(password).expect("hash"),
            country: "NL".into(),
            in_eea: true,
            properties: vec![],
        })
        .await
        .expect("account");
    let url = format!("http://{}", server.addr());
    config.listen = server.addr();

    let credentials = keyring_core::sample::Store::new().expect("credential store");
    let mut client = ClientConfig::new(dir.join("phone"), credentials);
    client.retry = RetryPolicy {
        initial: Duration::from_millis(1),
        max: Duration::from_millis(2),
    };
    let pulse = Pulse::open(client).await.expect("engine opens");
    pulse.set_foreground(false);
    pulse
        .sign_in(&url, "bench@example.test", password)
        .await
        .expect("signed in");

    // Queue everything while the server is down, then bring it back and time the drain.
    server.stop().await.expect("server stops");
    for i in 0..QUEUED {
        let saved = pulse
            .save_draft(None, &draft(&format!("queued message {i:04}")))
            .await
            .expect("draft");
        pulse.send_draft(saved.id).await.expect("queued");
    }
    let server = pulse_server::start(config).await.expect("server restarts");
    let started = Instant::now();
    loop {
        let sent = pulse
            .outbox()
            .await
            .expect("outbox")
            .iter()
            .filter(|i| matches!(i.state, OutboxState::Sent { .. }))
            .count();
        if sent == QUEUED {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "drain stalled at {sent}"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let took = started.elapsed();
    pulse.close();
    server.stop().await.expect("server stops");
    (QUEUED as f64 / took.as_secs_f64(), took)
}

#[tokio::main]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let saves = draft_saves(dir.path()).await;
    let (p50, p99, max) = (
        percentile(&saves, 0.50),
        percentile(&saves, 0.99),
        *saves.last().unwrap_or(&Duration::ZERO),
    );
    let (rate, took) = drain_rate(dir.path()).await;

    println!("pulse-client benchmark (one run, SQLite on this machine's disk, loopback)");
    println!(
        "draft save        p50 {:.3} ms  p99 {:.3} ms  max {:.3} ms over {KEYSTROKES} saves (target p99 ≤ {} ms: {})",
        ms(p50),
        ms(p99),
        ms(max),
        TARGET_SAVE_P99.as_millis(),
        verdict(p99 <= TARGET_SAVE_P99)
    );
    println!(
        "outbox drain      {rate:.0} messages/s ({QUEUED} in {:.2} s, in order, keep-alive) (target ≥ {TARGET_DRAIN:.0}/s: {})",
        took.as_secs_f64(),
        verdict(rate >= TARGET_DRAIN)
    );
}
