//! End-to-end benchmark of pulse-server on loopback, in one run of one process:
//!
//! 1. requests per second of `POST /v1/cases` on the real server (SQLite in a temporary
//!    directory, the rate limiter opened wide so it never refuses);
//! 2. requests per second of a bare axum endpoint that only parses the same JSON and
//!    answers a small JSON, driven by the identical load generator with the identical
//!    request body and headers (the baseline);
//! 3. the ratio of the two;
//! 4. the time from a handler's acknowledge to the `acknowledged` event arriving on a
//!    partner's open event stream (p50, p99, max);
//! 5. support's queue over at least 10,000 open cases: the New view, a search, and the
//!    view counts, each answer's time as the client sees it (p50, p99).
//!
//! Why a ratio: the machines this runs on are shared and noisy, so an absolute figure
//! swings from run to run. The baseline runs in the same process, on the same runtime,
//! seconds apart, under the same load, so most of that noise hits both figures alike and
//! the ratio says what the server's own work (auth, validation, the SQLite transaction,
//! the event log) costs compared to HTTP and JSON alone.
//!
//! Run with `bash scripts/bench.sh` (both backends) or `cargo bench -p pulse-server --bench
//! server` (SQLite; PostgreSQL too when `PULSE_BENCH_POSTGRES` names a server).

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use futures_util::StreamExt;
use pulse_protocol::Actor;
use pulse_protocol::wire::{
    CaseDetail, CaseEvent, ContactKind, EventKind, IDEMPOTENCY_KEY_HEADER, NewCase, Session, SignIn,
};
use pulse_server::store::NewAccount;
use pulse_server::{Limits, RunningServer, ServerConfig};
use reqwest::header::{ACCEPT, CONTENT_TYPE};
use serde_json::json;
use time::OffsetDateTime;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use uuid::Uuid;

/// Requests kept in flight at once, each on its own keep-alive connection.
const CONCURRENCY: usize = 32;
/// Load before counting starts (connections open, caches and the WAL warm up).
const WARM_UP: Duration = Duration::from_secs(1);
/// Load that is counted.
const MEASURE: Duration = Duration::from_secs(5);
/// Acknowledgements timed on the event stream.
const LATENCY_EVENTS: usize = 1_000;
/// Longest wait for one event before the run is called broken.
const EVENT_TIMEOUT: Duration = Duration::from_secs(5);

/// Open cases the queue is measured over, at least.
const QUEUE_CASES: usize = 10_000;
/// Requests timed per queue figure.
const QUEUE_SAMPLES: usize = 300;
/// The aim for a queue answer over that many cases (SQLite).
const QUEUE_P99: Duration = Duration::from_millis(20);

/// This round's aim for the write path against bare axum (SQLite).
const TARGET_RATIO: f64 = 0.3;
const TARGET_P99: Duration = Duration::from_millis(25);

const PASSWORD: &str = "bench password, long enough";

fn main() -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("building the tokio runtime")?;
    runtime.block_on(run())
}

/// One backend's figures, with the baseline measured right after it.
struct BackendRun {
    name: &'static str,
    real: Throughput,
    bare: Throughput,
    latency: Latency,
    queue: QueueFigures,
}

/// Support's queue, answer times.
struct QueueFigures {
    open_cases: i64,
    new_view: Latency,
    search: Latency,
    counts: Latency,
}

