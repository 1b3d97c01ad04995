//! Invitations and password resets, end to end through a real SMTP server on loopback
//! (aiosmtpd, `scripts/smtp-sink.py`): the e-mails arrive in the account's language,
//! their links work once, expired and reused links fail, the reset answer says nothing
//! about whether an address has an account, and an e-mail queued while the SMTP server
//! is down or hangs arrives later, after a restart too.
//!
//! The SMTP server is Python's aiosmtpd in a virtualenv that scripts/test.sh makes; it
//! names that Python in PULSE_TEST_PYTHON. Without it these tests are ignored; run with
//! `--include-ignored` they fail and say so.

mod helpers;

use std::path::PathBuf;
use std::time::Duration;

use helpers::smtp::{SmtpSink, free_port};
use helpers::{TestServer, User, database_url};
use pulse_server::app::MailConfig;
use pulse_server::mail::{Delivery, SmtpSecurity, SmtpSettings};
use pulse_server::{Limits, ServerConfig};
use serde_json::{Value, json};

fn mail_to(port: u16) -> MailConfig {
    MailConfig {
        delivery: Delivery::Smtp(SmtpSettings {
            host: "127.0.0.1".into(),
            port,
            security: SmtpSecurity::None,
            username: None,
            password: None,
            from: "Partner support <support@pulse.test>".into(),
            timeout: Duration::from_secs(2),
        }),
        public_url: Some("https://partners.pulse.test/".into()),
        first_retry: Duration::from_millis(300),
        ..MailConfig::default()
    }
}

/// The value of message `id` in a language's mail.ftl (a one-line message).
fn ftl(language: &str, id: &str) -> String {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "../../locales",
        language,
        "mail.ftl",
    ]
    .iter()
    .collect();
    let source = std::fs::read_to_string(path).expect("mail.ftl");
    source
        .lines()
        .find_map(|line| line.strip_prefix(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{id} in {language}"))
        .to_owned()
}

/// The token of the link to `screen` in an e-mail, checked in both parts.
fn token(mail: &Value, screen: &str) -> String {
    let prefix = format!("https://partners.pulse.test/{screen}#");
    let text = mail["text"].as_str().expect("a text part");
    let start = text
        .find(&prefix)
        .unwrap_or_else(|| panic!("a link in {text}"))
        + prefix.len();
    let token: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    assert!(token.len() >= 43, "a long random token");
    let html = mail["html"].as_str().expect("an HTML part");
    assert!(
        html.contains(&format!("{prefix}{token}")),
        "the same link in the HTML part"
    );
    token
}

async fn choose(server: &TestServer, token: &str, password: &str) -> helpers::Reply {
    server
        .anonymous()
        .post(
            "/v1/passwords",
            json!({"token": token, "password": password}),
        )
        .await
}

async fn sign_in_with(server: &TestServer, email: &str, password: &str) -> u16 {
    server
        .anonymous()
        .post(
            "/v1/sessions",
            json!({"email": email, "password": password}),
        )
        .await
        .status
}

fn signed_in(server: &TestServer, reply: &helpers::Reply) -> User {
    assert_eq!(reply.status, 201, "signed in: {}", reply.body);
    let mut user = server.anonymous();
    user.token = Some(reply.body["token"].as_str().expect("a token").to_owned());
    user
}

#[tokio::test]
#[ignore = "needs aiosmtpd: scripts/test.sh sets PULSE_TEST_PYTHON"]
async fn an_invitation_arrives_in_the_partners_language_and_its_link_works_once() {
    let port = free_port();
    let sink = SmtpSink::start(port);
    let server = TestServer::spawn_with(|c| c.mail = mail_to(port)).await;
    let handler = server.handler("support@pulse.test").await;
    let invitation = json!({
        "email": "Anna@Example.com", "name": "Anna de Vries", "country": "NL",
        "properties": ["Canal House"], "language": "nl-BE",
    });
    let reply = handler.post("/v1/invitations", invitation.clone()).await;
    assert_eq!(reply.status, 201, "{}", reply.body);

    // A partner's country decides mediation: it is required.
    handler
        .post(
            "/v1/invitations",
            json!({"email": "no.country@example.com", "name": "N"}),
        )
        .await
        .assert_error(422, "invalid_input");

    // Only handlers invite.
    let partner = server.partner("budi@example.com").await;
    partner
        .post("/v1/invitations", invitation.clone())
        .await
        .assert_error(403, "forbidden");

    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail["to"], json!(["Anna@Example.com"]));
    assert_eq!(mail["from"], "support@pulse.test");
    assert_eq!(
        mail["subject"],
        ftl("nl", "mail-invitation-subject"),
        "in Dutch"
    );
    assert!(mail["text"].as_str().unwrap().contains("Anna de Vries"));
    let first = token(&mail, "welcome");

    // Invited again before coming: a new e-mail, whose link replaces the first.
    let reply = handler.post("/v1/invitations", invitation.clone()).await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let second = token(&sink.wait_for(2).await[1], "welcome");
    choose(&server, &first, "tulips by the canal")
        .await
        .assert_error(422, "link_invalid");

    // No password until one is chosen: nothing signs in.
    assert_eq!(sign_in_with(&server, "anna@example.com", "").await, 401);

    let check = server
        .anonymous()
        .post("/v1/password-links/check", json!({"token": second}))
        .await;
    assert_eq!(check.status, 200, "{}", check.body);
    assert_eq!(
        check.body,
        json!({"purpose": "invitation", "email": "Anna@Example.com"})
    );

    // The rules, each refused with its reason; the link still works after them.
    choose(&server, &second, "short")
        .await
        .assert_error(422, "password_too_short");
    choose(&server, &second, &"x".repeat(129))
        .await
        .assert_error(422, "password_too_long");
    choose(&server, &second, "Password1")
        .await
        .assert_error(422, "password_common");

    let reply = choose(&server, &second, "tulips by the canal").await;
    let anna = signed_in(&server, &reply);
    assert_eq!(reply.body["account"]["email"], "Anna@Example.com");
    assert_eq!(reply.body["account"]["country"], "NL");
    assert_eq!(anna.get("/v1/account").await.status, 200);
    assert_eq!(
        sign_in_with(&server, "anna@example.com", "tulips by the canal").await,
        201
    );

    // Used: the link works no more, and the account can no longer be invited.
    choose(&server, &second, "another fine password")
        .await
        .assert_error(422, "link_invalid");
    server
        .anonymous()
        .post("/v1/password-links/check", json!({"token": second}))
        .await
        .assert_error(422, "link_invalid");
    assert_eq!(
        handler.post("/v1/invitations", invitation).await.status,
        409
    );
    // A forged link is the same as a used one.
    choose(&server, &"A".repeat(43), "tulips by the canal")
        .await
        .assert_error(422, "link_invalid");
    assert_eq!(sink.mails().len(), 2, "no other e-mail");
}

