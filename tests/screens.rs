//! Every screen rendered from the app's root with a real engine (and, where the screen
//! needs one, a real pulse-server): the right texts, the right enabled and disabled
//! states, and what each outbox and case status shows.

mod helpers;

use std::time::Duration;

use helpers::*;
use pulse_client::{DraftContent, OutboxState};
use pulse_companion::i18n::{LANG, Language};
use pulse_protocol::wire::{Complainant, ContactDetails, ContactKind};
use serde_json::json;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Sends a new message and waits until the server has made it a case.
async fn send_and_wait_for_case(pulse: &pulse_client::Pulse, content: &DraftContent) -> uuid::Uuid {
    let draft = pulse.save_draft(None, content).await.unwrap();
    let item = pulse.send_draft(draft.id).await.unwrap();
    let mut case = None;
    eventually("the case", async || {
        if let OutboxState::Sent { case_id } = pulse.outbox_item(item.id).await.unwrap().state {
            case = Some(case_id);
        }
        case.is_some()
    })
    .await;
    case.unwrap()
}

/// Waits until the server has made the item a case.
async fn sent_case_of(pulse: &pulse_client::Pulse, item: uuid::Uuid) {
    eventually("the case", async || {
        matches!(
            pulse.outbox_item(item).await.unwrap().state,
            OutboxState::Sent { .. }
        )
    })
    .await;
}

/// Waits until everything the phone queued has reached the server.
async fn all_sent(pulse: &pulse_client::Pulse, what: &str) {
    eventually(what, async || {
        pulse
            .outbox()
            .await
            .unwrap()
            .iter()
            .all(|i| matches!(i.state, OutboxState::Sent { .. }))
    })
    .await;
}

/// Support acknowledges the case and resolves it with `outcome`.
async fn resolve(handler: &Handler, case: uuid::Uuid, outcome: &str) {
    handler.act(case, "acknowledge", json!({})).await;
    handler
        .act(case, "resolve", json!({ "outcome": outcome }))
        .await;
}

fn question(topic: &str, subtopic: &str, body: &str) -> DraftContent {
    DraftContent {
        topic: Some(topic.into()),
        subtopic: Some(subtopic.into()),
        body: body.into(),
        ..DraftContent::default()
    }
}

#[tokio::test]
async fn signed_out_the_app_asks_to_sign_in_and_waits_for_a_complete_form() {
    let device = Device::new();
    let pulse = device.open().await;
    let screen = Screen::open(&pulse, "/").await;
    let html = screen.html();
    assert!(html.contains("Sign in with your partner account"), "{html}");
    assert!(html.contains("Server address") && html.contains("Password"));
    assert!(is_disabled(&html, "sign-in-submit"), "no password yet");
    assert!(
        !html.contains("data-testid=\"tab-home\""),
        "no tabs before sign-in"
    );
}

#[tokio::test]
async fn without_a_keychain_the_sign_in_screen_says_the_session_will_not_be_remembered() {
    // This test process has no keychain the app can open (no Secret Service here), as
    // a desktop without one: the app falls back to memory and says so.
    let _in_memory = pulse_companion::platform::credentials();
    assert!(!pulse_companion::platform::remembers_session());
    let device = Device::new();
    let pulse = device.open().await;
    let html = Screen::open(&pulse, "/").await.html();
    assert!(
        html.contains("the session will not be remembered"),
        "{html}"
    );
}

#[tokio::test]
async fn signed_in_the_shell_has_four_tabs_and_home_greets_the_partner() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let html = Screen::open(&pulse, "/").await.html();
    for tab in ["Home", "Messages", "Notifications", "More"] {
        assert!(html.contains(tab), "tab {tab} in {html}");
    }
    assert!(html.contains("Hello, "), "{html}");
    assert!(html.contains("Send us a message"));
    assert!(html.contains("You have not written to partner support yet."));
    assert!(!html.contains("data-testid=\"offline-line\""));
    assert!(!html.contains("data-testid=\"waiting-line\""));
}

#[tokio::test]
async fn the_session_survives_a_restart_of_the_app() {
    let (_server, device, pulse) = signed_in(PARTNER).await;
    pulse.close();
    drop(pulse);
    let reopened = device.open().await;
    let html = Screen::open(&reopened, "/more").await.html();
    assert!(html.contains("data-testid=\"more-help\""), "{html}");
    assert!(!html.contains("sign-in-form"));
}

#[tokio::test]
async fn more_leads_to_help_drafts_the_outbox_and_settings() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let html = Screen::open(&pulse, "/more").await.html();
    for text in ["Help", "Drafts", "Waiting to send", "Settings"] {
        assert!(html.contains(text), "{text} in {html}");
    }
}

#[tokio::test]
async fn help_offers_every_way_to_reach_support_and_the_articles() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let html = Screen::open(&pulse, "/help").await.html();
    assert!(html.contains("data-testid=\"envelope\""), "{html}");
    assert!(html.contains("aria-label=\"Send us a message\""));
    assert!(html.contains("Report a technical issue"));
    assert!(html.contains("Submit a complaint"));
    assert!(
        html.contains("href=\"tel:+31207947000\""),
        "a tel: link for urgent matters"
    );
    assert!(html.contains("Are you a guest?"), "the guest note");
    for article in pulse_companion::views::help::ARTICLES {
        assert!(
            html.contains(&format!("data-testid=\"article-{article}\"")),
            "{article}"
        );
    }
}

#[tokio::test]
async fn help_search_matches_as_you_type_in_the_current_language() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let mut screen = Screen::open(&pulse, "/help").await;
    let mut found = Vec::new();
    screen
        .act(|| {
            use pulse_companion::views::help::search;
            found.push(search("mediat"));
            found.push(search("COMPLAINT"));
            found.push(search("no such words xyz"));
            found.push(search(""));
            *LANG.write() = Language::by_code("fr").unwrap_or(&pulse_companion::i18n::LANGUAGES[0]);
            found.push(search("reclamation"));
        })
        .await;
    assert!(found[0].contains(&"process"), "{:?}", found[0]);
    assert!(found[1].contains(&"complaint"), "{:?}", found[1]);
    assert!(found[2].is_empty());
    assert_eq!(found[3].len(), pulse_companion::views::help::ARTICLES.len());
    if Language::by_code("fr").is_some() {
        assert!(
            found[4].contains(&"complaint"),
            "accents are ignored: {:?}",
            found[4]
        );
    }
}

