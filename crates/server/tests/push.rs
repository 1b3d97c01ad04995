//! Push notifications against receivers that run inside the test on loopback: a Web
//! Push service that decrypts every push with the subscription's private key using
//! Mozilla's `ece` (an RFC 8291 implementation independent of the server's) and checks
//! the VAPID JWT with OpenSSL; and receivers in FCM's HTTP v1 and APNs' HTTP/2 shapes,
//! whose JWTs are checked with the test's own keys. FCM and APNs themselves cannot be
//! reached from these machines: their documented contracts are what is tested.

mod helpers;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Version};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use helpers::{TestServer, User};
use openssl::bn::BigNum;
use openssl::ec::{EcGroup, EcKey, EcPoint};
use openssl::ecdsa::EcdsaSig;
use openssl::nid::Nid;
use openssl::pkey::{PKey, Public};
use openssl::sha::sha256;
use pulse_protocol::push::PushMessage;
use pulse_protocol::wire::CaseEvent;
use serde_json::{Value, json};

/// One request a receiver got.
#[derive(Debug, Clone)]
struct Got {
    path: String,
    version: Version,
    headers: HeaderMap,
    body: Bytes,
}

impl Got {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

/// A status to answer, with a Retry-After.
type Answer = (u16, Option<&'static str>);

/// A push service on loopback: it records what it gets and answers with the statuses
/// it is told to, in turn (201 once they run out).
#[derive(Clone, Default)]
struct Receiver {
    got: Arc<Mutex<Vec<Got>>>,
    answers: Arc<Mutex<VecDeque<Answer>>>,
    /// The RSA key whose JWT the FCM token endpoint accepts.
    fcm_key: Arc<Mutex<Option<PKey<Public>>>>,
}

impl Receiver {
    async fn start() -> (Receiver, String) {
        let receiver = Receiver::default();
        let app = Router::new()
            .route("/push/{id}", post(web_push))
            .route("/token", post(fcm_token))
            .route("/v1/projects/{project}/{send}", post(recorded))
            .route("/3/device/{token}", post(recorded))
            .with_state(receiver.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (receiver, base)
    }

    fn answer(&self, status: u16, retry_after: Option<&'static str>) {
        self.answers
            .lock()
            .unwrap()
            .push_back((status, retry_after));
    }

    fn got(&self) -> Vec<Got> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until `n` requests have come to paths starting with `prefix`.
    async fn wait_for(&self, prefix: &str, n: usize, within: Duration) -> Vec<Got> {
        let start = Instant::now();
        loop {
            let got: Vec<Got> = self
                .got()
                .into_iter()
                .filter(|g| g.path.starts_with(prefix))
                .collect();
            if got.len() >= n || start.elapsed() > within {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    fn record(&self, path: String, version: Version, headers: HeaderMap, body: Bytes) -> Response {
        self.got.lock().unwrap().push(Got {
            path,
            version,
            headers,
            body,
        });
        let (status, retry_after) = self
            .answers
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or((201, None));
        let mut response = (StatusCode::from_u16(status).unwrap(), "{}").into_response();
        if let Some(wait) = retry_after {
            response
                .headers_mut()
                .insert("retry-after", wait.parse().unwrap());
        }
        response
    }
}

async fn web_push(
    State(receiver): State<Receiver>,
    Path(id): Path<String>,
    request: axum::extract::Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 1 << 20).await.unwrap();
    receiver.record(format!("/push/{id}"), parts.version, parts.headers, body)
}

async fn recorded(State(receiver): State<Receiver>, request: axum::extract::Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, 1 << 20).await.unwrap();
    receiver.record(
        parts.uri.path().to_owned(),
        parts.version,
        parts.headers,
        body,
    )
}

/// FCM's OAuth token endpoint (RFC 7523): the service account's signed assertion in,
/// an access token out.
async fn fcm_token(State(receiver): State<Receiver>, body: String) -> Response {
    let assertion = body
        .split('&')
        .find_map(|p| p.strip_prefix("assertion="))
        .unwrap_or_default()
        .to_owned();
    assert!(body.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"));
    let key = receiver
        .fcm_key
        .lock()
        .unwrap()
        .clone()
        .expect("an FCM key");
    let claims = verify_rs256(&assertion, &key);
    assert_eq!(
        claims["scope"],
        "https://www.googleapis.com/auth/firebase.messaging"
    );
    assert_eq!(claims["iss"], "pulse@example.iam.gserviceaccount.com");
    assert!(claims["aud"].as_str().unwrap().ends_with("/token"));
    axum::Json(json!({"access_token": "access-1", "expires_in": 3600, "token_type": "Bearer"}))
        .into_response()
}

fn jwt_parts(jwt: &str) -> (Value, Value, Vec<u8>, String) {
    let mut parts = jwt.split('.');
    let (h, c, s) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let decode =
        |p: &str| serde_json::from_slice::<Value>(&URL_SAFE_NO_PAD.decode(p).unwrap()).unwrap();
    (
        decode(h),
        decode(c),
        URL_SAFE_NO_PAD.decode(s).unwrap(),
        format!("{h}.{c}"),
    )
}

/// Checks an ES256 JWT's signature with `key` (OpenSSL); its header and claims.
fn verify_es256(jwt: &str, key: &EcKey<Public>) -> (Value, Value) {
    let (header, claims, signature, signed) = jwt_parts(jwt);
    assert_eq!(header["alg"], "ES256", "{header}");
    assert_eq!(signature.len(), 64);
    let sig = EcdsaSig::from_private_components(
        BigNum::from_slice(&signature[..32]).unwrap(),
        BigNum::from_slice(&signature[32..]).unwrap(),
    )
    .unwrap();
    assert!(
        sig.verify(&sha256(signed.as_bytes()), key).unwrap(),
        "the JWT's signature"
    );
    (header, claims)
}

fn verify_rs256(jwt: &str, key: &PKey<Public>) -> Value {
    let (header, claims, signature, signed) = jwt_parts(jwt);
    assert_eq!(header["alg"], "RS256", "{header}");
    let mut verifier =
        openssl::sign::Verifier::new(openssl::hash::MessageDigest::sha256(), key).unwrap();
    verifier.update(signed.as_bytes()).unwrap();
    assert!(
        verifier.verify(&signature).unwrap(),
        "the assertion's signature"
    );
    claims
}

fn p256_public(raw: &[u8]) -> EcKey<Public> {
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
    let mut ctx = openssl::bn::BigNumContext::new().unwrap();
    let point = EcPoint::from_bytes(&group, raw, &mut ctx).unwrap();
    EcKey::from_public_key(&group, &point).unwrap()
}

/// A browser's subscription: its key pair and secret, made by `ece`.
struct Browser {
    keys: Box<dyn ece::LocalKeyPair>,
    auth: [u8; 16],
    endpoint: String,
}

impl Browser {
    fn new(endpoint: String) -> Browser {
        let (keys, auth) = ece::generate_keypair_and_auth_secret().unwrap();
        Browser {
            keys,
            auth,
            endpoint,
        }
    }

    fn registration(&self, label: &str, language: &str) -> Value {
        json!({
            "platform": "web_push",
            "subscription": {
                "endpoint": self.endpoint,
                "keys": {
                    "p256dh": URL_SAFE_NO_PAD.encode(self.keys.pub_as_raw().unwrap()),
                    "auth": URL_SAFE_NO_PAD.encode(self.auth),
                },
            },
            "language": language,
            "label": label,
        })
    }

    /// Decrypts a push as the browser would.
    fn open(&self, got: &Got) -> PushMessage {
        let plain = ece::decrypt(&self.keys.raw_components().unwrap(), &self.auth, &got.body)
            .expect("the push decrypts with the subscription's key");
        serde_json::from_slice(&plain).expect("a PushMessage")
    }
}

async fn register(partner: &User, body: Value) -> Value {
    let reply = partner.post("/v1/devices", body).await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    reply.body
}

async fn server_with_retry(tune: impl FnOnce(&mut pulse_server::app::ServerConfig)) -> TestServer {
    TestServer::spawn_with(|c| {
        c.push.first_retry = Duration::from_millis(200);
        tune(c);
    })
    .await
}

#[tokio::test]
async fn a_web_push_is_encrypted_for_the_browser_signed_by_the_server_and_says_no_secrets() {
    let (receiver, base) = Receiver::start().await;
    let server = server_with_retry(|_| {}).await;
    let partner = server.partner("anna@example.com").await;
    let handler = server.handler("support@example.com").await;
    let browser = Browser::new(format!("{base}/push/anna"));
    let device = register(&partner, browser.registration("Firefox", "nl")).await;
    assert_eq!(device["platform"], "web_push");
    assert_eq!(device["language"], "nl");
    let config = server.anonymous().get("/v1/push").await;
    assert_eq!(config.status, 200);
    let server_key = config.body["web_push_key"].as_str().unwrap().to_owned();

    let case = partner.open_case("Where is my payout?").await.case;
    // The partner's own message notifies nobody.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(receiver.got().is_empty(), "{:?}", receiver.got());
    let ack: CaseEvent = handler
        .handle(
            case.id,
            "acknowledge",
            json!({"expected_next": "SECRET-PLAN we check the bank."}),
        )
        .await;
    let got = receiver
        .wait_for("/push/", 1, Duration::from_secs(10))
        .await;
    assert_eq!(got.len(), 1, "one push");
    let push = &got[0];

    // RFC 8030/8291 headers.
    assert_eq!(push.header("content-encoding"), "aes128gcm");
    assert!(push.header("ttl").parse::<u64>().unwrap() > 0);
    assert_eq!(push.header("topic"), format!("pulse-{}", ack.id));
    assert_eq!(push.header("urgency"), "high");
    // RFC 8292: `vapid t=<jwt>, k=<the server's public key>`.
    let auth = push.header("authorization");
    let (t, k) = auth
        .strip_prefix("vapid t=")
        .and_then(|rest| rest.split_once(", k="))
        .unwrap_or_else(|| panic!("a VAPID authorization: {auth}"));
    assert_eq!(k, server_key);
    let (_, claims) = verify_es256(t, &p256_public(&URL_SAFE_NO_PAD.decode(k).unwrap()));
    assert_eq!(
        claims["aud"], base,
        "the audience is the push service's origin"
    );
    assert_eq!(claims["sub"], "mailto:support@localhost");
    let exp = claims["exp"].as_i64().unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    assert!(
        exp > now && exp <= now + 24 * 3600,
        "exp within 24 hours: {claims}"
    );

    // The payload, decrypted independently: in Dutch, naming the topic, not the words.
    let message = browser.open(push);
    assert_eq!(message.tag, format!("pulse-{}", ack.id));
    assert_eq!(message.case_id, case.id);
    assert_eq!(message.event_id, ack.id);
    assert_eq!(message.url, format!("/messages/{}", case.id));
    assert_eq!(message.title, "Pulse Companion");
    assert!(message.body.contains("ontvangen"), "{}", message.body);
    let plain = serde_json::to_string(&message).unwrap();
    assert!(!plain.contains("SECRET-PLAN"), "{plain}");

    // A note stays with support; the partner's reply is theirs: no pushes.
    let note = handler
        .post(
            &format!("/v1/handler/cases/{}/notes", case.id),
            json!({"body": "internal"}),
        )
        .await;
    assert!(note.status < 300, "{}", note.body);
    let reply = partner
        .post_keyed(
            &format!("/v1/cases/{}/messages", case.id),
            uuid::Uuid::new_v4(),
            json!({"body": "Thanks"}),
        )
        .await;
    assert_eq!(reply.status, 201);
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        receiver.got().len(),
        1,
        "no push for a note or the partner's own words"
    );
}

#[tokio::test]
async fn busy_push_services_are_retried_and_a_gone_subscription_is_removed() {
    let (receiver, base) = Receiver::start().await;
    let server = server_with_retry(|_| {}).await;
    let partner = server.partner("bram@example.com").await;
    let handler = server.handler("support@example.com").await;
    let browser = Browser::new(format!("{base}/push/bram"));
    register(&partner, browser.registration("Chromium", "en")).await;
    let case = partner.open_case("Rates look wrong").await.case;

    receiver.answer(429, Some("1"));
    receiver.answer(500, None);
    let ack = handler.handle(case.id, "acknowledge", json!({})).await;
    let got = receiver
        .wait_for("/push/", 3, Duration::from_secs(15))
        .await;
    assert_eq!(got.len(), 3, "429, 500, then delivered: {got:?}");
    for push in &got {
        // Each try is the same event, so the browser shows it once.
        assert_eq!(browser.open(push).tag, format!("pulse-{}", ack.id));
    }
    // Retry-After: 1 was waited for.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(receiver.got().len(), 3, "nothing after a delivery");

    receiver.answer(410, None);
    handler
        .handle(
            case.id,
            "messages",
            json!({"body": "Which dates?", "request_info": true}),
        )
        .await;
    receiver
        .wait_for("/push/", 4, Duration::from_secs(10))
        .await;
    let start = Instant::now();
    loop {
        let devices = partner.get("/v1/devices").await;
        if devices.body.as_array().is_some_and(|d| d.is_empty()) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "410 removes the target: {}",
            devices.body
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    handler
        .handle(case.id, "resolve", json!({"outcome": "Fixed."}))
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        receiver.got().len(),
        4,
        "a removed target gets nothing more"
    );
}

#[tokio::test]
async fn a_hanging_push_service_times_out_and_the_queue_behind_it_moves_on() {
    // A service that takes connections and never answers.
    let hang = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hang_addr = hang.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = hang.accept().await {
            held.push(socket);
        }
    });
    let (receiver, base) = Receiver::start().await;
    let server = server_with_retry(|_| {}).await;
    let stuck = server.partner("stuck@example.com").await;
    let fine = server.partner("fine@example.com").await;
    let handler = server.handler("support@example.com").await;
    register(
        &stuck,
        Browser::new(format!("http://{hang_addr}/push/x")).registration("", "en"),
    )
    .await;
    let browser = Browser::new(format!("{base}/push/fine"));
    register(&fine, browser.registration("", "en")).await;
    let stuck_case = stuck.open_case("One").await.case;
    let fine_case = fine.open_case("Two").await.case;
    handler
        .handle(stuck_case.id, "acknowledge", json!({}))
        .await;
    let started = Instant::now();
    let ack = handler.handle(fine_case.id, "acknowledge", json!({})).await;
    let got = receiver.wait_for("/push/", 1, Duration::from_secs(5)).await;
    assert_eq!(got.len(), 1);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "not held up by the hanging service"
    );
    assert_eq!(browser.open(&got[0]).event_id, ack.id);
}

#[tokio::test]
async fn bad_registrations_are_refused_and_store_nothing() {
    let server = TestServer::spawn().await;
    let partner = server.partner("carla@example.com").await;
    let other = server.partner("dirk@example.com").await;
    let handler = server.handler("support@example.com").await;
    let good = Browser::new("https://push.example.com/sub/1".into());
    let mut cases: Vec<(Value, u16, &str)> = Vec::new();
    let mut bad_b64 = good.registration("", "en");
    bad_b64["subscription"]["keys"]["p256dh"] = json!("not base64 !!");
    cases.push((bad_b64, 422, "push_target_invalid"));
    let mut off_curve = good.registration("", "en");
    let mut point = vec![4u8];
    point.extend([1u8; 64]);
    off_curve["subscription"]["keys"]["p256dh"] = json!(URL_SAFE_NO_PAD.encode(point));
    cases.push((off_curve, 422, "push_target_invalid"));
    let mut short_auth = good.registration("", "en");
    short_auth["subscription"]["keys"]["auth"] = json!(URL_SAFE_NO_PAD.encode([1u8; 4]));
    cases.push((short_auth, 422, "push_target_invalid"));
    let mut plain_http = good.registration("", "en");
    plain_http["subscription"]["endpoint"] = json!("http://push.example.com/sub/1");
    cases.push((plain_http, 422, "push_target_invalid"));
    let mut platform = good.registration("", "en");
    platform["platform"] = json!("pager");
    cases.push((platform, 422, "invalid_input"));
    cases.push((
        good.registration(&"x".repeat(101), "en"),
        422,
        "text_too_long",
    ));
    cases.push((good.registration("bell\u{7}", "en"), 422, "text_invalid"));
    cases.push((good.registration("", "english!"), 422, "invalid_input"));
    cases.push((
        json!({"platform": "fcm", "token": "abc:def", "language": "en"}),
        422,
        "push_unavailable",
    ));
    cases.push((
        json!({"platform": "apns", "token": "zz", "language": "en"}),
        422,
        "push_target_invalid",
    ));
    for (body, status, code) in cases {
        let reply = partner.post("/v1/devices", body.clone()).await;
        reply.assert_error(status, code);
    }
    let reply = handler
        .post("/v1/devices", good.registration("", "en"))
        .await;
    reply.assert_error(403, "forbidden");
    let reply = server
        .anonymous()
        .post("/v1/devices", good.registration("", "en"))
        .await;
    assert_eq!(reply.status, 401);
    assert_eq!(partner.get("/v1/devices").await.body, json!([]));

    // Another account's subscription, and another account's device.
    let mine = register(&partner, good.registration("Phone", "en")).await;
    other
        .post("/v1/devices", good.registration("", "en"))
        .await
        .assert_error(409, "push_target_taken");
    other
        .delete(&format!("/v1/devices/{}", mine["id"].as_str().unwrap()))
        .await
        .assert_error(404, "not_found");
    assert_eq!(other.get("/v1/devices").await.body, json!([]));
    // The same subscription again is the same device.
    let again = register(&partner, good.registration("Phone, renamed", "sv")).await;
    assert_eq!(again["id"], mine["id"]);
    assert_eq!(again["label"], "Phone, renamed");
    let list = partner.get("/v1/devices").await.body;
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let reply = partner
        .delete(&format!("/v1/devices/{}", mine["id"].as_str().unwrap()))
        .await;
    assert_eq!(reply.status, 204);
    assert_eq!(partner.get("/v1/devices").await.body, json!([]));
}

#[tokio::test]
async fn ten_targets_at_most_and_signing_out_removes_the_sessions_own() {
    let server = TestServer::spawn().await;
    let partner = server.partner("eva@example.com").await;
    let mut ids = Vec::new();
    for n in 0..11 {
        let browser = Browser::new(format!("https://push.example.com/sub/{n}"));
        let device = register(&partner, browser.registration(&format!("tab {n}"), "en")).await;
        ids.push(device["id"].as_str().unwrap().to_owned());
    }
    let list = partner.get("/v1/devices").await.body;
    let listed: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(listed.len(), 10);
    assert!(!listed.contains(&ids[0].as_str()), "the oldest went");

    // A second session of the same partner keeps its own target after the first signs out.
    let phone = server.sign_in("eva@example.com").await;
    register(
        &phone,
        Browser::new("https://push.example.com/phone".into()).registration("phone", "en"),
    )
    .await;
    let reply = partner.delete("/v1/sessions/current").await;
    assert_eq!(reply.status, 204);
    let left = phone.get("/v1/devices").await.body;
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
    assert_eq!(left[0]["label"], "phone");
    // Signing out everywhere leaves none.
    assert_eq!(phone.delete("/v1/sessions").await.status, 204);
    let again = server.sign_in("eva@example.com").await;
    assert_eq!(again.get("/v1/devices").await.body, json!([]));
}

#[tokio::test]
async fn a_device_that_shows_the_app_gets_the_banner_instead_of_a_push() {
    let (receiver, base) = Receiver::start().await;
    let server = server_with_retry(|_| {}).await;
    let partner = server.partner("fay@example.com").await;
    let handler = server.handler("support@example.com").await;
    let browser = Browser::new(format!("{base}/push/fay"));
    let device = register(&partner, browser.registration("", "en")).await;
    let id = device["id"].as_str().unwrap();
    let case = partner.open_case("Calendar").await.case;

    let mut visible = partner
        .open_stream(partner.request(
            reqwest::Method::GET,
            &format!("/v1/events?device={id}&visible=true"),
        ))
        .await;
    let ack = handler.handle(case.id, "acknowledge", json!({})).await;
    let frame = visible
        .next(Duration::from_secs(5))
        .await
        .expect("the stream has it");
    assert_eq!(frame.event.id, ack.id);
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert!(
        receiver.got().is_empty(),
        "no push while the app is on screen"
    );
    drop(visible);

    // Hidden (the app reconnects saying so), or closed: pushes again.
    let _hidden = partner
        .open_stream(partner.request(
            reqwest::Method::GET,
            &format!("/v1/events?device={id}&visible=false"),
        ))
        .await;
    let update = handler
        .handle(
            case.id,
            "messages",
            json!({"body": "Which dates?", "request_info": true}),
        )
        .await;
    let got = receiver
        .wait_for("/push/", 1, Duration::from_secs(10))
        .await;
    assert_eq!(got.len(), 1);
    assert_eq!(browser.open(&got[0]).event_id, update.id);
}

#[tokio::test]
async fn fcm_and_apns_get_their_documented_requests() {
    let (receiver, base) = Receiver::start().await;
    // The service account's RSA key, as the Firebase console would give it.
    let rsa = PKey::from_rsa(openssl::rsa::Rsa::generate(2048).unwrap()).unwrap();
    let rsa_pem = String::from_utf8(rsa.private_key_to_pem_pkcs8().unwrap()).unwrap();
    *receiver.fcm_key.lock().unwrap() =
        Some(PKey::public_key_from_pem(&rsa.public_key_to_pem().unwrap()).unwrap());
    // The team's APNs key (.p8 is PKCS#8 PEM of a P-256 key).
    let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).unwrap();
    let ec = EcKey::generate(&group).unwrap();
    let ec_public = EcKey::from_public_key(&group, ec.public_key()).unwrap();
    let p8 = PKey::from_ec_key(ec)
        .unwrap()
        .private_key_to_pem_pkcs8()
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let account_file = dir.path().join("service-account.json");
    std::fs::write(
        &account_file,
        json!({
            "type": "service_account",
            "project_id": "pulse-test",
            "private_key_id": "k1",
            "private_key": rsa_pem,
            "client_email": "pulse@example.iam.gserviceaccount.com",
            "token_uri": format!("{base}/token"),
        })
        .to_string(),
    )
    .unwrap();
    let key_file = dir.path().join("AuthKey_ABC123DEFG.p8");
    std::fs::write(&key_file, p8).unwrap();
    let server = server_with_retry(|c| {
        c.push.fcm_service_account = Some(account_file.clone());
        c.push.fcm_base_url = base.clone();
        c.push.apns = Some(pulse_server::app::ApnsOptions {
            key: key_file.clone(),
            key_id: "ABC123DEFG".into(),
            team_id: "TEAM123456".into(),
            topic: "com.pulse.companion".into(),
            base_url: base.clone(),
        });
    })
    .await;
    let config = server.anonymous().get("/v1/push").await.body;
    assert_eq!(config["fcm"], true);
    assert_eq!(config["apns"], true);
    let partner = server.partner("gus@example.com").await;
    let handler = server.handler("support@example.com").await;
    register(&partner, json!({"platform": "fcm", "token": "fcm-token:abc_123", "language": "fr", "label": "Pixel"})).await;
    let apns_token = "a1".repeat(32);
    register(&partner, json!({"platform": "apns", "token": apns_token.to_uppercase(), "language": "de", "label": "iPhone"})).await;
    let case = partner.open_case("Payout missing").await.case;
    handler.handle(case.id, "acknowledge", json!({})).await;
    assert_eq!(
        receiver
            .wait_for("/v1/projects/", 1, Duration::from_secs(10))
            .await
            .len(),
        1
    );
    assert_eq!(
        receiver
            .wait_for("/3/device/", 1, Duration::from_secs(10))
            .await
            .len(),
        1
    );
    let event = handler
        .handle(
            case.id,
            "messages",
            json!({"body": "SECRET which bank?", "request_info": true}),
        )
        .await;
    let tag = format!("pulse-{}", event.id);

