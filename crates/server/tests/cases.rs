//! Opening cases: validation, idempotency, listing and reading.

mod helpers;

use helpers::{TestServer, question};
use pulse_protocol::wire::{CaseDetail, CasePage};
use serde_json::json;
use uuid::Uuid;

#[tokio::test]
async fn a_new_case_is_submitted_with_its_first_message() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let property = partner.account().properties[1].id;
    let mut body = question("  The guest wants to arrive a day later.  ");
    body["property_id"] = json!(property);
    body["reservation_ref"] = json!("4021 339 871");
    let reply = partner.post_keyed("/v1/cases", Uuid::new_v4(), body).await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    let detail: CaseDetail = reply.json();
    assert_eq!(detail.case.status.as_str(), "submitted");
    assert_eq!(detail.case.topic.as_str(), "reservations");
    assert_eq!(detail.case.subtopic, "changes");
    assert_eq!(detail.case.property_id, Some(property));
    assert_eq!(detail.case.reservation_ref.as_deref(), Some("4021339871"));
    assert_eq!(detail.timeline.len(), 1);
    let first = &detail.timeline[0];
    assert_eq!(first.kind.as_str(), "submitted");
    assert_eq!(
        first.body.as_deref(),
        Some("The guest wants to arrive a day later.")
    );
    assert_eq!(first.author.name, partner.account().name);
    assert!(!detail.mediation_offered);

    let again = partner.case(detail.case.id).await;
    assert_eq!(again.timeline, detail.timeline);
}

#[tokio::test]
async fn a_technical_issue_carries_its_diagnostics_and_a_complaint_its_contact() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let technical = json!({
        "kind": "technical_issue", "topic": "account", "subtopic": "other",
        "body": "The calendar does not load.",
        "client_created_at": "2026-11-20T10:00:00Z",
        "diagnostics": {"app_version": "0.1.0", "os": "Android 15", "model": "Pixel 8"},
    });
    let reply = partner
        .post_keyed("/v1/cases", Uuid::new_v4(), technical)
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["diagnostics"]["os"], "Android 15");
    assert_eq!(reply.body["case"]["kind"], "technical_issue");

    let mut complaint = json!({
        "kind": "complaint", "topic": "invoices_commission", "subtopic": "commission",
        "body": "I was charged commission on a cancelled stay.",
        "client_created_at": "2026-11-20T10:00:00Z",
    });
    partner
        .post_keyed("/v1/cases", Uuid::new_v4(), complaint.clone())
        .await
        .assert_error(422, "contact_required");
    complaint["contact"] =
        json!({"name": "Anna de Vries", "email": "anna@example.test", "phone": "+31 20 000 0000"});
    let reply = partner
        .post_keyed("/v1/cases", Uuid::new_v4(), complaint)
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["contact"]["name"], "Anna de Vries");
}

#[tokio::test]
async fn a_complaint_needs_a_complete_email_address() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let complaint = |email: &str| {
        json!({
            "kind": "complaint", "topic": "payouts", "subtopic": "payouts",
            "body": "My payout is late.",
            "client_created_at": "2026-11-20T10:00:00Z",
            "contact": {"name": "Anna de Vries", "email": email},
        })
    };
    for email in ["a@", "anna@hotel", "@hotel.nl", "anna hotel.nl"] {
        partner
            .post_keyed("/v1/cases", Uuid::new_v4(), complaint(email))
            .await
            .assert_error(422, "email_invalid");
    }
    let reply = partner
        .post_keyed("/v1/cases", Uuid::new_v4(), complaint(" anna@hotel.nl "))
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["contact"]["email"], "anna@hotel.nl");
    let page: CasePage = partner.get("/v1/cases").await.json();
    assert_eq!(page.cases.len(), 1, "only the complete one was opened");
}