async fn run() -> Result<()> {
    let dir = tempfile::tempdir().context("creating a temporary directory")?;
    let bare = start_bare_endpoint().await?;
    let client = reqwest::Client::new();
    let load = LoadSettings {
        concurrency: CONCURRENCY,
        warm_up: WARM_UP,
        measure: MEASURE,
    };
    let body = Bytes::from(serde_json::to_vec(&new_case())?);

    let mut backends = vec![(
        "SQLite",
        format!("sqlite:{}", dir.path().join("pulse.db").display()),
    )];
    if let Ok(base) = std::env::var("PULSE_BENCH_POSTGRES")
        && !base.is_empty()
    {
        backends.push(("PostgreSQL", fresh_postgres_database(&base).await?));
    }

    let mut runs = Vec::new();
    for (name, url) in backends {
        let server = start_server(dir.path(), &url).await?;
        let base = format!("http://{}", server.addr());
        let partner = add_account(&server, Actor::Partner, "partner@bench.test").await?;
        let token = sign_in(&client, &base, &partner).await?;
        let real_target = Target {
            url: format!("{base}/v1/cases"),
            token: token.clone(),
        };
        let real = measure_throughput(&client, &real_target, &body, &load).await?;
        let bare_target = Target {
            url: format!("http://{}/v1/cases", bare.addr),
            token,
        };
        let bare_result = measure_throughput(&client, &bare_target, &body, &load).await?;
        let latency = measure_event_latency(&client, &server, &base).await?;
        let queue = measure_queue(&client, &server, &base, &real_target.token).await?;
        server.stop().await.context("stopping the server")?;
        runs.push(BackendRun {
            name,
            real,
            bare: bare_result,
            latency,
            queue,
        });
    }
    bare.task.abort();

    print_report(&load, &runs);
    let failed: u64 = runs.iter().map(|r| r.real.failed + r.bare.failed).sum();
    ensure!(failed == 0, "{failed} requests failed");
    Ok(())
}

/// A new, empty database on the PostgreSQL server at `base`.
async fn fresh_postgres_database(base: &str) -> Result<String> {
    use sqlx::Connection;
    let name = format!("pulse_bench_{}", Uuid::new_v4().simple());
    let mut admin = sqlx::PgConnection::connect(base)
        .await
        .context("connecting to PULSE_BENCH_POSTGRES")?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await?;
    let (server, _) = base
        .rsplit_once('/')
        .context("PULSE_BENCH_POSTGRES is a database URL")?;
    Ok(format!("{server}/{name}"))
}

// ----- the two servers -----

/// The real server on a free loopback port, storing in `dir`.
async fn start_server(dir: &std::path::Path, database_url: &str) -> Result<RunningServer> {
    let wide_open = NonZeroU32::new(1_000_000).context("a non-zero rate")?;
    let config = ServerConfig {
        listen: "127.0.0.1:0".parse()?,
        database_url: database_url.to_owned(),
        data_dir: dir.to_path_buf(),
        limits: Limits {
            rate_per_second: wide_open,
            rate_burst: wide_open,
            ..Limits::default()
        },
        demo: None,
        web_app: None,
        console_app: None,
        mail: Default::default(),
        push: Default::default(),
    };
    Ok(pulse_server::start(config).await?)
}

/// The baseline: one axum route that parses a new case and answers a small JSON.
struct BareEndpoint {
    addr: SocketAddr,
    task: JoinHandle<std::io::Result<()>>,
}

async fn start_bare_endpoint() -> Result<BareEndpoint> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let router = Router::new().route("/v1/cases", post(bare_create_case));
    let task = tokio::spawn(async move { axum::serve(listener, router).await });
    Ok(BareEndpoint { addr, task })
}

async fn bare_create_case(Json(case): Json<NewCase>) -> (StatusCode, Json<serde_json::Value>) {
    let answer = json!({ "id": Uuid::new_v4(), "kind": case.kind, "topic": case.topic });
    (StatusCode::CREATED, Json(answer))
}

// ----- accounts and requests -----

/// Creates an account in the server's store; returns its email.
async fn add_account(server: &RunningServer, role: Actor, email: &str) -> Result<String> {
    let password_hash = tokio::task::spawn_blocking(|| pulse_server::auth::hash_password(PASSWORD))
        .await?
        .map_err(|e| anyhow::anyhow!("hashing the password: {e}"))?;
    server
        .store()
        .create_account(&NewAccount {
            role,
            email: email.into(),
            name: format!("Bench {email}"),
            password_hash,
            country: "NL".into(),
            in_eea: true,
            properties: vec![],
            language: "en".into(),
        })
        .await
        .with_context(|| format!("creating {email}"))?;
    Ok(email.into())
}

/// Signs in through the API; returns the bearer token.
async fn sign_in(client: &reqwest::Client, base: &str, email: &str) -> Result<String> {
    let response = client
        .post(format!("{base}/v1/sessions"))
        .json(&SignIn {
            email: email.into(),
            password: PASSWORD.into(),
        })
        .send()
        .await?;
    let session: Session = expect_json(response, reqwest::StatusCode::CREATED).await?;
    Ok(session.token)
}

