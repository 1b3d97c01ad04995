//! Connections an attacker holds open cost bounded time and memory: a request head that
//! never ends and a body that stops arriving are cut off, the number of connections is
//! capped, and so are an account's open event streams.

mod helpers;

use std::time::{Duration, Instant};

use helpers::TestServer;
use pulse_server::serve::ConnectionLimits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn addr(app: &TestServer) -> std::net::SocketAddr {
    app.server().addr()
}

/// Reads until the server closes the connection; what it said, and when.
async fn until_closed(stream: &mut TcpStream, wait: Duration) -> Option<(String, Duration)> {
    let started = Instant::now();
    let mut seen = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        match tokio::time::timeout_at(
            tokio::time::Instant::from_std(started + wait),
            stream.read(&mut buf),
        )
        .await
        {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => {
                return Some((
                    String::from_utf8_lossy(&seen).into_owned(),
                    started.elapsed(),
                ));
            }
            Ok(Ok(n)) => seen.extend_from_slice(&buf[..n]),
        }
    }
}

async fn quick_timeouts() -> TestServer {
    TestServer::spawn_with(|c| {
        c.limits.connections = ConnectionLimits {
            max_connections: 64,
            head_timeout: Duration::from_secs(1),
            body_timeout: Duration::from_secs(1),
        };
    })
    .await
}

#[tokio::test]
async fn a_request_head_that_never_ends_is_cut_off() {
    let app = quick_timeouts().await;
    let mut slow = TcpStream::connect(addr(&app)).await.unwrap();
    slow.write_all(b"GET /v1/topics HTTP/1.1\r\nHost: pulse\r\nX-Slow: ")
        .await
        .unwrap();
    let (_, after) = until_closed(&mut slow, Duration::from_secs(5))
        .await
        .expect("the server closes a connection whose head never ends");
    assert!(after < Duration::from_secs(3), "{after:?}");
    // Saying nothing at all is cut off the same way.
    let mut silent = TcpStream::connect(addr(&app)).await.unwrap();
    assert!(
        until_closed(&mut silent, Duration::from_secs(5))
            .await
            .is_some()
    );
    // Meanwhile everyone else is served.
    assert_eq!(app.anonymous().get("/v1/topics").await.status, 200);
}

#[tokio::test]
async fn a_request_body_that_stops_arriving_is_cut_off() {
    let app = quick_timeouts().await;
    let partner = app.partner("anna@example.test").await;
    let token = partner.token.clone().unwrap();
    let mut slow = TcpStream::connect(addr(&app)).await.unwrap();
    let head = format!(
        "POST /v1/cases HTTP/1.1\r\nHost: pulse\r\nAuthorization: Bearer {token}\r\n\
         Idempotency-Key: 0193a4a0-0000-7000-8000-000000000001\r\n\
         Content-Type: application/json\r\nContent-Length: 400\r\n\r\n{{\"kind\":"
    );
    slow.write_all(head.as_bytes()).await.unwrap();
    let (answer, after) = until_closed(&mut slow, Duration::from_secs(6))
        .await
        .expect("the server gives up on a body that stops");
    assert!(after < Duration::from_secs(4), "{after:?}");
    assert!(!answer.contains(" 500 "), "{answer}");
    // Nothing half-sent was stored.
    let cases = partner.get("/v1/cases").await;
    assert_eq!(cases.body["cases"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn past_the_connection_cap_a_new_connection_waits_for_one_to_close() {
    let app = TestServer::spawn_with(|c| {
        c.limits.connections = ConnectionLimits {
            max_connections: 2,
            head_timeout: Duration::from_secs(30),
            body_timeout: Duration::from_secs(30),
        };
    })
    .await;
    let first = TcpStream::connect(addr(&app)).await.unwrap();
    let _second = TcpStream::connect(addr(&app)).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let url = format!("{}/v1/topics", app.base);
    let waiting = tokio::spawn(async move {
        let started = Instant::now();
        let reply = reqwest::get(url).await.unwrap();
        (reply.status().as_u16(), started.elapsed())
    });
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(!waiting.is_finished(), "served past the cap");
    drop(first);
    let (status, after) = tokio::time::timeout(Duration::from_secs(5), waiting)
        .await
        .expect("served once a connection closed")
        .unwrap();
    assert_eq!(status, 200);
    assert!(after >= Duration::from_millis(700));
}

#[tokio::test]
async fn an_account_holds_a_few_streams_at_most() {
    let app = TestServer::spawn_with(|c| {
        c.limits.max_streams_per_account = 2;
        c.limits.keep_alive = Duration::from_millis(200);
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let other = app.partner("budi@example.test").await;
    let first = partner.stream(None).await;
    let _second = partner.stream(None).await;
    let third = partner
        .send(
            partner
                .request(reqwest::Method::GET, "/v1/events")
                .header("Accept", "text/event-stream"),
        )
        .await;
    third.assert_error(429, "rate_limited");
    assert!(third.headers.contains_key("retry-after"));
    // Another partner is not held back by it.
    let _theirs = other.stream(None).await;
    // Once a stream is closed (the server notices at its next keep-alive), another
    // may open.
    drop(first);
    let started = Instant::now();
    loop {
        let reply = partner
            .http
            .get(format!("{}/v1/events", app.base))
            .bearer_auth(partner.token.as_deref().unwrap())
            .header("Accept", "text/event-stream")
            .send()
            .await
            .unwrap();
        if reply.status() == 200 {
            break;
        }
        assert_eq!(reply.status(), 429);
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the closed stream still counts"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
