//! What the support console works with: the reply promise, queue views with counts,
//! search, assignment, notes that stay with support, saved replies, the handlers'
//! stream, and the demo's automatic handler keeping out of a person's way. Each test
//! runs on SQLite, and on PostgreSQL when PULSE_TEST_POSTGRES is set.

mod helpers;

use std::time::Duration;

use helpers::{TestServer, User, question};
use pulse_protocol::wire::{
    CaseDetail, CaseSummary, HandlerCaseDetail, HandlerCasePage, QueueView, SavedReply, ViewCounts,
};
use serde_json::json;
use time::OffsetDateTime;
use uuid::Uuid;

/// A server whose reply promise is `within`.
async fn server_promising(within: Duration) -> TestServer {
    TestServer::spawn_with(|config| config.limits.reply_within = within).await
}

async fn summary(partner: &User, id: Uuid) -> CaseSummary {
    partner.case(id).await.case
}

fn due_after(summary: &CaseSummary, at: OffsetDateTime, within: Duration) {
    let due = summary.reply_due_at.expect("a reply is due");
    let expected = at + within;
    let off = (due - expected).abs();
    assert!(
        off < time::Duration::seconds(2),
        "due {due}, expected about {expected}"
    );
}

async fn reply(partner: &User, id: Uuid, body: &str) {
    let reply = partner
        .post_keyed(
            &format!("/v1/cases/{id}/messages"),
            Uuid::new_v4(),
            json!({ "body": body }),
        )
        .await;
    assert_eq!(reply.status, 201, "{}", reply.body);
}

#[tokio::test]
async fn the_reply_promise_runs_from_each_partner_message_until_support_answers() {
    let within = Duration::from_secs(2 * 3600);
    let app = server_promising(within).await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;

    let opened = partner.open_case("My payout did not arrive.").await;
    let id = opened.case.id;
    due_after(&opened.case, opened.case.created_at, within);
    let first_due = opened.case.reply_due_at;

    // An acknowledgement alone does not answer the partner.
    handler
        .handle(id, "acknowledge", json!({"expected_next": "We check."}))
        .await;
    assert_eq!(summary(&partner, id).await.reply_due_at, first_due);

    // An update does; the partner's next message starts the clock again.
    handler
        .handle(id, "messages", json!({"body": "Finance is on it."}))
        .await;
    assert_eq!(summary(&partner, id).await.reply_due_at, None);
    reply(&partner, id, "Any news?").await;
    let now = OffsetDateTime::now_utc();
    due_after(&summary(&partner, id).await, now, within);

    // No promise while the case waits on the partner.
    handler
        .handle(
            id,
            "messages",
            json!({"body": "Which account?", "request_info": true}),
        )
        .await;
    assert_eq!(summary(&partner, id).await.reply_due_at, None);
    reply(&partner, id, "The one ending 1234.").await;
    due_after(
        &summary(&partner, id).await,
        OffsetDateTime::now_utc(),
        within,
    );

    // Resolved: nothing due until the partner disagrees; mediation is a message too.
    handler
        .handle(id, "resolve", json!({"outcome": "Paid again."}))
        .await;
    assert_eq!(summary(&partner, id).await.reply_due_at, None);
    let disagree = partner
        .post(
            &format!("/v1/cases/{id}/resolution"),
            json!({"accept": false, "comment": "Not received."}),
        )
        .await;
    assert_eq!(disagree.status, 200, "{}", disagree.body);
    due_after(
        &summary(&partner, id).await,
        OffsetDateTime::now_utc(),
        within,
    );
    let mediation = partner
        .post_keyed(
            &format!("/v1/cases/{id}/mediation"),
            Uuid::new_v4(),
            json!(null),
        )
        .await;
    assert!(mediation.status < 300, "{}", mediation.body);
    assert!(summary(&partner, id).await.reply_due_at.is_some());
    handler.handle(id, "close", json!(null)).await;
    assert_eq!(summary(&partner, id).await.reply_due_at, None);
}

async fn views(handler: &User) -> Vec<(QueueView, i64)> {
    let reply = handler.get("/v1/handler/views").await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let counts: ViewCounts = reply.json();
    counts
        .views
        .into_iter()
        .map(|v| (v.view, v.count))
        .collect()
}

