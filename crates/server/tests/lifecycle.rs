//! A case's whole life through the API, and the moves the lifecycle refuses.

mod helpers;

use helpers::TestServer;
use serde_json::json;
use uuid::Uuid;

#[tokio::test]
async fn from_submitted_to_closed_through_a_request_for_information() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let id = partner.open_case("My payout did not arrive.").await.case.id;

    let queue = handler.get("/v1/handler/cases?status=submitted").await;
    assert_eq!(queue.status, 200);
    assert_eq!(queue.body["cases"][0]["case"]["id"], id.to_string());
    assert_eq!(queue.body["cases"][0]["partner_in_eea"], true);

    let ack = handler
        .handle(
            id,
            "acknowledge",
            json!({"expected_next": "We will check with finance."}),
        )
        .await;
    assert_eq!(ack.status.as_str(), "acknowledged");
    assert_eq!(
        partner.case(id).await.expected_next.as_deref(),
        Some("We will check with finance.")
    );

    let ask = handler
        .handle(
            id,
            "messages",
            json!({"body": "Which bank account?", "request_info": true}),
        )
        .await;
    assert_eq!(ask.status.as_str(), "awaiting_partner");
    assert_eq!(ask.kind.as_str(), "info_requested");

    let reply = partner
        .post_keyed(
            &format!("/v1/cases/{id}/messages"),
            Uuid::new_v4(),
            json!({"body": "The one ending 1234."}),
        )
        .await;
    assert_eq!(reply.status, 201);
    assert_eq!(reply.body["status"], "in_progress", "a reply resumes work");

    let update = handler
        .handle(id, "messages", json!({"body": "Finance is on it."}))
        .await;
    assert_eq!(update.status.as_str(), "in_progress");
    assert_eq!(update.kind.as_str(), "update");

    let resolved = handler
        .handle(
            id,
            "resolve",
            json!({"outcome": "Paid again on 21 November."}),
        )
        .await;
    assert_eq!(resolved.status.as_str(), "resolved");

    let accepted = partner
        .post(
            &format!("/v1/cases/{id}/resolution"),
            json!({"accept": true}),
        )
        .await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    assert_eq!(accepted.body["status"], "accepted");

    let closed = handler.handle(id, "close", json!(null)).await;
    assert_eq!(closed.status.as_str(), "closed");

    let detail = partner.case(id).await;
    assert_eq!(detail.case.status.as_str(), "closed");
    assert_eq!(
        detail.case.outcome.as_deref(),
        Some("Paid again on 21 November.")
    );
    let kinds: Vec<_> = detail.timeline.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "submitted",
            "acknowledged",
            "info_requested",
            "reply",
            "update",
            "resolved",
            "accepted",
            "closed"
        ]
    );
    let authors: Vec<_> = detail.timeline.iter().map(|e| e.author.role).collect();
    assert_eq!(authors[0], pulse_protocol::Actor::Partner);
    assert_eq!(authors[1], pulse_protocol::Actor::Handler);
    assert!(
        detail
            .timeline
            .windows(2)
            .all(|w| w[0].id < w[1].id && w[0].at <= w[1].at)
    );

    // Nothing moves a closed case.
    partner
        .post_keyed(
            &format!("/v1/cases/{id}/messages"),
            Uuid::new_v4(),
            json!({"body": "Thanks!"}),
        )
        .await
        .assert_error(409, "invalid_transition");
    handler
        .post(&format!("/v1/handler/cases/{id}/close"), json!(null))
        .await
        .assert_error(409, "invalid_transition");
}