/// The request body every create-case request sends.
fn new_case() -> NewCase {
    NewCase {
        kind: ContactKind::Question,
        topic: "reservations".into(),
        subtopic: "changes".into(),
        property_id: None,
        reservation_ref: None,
        body: "A guest asks to move their stay by two nights. Can the dates be changed?".into(),
        attachment_ids: vec![],
        client_created_at: OffsetDateTime::now_utc(),
        diagnostics: None,
        contact: None,
        language: None,
    }
}

/// Reads a JSON answer, or fails with the status and body when the status is not `want`.
async fn expect_json<T: serde::de::DeserializeOwned>(
    response: reqwest::Response,
    want: reqwest::StatusCode,
) -> Result<T> {
    let status = response.status();
    let body = response.bytes().await?;
    ensure!(
        status == want,
        "expected {want}, got {status}: {}",
        String::from_utf8_lossy(&body)
    );
    serde_json::from_slice(&body).context("reading the answer")
}

// ----- support's queue -----

/// Tops the database up to [`QUEUE_CASES`] open cases (a few of which hold a rare
/// word), then times the New view, a search for that word, and the view counts.
async fn measure_queue(
    client: &reqwest::Client,
    server: &RunningServer,
    base: &str,
    partner: &str,
) -> Result<QueueFigures> {
    let handler = add_account(server, Actor::Handler, "queue@bench.test").await?;
    let handler = sign_in(client, base, &handler).await?;
    let open = |client: reqwest::Client, handler: String| async move {
        let response = client
            .get(format!("{base}/v1/handler/views"))
            .bearer_auth(&handler)
            .send()
            .await?;
        let counts: serde_json::Value = expect_json(response, reqwest::StatusCode::OK).await?;
        counts["views"]
            .as_array()
            .and_then(|views| views.iter().find(|v| v["view"] == "open"))
            .and_then(|v| v["count"].as_i64())
            .context("the open view's count")
    };
    let mut open_cases = open(client.clone(), handler.clone()).await?;
    let mut planted = 0;
    while open_cases < QUEUE_CASES as i64 || planted == 0 {
        let cases: Vec<serde_json::Value> = (0..100)
            .map(|i| {
                let mut case = new_case();
                if i == 0 {
                    case.body = format!("The lighthouse room {open_cases} has no view");
                }
                json!({"key": Uuid::new_v4(), "case": case})
            })
            .collect();
        let response = client
            .post(format!("{base}/v1/cases/batch"))
            .bearer_auth(partner)
            .json(&json!({ "cases": cases }))
            .send()
            .await?;
        ensure!(response.status() == 200, "a batch: {}", response.status());
        planted += 1;
        open_cases = open(client.clone(), handler.clone()).await?;
    }
    let time = async |path: &str| -> Result<Latency> {
        let mut samples = Vec::with_capacity(QUEUE_SAMPLES);
        for _ in 0..QUEUE_SAMPLES {
            let started = Instant::now();
            let response = client
                .get(format!("{base}{path}"))
                .bearer_auth(&handler)
                .send()
                .await?;
            ensure!(response.status() == 200, "{path}: {}", response.status());
            response.bytes().await?;
            samples.push(started.elapsed());
        }
        Ok(summarise(samples))
    };
    Ok(QueueFigures {
        open_cases,
        new_view: time("/v1/handler/queue?view=new").await?,
        search: time("/v1/handler/queue?view=open&q=lighthouse").await?,
        counts: time("/v1/handler/views").await?,
    })
}

// ----- throughput -----

struct LoadSettings {
    concurrency: usize,
    warm_up: Duration,
    measure: Duration,
}

/// Where the load goes: a create-case URL and the token sent with it.
#[derive(Clone)]
struct Target {
    url: String,
    token: String,
}

/// What the workers share while the load runs.
#[derive(Default)]
struct Tally {
    ok: AtomicU64,
    failed: AtomicU64,
    first_failures: Mutex<Vec<String>>,
    stop: AtomicBool,
}

