//! The outbox: offline composing, exactly-once delivery through a faulty network, and
//! what 4xx, 401 and 429 do to the queue.

mod helpers;

use std::collections::HashSet;
use std::time::Duration;

use helpers::{
    Device, Fate, FaultProxy, PARTNER, PASSWORD, Server, eventually, question, sent_case,
};
use pulse_client::{AuthState, OutboxState, Pulse};
use serde_json::json;

fn sent_count(pulse: &Pulse) -> usize {
    pulse
        .outbox()
        .unwrap()
        .iter()
        .filter(|i| matches!(i.state, OutboxState::Sent { .. }))
        .count()
}

#[tokio::test]
async fn messages_written_while_the_server_is_down_arrive_once_in_order() {
    let mut server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    server.down().await;

    for i in 0..50 {
        let draft = pulse
            .save_draft(None, &question(&format!("offline {i:02}")))
            .unwrap();
        let item = pulse.send_draft(draft.id).unwrap();
        assert!(matches!(item.state, OutboxState::Queued { .. }));
    }
    assert!(
        pulse.drafts().unwrap().is_empty(),
        "each draft moved to the outbox"
    );
    // While the server is away, nothing is sent and the app knows it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sent_count(&pulse), 0);
    assert_eq!(
        *pulse.connectivity().borrow(),
        pulse_client::Connectivity::Offline
    );
    let waiting = |pulse: &Pulse| {
        matches!(&pulse.outbox().unwrap()[0].state, OutboxState::Queued { attempts, last_error, .. }
            if *attempts > 0 && last_error.as_deref() == Some("network"))
    };
    assert!(eventually(Duration::from_secs(5), || waiting(&pulse)).await);

    server.up().await;
    assert!(eventually(Duration::from_secs(30), || sent_count(&pulse) == 50).await);
    let bodies = server.handler().await.bodies().await;
    let expected: Vec<String> = (0..50).map(|i| format!("offline {i:02}")).collect();
    assert_eq!(bodies, expected, "each exactly once, in the order written");
    assert_eq!(
        *pulse.connectivity().borrow(),
        pulse_client::Connectivity::Online
    );
    assert_eq!(pulse.cases().unwrap().len(), 50, "sent cases are cached");
}

