//! The JSON that crosses the network between app and server. Raw strings in requests
//! are parsed into [`crate::input`] types by whoever receives them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::lifecycle::{Actor, CaseStatus};
use crate::topics::TopicId;

/// Header carrying the client-made key that makes a write safe to resend.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// `POST /v1/sessions`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

/// A new session: the bearer token is shown once and stored by the server only as a hash.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    pub token: String,
    pub account: Account,
}

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    pub id: i64,
    pub role: Actor,
    pub name: String,
    pub email: String,
    /// ISO 3166-1 alpha-2; empty for handlers.
    pub country: String,
    pub in_eea: bool,
    pub properties: Vec<Property>,
}

/// A property (hotel, apartment…) a partner manages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Property {
    pub id: i64,
    pub name: String,
}

/// One entry of `GET /v1/topics`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TopicEntry {
    pub id: TopicId,
    pub subtopics: Vec<String>,
    pub asks_for_reservation: bool,
}

impl TopicEntry {
    /// The whole catalog as the API serves it.
    pub fn catalog() -> Vec<TopicEntry> {
        crate::topics::CATALOG
            .iter()
            .map(|t| TopicEntry {
                id: t.id,
                subtopics: t.subtopics.iter().map(|s| s.to_string()).collect(),
                asks_for_reservation: t.asks_for_reservation,
            })
            .collect()
    }
}

/// `POST /v1/attachments` answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentRef {
    pub id: Uuid,
    pub media_type: String,
    pub size: u64,
}

/// What kind of contact a case is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Question,
    TechnicalIssue,
    Complaint,
}

impl ContactKind {
    pub const ALL: [ContactKind; 3] = [
        ContactKind::Question,
        ContactKind::TechnicalIssue,
        ContactKind::Complaint,
    ];

    /// The stable wire id, e.g. `technical_issue`.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Question => "question",
            ContactKind::TechnicalIssue => "technical_issue",
            ContactKind::Complaint => "complaint",
        }
    }

    /// Parses a wire id.
    pub fn from_wire(s: &str) -> Option<ContactKind> {
        ContactKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who is complaining and how to reach them (the dispute-resolution form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactDetails {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 254))]
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub phone: Option<String>,
    /// Who is complaining, as the dispute-resolution form asks first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complainant: Option<Complainant>,
}

/// The complainant's relation to the partner's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Complainant {
    /// The partner: the owner or manager of the property.
    Partner,
    /// Someone working for the partner.
    Staff,
    /// Someone representing the partner (a lawyer, an agency…).
    Representative,
}

impl Complainant {
    pub const ALL: [Complainant; 3] = [
        Complainant::Partner,
        Complainant::Staff,
        Complainant::Representative,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Complainant::Partner => "partner",
            Complainant::Staff => "staff",
            Complainant::Representative => "representative",
        }
    }
}

/// `POST /v1/cases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCase {
    pub kind: ContactKind,
    /// One of the topics (`GET /v1/topics`).
    #[cfg_attr(feature = "openapi", schema(value_type = crate::topics::TopicId))]
    pub topic: String,
    /// One of that topic's subtopics.
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub subtopic: String,
    /// One of the partner's properties. The server also takes it as a whole-number
    /// float (`7.0`, which JSON Schema counts as the integer 7); the app, which only
    /// reads what it wrote, has no need of that reader.
    #[serde(default)]
    #[cfg_attr(feature = "server", serde(deserialize_with = "whole_number"))]
    pub property_id: Option<i64>,
    /// Blank, or a confirmation number of up to 20 digits (spaces between are dropped).
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^[ \t\n\f\r]*([0-9][ \t\n\f\r]*){0,20}$")
    )]
    pub reservation_ref: Option<String>,
    /// What the partner wrote: visible text, at most 5,000 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub body: String,
    /// Files this partner uploaded and has not sent yet, at most 5.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub attachment_ids: Vec<Uuid>,
    #[serde(with = "time::serde::rfc3339")]
    pub client_created_at: OffsetDateTime,
    /// Device facts attached to a technical issue (app version, OS, model…): at most
    /// 32, keys of up to 64 characters, values of up to 500.
    #[serde(default)]
    pub diagnostics: Option<BTreeMap<String, String>>,
    /// For complaints: who complains and how to reach them.
    #[serde(default)]
    pub contact: Option<ContactDetails>,
}

