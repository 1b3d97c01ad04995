//! Load test of idle event streams, which stops by itself: the server binary runs as its
//! own process (SQLite in a temporary directory), 2,000 event streams are opened on it
//! and left idle, then cases are written for 60 s while they stay open. It prints:
//!
//! - errors: streams that ended or failed, and writes answered with anything but 201
//!   (target 0);
//! - the server's memory per idle stream: its resident set after opening the streams,
//!   less before, divided by their number (target at most 16 KiB);
//! - write latency (p50, p99, max) during the load, and the same before the streams were
//!   opened, as a ratio: what the open streams cost the write path on this machine now.
//!
//! The streams belong to two partners, 1,000 each; the writes to a third, so the figures
//! are those of idle streams (a commit wakes none of them) and not of delivering events.
//!
//! `cargo bench -p pulse-server --bench streams` (or `bash scripts/bench.sh`). The
//! environment may shorten it: `PULSE_BENCH_STREAMS` (2000), `PULSE_BENCH_LOAD_SECS` (60).

use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use futures_util::StreamExt;
use pulse_protocol::wire::{IDEMPOTENCY_KEY_HEADER, Session, SignIn};
use reqwest::header::ACCEPT;
use serde_json::json;
use tokio::io::{AsyncBufReadExt, BufReader};
use uuid::Uuid;

const TARGET_BYTES_PER_STREAM: u64 = 16 * 1024;
/// Writes kept in flight at once during the load.
const WRITERS: usize = 4;
const LOAD_PASSWORD: &str = "bench load password";

fn main() -> Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("building the tokio runtime")?
        .block_on(run())
}

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn run() -> Result<()> {
    let streams = setting("PULSE_BENCH_STREAMS", 2_000) as usize;
    let load = Duration::from_secs(setting("PULSE_BENCH_LOAD_SECS", 60));
    let dir = tempfile::tempdir().context("a temporary directory")?;
    let binary = env!("CARGO_BIN_EXE_pulse-server");
    let data_dir = dir.path().to_string_lossy().into_owned();

    // The writing partner, made before the server starts, with the server's own command.
    let added = tokio::process::Command::new(binary)
        .args(["--data-dir", &data_dir, "account", "add"])
        .args([
            "--email",
            "load@bench.test",
            "--name",
            "Load",
            "--country",
            "NL",
        ])
        .env("PULSE_ACCOUNT_PASSWORD", LOAD_PASSWORD)
        .status()
        .await
        .context("adding the writing account")?;
    ensure!(added.success(), "account add failed");

    let per_account = streams.div_ceil(2).max(1).to_string();
    let mut server = tokio::process::Command::new(binary)
        .args(["--data-dir", &data_dir, "--listen", "127.0.0.1:0", "--demo"])
        .args(["--max-streams-per-account", &per_account])
        .args([
            "--rate-limit-per-second",
            "1000000",
            "--rate-limit-burst",
            "1000000",
        ])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .context("starting the server")?;
    let pid = server.id().context("the server's pid")?;
    let base = listening_address(&mut server).await?;

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()?;
    let writer = sign_in(&client, &base, "load@bench.test", LOAD_PASSWORD).await?;
    let readers = [
        sign_in(&client, &base, "partner@demo.test", "demo-password").await?,
        sign_in(&client, &base, "partner2@demo.test", "demo-password").await?,
    ];

    // Writes before any stream is open: the baseline, and the server warmed up.
    let quiet = write_load(&client, &base, &writer, Duration::from_secs(10)).await;
    settle().await;
    let before = rss_bytes(pid)?;

    let ended = Arc::new(AtomicU64::new(0));
    let mut open = Vec::with_capacity(streams);
    let opening = Instant::now();
    for n in 0..streams {
        let token = &readers[n % 2];
        let response = client
            .get(format!("{base}/v1/events"))
            .bearer_auth(token)
            .header(ACCEPT, "text/event-stream")
            .send()
            .await
            .with_context(|| format!("opening stream {n}"))?;
        ensure!(
            response.status() == reqwest::StatusCode::OK,
            "stream {n} answered {}",
            response.status()
        );
        let ended = ended.clone();
        open.push(tokio::spawn(async move {
            let mut body = response.bytes_stream();
            while let Some(chunk) = body.next().await {
                if chunk.is_err() {
                    break;
                }
            }
            ended.fetch_add(1, Ordering::Relaxed);
        }));
    }
    let opened_in = opening.elapsed();
    settle().await;
    let after = rss_bytes(pid)?;

    let loaded = write_load(&client, &base, &writer, load).await;
    let during = rss_bytes(pid)?;
    let ended_early = ended.load(Ordering::Relaxed);
    let exited = server.try_wait()?;

    let per_stream = after.saturating_sub(before) / streams as u64;
    println!();
    println!("pulse-server idle streams under a write load (loopback, one run, SQLite)");
    println!(
        "  streams:        {streams} opened in {:.1} s, idle for {:.0} s of writes",
        opened_in.as_secs_f64(),
        load.as_secs_f64()
    );
    println!(
        "  errors:         {} streams ended early, {} writes failed of {} (target 0) {}",
        ended_early,
        loaded.failed,
        loaded.samples.len() + loaded.failed as usize,
        verdict(ended_early == 0 && loaded.failed == 0 && exited.is_none())
    );
    println!(
        "  memory:         {} KiB resident before the streams, {} KiB with them, {} KiB after the load",
        before / 1024,
        after / 1024,
        during / 1024
    );
    println!(
        "  per stream:     {:.1} KiB (target <= {} KiB) {}",
        per_stream as f64 / 1024.0,
        TARGET_BYTES_PER_STREAM / 1024,
        verdict(per_stream <= TARGET_BYTES_PER_STREAM)
    );
    let (quiet_p, loaded_p) = (percentiles(&quiet.samples), percentiles(&loaded.samples));
    println!(
        "  write latency:  p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms with the streams open ({} writes, {:.0}/s)",
        ms(loaded_p.0),
        ms(loaded_p.1),
        ms(loaded_p.2),
        loaded.samples.len(),
        loaded.samples.len() as f64 / load.as_secs_f64()
    );
    println!(
        "                  p50 {:.2} ms, p99 {:.2} ms before them: p99 ratio {:.2}",
        ms(quiet_p.0),
        ms(quiet_p.1),
        ms(loaded_p.1) / ms(quiet_p.1).max(0.001)
    );
    for task in open {
        task.abort();
    }
    if let Some(status) = exited {
        bail!("the server exited during the run: {status}");
    }
    server.kill().await.ok();
    Ok(())
}

