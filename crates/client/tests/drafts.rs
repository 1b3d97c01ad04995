//! Drafts, sessions and reading offline: what a partner wrote or saw stays on the phone.

mod helpers;

use std::time::Duration;

use helpers::{Device, OTHER_PARTNER, PARTNER, PASSWORD, Server, eventually, question, sent_case};
use pulse_client::{AuthState, ClientError};
use pulse_protocol::ErrorCode;
use pulse_protocol::input::InputError;
use pulse_protocol::request::CaseField;
use pulse_protocol::wire::{Complainant, ContactDetails, ContactKind};

#[tokio::test]
async fn drafts_are_saved_listed_and_survive_a_restart() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let first = pulse
        .save_draft(None, &question("Half a tho"))
        .await
        .unwrap();
    let first = pulse
        .save_draft(Some(first.id), &question("Half a thought, finished"))
        .await
        .unwrap();
    let second = pulse.save_draft(None, &question("Another")).await.unwrap();
    assert_eq!(pulse.drafts().await.unwrap().len(), 2);
    pulse.close();
    drop(pulse);

    let pulse = device.open().await;
    let drafts = pulse.drafts().await.unwrap();
    assert_eq!(drafts.len(), 2);
    assert_eq!(drafts[0].id, second.id, "most recently edited first");
    assert_eq!(
        pulse.draft(first.id).await.unwrap().unwrap().content.body,
        "Half a thought, finished"
    );
    pulse.delete_draft(second.id).await.unwrap();
    assert_eq!(pulse.drafts().await.unwrap().len(), 1);
}

#[tokio::test]
async fn an_incomplete_draft_says_what_is_missing_and_stays() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let mut content = question("   ");
    content.subtopic = Some("password".into());
    content.reservation_ref = "12AB".into();
    let draft = pulse.save_draft(None, &content).await.unwrap();
    let Err(ClientError::Incomplete(problems)) = pulse.send_draft(draft.id).await else {
        panic!("an incomplete draft was sent");
    };
    assert!(matches!(
        problems.get(CaseField::Subtopic),
        Some(InputError::UnknownSubtopic(_))
    ));
    assert_eq!(problems.get(CaseField::Body), Some(&InputError::BodyEmpty));
    assert_eq!(
        problems.get(CaseField::ReservationRef),
        Some(&InputError::ReservationRefInvalid)
    );
    assert!(pulse.draft(draft.id).await.unwrap().is_some());
    assert!(pulse.outbox().await.unwrap().is_empty());
}

#[tokio::test]
async fn files_are_checked_and_copied_into_app_storage() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let jpeg = *include_bytes!("../../../fixtures/photo.jpg");
    let file = pulse.add_file(&jpeg).await.unwrap();
    assert_eq!(file.media_type, "image/jpeg");
    assert_eq!(pulse.file_bytes(file.id).await.unwrap(), jpeg);
    assert!(matches!(
        pulse.add_file(b"GIF89a").await,
        Err(ClientError::Input(InputError::UnsupportedMediaType))
    ));
    pulse.remove_file(file.id).await.unwrap();
    assert!(pulse.file_bytes(file.id).await.is_err());
}

#[tokio::test]
async fn the_session_survives_a_restart_and_its_token_stays_out_of_the_database() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    assert_eq!(pulse.auth(), AuthState::SignedOut);
    let wrong = pulse
        .sign_in(&server.url(), PARTNER, "wrong-password")
        .await;
    assert!(
        matches!(wrong, Err(ClientError::Api(ref e)) if e.failure() == ErrorCode::InvalidCredentials.into())
    );
    let account = pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    assert_eq!(account.email, PARTNER);
    pulse.close();
    drop(pulse);

    let pulse = device.open().await;
    assert_eq!(pulse.auth(), AuthState::SignedIn(account.clone()));
    let cases = pulse.refresh_cases().await.unwrap();
    assert!(cases.is_empty(), "the restored token works");

    // The token is in the keychain, and in no file of the app's.
    let token = device
        .credentials
        .build(
            "pulse-companion",
            &format!("{}#{}", server.url(), account.id),
            None,
        )
        .unwrap()
        .get_password()
        .expect("the token is in the keychain");
    assert!(token.len() >= 32);
    let files = walk(device.dir.path());
    assert!(files.iter().any(|f| f.ends_with("pulse.db")));
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let found = bytes.windows(token.len()).any(|w| w == token.as_bytes());
        assert!(!found, "the token is in {}", file.display());
    }
    let shown = format!("{:?}", pulse_client::Token::new(token.clone()));
    assert!(!shown.contains(&token));

    pulse.sign_out().await.unwrap();
    assert_eq!(pulse.auth(), AuthState::SignedOut);
    drop(pulse);
    let pulse = device.open().await;
    assert_eq!(pulse.auth(), AuthState::SignedOut);
}

