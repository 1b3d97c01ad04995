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
    assert!(html.contains("We aim to reply within 24 hours."), "{html}");
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