    let fcm = receiver
        .wait_for("/v1/projects/", 2, Duration::from_secs(10))
        .await;
    assert_eq!(fcm.len(), 2);
    let fcm = &fcm[1];
    assert_eq!(fcm.path, "/v1/projects/pulse-test/messages:send");
    assert_eq!(fcm.header("authorization"), "Bearer access-1");
    let body: Value = serde_json::from_slice(&fcm.body).unwrap();
    let message = &body["message"];
    assert_eq!(message["token"], "fcm-token:abc_123");
    assert_eq!(message["android"]["collapse_key"], tag.as_str());
    assert_eq!(message["android"]["notification"]["tag"], tag.as_str());
    assert_eq!(
        message["android"]["notification"]["click_action"],
        "com.pulse.companion.push.OPEN_CASE"
    );
    assert_eq!(message["data"]["title"], message["notification"]["title"]);
    assert_eq!(message["data"]["case_id"], case.id.to_string());
    assert_eq!(message["data"]["event_id"], event.id.to_string());
    assert!(
        message["data"]
            .as_object()
            .unwrap()
            .values()
            .all(Value::is_string),
        "FCM data is strings only"
    );
    let french = message["notification"]["body"].as_str().unwrap();
    assert!(french.contains("informations"), "{french}");
    assert!(!body.to_string().contains("SECRET"));

