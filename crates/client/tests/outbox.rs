//! The outbox: offline composing, exactly-once delivery through a faulty network, and
//! what 4xx, 401 and 429 do to the queue.

mod helpers;

use std::collections::HashSet;
use std::time::Duration;

use helpers::{
    Device, Fate, FaultProxy, PARTNER, PASSWORD, Server, eventually, question, sent_case,
};
use pulse_client::{AuthState, ClientError, Failure, OutboxState, Pulse, StoreError, Unqueued};
use pulse_protocol::ErrorCode;
use serde_json::json;

async fn sent_count(pulse: &Pulse) -> usize {
    pulse
        .outbox()
        .await
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
            .await
            .unwrap();
        let item = pulse.send_draft(draft.id).await.unwrap();
        assert!(matches!(item.state, OutboxState::Queued { .. }));
    }
    assert!(
        pulse.drafts().await.unwrap().is_empty(),
        "each draft moved to the outbox"
    );
    // While the server is away, nothing is sent and the app knows it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(sent_count(&pulse).await, 0);
    assert_eq!(
        *pulse.connectivity().borrow(),
        pulse_client::Connectivity::Offline
    );
    let waiting = async |pulse: &Pulse| {
        matches!(&pulse.outbox().await.unwrap()[0].state, OutboxState::Queued { attempts, last_error, .. }
            if *attempts > 0 && *last_error == Some(Failure::Network))
    };
    assert!(eventually(Duration::from_secs(5), async || waiting(&pulse).await).await);

    server.up().await;
    assert!(
        eventually(Duration::from_secs(30), async || sent_count(&pulse).await
            == 50)
        .await
    );
    let bodies = server.handler().await.bodies().await;
    let expected: Vec<String> = (0..50).map(|i| format!("offline {i:02}")).collect();
    assert_eq!(bodies, expected, "each exactly once, in the order written");
    assert_eq!(
        *pulse.connectivity().borrow(),
        pulse_client::Connectivity::Online
    );
    assert_eq!(
        pulse.cases().await.unwrap().len(),
        50,
        "sent cases are cached"
    );
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
            .await
            .unwrap();
        pulse.send_draft(draft.id).await.unwrap();
    }
    assert!(
        eventually(Duration::from_secs(240), async || sent_count(&pulse).await
            == N)
        .await,
        "sent {} of {N}",
        sent_count(&pulse).await
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
        .await
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
        .send_draft(pulse.save_draft(None, &bad).await.unwrap().id)
        .await
        .unwrap();
    let good = pulse
        .send_draft(pulse.save_draft(None, &question("Fine")).await.unwrap().id)
        .await
        .unwrap();
    sent_case(&pulse, good.id).await;
    let failed = pulse.outbox_item(bad.id).await.unwrap();
    assert!(
        matches!(&failed.state, OutboxState::Failed { reason, .. } if *reason == ErrorCode::UnknownProperty.into()),
        "{:?}",
        failed.state
    );

    // Edit: it becomes a draft again, fixed and sent.
    let draft = pulse.edit_failed(bad.id).await.unwrap();
    assert_eq!(draft.content.body, "About someone else's property");
    assert!(pulse.outbox().await.unwrap().iter().all(|i| i.id != bad.id));
    let mut fixed = draft.content.clone();
    fixed.property_id = None;
    pulse.save_draft(Some(draft.id), &fixed).await.unwrap();
    let resent = pulse.send_draft(draft.id).await.unwrap();
    sent_case(&pulse, resent.id).await;

    // A reply to a closed case fails; retry fails again; discard removes it.
    let OutboxState::Sent { case_id } = pulse.outbox_item(good.id).await.unwrap().state else {
        unreachable!()
    };
    handler.act(case_id, "acknowledge", json!({})).await;
    handler
        .act(case_id, "resolve", json!({"outcome": "Done"}))
        .await;
    let accept = pulse.answer_resolution(case_id, true, None).await.unwrap();
    sent_case(&pulse, accept.id).await;
    handler.act(case_id, "close", json!(null)).await;
    let late = pulse
        .reply(case_id, "One more thing", vec![])
        .await
        .unwrap();
    let is_failed = async |pulse: &Pulse| matches!(&pulse.outbox_item(late.id).await.unwrap().state, OutboxState::Failed { reason, .. } if *reason == ErrorCode::InvalidTransition.into());
    assert!(eventually(Duration::from_secs(10), async || is_failed(&pulse).await).await);
    pulse.retry(late.id).await.unwrap();
    assert!(eventually(Duration::from_secs(10), async || is_failed(&pulse).await).await);
    pulse.discard(late.id).await.unwrap();
    assert!(
        pulse
            .outbox()
            .await
            .unwrap()
            .iter()
            .all(|i| i.id != late.id)
    );
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
            .await
            .unwrap();
        items.push(pulse.send_draft(draft.id).await.unwrap().id);
    }
    assert!(
        eventually(Duration::from_secs(10), async || matches!(
            pulse.auth(),
            AuthState::SignInAgain(_)
        ))
        .await
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    for id in &items {
        let state = pulse.outbox_item(*id).await.unwrap().state;
        assert!(matches!(state, OutboxState::Queued { .. }), "{state:?}");
    }
    // Writing goes on while paused.
    let draft = pulse
        .save_draft(None, &question("after expiry 3"))
        .await
        .unwrap();
    items.push(pulse.send_draft(draft.id).await.unwrap().id);

    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(10), async || sent_count(&pulse).await
            == 4)
        .await
    );
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
            .await
            .unwrap();
        pulse.send_draft(draft.id).await.unwrap();
    }
    assert!(
        eventually(Duration::from_secs(30), async || sent_count(&pulse).await
            == 12)
        .await
    );
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
    let jpeg = *include_bytes!("../../../fixtures/photo.jpg");
    let png = *include_bytes!("../../../fixtures/photo.png");
    let a = pulse.add_file(&jpeg).await.unwrap();
    let b = pulse.add_file(&png).await.unwrap();
    let mut content = question("Water damage in room 4, photos attached");
    content.files = vec![a.id, b.id];
    let item = pulse
        .send_draft(pulse.save_draft(None, &content).await.unwrap().id)
        .await
        .unwrap();
    let case_id = sent_case(&pulse, item.id).await;
    let detail = pulse.open_case(case_id).await.unwrap().unwrap();
    let attached: Vec<_> = detail.timeline[0]
        .attachments
        .iter()
        .map(|a| a.media_type.as_str())
        .collect();
    assert_eq!(attached, ["image/jpeg", "image/png"]);
    assert!(pulse.file(a.id).await.unwrap().remote_id.is_some());
}