fn count(views: &[(QueueView, i64)], view: QueueView) -> i64 {
    views
        .iter()
        .find(|(v, _)| *v == view)
        .map(|(_, n)| *n)
        .expect("every view is counted")
}

async fn queue(handler: &User, query: &str) -> HandlerCasePage {
    let reply = handler.get(&format!("/v1/handler/queue?{query}")).await;
    assert_eq!(reply.status, 200, "{query}: {}", reply.body);
    reply.json()
}

fn ids(page: &HandlerCasePage) -> Vec<Uuid> {
    page.cases.iter().map(|c| c.case.id).collect()
}

#[tokio::test]
async fn queue_views_count_and_list_cases_soonest_reply_first() {
    let within = Duration::from_secs(3);
    let app = server_promising(within).await;
    let partner = app.partner("anna@example.test").await;
    let me = app.handler("me@example.test").await;
    let colleague = app.handler("colleague@example.test").await;

    let first = partner.open_case("First question").await.case.id;
    let second = partner.open_case("Second question").await.case.id;
    let waiting = partner.open_case("Third question").await.case.id;
    let closed = partner.open_case("Fourth question").await.case.id;
    me.handle(second, "acknowledge", json!({})).await;
    let take = me
        .send(
            me.request(
                reqwest::Method::PUT,
                &format!("/v1/handler/cases/{second}/assignee"),
            )
            .json(&json!({"handler_id": me.account().id})),
        )
        .await;
    assert_eq!(take.status, 200, "{}", take.body);
    me.handle(
        waiting,
        "acknowledge",
        json!({"expected_next": "We look into it."}),
    )
    .await;
    me.handle(
        waiting,
        "messages",
        json!({"body": "Which room?", "request_info": true}),
    )
    .await;
    me.handle(closed, "acknowledge", json!({})).await;
    me.handle(closed, "resolve", json!({"outcome": "Done."}))
        .await;
    let accept = partner
        .post(
            &format!("/v1/cases/{closed}/resolution"),
            json!({"accept": true}),
        )
        .await;
    assert_eq!(accept.status, 200, "{}", accept.body);
    me.handle(closed, "close", json!(null)).await;

    let now = views(&me).await;
    assert_eq!(count(&now, QueueView::New), 1, "{now:?}");
    assert_eq!(count(&now, QueueView::DueSoon), 2, "{now:?}");
    assert_eq!(count(&now, QueueView::Overdue), 0, "{now:?}");
    assert_eq!(count(&now, QueueView::Waiting), 1, "{now:?}");
    assert_eq!(count(&now, QueueView::Mine), 1, "{now:?}");
    assert_eq!(count(&now, QueueView::Unassigned), 2, "{now:?}");
    assert_eq!(count(&now, QueueView::Open), 3, "{now:?}");
    assert_eq!(count(&now, QueueView::Closed), 1, "{now:?}");
    // Mine is the asker's own.
    assert_eq!(count(&views(&colleague).await, QueueView::Mine), 0);

    // Soonest reply first, then the cases with none.
    assert_eq!(
        ids(&queue(&me, "view=open").await),
        [first, second, waiting]
    );
    assert_eq!(ids(&queue(&me, "view=new").await), [first]);
    assert_eq!(ids(&queue(&me, "view=mine").await), [second]);
    assert_eq!(ids(&queue(&me, "view=waiting").await), [waiting]);
    assert_eq!(ids(&queue(&me, "view=closed").await), [closed]);
    let mine = queue(&me, "view=mine").await;
    assert_eq!(
        mine.cases[0].assignee.as_ref().map(|a| a.id),
        Some(me.account().id)
    );

    // Paged: every case once, in order, a page at a time.
    let page = queue(&me, "view=open&limit=2").await;
    assert_eq!(ids(&page), [first, second]);
    let cursor = page.next_cursor.expect("a next page");
    let rest = queue(&me, &format!("view=open&limit=2&cursor={cursor}")).await;
    assert_eq!(ids(&rest), [waiting]);
    assert!(rest.next_cursor.is_none());

    // Past the promise: overdue, and no longer due soon.
    tokio::time::sleep(within + Duration::from_millis(200)).await;
    let later = views(&me).await;
    assert_eq!(count(&later, QueueView::Overdue), 2, "{later:?}");
    assert_eq!(count(&later, QueueView::DueSoon), 0, "{later:?}");
    assert_eq!(ids(&queue(&me, "view=overdue").await), [first, second]);

    // Bad queries change nothing and say why.
    for query in [
        "view=everything",
        "q=ab",
        "cursor=12",
        "cursor=a.b",
        "limit=0",
        "limit=101",
    ] {
        let reply = me.get(&format!("/v1/handler/queue?{query}")).await;
        reply.assert_error(400, "invalid_input");
    }
    partner
        .get("/v1/handler/queue")
        .await
        .assert_error(403, "forbidden");
    partner
        .get("/v1/handler/views")
        .await
        .assert_error(403, "forbidden");
}

