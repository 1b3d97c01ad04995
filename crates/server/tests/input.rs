//! Text no person typed, and sizes past the product's bounds, are refused with a stable
//! code on every backend (the suite runs on PostgreSQL too, which refuses NUL in text):
//! never a 500, and nothing of the refused request is stored.

mod helpers;

use helpers::{TestServer, question};
use serde_json::{Value, json};
use uuid::Uuid;

fn complaint(name: &str, phone: &str) -> Value {
    json!({
        "kind": "complaint",
        "topic": "reservations",
        "subtopic": "changes",
        "body": "The guest was charged twice.",
        "attachment_ids": [],
        "client_created_at": "2026-11-20T10:00:00Z",
        "contact": {"name": name, "email": "anna@hotel.nl", "phone": phone},
    })
}

#[tokio::test]
async fn a_nul_or_control_character_in_any_text_is_refused_not_a_server_error() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let refused = [
        question("Hello\u{0}world"),
        question("A bell \u{7} rings"),
        complaint("Anna\u{0}", "+31 20 123"),
        complaint("Anna\nBerg", "+31 20 123"),
        complaint("Anna", "+31\u{0}20"),
    ];
    for body in refused {
        partner
            .post_keyed("/v1/cases", Uuid::new_v4(), body)
            .await
            .assert_error(422, "text_invalid");
    }
    let mut diagnostics = question("It crashes");
    diagnostics["kind"] = json!("technical_issue");
    diagnostics["diagnostics"] = json!({"app_version": "1.0\u{0}"});
    partner
        .post_keyed("/v1/cases", Uuid::new_v4(), diagnostics)
        .await
        .assert_error(422, "text_invalid");
    // Newlines and tabs are text; a Windows line end is a newline.
    let kept = partner.open_case("Line one\r\n\tLine two").await;
    assert_eq!(
        kept.timeline[0].body.as_deref(),
        Some("Line one\n\tLine two")
    );
    let id = kept.case.id;

    partner
        .post_keyed(
            &format!("/v1/cases/{id}/messages"),
            Uuid::new_v4(),
            json!({"body": "zero\u{0}"}),
        )
        .await
        .assert_error(422, "text_invalid");
    handler
        .post(
            &format!("/v1/handler/cases/{id}/acknowledge"),
            json!({"expected_next": "soon\u{0}"}),
        )
        .await
        .assert_error(422, "text_invalid");
    handler
        .post(
            &format!("/v1/handler/cases/{id}/resolve"),
            json!({"outcome": "done\u{1b}[31m"}),
        )
        .await
        .assert_error(422, "text_invalid");
    // Signing in with one is a wrong address, not a failure.
    app.anonymous()
        .post(
            "/v1/sessions",
            json!({"email": "anna@example.test\u{0}", "password": helpers::PASSWORD}),
        )
        .await
        .assert_error(401, "invalid_credentials");

    // Nothing refused was stored: one case, with its one event.
    let cases = partner.get("/v1/cases").await;
    assert_eq!(cases.body["cases"].as_array().unwrap().len(), 1);
    assert_eq!(partner.case(id).await.timeline.len(), 1);
}

#[tokio::test]
async fn a_message_of_invisible_characters_is_empty() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    for invisible in [
        "\u{200B}\u{200B}\u{200B}",
        " \u{FEFF}\u{2060} ",
        "\u{00AD}\u{200D}\n",
    ] {
        partner
            .post_keyed("/v1/cases", Uuid::new_v4(), question(invisible))
            .await
            .assert_error(422, "body_empty");
    }
    let id = partner.open_case("Visible").await.case.id;
    partner
        .post_keyed(
            &format!("/v1/cases/{id}/messages"),
            Uuid::new_v4(),
            json!({"body": "\u{200B}"}),
        )
        .await
        .assert_error(422, "body_empty");
    // Text with a zero-width joiner in it (an emoji sequence) is text.
    partner.open_case("Thanks 👩\u{200D}💻").await;
}