impl Tally {
    fn fail(&self, error: anyhow::Error) {
        self.failed.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut first) = self.first_failures.lock()
            && first.len() < 5
        {
            first.push(format!("{error:#}"));
        }
    }
}

struct Throughput {
    per_second: f64,
    counted: u64,
    elapsed: Duration,
    /// Over the whole run, warm-up included.
    failed: u64,
    first_failures: Vec<String>,
}

/// Keeps `concurrency` requests in flight for warm-up plus measure; counts the 201s
/// answered during the measured window.
async fn measure_throughput(
    client: &reqwest::Client,
    target: &Target,
    body: &Bytes,
    load: &LoadSettings,
) -> Result<Throughput> {
    let tally = Arc::new(Tally::default());
    let workers: Vec<_> = (0..load.concurrency)
        .map(|_| {
            tokio::spawn(worker(
                client.clone(),
                target.clone(),
                body.clone(),
                tally.clone(),
            ))
        })
        .collect();
    tokio::time::sleep(load.warm_up).await;
    let (before, started) = (tally.ok.load(Ordering::Relaxed), Instant::now());
    tokio::time::sleep(load.measure).await;
    let (after, elapsed) = (tally.ok.load(Ordering::Relaxed), started.elapsed());
    tally.stop.store(true, Ordering::Relaxed);
    for worker in workers {
        worker.await?;
    }
    let counted = after - before;
    let first_failures = tally
        .first_failures
        .lock()
        .map(|f| f.clone())
        .unwrap_or_default();
    Ok(Throughput {
        per_second: counted as f64 / elapsed.as_secs_f64(),
        counted,
        elapsed,
        failed: tally.failed.load(Ordering::Relaxed),
        first_failures,
    })
}

async fn worker(client: reqwest::Client, target: Target, body: Bytes, tally: Arc<Tally>) {
    while !tally.stop.load(Ordering::Relaxed) {
        match post_case(&client, &target, body.clone()).await {
            Ok(()) => {
                tally.ok.fetch_add(1, Ordering::Relaxed);
            }
            Err(error) => tally.fail(error),
        }
    }
}

/// One create-case request with a fresh Idempotency-Key; succeeds only on 201.
async fn post_case(client: &reqwest::Client, target: &Target, body: Bytes) -> Result<()> {
    let response = client
        .post(&target.url)
        .bearer_auth(&target.token)
        // Time-ordered, as the app makes them.
        .header(IDEMPOTENCY_KEY_HEADER, Uuid::now_v7().to_string())
        .header(CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await?;
    let status = response.status();
    // Read the whole answer so the connection goes back to the pool.
    let answer = response.bytes().await?;
    ensure!(
        status == reqwest::StatusCode::CREATED,
        "answered {status}: {}",
        String::from_utf8_lossy(&answer)
    );
    Ok(())
}

// ----- acknowledge → event stream latency -----

struct Latency {
    p50: Duration,
    p99: Duration,
    max: Duration,
    events: usize,
}

/// An event as it came off the stream, stamped when its bytes arrived.
struct Arrival {
    kind: String,
    case_id: Uuid,
    at: Instant,
}

/// For each of `LATENCY_EVENTS` new cases: wait for its `submitted` event, then time a
/// handler's acknowledge until the `acknowledged` event arrives on the partner's stream.
async fn measure_event_latency(
    client: &reqwest::Client,
    server: &RunningServer,
    base: &str,
) -> Result<Latency> {
    let partner = add_account(server, Actor::Partner, "streaming-partner@bench.test").await?;
    let handler = add_account(server, Actor::Handler, "handler@bench.test").await?;
    let partner_token = sign_in(client, base, &partner).await?;
    let handler_token = sign_in(client, base, &handler).await?;
    let (mut arrivals, reader) = open_event_stream(client, base, &partner_token).await?;

    let mut samples = Vec::with_capacity(LATENCY_EVENTS);
    for _ in 0..LATENCY_EVENTS {
        let case_id = create_case(client, base, &partner_token).await?;
        wait_for(&mut arrivals, case_id, EventKind::Submitted).await?;
        let t0 = Instant::now();
        acknowledge(client, base, &handler_token, case_id).await?;
        let arrived = wait_for(&mut arrivals, case_id, EventKind::Acknowledged).await?;
        samples.push(arrived.saturating_duration_since(t0));
    }
    reader.abort();
    Ok(summarise(samples))
}

/// Opens `GET /v1/events` as a stream; a task reads it and sends each event on.
async fn open_event_stream(
    client: &reqwest::Client,
    base: &str,
    token: &str,
) -> Result<(mpsc::UnboundedReceiver<Arrival>, JoinHandle<()>)> {
    let response = client
        .get(format!("{base}/v1/events"))
        .bearer_auth(token)
        .header(ACCEPT, "text/event-stream")
        .send()
        .await?;
    ensure!(
        response.status() == reqwest::StatusCode::OK,
        "the event stream answered {}",
        response.status()
    );
    let (sender, receiver) = mpsc::unbounded_channel();
    let reader = tokio::spawn(async move {
        if let Err(error) = read_event_stream(response, sender).await {
            eprintln!("event stream reader stopped: {error:#}");
        }
    });
    Ok((receiver, reader))
}

/// Splits the stream into frames at blank lines and sends on every event frame.
async fn read_event_stream(
    response: reqwest::Response,
    sender: mpsc::UnboundedSender<Arrival>,
) -> Result<()> {
    let mut chunks = response.bytes_stream();
    let mut buffer: Vec<u8> = Vec::new();
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk?;
        let at = Instant::now();
        buffer.extend(chunk.iter().filter(|b| **b != b'\r'));
        while let Some(end) = buffer.windows(2).position(|w| w == b"\n\n") {
            let frame: Vec<u8> = buffer.drain(..end + 2).collect();
            if let Some((kind, case_id)) = parse_frame(std::str::from_utf8(&frame)?)?
                && sender.send(Arrival { kind, case_id, at }).is_err()
            {
                return Ok(());
            }
        }
    }
    Ok(())
}

