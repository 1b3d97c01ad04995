//! The live event stream: every change arrives once, in order, and a stream that breaks
//! resumes with Last-Event-ID with no gap and no duplicate.

mod helpers;

use std::time::Duration;

use helpers::TestServer;
use pulse_protocol::wire::EventPage;
use serde_json::json;

const WAIT: Duration = Duration::from_secs(5);

#[tokio::test]
async fn changes_arrive_live_with_id_type_and_data() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let mut stream = partner.stream(None).await;
    let id = partner.open_case("Hello").await.case.id;
    let submitted = stream.next(WAIT).await.expect("submitted event");
    assert_eq!(submitted.kind, "submitted");
    assert_eq!(submitted.event.case_id, id);
    assert_eq!(submitted.id, submitted.event.id);

    handler
        .handle(
            id,
            "acknowledge",
            json!({"expected_next": "A reply within 24 hours."}),
        )
        .await;
    let ack = stream.next(WAIT).await.expect("acknowledged event");
    assert_eq!(ack.kind, "acknowledged");
    assert_eq!(ack.event.status.as_str(), "acknowledged");
    assert_eq!(
        ack.event.expected_next.as_deref(),
        Some("A reply within 24 hours.")
    );
    assert!(ack.id > submitted.id);
}

#[tokio::test]
async fn a_resumed_stream_replays_what_was_missed_with_no_gap_and_no_duplicate() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let mut ids = Vec::new();
    for i in 0..3 {
        ids.push(partner.open_case(&format!("Case {i}")).await.case.id);
    }
    let mut stream = partner.stream(Some(0)).await;
    let seen = stream.drain(Duration::from_millis(300)).await;
    assert_eq!(seen.len(), 3);
    let last_seen = seen.last().unwrap().id;
    drop(stream); // the connection breaks

    // While the partner is away: moves on every case, and other partners' noise.
    let other = app.partner("budi@example.test").await;
    for id in &ids {
        handler.handle(*id, "acknowledge", json!({})).await;
        other.open_case("Noise").await;
        handler
            .handle(
                *id,
                "messages",
                json!({"body": "Looking into it", "request_info": false}),
            )
            .await;
    }
    let mut resumed = partner.stream(Some(last_seen)).await;
    // And more while the new stream is open.
    handler
        .handle(
            ids[0],
            "messages",
            json!({"body": "Need the dates", "request_info": true}),
        )
        .await;
    let frames = resumed.drain(Duration::from_millis(500)).await;
    assert_eq!(frames.len(), 7);
    assert!(frames.iter().all(|f| f.id > last_seen));
    assert!(
        frames.windows(2).all(|w| w[0].id < w[1].id),
        "in order, no duplicate"
    );
    assert!(
        frames.iter().all(|f| ids.contains(&f.event.case_id)),
        "only her own"
    );

    // Everything ever streamed equals the JSON catch-up of the same range.
    let page: EventPage = partner
        .send(
            partner
                .request(reqwest::Method::GET, "/v1/events?after=0")
                .header("Accept", "application/json"),
        )
        .await
        .json();
    let streamed: Vec<i64> = seen.iter().chain(frames.iter()).map(|f| f.id).collect();
    let paged: Vec<i64> = page.events.iter().map(|e| e.id).collect();
    assert_eq!(streamed, paged);
    assert_eq!(page.last_event_id, *paged.last().unwrap());
    assert!(!page.more);
}

