//! A partner never sees, streams, answers or touches another partner's case: to them,
//! its id does not exist.

mod helpers;

use std::time::Duration;

use helpers::TestServer;
use pulse_protocol::wire::{CasePage, EventPage};
use serde_json::json;
use uuid::Uuid;

#[tokio::test]
async fn another_partners_case_answers_404_on_every_endpoint() {
    let app = TestServer::spawn().await;
    let anna = app.partner("anna@example.test").await;
    let budi = app.partner_outside_eea("budi@example.test").await;
    let handler = app.handler("support@example.test").await;
    let mut budi_stream = budi.stream(Some(0)).await;

    let id = anna.open_case("Anna's private matter").await.case.id;
    handler.handle(id, "acknowledge", json!({})).await;
    handler
        .handle(id, "resolve", json!({"outcome": "Sorted"}))
        .await;

    budi.get(&format!("/v1/cases/{id}"))
        .await
        .assert_error(404, "not_found");
    budi.post_keyed(
        &format!("/v1/cases/{id}/messages"),
        Uuid::new_v4(),
        json!({"body": "Hi"}),
    )
    .await
    .assert_error(404, "not_found");
    budi.post(
        &format!("/v1/cases/{id}/resolution"),
        json!({"accept": true}),
    )
    .await
    .assert_error(404, "not_found");
    budi.post(
        &format!("/v1/cases/{id}/resolution"),
        json!({"accept": false, "comment": "No"}),
    )
    .await
    .assert_error(404, "not_found");
    budi.post_empty(&format!("/v1/cases/{id}/mediation"))
        .await
        .assert_error(404, "not_found");
    let page: CasePage = budi.get("/v1/cases").await.json();
    assert!(page.cases.is_empty());
    let events: EventPage = budi
        .send(
            budi.request(reqwest::Method::GET, "/v1/events?after=0")
                .header("Accept", "application/json"),
        )
        .await
        .json();
    assert!(events.events.is_empty());
    assert!(budi_stream.next(Duration::from_millis(500)).await.is_none());

    // Budi's attempts changed nothing on Anna's case.
    let detail = anna.case(id).await;
    assert_eq!(detail.case.status.as_str(), "resolved");
    assert_eq!(detail.timeline.len(), 3);
    let mut anna_stream = anna.stream(Some(0)).await;
    let frames = anna_stream.drain(Duration::from_millis(300)).await;
    assert_eq!(frames.len(), 3);
}