/// An SSE frame's `event:` name and case id; `None` for a keep-alive comment.
fn parse_frame(frame: &str) -> Result<Option<(String, Uuid)>> {
    let (mut id, mut kind, mut data) = (None, None, String::new());
    for line in frame.lines() {
        if let Some(value) = line.strip_prefix("id:") {
            id = Some(value.trim().parse::<i64>()?);
        } else if let Some(value) = line.strip_prefix("event:") {
            kind = Some(value.trim().to_owned());
        } else if let Some(value) = line.strip_prefix("data:") {
            data.push_str(value.strip_prefix(' ').unwrap_or(value));
        }
    }
    let (Some(id), Some(kind)) = (id, kind) else {
        return Ok(None);
    };
    let event: CaseEvent = serde_json::from_str(&data).context("reading an event's data")?;
    ensure!(event.id == id, "frame id {id} carries event {}", event.id);
    ensure!(
        event.kind.as_str() == kind,
        "frame {kind:?} carries a {:?} event",
        event.kind
    );
    Ok(Some((kind, event.case_id)))
}

/// Waits for `kind` on `case_id`; returns when it arrived.
async fn wait_for(
    arrivals: &mut mpsc::UnboundedReceiver<Arrival>,
    case_id: Uuid,
    kind: EventKind,
) -> Result<Instant> {
    loop {
        let arrival = tokio::time::timeout(EVENT_TIMEOUT, arrivals.recv())
            .await
            .with_context(|| format!("no {} event for {case_id}", kind.as_str()))?;
        let Some(arrival) = arrival else {
            bail!("the event stream ended");
        };
        if arrival.case_id == case_id && arrival.kind == kind.as_str() {
            return Ok(arrival.at);
        }
    }
}

/// Opens a case as the partner (not timed); returns its id.
async fn create_case(client: &reqwest::Client, base: &str, token: &str) -> Result<Uuid> {
    let response = client
        .post(format!("{base}/v1/cases"))
        .bearer_auth(token)
        .header(IDEMPOTENCY_KEY_HEADER, Uuid::new_v4().to_string())
        .json(&new_case())
        .send()
        .await?;
    let detail: CaseDetail = expect_json(response, reqwest::StatusCode::CREATED).await?;
    Ok(detail.case.id)
}

