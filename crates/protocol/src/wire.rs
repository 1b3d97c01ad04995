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

/// `POST /v1/invitations` (handlers): an account for a partner or a handler, who gets
/// an e-mail in `language` with a link to choose a password. Inviting the same address
/// again, before the password is chosen, replaces the first link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    #[serde(default = "partner")]
    pub role: Actor,
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub name: String,
    /// ISO 3166-1 alpha-2 (partners; decides EEA membership); empty for handlers.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2))]
    pub country: String,
    /// The properties a partner manages.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub properties: Vec<String>,
    /// The language of the e-mail (a BCP 47 tag such as `nl` or `pt-BR`; the closest one
    /// the server writes in is used).
    #[serde(default = "english")]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 35))]
    pub language: String,
}

fn partner() -> Actor {
    Actor::Partner
}

fn english() -> String {
    "en".to_owned()
}

/// The answer to an invitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invited {
    pub account_id: i64,
    /// Until when the link in the e-mail works.
    #[serde(with = "time::serde::rfc3339")]
    pub link_expires_at: OffsetDateTime,
}

/// `POST /v1/password-resets`: "forgot your password?". The answer is the same whether
/// an account has this address or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
}

/// `POST /v1/password-links/check`: what a link from an e-mail is for, before the
/// partner chooses a password with it; the link stays unused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkToken {
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub token: String,
}

/// What a link from an e-mail opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LinkPurpose {
    /// A new account's first password.
    Invitation,
    /// A new password for a forgotten one.
    Reset,
}

impl LinkPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkPurpose::Invitation => "invitation",
            LinkPurpose::Reset => "reset",
        }
    }

    pub fn from_wire(s: &str) -> Option<LinkPurpose> {
        [LinkPurpose::Invitation, LinkPurpose::Reset]
            .into_iter()
            .find(|p| p.as_str() == s)
    }
}

/// The answer to a link check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkInfo {
    pub purpose: LinkPurpose,
    /// The account's e-mail address, to show whose password is being chosen.
    pub email: String,
}

/// `POST /v1/passwords`: the password chosen with a link; answers a session, so the
/// partner lands signed in. The link then stops working, and a reset ends every other
/// session of the account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChoosePassword {
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub token: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128))]
    pub password: String,
}

/// `PUT /v1/account/password`: a new password for the signed-in account, given the
/// current one. The account's other sessions end; this one goes on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePassword {
    #[cfg_attr(feature = "openapi", schema(max_length = 512))]
    pub current_password: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 128))]
    pub new_password: String,
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
    /// The language the partner wrote in (the app's language then), a BCP 47 tag such
    /// as `nl` or `pt-BR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$", max_length = 35)
    )]
    pub language: Option<String>,
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
    /// When support aims to have replied: set by the partner's last message, cleared
    /// when support answers or the case stops waiting on support. Absent: no reply due.
    #[serde(
        default,
        with = "time::serde::rfc3339::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = DateTime))]
    pub reply_due_at: Option<OffsetDateTime>,
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
    /// Handlers only: a note support keeps on the case.
    Note,
    /// Handlers only: the case was given to a handler (the body names them) or given up.
    Assigned,
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
            EventKind::Note => "note",
            EventKind::Assigned => "assigned",
        }
    }

    /// Whether only handlers ever see events of this kind: never a partner's timeline,
    /// stream or notification.
    pub fn is_internal(self) -> bool {
        matches!(self, EventKind::Note | EventKind::Assigned)
    }

    /// The kinds a partner sees.
    pub fn shown_to_partners() -> impl Iterator<Item = EventKind> {
        EventKind::ALL.into_iter().filter(|k| !k.is_internal())
    }

    pub const ALL: [EventKind; 12] = [
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
        EventKind::Note,
        EventKind::Assigned,
    ];

    pub fn from_wire(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The lifecycle move that left this event; none for what only handlers see.
    pub fn move_made(self) -> Option<crate::lifecycle::Move> {
        crate::lifecycle::Move::ALL
            .into_iter()
            .find(|mv| EventKind::of(*mv) == self)
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
    /// The handler working the case; absent while nobody has taken it.
    #[serde(default)]
    pub assignee: Option<HandlerRef>,
}

/// A handler, as assignments name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandlerRef {
    pub id: i64,
    pub name: String,
}

