//! Signing in and out, roles, and the rate limits.

mod helpers;

use std::time::{Duration, Instant};

use helpers::{PASSWORD, TestServer};
use serde_json::json;

#[tokio::test]
async fn sign_in_gives_a_token_that_works_until_sign_out() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let account = partner.account();
    assert_eq!(account.email, "anna@example.test");
    assert!(account.in_eea);
    assert_eq!(account.properties.len(), 2);

    let me = partner.get("/v1/account").await;
    assert_eq!(me.status, 200);
    assert_eq!(me.body["email"], "anna@example.test");

    let out = partner.delete("/v1/sessions/current").await;
    assert_eq!(out.status, 204);
    partner
        .get("/v1/account")
        .await
        .assert_error(401, "unauthorized");
    partner
        .get("/v1/cases")
        .await
        .assert_error(401, "unauthorized");
    // Signing out twice: the token is already gone.
    partner
        .delete("/v1/sessions/current")
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn tokens_are_stored_only_as_hashes() {
    // Reads the database file itself, so always SQLite; PostgreSQL stores the same
    // columns through the same flow.
    let app = TestServer::spawn_with(|c| {
        c.database_url = format!("sqlite:{}", c.data_dir.join("pulse.db").display());
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let token = partner.token.clone().unwrap();
    let mut db = Vec::new();
    for name in ["pulse.db", "pulse.db-wal"] {
        if let Ok(bytes) = std::fs::read(app.dir.path().join(name)) {
            db.extend(bytes);
        }
    }
    assert!(!db.is_empty());
    let found = db.windows(token.len()).any(|w| w == token.as_bytes());
    assert!(!found, "the raw token is in the database file");
    let found = db.windows(PASSWORD.len()).any(|w| w == PASSWORD.as_bytes());
    assert!(!found, "the raw password is in the database file");
}

#[tokio::test]
async fn wrong_credentials_are_refused_alike() {
    let app = TestServer::spawn().await;
    app.partner("anna@example.test").await;
    let anon = app.anonymous();
    let wrong_password = anon
        .post(
            "/v1/sessions",
            json!({"email": "anna@example.test", "password": "nope-nope"}),
        )
        .await;
    wrong_password.assert_error(401, "invalid_credentials");
    let unknown = anon
        .post(
            "/v1/sessions",
            json!({"email": "nobody@example.test", "password": PASSWORD}),
        )
        .await;
    unknown.assert_error(401, "invalid_credentials");
    assert_eq!(
        wrong_password.body, unknown.body,
        "no hint which one was wrong"
    );
    // Email is matched without regard to case.
    let reply = anon
        .post(
            "/v1/sessions",
            json!({"email": "ANNA@example.test", "password": PASSWORD}),
        )
        .await;
    assert_eq!(reply.status, 201);
}

#[tokio::test]
async fn missing_or_bogus_tokens_answer_401() {
    let app = TestServer::spawn().await;
    let anon = app.anonymous();
    for path in [
        "/v1/cases",
        "/v1/account",
        "/v1/events",
        "/v1/handler/cases",
    ] {
        anon.get(path).await.assert_error(401, "unauthorized");
    }
    let mut bogus = app.anonymous();
    bogus.token = Some("not-a-token".into());
    bogus
        .get("/v1/cases")
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn roles_keep_to_their_own_api() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    partner
        .get("/v1/handler/cases")
        .await
        .assert_error(403, "forbidden");
    handler
        .get("/v1/cases")
        .await
        .assert_error(403, "forbidden");
    let case = partner.open_case("Hello").await;
    partner
        .post(
            &format!("/v1/handler/cases/{}/acknowledge", case.case.id),
            json!({}),
        )
        .await
        .assert_error(403, "forbidden");
}

#[tokio::test]
async fn a_token_over_its_rate_gets_429_with_retry_after() {
    let app = TestServer::spawn_with(|config| {
        config.limits.rate_per_second = 1.try_into().unwrap();
        config.limits.rate_burst = 5.try_into().unwrap();
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    // Burst of 5, then one more per second: count successes until the first refusal.
    let started = std::time::Instant::now();
    let mut ok = 0;
    let limited = loop {
        let reply = partner.get("/v1/cases").await;
        if reply.status != 200 {
            break reply;
        }
        ok += 1;
        assert!(ok < 100, "never limited");
    };
    let refills = started.elapsed().as_secs() + 1;
    assert!(
        ok >= 5 && ok <= 5 + refills,
        "{ok} allowed in {:?}",
        started.elapsed()
    );
    limited.assert_error(429, "rate_limited");
    let retry: u64 = limited.headers["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=2).contains(&retry));
    // Signing in again gives no new allowance: the limit is the account's.
    let again = app.sign_in("anna@example.test").await;
    again
        .get("/v1/cases")
        .await
        .assert_error(429, "rate_limited");
    // Another account has its own.
    let other = app.partner("budi@example.test").await;
    assert_eq!(other.get("/v1/cases").await.status, 200);
}

/// A server whose sessions end after `idle` unused and at `absolute` after sign-in.
async fn short_sessions(idle_ms: u64, absolute_ms: u64) -> TestServer {
    TestServer::spawn_with(|config| {
        config.limits.sessions = pulse_server::SessionPolicy {
            idle: Duration::from_millis(idle_ms),
            absolute: Duration::from_millis(absolute_ms),
        };
    })
    .await
}

#[tokio::test]
async fn a_session_unused_for_its_idle_period_ends_and_a_used_one_lives_on() {
    let app = short_sessions(1_500, 60_000).await;
    let busy = app.partner("anna@example.test").await;
    let idle = app.sign_in("anna@example.test").await;
    // Used every half second for three seconds, twice the idle period.
    for _ in 0..6 {
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(busy.get("/v1/account").await.status, 200);
    }
    idle.get("/v1/account")
        .await
        .assert_error(401, "unauthorized");
    assert_eq!(busy.get("/v1/account").await.status, 200);
}

#[tokio::test]
async fn a_session_ends_at_its_absolute_age_however_busy() {
    let app = short_sessions(60_000, 2_000).await;
    // Taken before signing in, so the session cannot have begun earlier than this.
    let signed_in = Instant::now();
    let partner = app.partner("anna@example.test").await;
    let ended = loop {
        let reply = partner.get("/v1/account").await;
        if reply.status != 200 {
            break reply;
        }
        // Generous: a loaded machine may be slow to sign in; the point is that it ends.
        assert!(signed_in.elapsed() < Duration::from_secs(15), "never ends");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    ended.assert_error(401, "unauthorized");
    assert!(signed_in.elapsed() >= Duration::from_secs(2));
    // Signing in again starts a new session.
    let again = app.sign_in("anna@example.test").await;
    assert_eq!(again.get("/v1/account").await.status, 200);
}

#[tokio::test]
async fn signing_out_ends_that_tokens_open_stream_within_a_second_and_no_other() {
    let app = TestServer::spawn().await;
    let leaving = app.partner("anna@example.test").await;
    let staying = app.sign_in("anna@example.test").await;
    let mut leaving_stream = leaving.stream(None).await;
    let mut staying_stream = staying.stream(None).await;
    assert_eq!(leaving.delete("/v1/sessions/current").await.status, 204);
    assert!(leaving_stream.ends_within(Duration::from_secs(1)).await);
    // The other device's stream still carries the partner's changes.
    let case = staying.open_case("Still here").await.case.id;
    let frame = staying_stream
        .next(Duration::from_secs(5))
        .await
        .expect("the other stream lives");
    assert_eq!(frame.event.case_id, case);
    // And the signed-out token cannot open a new one.
    let reopened = leaving
        .send(
            leaving
                .request(reqwest::Method::GET, "/v1/events")
                .header("Accept", "text/event-stream"),
        )
        .await;
    reopened.assert_error(401, "unauthorized");
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_token_and_every_stream() {
    let app = TestServer::spawn().await;
    let phone = app.partner("anna@example.test").await;
    let laptop = app.sign_in("anna@example.test").await;
    let other = app.partner("budi@example.test").await;
    let mut phone_stream = phone.stream(None).await;
    let mut other_stream = other.stream(None).await;
    assert_eq!(laptop.delete("/v1/sessions").await.status, 204);
    assert!(phone_stream.ends_within(Duration::from_secs(1)).await);
    for user in [&phone, &laptop] {
        user.get("/v1/account")
            .await
            .assert_error(401, "unauthorized");
    }
    // Another partner is untouched.
    assert_eq!(other.get("/v1/account").await.status, 200);
    assert!(!other_stream.ends_within(Duration::from_millis(1_500)).await);
    // Without a token there is nothing to sign out.
    app.anonymous()
        .delete("/v1/sessions")
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn a_stream_ends_within_a_second_or_so_once_its_session_expires() {
    let app = short_sessions(1_000, 60_000).await;
    let partner = app.partner("anna@example.test").await;
    let mut stream = partner.stream(None).await;
    let opened = Instant::now();
    assert!(stream.ends_within(Duration::from_secs(4)).await);
    // Idle period, plus at most one check.
    assert!(
        opened.elapsed() < Duration::from_millis(2_500),
        "{:?}",
        opened.elapsed()
    );
    partner
        .get("/v1/account")
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn ended_sessions_are_deleted_from_the_store_and_live_ones_kept() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let _laptop = app.sign_in("anna@example.test").await;
    let store = app.server().store();
    // The server's own policy keeps sessions for days; this one ends them sooner.
    let strict = pulse_server::SessionPolicy {
        idle: Duration::from_millis(1_500),
        absolute: Duration::from_secs(3_600),
    };
    assert_eq!(store.purge_sessions(strict).await.unwrap(), 0, "both live");
    tokio::time::sleep(Duration::from_millis(1_600)).await;
    assert_eq!(store.purge_sessions(strict).await.unwrap(), 2);
    partner
        .get("/v1/account")
        .await
        .assert_error(401, "unauthorized");
}

#[tokio::test]
async fn sign_in_attempts_are_limited_per_address() {
    let app = TestServer::spawn_with(|config| {
        config.limits.rate_per_second = 1.try_into().unwrap();
        config.limits.rate_burst = 3.try_into().unwrap();
    })
    .await;
    let anon = app.anonymous();
    let mut attempts = 0;
    let limited = loop {
        let reply = anon
            .post(
                "/v1/sessions",
                json!({"email": "x@example.test", "password": "guess-guess"}),
            )
            .await;
        attempts += 1;
        if reply.status == 429 {
            break reply;
        }
        reply.assert_error(401, "invalid_credentials");
        assert!(attempts < 30, "guessing is never slowed down");
    };
    limited.assert_error(429, "rate_limited");
    assert!(attempts >= 4, "the burst of 3 is allowed first");
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json() {
    let app = TestServer::spawn().await;
    let anon = app.anonymous();
    anon.get("/v1/nothing-here")
        .await
        .assert_error(404, "not_found");
    anon.send(anon.request(reqwest::Method::PUT, "/v1/topics"))
        .await
        .assert_error(405, "invalid_input");
    let topics = anon.get("/v1/topics").await;
    assert_eq!(topics.status, 200);
    assert_eq!(topics.body.as_array().unwrap().len(), 10);
    assert_eq!(topics.body[2]["id"], "reservations");
    assert_eq!(topics.body[2]["asks_for_reservation"], true);
}

#[tokio::test]
async fn an_email_address_matches_in_any_letter_case_on_every_backend() {
    let app = TestServer::spawn().await;
    app.partner("Åsa.Lindqvist@Hotell.example").await;
    // Signing in ignores case, in any script, the same on SQLite and PostgreSQL.
    for typed in [
        "åsa.lindqvist@hotell.example",
        "ÅSA.LINDQVIST@HOTELL.EXAMPLE",
        "  Åsa.Lindqvist@Hotell.example ",
    ] {
        let reply = app
            .anonymous()
            .post(
                "/v1/sessions",
                json!({"email": typed, "password": PASSWORD}),
            )
            .await;
        assert_eq!(reply.status, 201, "{typed}: {}", reply.body);
        assert_eq!(
            reply.body["account"]["email"],
            "Åsa.Lindqvist@Hotell.example"
        );
    }
    // One account per address, whatever its case; and only complete addresses.
    let store = app.server().store();
    let add = |email: &str| {
        let account = pulse_server::store::NewAccount {
            role: pulse_protocol::Actor::Partner,
            email: email.into(),
            name: "Someone else".into(),
            password_hash: "not used".into(),
            country: "SE".into(),
            in_eea: true,
            properties: vec![],
            language: "en".into(),
        };
        async move { store.create_account(&account).await }
    };
    let again = add("ÅSA.lindqvist@hotell.EXAMPLE").await;
    assert!(
        matches!(again, Err(pulse_server::store::StoreError::EmailTaken)),
        "{again:?}"
    );
    let half_typed = add("asa@").await;
    assert!(
        matches!(
            half_typed,
            Err(pulse_server::store::StoreError::EmailInvalid)
        ),
        "{half_typed:?}"
    );
}

/// Signs in as if from `client` (through a proxy on loopback the server trusts).
async fn sign_in_from(
    app: &TestServer,
    client: &str,
    email: &str,
    password: &str,
) -> helpers::Reply {
    let anon = app.anonymous();
    anon.send(
        anon.request(reqwest::Method::POST, "/v1/sessions")
            .header("X-Forwarded-For", client)
            .json(&json!({"email": email, "password": password})),
    )
    .await
}

fn behind_a_proxy(config: &mut pulse_server::ServerConfig) {
    config.limits.trusted_proxies = vec!["127.0.0.0/8".parse().unwrap()];
}

#[tokio::test]
async fn wrong_passwords_slow_that_address_for_that_email_and_never_lock_the_account() {
    let app = TestServer::spawn_with(behind_a_proxy).await;
    app.partner("anna@example.test").await;
    let guesser = "198.51.100.66";
    for _ in 0..3 {
        sign_in_from(&app, guesser, "anna@example.test", "wrong-guess")
            .await
            .assert_error(401, "invalid_credentials");
    }
    let slowed = sign_in_from(&app, guesser, "anna@example.test", PASSWORD).await;
    slowed.assert_error(429, "rate_limited");
    assert_eq!(slowed.headers["retry-after"], "1");
    // The partner, elsewhere, signs in at once: nothing is locked.
    let partner = sign_in_from(&app, "203.0.113.10", "anna@example.test", PASSWORD).await;
    assert_eq!(partner.status, 201, "{}", partner.body);
    // Another email from the guesser's address is not slowed by anna's failures.
    sign_in_from(&app, guesser, "budi@example.test", "wrong-guess")
        .await
        .assert_error(401, "invalid_credentials");
    // The delay doubles with each further failure after it has passed.
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    sign_in_from(&app, guesser, "anna@example.test", "wrong-again")
        .await
        .assert_error(401, "invalid_credentials");
    let longer = sign_in_from(&app, guesser, "anna@example.test", PASSWORD).await;
    longer.assert_error(429, "rate_limited");
    assert_eq!(longer.headers["retry-after"], "2");
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    // The right password after the wait works, and clears the slate.
    assert_eq!(
        sign_in_from(&app, guesser, "anna@example.test", PASSWORD)
            .await
            .status,
        201
    );
}

#[tokio::test]
async fn forwarded_for_counts_only_from_a_proxy_the_operator_named() {
    let limits = |config: &mut pulse_server::ServerConfig| {
        config.limits.rate_per_second = 1.try_into().unwrap();
        config.limits.rate_burst = 3.try_into().unwrap();
    };
    // Not trusted: a client naming other addresses is still one client.
    let direct = TestServer::spawn_with(limits).await;
    let mut statuses = Vec::new();
    for i in 0..6 {
        let reply = sign_in_from(&direct, &format!("192.0.2.{i}"), "x@example.test", "guess").await;
        statuses.push(reply.status);
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    // Trusted: each forwarded-for address has its own allowance.
    let proxied = TestServer::spawn_with(|c| {
        limits(c);
        behind_a_proxy(c);
    })
    .await;
    for i in 0..6 {
        sign_in_from(&proxied, &format!("192.0.2.{i}"), "x@example.test", "guess")
            .await
            .assert_error(401, "invalid_credentials");
    }
}

#[tokio::test]
async fn past_its_password_checks_the_server_answers_busy_not_slower() {
    let app = TestServer::spawn_with(|c| c.limits.password_checks = 1).await;
    app.partner("anna@example.test").await;
    let attempts = (0..24).map(|i| {
        let app_base = app.base.clone();
        async move {
            let reply = reqwest::Client::new()
                .post(format!("{app_base}/v1/sessions"))
                .json(&json!({"email": "anna@example.test", "password": PASSWORD}))
                .header("X-Attempt", i.to_string())
                .send()
                .await
                .unwrap();
            (
                reply.status().as_u16(),
                reply.headers().get("retry-after").cloned(),
            )
        }
    });
    let answers = futures_util::future::join_all(attempts).await;
    let busy: Vec<_> = answers.iter().filter(|(s, _)| *s == 503).collect();
    assert!(!busy.is_empty(), "{answers:?}");
    assert!(busy.iter().all(|(_, retry)| retry.is_some()));
    assert!(
        answers.iter().all(|(s, _)| *s == 201 || *s == 503),
        "{answers:?}"
    );
    assert!(answers.iter().any(|(s, _)| *s == 201));
}