#[tokio::test]
#[ignore = "needs aiosmtpd: scripts/test.sh sets PULSE_TEST_PYTHON"]
async fn a_reset_says_nothing_of_unknown_addresses_ends_every_session_and_works_once() {
    let port = free_port();
    let sink = SmtpSink::start(port);
    let server = TestServer::spawn_with(|c| c.mail = mail_to(port)).await;
    let anna = server.partner("anna@example.com").await;

    let known = server
        .anonymous()
        .post("/v1/password-resets", json!({"email": "ANNA@example.com"}))
        .await;
    let unknown = server
        .anonymous()
        .post(
            "/v1/password-resets",
            json!({"email": "nobody@example.com"}),
        )
        .await;
    assert_eq!(known.status, 202);
    assert_eq!((unknown.status, &unknown.body), (known.status, &known.body));
    let header_names = |r: &helpers::Reply| {
        let mut names: Vec<String> = r.headers.keys().map(|k| k.to_string()).collect();
        names.sort();
        names
    };
    assert_eq!(header_names(&unknown), header_names(&known));

    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail["to"], json!(["anna@example.com"]));
    assert_eq!(mail["subject"], ftl("en", "mail-reset-subject"));
    let link = token(&mail, "reset-password");

    let check = server
        .anonymous()
        .post("/v1/password-links/check", json!({"token": link}))
        .await;
    assert_eq!(
        check.body,
        json!({"purpose": "reset", "email": "anna@example.com"})
    );
    let reply = choose(&server, &link, "a brand new passphrase").await;
    let again = signed_in(&server, &reply);
    // Every earlier session ended; the new one works; the old password does not.
    assert_eq!(anna.get("/v1/account").await.status, 401);
    assert_eq!(again.get("/v1/account").await.status, 200);
    assert_eq!(
        sign_in_with(&server, "anna@example.com", helpers::PASSWORD).await,
        401
    );
    assert_eq!(
        sign_in_with(&server, "anna@example.com", "a brand new passphrase").await,
        201
    );
    choose(&server, &link, "yet another passphrase")
        .await
        .assert_error(422, "link_invalid");

    // A storm against one address: every request answered alike, a few e-mails sent.
    for _ in 0..10 {
        let reply = server
            .anonymous()
            .post("/v1/password-resets", json!({"email": "anna@example.com"}))
            .await;
        assert_eq!(reply.status, 202);
    }
    let limit = pulse_server::throttle::RESETS_PER_HOUR;
    sink.wait_for(limit).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(sink.mails().len(), limit, "at most {limit} resets an hour");
    assert!(
        sink.mails()
            .iter()
            .all(|m| m["to"] == json!(["anna@example.com"]))
    );
}