#[tokio::test]
async fn search_finds_cases_by_number_partner_and_text_in_any_letter_case() {
    let app = TestServer::spawn().await;
    let anna = app.partner("anna@example.test").await;
    let budi = app.partner_outside_eea("budi@example.test").await;
    let handler = app.handler("support@example.test").await;

    let payout = anna.open_case("My PAYOUT of 50% is missing").await.case.id;
    let angstrom = anna
        .open_case("The Ångström suite has no hot water")
        .await
        .case
        .id;
    let bali = budi.open_case("A question about 500 nights").await.case.id;
    let search = async |q: &str| {
        let q = urlencoding(q);
        ids(&queue(&handler, &format!("view=open&q={q}")).await)
    };
    assert_eq!(search("payout").await, [payout]);
    assert_eq!(search("ÅNGSTRÖM").await, [angstrom]);
    // Wildcards are letters like any other.
    assert_eq!(search("50%").await, [payout]);
    assert_eq!(search("0_n").await, Vec::<Uuid>::new());
    // The partner's name and address.
    let mut by_anna = search("anna@example").await;
    by_anna.sort();
    let mut annas = vec![payout, angstrom];
    annas.sort();
    assert_eq!(by_anna, annas);
    assert_eq!(search("BUDI@").await, [bali]);
    // The case number, as people read it out.
    let number = pulse_protocol::input::case_number(bali);
    assert_eq!(search(&number).await, [bali]);
    assert_eq!(search(&number.to_lowercase()).await, [bali]);
    // Later messages and support's notes are searched too.
    reply(&budi, bali, "Also the wifi password").await;
    assert_eq!(search("wifi pass").await, [bali]);
    let note = handler
        .post(
            &format!("/v1/handler/cases/{payout}/notes"),
            json!({"body": "Checked with finance team"}),
        )
        .await;
    assert_eq!(note.status, 201, "{}", note.body);
    assert_eq!(search("finance team").await, [payout]);
    assert_eq!(search("nothing like this").await, Vec::<Uuid>::new());
}