async fn acknowledge(client: &reqwest::Client, base: &str, token: &str, case: Uuid) -> Result<()> {
    let response = client
        .post(format!("{base}/v1/handler/cases/{case}/acknowledge"))
        .bearer_auth(token)
        .json(&json!({}))
        .send()
        .await?;
    let _: CaseEvent = expect_json(response, reqwest::StatusCode::OK).await?;
    Ok(())
}

/// Nearest-rank percentiles.
fn summarise(mut samples: Vec<Duration>) -> Latency {
    samples.sort_unstable();
    let rank = |q: f64| {
        let index = ((q * samples.len() as f64).ceil() as usize).saturating_sub(1);
        samples.get(index).copied().unwrap_or_default()
    };
    Latency {
        p50: rank(0.50),
        p99: rank(0.99),
        max: samples.last().copied().unwrap_or_default(),
        events: samples.len(),
    }
}

// ----- report -----

fn print_report(load: &LoadSettings, runs: &[BackendRun]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!();
    println!("pulse-server benchmark (loopback, one run)");
    println!(
        "load: {} concurrent requests, {:.0} s warm-up, {:.0} s measured per endpoint",
        load.concurrency,
        load.warm_up.as_secs_f64(),
        load.measure.as_secs_f64()
    );
    print!("{:<32}", "");
    for run in runs {
        print!("{:>30}", run.name);
    }
    println!();
    let row = |label: &str, cell: &dyn Fn(&BackendRun) -> String| {
        print!("{label:<32}");
        for run in runs {
            print!("{:>30}", cell(run));
        }
        println!();
    };
    row("create case, req/s", &|r| {
        format!("{:.0}", r.real.per_second)
    });
    row("bare axum JSON endpoint, req/s", &|r| {
        format!("{:.0}", r.bare.per_second)
    });
    row(&format!("ratio (target ≥ {TARGET_RATIO})"), &|r| {
        let ratio = r.real.per_second / r.bare.per_second;
        format!("{ratio:.2} {}", verdict(ratio >= TARGET_RATIO))
    });
    row("acknowledge → stream p50", &|r| {
        format!("{:.1} ms", ms(r.latency.p50))
    });
    row(
        &format!("acknowledge → stream p99 (≤ {} ms)", TARGET_P99.as_millis()),
        &|r| {
            format!(
                "{:.1} ms {}",
                ms(r.latency.p99),
                verdict(r.latency.p99 <= TARGET_P99)
            )
        },
    );
    row("acknowledge → stream max", &|r| {
        format!("{:.1} ms", ms(r.latency.max))
    });
    row("events timed", &|r| r.latency.events.to_string());
    row("open cases in the queue", &|r| {
        r.queue.open_cases.to_string()
    });
    for (label, pick) in [
        (
            "queue New view",
            (|q: &QueueFigures| &q.new_view) as fn(&QueueFigures) -> &Latency,
        ),
        ("queue search", |q: &QueueFigures| &q.search),
        ("queue view counts", |q: &QueueFigures| &q.counts),
    ] {
        row(&format!("{label} p50"), &|r| {
            format!("{:.1} ms", ms(pick(&r.queue).p50))
        });
        row(
            &format!("{label} p99 (≤ {} ms)", QUEUE_P99.as_millis()),
            &|r| {
                let p99 = pick(&r.queue).p99;
                format!("{:.1} ms {}", ms(p99), verdict(p99 <= QUEUE_P99))
            },
        );
    }
    for run in runs {
        for (name, t) in [("real server", &run.real), ("bare endpoint", &run.bare)] {
            print_throughput(&format!("{} {name}", run.name), t);
            for failure in &t.first_failures {
                println!("failure ({} {name}): {failure}", run.name);
            }
        }
    }
}

fn print_throughput(name: &str, run: &Throughput) {
    println!(
        "{name:<30}{:>6.0} req/s   ({} in {:.2} s, {} failed)",
        run.per_second,
        run.counted,
        run.elapsed.as_secs_f64(),
        run.failed
    );
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT met" }
}
