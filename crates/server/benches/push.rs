//! Push notifications, measured against a push receiver on loopback (SQLite):
//! - from a handler's move to its Web Push request arriving at the push service,
//!   p50/p99 (aim: p99 ≤ 50 ms);
//! - fan-out: one event each for 1,000 partners with 10 devices each, pushes per second
//!   from the first move until the last push arrived (aim: ≥ 2,000/s).
//!
//! Each push is encrypted (RFC 8291) and VAPID-signed as in production.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, ensure};
use axum::Router;
use axum::http::StatusCode;
use axum::routing::post;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jwt_simple::prelude::*;
use pulse_protocol::Actor;
use pulse_protocol::push::{
    NewDevice, PushPlatform, SubscriptionKeys, ValidDevice, WebPushSubscription,
};
use pulse_server::app::{Limits, ServerConfig};
use pulse_server::store::NewAccount;
use serde_json::{Value, json};
use tokio::sync::mpsc;

const LATENCY_SAMPLES: usize = 300;
const LATENCY_P99: Duration = Duration::from_millis(50);
const PARTNERS: usize = 1_000;
const DEVICES_EACH: usize = 10;
const FANOUT_TARGET: f64 = 2_000.0;

fn main() -> Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(run())
}

struct Receiver {
    count: AtomicUsize,
    arrivals: mpsc::UnboundedSender<Instant>,
}