#[tokio::test]
async fn cases_and_notifications_can_be_read_with_no_network() {
    let mut server = Server::start().await;
    let handler = server.handler().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let draft = pulse
        .save_draft(None, &question("Is the sauna open in winter?"))
        .await
        .unwrap();
    let item = pulse.send_draft(draft.id).await.unwrap();
    let case_id = sent_case(&pulse, item.id).await;
    handler
        .act(
            case_id,
            "acknowledge",
            serde_json::json!({"expected_next": "An answer tomorrow."}),
        )
        .await;
    assert!(
        eventually(Duration::from_secs(10), async || pulse
            .unread_notifications()
            .await
            .unwrap()
            == 1)
        .await
    );
    pulse.close();
    drop(pulse);
    server.down().await;

    let pulse = device.open().await;
    let cases = pulse.cases().await.unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].status.as_str(), "acknowledged");
    assert_eq!(cases[0].unread_count, 1);
    let detail = pulse.open_case(case_id).await.unwrap().expect("cached");
    assert_eq!(detail.timeline.len(), 2);
    assert_eq!(detail.expected_next.as_deref(), Some("An answer tomorrow."));
    assert_eq!(
        detail.timeline[0].body.as_deref(),
        Some("Is the sauna open in winter?")
    );
    let notifications = pulse.notifications().await.unwrap();
    assert_eq!(notifications.len(), 1);
    assert!(
        notifications[0].read,
        "opening the case read its notifications"
    );
    assert_eq!(pulse.unread_notifications().await.unwrap(), 0);
    assert_eq!(
        *pulse.connectivity().borrow(),
        pulse_client::Connectivity::Offline
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test]
async fn a_complaint_with_a_half_typed_email_is_refused_on_the_phone_and_never_queued() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let mut content = question("The guest in room 4 threatened our staff.");
    content.kind = ContactKind::Complaint;
    content.contact = Some(ContactDetails {
        name: "Anna de Vries".into(),
        email: "a@".into(),
        phone: None,
        complainant: Some(Complainant::Partner),
    });
    let draft = pulse.save_draft(None, &content).await.unwrap();
    let error = pulse
        .send_draft(draft.id)
        .await
        .expect_err("an incomplete address is refused before it is queued");
    let ClientError::Incomplete(problems) = &error else {
        panic!("refused for another reason: {error:?}");
    };
    assert_eq!(
        problems.get(CaseField::Contact),
        Some(&InputError::EmailInvalid)
    );
    assert_eq!(problems.iter().count(), 1, "{problems:?}");
    assert_eq!(error.failure(), ErrorCode::EmailInvalid.into());
    assert!(pulse.outbox().await.unwrap().is_empty(), "nothing queued");
    assert!(
        pulse.draft(draft.id).await.unwrap().is_some(),
        "the draft stays, to fix"
    );

    // Fixed, it reaches the server, which had nothing before.
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(server.handler().await.bodies().await.is_empty());
    if let Some(contact) = content.contact.as_mut() {
        contact.email = "anna@canalhouse.nl".into();
    }
    pulse.save_draft(Some(draft.id), &content).await.unwrap();
    let item = pulse.send_draft(draft.id).await.unwrap();
    sent_case(&pulse, item.id).await;
    assert_eq!(
        server.handler().await.bodies().await,
        ["The guest in room 4 threatened our staff."]
    );
}

