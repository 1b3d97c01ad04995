//! Several instances on one PostgreSQL database behave as one service: a change made
//! through one reaches a stream open on another, one idempotency key raced through two
//! makes one case, sessions and rate limits hold across them, and when one dies
//! mid-stream the client resumes on another and misses nothing.
//!
//! They need a PostgreSQL server named by `PULSE_TEST_POSTGRES`, so they are ignored
//! by default; `scripts/test.sh` starts one and runs them with `--include-ignored`, and
//! without the variable they fail rather than pass.

mod helpers;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use helpers::{TestServer, User, question};
use pulse_protocol::wire::{CaseEvent, CasePage};
use serde_json::json;
use uuid::Uuid;

/// Two in-process instances on one fresh PostgreSQL database.
async fn two_instances(tune: impl Fn(&mut pulse_server::ServerConfig)) -> (TestServer, TestServer) {
    let url = helpers::fresh_postgres_database(&helpers::required_postgres()).await;
    let a = TestServer::spawn_with(|c| {
        c.database_url = url.clone();
        tune(c);
    })
    .await;
    let b = TestServer::spawn_with(|c| {
        c.database_url = url.clone();
        tune(c);
    })
    .await;
    (a, b)
}

/// The same signed-in user, talking to another instance.
fn via(user: &User, server: &TestServer) -> User {
    User {
        base: server.base.clone(),
        ..user.clone()
    }
}

