//! Live case events: every change reaches the phone once, through a server restart and a
//! connection that silently dies, and each becomes one notification.

mod helpers;

use std::collections::HashSet;
use std::time::Duration;

use helpers::{Device, FaultProxy, PARTNER, PASSWORD, Server, eventually, question, sent_case};
use pulse_client::{Change, Pulse};
use serde_json::json;
use uuid::Uuid;

async fn open_case(pulse: &Pulse, text: &str) -> Uuid {
    let item = pulse
        .send_draft(pulse.save_draft(None, &question(text)).await.unwrap().id)
        .await
        .unwrap();
    sent_case(pulse, item.id).await
}

/// Notifications are distinct events, newest first; returns their event ids.
async fn notification_ids(pulse: &Pulse) -> Vec<i64> {
    let ids: Vec<i64> = pulse
        .notifications()
        .await
        .unwrap()
        .iter()
        .map(|n| n.event.id)
        .collect();
    let unique: HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a notification was made twice");
    ids
}

#[tokio::test]
async fn a_change_arrives_as_a_banner_and_a_notification() {
    let server = Server::start().await;
    let handler = server.handler().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let case = open_case(&pulse, "Can I change my cancellation policy?").await;
    // Listening from before the first change: each banner is then the next one, never a
    // late copy of the one before (a banner is sent just after its notification is kept).
    let mut changes = pulse.changes();
    let next_banner = async |changes: &mut tokio::sync::broadcast::Receiver<Change>| {
        tokio::time::timeout(Duration::from_secs(5), async {
            loop {
                if let Ok(Change::Notified(n)) = changes.recv().await {
                    return n;
                }
            }
        })
        .await
        .expect("a banner within 5 s")
    };
    handler.act(case, "acknowledge", json!({})).await;
    let first = next_banner(&mut changes).await;
    assert_eq!(first.event.status.as_str(), "acknowledged");
    assert_eq!(notification_ids(&pulse).await.len(), 1);
    assert!(
        pulse.cases().await.unwrap()[0].reply_due_at.is_some(),
        "an acknowledgement alone keeps the promise of a reply"
    );
    pulse.mark_read(pulse_client::ReadScope::All).await.unwrap();

    handler
        .act(
            case,
            "messages",
            json!({"body": "Which dates?", "request_info": true}),
        )
        .await;
    let banner = next_banner(&mut changes).await;
    assert_eq!(banner.event.case_id, case);
    assert_eq!(banner.event.status.as_str(), "awaiting_partner");
    assert!(!banner.read);
    let cached = pulse.cases().await.unwrap();
    assert_eq!(cached[0].status.as_str(), "awaiting_partner");
    assert_eq!(cached[0].unread_count, 2, "acknowledged, then asked");
    assert_eq!(
        cached[0].reply_due_at, None,
        "no reply is due while support waits on the partner"
    );
    assert_eq!(pulse.unread_notifications().await.unwrap(), 1);

    // The partner's own reply is not a notification, but it moves the case.
    pulse
        .reply(case, "From the 3rd to the 5th.", vec![])
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(5), async || pulse
            .cases()
            .await
            .unwrap()[0]
            .status
            .as_str()
            == "in_progress")
        .await
    );
    assert_eq!(notification_ids(&pulse).await.len(), 2);
    pulse.mark_read(pulse_client::ReadScope::All).await.unwrap();
    assert_eq!(pulse.unread_notifications().await.unwrap(), 0);
}