#[tokio::test]
async fn sent_items_and_their_photos_are_let_go_after_a_while_and_nothing_else_is() {
    let mut server = Server::start().await;
    let device = Device::new();
    let mut config = device.config();
    config.keep_sent = Duration::from_millis(300);
    let pulse = Pulse::open(config.clone()).await.unwrap();
    pulse.set_foreground(false);
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let jpeg = *include_bytes!("../../../fixtures/photo.jpg");
    let with_photo = async |mut content: pulse_client::DraftContent| {
        let photo = pulse.add_file(&jpeg).await.unwrap();
        content.files = vec![photo.id];
        let draft = pulse.save_draft(None, &content).await.unwrap();
        (pulse.send_draft(draft.id).await.unwrap().id, photo.id)
    };

    let (sent, sent_photo) = with_photo(question("The lift is broken")).await;
    let case = sent_case(&pulse, sent).await;
    let mut refused = question("About someone else's property");
    refused.property_id = Some(999_999);
    let (failed, failed_photo) = with_photo(refused).await;
    let has_failed = async || {
        matches!(
            pulse.outbox_item(failed).await.unwrap().state,
            OutboxState::Failed { .. }
        )
    };
    assert!(eventually(Duration::from_secs(10), has_failed).await);
    server.down().await;
    let (queued, queued_photo) = with_photo(question("Written offline")).await;

    // Reopened after the period: the sent item goes, with its photo's bytes.
    tokio::time::sleep(Duration::from_millis(400)).await;
    pulse.close();
    drop(pulse);
    let pulse = Pulse::open(config).await.unwrap();
    pulse.set_foreground(false);
    let gone = async || {
        pulse
            .outbox()
            .await
            .unwrap()
            .iter()
            .all(|item| item.id != sent)
    };
    assert!(
        eventually(Duration::from_secs(5), gone).await,
        "the sent item was kept"
    );
    assert!(matches!(
        pulse.file_bytes(sent_photo).await,
        Err(pulse_client::ClientError::Store(
            pulse_client::StoreError::NotFound(_)
        ))
    ));
    let left: Vec<_> = pulse.outbox().await.unwrap();
    assert_eq!(
        left.iter().map(|i| i.id).collect::<Vec<_>>(),
        [failed, queued],
        "failed and unsent items stay"
    );
    assert!(matches!(left[0].state, OutboxState::Failed { .. }));
    // Still waiting, or being tried right now against the server that is down.
    assert!(matches!(
        left[1].state,
        OutboxState::Queued { .. } | OutboxState::Sending
    ));
    for photo in [failed_photo, queued_photo] {
        let kept = pulse.file_bytes(photo).await.unwrap();
        assert_eq!(kept.len() as u64, pulse.file(photo).await.unwrap().size);
    }
    assert!(
        pulse.cases().await.unwrap().iter().any(|c| c.id == case),
        "the case itself stays in the cache"
    );

    // After sends too: once the queue drains, what was sent long enough ago goes.
    server.up().await;
    sent_case(&pulse, queued).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    let draft = pulse.save_draft(None, &question("Later")).await.unwrap();
    let later = pulse.send_draft(draft.id).await.unwrap().id;
    sent_case(&pulse, later).await;
    let only_recent = async || {
        let ids: Vec<_> = pulse.outbox().await.unwrap().iter().map(|i| i.id).collect();
        ids == [failed, later]
    };
    assert!(eventually(Duration::from_secs(5), only_recent).await);
    assert!(pulse.file_bytes(queued_photo).await.is_err());
}