#[tokio::test]
#[ignore = "needs PostgreSQL (PULSE_TEST_POSTGRES); scripts/test.sh runs it"]
async fn a_change_through_one_instance_reaches_a_stream_on_another() {
    let (a, b) = two_instances(|_| {}).await;
    let partner_on_a = a.partner("anna@example.test").await;
    let handler_on_a = a.handler("support@example.test").await;
    let partner_on_b = via(&partner_on_a, &b);
    let mut stream_on_b = partner_on_b.stream(None).await;

    let mut latencies = Vec::new();
    for i in 0..20 {
        let case = partner_on_a.open_case(&format!("Case {i}")).await.case.id;
        let submitted = stream_on_b
            .next(Duration::from_secs(5))
            .await
            .expect("submitted on B");
        assert_eq!(submitted.event.case_id, case);
        let started = Instant::now();
        handler_on_a.handle(case, "acknowledge", json!({})).await;
        let ack = stream_on_b
            .next(Duration::from_secs(5))
            .await
            .expect("acknowledged on B");
        latencies.push(started.elapsed());
        assert_eq!(ack.kind, "acknowledged");
        assert_eq!(ack.event.case_id, case);
    }
    latencies.sort();
    let worst = *latencies.last().unwrap();
    eprintln!(
        "acknowledge on A → stream on B: median {:?}, worst {worst:?}",
        latencies[10]
    );
    assert!(
        worst < Duration::from_millis(900),
        "woken by NOTIFY, not the 1 s poll: {worst:?}"
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL (PULSE_TEST_POSTGRES); scripts/test.sh runs it"]
async fn one_key_raced_through_two_instances_makes_one_case() {
    let (a, b) = two_instances(|_| {}).await;
    let on_a = a.partner("anna@example.test").await;
    let on_b = via(&on_a, &b);
    for round in 0..10 {
        let key = Uuid::new_v4();
        let body = question(&format!("Race {round}"));
        let (ra, rb) = tokio::join!(
            on_a.post_keyed("/v1/cases", key, body.clone()),
            on_b.post_keyed("/v1/cases", key, body.clone())
        );
        assert_eq!(ra.status, 201, "{}", ra.body);
        assert_eq!(rb.status, 201, "{}", rb.body);
        assert_eq!(ra.body["case"]["id"], rb.body["case"]["id"]);
    }
    let page: CasePage = on_b.get("/v1/cases").await.json();
    assert_eq!(page.cases.len(), 10);
}

#[tokio::test]
#[ignore = "needs PostgreSQL (PULSE_TEST_POSTGRES); scripts/test.sh runs it"]
async fn sessions_and_rate_limits_hold_whichever_instance_answers() {
    let (a, b) = two_instances(|c| {
        c.limits.rate_per_second = 1.try_into().unwrap();
        c.limits.rate_burst = 6.try_into().unwrap();
    })
    .await;
    let on_a = a.partner("anna@example.test").await; // one sign-in request
    let on_b = via(&on_a, &b);
    assert_eq!(
        on_b.get("/v1/account").await.status,
        200,
        "A's session works on B"
    );
    // The token's bucket is shared: what A used, B cannot.
    for _ in 0..3 {
        assert_eq!(on_a.get("/v1/cases").await.status, 200);
    }
    let mut refused = None;
    for _ in 0..4 {
        let reply = on_b.get("/v1/cases").await;
        if reply.status == 429 {
            refused = Some(reply);
            break;
        }
    }
    let refused = refused.expect("B refuses once the shared bucket is empty");
    refused.assert_error(429, "rate_limited");
    let wait: u64 = refused.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    tokio::time::sleep(Duration::from_secs(wait)).await;
    // Signing out on B ends the session on A.
    assert_eq!(on_b.delete("/v1/sessions/current").await.status, 204);
    on_a.get("/v1/account")
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
#[ignore = "needs PostgreSQL (PULSE_TEST_POSTGRES); scripts/test.sh runs it"]
async fn signing_out_through_one_instance_ends_the_stream_open_on_another_within_a_second() {
    let (a, b) = two_instances(|_| {}).await;
    let on_a = a.partner("anna@example.test").await;
    let on_b = via(&on_a, &b);
    let elsewhere = a.sign_in("anna@example.test").await;
    let mut stream_on_a = on_a.stream(None).await;
    let mut other_stream_on_b = via(&elsewhere, &b).stream(None).await;
    let signed_out = Instant::now();
    assert_eq!(on_b.delete("/v1/sessions/current").await.status, 204);
    // Instance A learns of it at its next check of the sessions behind its streams.
    assert!(stream_on_a.ends_within(Duration::from_millis(1_500)).await);
    eprintln!(
        "stream on A ended {:?} after the sign-out on B",
        signed_out.elapsed()
    );
    // Everywhere, through A, ends the other device's stream on B.
    assert_eq!(elsewhere.delete("/v1/sessions").await.status, 204);
    assert!(
        other_stream_on_b
            .ends_within(Duration::from_millis(1_500))
            .await
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL (PULSE_TEST_POSTGRES); scripts/test.sh runs it"]
async fn when_an_instance_dies_mid_stream_the_client_resumes_on_another() {
    let url = helpers::fresh_postgres_database(&helpers::required_postgres()).await;
    let b = TestServer::spawn_with(|c| c.database_url = url.clone()).await;
    let partner = b.partner("anna@example.test").await;
    let handler = b.handler("support@example.test").await;

    // Instance A is a separate process, killed without warning.
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut a = Command::new(env!("CARGO_BIN_EXE_pulse-server"))
        .args([
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            &url,
        ])
        .arg("--data-dir")
        .arg(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let a_url = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while reqwest::get(format!("{a_url}/v1/topics")).await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "instance A starts"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let on_a = User {
        base: a_url,
        ..partner.clone()
    };

    let mut cases = Vec::new();
    for i in 0..3 {
        cases.push(partner.open_case(&format!("Case {i}")).await.case.id);
    }
    let mut stream = on_a.stream(Some(0)).await;
    let mut seen: Vec<CaseEvent> = Vec::new();
    for _ in 0..3 {
        seen.push(
            stream
                .next(Duration::from_secs(5))
                .await
                .expect("event on A")
                .event,
        );
    }
    a.kill().unwrap(); // SIGKILL, mid-stream
    a.wait().unwrap();
    assert!(
        stream.next(Duration::from_secs(2)).await.is_none(),
        "A's stream is gone"
    );

    // Changes go on through B while the client reconnects.
    for case in &cases {
        handler.handle(*case, "acknowledge", json!({})).await;
    }
    let last = seen.last().unwrap().id;
    let mut resumed = partner.stream(Some(last)).await;
    let rest = resumed.drain(Duration::from_millis(700)).await;
    seen.extend(rest.into_iter().map(|f| f.event));
    let ids: Vec<i64> = seen.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 6, "{ids:?}");
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "no gap reordered, no duplicate"
    );
    let everything: pulse_protocol::wire::EventPage = partner
        .send(
            partner
                .request(reqwest::Method::GET, "/v1/events?after=0")
                .header("Accept", "application/json"),
        )
        .await
        .json();
    let all: Vec<i64> = everything.events.iter().map(|e| e.id).collect();
    assert_eq!(ids, all, "nothing missed");
}

#[tokio::test]
#[ignore = "needs PostgreSQL (PULSE_TEST_POSTGRES); scripts/test.sh runs it"]
async fn two_instances_show_support_one_queue_and_one_live_stream() {
    let (a, b) = two_instances(|_| {}).await;
    let partner_on_a = a.partner("anna@example.test").await;
    let handler_on_b = b.handler("support@example.test").await;
    let handler_on_a = via(&handler_on_b, &a);
    let mut stream_on_b = handler_on_b
        .open_stream(handler_on_b.request(reqwest::Method::GET, "/v1/handler/events"))
        .await;

    let case = partner_on_a.open_case("Seen from both").await.case.id;
    let frame = stream_on_b
        .next(Duration::from_secs(2))
        .await
        .expect("a new case on A reaches the handlers' stream on B within 2 s");
    assert_eq!(frame.event.case_id, case);
    let note = handler_on_a
        .post(
            &format!("/v1/handler/cases/{case}/notes"),
            json!({"body": "Written on A"}),
        )
        .await;
    assert_eq!(note.status, 201, "{}", note.body);
    let frame = stream_on_b
        .next(Duration::from_secs(2))
        .await
        .expect("the note");
    assert_eq!(frame.kind, "note");

    for handler in [&handler_on_a, &handler_on_b] {
        let queue = handler.get("/v1/handler/queue?view=new").await;
        assert_eq!(queue.status, 200, "{}", queue.body);
        assert_eq!(queue.body["cases"][0]["case"]["id"], case.to_string());
        let views = handler.get("/v1/handler/views").await;
        assert_eq!(views.body["views"][0], json!({"view": "new", "count": 1}));
    }
}