/// A case as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseSummary {
    pub id: Uuid,
    pub kind: ContactKind,
    pub topic: TopicId,
    pub subtopic: String,
    pub property_id: Option<i64>,
    pub reservation_ref: Option<String>,
    pub status: CaseStatus,
    pub outcome: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub last_activity_at: OffsetDateTime,
    /// Id of the newest event on the case.
    pub last_event_id: i64,
    /// Events from support the partner has not seen (opening the case reads them).
    pub unread_count: i64,
}

/// `GET /v1/cases` page, newest activity first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CasePage {
    pub cases: Vec<CaseSummary>,
    /// Pass as `?cursor=` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// `GET /v1/cases/{id}`: the case and everything that happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseDetail {
    pub case: CaseSummary,
    /// What support said to expect next, when it acknowledged the case.
    pub expected_next: Option<String>,
    pub diagnostics: Option<BTreeMap<String, String>>,
    pub contact: Option<ContactDetails>,
    /// Whether the partner may ask for mediation now.
    pub mediation_offered: bool,
    pub timeline: Vec<CaseEvent>,
    /// When the case has more events than one answer carries (the newest 200): pass
    /// this as `?before=` to `GET /v1/cases/{id}/timeline` for the ones before
    /// `timeline`'s first. Absent when `timeline` starts with the case's first event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier: Option<i64>,
}

/// What an event did to its case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Submitted,
    Acknowledged,
    Update,
    InfoRequested,
    Reply,
    Resolved,
    Accepted,
    Disputed,
    MediationRequested,
    Closed,
}

impl EventKind {
    /// The SSE `event:` name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Submitted => "submitted",
            EventKind::Acknowledged => "acknowledged",
            EventKind::Update => "update",
            EventKind::InfoRequested => "info_requested",
            EventKind::Reply => "reply",
            EventKind::Resolved => "resolved",
            EventKind::Accepted => "accepted",
            EventKind::Disputed => "disputed",
            EventKind::MediationRequested => "mediation_requested",
            EventKind::Closed => "closed",
        }
    }

    pub const ALL: [EventKind; 10] = [
        EventKind::Submitted,
        EventKind::Acknowledged,
        EventKind::Update,
        EventKind::InfoRequested,
        EventKind::Reply,
        EventKind::Resolved,
        EventKind::Accepted,
        EventKind::Disputed,
        EventKind::MediationRequested,
        EventKind::Closed,
    ];

    pub fn from_wire(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The event a lifecycle move leaves in the log.
    pub fn of(mv: crate::lifecycle::Move) -> EventKind {
        use crate::lifecycle::Move;
        match mv {
            Move::Submit => EventKind::Submitted,
            Move::Acknowledge => EventKind::Acknowledged,
            Move::PostUpdate => EventKind::Update,
            Move::RequestInfo => EventKind::InfoRequested,
            Move::Reply => EventKind::Reply,
            Move::Resolve => EventKind::Resolved,
            Move::Accept => EventKind::Accepted,
            Move::Dispute => EventKind::Disputed,
            Move::RequestMediation => EventKind::MediationRequested,
            Move::Close => EventKind::Closed,
        }
    }
}

/// Who wrote or did something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Author {
    pub role: Actor,
    pub name: String,
}

/// One change to a case: an entry of its timeline and of the event stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseEvent {
    /// Monotonic over the whole server: the stream's `id:` and resume point.
    pub id: i64,
    pub case_id: Uuid,
    pub kind: EventKind,
    /// The case's status after this event.
    pub status: CaseStatus,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub author: Author,
    pub body: Option<String>,
    #[serde(default)]
    pub attachments: Vec<AttachmentRef>,
    pub outcome: Option<String>,
    pub expected_next: Option<String>,
}

/// `GET /v1/cases/{id}/timeline?before=N`: a case's events before event N, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelinePage {
    pub events: Vec<CaseEvent>,
    /// Pass as `?before=` for the page before this one; absent on the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earlier: Option<i64>,
}

/// `GET /v1/events?after=N` as JSON: catch-up after a break.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventPage {
    pub events: Vec<CaseEvent>,
    /// The id to ask after next time (the last event's, or the request's `after`).
    pub last_event_id: i64,
    /// Whether more events wait beyond this page.
    pub more: bool,
}