#[tokio::test]
#[ignore = "needs aiosmtpd: scripts/test.sh sets PULSE_TEST_PYTHON"]
async fn an_expired_link_fails() {
    let port = free_port();
    let sink = SmtpSink::start(port);
    let server = TestServer::spawn_with(|c| {
        c.mail = MailConfig {
            invitation_valid: Duration::from_secs(1),
            ..mail_to(port)
        }
    })
    .await;
    let handler = server.handler("support@pulse.test").await;
    let reply = handler
        .post(
            "/v1/invitations",
            json!({"email": "late@example.com", "name": "Late", "role": "handler"}),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let mail = sink.wait_for(1).await.remove(0);
    assert_eq!(mail["subject"], ftl("en", "mail-invitation-subject"));
    let link = token(&mail, "welcome");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    choose(&server, &link, "tulips by the canal")
        .await
        .assert_error(422, "link_invalid");
    assert_eq!(
        sign_in_with(&server, "late@example.com", "tulips by the canal").await,
        401
    );
}

#[tokio::test]
#[ignore = "needs aiosmtpd: scripts/test.sh sets PULSE_TEST_PYTHON"]
async fn an_email_waits_out_an_smtp_server_that_hangs_or_is_down_even_across_a_restart() {
    let port = free_port();
    // First an SMTP server that takes the connection and never says a word.
    let hanging = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .expect("the port");
    let hold = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = hanging.accept().await {
            held.push(socket);
        }
    });
    let dir = tempfile::tempdir().expect("a data folder");
    let config = ServerConfig {
        listen: "127.0.0.1:0".parse().expect("addr"),
        database_url: database_url(dir.path()).await,
        data_dir: dir.path().to_path_buf(),
        limits: Limits {
            rate_per_second: 10_000.try_into().expect("nonzero"),
            rate_burst: 10_000.try_into().expect("nonzero"),
            ..Limits::default()
        },
        demo: None,
        web_app: None,
        console_app: None,
        mail: mail_to(port),
        push: Default::default(),
    };
    let server = pulse_server::start(config.clone()).await.expect("starts");
    let store = server.store();
    store
        .create_account(&pulse_server::store::NewAccount {
            role: pulse_protocol::Actor::Handler,
            email: "support@pulse.test".into(),
            name: "Support".into(),
            password_hash: pulse_server::auth::hash_password(helpers::PASSWORD).unwrap(),
            country: String::new(),
            in_eea: false,
            properties: vec![],
            language: "en".into(),
        })
        .await
        .expect("a handler");
    let http = reqwest::Client::new();
    let base = format!("http://{}", server.addr());
    let session: Value = http
        .post(format!("{base}/v1/sessions"))
        .json(&json!({"email": "support@pulse.test", "password": helpers::PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let invited = http
        .post(format!("{base}/v1/invitations"))
        .bearer_auth(session["token"].as_str().unwrap())
        .json(
            &json!({"email": "budi@example.com", "name": "Budi Santoso", "country": "ID",
            "language": "id"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(invited.status(), 201);
    // The hanging server outlasts the 2 s timeout at least once.
    tokio::time::sleep(Duration::from_secs(3)).await;
    hold.abort();
    let _ = hold.await;

    // Then no SMTP server at all, and the server restarts.
    server.stop().await.expect("stops");
    let server = pulse_server::start(config.clone())
        .await
        .expect("starts again");
    tokio::time::sleep(Duration::from_secs(1)).await;

    // Up at last: the e-mail arrives, once, in Indonesian.
    let sink = SmtpSink::start(port);
    let mails = sink.wait_for(1).await;
    assert_eq!(mails[0]["to"], json!(["budi@example.com"]));
    assert_eq!(mails[0]["subject"], ftl("id", "mail-invitation-subject"));
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(sink.mails().len(), 1, "sent once");
    server.stop().await.expect("stops");
}