/// Percent-encodes a query value.
fn urlencoding(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn notes_and_assignments_never_reach_the_partner() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let id = partner.open_case("The lift is broken").await.case.id;
    let before = partner.case(id).await;
    let mut stream = partner.stream(Some(before.case.last_event_id)).await;

    let secret = "Partner sounded upset; INTERNAL-ONLY";
    let note = handler
        .post(
            &format!("/v1/handler/cases/{id}/notes"),
            json!({ "body": secret }),
        )
        .await;
    assert_eq!(note.status, 201, "{}", note.body);
    assert_eq!(note.body["kind"], "note");
    let take = handler
        .send(
            handler
                .request(
                    reqwest::Method::PUT,
                    &format!("/v1/handler/cases/{id}/assignee"),
                )
                .json(&json!({"handler_id": handler.account().id})),
        )
        .await;
    assert_eq!(take.status, 200, "{}", take.body);
    assert_eq!(take.body["kind"], "assigned");
    // Then something the partner does see.
    let update = handler
        .handle(
            id,
            "acknowledge",
            json!({"expected_next": "We send someone."}),
        )
        .await;

    // The stream skips straight to the acknowledgement.
    let frame = stream
        .next(Duration::from_secs(5))
        .await
        .expect("the acknowledgement arrives");
    assert_eq!(frame.event.id, update.id);
    assert!(stream.drain(Duration::from_millis(300)).await.is_empty());

    // Nothing else a partner can read holds the note, its author's assignment, or a
    // trace of them (the list's activity marker, the unread count).
    let bodies = [
        partner.get(&format!("/v1/cases/{id}")).await,
        partner.get(&format!("/v1/cases/{id}/timeline")).await,
        partner.get("/v1/cases").await,
        partner
            .send(
                partner
                    .request(reqwest::Method::GET, "/v1/events?after=0")
                    .header("Accept", "application/json"),
            )
            .await,
    ];
    for reply in &bodies {
        assert_eq!(reply.status, 200, "{}", reply.body);
        let text = reply.body.to_string();
        assert!(!text.contains("INTERNAL-ONLY"), "{text}");
        assert!(!text.contains("\"note\""), "{text}");
        assert!(!text.contains("\"assigned\""), "{text}");
        assert!(!text.contains("assignee"), "{text}");
    }
    let detail: CaseDetail = bodies[0].json();
    assert_eq!(detail.case.last_event_id, update.id);
    assert_eq!(detail.case.unread_count, 0);
    assert_eq!(detail.timeline.len(), 2, "submitted and acknowledged only");
    // The partner cannot reach support's side at all.
    for path in [
        format!("/v1/handler/cases/{id}"),
        "/v1/handler/events".to_owned(),
        "/v1/handler/saved-replies".to_owned(),
        "/v1/handler/handlers".to_owned(),
    ] {
        partner.get(&path).await.assert_error(403, "forbidden");
    }
    partner
        .post(
            &format!("/v1/handler/cases/{id}/notes"),
            json!({"body": "sneaky"}),
        )
        .await
        .assert_error(403, "forbidden");

    // Support sees both, in order, in the case and in its stream.
    let reply = handler.get(&format!("/v1/handler/cases/{id}")).await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    let seen: HandlerCaseDetail = reply.json();
    let kinds: Vec<&str> = seen
        .detail
        .timeline
        .iter()
        .map(|e| e.kind.as_str())
        .collect();
    assert_eq!(kinds, ["submitted", "note", "assigned", "acknowledged"]);
    assert_eq!(seen.detail.timeline[1].body.as_deref(), Some(secret));
    assert_eq!(seen.assignee.map(|a| a.id), Some(handler.account().id));
    let events = handler
        .send(
            handler
                .request(reqwest::Method::GET, "/v1/handler/events?after=0")
                .header("Accept", "application/json"),
        )
        .await;
    assert_eq!(events.status, 200, "{}", events.body);
    assert!(events.body.to_string().contains("INTERNAL-ONLY"));
}

#[tokio::test]
async fn a_case_shows_support_who_wrote_about_what_in_which_language() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let property = partner.account().properties[1].clone();
    let mut case = question("De lift is kapot");
    case["property_id"] = json!(property.id);
    case["language"] = json!("NL");
    let opened = partner.post_keyed("/v1/cases", Uuid::new_v4(), case).await;
    assert_eq!(opened.status, 201, "{}", opened.body);
    let id: Uuid = opened.json::<CaseDetail>().case.id;
    let seen: HandlerCaseDetail = handler.get(&format!("/v1/handler/cases/{id}")).await.json();
    assert_eq!(seen.partner.email, "anna@example.test");
    assert_eq!(seen.partner.country, "NL");
    assert!(seen.partner.in_eea);
    assert_eq!(seen.property.map(|p| p.name), Some(property.name));
    assert_eq!(seen.language.as_deref(), Some("nl"));
    assert!(seen.assignee.is_none());
    assert!(seen.detail.case.reply_due_at.is_some());

    let mut bad = question("Hallo");
    bad["language"] = json!("not a language");
    partner
        .post_keyed("/v1/cases", Uuid::new_v4(), bad)
        .await
        .assert_error(422, "invalid_input");
}