#[tokio::test]
async fn an_article_reads_in_paragraphs_with_the_way_to_act_on_it() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let html = Screen::open(&pulse, "/help/technical").await.html();
    assert!(html.matches("<p>").count() >= 3, "{html}");
    assert!(html.contains("Report a technical issue"));
}

#[tokio::test]
async fn a_new_message_starts_with_the_topic_and_cannot_be_sent_empty() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let html = Screen::open(&pulse, "/write/question/new").await.html();
    assert!(html.contains("Choose a topic"), "{html}");
    for topic in [
        "Rates and availability",
        "Reservations",
        "Receiving payouts",
        "Account",
    ] {
        assert!(html.contains(topic), "{topic}");
    }
    assert!(is_disabled(&html, "subtopic"), "no subtopic before a topic");
    assert!(is_disabled(&html, "send"));
    assert!(html.contains("accept=\"image/*,application/pdf\""));
    assert!(
        html.contains("capture=\"environment\""),
        "opens the camera on phones"
    );
    assert!(
        html.contains("data-testid=\"property\""),
        "the partner has two properties"
    );
    assert!(!html.contains("data-testid=\"reservation\""));
    assert!(
        !html.contains("field-error"),
        "no errors before the partner did anything"
    );
}

#[tokio::test]
async fn a_draft_comes_back_as_it_was_left_and_send_follows_validity() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let mut content = question(
        "reservations",
        "cancellations",
        "The guest cancelled twice.",
    );
    content.reservation_ref = "4815162342".into();
    let draft = pulse.save_draft(None, &content).await.unwrap();
    let html = Screen::open(&pulse, &format!("/write/question/{}", draft.id))
        .await
        .html();
    assert!(html.contains("The guest cancelled twice."), "{html}");
    assert!(
        html.contains("value=\"4815162342\""),
        "the confirmation number field"
    );
    assert!(html.contains("Cancellations"));
    assert!(html.contains("Draft saved on this phone"));
    assert!(!is_disabled(&html, "send"), "a complete draft may be sent");

    content.reservation_ref = "48-15".into();
    content.body = "   ".into();
    pulse.save_draft(Some(draft.id), &content).await.unwrap();
    let html = Screen::open(&pulse, &format!("/write/question/{}", draft.id))
        .await
        .html();
    assert!(is_disabled(&html, "send"));
    assert!(
        html.contains("A confirmation number has digits only."),
        "{html}"
    );
    assert!(html.contains("Write a message."));

    let html = Screen::open(&pulse, "/drafts").await.html();
    assert!(
        html.contains("Reservations") && html.contains("Edited just now"),
        "{html}"
    );
    let html = Screen::open(&pulse, "/write/question/new").await.html();
    assert!(html.contains("Continue your unfinished draft"), "{html}");
}

#[tokio::test]
async fn a_technical_report_shows_the_device_details_it_will_send() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let html = Screen::open(&pulse, "/write/technical_issue/new")
        .await
        .html();
    assert!(html.contains("Report a technical issue"), "{html}");
    assert!(
        html.contains("Account › Other"),
        "filed under account → other"
    );
    assert!(html.contains("data-testid=\"diagnostics\""));
    assert!(html.contains("App version") && html.contains(env!("CARGO_PKG_VERSION")));
    assert!(
        !html.contains("data-testid=\"topic\""),
        "no topic to choose"
    );
}

#[tokio::test]
async fn a_complaint_asks_who_is_complaining_and_how_to_reach_them() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let html = Screen::open(&pulse, "/write/complaint/new").await.html();
    for text in [
        "Who is complaining?",
        "I am the partner (owner or manager)",
        "I represent the partner",
        "Your name",
        "Phone number (optional)",
    ] {
        assert!(html.contains(text), "{text} in {html}");
    }
    let mut content = question("payouts", "payouts", "My payout is three weeks late.");
    content.kind = ContactKind::Complaint;
    content.contact = Some(ContactDetails {
        name: "Anna".into(),
        email: "not-an-address".into(),
        phone: None,
        complainant: Some(Complainant::Partner),
    });
    let draft = pulse.save_draft(None, &content).await.unwrap();
    let html = Screen::open(&pulse, &format!("/write/complaint/{}", draft.id))
        .await
        .html();
    assert!(
        html.contains("Enter your name and a valid email address."),
        "{html}"
    );
    assert!(is_disabled(&html, "send"));
}

#[tokio::test]
async fn after_send_the_item_shows_its_live_state_from_waiting_to_sent() {
    let (mut server, _device, pulse) = signed_in(PARTNER).await;
    server.down().await;
    let draft = pulse
        .save_draft(
            None,
            &question("payouts", "bank_details", "New IBAN for payouts."),
        )
        .await
        .unwrap();
    let item = pulse.send_draft(draft.id).await.unwrap();
    eventually("a failed attempt", async || {
        matches!(pulse.outbox_item(item.id).await.unwrap().state, OutboxState::Queued { attempts, .. } if attempts > 0)
    })
    .await;
    let html = Screen::open(&pulse, &format!("/sent/{}", item.id))
        .await
        .html();
    // No case yet, so no promise of a time: only that it will be shown.
    assert!(html.contains("data-testid=\"reply-pending\""), "{html}");
    assert!(html.contains("you will see here by when we aim to reply"));
    assert!(!html.contains("24 hours"));
    assert!(html.contains("data-state=\"queued\""));
    assert!(html.contains("Waiting for connection"));
    assert!(
        html.contains("data-testid=\"offline-line\""),
        "the top line says offline"
    );
    assert!(html.contains("One message waiting to send"));

    server.up().await;
    eventually("the message sent", async || {
        matches!(
            pulse.outbox_item(item.id).await.unwrap().state,
            OutboxState::Sent { .. }
        )
    })
    .await;
    let html = Screen::open(&pulse, &format!("/sent/{}", item.id))
        .await
        .html();
    assert!(html.contains("data-state=\"sent\""), "{html}");
    assert!(html.contains("View the message"));
    assert!(!html.contains("data-testid=\"waiting-line\""));
    // Now a case: the promise is the one the server set on it.
    assert!(html.contains("data-testid=\"reply-promise\""), "{html}");
    assert!(html.contains("We aim to reply by "), "{html}");
    assert!(!html.contains("data-testid=\"reply-pending\""));
}

