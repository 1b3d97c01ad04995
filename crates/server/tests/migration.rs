//! A SQLite database written by the previous schema opens with this server: migrated
//! at start, its accounts still found by e-mail in any letter case, and a resend of a
//! write it answered before the upgrade still gets that answer.

mod helpers;

use helpers::{PASSWORD, TestServer, question};
use pulse_protocol::wire::{CaseDetail, NewCase};
use rusqlite::{Connection, params};
use serde_json::json;
use uuid::Uuid;

const FIRST_SCHEMA: &str = include_str!("../migrations/0001_initial.sql");

#[tokio::test]
async fn a_database_of_the_first_schema_is_migrated_and_keeps_working() {
    let app = TestServer::spawn_with(|c| {
        let file = c.data_dir.join("old.db");
        seed_first_schema(&file);
        c.database_url = format!("sqlite:{}", file.display());
    })
    .await;

    // The account made before e-mail keys is found however the address is typed.
    let reply = app
        .anonymous()
        .post(
            "/v1/sessions",
            json!({"email": "ÅSA@hotell.example", "password": PASSWORD}),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let token = reply.body["token"].as_str().unwrap().to_owned();
    let mut partner = app.anonymous();
    partner.token = Some(token);

    // A resend of the case opened before the upgrade answers what was stored then.
    let resend = partner
        .post_keyed("/v1/cases", legacy_key(), question("Hello from before"))
        .await;
    assert_eq!(resend.status, 201, "{}", resend.body);
    assert_eq!(resend.body, legacy_answer());
    // The same key with another request is still refused.
    partner
        .post_keyed("/v1/cases", legacy_key(), question("Something else"))
        .await
        .assert_error(422, "idempotency_key_reused");

    // New writes go through the new schema alongside the old rows.
    let fresh = partner.open_case("After the upgrade").await;
    let page: pulse_protocol::wire::CasePage = partner.get("/v1/cases").await.json();
    assert_eq!(page.cases.len(), 2);
    assert_eq!(page.cases[0].id, fresh.case.id);

    // The case from before has its reply promise (a day after the partner wrote) and is
    // found by support's search, folded as the protocol folds: "Å" too.
    let old = &page.cases[1];
    assert_eq!(old.id.to_string(), CASE_ID);
    assert_eq!(
        old.reply_due_at,
        Some(old.created_at + time::Duration::days(1))
    );
    let handler = app.handler("support@hotell.example").await;
    for q in ["%C3%A5sa%20lind", "HELLO%20FROM%20BEFORE", "8192a3b4"] {
        let found = handler
            .get(&format!("/v1/handler/queue?view=open&q={q}"))
            .await;
        assert_eq!(found.status, 200, "{}", found.body);
        assert_eq!(found.body["cases"][0]["case"]["id"], CASE_ID, "{q}");
    }
}

fn legacy_key() -> Uuid {
    Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef)
}

const CASE_ID: &str = "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";

fn legacy_answer() -> serde_json::Value {
    json!({
        "case": {
            "id": CASE_ID, "kind": "question", "topic": "reservations", "subtopic": "changes",
            "property_id": null, "reservation_ref": "4021339871", "status": "submitted",
            "outcome": null, "created_at": "2026-11-20T10:00:01Z",
            "last_activity_at": "2026-11-20T10:00:01Z", "last_event_id": 1, "unread_count": 0,
        },
        "expected_next": null, "diagnostics": null, "contact": null,
        "mediation_offered": false,
        "timeline": [{
            "id": 1, "case_id": CASE_ID, "kind": "submitted", "status": "submitted",
            "at": "2026-11-20T10:00:01Z",
            "author": {"role": "partner", "name": "Åsa Lindqvist"},
            "body": "Hello from before", "attachments": [], "outcome": null,
            "expected_next": null,
        }],
    })
}

/// What a server of the first schema left: an account whose address is not ASCII, and
/// a case opened under a key, its answer stored as JSON.
fn seed_first_schema(file: &std::path::Path) {
    let conn = Connection::open(file).unwrap();
    conn.execute_batch(FIRST_SCHEMA).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    let hash = pulse_server::auth::hash_password(PASSWORD).unwrap();
    conn.execute(
        "INSERT INTO accounts (id, role, email, name, password_hash, country, in_eea, created_at)
         VALUES (1, 'partner', 'Åsa@Hotell.example', 'Åsa Lindqvist', ?1, 'SE', 1, 0)",
        [hash],
    )
    .unwrap();
    let created_ms = 1_795_168_801_000_i64; // 2026-11-20T10:00:01Z
    conn.execute(
        "INSERT INTO cases (id, partner_id, kind, topic, subtopic, reservation_ref, status,
            client_created_at, created_at, last_activity_at, last_event_id)
         VALUES (?1, 1, 'question', 'reservations', 'changes', '4021339871', 'submitted',
            ?2, ?2, ?2, 1)",
        params![CASE_ID, created_ms],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO case_events (id, case_id, partner_id, kind, status, author_role,
            author_name, body, created_at)
         VALUES (1, ?1, 1, 'submitted', 'submitted', 'partner', 'Åsa Lindqvist',
            'Hello from before', ?2)",
        params![CASE_ID, created_ms],
    )
    .unwrap();
    let request: NewCase = serde_json::from_value(question("Hello from before")).unwrap();
    let idem = pulse_server::api::fingerprint(legacy_key(), "POST /v1/cases", &request);
    let answer: CaseDetail = serde_json::from_value(legacy_answer()).unwrap();
    conn.execute(
        "INSERT INTO idempotency (account_id, key, request_hash, response_status,
            response_body, created_at)
         VALUES (1, ?1, ?2, 201, ?3, ?4)",
        params![
            idem.key,
            &idem.request_hash[..],
            serde_json::to_string(&answer).unwrap(),
            // A day old: within the period answers are kept for, whenever this runs.
            (time::OffsetDateTime::now_utc() - time::Duration::days(1)).unix_timestamp() * 1000
        ],
    )
    .unwrap();
}