#[tokio::test]
async fn events_made_while_the_server_restarts_arrive_once_each() {
    let mut server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let mut cases = Vec::new();
    for i in 0..3 {
        cases.push(open_case(&pulse, &format!("Case {i}")).await);
    }
    let handler = server.handler().await;
    for case in &cases {
        handler.act(*case, "acknowledge", json!({})).await;
    }
    assert!(
        eventually(Duration::from_secs(5), async || notification_ids(&pulse)
            .await
            .len()
            == 3)
        .await
    );

    // The server goes away; the stream breaks and the client keeps retrying.
    server.down().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    server.up().await;
    // Changes made right after the restart, possibly before the client is back.
    let handler = server.handler().await;
    for case in &cases {
        handler
            .act(
                *case,
                "messages",
                json!({"body": "Working on it", "request_info": false}),
            )
            .await;
        handler
            .act(*case, "resolve", json!({"outcome": "Sorted"}))
            .await;
    }
    assert!(
        eventually(Duration::from_secs(15), async || notification_ids(&pulse)
            .await
            .len()
            == 9)
        .await,
        "got {} notifications",
        notification_ids(&pulse).await.len()
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let ids = notification_ids(&pulse).await;
    assert_eq!(ids.len(), 9, "no duplicate after more time");
    let mut sorted = ids.clone();
    sorted.sort();
    assert!(sorted.windows(2).all(|w| w[0] < w[1]));
    for case in pulse.cases().await.unwrap() {
        assert_eq!(case.status.as_str(), "resolved");
        assert_eq!(case.outcome.as_deref(), Some("Sorted"));
    }
}

#[tokio::test]
async fn a_silently_dead_connection_is_noticed_and_replaced() {
    let server = Server::start().await;
    let proxy = FaultProxy::start(server.addr, 1).await;
    let device = Device::new();
    // The read timeout is 2 s in tests; the server's keep-alive every 300 ms.
    let pulse = device.open().await;
    pulse
        .sign_in(&proxy.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let case = open_case(&pulse, "Hello").await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    // The network dies without closing anything: bytes stop flowing both ways.
    proxy.set_black_hole(true);
    let handler = server.handler().await;
    handler.act(case, "acknowledge", json!({})).await;
    // The silence outlasts the read timeout (2 s here): the app knows it is offline.
    let offline = async || *pulse.connectivity().borrow() == pulse_client::Connectivity::Offline;
    assert!(eventually(Duration::from_secs(8), offline).await);
    assert!(
        notification_ids(&pulse).await.is_empty(),
        "nothing can arrive through a black hole"
    );

    proxy.set_black_hole(false);
    assert!(
        eventually(Duration::from_secs(10), async || notification_ids(&pulse)
            .await
            .len()
            == 1)
        .await
    );
    assert_eq!(
        *pulse.connectivity().borrow(),
        pulse_client::Connectivity::Online
    );
}

#[tokio::test]
async fn a_case_opened_on_another_device_appears_from_its_events() {
    let server = Server::start().await;
    let handler = server.handler().await;
    let phone = Device::new();
    let tablet = Device::new();
    let on_phone = phone.open().await;
    let on_tablet = tablet.open().await;
    on_phone
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    on_tablet
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let case = open_case(&on_tablet, "Written on the tablet").await;
    handler.act(case, "acknowledge", json!({})).await;
    assert!(
        eventually(Duration::from_secs(10), async || on_phone
            .cases()
            .await
            .unwrap()
            .iter()
            .any(|c| c.id == case && c.status.as_str() == "acknowledged"))
        .await
    );
}

#[tokio::test]
async fn a_long_case_opens_whole_though_the_server_sends_it_in_pages() {
    let server = Server::start().await;
    let handler = server.handler().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let case = open_case(&pulse, "The pool heater, again").await;
    handler.act(case, "acknowledge", json!({})).await;
    for n in 0..230 {
        handler
            .act(case, "messages", json!({"body": format!("Update {n}")}))
            .await;
    }
    let detail = pulse.open_case(case).await.unwrap().unwrap();
    assert_eq!(detail.timeline.len(), 232);
    assert_eq!(
        detail.timeline[0].body.as_deref(),
        Some("The pool heater, again")
    );
    assert_eq!(detail.timeline[231].body.as_deref(), Some("Update 229"));
    assert!(detail.timeline.windows(2).all(|w| w[0].id < w[1].id));
    assert_eq!(detail.earlier, None);
}
