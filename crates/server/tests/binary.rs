//! The `pulse-server` binary as an operator runs it: account creation from the command
//! line, demo mode with its automatic handler, flags from the environment, and logs that
//! carry no tokens, passwords or message bodies.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_pulse-server");

struct Running {
    child: Child,
    base: String,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// The database the binary should use in this run: its default SQLite file, or a
/// fresh PostgreSQL database when the suite runs there.
async fn database_env() -> Vec<(&'static str, String)> {
    match std::env::var("PULSE_TEST_POSTGRES") {
        Ok(base) if !base.is_empty() => {
            use sqlx::Connection;
            let name = format!("pulse_test_{}", uuid::Uuid::new_v4().simple());
            let mut admin = sqlx::PgConnection::connect(&base).await.unwrap();
            sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&mut admin)
                .await
                .unwrap();
            let (server, _) = base.rsplit_once('/').unwrap();
            vec![("PULSE_DATABASE_URL", format!("{server}/{name}"))]
        }
        _ => Vec::new(),
    }
}

/// Starts the binary with `args` and waits for its "listening" line.
fn serve(dir: &std::path::Path, args: &[&str], env: &[(&str, String)]) -> Running {
    let port = free_port();
    let mut child = Command::new(BIN)
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("PULSE_LISTEN", format!("127.0.0.1:{port}"))
        .env("PULSE_DATA_DIR", dir)
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pulse-server starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut banner = String::new();
    for line in lines.by_ref() {
        let line = line.expect("a line");
        banner.push_str(&line);
        banner.push('\n');
        if line.contains("listening on") {
            break;
        }
    }
    assert!(banner.contains(&format!("127.0.0.1:{port}")), "{banner}");
    std::thread::spawn(move || for _ in lines {});
    Running {
        child,
        base: format!("http://127.0.0.1:{port}"),
    }
}

/// A GET as the holder of `token`, answered with JSON.
async fn get_json(http: &reqwest::Client, url: &str, token: &str) -> Value {
    http.get(url)
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn sign_in(http: &reqwest::Client, base: &str, email: &str, password: &str) -> String {
    let reply: Value = http
        .post(format!("{base}/v1/sessions"))
        .json(&json!({"email": email, "password": password}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    reply["token"]
        .as_str()
        .unwrap_or_else(|| panic!("{reply}"))
        .to_owned()
}

#[tokio::test]
async fn accounts_are_added_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = database_env().await;
    let db = db.iter().map(|(k, v)| (*k, v.as_str()));
    let add = Command::new(BIN)
        .envs(db.clone())
        .args([
            "account",
            "add",
            "--email",
            "host@example.test",
            "--name",
            "Hosts BV",
        ])
        .args([
            "--country",
            "be",
            "--property",
            "Villa Ghent",
            "--property",
            "Loft Bruges",
        ])
        .env("PULSE_DATA_DIR", dir.path())
        .env("PULSE_ACCOUNT_PASSWORD", "a-long-password")
        .output()
        .unwrap();
    assert!(
        add.status.success(),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    assert!(String::from_utf8_lossy(&add.stdout).contains("created account"));

    let again = Command::new(BIN)
        .envs(db.clone())
        .args([
            "account",
            "add",
            "--email",
            "HOST@example.test",
            "--name",
            "Dup",
            "--country",
            "BE",
        ])
        .env("PULSE_DATA_DIR", dir.path())
        .env("PULSE_ACCOUNT_PASSWORD", "a-long-password")
        .output()
        .unwrap();
    assert!(!again.status.success(), "the email is taken");

    // A handler, with the password on standard input.
    let mut handler = Command::new(BIN)
        .envs(db.clone())
        .args([
            "account",
            "add",
            "--role",
            "handler",
            "--email",
            "agent@example.test",
            "--name",
            "Agent",
        ])
        .env("PULSE_DATA_DIR", dir.path())
        .env_remove("PULSE_ACCOUNT_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    handler
        .stdin
        .take()
        .unwrap()
        .write_all(b"handler-password\n")
        .unwrap();
    assert!(handler.wait().unwrap().success());

    let env: Vec<(&str, String)> = db.map(|(k, v)| (k, v.to_owned())).collect();
    let server = serve(dir.path(), &[], &env);
    let http = reqwest::Client::new();
    let token = sign_in(&http, &server.base, "host@example.test", "a-long-password").await;
    let me = get_json(&http, &format!("{}/v1/account", server.base), &token).await;
    assert_eq!(me["country"], "BE");
    assert_eq!(me["in_eea"], true);
    assert_eq!(me["properties"].as_array().unwrap().len(), 2);
    sign_in(
        &http,
        &server.base,
        "agent@example.test",
        "handler-password",
    )
    .await;
}

#[tokio::test]
async fn demo_mode_seeds_accounts_and_moves_a_new_case_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let env = database_env().await;
    let mut server = serve(dir.path(), &["--demo"], &env);
    let http = reqwest::Client::new();
    let token = sign_in(&http, &server.base, "partner@demo.test", "demo-password").await;
    let other = sign_in(&http, &server.base, "partner2@demo.test", "demo-password").await;
    sign_in(&http, &server.base, "handler@demo.test", "demo-password").await;
    let me = get_json(&http, &format!("{}/v1/account", server.base), &other).await;
    assert_eq!(me["in_eea"], false);

    let secret_body = "Marker-7f3a: the key safe code is 4411";
    let created: Value = http
        .post(format!("{}/v1/cases", server.base))
        .bearer_auth(&token)
        .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
        .json(
            &json!({"kind": "question", "topic": "payouts", "subtopic": "payouts",
            "body": secret_body, "client_created_at": "2026-11-21T08:00:00Z"}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["case"]["id"].as_str().unwrap().to_owned();

    // The automatic handler acknowledges, then posts a first update.
    let started = Instant::now();
    let mut status = String::new();
    while started.elapsed() < Duration::from_secs(20) {
        let case = get_json(&http, &format!("{}/v1/cases/{id}", server.base), &token).await;
        status = case["case"]["status"].as_str().unwrap_or("").to_owned();
        if status == "in_progress" {
            let kinds: Vec<_> = case["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["kind"].clone())
                .collect();
            assert_eq!(
                kinds,
                [json!("submitted"), json!("acknowledged"), json!("update")]
            );
            break;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    assert_eq!(status, "in_progress");

    // Stop with SIGTERM: it exits cleanly; its logs hold no secrets.
    let pid = server.child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "graceful exit: {exit:?}");
    let mut logs = String::new();
    server
        .child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut logs)
        .unwrap();
    assert!(logs.contains("signed in"), "info logs are written: {logs}");
    for secret in [
        token.as_str(),
        other.as_str(),
        "demo-password",
        secret_body,
        "4411",
    ] {
        assert!(!logs.contains(secret), "{secret:?} in the logs");
    }
}