#[tokio::test]
async fn a_resend_gets_the_first_answer_even_after_the_case_moved_on() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let key = Uuid::new_v4();
    let first = partner
        .post_keyed("/v1/cases", key, question("Hello"))
        .await;
    assert_eq!(first.status, 201, "{}", first.body);
    let id: Uuid = first.json::<CaseDetail>().case.id;
    handler
        .handle(
            id,
            "acknowledge",
            json!({"expected_next": "A reply by tomorrow."}),
        )
        .await;
    handler
        .handle(
            id,
            "messages",
            json!({"body": "Which dates?", "request_info": true}),
        )
        .await;
    let path = format!("/v1/cases/{id}/messages");
    let reply_key = Uuid::new_v4();
    let reply = partner
        .post_keyed(&path, reply_key, json!({"body": "The 3rd to the 5th."}))
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
    handler
        .handle(id, "resolve", json!({"outcome": "Dates changed."}))
        .await;

    // The case has moved on; each resend still answers what was answered the first time.
    let again = partner
        .post_keyed("/v1/cases", key, question("Hello"))
        .await;
    assert_eq!(again.status, 201);
    assert_eq!(again.body, first.body, "the opening answer, exactly");
    let reply_again = partner
        .post_keyed(&path, reply_key, json!({"body": "The 3rd to the 5th."}))
        .await;
    assert_eq!(reply_again.status, 201);
    assert_eq!(reply_again.body, reply.body);
    // And through a batch, the same opening answer.
    let batch = partner
        .post(
            "/v1/cases/batch",
            json!({"cases": [{"key": key, "case": question("Hello")}]}),
        )
        .await;
    assert_eq!(batch.status, 200, "{}", batch.body);
    assert_eq!(batch.body["outcomes"][0]["status"], 201);
    assert_eq!(batch.body["outcomes"][0]["case"], first.body);
    assert_eq!(partner.case(id).await.case.status.as_str(), "resolved");
}

#[tokio::test]
async fn bad_input_gets_a_clear_code_and_changes_nothing() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let other = app.partner("budi@example.test").await;
    let cases: [(serde_json::Value, u16, &str); 9] = [
        (json!({"body": "   "}), 422, "body_empty"),
        (json!({"body": "x".repeat(5_001)}), 422, "body_too_long"),
        (json!({"topic": "weather"}), 422, "unknown_topic"),
        (json!({"subtopic": "password"}), 422, "unknown_subtopic"),
        (
            json!({"reservation_ref": "12AB"}),
            422,
            "reservation_ref_invalid",
        ),
        (
            json!({"property_id": other.account().properties[0].id}),
            422,
            "unknown_property",
        ),
        (
            json!({"attachment_ids": (0..6).map(|_| Uuid::new_v4()).collect::<Vec<_>>()}),
            422,
            "too_many_attachments",
        ),
        (
            json!({"attachment_ids": [Uuid::new_v4()]}),
            422,
            "unknown_attachment",
        ),
        (json!({"kind": "rant"}), 422, "invalid_input"),
    ];
    for (change, status, code) in cases {
        let mut body = question("Hello");
        for (k, v) in change.as_object().unwrap() {
            body[k] = v.clone();
        }
        partner
            .post_keyed("/v1/cases", Uuid::new_v4(), body)
            .await
            .assert_error(status, code);
    }
    // Malformed JSON, the wrong content type, a body over the limit.
    let raw = partner
        .request(reqwest::Method::POST, "/v1/cases")
        .header("Idempotency-Key", Uuid::new_v4().to_string())
        .header("content-type", "application/json")
        .body("{not json");
    partner.send(raw).await.assert_error(400, "invalid_input");
    let text = partner
        .request(reqwest::Method::POST, "/v1/cases")
        .header("Idempotency-Key", Uuid::new_v4().to_string())
        .header("content-type", "text/plain")
        .body("hello");
    partner
        .send(text)
        .await
        .assert_error(415, "unsupported_media_type");
    let mut huge = question("Hello");
    huge["diagnostics"] = json!({"log": "x".repeat(100 * 1024)});
    partner
        .post_keyed("/v1/cases", Uuid::new_v4(), huge)
        .await
        .assert_error(413, "payload_too_large");

    let page: CasePage = partner.get("/v1/cases").await.json();
    assert!(page.cases.is_empty(), "nothing was created");
}