/// `GET /v1/handler/handlers`: whom a case can be given to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandlerList {
    pub handlers: Vec<HandlerRef>,
}

/// Who wrote to support, as a handler sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerProfile {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub in_eea: bool,
}

/// `GET /v1/handler/cases/{id}`: the case as the partner's detail shows it (with
/// support's notes in the timeline besides), and what support needs around it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandlerCaseDetail {
    #[serde(flatten)]
    pub detail: CaseDetail,
    pub partner: PartnerProfile,
    /// The property the case is about, when the partner chose one.
    pub property: Option<Property>,
    /// The language the partner wrote in, when the app said.
    pub language: Option<String>,
    pub assignee: Option<HandlerRef>,
}

/// The views of the handler's queue. Each counts and lists open cases but `Closed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QueueView {
    /// Not yet acknowledged.
    New,
    /// Its reply is past due.
    Overdue,
    /// Its reply is due within [`DUE_SOON_HOURS`].
    DueSoon,
    /// Waiting on the partner's information.
    Waiting,
    /// Assigned to the handler asking.
    Mine,
    /// Not assigned to anyone.
    Unassigned,
    /// Every case not closed.
    Open,
    Closed,
}

/// "Due soon": a reply due within this many hours.
pub const DUE_SOON_HOURS: i64 = 4;

impl QueueView {
    pub const ALL: [QueueView; 8] = [
        QueueView::New,
        QueueView::Overdue,
        QueueView::DueSoon,
        QueueView::Waiting,
        QueueView::Mine,
        QueueView::Unassigned,
        QueueView::Open,
        QueueView::Closed,
    ];

    /// The stable wire id, e.g. `due_soon`.
    pub fn as_str(self) -> &'static str {
        match self {
            QueueView::New => "new",
            QueueView::Overdue => "overdue",
            QueueView::DueSoon => "due_soon",
            QueueView::Waiting => "waiting",
            QueueView::Mine => "mine",
            QueueView::Unassigned => "unassigned",
            QueueView::Open => "open",
            QueueView::Closed => "closed",
        }
    }

    pub fn from_wire(s: &str) -> Option<QueueView> {
        QueueView::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// How many cases one view holds now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ViewCount {
    pub view: QueueView,
    pub count: i64,
}

/// `GET /v1/handler/views`: every view with its count, in [`QueueView::ALL`]'s order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ViewCounts {
    pub views: Vec<ViewCount>,
}

/// `POST /v1/handler/cases/{id}/notes`: a note for handlers only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewNote {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub body: String,
}

/// `PUT /v1/handler/cases/{id}/assignee`: give the case to a handler, or to nobody.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assign {
    /// A handler's account id; absent or null to unassign.
    #[serde(default)]
    pub handler_id: Option<i64>,
}

/// A reply a handler keeps to insert in one click. `{partner_name}` in the body stands
/// for the partner's name (see [`crate::input::fill_saved_reply`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedReply {
    pub id: i64,
    pub title: String,
    pub body: String,
}

/// `POST /v1/handler/saved-replies`, `PUT /v1/handler/saved-replies/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSavedReply {
    /// One line of at most 100 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub title: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub body: String,
}

/// `GET /v1/handler/saved-replies`: the handler's own, by title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SavedReplies {
    pub replies: Vec<SavedReply>,
}

/// `GET /v1/handler/cases` and `GET /v1/handler/queue` page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HandlerCasePage {
    pub cases: Vec<HandlerCase>,
    /// Pass as `?cursor=` to the same route for the next page (its own form: a number
    /// for `/cases`, two joined by a dot for `/queue`); absent on the last page.
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