    let apns = receiver
        .wait_for("/3/device/", 2, Duration::from_secs(10))
        .await;
    assert_eq!(apns.len(), 2);
    let apns = &apns[1];
    assert_eq!(apns.version, Version::HTTP_2, "APNs is spoken to in HTTP/2");
    assert_eq!(apns.path, format!("/3/device/{apns_token}"));
    assert_eq!(apns.header("apns-topic"), "com.pulse.companion");
    assert_eq!(apns.header("apns-push-type"), "alert");
    assert_eq!(apns.header("apns-collapse-id"), tag);
    assert_eq!(apns.header("apns-priority"), "10");
    assert!(apns.header("apns-expiration").parse::<i64>().unwrap() > 0);
    let jwt = apns
        .header("authorization")
        .strip_prefix("bearer ")
        .expect("a provider token");
    let (header, claims) = verify_es256(jwt, &ec_public);
    assert_eq!(header["kid"], "ABC123DEFG");
    assert_eq!(claims["iss"], "TEAM123456");
    assert!(claims["iat"].as_i64().unwrap() > 0);
    let body: Value = serde_json::from_slice(&apns.body).unwrap();
    let german = body["aps"]["alert"]["body"].as_str().unwrap();
    assert!(german.contains("Informationen"), "{german}");
    assert_eq!(body["case_id"], case.id.to_string());
    assert!(!body.to_string().contains("SECRET"));