#[tokio::test]
async fn when_the_network_comes_back_what_waited_for_it_goes_at_once() {
    let server = Server::start().await;
    let proxy = FaultProxy::start(server.addr, 3).await;
    let device = Device::new();
    let mut config = device.config();
    // A backoff long enough that only the wake-up can explain a quick send.
    config.retry = pulse_client::RetryPolicy {
        initial: Duration::from_secs(120),
        max: Duration::from_secs(240),
    };
    config.http.keep_alive = false;
    config.http.request_timeout = Duration::from_millis(500);
    let pulse = Pulse::open(config).await.unwrap();
    pulse.set_foreground(false);
    pulse
        .sign_in(&proxy.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    proxy.set_black_hole(true);
    let draft = pulse
        .save_draft(None, &question("Sent from a lift with no signal"))
        .await
        .unwrap();
    pulse.send_draft(draft.id).await.unwrap();
    let waits_for_network = async || {
        pulse.outbox().await.unwrap().iter().any(|i| {
            matches!(
                &i.state,
                OutboxState::Queued { attempts, last_error: Some(Failure::Network), .. } if *attempts >= 1
            )
        })
    };
    assert!(eventually(Duration::from_secs(10), waits_for_network).await);

    // Back in coverage: the platform says so, and the message leaves well before its
    // two-minute backoff.
    proxy.set_black_hole(false);
    pulse.network_is_back();
    assert!(
        eventually(Duration::from_secs(5), async || sent_count(&pulse).await
            == 1)
        .await,
        "sent as soon as the network was back"
    );

    // Coming back to the app does the same.
    proxy.set_black_hole(true);
    let draft = pulse
        .save_draft(None, &question("And another from the basement"))
        .await
        .unwrap();
    pulse.send_draft(draft.id).await.unwrap();
    assert!(eventually(Duration::from_secs(10), waits_for_network).await);
    proxy.set_black_hole(false);
    pulse.set_foreground(true);
    assert!(
        eventually(Duration::from_secs(5), async || sent_count(&pulse).await
            == 2)
        .await,
        "sent as soon as the app was back"
    );
    assert_eq!(server.handler().await.bodies().await.len(), 2);
}

#[tokio::test]
async fn an_item_the_server_keeps_failing_is_stuck_and_only_its_own_case_waits_behind_it() {
    let server = Server::start().await;
    let handler = server.handler().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse.set_foreground(false);
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let stuck_case = sent_case(
        &pulse,
        pulse
            .send_draft(
                pulse
                    .save_draft(None, &question("The roof"))
                    .await
                    .unwrap()
                    .id,
            )
            .await
            .unwrap()
            .id,
    )
    .await;
    // The server can no longer store files: every upload is its own trouble (500).
    let files = server.dir.path().join("attachments");
    std::fs::rename(&files, server.dir.path().join("attachments-away")).unwrap();
    std::fs::write(&files, b"not a folder").unwrap();

    let photo = pulse
        .add_file(include_bytes!("../../../fixtures/photo.jpg"))
        .await
        .unwrap();
    let stuck = pulse
        .reply(stuck_case, "A photo of the roof", vec![photo.id])
        .await
        .unwrap();
    let behind = pulse
        .reply(stuck_case, "And one more thing about the roof", vec![])
        .await
        .unwrap();
    let mut others = Vec::new();
    for topic in ["The pool", "The lift"] {
        let draft = pulse.save_draft(None, &question(topic)).await.unwrap();
        others.push(pulse.send_draft(draft.id).await.unwrap().id);
    }
    let item = async |id| pulse.outbox_item(id).await.unwrap();
    // The other cases' messages go; the stuck one says so; its case's next one waits.
    assert!(
        eventually(Duration::from_secs(20), async || {
            let mut all_sent = true;
            for id in &others {
                all_sent &= matches!(item(*id).await.state, OutboxState::Sent { .. });
            }
            all_sent && item(stuck.id).await.is_stuck()
        })
        .await,
        "stuck: {:?}",
        item(stuck.id).await.state
    );
    assert!(matches!(
        item(behind.id).await.state,
        OutboxState::Queued { attempts: 0, .. }
    ));

    // The server is mended; a retry now sends both, in the order written.
    std::fs::remove_file(&files).unwrap();
    std::fs::rename(server.dir.path().join("attachments-away"), &files).unwrap();
    pulse.retry(stuck.id).await.unwrap();
    assert!(
        eventually(Duration::from_secs(10), async || matches!(
            item(behind.id).await.state,
            OutboxState::Sent { .. }
        ))
        .await
    );
    assert_eq!(handler.bodies().await.len(), 3, "one case each, no more");
    let timeline: Vec<String> = pulse
        .open_case(stuck_case)
        .await
        .unwrap()
        .unwrap()
        .timeline
        .iter()
        .filter_map(|e| e.body.clone())
        .collect();
    assert_eq!(
        timeline,
        [
            "The roof",
            "A photo of the roof",
            "And one more thing about the roof"
        ]
    );
}

#[tokio::test]
async fn a_photo_the_server_no_longer_holds_is_uploaded_again_under_the_same_key() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse.set_foreground(false);
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let photo = pulse
        .add_file(include_bytes!("../../../fixtures/photo.jpg"))
        .await
        .unwrap();
    // As after a day offline: uploaded once, and since deleted by the server unsent.
    rusqlite::Connection::open(device.db_path())
        .unwrap()
        .execute(
            "UPDATE files SET remote_id = ?1 WHERE id = ?2",
            [uuid::Uuid::new_v4().to_string(), photo.id.to_string()],
        )
        .unwrap();
    let mut content = question("The broken window, photo attached");
    content.files = vec![photo.id];
    let item = pulse
        .send_draft(pulse.save_draft(None, &content).await.unwrap().id)
        .await
        .unwrap();
    let case = sent_case(&pulse, item.id).await;
    let detail = pulse.open_case(case).await.unwrap().unwrap();
    assert_eq!(detail.timeline[0].attachments.len(), 1);
    assert_eq!(detail.timeline[0].attachments[0].media_type, "image/jpeg");
    assert_ne!(pulse.file(photo.id).await.unwrap().remote_id, None);
    assert_eq!(server.handler().await.bodies().await.len(), 1);
}

