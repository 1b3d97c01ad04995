//! Push targets: the phone registers one for the signed-in account, remembers it across
//! restarts, names it on the live stream (so that the server sends no push while the
//! app is on screen, and does once it is out of sight), and forgets it at sign-out, as
//! the server does.

mod helpers;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use helpers::{Device, PARTNER, PASSWORD, Server, eventually, question, sent_case};
use pulse_client::{Change, Pulse};
use pulse_protocol::push::{NewDevice, PushPlatform, SubscriptionKeys, WebPushSubscription};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// P-256's base point, uncompressed, in base64url: a public key the server takes (it
/// encrypts to it; only a real browser could read what it sends).
const BROWSER_KEY: &str =
    "BGsX0fLhLEJH-Lzm5WOkQPJ3A32BLeszoPShOUXYmMKWT-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU";
const BROWSER_AUTH: &str = "AAECAwQFBgcICQoLDA0ODw";

fn browser(endpoint: &str, language: &str) -> NewDevice {
    NewDevice {
        platform: PushPlatform::WebPush,
        subscription: Some(WebPushSubscription {
            endpoint: endpoint.to_owned(),
            keys: SubscriptionKeys {
                p256dh: BROWSER_KEY.into(),
                auth: BROWSER_AUTH.into(),
            },
        }),
        token: None,
        language: language.into(),
        label: "Firefox (Linux)".into(),
    }
}

/// A push service on loopback that takes every push (201) and counts them.
async fn push_service() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}/push/anna", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let counted = count.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let counted = counted.clone();
            tokio::spawn(async move {
                let mut seen = Vec::new();
                let mut buf = [0u8; 4096];
                loop {
                    // One request: the head, then as many bytes as it says.
                    let Some(head_end) = seen.windows(4).position(|w| w == b"\r\n\r\n") else {
                        match socket.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => seen.extend_from_slice(&buf[..n]),
                        }
                        continue;
                    };
                    let head = String::from_utf8_lossy(&seen[..head_end]).to_ascii_lowercase();
                    let length: usize = head
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .and_then(|v| v.trim().parse().ok())
                        .unwrap_or(0);
                    let whole = head_end + 4 + length;
                    while seen.len() < whole {
                        match socket.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => seen.extend_from_slice(&buf[..n]),
                        }
                    }
                    seen.drain(..whole);
                    counted.fetch_add(1, Ordering::SeqCst);
                    let answer = b"HTTP/1.1 201 Created\r\ncontent-length: 0\r\n\r\n";
                    if socket.write_all(answer).await.is_err() {
                        return;
                    }
                }
            });
        }
    });
    (endpoint, count)
}

async fn signed_in(server: &Server, device: &Device) -> Pulse {
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    pulse
}

/// Waits for the banner of the next change support makes.
async fn next_banner(changes: &mut tokio::sync::broadcast::Receiver<Change>) -> i64 {
    tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            if let Ok(Change::Notified(n)) = changes.recv().await {
                return n.event.id;
            }
        }
    })
    .await
    .expect("a banner within 5 s")
}

#[tokio::test]
async fn a_registered_device_is_remembered_until_sign_out_and_the_server_agrees() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = signed_in(&server, &device).await;
    assert_eq!(pulse.push_device(), None);

    let config = pulse.push_config().await.unwrap();
    // An uncompressed P-256 point (65 bytes) in unpadded base64url.
    assert_eq!(config.web_push_key.len(), 87, "{}", config.web_push_key);
    assert!(
        !config.fcm && !config.apns,
        "no FCM or APNs credentials given"
    );

    let endpoint = "https://push.example.test/sub/1";
    let first = pulse
        .register_device(&browser(endpoint, "nl"))
        .await
        .unwrap();
    assert_eq!(first.platform, PushPlatform::WebPush);
    assert_eq!(
        (first.language.as_str(), first.label.as_str()),
        ("nl", "Firefox (Linux)")
    );
    assert_eq!(pulse.push_device(), Some(first.id));
    // The same subscription in another language: the same device, updated.
    let again = pulse
        .register_device(&browser(endpoint, "sv"))
        .await
        .unwrap();
    assert_eq!(again.id, first.id);
    let listed = pulse.devices().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].id, listed[0].language.as_str()),
        (first.id, "sv")
    );

    // A restart keeps it.
    pulse.close();
    drop(pulse);
    let pulse = device.open().await;
    assert_eq!(pulse.push_device(), Some(first.id));

    // Signing out forgets it here; the server dropped it with the session.
    pulse.sign_out(pulse_client::OnSignOut::Keep).await.unwrap();
    assert_eq!(pulse.push_device(), None);
    pulse.close();
    drop(pulse);
    let pulse = signed_in(&server, &device).await;
    assert_eq!(pulse.push_device(), None);
    assert!(pulse.devices().await.unwrap().is_empty());
}

#[tokio::test]
async fn removing_the_device_forgets_it_and_a_second_removal_is_no_error() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = signed_in(&server, &device).await;
    let registered = pulse
        .register_device(&browser("https://push.example.test/sub/2", "en"))
        .await
        .unwrap();
    pulse.remove_device(registered.id).await.unwrap();
    assert_eq!(pulse.push_device(), None);
    assert!(pulse.devices().await.unwrap().is_empty());
    pulse.remove_device(registered.id).await.unwrap();
}

#[tokio::test]
async fn a_bad_subscription_is_refused_with_its_code_and_nothing_is_remembered() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = signed_in(&server, &device).await;
    let mut bad = browser("http://push.example.test/not-https", "en");
    let refused = pulse.register_device(&bad).await.unwrap_err();
    assert_eq!(
        refused.failure(),
        pulse_client::Failure::Refused(pulse_protocol::ErrorCode::PushTargetInvalid)
    );
    bad.platform = PushPlatform::Fcm;
    bad.subscription = None;
    bad.token = Some("fcm-token".into());
    let unavailable = pulse.register_device(&bad).await.unwrap_err();
    assert_eq!(
        unavailable.failure(),
        pulse_client::Failure::Refused(pulse_protocol::ErrorCode::PushUnavailable)
    );
    assert_eq!(pulse.push_device(), None);
}

#[tokio::test]
async fn no_push_while_the_app_is_on_screen_and_one_once_it_is_out_of_sight() {
    let server = Server::start().await;
    let handler = server.handler().await;
    let (endpoint, pushes) = push_service().await;
    let device = Device::new();
    let pulse = signed_in(&server, &device).await;
    let item = pulse
        .send_draft(
            pulse
                .save_draft(None, &question("Room 4 is double booked"))
                .await
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    let case = sent_case(&pulse, item.id).await;
    pulse
        .register_device(&browser(&endpoint, "en"))
        .await
        .unwrap();
    // The stream opens again, naming the device as on screen.
    tokio::time::sleep(Duration::from_secs(1)).await;

    let mut changes = pulse.changes();
    let ack = handler.act(case, "acknowledge", json!({})).await;
    assert_eq!(next_banner(&mut changes).await, ack.id);
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(pushes.load(Ordering::SeqCst), 0, "the banner, not a push");

    // Out of sight: the stream says so, and the next change is a push as well.
    pulse.set_visible(false);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let asked = handler
        .act(
            case,
            "messages",
            json!({"body": "Which dates?", "request_info": true}),
        )
        .await;
    assert_eq!(
        next_banner(&mut changes).await,
        asked.id,
        "the stream still runs"
    );
    assert!(
        eventually(Duration::from_secs(10), async || pushes
            .load(Ordering::SeqCst)
            == 1)
        .await,
        "one push once the app is out of sight"
    );
}