#[tokio::test]
async fn the_idempotency_key_makes_a_resend_safe() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let key = Uuid::new_v4();
    let first = partner
        .post_keyed("/v1/cases", key, question("Hello"))
        .await;
    assert_eq!(first.status, 201);
    let again = partner
        .post_keyed("/v1/cases", key, question("Hello"))
        .await;
    assert_eq!(again.status, 201);
    assert_eq!(again.body, first.body, "the first answer, exactly");

    partner
        .post_keyed("/v1/cases", key, question("Hello, something else"))
        .await
        .assert_error(422, "idempotency_key_reused");

    partner
        .post("/v1/cases", question("No key"))
        .await
        .assert_error(400, "idempotency_key_missing");
    let malformed = partner
        .request(reqwest::Method::POST, "/v1/cases")
        .header("Idempotency-Key", "not-a-uuid")
        .json(&question("Bad key"));
    partner
        .send(malformed)
        .await
        .assert_error(400, "idempotency_key_invalid");

    // Keys belong to their partner: another partner's same key is a different case.
    let other = app.partner("budi@example.test").await;
    let theirs = other.post_keyed("/v1/cases", key, question("Hello")).await;
    assert_eq!(theirs.status, 201);
    assert_ne!(theirs.body["case"]["id"], first.body["case"]["id"]);

    let page: CasePage = partner.get("/v1/cases").await.json();
    assert_eq!(page.cases.len(), 1);
}

#[tokio::test]
async fn concurrent_requests_with_one_key_make_one_case() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    for _ in 0..5 {
        let key = Uuid::new_v4();
        let sends = (0..8).map(|_| partner.post_keyed("/v1/cases", key, question("Race")));
        let replies = futures_util::future::join_all(sends).await;
        let ids: std::collections::HashSet<_> = replies
            .iter()
            .map(|r| {
                assert_eq!(r.status, 201, "{}", r.body);
                r.body["case"]["id"].as_str().unwrap().to_owned()
            })
            .collect();
        assert_eq!(ids.len(), 1);
    }
    let page: CasePage = partner.get("/v1/cases").await.json();
    assert_eq!(page.cases.len(), 5);
}

#[tokio::test]
async fn replies_are_idempotent_too() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let case = partner.open_case("Hello").await.case;
    let path = format!("/v1/cases/{}/messages", case.id);
    let key = Uuid::new_v4();
    let first = partner
        .post_keyed(&path, key, json!({"body": "One more thing"}))
        .await;
    assert_eq!(first.status, 201, "{}", first.body);
    let again = partner
        .post_keyed(&path, key, json!({"body": "One more thing"}))
        .await;
    assert_eq!(again.body, first.body);
    partner
        .post_keyed(&path, key, json!({"body": "Another thing"}))
        .await
        .assert_error(422, "idempotency_key_reused");
    partner
        .post(&path, json!({"body": "no key"}))
        .await
        .assert_error(400, "idempotency_key_missing");
    partner
        .post_keyed(&path, Uuid::new_v4(), json!({"body": ""}))
        .await
        .assert_error(422, "body_empty");
    assert_eq!(partner.case(case.id).await.timeline.len(), 2);
}