#[tokio::test]
async fn after_in_the_query_resumes_too_and_json_pages_chain() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    for i in 0..5 {
        partner.open_case(&format!("Case {i}")).await;
    }
    let json_page = |after: i64| {
        let partner = partner.clone();
        async move {
            partner
                .send(
                    partner
                        .request(
                            reqwest::Method::GET,
                            &format!("/v1/events?after={after}&limit=2"),
                        )
                        .header("Accept", "application/json"),
                )
                .await
                .json::<EventPage>()
        }
    };
    let mut after = 0;
    let mut all = Vec::new();
    loop {
        let page = json_page(after).await;
        all.extend(page.events.iter().map(|e| e.id));
        after = page.last_event_id;
        if !page.more {
            break;
        }
    }
    assert_eq!(all.len(), 5);
    let second = all[1];
    let by_query = partner.request(reqwest::Method::GET, &format!("/v1/events?after={second}"));
    let mut stream = partner.open_stream(by_query).await;
    let frames = stream.drain(Duration::from_millis(300)).await;
    assert_eq!(frames.iter().map(|f| f.id).collect::<Vec<_>>(), all[2..]);
    // Last-Event-ID (a reconnecting browser's) wins over the query.
    let both = partner
        .request(reqwest::Method::GET, "/v1/events?after=0")
        .header("Last-Event-ID", all[3].to_string());
    let mut stream = partner.open_stream(both).await;
    let frames = stream.drain(Duration::from_millis(300)).await;
    assert_eq!(frames.iter().map(|f| f.id).collect::<Vec<_>>(), all[4..]);

    let bad = partner
        .send(
            partner
                .request(reqwest::Method::GET, "/v1/events")
                .header("Accept", "text/event-stream")
                .header("Last-Event-ID", "yesterday"),
        )
        .await;
    bad.assert_error(400, "invalid_input");
}

#[tokio::test]
async fn a_quiet_stream_sends_keep_alive_comments() {
    let app =
        TestServer::spawn_with(|config| config.limits.keep_alive = Duration::from_millis(200))
            .await;
    let partner = app.partner("anna@example.test").await;
    let mut stream = partner.stream(None).await;
    assert!(stream.next(Duration::from_millis(1_500)).await.is_none());
    assert!(stream.comments >= 2, "keep-alives: {}", stream.comments);
}

#[tokio::test]
async fn stopping_the_server_ends_streams_and_finishes_requests_in_flight() {
    let mut app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let mut stream = partner.stream(None).await;

    // An upload whose body is still arriving when the stop begins.
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Vec<u8>, std::io::Error>>(4);
    let body = reqwest::Body::wrap_stream(tokio_stream_from(rx));
    let upload = {
        let partner = partner.clone();
        tokio::spawn(async move {
            partner
                .send(
                    partner
                        .request(reqwest::Method::POST, "/v1/attachments")
                        .header("content-type", "image/jpeg")
                        .body(body),
                )
                .await
        })
    };
    let photo = include_bytes!("../../../fixtures/photo.jpg");
    let (first, rest) = photo.split_at(100);
    tx.send(Ok(first.to_vec())).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let stopping = tokio::spawn(async move {
        app.stop().await;
        app
    });
    tokio::time::sleep(Duration::from_millis(200)).await;
    tx.send(Ok(rest.to_vec())).await.unwrap();
    drop(tx);
    let reply = upload.await.unwrap();
    assert_eq!(
        reply.status, 201,
        "the request in flight finished: {}",
        reply.body
    );
    let app = tokio::time::timeout(Duration::from_secs(10), stopping)
        .await
        .expect("stop finished despite the open stream")
        .unwrap();
    assert!(
        stream.next(Duration::from_secs(1)).await.is_none(),
        "the stream ended"
    );
    drop(app);
}

fn tokio_stream_from(
    mut rx: tokio::sync::mpsc::Receiver<Result<Vec<u8>, std::io::Error>>,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> {
    futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx))
}

#[tokio::test]
async fn many_streams_of_many_partners_each_get_their_own_events_once_in_order() {
    let app = TestServer::spawn().await;
    let mut partners = Vec::new();
    for name in ["anna", "budi", "chen"] {
        partners.push(app.partner(&format!("{name}@example.test")).await);
    }
    // Three streams per partner: a phone, a tablet, a browser tab.
    let mut streams = Vec::new();
    for (who, partner) in partners.iter().enumerate() {
        for _ in 0..3 {
            streams.push((who, partner.stream(None).await));
        }
    }
    // Cases opened in turns, so the log interleaves the partners.
    let mut opened: Vec<Vec<uuid::Uuid>> = vec![Vec::new(); partners.len()];
    for round in 0..4 {
        for (who, partner) in partners.iter().enumerate() {
            opened[who].push(partner.open_case(&format!("Round {round}")).await.case.id);
        }
    }
    for (who, stream) in &mut streams {
        let seen = stream.drain(Duration::from_millis(500)).await;
        let cases: Vec<_> = seen.iter().map(|frame| frame.event.case_id).collect();
        assert_eq!(cases, opened[*who], "partner {who}'s stream");
        assert!(seen.windows(2).all(|pair| pair[0].id < pair[1].id));
    }
}