#[tokio::test]
async fn a_message_waiting_to_leave_can_be_edited_or_cancelled_from_its_screens() {
    let (mut server, _device, pulse) = signed_in(PARTNER).await;
    let case = send_and_wait_for_case(&pulse, &question("payouts", "bank_details", "IBAN")).await;
    server.down().await;
    let queue = async |body: &str| {
        let draft = pulse
            .save_draft(None, &question("payouts", "bank_details", body))
            .await
            .unwrap();
        let item = pulse.send_draft(draft.id).await.unwrap();
        eventually("a try without a connection", async || {
            matches!(pulse.outbox_item(item.id).await.unwrap().state, OutboxState::Queued { attempts, .. } if attempts > 0)
        })
        .await;
        item.id
    };

    // Cancel from the "sent" screen.
    let first = queue("Sent too soon").await;
    let mut screen = Screen::open(&pulse, &format!("/sent/{first}")).await;
    assert!(
        screen.html().contains("Cancel sending"),
        "{}",
        screen.html()
    );
    screen.click("cancel-queued").await;
    assert!(pulse.outbox_item(first).await.is_err(), "cancelled");

    // Edit from the outbox: the message opens as a draft with its words.
    let second = queue("Half a thought").await;
    let mut screen = Screen::open(&pulse, "/outbox").await;
    screen.click("edit-queued").await;
    assert!(pulse.outbox_item(second).await.is_err());
    let html = screen.html();
    assert!(html.contains("data-testid=\"compose\""), "{html}");
    assert!(html.contains("Half a thought"), "{html}");

    // A reply waiting on its case goes back into the reply box.
    let reply = pulse
        .reply(case, "Wrong account numbr", vec![])
        .await
        .unwrap();
    let mut screen = Screen::open(&pulse, &format!("/messages/{case}")).await;
    screen.click("edit-queued").await;
    assert!(pulse.outbox_item(reply.id).await.is_err());
    assert!(
        screen.html().contains("Wrong account numbr"),
        "{}",
        screen.html()
    );
}

#[tokio::test]
async fn signing_out_with_nothing_unsent_asks_nothing() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let mut screen = Screen::open(&pulse, "/settings").await;
    screen.click("sign-out").await;
    eventually("signed out", async || {
        pulse.auth() == pulse_client::AuthState::SignedOut
    })
    .await;
    screen.settle().await;
    assert!(
        screen.html().contains("Sign in with your partner account"),
        "{}",
        screen.html()
    );
}