    // An unregistered FCM token and a 410 from APNs remove both targets.
    receiver.answer(404, None);
    receiver.answer(410, None);
    handler
        .handle(case.id, "resolve", json!({"outcome": "Paid."}))
        .await;
    let start = Instant::now();
    while partner.get("/v1/devices").await.body != json!([]) {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "gone targets are removed"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The binary, killed (SIGKILL) while pushes wait for a push service that is down:
/// after a restart, every one arrives, each with its event's tag.
#[tokio::test]
async fn pushes_queued_when_the_server_is_killed_arrive_after_its_restart() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    const BIN: &str = env!("CARGO_BIN_EXE_pulse-server");

    let dir = tempfile::tempdir().unwrap();
    let database = helpers::database_url(dir.path()).await;
    // The push service's address, not listening yet: every try fails at first.
    let parked = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let service = parked.local_addr().unwrap();
    drop(parked);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let start = || {
        let mut child = Command::new(BIN)
            .args(["--demo", "--no-auto-handler"])
            .env("PULSE_LISTEN", format!("127.0.0.1:{port}"))
            .env("PULSE_DATA_DIR", dir.path())
            .env("PULSE_DATABASE_URL", &database)
            .env("PULSE_PUSH_FIRST_RETRY_SECS", "1")
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("pulse-server starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        for line in lines.by_ref() {
            if line.unwrap().contains("listening on") {
                break;
            }
        }
        std::thread::spawn(move || for _ in lines {});
        child
    };
    let mut server = start();
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    let sign_in = |email: &'static str| {
        let http = http.clone();
        let base = base.clone();
        async move {
            let reply: Value = http
                .post(format!("{base}/v1/sessions"))
                .json(&json!({"email": email, "password": "demo-password"}))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            reply["token"].as_str().unwrap().to_owned()
        }
    };
    let partner = sign_in("partner@demo.test").await;
    let handler = sign_in("handler@demo.test").await;
    let browser = Browser::new(format!("http://{service}/push/kill"));
    let reply = http
        .post(format!("{base}/v1/devices"))
        .bearer_auth(&partner)
        .json(&browser.registration("", "en"))
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 201);
    let mut events = Vec::new();
    for n in 0..3 {
        let case: Value = http
            .post(format!("{base}/v1/cases"))
            .bearer_auth(&partner)
            .header("Idempotency-Key", uuid::Uuid::new_v4().to_string())
            .json(&helpers::question(&format!("Question {n}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = case["case"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("{case}"))
            .to_owned();
        let event: Value = http
            .post(format!("{base}/v1/handler/cases/{id}/acknowledge"))
            .bearer_auth(&handler)
            .json(&json!({}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        events.push(event["id"].as_i64().unwrap_or_else(|| panic!("{event}")));
    }
    // Tried and failed at least once each; then the server dies without a goodbye.
    tokio::time::sleep(Duration::from_millis(400)).await;
    server.kill().unwrap();
    server.wait().unwrap();

    // The push service comes up, and so does the server again.
    let receiver = Receiver::default();
    let app = Router::new()
        .route("/push/{id}", post(web_push))
        .with_state(receiver.clone());
    let listener = tokio::net::TcpListener::bind(service).await.unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let mut server = start();
    // A push that was on its way at the kill is due again when its lease ends (60 s).
    let got = receiver
        .wait_for("/push/", 3, Duration::from_secs(90))
        .await;
    server.kill().unwrap();
    let _ = server.wait();
    let mut tags: Vec<String> = got.iter().map(|g| browser.open(g).tag).collect();
    tags.sort();
    tags.dedup();
    let mut wanted: Vec<String> = events.iter().map(|id| format!("pulse-{id}")).collect();
    wanted.sort();
    assert_eq!(
        tags, wanted,
        "every queued push arrived, each event's tag at least once"
    );
}

#[tokio::test]
#[ignore = "needs PostgreSQL (PULSE_TEST_POSTGRES); scripts/test.sh runs it"]
async fn two_instances_on_one_database_never_send_the_same_push_twice() {
    let (receiver, base) = Receiver::start().await;
    let url = helpers::fresh_postgres_database(&helpers::required_postgres()).await;
    let a = server_with_retry(|c| c.database_url = url.clone()).await;
    let b = server_with_retry(|c| c.database_url = url.clone()).await;
    let partner = a.partner("hana@example.com").await;
    let handler_a = a.handler("support@example.com").await;
    let handler_b = User {
        base: b.base.clone(),
        ..handler_a.clone()
    };
    let browsers: Vec<Browser> = (0..5)
        .map(|n| Browser::new(format!("{base}/push/{n}")))
        .collect();
    for browser in &browsers {
        register(&partner, browser.registration("", "en")).await;
    }
    let case = partner.open_case("Both instances").await.case;
    handler_a.handle(case.id, "acknowledge", json!({})).await;
    for n in 0..20 {
        let handler = if n % 2 == 0 { &handler_a } else { &handler_b };
        handler
            .handle(case.id, "messages", json!({"body": format!("Update {n}")}))
            .await;
    }
    let wanted = browsers.len() * 21;
    receiver
        .wait_for("/push/", wanted, Duration::from_secs(30))
        .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let got = receiver.got();
    let mut seen: Vec<(String, String)> = got
        .iter()
        .map(|g| {
            let n: usize = g.path.trim_start_matches("/push/").parse().unwrap();
            (g.path.clone(), browsers[n].open(g).tag)
        })
        .collect();
    assert_eq!(seen.len(), wanted, "every push once, none twice");
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), wanted, "no push sent by both instances");
}

#[tokio::test]
async fn a_session_that_ends_takes_its_push_targets_with_it() {
    let server = TestServer::spawn_with(|c| {
        c.limits.sessions = pulse_server::store::SessionPolicy {
            idle: Duration::from_secs(1),
            absolute: Duration::from_secs(3600),
        };
        c.limits.tidy_every = Duration::from_millis(100);
    })
    .await;
    let partner = server.partner("ida@example.com").await;
    let account = partner.account().id;
    register(
        &partner,
        Browser::new("https://push.example.com/ida".into()).registration("", "en"),
    )
    .await;
    let store = server.server().store();
    assert_eq!(store.devices(account).await.unwrap().len(), 1);
    // Idle past its limit: the session ends, and its target with it.
    let start = Instant::now();
    while !store.devices(account).await.unwrap().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the target outlived its session"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