#[tokio::test]
async fn a_message_of_invisible_or_control_characters_is_refused_on_the_phone_and_kept() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    for (body, why) in [
        ("\u{200B}\u{200B} \u{FEFF}", InputError::BodyEmpty),
        ("Pasted from a terminal \u{1b}[0m", InputError::TextInvalid),
    ] {
        let draft = pulse.save_draft(None, &question(body)).await.unwrap();
        let error = pulse
            .send_draft(draft.id)
            .await
            .expect_err("refused before it is queued");
        let ClientError::Incomplete(problems) = &error else {
            panic!("refused for another reason: {error:?}");
        };
        assert_eq!(problems.get(CaseField::Body), Some(&why));
        assert!(pulse.outbox().await.unwrap().is_empty(), "nothing queued");
        let kept = pulse
            .draft(draft.id)
            .await
            .unwrap()
            .expect("the draft stays");
        assert_eq!(kept.content.body, body, "as the partner wrote it");
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(server.handler().await.bodies().await.is_empty());
}

#[tokio::test]
async fn two_partners_on_one_phone_never_see_or_send_each_others_messages() {
    let mut server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse.set_foreground(false);
    // Anna: a case, a draft with a photo, and a message written while the server is down.
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let case = sent_case(
        &pulse,
        pulse
            .send_draft(
                pulse
                    .save_draft(None, &question("Anna's case"))
                    .await
                    .unwrap()
                    .id,
            )
            .await
            .unwrap()
            .id,
    )
    .await;
    let photo = pulse
        .add_file(include_bytes!("../../../fixtures/photo.jpg"))
        .await
        .unwrap();
    let mut draft = question("Anna's draft about her villa");
    draft.files = vec![photo.id];
    let draft = pulse.save_draft(None, &draft).await.unwrap();
    server.down().await;
    let queued = pulse
        .send_draft(
            pulse
                .save_draft(None, &question("Anna's unsent message"))
                .await
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    // Signed out while the server is away, once the outbox has tried and is waiting,
    // so the message cannot slip out first.
    assert!(
        eventually(Duration::from_secs(10), async || matches!(
            pulse.outbox_item(queued.id).await.unwrap().state,
            pulse_client::OutboxState::Queued { attempts, .. } if attempts >= 1
        ))
        .await
    );
    pulse.sign_out().await.unwrap();
    server.up().await;
    assert!(
        pulse.drafts().await.unwrap().is_empty(),
        "signed out, nothing shows"
    );
    assert!(pulse.outbox().await.unwrap().is_empty());
    assert!(
        pulse.cases().await.unwrap().is_empty(),
        "her cached cases went"
    );

    // Budi on the same phone: nothing of Anna's, and her message is not sent as his.
    pulse
        .sign_in(&server.url(), OTHER_PARTNER, PASSWORD)
        .await
        .unwrap();
    assert!(pulse.drafts().await.unwrap().is_empty());
    assert!(pulse.outbox().await.unwrap().is_empty());
    assert!(pulse.cases().await.unwrap().is_empty());
    assert!(pulse.notifications().await.unwrap().is_empty());
    assert!(pulse.draft(draft.id).await.unwrap().is_none());
    assert!(pulse.file_bytes(photo.id).await.is_err());
    assert!(pulse.outbox_item(queued.id).await.is_err());
    assert!(
        pulse.open_case(case).await.is_err() || pulse.cached_case(case).await.unwrap().is_none()
    );
    // Budi cannot overwrite Anna's draft by its id either.
    assert!(
        pulse
            .save_draft(Some(draft.id), &question("Budi's"))
            .await
            .is_err()
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let handler = server.handler().await;
    assert_eq!(
        handler.bodies().await,
        ["Anna's case"],
        "nothing went as Budi"
    );
    let budis = pulse
        .send_draft(
            pulse
                .save_draft(None, &question("Budi's own"))
                .await
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    sent_case(&pulse, budis.id).await;
    pulse.sign_out().await.unwrap();

    // Anna again: everything of hers is there, and her message goes, as hers.
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let drafts = pulse.drafts().await.unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].id, draft.id);
    assert!(pulse.file_bytes(photo.id).await.is_ok());
    sent_case(&pulse, queued.id).await;
    let outbox = pulse.outbox().await.unwrap();
    assert!(outbox.iter().all(|item| item.id != budis.id));
    assert_eq!(
        handler.bodies().await,
        ["Anna's case", "Budi's own", "Anna's unsent message"]
    );
}