/// Reads the server's output until it says where it listens.
async fn listening_address(server: &mut tokio::process::Child) -> Result<String> {
    let stdout = server.stdout.take().context("the server's output")?;
    let mut lines = BufReader::new(stdout).lines();
    let found = tokio::time::timeout(Duration::from_secs(60), async {
        while let Some(line) = lines.next_line().await? {
            if let Some(at) = line.find("http://") {
                let address: String = line[at..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && *c != '"')
                    .collect();
                return Ok::<_, anyhow::Error>(Some(address));
            }
        }
        Ok(None)
    })
    .await
    .context("the server did not start within 60 s")??;
    // Keep draining the log so the server never blocks writing to it.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    found.context("the server's log ended before it listened")
}

async fn sign_in(
    client: &reqwest::Client,
    base: &str,
    email: &str,
    password: &str,
) -> Result<String> {
    let response = client
        .post(format!("{base}/v1/sessions"))
        .json(&SignIn {
            email: email.into(),
            password: password.into(),
        })
        .send()
        .await?;
    ensure!(
        response.status() == reqwest::StatusCode::CREATED,
        "signing in {email}: {}",
        response.status()
    );
    Ok(response.json::<Session>().await?.token)
}

struct Load {
    samples: Vec<Duration>,
    failed: u64,
}

/// Cases created by `WRITERS` loops for `length`; each write's time, and the failures.
async fn write_load(client: &reqwest::Client, base: &str, token: &str, length: Duration) -> Load {
    let deadline = Instant::now() + length;
    let failed = Arc::new(AtomicU64::new(0));
    let mut loops = Vec::new();
    for _ in 0..WRITERS {
        let (client, base, token, failed) = (
            client.clone(),
            base.to_owned(),
            token.to_owned(),
            failed.clone(),
        );
        loops.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            while Instant::now() < deadline {
                let started = Instant::now();
                let sent = client
                    .post(format!("{base}/v1/cases"))
                    .bearer_auth(&token)
                    .header(IDEMPOTENCY_KEY_HEADER, Uuid::new_v4().to_string())
                    .json(&json!({
                        "kind": "question",
                        "topic": "reservations",
                        "subtopic": "changes",
                        "body": "A guest asks to move their stay by two nights.",
                        "client_created_at": "2026-12-01T10:00:00Z",
                    }))
                    .send()
                    .await;
                match sent {
                    Ok(response) if response.status() == reqwest::StatusCode::CREATED => {
                        let _ = response.bytes().await;
                        samples.push(started.elapsed());
                    }
                    Ok(response) => {
                        eprintln!("a write answered {}", response.status());
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(error) => {
                        eprintln!("a write failed: {error}");
                        failed.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            samples
        }));
    }
    let mut samples = Vec::new();
    for task in loops {
        samples.extend(task.await.unwrap_or_default());
    }
    Load {
        samples,
        failed: failed.load(Ordering::Relaxed),
    }
}

/// Lets the allocator and the kernel's accounting catch up before a reading.
async fn settle() {
    tokio::time::sleep(Duration::from_secs(2)).await;
}

/// The resident set of process `pid`, from /proc.
fn rss_bytes(pid: u32) -> Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
    let kib = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .context("VmRSS in /proc/<pid>/status")?;
    Ok(kib * 1024)
}

/// p50, p99 and max.
fn percentiles(samples: &[Duration]) -> (Duration, Duration, Duration) {
    if samples.is_empty() {
        return (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    }
    let mut sorted = samples.to_vec();
    sorted.sort();
    let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99), sorted[sorted.len() - 1])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn verdict(met: bool) -> &'static str {
    if met { "(met)" } else { "(NOT met)" }
}