#[tokio::test]
async fn a_faulty_network_loses_nothing_and_duplicates_nothing() {
    let server = Server::start().await;
    let proxy = FaultProxy::start(server.addr, 7).await;
    let device = Device::new();
    let mut config = device.config();
    // One request per connection, so every request meets its own fate; small batches,
    // so faults strike hundreds of requests, single and batched.
    config.http.keep_alive = false;
    config.max_batch = 3;
    config.http.request_timeout = Duration::from_secs(5);
    let pulse = Pulse::open(config).await.unwrap();
    pulse.set_foreground(false);
    pulse
        .sign_in(&proxy.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    proxy.set_faulty(true);

    const N: usize = 500;
    for i in 0..N {
        let draft = pulse
            .save_draft(None, &question(&format!("message {i:03}")))
            .unwrap();
        pulse.send_draft(draft.id).unwrap();
    }
    assert!(
        eventually(Duration::from_secs(240), || sent_count(&pulse) == N).await,
        "sent {} of {N}",
        sent_count(&pulse)
    );
    eprintln!(
        "{N} messages through the proxy: {} connections passed, {} refused, {} cut before the server, {} cut after the commit",
        proxy.count(Fate::Pass),
        proxy.count(Fate::Refuse),
        proxy.count(Fate::CutBeforeServer),
        proxy.count(Fate::CutAfterCommit)
    );
    for fate in [Fate::Refuse, Fate::CutBeforeServer, Fate::CutAfterCommit] {
        assert!(
            proxy.count(fate) >= 30,
            "{fate:?} happened {} times",
            proxy.count(fate)
        );
    }
    let bodies = server.handler().await.bodies().await;
    let expected: Vec<String> = (0..N).map(|i| format!("message {i:03}")).collect();
    assert_eq!(bodies.len(), N, "no loss, no duplicate");
    assert_eq!(bodies, expected, "order kept");
    let ids: HashSet<_> = pulse
        .outbox()
        .unwrap()
        .iter()
        .map(|i| match i.state {
            OutboxState::Sent { case_id } => case_id,
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(ids.len(), N);
}

#[tokio::test]
async fn a_refused_item_fails_with_the_servers_code_and_the_queue_goes_on() {
    let server = Server::start().await;
    let handler = server.handler().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();

    // A property that is not the partner's: the client cannot know, the server refuses.
    let mut bad = question("About someone else's property");
    bad.property_id = Some(999_999);
    let bad = pulse
        .send_draft(pulse.save_draft(None, &bad).unwrap().id)
        .unwrap();
    let good = pulse
        .send_draft(pulse.save_draft(None, &question("Fine")).unwrap().id)
        .unwrap();
    sent_case(&pulse, good.id).await;
    let failed = pulse.outbox_item(bad.id).unwrap();
    assert!(
        matches!(&failed.state, OutboxState::Failed { code, .. } if code == "unknown_property"),
        "{:?}",
        failed.state
    );

    // Edit: it becomes a draft again, fixed and sent.
    let draft = pulse.edit_failed(bad.id).unwrap();
    assert_eq!(draft.content.body, "About someone else's property");
    assert!(pulse.outbox().unwrap().iter().all(|i| i.id != bad.id));
    let mut fixed = draft.content.clone();
    fixed.property_id = None;
    pulse.save_draft(Some(draft.id), &fixed).unwrap();
    let resent = pulse.send_draft(draft.id).unwrap();
    sent_case(&pulse, resent.id).await;

    // A reply to a closed case fails; retry fails again; discard removes it.
    let OutboxState::Sent { case_id } = pulse.outbox_item(good.id).unwrap().state else {
        unreachable!()
    };
    handler.act(case_id, "acknowledge", json!({})).await;
    handler
        .act(case_id, "resolve", json!({"outcome": "Done"}))
        .await;
    let accept = pulse.answer_resolution(case_id, true, None).unwrap();
    sent_case(&pulse, accept.id).await;
    handler.act(case_id, "close", json!(null)).await;
    let late = pulse.reply(case_id, "One more thing", vec![]).unwrap();
    let is_failed = |pulse: &Pulse| matches!(&pulse.outbox_item(late.id).unwrap().state, OutboxState::Failed { code, .. } if code == "invalid_transition");
    assert!(eventually(Duration::from_secs(10), || is_failed(&pulse)).await);
    pulse.retry(late.id).unwrap();
    assert!(eventually(Duration::from_secs(10), || is_failed(&pulse)).await);
    pulse.discard(late.id).unwrap();
    assert!(pulse.outbox().unwrap().iter().all(|i| i.id != late.id));
    assert_eq!(server.handler().await.bodies().await.len(), 2);
}

#[tokio::test]
async fn a_revoked_session_pauses_the_queue_and_loses_nothing() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    let account = pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();

    // The session ends on the server (signed out elsewhere, or expired).
    let token = pulse_client::Vault::new(device.credentials.clone())
        .load(&format!("{}#{}", server.url(), account.id))
        .unwrap()
        .unwrap();
    let api = pulse_client::Api::new(&server.url(), &Default::default())
        .unwrap()
        .with_token(token);
    api.sign_out().await.unwrap();

    let mut items = Vec::new();
    for i in 0..3 {
        let draft = pulse
            .save_draft(None, &question(&format!("after expiry {i}")))
            .unwrap();
        items.push(pulse.send_draft(draft.id).unwrap().id);
    }
    assert!(
        eventually(Duration::from_secs(10), || matches!(
            pulse.auth(),
            AuthState::SignInAgain(_)
        ))
        .await
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    for id in &items {
        let state = pulse.outbox_item(*id).unwrap().state;
        assert!(matches!(state, OutboxState::Queued { .. }), "{state:?}");
    }
    // Writing goes on while paused.
    let draft = pulse.save_draft(None, &question("after expiry 3")).unwrap();
    items.push(pulse.send_draft(draft.id).unwrap().id);

    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    assert!(eventually(Duration::from_secs(10), || sent_count(&pulse) == 4).await);
    let bodies = server.handler().await.bodies().await;
    assert_eq!(
        bodies,
        [
            "after expiry 0",
            "after expiry 1",
            "after expiry 2",
            "after expiry 3"
        ]
    );
}

#[tokio::test]
async fn a_rate_limited_queue_waits_as_told_and_delivers_everything() {
    let server = Server::start_with(pulse_server::Limits {
        rate_per_second: 5.try_into().unwrap(),
        rate_burst: 5.try_into().unwrap(),
        ..Default::default()
    })
    .await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse.set_foreground(false);
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    for i in 0..12 {
        let draft = pulse
            .save_draft(None, &question(&format!("burst {i:02}")))
            .unwrap();
        pulse.send_draft(draft.id).unwrap();
    }
    assert!(eventually(Duration::from_secs(30), || sent_count(&pulse) == 12).await);
    let bodies = server.handler().await.bodies().await;
    assert_eq!(bodies.len(), 12);
    assert!(bodies.windows(2).all(|w| w[0] < w[1]));
}

#[tokio::test]
async fn photos_are_uploaded_once_and_travel_with_their_message() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
    let png = *b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let a = pulse.add_file(&jpeg).unwrap();
    let b = pulse.add_file(&png).unwrap();
    let mut content = question("Water damage in room 4, photos attached");
    content.files = vec![a.id, b.id];
    let item = pulse
        .send_draft(pulse.save_draft(None, &content).unwrap().id)
        .unwrap();
    let case_id = sent_case(&pulse, item.id).await;
    let detail = pulse.open_case(case_id).await.unwrap().unwrap();
    let attached: Vec<_> = detail.timeline[0]
        .attachments
        .iter()
        .map(|a| a.media_type.as_str())
        .collect();
    assert_eq!(attached, ["image/jpeg", "image/png"]);
    assert!(pulse.file(a.id).unwrap().remote_id.is_some());
}