#[tokio::test]
async fn a_case_is_taken_given_and_dropped_and_a_stranger_cannot_have_it() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let me = app.handler("me@example.test").await;
    let colleague = app.handler("colleague@example.test").await;
    let id = partner.open_case("Question").await.case.id;
    let assign = async |to: serde_json::Value| {
        me.send(
            me.request(
                reqwest::Method::PUT,
                &format!("/v1/handler/cases/{id}/assignee"),
            )
            .json(&json!({ "handler_id": to })),
        )
        .await
    };
    let assignee = async || {
        let seen: HandlerCaseDetail = me.get(&format!("/v1/handler/cases/{id}")).await.json();
        seen.assignee.map(|a| a.id)
    };

    let handlers = me.get("/v1/handler/handlers").await;
    assert_eq!(handlers.status, 200);
    let names: Vec<i64> = handlers.body["handlers"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|h| h["id"].as_i64().expect("an id"))
        .collect();
    assert!(names.contains(&colleague.account().id) && names.contains(&me.account().id));
    assert!(!names.contains(&partner.account().id));

    assert_eq!(assign(json!(me.account().id)).await.status, 200);
    assert_eq!(assignee().await, Some(me.account().id));
    let given = assign(json!(colleague.account().id)).await;
    assert_eq!(given.status, 200);
    assert_eq!(given.body["body"], json!(colleague.account().name));
    assert_eq!(assignee().await, Some(colleague.account().id));

    // A partner or an unknown id is no handler: refused, nothing changed.
    assign(json!(partner.account().id))
        .await
        .assert_error(422, "unknown_handler");
    assign(json!(987_654))
        .await
        .assert_error(422, "unknown_handler");
    assert_eq!(assignee().await, Some(colleague.account().id));
    let nobody = Uuid::new_v4();
    me.send(
        me.request(
            reqwest::Method::PUT,
            &format!("/v1/handler/cases/{nobody}/assignee"),
        )
        .json(&json!({"handler_id": null})),
    )
    .await
    .assert_error(404, "not_found");

    assert_eq!(assign(json!(null)).await.status, 200);
    assert_eq!(assignee().await, None);
}

#[tokio::test]
async fn saved_replies_are_each_handlers_own_and_bounded() {
    let app = TestServer::spawn().await;
    let me = app.handler("me@example.test").await;
    let colleague = app.handler("colleague@example.test").await;
    let add = async |who: &User, title: &str, body: &str| {
        who.post(
            "/v1/handler/saved-replies",
            json!({"title": title, "body": body}),
        )
        .await
    };
    let made = add(&me, "Thanks", "Dear {partner_name}, thank you.").await;
    assert_eq!(made.status, 201, "{}", made.body);
    let made: SavedReply = made.json();
    assert_eq!(
        pulse_protocol::input::fill_saved_reply(&made.body, "Anna"),
        "Dear Anna, thank you."
    );
    add(&me, "  ", "Body").await.assert_error(422, "body_empty");
    add(&me, "Title", " ").await.assert_error(422, "body_empty");
    add(&me, &"t".repeat(101), "Body")
        .await
        .assert_error(422, "text_too_long");
    add(&me, "Bell\u{7}", "Body")
        .await
        .assert_error(422, "text_invalid");

    let list = me.get("/v1/handler/saved-replies").await;
    assert_eq!(list.body["replies"].as_array().map(Vec::len), Some(1));
    let theirs = colleague.get("/v1/handler/saved-replies").await;
    assert_eq!(theirs.body["replies"].as_array().map(Vec::len), Some(0));

    // Another handler's reply does not exist for them.
    let path = format!("/v1/handler/saved-replies/{}", made.id);
    let change = |who: &User| {
        who.request(reqwest::Method::PUT, &path)
            .json(&json!({"title": "Thanks!", "body": "Thank you, {partner_name}."}))
    };
    colleague
        .send(change(&colleague))
        .await
        .assert_error(404, "not_found");
    colleague.delete(&path).await.assert_error(404, "not_found");
    let changed = me.send(change(&me)).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    assert_eq!(changed.body["title"], "Thanks!");

    // At most 50.
    for n in 1..pulse_protocol::input::MAX_SAVED_REPLIES {
        assert_eq!(add(&me, &format!("Reply {n}"), "Body").await.status, 201);
    }
    add(&me, "One too many", "Body")
        .await
        .assert_error(422, "too_many_saved_replies");

    assert_eq!(me.delete(&path).await.status, 204);
    me.delete(&path).await.assert_error(404, "not_found");
}

#[tokio::test]
async fn the_handlers_stream_shows_a_new_case_within_two_seconds() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let mut stream = handler
        .open_stream(handler.request(reqwest::Method::GET, "/v1/handler/events"))
        .await;
    let sent = std::time::Instant::now();
    let id = partner.open_case("Fresh from the field").await.case.id;
    let frame = stream
        .next(Duration::from_secs(2))
        .await
        .expect("the new case reaches support's stream");
    assert!(sent.elapsed() < Duration::from_secs(2));
    assert_eq!(
        (frame.event.case_id, frame.kind.as_str()),
        (id, "submitted")
    );
    handler
        .post(
            &format!("/v1/handler/cases/{id}/notes"),
            json!({"body": "Looking"}),
        )
        .await;
    let note = stream.next(Duration::from_secs(2)).await.expect("the note");
    assert_eq!(note.kind, "note");
    // Resumable like the partner's: after the first, the note again.
    let mut resumed = handler
        .open_stream(
            handler
                .request(reqwest::Method::GET, "/v1/handler/events")
                .header("Last-Event-ID", frame.id.to_string()),
        )
        .await;
    let again = resumed.next(Duration::from_secs(2)).await.expect("resumed");
    assert_eq!(again.id, note.id);
}

