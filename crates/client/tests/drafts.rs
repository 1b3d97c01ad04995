//! Drafts, sessions and reading offline: what a partner wrote or saw stays on the phone.

mod helpers;

use std::time::Duration;

use helpers::{Device, OTHER_PARTNER, PARTNER, PASSWORD, Server, eventually, question, sent_case};
use pulse_client::{AuthState, CaseDraft, CaseDraftKind, ClientError, OnSignOut, Pulse, Unsent};
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
    // Kept as prepared for sending: the same picture, encoded anew.
    let kept = pulse.file_bytes(file.id).await.unwrap();
    assert_eq!(kept.len() as u64, file.size);
    let (before, after) = (
        image::load_from_memory(&jpeg).unwrap(),
        image::load_from_memory(&kept).unwrap(),
    );
    assert_eq!(
        (before.width(), before.height()),
        (after.width(), after.height())
    );
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

    pulse.sign_out(OnSignOut::Keep).await.unwrap();
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
    pulse.sign_out(OnSignOut::Keep).await.unwrap();
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
    pulse.sign_out(OnSignOut::Keep).await.unwrap();

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

/// A JPEG as a phone camera takes it: 4000 × 3000, its EXIF holding the GPS position of
/// where it was taken ("HOME-GPS" as the datum), an XMP block and a comment.
fn camera_photo() -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(4000, 3000, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&pixels)
        .unwrap();
    let segment = |marker: u8, payload: &[u8]| {
        let mut out = vec![0xFF, marker];
        out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(payload);
        out
    };
    // EXIF: IFD0 points at a GPS directory with a latitude reference and a datum.
    let mut tiff = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x8825u16.to_le_bytes());
    tiff.extend_from_slice(&4u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&26u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&2u32.to_le_bytes());
    tiff.extend_from_slice(b"N\0\0\0");
    tiff.extend_from_slice(&0x0012u16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&9u32.to_le_bytes());
    tiff.extend_from_slice(&(26 + 2 + 24 + 4u32).to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(b"HOME-GPS\0");
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend_from_slice(&tiff);
    let mut photo = jpeg[..2].to_vec();
    photo.extend(segment(0xE1, &exif));
    photo.extend(segment(
        0xE1,
        b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>HOME-XMP</x:xmpmeta>",
    ));
    photo.extend(segment(0xFE, b"HOME-COMMENT"));
    photo.extend_from_slice(&jpeg[2..]);
    photo
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn a_photo_leaves_the_phone_without_its_position_and_at_most_2048_pixels() {
    let server = Server::start().await;
    let handler = server.handler().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let photo = camera_photo();
    assert!(
        contains(&photo, b"HOME-GPS"),
        "the test's photo has a position"
    );
    let file = pulse.add_file(&photo).await.unwrap();

    // What the phone keeps (and will send) is prepared already: the server's own
    // cleaning is a second line, not the first.
    let kept = pulse.file_bytes(file.id).await.unwrap();
    for marker in [&b"HOME-GPS"[..], b"HOME-XMP", b"HOME-COMMENT", b"Exif\0\0"] {
        assert!(
            !contains(&kept, marker),
            "{}",
            String::from_utf8_lossy(marker)
        );
    }
    let image = image::load_from_memory(&kept).unwrap();
    assert_eq!((image.width(), image.height()), (2048, 1536));
    assert!(kept.len() < 1 << 20, "{} bytes", kept.len());

    let mut content = question("The pool tiles came loose");
    content.files = vec![file.id];
    let item = pulse
        .send_draft(pulse.save_draft(None, &content).await.unwrap().id)
        .await
        .unwrap();
    let case = sent_case(&pulse, item.id).await;
    let detail = pulse.open_case(case).await.unwrap().unwrap();
    let on_server = handler
        .download(case, detail.timeline[0].attachments[0].id)
        .await;
    assert!(!contains(&on_server, b"HOME-GPS"));
    let image = image::load_from_memory(&on_server).unwrap();
    assert!(image.width().max(image.height()) <= 2048);
}

#[tokio::test]
async fn a_file_that_only_looks_like_a_photo_is_refused_and_nothing_is_kept() {
    let server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let mut fake = b"\xFF\xD8\xFF\xE0".to_vec();
    fake.extend_from_slice(b"<html><script>alert(1)</script></html>");
    let refused = pulse.add_file(&fake).await.unwrap_err();
    assert!(matches!(
        refused,
        ClientError::Photo(ErrorCode::ImageUnreadable)
    ));
    let bomb = include_bytes!("../../../fixtures/bomb.png");
    assert!(matches!(
        pulse.add_file(bomb).await.unwrap_err(),
        ClientError::Photo(ErrorCode::ImageTooLarge)
    ));
    assert_eq!(
        rusqlite::Connection::open(device.db_path())
            .unwrap()
            .query_row("SELECT COUNT(*) FROM files", [], |r| r.get::<_, i64>(0))
            .unwrap(),
        0
    );
}

/// What is left in the phone's database, table by table.
fn rows(device: &Device, sql: &str) -> Vec<String> {
    let db = rusqlite::Connection::open(device.db_path()).unwrap();
    let mut stmt = db.prepare(sql).unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn count(device: &Device, table: &str) -> usize {
    rows(
        device,
        &format!("SELECT CAST(COUNT(*) AS TEXT) FROM {table}"),
    )[0]
    .parse()
    .unwrap()
}

async fn queue_while_down(pulse: &Pulse, body: &str) -> uuid::Uuid {
    let item = pulse
        .send_draft(pulse.save_draft(None, &question(body)).await.unwrap().id)
        .await
        .unwrap();
    assert!(
        eventually(Duration::from_secs(10), async || matches!(
            pulse.outbox_item(item.id).await.unwrap().state,
            pulse_client::OutboxState::Queued { attempts, .. } if attempts >= 1
        ))
        .await
    );
    item.id
}

#[tokio::test]
async fn signing_out_keeps_or_discards_what_was_not_sent_and_always_drops_the_rest() {
    let mut server = Server::start().await;
    let handler = server.handler().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    // Sent, with a photo, and answered: a cached case, its events, a notification.
    let sent_photo = pulse
        .add_file(include_bytes!("../../../fixtures/photo.jpg"))
        .await
        .unwrap();
    let mut content = question("Sent with a photo");
    content.files = vec![sent_photo.id];
    let item = pulse
        .send_draft(pulse.save_draft(None, &content).await.unwrap().id)
        .await
        .unwrap();
    let case = sent_case(&pulse, item.id).await;
    handler
        .act(case, "acknowledge", serde_json::json!({}))
        .await;
    assert!(
        eventually(Duration::from_secs(5), async || pulse
            .notifications()
            .await
            .unwrap()
            .len()
            == 1)
        .await
    );
    // Not sent: a draft with a photo, and a message waiting for the server.
    let draft_photo = pulse
        .add_file(include_bytes!("../../../fixtures/photo.png"))
        .await
        .unwrap();
    let mut half = question("Half written");
    half.files = vec![draft_photo.id];
    let draft = pulse.save_draft(None, &half).await.unwrap();
    server.down().await;
    let waiting = queue_while_down(&pulse, "Waiting for the server").await;
    assert_eq!(
        pulse.unsent().await.unwrap(),
        Unsent {
            drafts: 1,
            waiting: 1,
            failed: 0
        }
    );

    // Keep: the draft, the waiting message and the draft's photo stay; the cache, the
    // sent item and its photo go.
    pulse.sign_out(OnSignOut::Keep).await.unwrap();
    for table in ["cases", "events", "notifications"] {
        assert_eq!(count(&device, table), 0, "{table}");
    }
    assert_eq!(
        rows(&device, "SELECT id FROM files"),
        [draft_photo.id.to_string()]
    );
    assert_eq!(
        rows(&device, "SELECT id FROM outbox"),
        [waiting.to_string()]
    );
    assert_eq!(
        rows(&device, "SELECT id FROM drafts"),
        [draft.id.to_string()]
    );

    // Back again, the waiting message goes; then Discard: nothing of the account is left.
    server.up().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    sent_case(&pulse, waiting).await;
    assert_eq!(pulse.drafts().await.unwrap().len(), 1);
    pulse.sign_out(OnSignOut::Discard).await.unwrap();
    for table in [
        "drafts",
        "outbox",
        "files",
        "cases",
        "events",
        "notifications",
    ] {
        assert_eq!(count(&device, table), 0, "{table}");
    }
    assert_eq!(
        handler.bodies().await,
        ["Sent with a photo", "Waiting for the server"],
        "discarding touches only the phone"
    );
}

#[tokio::test]
async fn send_first_waits_for_the_outbox_then_signs_out_and_can_be_called_off() {
    let mut server = Server::start().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    server.down().await;
    queue_while_down(&pulse, "First of two").await;
    queue_while_down(&pulse, "Second of two").await;

    // Called off while the server is away: still signed in, both still waiting.
    let mut seen = Vec::new();
    let called_off = tokio::time::timeout(
        Duration::from_millis(300),
        pulse.send_then_sign_out(|waiting| seen.push(waiting)),
    )
    .await;
    assert!(called_off.is_err());
    assert_eq!(seen.first(), Some(&2));
    assert!(matches!(pulse.auth(), AuthState::SignedIn(_)));
    assert_eq!(pulse.unsent().await.unwrap().waiting, 2);

    // With the server back, it waits for both to go, then signs out.
    server.up().await;
    pulse.network_is_back();
    let mut progress = Vec::new();
    tokio::time::timeout(
        Duration::from_secs(20),
        pulse.send_then_sign_out(|waiting| progress.push(waiting)),
    )
    .await
    .expect("the outbox drains")
    .unwrap();
    assert_eq!(progress.last(), Some(&0));
    assert_eq!(pulse.auth(), AuthState::SignedOut);
    assert_eq!(count(&device, "outbox"), 0, "sent items go at sign-out");
    assert_eq!(
        server.handler().await.bodies().await,
        ["First of two", "Second of two"]
    );
}

#[tokio::test]
async fn more_than_a_page_of_cases_comes_as_the_partner_asks_and_search_works_offline() {
    let mut server = Server::start().await;
    let writer = Device::new();
    let phone = writer.open().await;
    phone
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let mut last = None;
    for i in 0..57 {
        let mut content = question(&format!("Question number {i}: the sauna heater"));
        if i == 3 {
            content.body = "Die Saunaheizung ÜBERHITZT".into();
            content.reservation_ref = "4012345678".into();
        }
        let item = phone
            .send_draft(phone.save_draft(None, &content).await.unwrap().id)
            .await
            .unwrap();
        last = Some(item.id);
    }
    sent_case(&phone, last.unwrap()).await;
    assert!(
        eventually(Duration::from_secs(20), async || phone
            .outbox()
            .await
            .unwrap()
            .iter()
            .all(|i| matches!(i.state, pulse_client::OutboxState::Sent { .. })))
        .await
    );

    // Another phone of the same partner: the first page, then the rest when asked.
    let other = Device::new();
    let pulse = other.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    assert_eq!(pulse.refresh_cases().await.unwrap().len(), 50);
    assert!(pulse.has_more_cases().await.unwrap());
    assert!(!pulse.more_cases().await.unwrap(), "57 fit in two pages");
    assert_eq!(pulse.cases().await.unwrap().len(), 57);
    assert!(!pulse.has_more_cases().await.unwrap());
    // A refresh brings the newest page again and does not lose the older ones.
    assert_eq!(pulse.refresh_cases().await.unwrap().len(), 57);

    // Search on the phone that wrote them, with the server gone: words in any letter
    // case, a reservation number, the start of a case number.
    server.down().await;
    // Newest first: the fourth written is the fourth from the end.
    let cases = phone.cases().await.unwrap();
    let fourth = cases[cases.len() - 4].id;
    assert_eq!(phone.search_cases("überhitzt").await.unwrap(), [fourth]);
    assert_eq!(phone.search_cases(" 40123 ").await.unwrap(), [fourth]);
    let prefix = &fourth.to_string()[..8];
    assert!(phone.search_cases(prefix).await.unwrap().contains(&fourth));
    assert_eq!(phone.search_cases("sauna heater").await.unwrap().len(), 56);
    assert!(
        phone
            .search_cases("nothing like it")
            .await
            .unwrap()
            .is_empty()
    );
    assert!(phone.search_cases("   ").await.unwrap().is_empty());
}

#[tokio::test]
async fn a_cases_photos_can_be_seen_on_another_phone_and_offline_once_seen() {
    let mut server = Server::start().await;
    let writer = Device::new();
    let phone = writer.open().await;
    phone
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let photo = phone
        .add_file(include_bytes!("../../../fixtures/photo.jpg"))
        .await
        .unwrap();
    let kept = phone.file_bytes(photo.id).await.unwrap();
    let mut content = question("The broken window");
    content.files = vec![photo.id];
    let item = phone
        .send_draft(phone.save_draft(None, &content).await.unwrap().id)
        .await
        .unwrap();
    let case = sent_case(&phone, item.id).await;
    let detail = phone.open_case(case).await.unwrap().unwrap();
    let attachment = detail.timeline[0].attachments[0].clone();
    // The phone that sent it shows its own copy.
    assert_eq!(phone.attachment(case, &attachment).await.unwrap(), kept);

    // Another phone downloads it once; then it is there without the server.
    let other = Device::new();
    let pulse = other.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let downloaded = pulse.attachment(case, &attachment).await.unwrap();
    assert!(image::load_from_memory(&downloaded).is_ok());
    server.down().await;
    assert_eq!(
        pulse.attachment(case, &attachment).await.unwrap(),
        downloaded
    );

    // An id the case does not hold is refused.
    let mut wrong = attachment.clone();
    wrong.id = uuid::Uuid::new_v4();
    server.up().await;
    assert!(pulse.attachment(case, &wrong).await.is_err());
    // Signing out lets the downloaded copy go.
    pulse.sign_out(OnSignOut::Keep).await.unwrap();
    assert_eq!(count(&other, "files"), 0);
}

#[tokio::test]
async fn a_reply_and_a_comment_being_written_survive_a_killed_app_and_a_reply_carries_photos() {
    let server = Server::start().await;
    let handler = server.handler().await;
    let device = Device::new();
    let pulse = device.open().await;
    pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    let item = pulse
        .send_draft(
            pulse
                .save_draft(None, &question("The boiler"))
                .await
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    let case = sent_case(&pulse, item.id).await;
    let photo = pulse
        .add_file(include_bytes!("../../../fixtures/photo.jpg"))
        .await
        .unwrap();
    let reply = CaseDraft {
        body: "Here is the boiler's plate".into(),
        files: vec![photo.id],
    };
    pulse
        .save_case_draft(case, CaseDraftKind::Reply, &reply)
        .await
        .unwrap();
    let comment = CaseDraft {
        body: "Half a reason why I disagree".into(),
        files: vec![],
    };
    pulse
        .save_case_draft(case, CaseDraftKind::Comment, &comment)
        .await
        .unwrap();
    assert_eq!(pulse.unsent().await.unwrap().drafts, 2);

    // The app is killed; both boxes come back as they were left.
    drop(pulse);
    let pulse = device.open().await;
    assert_eq!(
        pulse.case_draft(case, CaseDraftKind::Reply).await.unwrap(),
        Some(reply.clone())
    );
    assert_eq!(
        pulse
            .case_draft(case, CaseDraftKind::Comment)
            .await
            .unwrap(),
        Some(comment)
    );
    // Sent with its photo: the box is empty after, the photo on the server.
    let queued = pulse
        .reply(case, &reply.body, reply.files.clone())
        .await
        .unwrap();
    assert_eq!(
        pulse.case_draft(case, CaseDraftKind::Reply).await.unwrap(),
        None
    );
    assert!(
        eventually(Duration::from_secs(10), async || matches!(
            pulse.outbox_item(queued.id).await.unwrap().state,
            pulse_client::OutboxState::Sent { .. }
        ))
        .await
    );
    let detail = pulse.open_case(case).await.unwrap().unwrap();
    let sent = detail
        .timeline
        .iter()
        .find(|e| e.body.as_deref() == Some("Here is the boiler's plate"))
        .unwrap();
    assert_eq!(sent.attachments.len(), 1);
    assert!(image::load_from_memory(&handler.download(case, sent.attachments[0].id).await).is_ok());

    // A box emptied by the partner is gone, and a photo taken off it with it.
    let dropped = pulse
        .add_file(include_bytes!("../../../fixtures/photo.png"))
        .await
        .unwrap();
    pulse
        .save_case_draft(
            case,
            CaseDraftKind::Reply,
            &CaseDraft {
                body: String::new(),
                files: vec![dropped.id],
            },
        )
        .await
        .unwrap();
    pulse
        .save_case_draft(case, CaseDraftKind::Reply, &CaseDraft::default())
        .await
        .unwrap();
    assert_eq!(
        pulse.case_draft(case, CaseDraftKind::Reply).await.unwrap(),
        None
    );
    assert!(pulse.file_bytes(dropped.id).await.is_err());
}