#[tokio::test]
async fn a_disputed_outcome_goes_to_mediation_for_a_partner_in_the_eea() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let id = partner.open_case("Commission on a no-show.").await.case.id;
    handler.handle(id, "acknowledge", json!({})).await;
    handler
        .handle(id, "resolve", json!({"outcome": "The commission stands."}))
        .await;

    // Disagreeing needs a comment.
    partner
        .post(
            &format!("/v1/cases/{id}/resolution"),
            json!({"accept": false}),
        )
        .await
        .assert_error(422, "body_empty");
    let disputed = partner
        .post(
            &format!("/v1/cases/{id}/resolution"),
            json!({"accept": false, "comment": "The guest never came."}),
        )
        .await;
    assert_eq!(disputed.body["status"], "disputed", "{}", disputed.body);
    assert!(partner.case(id).await.mediation_offered);

    let mediation = partner
        .post_empty(&format!("/v1/cases/{id}/mediation"))
        .await;
    assert_eq!(mediation.status, 200, "{}", mediation.body);
    assert_eq!(mediation.body["status"], "mediation");
    assert_eq!(mediation.body["kind"], "mediation_requested");
    assert!(!partner.case(id).await.mediation_offered);

    handler.handle(id, "close", json!(null)).await;
    assert_eq!(partner.case(id).await.case.status.as_str(), "closed");
}

#[tokio::test]
async fn mediation_is_not_offered_outside_the_eea() {
    let app = TestServer::spawn().await;
    let partner = app.partner_outside_eea("budi@example.test").await;
    let handler = app.handler("support@example.test").await;
    let id = partner.open_case("Review removed.").await.case.id;
    handler.handle(id, "acknowledge", json!({})).await;
    handler
        .handle(id, "resolve", json!({"outcome": "Restored."}))
        .await;
    partner
        .post(
            &format!("/v1/cases/{id}/resolution"),
            json!({"accept": false, "comment": "Not all of it."}),
        )
        .await;
    assert!(!partner.case(id).await.mediation_offered);
    partner
        .post_empty(&format!("/v1/cases/{id}/mediation"))
        .await
        .assert_error(403, "mediation_not_available");
    // Support closes the dispute instead.
    handler.handle(id, "close", json!(null)).await;
}

#[tokio::test]
async fn moves_out_of_order_answer_409() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let id = partner.open_case("Hello").await.case.id;
    let base = format!("/v1/handler/cases/{id}");
    // Support must acknowledge before anything else.
    for (action, body) in [
        ("messages", json!({"body": "Update"})),
        ("resolve", json!({"outcome": "Done"})),
        ("close", json!(null)),
    ] {
        handler
            .post(&format!("{base}/{action}"), body)
            .await
            .assert_error(409, "invalid_transition");
    }
    partner
        .post(
            &format!("/v1/cases/{id}/resolution"),
            json!({"accept": true}),
        )
        .await
        .assert_error(409, "invalid_transition");
    partner
        .post_empty(&format!("/v1/cases/{id}/mediation"))
        .await
        .assert_error(409, "invalid_transition");
    handler.handle(id, "acknowledge", json!({})).await;
    handler
        .post(&format!("{base}/acknowledge"), json!({}))
        .await
        .assert_error(409, "invalid_transition");
    handler
        .post(&format!("{base}/resolve"), json!({"outcome": "  "}))
        .await
        .assert_error(422, "body_empty");
    handler
        .post(
            &format!("/v1/handler/cases/{}/acknowledge", Uuid::new_v4()),
            json!({}),
        )
        .await
        .assert_error(404, "not_found");
    handler
        .get("/v1/handler/cases?status=sleeping")
        .await
        .assert_error(400, "invalid_input");
    // Refused moves left no trace.
    assert_eq!(partner.case(id).await.timeline.len(), 2);
}

#[tokio::test]
async fn resolution_answers_with_a_key_are_safe_to_resend() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let id = partner.open_case("Hello").await.case.id;
    handler.handle(id, "acknowledge", json!({})).await;
    handler
        .handle(id, "resolve", json!({"outcome": "Done"}))
        .await;
    let key = Uuid::new_v4();
    let path = format!("/v1/cases/{id}/resolution");
    let first = partner
        .post_keyed(&path, key, json!({"accept": true}))
        .await;
    assert_eq!(first.status, 200);
    let again = partner
        .post_keyed(&path, key, json!({"accept": true}))
        .await;
    assert_eq!(again.status, 200);
    assert_eq!(again.body, first.body);
}