#[tokio::test]
async fn signing_out_with_unsent_messages_asks_send_keep_or_discard() {
    let (mut server, device, pulse) = signed_in(PARTNER).await;
    pulse
        .save_draft(None, &question("payouts", "bank_details", "Not finished"))
        .await
        .unwrap();
    server.down().await;
    let draft = pulse
        .save_draft(None, &question("payouts", "bank_details", "Waiting to go"))
        .await
        .unwrap();
    let item = pulse.send_draft(draft.id).await.unwrap();
    eventually("a try without a connection", async || {
        matches!(pulse.outbox_item(item.id).await.unwrap().state, OutboxState::Queued { attempts, .. } if attempts > 0)
    })
    .await;

    let mut screen = Screen::open(&pulse, "/more").await;
    screen.click("more-sign-out").await;
    let html = screen.html();
    assert!(
        html.contains("2 messages or drafts on this phone have not reached support yet."),
        "{html}"
    );
    for choice in [
        "Send them first, then sign out",
        "Keep them for my next sign-in",
        "Discard them and sign out",
        "Stay signed in",
    ] {
        assert!(html.contains(choice), "{choice}");
    }

    // Send first, with the server away: progress, and it can be called off.
    screen.click("sign-out-send-first").await;
    assert!(
        screen.html().contains("Sending one message…"),
        "{}",
        screen.html()
    );
    screen.click("sign-out-call-off").await;
    assert!(matches!(pulse.auth(), pulse_client::AuthState::SignedIn(_)));
    assert!(!screen.html().contains("sign-out-progress"));

    // Keep: signed out, and both stay on the phone for this account.
    screen.click("sign-out-keep").await;
    eventually("signed out", async || {
        pulse.auth() == pulse_client::AuthState::SignedOut
    })
    .await;
    let kept: i64 = device
        .database()
        .query_row(
            "SELECT (SELECT COUNT(*) FROM drafts) + (SELECT COUNT(*) FROM outbox)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, 2);

    // Back again, the kept message goes. Send first, with one more just written:
    // signed out once it has gone (the progress while the server is away is shown above).
    server.up().await;
    let pulse = device.signed_in(&server, PARTNER).await;
    sent_case_of(&pulse, item.id).await;
    pulse
        .send_draft(
            pulse
                .save_draft(None, &question("payouts", "bank_details", "One more"))
                .await
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    let mut screen = Screen::open(&pulse, "/more").await;
    screen.click("more-sign-out").await;
    if screen.html().contains("sign-out-send-first") {
        screen.click("sign-out-send-first").await;
    } else {
        // It went before the question was asked: only the draft is left to keep.
        screen.click("sign-out-keep").await;
    }
    eventually("sent, then signed out", async || {
        screen.settle().await;
        pulse.auth() == pulse_client::AuthState::SignedOut
    })
    .await;
    assert_eq!(server.handler().await.cases().await.len(), 2);
    // The unfinished draft was kept, not sent.
    let drafts: i64 = device
        .database()
        .query_row("SELECT COUNT(*) FROM drafts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(drafts, 1);
}

#[tokio::test]
async fn discarding_at_sign_out_leaves_nothing_of_the_account() {
    let (mut server, device, pulse) = signed_in(PARTNER).await;
    server.down().await;
    pulse
        .save_draft(None, &question("payouts", "bank_details", "Throw away"))
        .await
        .unwrap();
    let mut screen = Screen::open(&pulse, "/settings").await;
    screen.click("sign-out").await;
    assert!(
        screen.html().contains("One message or draft"),
        "{}",
        screen.html()
    );
    assert!(
        !screen.html().contains("sign-out-send-first"),
        "nothing waits to be sent"
    );
    screen.click("sign-out-discard").await;
    eventually("signed out", async || {
        pulse.auth() == pulse_client::AuthState::SignedOut
    })
    .await;
    let left: i64 = device
        .database()
        .query_row(
            "SELECT (SELECT COUNT(*) FROM drafts) + (SELECT COUNT(*) FROM outbox)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn messages_page_on_when_asked_and_a_search_finds_topic_words_and_numbers() {
    let (server, _device, pulse) = signed_in(PARTNER).await;
    for i in 0..51 {
        let body = if i == 7 {
            "The minibar fridge hums".to_owned()
        } else {
            format!("Question {i}")
        };
        let draft = pulse
            .save_draft(None, &question("reservations", "changes", &body))
            .await
            .unwrap();
        pulse.send_draft(draft.id).await.unwrap();
    }
    send_and_wait_for_case(&pulse, &question("payouts", "bank_details", "New IBAN")).await;
    all_sent(&pulse, "52 cases").await;

    // A phone that has not seen them: the first page, then the rest on "Show older".
    let other = Device::new();
    let fresh = other.signed_in(&server, PARTNER).await;
    let mut screen = Screen::open(&fresh, "/messages").await;
    eventually("the first page", async || {
        screen.settle().await;
        screen.html().matches("data-testid=\"case-row\"").count() == 50
    })
    .await;
    screen.click("messages-more").await;
    eventually("the older ones", async || {
        screen.settle().await;
        screen.html().matches("data-testid=\"case-row\"").count() == 52
    })
    .await;
    assert!(
        !screen.html().contains("messages-more"),
        "nothing older is left"
    );

    // Search on the phone that wrote them: by topic in the partner's language, by words.
    let mut screen = Screen::open(&pulse, "/messages").await;
    screen
        .type_into("messages-search", "receiving PAYOUTS")
        .await;
    assert_eq!(
        screen.html().matches("data-testid=\"case-row\"").count(),
        1,
        "{}",
        screen.html()
    );
    screen.type_into("messages-search", "minibar").await;
    assert_eq!(screen.html().matches("data-testid=\"case-row\"").count(), 1);
    screen
        .type_into("messages-search", "nothing like this")
        .await;
    assert!(
        screen
            .html()
            .contains("No message matches “nothing like this”."),
        "{}",
        screen.html()
    );
}

#[tokio::test]
async fn a_cases_photos_show_on_its_timeline_and_open_whole() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let photo = pulse
        .add_file(include_bytes!("../fixtures/photo.png"))
        .await
        .unwrap();
    let mut content = question("reservations", "changes", "The stain on the carpet");
    content.files = vec![photo.id];
    let case = send_and_wait_for_case(&pulse, &content).await;
    let mut screen = Screen::open(&pulse, &format!("/messages/{case}")).await;
    let html = screen.html();
    assert!(html.contains("data-testid=\"case-photo\""), "{html}");
    assert!(html.contains("src=\"data:image/png;base64,"), "{html}");
    assert!(!html.contains("photo-whole"));
    screen.click("case-photo").await;
    assert!(
        screen.html().contains("data-testid=\"photo-whole\""),
        "{}",
        screen.html()
    );
    screen.click("photo-close").await;
    assert!(!screen.html().contains("photo-whole"));
}

#[tokio::test]
async fn a_half_written_reply_and_comment_come_back_after_the_app_is_killed() {
    let (server, device, pulse) = signed_in(PARTNER).await;
    let handler = server.handler().await;
    let case = send_and_wait_for_case(&pulse, &question("payouts", "bank_details", "IBAN")).await;
    let path = format!("/messages/{case}");
    let mut screen = Screen::open(&pulse, &path).await;
    screen
        .type_into("reply", "The new IBAN starts with NL")
        .await;
    // The writer keeps it on its own time; give it a moment, then kill the app.
    eventually("the reply kept", async || {
        pulse
            .case_draft(case, pulse_client::CaseDraftKind::Reply)
            .await
            .unwrap()
            .is_some_and(|d| d.body == "The new IBAN starts with NL")
    })
    .await;
    drop(screen);
    pulse.close();
    drop(pulse);
    let pulse = device.open().await;
    let screen = Screen::open(&pulse, &path).await;
    assert!(
        screen.html().contains("The new IBAN starts with NL"),
        "{}",
        screen.html()
    );

    // Sent from the box: it is empty after, and stays so.
    let mut screen = screen;
    screen.click("reply-send").await;
    all_sent(&pulse, "the reply").await;
    screen.settle().await;
    assert!(
        !screen
            .html()
            .contains("The new IBAN starts with NL</textarea>")
    );
    assert_eq!(
        pulse
            .case_draft(case, pulse_client::CaseDraftKind::Reply)
            .await
            .unwrap(),
        None
    );

    // The comment on an outcome is kept the same way.
    resolve(&handler, case, "Updated.").await;
    let mut screen = Screen::open(&pulse, &path).await;
    screen.click("disagree").await;
    screen
        .type_into("disagree-comment", "The old account still shows")
        .await;
    eventually("the comment kept", async || {
        pulse
            .case_draft(case, pulse_client::CaseDraftKind::Comment)
            .await
            .unwrap()
            .is_some()
    })
    .await;
    drop(screen);
    let mut screen = Screen::open(&pulse, &path).await;
    assert!(
        screen.html().contains("The old account still shows"),
        "{}",
        screen.html()
    );
    screen.click("disagree-send").await;
    all_sent(&pulse, "the disagreement").await;
    assert_eq!(
        pulse
            .case_draft(case, pulse_client::CaseDraftKind::Comment)
            .await
            .unwrap(),
        None
    );
    assert_eq!(handler.cases().await[0]["status"], "disputed");
}

#[tokio::test]
async fn a_refused_message_shows_the_reason_and_can_be_retried_edited_or_discarded() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let mut content = question("statistics", "analytics", "Where did my views go?");
    content.property_id = Some(999_999);
    let draft = pulse.save_draft(None, &content).await.unwrap();
    let item = pulse.send_draft(draft.id).await.unwrap();
    eventually("the refusal", async || {
        matches!(
            pulse.outbox_item(item.id).await.unwrap().state,
            OutboxState::Failed { .. }
        )
    })
    .await;
    for path in [format!("/sent/{}", item.id), "/outbox".to_owned()] {
        let html = Screen::open(&pulse, &path).await.html();
        assert!(html.contains("data-state=\"failed\""), "{html}");
        assert!(
            html.contains("Not sent: This property is not on your account."),
            "{html}"
        );
        for action in ["Try again", "Edit", "Discard"] {
            assert!(html.contains(action), "{action}");
        }
    }
}

#[tokio::test]
async fn a_message_the_server_keeps_failing_shows_as_stuck_with_try_again_and_discard() {
    let (server, _device, pulse) = signed_in(PARTNER).await;
    // The server can no longer store files: each upload answers 500.
    let files = server.dir.path().join("attachments");
    let away = server.dir.path().join("attachments-away");
    std::fs::rename(&files, &away).unwrap();
    std::fs::write(&files, b"not a folder").unwrap();
    let photo = pulse
        .add_file(include_bytes!("../fixtures/photo.jpg"))
        .await
        .unwrap();
    let mut content = question("payouts", "payouts", "The payout report, attached.");
    content.files = vec![photo.id];
    let draft = pulse.save_draft(None, &content).await.unwrap();
    let item = pulse.send_draft(draft.id).await.unwrap();
    eventually("stuck", async || {
        pulse.outbox_item(item.id).await.unwrap().is_stuck()
    })
    .await;
    let mut screen = Screen::open(&pulse, "/outbox").await;
    let html = screen.html();
    assert!(html.contains("data-state=\"stuck\""), "{html}");
    assert!(
        html.contains("Stuck: Something went wrong on our side."),
        "{html}"
    );
    assert!(
        html.contains("Try again") && html.contains("Discard"),
        "{html}"
    );
    assert!(
        !html.contains("data-testid=\"edit\""),
        "a queued item is not edited: {html}"
    );

    // Mended, and tried again from the screen's own button: it goes.
    std::fs::remove_file(&files).unwrap();
    std::fs::rename(&away, &files).unwrap();
    screen.click("retry").await;
    eventually("sent after the retry", async || {
        matches!(
            pulse.outbox_item(item.id).await.unwrap().state,
            OutboxState::Sent { .. }
        )
    })
    .await;
}

#[tokio::test]
async fn a_case_shows_each_status_and_what_the_partner_can_do_then() {
    let (server, _device, pulse) = signed_in(PARTNER).await;
    let handler = server.handler().await;
    let case = send_and_wait_for_case(
        &pulse,
        &question(
            "guest_reviews",
            "guest_comment",
            "A review mentions another hotel.",
        ),
    )
    .await;
    let path = format!("/messages/{case}");

    let html = Screen::open(&pulse, &path).await.html();
    assert!(html.contains("data-status=\"submitted\""), "{html}");
    assert!(html.contains("You sent your message"));
    assert!(!is_disabled(&html, "reply-send") || html.contains("data-testid=\"reply\""));

    handler
        .act(
            case,
            "acknowledge",
            json!({"expected_next": "We will read the review."}),
        )
        .await;
    handler
        .act(
            case,
            "messages",
            json!({"body": "Which review is it?", "request_info": true}),
        )
        .await;
    let html = Screen::open(&pulse, &path).await.html();
    assert!(html.contains("data-status=\"awaiting_partner\""), "{html}");
    assert!(html.contains("Partner support needs more information"));
    assert!(html.contains("data-testid=\"info-needed\""));
    assert!(html.contains("Which review is it?"));
    assert!(is_disabled(&html, "reply-send"), "nothing typed yet");

    pulse
        .reply(case, "The one from 3 May.", Vec::new())
        .await
        .unwrap();
    all_sent(&pulse, "the reply sent").await;
    handler
        .act(
            case,
            "resolve",
            json!({"outcome": "The review was removed."}),
        )
        .await;
    let html = Screen::open(&pulse, &path).await.html();
    assert!(html.contains("data-status=\"resolved\""), "{html}");
    assert!(html.contains("Outcome: The review was removed."));
    assert!(html.contains("Accept the outcome") && html.contains("I disagree"));
    assert!(!html.contains("data-testid=\"mediation-offer\""));

    pulse
        .answer_resolution(case, false, Some("It is still online."))
        .await
        .unwrap();
    all_sent(&pulse, "the disagreement sent").await;
    let html = Screen::open(&pulse, &path).await.html();
    assert!(html.contains("data-status=\"disputed\""), "{html}");
    assert!(
        html.contains("data-testid=\"mediation-offer\""),
        "EEA partners are offered mediation"
    );

    let html = Screen::open(&pulse, "/messages").await.html();
    assert!(
        html.contains("Guest reviews") && html.contains("Disagreed"),
        "{html}"
    );

    let html = Screen::open(&pulse, "/notifications").await.html();
    assert!(
        html.contains("More information is needed on Guest reviews."),
        "{html}"
    );
    assert!(html.contains("Your case about Guest reviews is resolved."));
}

/// Moves the phone's copy of a case's promise of a reply to `due`, as if the server
/// had set it so.
fn reply_due_in_cache(device: &Device, case: uuid::Uuid, due: OffsetDateTime) {
    let due = due.format(&Rfc3339).unwrap();
    let changed = device
        .database()
        .execute(
            "UPDATE cases SET summary = json_set(summary, '$.reply_due_at', ?2) WHERE id = ?1",
            rusqlite::params![case.to_string(), due],
        )
        .unwrap();
    assert_eq!(changed, 1, "the case is cached");
}

/// "Friday 14:05", as the screen writes a moment on the app's clock.
fn weekday_and_time(at: OffsetDateTime) -> String {
    let local = at.to_offset(pulse_companion::platform::local_offset());
    format!(
        "{} {:02}:{:02}",
        local.weekday(),
        local.hour(),
        local.minute()
    )
}

/// "14:05" on the app's clock.
fn clock(at: OffsetDateTime) -> String {
    let local = at.to_offset(pulse_companion::platform::local_offset());
    format!("{:02}:{:02}", local.hour(), local.minute())
}

#[tokio::test]
async fn a_case_says_by_when_support_aims_to_reply_and_that_the_reply_is_late_once_it_is() {
    let (mut server, device, pulse) = signed_in(PARTNER).await;
    let handler = server.handler().await;
    let case = send_and_wait_for_case(
        &pulse,
        &question("payouts", "bank_details", "Where is my payout?"),
    )
    .await;
    let path = format!("/messages/{case}");

    // As the server set it on the new case, with the case's number in the header.
    let html = Screen::open(&pulse, &path).await.html();
    assert!(html.contains("data-testid=\"reply-promise\""), "{html}");
    assert!(html.contains("We aim to reply by "), "{html}");
    assert!(!html.contains("24 hours"));
    let number = pulse_protocol::input::case_number(case);
    assert!(html.contains(&format!("Case {number}")), "{html}");

    // From here the phone's copy, the server being away, with the promise moved.
    server.down().await;
    let now = OffsetDateTime::now_utc();
    let tomorrow = now + time::Duration::days(1);
    reply_due_in_cache(&device, case, tomorrow);
    let html = Screen::open(&pulse, &path).await.html();
    let promise = format!("We aim to reply by {} tomorrow.", clock(tomorrow));
    assert!(html.contains(&promise), "{promise} in {html}");

    let in_three_days = now + time::Duration::days(3);
    reply_due_in_cache(&device, case, in_three_days);
    let html = Screen::open(&pulse, &path).await.html();
    let promise = format!("We aim to reply by {}.", weekday_and_time(in_three_days));
    assert!(html.contains(&promise), "{promise} in {html}");
    assert!(!html.contains("data-testid=\"reply-late\""));

    // Passed: said plainly, with the time that was promised.
    let yesterday = now - time::Duration::days(1);
    reply_due_in_cache(&device, case, yesterday);
    let html = Screen::open(&pulse, &path).await.html();
    let late = format!(
        "Our reply is late — we aimed to reply by {} yesterday. We are on it.",
        clock(yesterday)
    );
    assert!(html.contains("data-testid=\"reply-late\""), "{html}");
    assert!(html.contains(&late), "{late} in {html}");
    assert!(!html.contains("data-testid=\"reply-promise\""));

    let three_days_ago = now - time::Duration::days(3);
    reply_due_in_cache(&device, case, three_days_ago);
    let html = Screen::open(&pulse, &path).await.html();
    let late = format!(
        "Our reply is late — we aimed to reply by {}. We are on it.",
        weekday_and_time(three_days_ago)
    );
    assert!(html.contains(&late), "{late} in {html}");

    // In another language, the same promise in its own words and weekday names.
    reply_due_in_cache(&device, case, in_three_days);
    pulse.set_preference("language", Some("nl")).await.unwrap();
    let html = Screen::open(&pulse, &path).await.html();
    assert!(html.contains("We streven ernaar uiterlijk "), "{html}");
    assert!(html.contains(&format!("Zaak {number}")));
    pulse.set_preference("language", Some("en")).await.unwrap();

    // Support asks for information: no reply is due, the case waits on the partner.
    server.up().await;
    handler.act(case, "acknowledge", json!({})).await;
    handler
        .act(
            case,
            "messages",
            json!({"body": "Which bank account?", "request_info": true}),
        )
        .await;
    let html = Screen::open(&pulse, &path).await.html();
    assert!(html.contains("data-testid=\"info-needed\""), "{html}");
    assert!(!html.contains("data-testid=\"reply-promise\""), "{html}");
    assert!(!html.contains("data-testid=\"reply-late\""));
}

#[tokio::test]
async fn outside_the_eea_a_disputed_case_offers_no_mediation() {
    let (server, _device, pulse) = signed_in(PARTNER_OUTSIDE_EEA).await;
    let handler = server.handler().await;
    let case = send_and_wait_for_case(
        &pulse,
        &question(
            "invoices_commission",
            "commission",
            "Commission looks doubled.",
        ),
    )
    .await;
    resolve(&handler, case, "It was correct.").await;
    pulse
        .answer_resolution(case, false, Some("It was not."))
        .await
        .unwrap();
    all_sent(&pulse, "sent").await;
    let html = Screen::open(&pulse, &format!("/messages/{case}"))
        .await
        .html();
    assert!(html.contains("data-status=\"disputed\""), "{html}");
    assert!(!html.contains("data-testid=\"mediation-offer\""));
}

#[tokio::test]
async fn notifications_show_an_unread_badge_until_read() {
    let (server, _device, pulse) = signed_in(PARTNER).await;
    let handler = server.handler().await;
    let case =
        send_and_wait_for_case(&pulse, &question("account", "password", "Locked out.")).await;
    handler.act(case, "acknowledge", json!({})).await;
    eventually("the notification", async || {
        pulse.unread_notifications().await.unwrap() == 1
    })
    .await;
    let html = Screen::open(&pulse, "/notifications").await.html();
    assert!(html.contains("class=\"badge\""), "{html}");
    assert!(html.contains("One unread notification"));
    assert!(html.contains("data-read=\"false\""));
    assert!(html.contains("Mark all as read"));
    pulse.mark_read(pulse_client::ReadScope::All).await.unwrap();
    let html = Screen::open(&pulse, "/notifications").await.html();
    assert!(!html.contains("class=\"badge\""), "{html}");
    assert!(html.contains("data-read=\"true\""));
}

#[tokio::test]
async fn settings_show_the_language_account_server_and_version() {
    let (server, _device, pulse) = signed_in(PARTNER).await;
    let html = Screen::open(&pulse, "/settings").await.html();
    assert!(html.contains("Phone&#39;s language"), "{html}");
    assert!(html.contains(PARTNER));
    assert!(html.contains(&server.url()));
    assert!(html.contains(&format!("Version {}", env!("CARGO_PKG_VERSION"))));
    for language in pulse_companion::i18n::LANGUAGES {
        assert!(
            html.contains(&format!("value=\"{}\"", language.code)),
            "{}",
            language.code
        );
    }
}

#[tokio::test]
async fn settings_say_plainly_when_this_device_cannot_show_notifications() {
    // A desktop build has no pushes (the phones' come with native_push, the browser's
    // with its Push API): Settings says so, and offers nothing to turn on.
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let html = Screen::open(&pulse, "/settings").await.html();
    assert!(html.contains("data-state=\"unavailable\""), "{html}");
    assert!(html.contains("Not available on this device."), "{html}");
    assert!(!html.contains("data-testid=\"push-turn-on\""));
    assert!(!html.contains("data-testid=\"push-error\""));
    assert_eq!(pulse.push_device(), None);
}

#[tokio::test]
async fn a_language_switch_redraws_every_text_at_once_and_is_remembered() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    let Some(swedish) = Language::by_code("sv") else {
        return;
    };
    let mut screen = Screen::open(&pulse, "/more").await;
    pulse.set_preference("language", Some("sv")).await.unwrap();
    screen
        .act(move || {
            *LANG.write() = swedish;
        })
        .await;
    let html = screen.html();
    assert!(html.contains("lang=\"sv\""), "{html}");
    assert!(!html.contains(">Settings<"), "{html}");
    // Remembered: a new start speaks Swedish too.
    let html = Screen::open(&pulse, "/more").await.html();
    assert!(html.contains("lang=\"sv\""));
    tokio::time::sleep(Duration::from_millis(1)).await;
}

#[tokio::test]
async fn a_half_typed_complaint_email_is_refused_inline_and_nothing_is_queued() {
    let (server, _device, pulse) = signed_in(PARTNER).await;
    let mut screen = Screen::open(&pulse, "/write/complaint/new").await;
    screen.choose("complainant-partner", "partner").await;
    screen.type_into("contact-name", "Anna de Vries").await;
    screen.type_into("contact-email", "a@").await;
    screen.choose("topic", "payouts").await;
    screen.choose("subtopic", "payouts").await;
    screen
        .type_into("message", "My payout is three weeks late.")
        .await;
    let html = screen.html();
    assert!(
        html.contains("data-testid=\"error-contact\"")
            && html.contains("This email address is not complete."),
        "{html}"
    );
    assert!(
        is_disabled(&html, "send"),
        "the phone refuses it before Send"
    );
    assert!(pulse.outbox().await.unwrap().is_empty(), "nothing queued");
    assert_eq!(pulse.drafts().await.unwrap().len(), 1, "kept as a draft");

    // Completed, the same form sends it, and the server gets it once.
    screen
        .type_into("contact-email", "anna@canalhouse.nl")
        .await;
    let html = screen.html();
    assert!(!html.contains("data-testid=\"error-contact\""), "{html}");
    screen.click("send").await;
    assert!(screen.html().contains("data-testid=\"sent\""));
    let handler = server.handler().await;
    eventually("the complaint on the server", async || {
        handler.cases().await.len() == 1
    })
    .await;
    assert_eq!(handler.cases().await[0]["kind"], "complaint");
}

#[tokio::test]
async fn an_accepted_outcome_leaves_no_reply_box_and_nothing_else_to_do() {
    let (server, _device, pulse) = signed_in(PARTNER).await;
    let handler = server.handler().await;
    let case = send_and_wait_for_case(
        &pulse,
        &question(
            "invoices_commission",
            "invoices",
            "The invoice counts a night twice.",
        ),
    )
    .await;
    resolve(&handler, case, "The invoice was corrected.").await;
    let mut screen = Screen::open(&pulse, &format!("/messages/{case}")).await;
    let html = screen.html();
    assert!(html.contains("data-status=\"resolved\""), "{html}");
    assert!(
        html.contains("data-testid=\"reply-box\""),
        "a resolved case takes a note"
    );

    screen.click("accept").await;
    all_sent(&pulse, "the acceptance sent").await;
    screen.settle().await;
    let html = screen.html();
    assert!(html.contains("data-status=\"accepted\""), "{html}");
    for gone in ["reply-box", "accept", "disagree", "mediation-offer"] {
        assert!(
            !html.contains(&format!("data-testid=\"{gone}\"")),
            "{gone} on an accepted case: {html}"
        );
    }
}

#[tokio::test]
async fn an_action_the_phone_cannot_store_says_so_in_the_partners_language() {
    let (_server, device, pulse) = signed_in(PARTNER).await;
    let Some(french) = Language::by_code("fr") else {
        return;
    };
    pulse.set_preference("language", Some("fr")).await.unwrap();
    let mut content = question("statistics", "analytics", "Where did my views go?");
    content.property_id = Some(999_999);
    let draft = pulse.save_draft(None, &content).await.unwrap();
    let item = pulse.send_draft(draft.id).await.unwrap();
    eventually("the refusal", async || {
        matches!(
            pulse.outbox_item(item.id).await.unwrap().state,
            OutboxState::Failed { .. }
        )
    })
    .await;
    let mut screen = Screen::open(&pulse, "/outbox").await;
    assert!(!screen.html().contains("data-testid=\"action-failed\""));

    // The phone's storage refuses to let go of the item.
    device
        .database()
        .execute_batch(
            "CREATE TRIGGER outbox_stuck BEFORE DELETE ON outbox
             BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;",
        )
        .unwrap();
    screen.click("discard").await;
    let html = screen.html();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("reason", french.format("error-storage", None));
    let said = french.format("action-failed", Some(&args));
    assert!(html.contains("data-testid=\"action-failed\""), "{html}");
    assert!(html.contains(&said), "{said:?} in {html}");
    assert_eq!(
        html.matches("data-testid=\"outbox-item\"").count(),
        1,
        "the item is still there, as it is"
    );
    screen.click("action-failed-close").await;
    assert!(!screen.html().contains("data-testid=\"action-failed\""));
}

#[tokio::test]
async fn drafts_that_cannot_be_read_show_an_error_not_an_empty_list() {
    let (_server, device, pulse) = signed_in(PARTNER).await;
    pulse
        .save_draft(None, &question("payouts", "payouts", "Half written"))
        .await
        .unwrap();
    device
        .database()
        .execute("UPDATE drafts SET content = '{'", [])
        .unwrap();
    let mut screen = Screen::open(&pulse, "/drafts").await;
    let html = screen.html();
    assert!(html.contains("data-testid=\"screen-error\""), "{html}");
    assert!(
        html.contains(
            "This cannot be shown. This phone&#39;s storage could not be read or written."
        ),
        "{html}"
    );
    assert!(!html.contains("No drafts."), "not an empty list: {html}");

    // Repaired, "Try again" reads it.
    pulse
        .save_draft(None, &question("payouts", "payouts", "Written again"))
        .await
        .unwrap();
    device
        .database()
        .execute("DELETE FROM drafts WHERE content = '{'", [])
        .unwrap();
    screen.click("screen-error-retry").await;
    let html = screen.html();
    assert!(!html.contains("data-testid=\"screen-error\""), "{html}");
    assert!(html.contains("Written again"), "{html}");
}

#[tokio::test]
async fn the_sign_in_screen_asks_only_email_and_password_and_offers_a_way_back_in() {
    let device = Device::new();
    let pulse = device.open().await;
    let html = Screen::open(&pulse, "/").await.html();
    // The server is the build's: its field waits behind a closed "Advanced".
    let at = html.find("<details").expect("an Advanced section");
    let tag = &html[at..at + html[at..].find('>').unwrap()];
    assert!(
        tag.contains("sign-in-advanced") && !tag.contains("open"),
        "{tag}"
    );
    let advanced = &html[at..at + html[at..].find("</details>").unwrap()];
    assert!(advanced.contains("id=\"server\""), "{advanced}");
    let outside = html.replace(advanced, "");
    assert!(outside.contains("id=\"email\"") && outside.contains("id=\"password\""));
    assert!(!outside.contains("id=\"server\""));
    assert!(html.contains("Forgot your password?"), "{html}");
}

#[tokio::test]
async fn forgot_password_answers_alike_for_any_address() {
    let (_server, _device, pulse) = signed_in(PARTNER).await;
    pulse.sign_out(pulse_client::OnSignOut::Keep).await.unwrap();
    let html = Screen::open(&pulse, "/forgot-password").await.html();
    assert!(html.contains("We send you a link"), "{html}");
    for address in [PARTNER, "nobody@example.com"] {
        let mut screen = Screen::open(&pulse, "/forgot-password").await;
        screen.type_into("forgot-email", address).await;
        screen.submit("forgot-form", "forgot-submit").await;
        let mut html = screen.html();
        for _ in 0..50 {
            if html.contains("data-testid=\"forgot-sent\"") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
            screen.settle().await;
            html = screen.html();
        }
        assert!(
            html.contains(&format!("If an account uses {address}, an e-mail")),
            "{html}"
        );
    }
}

#[tokio::test]
async fn changing_the_password_shows_each_rule_in_the_partners_words() {
    let (server, _device, pulse) = signed_in(PARTNER).await;
    let mut screen = Screen::open(&pulse, "/settings").await;
    screen.click("change-password").await;
    screen
        .type_into("current-password", pulse_server::demo::DEMO_PASSWORD)
        .await;

    screen.type_into("new-password", "short").await;
    let html = screen.html();
    assert!(
        html.contains("A password needs at least 8 characters."),
        "{html}"
    );
    assert!(is_disabled(&html, "change-password-submit"));

    screen.type_into("new-password", &"x".repeat(129)).await;
    assert!(
        screen
            .html()
            .contains("A password can have at most 128 characters.")
    );
    assert!(is_disabled(&screen.html(), "change-password-submit"));

    // Long enough, but on the server's list: its refusal, in the same words.
    screen.type_into("new-password", "password123").await;
    assert!(
        !screen
            .html()
            .contains("data-testid=\"new-password-problem\"")
    );
    screen
        .submit("change-password-form", "change-password-submit")
        .await;
    eventually("the refusal", async || {
        screen.settle().await;
        screen
            .html()
            .contains("one of the most common or leaked ones")
    })
    .await;

    // The current one wrong: said so, nothing changed.
    screen
        .type_into("current-password", "not my password")
        .await;
    screen
        .type_into("new-password", "tulips by the canal")
        .await;
    screen
        .submit("change-password-form", "change-password-submit")
        .await;
    eventually("wrong current password", async || {
        screen.settle().await;
        screen
            .html()
            .contains("data-testid=\"change-password-error\"")
    })
    .await;

    screen
        .type_into("current-password", pulse_server::demo::DEMO_PASSWORD)
        .await;
    screen
        .submit("change-password-form", "change-password-submit")
        .await;
    eventually("the change", async || {
        screen.settle().await;
        screen.html().contains("Your password is changed.")
    })
    .await;
    // This device stays signed in; the new password is the one that works.
    assert!(screen.html().contains("data-testid=\"sign-out\""));
    let other = Device::new().open().await;
    assert!(
        other
            .sign_in(&server.url(), PARTNER, pulse_server::demo::DEMO_PASSWORD)
            .await
            .is_err()
    );
    other
        .sign_in(&server.url(), PARTNER, "tulips by the canal")
        .await
        .expect("the new password signs in");
}
