//! Photos and documents: recognised by content, limited in size and number, private.

mod helpers;

use helpers::{TestServer, User, question};
use uuid::Uuid;

const JPEG: &[u8] = include_bytes!("../../../fixtures/photo.jpg");
const PNG: &[u8] = include_bytes!("../../../fixtures/photo.png");
const WEBP: &[u8] = include_bytes!("../../../fixtures/photo.webp");
const HEIC: &[u8] = include_bytes!("../../../fixtures/photo.heic");

async fn upload(user: &User, content_type: &str, bytes: Vec<u8>) -> helpers::Reply {
    user.send(
        user.request(reqwest::Method::POST, "/v1/attachments")
            .header("content-type", content_type)
            .body(bytes),
    )
    .await
}

#[tokio::test]
async fn photos_upload_and_travel_with_a_message() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let photo = upload(&partner, "image/jpeg", JPEG.to_vec()).await;
    assert_eq!(photo.status, 201, "{}", photo.body);
    assert_eq!(photo.body["media_type"], "image/jpeg");
    // The declared type may be generic; the content decides.
    let png = upload(&partner, "application/octet-stream", PNG.to_vec()).await;
    assert_eq!(png.body["media_type"], "image/png");

    let mut body = question("The broken sink, see photos.");
    body["attachment_ids"] = serde_json::json!([photo.body["id"], png.body["id"]]);
    let created = partner
        .post_keyed("/v1/cases", Uuid::new_v4(), body.clone())
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let attachments = &created.body["timeline"][0]["attachments"];
    assert_eq!(attachments.as_array().unwrap().len(), 2);

    // Sent attachments cannot be sent again with another message.
    partner
        .post_keyed("/v1/cases", Uuid::new_v4(), body)
        .await
        .assert_error(422, "unknown_attachment");

    let id = photo.body["id"].as_str().unwrap();
    let case_id = created.body["case"]["id"].as_str().unwrap();
    for viewer in [&partner, &handler] {
        let response = viewer
            .request(
                reqwest::Method::GET,
                &format!("/v1/cases/{case_id}/attachments/{id}"),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers()["content-type"], "image/jpeg");
        // The stored photo, newly encoded: the size the upload answered with.
        let bytes = response.bytes().await.unwrap();
        assert!(bytes.starts_with(&[0xFF, 0xD8, 0xFF]));
        assert_eq!(photo.body["size"], bytes.len());
    }
}

#[tokio::test]
async fn a_messages_files_keep_the_order_they_were_sent_in() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        let photo = upload(&partner, "image/jpeg", JPEG.to_vec()).await;
        assert_eq!(photo.status, 201, "{}", photo.body);
        ids.push(photo.body["id"].clone());
    }
    // Sent in another order than uploaded: the message shows them as sent.
    let sent = vec![ids[2].clone(), ids[0].clone(), ids[1].clone()];
    let mut body = question("Three photos of the leak.");
    body["attachment_ids"] = serde_json::Value::Array(sent.clone());
    let created = partner.post_keyed("/v1/cases", Uuid::new_v4(), body).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let order = |event: &serde_json::Value| -> Vec<serde_json::Value> {
        event["attachments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].clone())
            .collect()
    };
    assert_eq!(order(&created.body["timeline"][0]), sent);
    let id = created.body["case"]["id"].as_str().unwrap();
    let read = partner.get(&format!("/v1/cases/{id}")).await;
    assert_eq!(order(&read.body["timeline"][0]), sent);
}

#[tokio::test]
async fn files_are_refused_by_size_and_by_content() {
    let app = TestServer::spawn_with(|config| config.limits.max_attachment_bytes = 1024).await;
    let partner = app.partner("anna@example.test").await;
    let mut big = JPEG.to_vec();
    big.resize(1025, 0);
    upload(&partner, "image/jpeg", big)
        .await
        .assert_error(413, "attachment_too_large");
    let mut exact = JPEG.to_vec();
    exact.resize(1024, 0);
    assert_eq!(upload(&partner, "image/jpeg", exact).await.status, 201);
    upload(&partner, "image/gif", b"GIF89a....".to_vec())
        .await
        .assert_error(415, "unsupported_media_type");
    upload(&partner, "image/jpeg", b"<html>not a photo</html>".to_vec())
        .await
        .assert_error(415, "unsupported_media_type");
    upload(&partner, "image/jpeg", Vec::new())
        .await
        .assert_error(415, "unsupported_media_type");
    let pdf = upload(&partner, "application/pdf", b"%PDF-1.7\n%...".to_vec()).await;
    assert_eq!(pdf.body["media_type"], "application/pdf");
    // A WebP photo is kept as JPEG (the only WebP encoder at hand is lossless).
    let webp = upload(&partner, "image/webp", WEBP.to_vec()).await;
    assert_eq!(webp.body["media_type"], "image/jpeg", "{}", webp.body);
    let heic = upload(&partner, "image/heic", HEIC.to_vec()).await;
    assert_eq!(heic.body["media_type"], "image/heic", "{}", heic.body);
    // Only what was accepted is on disk.
    let files = std::fs::read_dir(app.dir.path().join("attachments"))
        .unwrap()
        .count();
    assert_eq!(files, 4);
}