#[tokio::test]
async fn the_list_shows_newest_activity_first_in_pages_with_unread_counts() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let mut ids = Vec::new();
    for i in 0..7 {
        ids.push(partner.open_case(&format!("Case {i}")).await.case.id);
    }
    // Activity on the oldest case brings it to the top, with one unread event.
    handler.handle(ids[0], "acknowledge", json!({})).await;

    let first: CasePage = partner.get("/v1/cases?limit=3").await.json();
    assert_eq!(first.cases.len(), 3);
    assert_eq!(first.cases[0].id, ids[0]);
    assert_eq!(first.cases[0].unread_count, 1);
    assert_eq!(first.cases[0].status.as_str(), "acknowledged");
    assert_eq!(first.cases[1].id, ids[6]);
    assert_eq!(
        first.cases[1].unread_count, 0,
        "the partner's own message is not unread"
    );
    let cursor = first.next_cursor.clone().expect("more pages");
    let second: CasePage = partner
        .get(&format!("/v1/cases?limit=3&cursor={cursor}"))
        .await
        .json();
    let third: CasePage = partner
        .get(&format!(
            "/v1/cases?limit=3&cursor={}",
            second.next_cursor.clone().unwrap()
        ))
        .await
        .json();
    assert!(third.next_cursor.is_none());
    let all: Vec<Uuid> = [first.cases, second.cases, third.cases]
        .concat()
        .iter()
        .map(|c| c.id)
        .collect();
    let mut expected = vec![ids[0]];
    expected.extend(ids[1..].iter().rev());
    assert_eq!(all, expected, "every case once, newest activity first");

    // Opening the case reads it.
    partner.case(ids[0]).await;
    let page: CasePage = partner.get("/v1/cases?limit=1").await.json();
    assert_eq!(page.cases[0].unread_count, 0);

    partner
        .get("/v1/cases?cursor=abc")
        .await
        .assert_error(400, "invalid_input");
    partner
        .get(&format!("/v1/cases/{}", Uuid::new_v4()))
        .await
        .assert_error(404, "not_found");
    partner
        .get("/v1/cases/not-a-uuid")
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn a_batch_creates_cases_in_order_each_under_its_own_key() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let other = app.partner("budi@example.test").await;
    let keys: Vec<Uuid> = (0..5).map(|_| Uuid::new_v4()).collect();
    let mut cases: Vec<serde_json::Value> = keys
        .iter()
        .enumerate()
        .map(|(i, key)| json!({"key": key, "case": question(&format!("Batch {i}"))}))
        .collect();
    cases[2]["case"]["body"] = json!("  ");
    cases[3]["case"]["property_id"] = json!(other.account().properties[0].id);
    let batch = json!({ "cases": cases });

    let reply = partner.post("/v1/cases/batch", batch.clone()).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let outcomes = reply.body["outcomes"].as_array().unwrap();
    let statuses: Vec<_> = outcomes
        .iter()
        .map(|o| o["status"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, [201, 201, 422, 422, 201]);
    assert_eq!(outcomes[2]["error"]["code"], "body_empty");
    assert_eq!(outcomes[3]["error"]["code"], "unknown_property");
    for (outcome, key) in outcomes.iter().zip(&keys) {
        assert_eq!(outcome["key"], key.to_string());
    }

    // Created in the order given.
    let page: CasePage = partner.get("/v1/cases").await.json();
    let bodies: Vec<_> = page.cases.iter().rev().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(bodies.len(), 3);
    assert_eq!(
        bodies[0].to_string(),
        outcomes[0]["case"]["case"]["id"].as_str().unwrap()
    );
    assert_eq!(
        bodies[2].to_string(),
        outcomes[4]["case"]["case"]["id"].as_str().unwrap()
    );

    // Sent again (a lost answer): the same cases, none new.
    let again = partner.post("/v1/cases/batch", batch).await;
    let again = again.body["outcomes"].as_array().unwrap().clone();
    for i in [0, 1, 4] {
        assert_eq!(again[i]["case"], outcomes[i]["case"]);
        assert_eq!(again[i]["status"], 201);
    }
    // The same key through the single endpoint answers the same case too.
    let single = partner
        .post_keyed("/v1/cases", keys[0], question("Batch 0"))
        .await;
    assert_eq!(single.body["case"]["id"], outcomes[0]["case"]["case"]["id"]);
    let reused = partner
        .post(
            "/v1/cases/batch",
            json!({"cases": [{"key": keys[1], "case": question("Something else")}]}),
        )
        .await;
    assert_eq!(
        reused.body["outcomes"][0]["error"]["code"],
        "idempotency_key_reused"
    );
    let page: CasePage = partner.get("/v1/cases").await.json();
    assert_eq!(page.cases.len(), 3);
}

#[tokio::test]
async fn a_batch_is_refused_whole_when_malformed_or_too_big() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let too_many: Vec<_> = (0..101)
        .map(|i| json!({"key": Uuid::new_v4(), "case": question(&format!("n{i}"))}))
        .collect();
    partner
        .post("/v1/cases/batch", json!({ "cases": too_many }))
        .await
        .assert_error(422, "invalid_input");
    partner
        .post(
            "/v1/cases/batch",
            json!({"cases": [{"case": question("no key")}]}),
        )
        .await
        .assert_error(400, "invalid_input");
    let text = partner
        .request(reqwest::Method::POST, "/v1/cases/batch")
        .header("content-type", "text/plain")
        .body("{}");
    partner
        .send(text)
        .await
        .assert_error(415, "unsupported_media_type");
    app.anonymous()
        .post("/v1/cases/batch", json!({"cases": []}))
        .await
        .assert_error(401, "unauthorized");
    let page: CasePage = partner.get("/v1/cases").await.json();
    assert!(page.cases.is_empty());
}