/// `POST /v1/cases/{id}/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReply {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub body: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub attachment_ids: Vec<Uuid>,
}

/// `POST /v1/cases/{id}/resolution`: the partner's answer to an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResolutionAnswer {
    pub accept: bool,
    /// Why the partner disagrees; required when `accept` is false.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub comment: Option<String>,
}

/// `POST /v1/handler/cases/{id}/acknowledge`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Acknowledge {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub expected_next: Option<String>,
}

/// `POST /v1/handler/cases/{id}/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandlerMessage {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub body: String,
    /// Ask the partner for more information (the case then awaits the partner).
    #[serde(default)]
    pub request_info: bool,
}

/// `POST /v1/handler/cases/{id}/resolve`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Resolve {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub outcome: String,
}

/// A case as the handler's queue shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandlerCase {
    pub case: CaseSummary,
    pub partner_id: i64,
    pub partner_name: String,
    pub partner_in_eea: bool,
}

/// `GET /v1/handler/cases` page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandlerCasePage {
    pub cases: Vec<HandlerCase>,
    pub next_cursor: Option<String>,
}

/// Most cases in one `POST /v1/cases/batch`.
pub const MAX_BATCH_CASES: usize = 100;

/// One case of a batch, with the key that makes it safe to resend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeyedCase {
    pub key: Uuid,
    pub case: NewCase,
}

/// `POST /v1/cases/batch`: several cases at once, created in the order given. Each
/// follows the rules of `POST /v1/cases` under its own key; one refused case does not
/// stop the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseBatch {
    #[cfg_attr(feature = "openapi", schema(max_items = 100))]
    pub cases: Vec<KeyedCase>,
}

/// What happened to one case of a batch: the status `POST /v1/cases` would have
/// answered, with the case or the error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchOutcome {
    pub key: Uuid,
    pub status: u16,
    pub case: Option<CaseDetail>,
    pub error: Option<crate::error::ErrorBody>,
}

/// `POST /v1/cases/batch` answer, one outcome per case in the order sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchOutcomes {
    pub outcomes: Vec<BatchOutcome>,
}

/// An id sent as a JSON number: `7`, or `7.0`, which JSON Schema also counts as the
/// integer 7; a fraction or a number beyond 64 bits is refused.
#[cfg(feature = "server")]
fn whole_number<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    struct Whole;
    impl<'de> serde::de::Visitor<'de> for Whole {
        type Value = Option<i64>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a whole number")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(Whole)
        }
        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
            Ok(Some(n))
        }
        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
            i64::try_from(n)
                .map(Some)
                .map_err(|_| E::custom("the number is too large"))
        }
        fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Self::Value, E> {
            // 2^63 is the first float past i64's range.
            if n.fract() == 0.0
                && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&n)
            {
                Ok(Some(n as i64))
            } else {
                Err(E::custom("expected a whole number"))
            }
        }
    }
    d.deserialize_option(Whole)
}

#[cfg(all(test, feature = "server"))]
mod whole_number_tests {
    use super::*;

    fn property(json: &str) -> Result<Option<i64>, serde_json::Error> {
        let case = format!(
            r#"{{"kind":"question","topic":"payouts","subtopic":"payouts","body":"Hi",
            "client_created_at":"2026-12-01T10:00:00Z"{json}}}"#
        );
        serde_json::from_str::<NewCase>(&case).map(|c| c.property_id)
    }

    #[test]
    fn a_property_id_is_any_whole_json_number_and_nothing_else() {
        assert_eq!(property("").unwrap(), None);
        assert_eq!(property(r#","property_id":null"#).unwrap(), None);
        assert_eq!(property(r#","property_id":7"#).unwrap(), Some(7));
        assert_eq!(property(r#","property_id":-252.0"#).unwrap(), Some(-252));
        assert_eq!(property(r#","property_id":7e0"#).unwrap(), Some(7));
        assert!(property(r#","property_id":7.5"#).is_err());
        assert!(property(r#","property_id":1e30"#).is_err());
        assert!(property(r#","property_id":18446744073709551615"#).is_err());
        assert!(property(r#","property_id":"7""#).is_err());
    }
}