#[tokio::test]
async fn attachments_stay_with_their_partner() {
    let app = TestServer::spawn().await;
    let anna = app.partner("anna@example.test").await;
    let budi = app.partner_outside_eea("budi@example.test").await;
    let photo = upload(&anna, "image/jpeg", JPEG.to_vec()).await;
    let id = photo.body["id"].as_str().unwrap();
    budi.get(&format!("/v1/attachments/{id}"))
        .await
        .assert_error(404, "not_found");
    let mut body = question("Using someone else's photo");
    body["attachment_ids"] = serde_json::json!([id]);
    budi.post_keyed("/v1/cases", Uuid::new_v4(), body)
        .await
        .assert_error(422, "unknown_attachment");
    app.anonymous()
        .get(&format!("/v1/attachments/{id}"))
        .await
        .assert_error(401, "unauthorized");
}

fn files_on_disk(app: &TestServer) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(app.dir.path().join("attachments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn files_not_yet_sent_are_capped_per_account_by_count_and_bytes() {
    let app = TestServer::spawn_with(|c| {
        c.limits.pending_files = pulse_server::store::PendingCap {
            files: 3,
            bytes: 5_000,
        };
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let other = app.partner("budi@example.test").await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        let reply = upload(&partner, "image/jpeg", JPEG.to_vec()).await;
        assert_eq!(reply.status, 201, "{}", reply.body);
        ids.push(reply.body["id"].clone());
    }
    let refused = upload(&partner, "image/jpeg", JPEG.to_vec()).await;
    refused.assert_error(429, "too_many_pending_files");
    assert!(refused.headers.contains_key("retry-after"));
    // Another account is not held back.
    assert_eq!(
        upload(&other, "image/jpeg", JPEG.to_vec()).await.status,
        201
    );
    // Once two go out with a message, there is room again.
    let mut body = question("Two photos");
    body["attachment_ids"] = serde_json::json!([ids[0], ids[1]]);
    let sent = partner.post_keyed("/v1/cases", Uuid::new_v4(), body).await;
    assert_eq!(sent.status, 201, "{}", sent.body);
    assert_eq!(
        upload(&partner, "image/jpeg", JPEG.to_vec()).await.status,
        201
    );
    // Bytes count too: 5,000 in all, whatever the number of files.
    let mut big = JPEG.to_vec();
    big.resize(4_500, 0);
    upload(&partner, "image/jpeg", big)
        .await
        .assert_error(429, "too_many_pending_files");
    // Nothing refused was kept on disk: 4 of anna's, 1 of budi's.
    assert_eq!(files_on_disk(&app).len(), 5, "{:?}", files_on_disk(&app));
}

#[tokio::test]
async fn files_never_sent_are_removed_after_their_age_and_sent_ones_stay() {
    let app = TestServer::spawn_with(|c| {
        c.limits.unlinked_file_age = std::time::Duration::from_secs(1);
        c.limits.tidy_every = std::time::Duration::from_millis(200);
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let kept = upload(&partner, "image/jpeg", JPEG.to_vec()).await;
    let forgotten = upload(&partner, "image/png", PNG.to_vec()).await;
    let mut body = question("One photo");
    body["attachment_ids"] = serde_json::json!([kept.body["id"]]);
    assert_eq!(
        partner
            .post_keyed("/v1/cases", Uuid::new_v4(), body)
            .await
            .status,
        201
    );
    tokio::time::sleep(std::time::Duration::from_millis(2_000)).await;
    let forgotten_id = forgotten.body["id"].as_str().unwrap();
    partner
        .get(&format!("/v1/attachments/{forgotten_id}"))
        .await
        .assert_error(404, "not_found");
    let kept_id = kept.body["id"].as_str().unwrap();
    assert_eq!(
        partner
            .get(&format!("/v1/attachments/{kept_id}"))
            .await
            .status,
        200
    );
    assert_eq!(files_on_disk(&app), [kept_id.to_owned()]);
}

#[tokio::test]
async fn an_upload_is_written_as_it_arrives_and_nothing_stays_of_a_refused_one() {
    let app = TestServer::spawn_with(|c| c.limits.max_attachment_bytes = 64 * 1024).await;
    let partner = app.partner("anna@example.test").await;
    // Sent in pieces with no length announced: refused once past the limit.
    let pieces = futures_util::stream::iter((0..40).map(|i| {
        let mut piece = if i == 0 { JPEG.to_vec() } else { Vec::new() };
        piece.resize(4 * 1024, 7);
        Ok::<_, std::io::Error>(piece)
    }));
    let reply = partner
        .send(
            partner
                .request(reqwest::Method::POST, "/v1/attachments")
                .header("content-type", "image/jpeg")
                .body(reqwest::Body::wrap_stream(pieces)),
        )
        .await;
    reply.assert_error(413, "attachment_too_large");
    // Not a photo from its first bytes: refused.
    let html = b"<html><script>alert(1)</script></html>".repeat(100);
    upload(&partner, "image/jpeg", html)
        .await
        .assert_error(415, "unsupported_media_type");
    assert!(files_on_disk(&app).is_empty(), "{:?}", files_on_disk(&app));
    // A file in pieces within the limit is whole when it comes back (a PDF, which is
    // kept as sent, unlike a photo).
    let mut photo = b"%PDF-1.7\n".to_vec();
    photo.extend((0..50_000u32).map(|i| (i % 251) as u8));
    let chunks: Vec<Vec<u8>> = photo.chunks(3_000).map(<[u8]>::to_vec).collect();
    let stream = futures_util::stream::iter(chunks.into_iter().map(Ok::<_, std::io::Error>));
    let stored = partner
        .send(
            partner
                .request(reqwest::Method::POST, "/v1/attachments")
                .header("content-type", "application/pdf")
                .body(reqwest::Body::wrap_stream(stream)),
        )
        .await;
    assert_eq!(stored.status, 201, "{}", stored.body);
    let id = stored.body["id"].as_str().unwrap();
    let back = partner
        .http
        .get(format!("{}/v1/attachments/{id}", app.base))
        .bearer_auth(partner.token.as_deref().unwrap())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(back.as_ref(), photo.as_slice());
}

/// The width and height a JPEG's frame header (SOF0) gives.
fn jpeg_dimensions(bytes: &[u8]) -> (u16, u16) {
    let at = bytes
        .windows(2)
        .position(|w| w == [0xFF, 0xC0])
        .expect("a baseline frame header");
    let height = u16::from_be_bytes([bytes[at + 5], bytes[at + 6]]);
    let width = u16::from_be_bytes([bytes[at + 7], bytes[at + 8]]);
    (width, height)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

async fn download(user: &User, id: &str) -> Vec<u8> {
    let response = user
        .request(reqwest::Method::GET, &format!("/v1/attachments/{id}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn a_photo_is_kept_upright_without_its_location_or_any_other_metadata() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let sent = include_bytes!("../../../fixtures/photo-gps.jpg");
    assert!(contains(sent, b"HOME-GPS"));
    let photo = upload(&partner, "image/jpeg", sent.to_vec()).await;
    assert_eq!(photo.status, 201, "{}", photo.body);
    let id = photo.body["id"].as_str().unwrap();
    let kept = download(&partner, id).await;
    for secret in [&b"HOME-GPS"[..], b"HOME-XMP", b"HOME-COMMENT", b"Exif"] {
        assert!(!contains(&kept, secret), "{secret:?} was kept");
    }
    // Taken 40 wide and 20 high with the camera turned: kept standing, 20 by 40.
    assert_eq!(jpeg_dimensions(sent), (40, 20));
    assert_eq!(jpeg_dimensions(&kept), (20, 40));
    // What is on disk is what comes back: nothing else of the upload stays.
    let on_disk = std::fs::read(app.dir.path().join("attachments").join(id)).unwrap();
    assert_eq!(on_disk, kept);

    // HEIC keeps its picture; its Exif and XMP items are emptied.
    let heic = upload(&partner, "image/heic", HEIC.to_vec()).await;
    assert_eq!(heic.status, 201, "{}", heic.body);
    let kept = download(&partner, heic.body["id"].as_str().unwrap()).await;
    assert_eq!(kept.len(), HEIC.len());
    assert!(!contains(&kept, b"HOME-GPS") && !contains(&kept, b"HOME-XMP"));
}

#[tokio::test]
async fn an_image_that_does_not_decode_or_is_a_pixel_bomb_is_refused_and_not_kept() {
    // Room for one file not yet sent: the refused ones must not take it.
    let app = TestServer::spawn_with(|c| {
        c.limits.pending_files = pulse_server::store::PendingCap {
            files: 1,
            bytes: 1 << 20,
        };
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let mut html = vec![0xFF, 0xD8, 0xFF, 0xE0];
    html.extend_from_slice(b"<html><script>alert(document.cookie)</script></html>");
    upload(&partner, "image/jpeg", html)
        .await
        .assert_error(422, "image_unreadable");
    // A real photo cut short.
    upload(&partner, "image/jpeg", JPEG[..JPEG.len() / 3].to_vec())
        .await
        .assert_error(422, "image_unreadable");
    // A hundred bytes that claim 10 billion pixels: refused before any is made.
    upload(
        &partner,
        "image/png",
        include_bytes!("../../../fixtures/bomb.png").to_vec(),
    )
    .await
    .assert_error(413, "image_too_large");
    let mut heic = HEIC.to_vec();
    heic.truncate(heic.len() - 10);
    upload(&partner, "image/heic", heic)
        .await
        .assert_error(422, "image_unreadable");
    assert!(files_on_disk(&app).is_empty(), "{:?}", files_on_disk(&app));
    // None of it counts against the account's files not yet sent.
    let photo = upload(&partner, "image/jpeg", JPEG.to_vec()).await;
    assert_eq!(photo.status, 201, "{}", photo.body);
}

#[tokio::test]
async fn a_sent_file_is_reached_through_its_case_and_no_other_way() {
    let app = TestServer::spawn().await;
    let anna = app.partner("anna@example.test").await;
    let budi = app.partner("budi@example.test").await;
    let handler = app.handler("support@example.test").await;
    let sent = upload(&anna, "image/jpeg", JPEG.to_vec()).await;
    let waiting = upload(&anna, "image/png", PNG.to_vec()).await;
    let (sent, waiting) = (
        sent.body["id"].as_str().unwrap().to_owned(),
        waiting.body["id"].as_str().unwrap().to_owned(),
    );
    let mut body = question("The photo");
    body["attachment_ids"] = serde_json::json!([sent]);
    let case = anna.post_keyed("/v1/cases", Uuid::new_v4(), body).await;
    let case = case.body["case"]["id"].as_str().unwrap().to_owned();
    let other_case = anna.open_case("Another matter").await.case.id;
    let budis_case = budi.open_case("Budi's own").await.case.id;

    let status = async |user: &User, path: String| user.get(&path).await.status;
    // Through its case: the partner and a handler.
    assert_eq!(
        status(&anna, format!("/v1/cases/{case}/attachments/{sent}")).await,
        200
    );
    assert_eq!(
        status(&handler, format!("/v1/cases/{case}/attachments/{sent}")).await,
        200
    );
    // Through another case, even the partner's own or one budi may see: nothing there.
    for (user, case) in [
        (&anna, other_case),
        (&handler, other_case),
        (&budi, budis_case),
    ] {
        assert_eq!(
            status(user, format!("/v1/cases/{case}/attachments/{sent}")).await,
            404
        );
    }
    assert_eq!(
        status(&budi, format!("/v1/cases/{case}/attachments/{sent}")).await,
        404
    );
    // A file not yet sent belongs to no case, and a handler cannot reach it by id.
    assert_eq!(
        status(&anna, format!("/v1/cases/{case}/attachments/{waiting}")).await,
        404
    );
    assert_eq!(
        status(&handler, format!("/v1/attachments/{waiting}")).await,
        404
    );
    assert_eq!(
        status(&handler, format!("/v1/attachments/{sent}")).await,
        404
    );
    // Its uploader still can, by id, before and after sending.
    assert_eq!(
        status(&anna, format!("/v1/attachments/{waiting}")).await,
        200
    );
    assert_eq!(status(&anna, format!("/v1/attachments/{sent}")).await, 200);
}