#[tokio::test]
async fn the_demo_handler_keeps_out_of_cases_a_person_opened_or_took() {
    use pulse_server::demo::DemoOptions;
    let app = TestServer::spawn_with(|config| {
        config.demo = Some(DemoOptions {
            acknowledge_after: Duration::from_millis(300),
            update_after: Duration::from_millis(600),
            auto_handler: true,
        })
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let handler = app.handler("support@example.test").await;
    let opened = partner.open_case("A person reads this").await.case.id;
    let taken = partner.open_case("A person takes this").await.case.id;
    let moved = partner.open_case("A person answers this").await.case.id;
    let left = partner.open_case("Nobody looks at this").await.case.id;
    // Acknowledged straight from the queue, never opened.
    handler.handle(moved, "acknowledge", json!({})).await;
    assert_eq!(
        handler
            .get(&format!("/v1/handler/cases/{opened}"))
            .await
            .status,
        200
    );
    let take = handler
        .send(
            handler
                .request(
                    reqwest::Method::PUT,
                    &format!("/v1/handler/cases/{taken}/assignee"),
                )
                .json(&json!({"handler_id": handler.account().id})),
        )
        .await;
    assert_eq!(take.status, 200);
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    // The automatic handler acknowledged and updated the case nobody touched...
    assert_eq!(summary(&partner, left).await.status.as_str(), "in_progress");
    // ...and gave way everywhere a person had been.
    assert_eq!(
        summary(&partner, moved).await.status.as_str(),
        "acknowledged"
    );
    assert_eq!(summary(&partner, opened).await.status.as_str(), "submitted");
    assert_eq!(summary(&partner, taken).await.status.as_str(), "submitted");
}

#[tokio::test]
async fn the_demo_without_its_automatic_handler_leaves_every_case_to_people() {
    use pulse_server::demo::DemoOptions;
    let app = TestServer::spawn_with(|config| {
        config.demo = Some(DemoOptions {
            acknowledge_after: Duration::from_millis(100),
            update_after: Duration::from_millis(100),
            auto_handler: false,
        })
    })
    .await;
    let partner = app.partner("anna@example.test").await;
    let id = partner.open_case("Waiting for a person").await.case.id;
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(summary(&partner, id).await.status.as_str(), "submitted");
}

#[tokio::test]
async fn two_handlers_at_once_one_wins_and_the_other_gets_the_fresh_case() {
    let app = TestServer::spawn().await;
    let partner = app.partner("anna@example.test").await;
    let first = app.handler("first@example.test").await;
    let second = app.handler("second@example.test").await;
    let id = partner.open_case("Who answers?").await.case.id;
    first.handle(id, "acknowledge", json!({})).await;
    let resolve = |who: &User, outcome: &str| {
        let who = who.clone();
        let outcome = outcome.to_owned();
        async move {
            who.post(
                &format!("/v1/handler/cases/{id}/resolve"),
                json!({ "outcome": outcome }),
            )
            .await
        }
    };
    let (a, b) = tokio::join!(resolve(&first, "Refunded"), resolve(&second, "Credited"));
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{} / {}", a.body, b.body);
    let (won, lost) = if a.status == 200 { (a, b) } else { (b, a) };
    assert_eq!(lost.code(), "invalid_transition");
    assert_eq!(lost.body["case"]["case"]["status"], "resolved");
    assert_eq!(lost.body["case"]["case"]["outcome"], won.body["outcome"]);
    // Nothing of the losing move was written.
    let seen: HandlerCaseDetail = first.get(&format!("/v1/handler/cases/{id}")).await.json();
    assert_eq!(
        seen.detail
            .timeline
            .iter()
            .filter(|e| e.kind.as_str() == "resolved")
            .count(),
        1
    );
}