async fn run() -> Result<()> {
    let (tx, mut arrivals) = mpsc::unbounded_channel();
    let receiver = Arc::new(Receiver {
        count: AtomicUsize::new(0),
        arrivals: tx,
    });
    let app = Router::new()
        .route(
            "/push/{id}",
            post(
                |axum::extract::State(r): axum::extract::State<Arc<Receiver>>| async move {
                    r.count.fetch_add(1, Ordering::Relaxed);
                    let _ = r.arrivals.send(Instant::now());
                    StatusCode::CREATED
                },
            ),
        )
        .with_state(receiver.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let push_base = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, app).await });

    let dir = tempfile::tempdir()?;
    let wide_open = std::num::NonZeroU32::new(1_000_000).context("non-zero")?;
    let server = pulse_server::start(ServerConfig {
        listen: "127.0.0.1:0".parse()?,
        database_url: format!("sqlite:{}", dir.path().join("pulse.db").display()),
        data_dir: dir.path().to_path_buf(),
        limits: Limits {
            rate_per_second: wide_open,
            rate_burst: wide_open,
            max_streams_per_account: 100,
            ..Limits::default()
        },
        demo: None,
        web_app: None,
        console_app: None,
        mail: Default::default(),
        push: Default::default(),
    })
    .await?;
    let base = format!("http://{}", server.addr());
    let http = reqwest::Client::new();
    let store = server.store();
    let hash = pulse_server::auth::hash_password("bench password, long enough")
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let account = |role: Actor, email: String| NewAccount {
        role,
        email,
        name: "Bench".into(),
        password_hash: hash.clone(),
        country: "NL".into(),
        in_eea: true,
        properties: vec![],
        language: "en".into(),
    };
    // A session made in the store: its token works over HTTP.
    let session = async |id: i64| -> Result<(String, [u8; 32])> {
        let (token, token_hash) = pulse_server::auth::new_token();
        store.create_session(id, &token_hash).await?;
        Ok((token, token_hash))
    };
    let handler_id = store
        .create_account(&account(Actor::Handler, "h@bench.test".into()))
        .await?;
    let (handler, _) = session(handler_id).await?;
    let device = |n: usize| -> Result<ValidDevice> {
        let key = ES256KeyPair::generate()
            .public_key()
            .public_key()
            .to_bytes_uncompressed();
        Ok(ValidDevice::parse(&NewDevice {
            platform: PushPlatform::WebPush,
            subscription: Some(WebPushSubscription {
                endpoint: format!("{push_base}/push/{n}"),
                keys: SubscriptionKeys {
                    p256dh: URL_SAFE_NO_PAD.encode(key),
                    auth: URL_SAFE_NO_PAD.encode([n as u8; 16]),
                },
            }),
            token: None,
            language: "nl".into(),
            label: String::new(),
        })?)
    };
    let open_case = async |token: &str| -> Result<String> {
        let case: Value = http
            .post(format!("{base}/v1/cases"))
            .bearer_auth(token)
            .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
            .json(&json!({
                "kind": "question",
                "topic": "reservations",
                "subtopic": "changes",
                "reservation_ref": "4021339871",
                "body": "Where is it?",
                "attachment_ids": [],
                "client_created_at": "2026-11-20T10:00:00Z",
            }))
            .send()
            .await?
            .json()
            .await?;
        Ok(case["case"]["id"]
            .as_str()
            .with_context(|| format!("{case}"))?
            .to_owned())
    };
    let handle = async |case: &str, action: &str, body: Value| -> Result<()> {
        let response = http
            .post(format!("{base}/v1/handler/cases/{case}/{action}"))
            .bearer_auth(&handler)
            .json(&body)
            .send()
            .await?;
        ensure!(response.status() == 200, "{action}: {}", response.status());
        Ok(())
    };

    // ----- latency: one partner, one device, a move at a time -----
    let partner = store
        .create_account(&account(Actor::Partner, "p@bench.test".into()))
        .await?;
    let (token, token_hash) = session(partner).await?;
    store
        .register_device(partner, &token_hash, &device(0)?)
        .await?;
    let case = open_case(&token).await?;
    handle(&case, "acknowledge", json!({})).await?;
    arrivals.recv().await.context("the first push")?;
    let mut to_arrival = Vec::with_capacity(LATENCY_SAMPLES);
    let mut to_answer = Vec::with_capacity(LATENCY_SAMPLES);
    for n in 0..LATENCY_SAMPLES {
        let start = Instant::now();
        handle(&case, "messages", json!({"body": format!("Update {n}")})).await?;
        to_answer.push(start.elapsed());
        let at = tokio::time::timeout(Duration::from_secs(10), arrivals.recv())
            .await
            .context("a push within 10 s")?
            .context("the receiver")?;
        to_arrival.push(at - start);
    }
    let (p50, p99) = percentiles(&mut to_arrival);
    let (answer50, answer99) = percentiles(&mut to_answer);

    // ----- fan-out -----
    let mut cases = Vec::with_capacity(PARTNERS);
    for p in 0..PARTNERS {
        let id = store
            .create_account(&account(Actor::Partner, format!("fan{p}@bench.test")))
            .await?;
        let (token, token_hash) = session(id).await?;
        for d in 0..DEVICES_EACH {
            store
                .register_device(id, &token_hash, &device(1 + p * DEVICES_EACH + d)?)
                .await?;
        }
        cases.push(open_case(&token).await?);
    }
    while arrivals.try_recv().is_ok() {}
    let before = receiver.count.load(Ordering::Relaxed);
    let wanted = before + PARTNERS * DEVICES_EACH;
    let start = Instant::now();
    let moves = futures_util::stream::iter(cases.iter())
        .map(|case| handle(case, "acknowledge", json!({})))
        .buffer_unordered(8)
        .collect::<Vec<_>>();
    use futures_util::StreamExt as _;
    for result in moves.await {
        result?;
    }
    let moved = start.elapsed();
    while receiver.count.load(Ordering::Relaxed) < wanted {
        ensure!(
            start.elapsed() < Duration::from_secs(300),
            "the fan-out did not finish in 5 minutes"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let took = start.elapsed();
    let rate = (PARTNERS * DEVICES_EACH) as f64 / took.as_secs_f64();

    println!("push (SQLite, loopback receiver, Web Push encrypted and signed)");
    println!(
        "  handler's move → push request at the push service: p50 {:.1} ms, p99 {:.1} ms (aim p99 ≤ {} ms: {})",
        ms(p50),
        ms(p99),
        LATENCY_P99.as_millis(),
        if p99 <= LATENCY_P99 { "met" } else { "NOT met" }
    );
    println!(
        "    (the move's own answer: p50 {:.1} ms, p99 {:.1} ms)",
        ms(answer50),
        ms(answer99)
    );
    println!(
        "  fan-out: {} partners × {} devices = {} pushes in {:.2} s (the {} moves took {:.2} s): {:.0} pushes/s (aim ≥ {:.0}: {})",
        PARTNERS,
        DEVICES_EACH,
        PARTNERS * DEVICES_EACH,
        took.as_secs_f64(),
        PARTNERS,
        moved.as_secs_f64(),
        rate,
        FANOUT_TARGET,
        if rate >= FANOUT_TARGET {
            "met"
        } else {
            "NOT met"
        }
    );
    server.stop().await?;
    Ok(())
}

fn percentiles(samples: &mut [Duration]) -> (Duration, Duration) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