fn on_its_way<T: std::fmt::Debug>(result: Result<T, ClientError>) -> bool {
    match result {
        Err(error @ ClientError::Store(StoreError::OnItsWay)) => {
            error.failure() == Failure::OnItsWay
        }
        other => panic!("expected 'on its way', got {other:?}"),
    }
}

#[tokio::test]
async fn a_queued_message_can_be_edited_or_cancelled_until_it_may_have_left() {
    let mut server = Server::start().await;
    let device = Device::new();
    // A fresh connection per try: a kept-alive one to the stopped server would break
    // mid-request, and such a try may have arrived.
    // And a long backoff, so that no retry is under way while the partner edits: an
    // item being sent is answered "on its way" (another test shows it).
    let mut config = device.config();
    config.http.keep_alive = false;
    config.retry = pulse_client::RetryPolicy {
        initial: Duration::from_secs(60),
        max: Duration::from_secs(120),
    };
    let pulse = Pulse::open(config).await.unwrap();
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    server.down().await;
    let first = pulse
        .send_draft(
            pulse
                .save_draft(None, &question("First words"))
                .await
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    // Tried while no connection could be made: nothing left the phone.
    let tried = async || {
        matches!(
            pulse.outbox_item(first.id).await.unwrap().state,
            OutboxState::Queued { attempts, .. } if attempts >= 1
        )
    };
    assert!(eventually(Duration::from_secs(5), tried).await);
    assert!(pulse.outbox_item(first.id).await.unwrap().can_change());

    // Edit: the message is a draft again, with its words, and out of the outbox.
    let Unqueued::Draft(draft) = pulse.edit_queued(first.id).await.unwrap() else {
        panic!("a new case comes back as a draft");
    };
    assert_eq!(draft.content.body, "First words");
    assert!(pulse.outbox_item(first.id).await.is_err());
    let mut better = draft.content.clone();
    better.body = "Better words".into();
    pulse.save_draft(Some(draft.id), &better).await.unwrap();
    let second = pulse.send_draft(draft.id).await.unwrap();
    // Cancel: gone, and nothing will be sent for it.
    pulse.discard(second.id).await.unwrap();
    assert!(pulse.outbox().await.unwrap().is_empty());

    let third = pulse
        .send_draft(
            pulse
                .save_draft(None, &question("Final words"))
                .await
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    server.up().await;
    pulse.network_is_back();
    sent_case(&pulse, third.id).await;
    // Sent: it can be neither edited nor cancelled, and the answer says why.
    assert!(on_its_way(pulse.edit_queued(third.id).await));
    assert!(on_its_way(pulse.discard(third.id).await));
    assert_eq!(server.handler().await.bodies().await, ["Final words"]);
}

#[tokio::test]
async fn a_message_that_may_have_reached_the_server_is_sent_as_it_was_and_once() {
    let server = Server::start().await;
    let proxy = FaultProxy::start(server.addr, 5).await;
    let device = Device::new();
    let mut config = device.config();
    config.http.keep_alive = false;
    config.http.request_timeout = Duration::from_millis(500);
    let pulse = Pulse::open(config).await.unwrap();
    pulse
        .sign_in(&proxy.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let case = sent_case(
        &pulse,
        pulse
            .send_draft(
                pulse
                    .save_draft(None, &question("The lift is broken"))
                    .await
                    .unwrap()
                    .id,
            )
            .await
            .unwrap()
            .id,
    )
    .await;

    // The network swallows the request: the server may have it.
    proxy.set_black_hole(true);
    let reply = pulse.reply(case, "It works again", vec![]).await.unwrap();
    let in_flight = async || {
        !matches!(
            pulse.outbox_item(reply.id).await.unwrap().state,
            OutboxState::Queued { attempts: 0, .. }
        )
    };
    assert!(eventually(Duration::from_secs(5), in_flight).await);
    // Being sent, or tried without an answer: it goes as it is.
    assert!(on_its_way(pulse.edit_queued(reply.id).await));
    let unanswered = async || {
        matches!(
            pulse.outbox_item(reply.id).await.unwrap().state,
            OutboxState::Queued { attempts, .. } if attempts >= 1
        )
    };
    assert!(eventually(Duration::from_secs(5), unanswered).await);
    let waiting = pulse.outbox_item(reply.id).await.unwrap();
    assert!(waiting.may_have_arrived && !waiting.can_change());
    assert!(on_its_way(pulse.edit_queued(reply.id).await));
    assert!(on_its_way(pulse.discard(reply.id).await));

    proxy.set_black_hole(false);
    pulse.network_is_back();
    let sent = async || {
        matches!(
            pulse.outbox_item(reply.id).await.unwrap().state,
            OutboxState::Sent { .. }
        )
    };
    assert!(eventually(Duration::from_secs(10), sent).await);
    assert_eq!(
        server.handler().await.case_bodies(case).await,
        ["The lift is broken", "It works again"]
    );
}

#[tokio::test]
async fn a_queued_reply_comes_back_for_the_reply_box() {
    let mut server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let item = pulse
        .send_draft(
            pulse
                .save_draft(None, &question("Towels"))
                .await
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    let case = sent_case(&pulse, item.id).await;
    server.down().await;
    let reply = pulse
        .reply(case, "Thirty towels, not three", vec![])
        .await
        .unwrap();
    // Once the try to send it has found no server (while it is being tried, the answer
    // is that it is on its way).
    let tried = async || {
        matches!(
            pulse.outbox_item(reply.id).await.unwrap().state,
            OutboxState::Queued { attempts, .. } if attempts >= 1
        )
    };
    assert!(eventually(Duration::from_secs(5), tried).await);
    // The worker tries again after a short backoff; a try under way is answered as on
    // its way (nothing changes), and once it has failed the reply can be taken back.
    let mut unqueued = None;
    for _ in 0..100 {
        match pulse.edit_queued(reply.id).await {
            Ok(back) => {
                unqueued = Some(back);
                break;
            }
            other => {
                assert!(on_its_way(other));
                assert!(pulse.outbox_item(reply.id).await.is_ok());
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    match unqueued.expect("the reply can be taken back between tries") {
        Unqueued::Reply { case_id, draft } => {
            assert_eq!(case_id, case);
            assert_eq!(draft.body, "Thirty towels, not three");
            assert!(draft.files.is_empty());
        }
        other => panic!("a reply comes back as a reply, not {other:?}"),
    }
    assert!(pulse.outbox_item(reply.id).await.is_err());
    // Back in the reply box, kept there as a draft is.
    let kept = pulse
        .case_draft(case, pulse_client::CaseDraftKind::Reply)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.body, "Thirty towels, not three");
    server.up().await;
    pulse.network_is_back();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(server.handler().await.case_bodies(case).await, ["Towels"]);
}

#[tokio::test]
async fn a_try_cut_off_by_a_killed_app_counts_as_arrived_and_stays_at_sign_out() {
    use pulse_client::Store;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    store.set_owner("http://server#1");
    let payload = pulse_client::OutboxPayload::Mediation {
        case_id: uuid::Uuid::new_v4(),
    };
    let cut_off = store
        .enqueue(uuid::Uuid::now_v7(), 1, &payload, None)
        .unwrap()
        .id;
    let never_tried = store
        .enqueue(uuid::Uuid::now_v7(), 1, &payload, None)
        .unwrap()
        .id;
    // Claimed, then the app is killed mid-request: the next start claims it again.
    assert!(store.mark_sending(&[cut_off]).unwrap());
    assert!(store.mark_sending(&[cut_off]).unwrap());
    // That try finds no server: still, the first may have reached it.
    store
        .mark_retry(
            &[cut_off],
            time::OffsetDateTime::now_utc(),
            Failure::Network,
            false,
        )
        .unwrap();
    let item = store.outbox_item(cut_off).unwrap();
    assert!(item.may_have_arrived && !item.can_change());
    assert!(matches!(
        store.remove_unsent(cut_off),
        Err(StoreError::OnItsWay)
    ));
    assert!(store.outbox_item(never_tried).unwrap().can_change());

    // Discarding at sign-out takes what never left, and keeps what may be at the server.
    store.leave(true).unwrap();
    let left: Vec<_> = store.outbox().unwrap().into_iter().map(|i| i.id).collect();
    assert_eq!(left, [cut_off]);
}