#[tokio::test]
async fn diagnostics_names_and_phone_numbers_have_bounds() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let technical = |diagnostics: Value| {
        let mut case = question("It crashes");
        case["kind"] = json!("technical_issue");
        case["diagnostics"] = diagnostics;
        case
    };
    let many: serde_json::Map<String, Value> = (0..500)
        .map(|i| (format!("key{i}"), json!("value")))
        .collect();
    for diagnostics in [
        Value::Object(many),
        json!({"k".repeat(65): "v"}),
        json!({"user_agent": "v".repeat(501)}),
        json!({"": "v"}),
    ] {
        partner
            .post_keyed("/v1/cases", Uuid::new_v4(), technical(diagnostics))
            .await
            .assert_error(422, "invalid_input");
    }
    let at_bounds: serde_json::Map<String, Value> = (0..32)
        .map(|i| (format!("{i:0>64}"), json!("v".repeat(500))))
        .collect();
    let reply = partner
        .post_keyed(
            "/v1/cases",
            Uuid::new_v4(),
            technical(Value::Object(at_bounds)),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);

    for (name, phone) in [
        ("A".repeat(201), "+31".to_owned()),
        ("Anna".into(), "1".repeat(41)),
    ] {
        partner
            .post_keyed("/v1/cases", Uuid::new_v4(), complaint(&name, &phone))
            .await
            .assert_error(422, "text_too_long");
    }
    let reply = partner
        .post_keyed(
            "/v1/cases",
            Uuid::new_v4(),
            complaint(&"A".repeat(200), &"1".repeat(40)),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
}

#[tokio::test]
async fn a_batch_holds_each_case_to_the_size_of_a_case_sent_alone() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let huge = {
        let mut case = question("Huge");
        case["padding"] = json!("x".repeat(1_000_000));
        case
    };
    // Alone, it is refused for its size.
    partner
        .post_keyed("/v1/cases", Uuid::new_v4(), huge.clone())
        .await
        .assert_error(413, "payload_too_large");
    let keys = [Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4()];
    let batch = json!({"cases": [
        {"key": keys[0], "case": question("Before")},
        {"key": keys[1], "case": huge},
        {"key": keys[2], "case": question("After")},
    ]});
    let reply = partner.post("/v1/cases/batch", batch).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let outcomes = reply.body["outcomes"].as_array().unwrap();
    let statuses: Vec<_> = outcomes
        .iter()
        .map(|o| o["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [201, 413, 201], "{outcomes:?}");
    let keys_back: Vec<_> = outcomes
        .iter()
        .map(|o| o["key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(keys_back, keys.map(|k| k.to_string()));
    assert_eq!(outcomes[1]["error"]["code"], "payload_too_large");
    let cases = partner.get("/v1/cases").await;
    assert_eq!(cases.body["cases"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn account_and_property_names_are_held_to_the_same_text_rules_as_a_partners() {
    use pulse_protocol::input::InputError;
    use pulse_server::store::{NewAccount, StoreError};
    let app = TestServer::spawn().await;
    let store = app.server().store();
    let account = |name: &str, property: &str| NewAccount {
        role: pulse_protocol::Actor::Partner,
        email: format!("{}@example.test", Uuid::new_v4()),
        name: name.into(),
        password_hash: "not a hash".into(),
        country: "NL".into(),
        in_eea: true,
        properties: vec![property.into()],
        language: "en".into(),
    };
    let refused = [
        ("Anna\u{0}", "Villa", InputError::TextInvalid),
        ("Anna", "Villa\u{1b}[31m", InputError::TextInvalid),
        ("\u{200b} \u{200b}", "Villa", InputError::TextInvalid),
        ("Anna", "", InputError::TextInvalid),
        (&"A".repeat(201), "Villa", InputError::TextTooLong),
    ];
    for (name, property, why) in refused {
        match store.create_account(&account(name, property)).await {
            Err(StoreError::Input(error)) => assert_eq!(error, why, "{name:?} / {property:?}"),
            other => panic!("{name:?} / {property:?}: {other:?}"),
        }
    }
    // Trimmed, and kept.
    let id = store
        .create_account(&account("  Anna de Vries ", " Villa Ghent "))
        .await
        .unwrap();
    let kept = store.account(id).await.unwrap();
    assert_eq!(kept.name, "Anna de Vries");
    assert_eq!(kept.properties[0].name, "Villa Ghent");
}
