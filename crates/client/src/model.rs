//! What the app shows and edits: drafts, outbox items with their states, notifications,
//! connectivity and sign-in state. Plain data; the store and the worker fill it in.

use std::collections::BTreeMap;

use pulse_protocol::input::{self, InputError, MessageBody, ReservationRef, TopicChoice};
use pulse_protocol::wire::{
    Account, CaseEvent, ContactDetails, ContactKind, NewCase, NewReply, ResolutionAnswer,
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// A message being written: everything optional until Send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftContent {
    pub kind: ContactKind,
    pub topic: Option<String>,
    pub subtopic: Option<String>,
    pub property_id: Option<i64>,
    #[serde(default)]
    pub reservation_ref: String,
    #[serde(default)]
    pub body: String,
    /// Local copies of photos and documents (see [`LocalFile`]).
    #[serde(default)]
    pub files: Vec<Uuid>,
    #[serde(default)]
    pub diagnostics: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub contact: Option<ContactDetails>,
}

impl Default for DraftContent {
    fn default() -> DraftContent {
        DraftContent {
            kind: ContactKind::Question,
            topic: None,
            subtopic: None,
            property_id: None,
            reservation_ref: String::new(),
            body: String::new(),
            files: Vec::new(),
            diagnostics: None,
            contact: None,
        }
    }
}

/// Which part of a draft an input error belongs to, for inline errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftField {
    Topic,
    Subtopic,
    ReservationRef,
    Body,
    Files,
    Contact,
}

/// A draft's problems, field by field. Empty means Send may be pressed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftProblems(pub Vec<(DraftField, InputError)>);

impl DraftProblems {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: DraftField) -> Option<&InputError> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| e)
    }
}

impl DraftContent {
    /// Checks the draft as the server will, returning the request to send or every
    /// problem at once.
    pub fn to_request(&self, now: OffsetDateTime) -> Result<NewCase, DraftProblems> {
        let mut problems = Vec::new();
        let topic = self.topic.as_deref().unwrap_or("");
        let subtopic = self.subtopic.as_deref().unwrap_or("");
        match TopicChoice::parse(topic, subtopic) {
            Ok(_) => {}
            Err(e @ InputError::UnknownTopic(_)) => problems.push((DraftField::Topic, e)),
            Err(e) => problems.push((DraftField::Subtopic, e)),
        }
        let reservation_ref = if self.reservation_ref.trim().is_empty() {
            None
        } else {
            match ReservationRef::parse(&self.reservation_ref) {
                Ok(r) => Some(r.as_str().to_owned()),
                Err(e) => {
                    problems.push((DraftField::ReservationRef, e));
                    None
                }
            }
        };
        let body = match MessageBody::parse(&self.body) {
            Ok(body) => body.into_string(),
            Err(e) => {
                problems.push((DraftField::Body, e));
                String::new()
            }
        };
        if let Err(e) = input::check_attachment_count(self.files.len()) {
            problems.push((DraftField::Files, e));
        }
        if self.kind == ContactKind::Complaint {
            let complete = self
                .contact
                .as_ref()
                .is_some_and(|c| !c.name.trim().is_empty() && c.email.contains('@'));
            if !complete {
                problems.push((DraftField::Contact, InputError::BodyEmpty));
            }
        }
        if !problems.is_empty() {
            return Err(DraftProblems(problems));
        }
        Ok(NewCase {
            kind: self.kind,
            topic: topic.to_owned(),
            subtopic: subtopic.to_owned(),
            property_id: self.property_id,
            reservation_ref,
            body,
            attachment_ids: Vec::new(),
            client_created_at: now,
            diagnostics: self.diagnostics.clone(),
            contact: self.contact.clone(),
        })
    }
}

/// A saved draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: Uuid,
    pub content: DraftContent,
    pub updated_at: OffsetDateTime,
}

/// A photo or document copied into the local store, waiting to be sent.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalFile {
    pub id: Uuid,
    pub media_type: String,
    pub size: u64,
    /// The server's id once uploaded.
    pub remote_id: Option<Uuid>,
}

/// What an outbox item will send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum OutboxPayload {
    NewCase {
        case: Box<NewCase>,
        files: Vec<Uuid>,
        /// The draft it came from, to edit again if the server refuses it.
        draft: Box<DraftContent>,
    },
    Reply {
        case_id: Uuid,
        reply: NewReply,
        files: Vec<Uuid>,
    },
    Resolution {
        case_id: Uuid,
        answer: ResolutionAnswer,
    },
    Mediation {
        case_id: Uuid,
    },
}

impl OutboxPayload {
    /// The local files this item carries.
    pub fn files(&self) -> &[Uuid] {
        match self {
            OutboxPayload::NewCase { files, .. } | OutboxPayload::Reply { files, .. } => files,
            _ => &[],
        }
    }

    /// The case it is about, when it is about an existing one.
    pub fn case_id(&self) -> Option<Uuid> {
        match self {
            OutboxPayload::NewCase { .. } => None,
            OutboxPayload::Reply { case_id, .. }
            | OutboxPayload::Resolution { case_id, .. }
            | OutboxPayload::Mediation { case_id } => Some(*case_id),
        }
    }
}

/// Where an outbox item stands.
#[derive(Debug, Clone, PartialEq)]
pub enum OutboxState {
    /// Waiting to be sent: first try, or again after `last_error` at `next_attempt_at`.
    Queued {
        attempts: u32,
        next_attempt_at: OffsetDateTime,
        last_error: Option<String>,
    },
    Sending,
    /// The server has it.
    Sent {
        case_id: Uuid,
    },
    /// The server refused it (its error code); it can be edited, retried or discarded.
    Failed {
        code: String,
        message: String,
    },
}

/// One message on its way to support. Its id is the Idempotency-Key.
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxItem {
    pub id: Uuid,
    pub account_id: i64,
    pub payload: OutboxPayload,
    pub state: OutboxState,
    pub created_at: OffsetDateTime,
}

/// An in-app notification: one change to a case made by support.
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub event: CaseEvent,
    pub read: bool,
}

/// What the network has been doing lately.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connectivity {
    /// Nothing tried yet.
    Unknown,
    /// The server answered the last request, or the stream is open.
    Online,
    /// The last attempt to reach the server failed.
    Offline,
}

/// Whether someone is signed in.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthState {
    SignedOut,
    SignedIn(Account),
    /// The server no longer accepts the session: sign in again (nothing is lost).
    SignInAgain(Account),
}

/// A change the app may want to show; re-read the named part of the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Drafts,
    Outbox,
    Cases,
    /// A new notification arrived (a banner, while the app is open).
    Notified(Notification),
    Notifications,
    Connectivity(Connectivity),
    Auth,
}