#[tokio::test]
async fn a_first_answer_is_kept_for_its_period_and_then_let_go() {
    let app = TestServer::spawn_with(|c| {
        c.limits.answer_age = std::time::Duration::from_secs(1);
        c.limits.tidy_every = std::time::Duration::from_millis(200);
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let key = Uuid::new_v4();
    let first = partner.post_keyed("/v1/cases", key, question("Once")).await;
    assert_eq!(first.status, 201, "{}", first.body);
    let again = partner.post_keyed("/v1/cases", key, question("Once")).await;
    assert_eq!(
        again.body["case"]["id"], first.body["case"]["id"],
        "within the period"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1_800)).await;
    let later = partner.post_keyed("/v1/cases", key, question("Once")).await;
    assert_eq!(later.status, 201, "{}", later.body);
    assert_ne!(
        later.body["case"]["id"], first.body["case"]["id"],
        "the key was let go"
    );
}

#[tokio::test]
async fn under_more_writes_than_the_queue_holds_the_server_answers_busy_and_loses_nothing() {
    let app = TestServer::spawn_with(|c| c.limits.max_queued_writes = 1).await;
    let partner = app.partner("anna@example.test").await;
    let keys: Vec<Uuid> = (0..40).map(|_| Uuid::new_v4()).collect();
    let mut waiting = keys.clone();
    let mut busy = 0;
    // Sent all at once; what is refused as busy is sent again, as the phone's outbox
    // does after Retry-After, until every case is in.
    for _round in 0..50 {
        let replies = futures_util::future::join_all(waiting.iter().map(|key| {
            let partner = partner.clone();
            let key = *key;
            async move {
                let reply = partner
                    .post_keyed("/v1/cases", key, question("Busy day"))
                    .await;
                (key, reply)
            }
        }))
        .await;
        waiting.clear();
        for (key, reply) in replies {
            match reply.status {
                201 => {}
                503 => {
                    busy += 1;
                    assert_eq!(reply.body["code"], "rate_limited", "{}", reply.body);
                    assert!(reply.headers.contains_key("retry-after"));
                    waiting.push(key);
                }
                other => panic!("{other}: {}", reply.body),
            }
        }
        if waiting.is_empty() {
            break;
        }
    }
    assert!(waiting.is_empty(), "{} never got in", waiting.len());
    let page = partner.get("/v1/cases?limit=100").await;
    assert_eq!(page.body["cases"].as_array().unwrap().len(), keys.len());
    println!("{busy} of the sends were answered busy");
}

#[tokio::test]
async fn a_long_case_comes_newest_first_and_the_rest_a_page_at_a_time() {
    let app = TestServer::spawn_with(|c| {
        c.limits.rate_per_second = 10_000.try_into().unwrap();
        c.limits.rate_burst = 10_000.try_into().unwrap();
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let other = app.partner("budi@example.test").await;
    let handler = app.handler("support@example.test").await;
    let id = partner.open_case("A long story").await.case.id;
    handler
        .handle(
            id,
            "acknowledge",
            json!({"expected_next": "Updates as we go."}),
        )
        .await;
    for n in 0..204 {
        handler
            .handle(id, "messages", json!({"body": format!("Update {n}")}))
            .await;
    }
    // 206 events: the answer carries the newest 200 and says where the rest begin.
    let detail = partner.case(id).await;
    assert_eq!(detail.timeline.len(), 200);
    let earlier = detail.earlier.expect("older events");
    assert_eq!(earlier, detail.timeline[0].id);
    for viewer in [&partner, &handler] {
        let page = viewer
            .get(&format!("/v1/cases/{id}/timeline?before={earlier}"))
            .await;
        assert_eq!(page.status, 200, "{}", page.body);
        let page: pulse_protocol::wire::TimelinePage = page.json();
        assert_eq!(page.events.len(), 6);
        assert_eq!(page.earlier, None);
        assert_eq!(page.events[1].kind.as_str(), "acknowledged");
        assert_eq!(page.events[0].body.as_deref(), Some("A long story"));
        let whole: Vec<i64> = page
            .events
            .iter()
            .chain(&detail.timeline)
            .map(|e| e.id)
            .collect();
        assert!(whole.windows(2).all(|w| w[0] < w[1]));
    }
    // Pages of a chosen size chain back to the start.
    let page = partner
        .get(&format!("/v1/cases/{id}/timeline?before={earlier}&limit=4"))
        .await;
    let page: pulse_protocol::wire::TimelinePage = page.json();
    assert_eq!(page.events.len(), 4);
    let before = page.earlier.expect("two more");
    let last: pulse_protocol::wire::TimelinePage = partner
        .get(&format!("/v1/cases/{id}/timeline?before={before}&limit=4"))
        .await
        .json();
    assert_eq!(last.events.len(), 2);
    assert_eq!(last.earlier, None);
    // Nobody else's, and only documented sizes.
    other
        .get(&format!("/v1/cases/{id}/timeline"))
        .await
        .assert_error(404, "not_found");
    for limit in [0, 201] {
        partner
            .get(&format!("/v1/cases/{id}/timeline?limit={limit}"))
            .await
            .assert_error(400, "invalid_input");
    }
}

#[tokio::test]
async fn a_batch_refusal_frees_its_key_and_a_key_twice_in_a_batch_makes_one_case() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let other = app.partner("budi@example.test").await;
    let (refused, twice) = (Uuid::new_v4(), Uuid::new_v4());
    let mut wrong = question("About the wrong property");
    wrong["property_id"] = json!(other.account().properties[0].id);
    let reply = partner
        .post(
            "/v1/cases/batch",
            json!({"cases": [
                {"key": refused, "case": wrong},
                {"key": twice, "case": question("Sent twice in one go")},
                {"key": twice, "case": question("Sent twice in one go")},
            ]}),
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let outcomes = reply.body["outcomes"].as_array().unwrap();
    assert_eq!(outcomes[0]["error"]["code"], "unknown_property");
    assert_eq!(outcomes[1]["status"], 201);
    assert_eq!(outcomes[2]["status"], 201);
    assert_eq!(outcomes[1]["case"], outcomes[2]["case"]);
    // The refused case, corrected, goes through under its own key.
    let corrected = partner
        .post_keyed("/v1/cases", refused, question("About the right property"))
        .await;
    assert_eq!(corrected.status, 201, "{}", corrected.body);
    let page: CasePage = partner.get("/v1/cases").await.json();
    assert_eq!(page.cases.len(), 2);
}

#[tokio::test]
async fn a_batch_and_single_requests_racing_on_the_same_keys_never_fail_or_double() {
    let app = TestServer::spawn_with(|c| {
        c.limits.rate_per_second = 10_000.try_into().unwrap();
        c.limits.rate_burst = 10_000.try_into().unwrap();
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let mut keys: Vec<Uuid> = Vec::new();
    for round in 0..20 {
        let batch_keys: Vec<Uuid> = (0..4).map(|_| Uuid::new_v4()).collect();
        keys.extend(&batch_keys);
        let cases: Vec<_> = batch_keys
            .iter()
            .map(|key| json!({"key": key, "case": question(&format!("Round {round}"))}))
            .collect();
        // The batch, and a single request for each of its keys, at the same moment:
        // the batch claims its keys in order while each single one holds its own.
        let batch = partner.post("/v1/cases/batch", json!({ "cases": cases }));
        let singles =
            futures_util::future::join_all(batch_keys.iter().rev().map(|key| {
                partner.post_keyed("/v1/cases", *key, question(&format!("Round {round}")))
            }));
        let (batch, singles) = tokio::join!(batch, singles);
        assert_eq!(batch.status, 200, "{}", batch.body);
        for outcome in batch.body["outcomes"].as_array().unwrap() {
            assert_eq!(outcome["status"], 201, "{outcome}");
        }
        for single in singles {
            assert_eq!(single.status, 201, "{}", single.body);
        }
    }
    let page: CasePage = partner.get("/v1/cases?limit=100").await.json();
    assert_eq!(page.cases.len(), keys.len(), "one case per key");
}
