//! Benchmarks of the phone's offline engine, in one run of one process:
//!
//! 1. draft save latency (p50, p99, max) while a partner types: the same draft saved on
//!    every keystroke, as an app without debouncing would;
//! 2. the outbox's drain rate: 1,000 messages queued while the server was down, sent
//!    in order once it is back, on loopback with keep-alive connections;
//! 3. a 12-megapixel camera photo prepared for sending (upright, stripped, 2048 px):
//!    time per photo and its size after.
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
const PHOTOS: usize = 5;
const TARGET_PHOTO: Duration = Duration::from_millis(1_500);
const TARGET_PHOTO_BYTES: usize = 1 << 20;

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

/// A 4000 × 3000 JPEG at quality 92 with the grain of a real photo: smooth light with
/// sensor noise on it (noise is what makes a photo large; a plain gradient would not be).
fn camera_photo() -> Vec<u8> {
    let mut seed: u32 = 0x9E37_79B9;
    let pixels = image::RgbImage::from_fn(4000, 3000, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let grain = (seed % 24) as i32 - 12;
        let light = |v: u32, span: u32| (v * 200 / span) as i32 + 28 + grain;
        let c = |v: i32| v.clamp(0, 255) as u8;
        image::Rgb([c(light(x, 4000)), c(light(y, 3000)), c(light(x + y, 7000))])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 92)
        .encode_image(&pixels)
        .expect("photo encoded");
    jpeg
}

async fn photo_preparation() -> (Vec<Duration>, usize, usize) {
    let photo = camera_photo();
    let mut times = Vec::with_capacity(PHOTOS);
    let mut after = 0;
    for _ in 0..PHOTOS {
        let started = Instant::now();
        let (bytes, _) = pulse_client::photo::prepare(
            photo.clone(),
            pulse_protocol::input::AttachmentKind::Jpeg,
        )
        .await
        .expect("photo prepared");
        times.push(started.elapsed());
        after = bytes.len();
    }
    times.sort();
    (times, photo.len(), after)
}

const EMAIL: &str = "bench@example.test";
const PASSWORD: &str = "bench password, long enough";

/// A server on loopback with one partner account; its config, to start it again.
async fn start_server(
    dir: &std::path::Path,
) -> (pulse_server::RunningServer, ServerConfig, String) {
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
        console_app: None,
        mail: Default::default(),
        push: Default::default(),
    };
    std::fs::create_dir_all(&data).expect("server dir");
    let server = pulse_server::start(config.clone())
        .await
        .expect("server starts");
    server
        .store()
        .create_account(&NewAccount {
            role: Actor::Partner,
            email: EMAIL.into(),
            name: "Bench".into(),
            password_hash: pulse_server::auth::hash_password(PASSWORD).expect("hash"),
            country: "NL".into(),
            in_eea: true,
            properties: vec![],
            language: "en".into(),
        })
        .await
        .expect("account");
    let url = format!("http://{}", server.addr());
    config.listen = server.addr();
    (server, config, url)
}

async fn draft_saves(dir: &std::path::Path, url: &str) -> Vec<Duration> {
    let credentials = keyring_core::sample::Store::new().expect("credential store");
    let pulse = Pulse::open(ClientConfig::new(dir.join("typing"), credentials))
        .await
        .expect("engine opens");
    pulse.set_foreground(false);
    // A draft is an account's: the partner is signed in, as in the app.
    pulse
        .sign_in(url, EMAIL, PASSWORD)
        .await
        .expect("signed in");
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

async fn drain_rate(
    dir: &std::path::Path,
    server: pulse_server::RunningServer,
    config: ServerConfig,
    url: &str,
) -> (f64, Duration) {
    let credentials = keyring_core::sample::Store::new().expect("credential store");
    let mut client = ClientConfig::new(dir.join("phone"), credentials);
    client.retry = RetryPolicy {
        initial: Duration::from_millis(1),
        max: Duration::from_millis(2),
    };
    let pulse = Pulse::open(client).await.expect("engine opens");
    pulse.set_foreground(false);
    pulse
        .sign_in(url, EMAIL, PASSWORD)
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
    let (server, config, url) = start_server(dir.path()).await;
    let saves = draft_saves(dir.path(), &url).await;
    let (p50, p99, max) = (
        percentile(&saves, 0.50),
        percentile(&saves, 0.99),
        *saves.last().unwrap_or(&Duration::ZERO),
    );
    let (rate, took) = drain_rate(dir.path(), server, config, &url).await;
    let (photos, before, after) = photo_preparation().await;

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
    let photo_p50 = percentile(&photos, 0.5);
    println!(
        "photo prepared    p50 {:.0} ms  max {:.0} ms for a 12 MP JPEG over {PHOTOS} (target ≤ {} ms: {}); {:.2} MB → {:.2} MB (target ≤ 1 MB: {})",
        ms(photo_p50),
        ms(*photos.last().unwrap_or(&Duration::ZERO)),
        TARGET_PHOTO.as_millis(),
        verdict(photo_p50 <= TARGET_PHOTO),
        before as f64 / 1e6,
        after as f64 / 1e6,
        verdict(after <= TARGET_PHOTO_BYTES)
    );
}
