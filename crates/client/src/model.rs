//! What the app shows and edits: drafts, notifications, connectivity, sign-in state and
//! why something failed. Plain data; the store and the tasks fill it in. (Outbox items
//! and their states live with the outbox, in [`crate::outbox`].)

use std::collections::BTreeMap;

use pulse_protocol::ErrorCode;
use pulse_protocol::request::{CaseProblems, ValidCase};
use pulse_protocol::wire::{Account, CaseEvent, ContactDetails, ContactKind, NewCase};
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
    /// The language the partner writes in (the app's, when the draft was saved), which
    /// the case records for support.
    #[serde(default)]
    pub language: Option<String>,
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
            language: None,
        }
    }
}

impl DraftContent {
    /// Checks the draft with pulse-protocol's rules, exactly as the server will, and
    /// returns the case to queue or every problem at once, by field. The draft's files
    /// are named by their local ids until the outbox has uploaded them (the rule is
    /// about how many there are).
    pub fn to_request(&self, now: OffsetDateTime) -> Result<ValidCase, CaseProblems> {
        ValidCase::parse(&NewCase {
            kind: self.kind,
            topic: self.topic.clone().unwrap_or_default(),
            subtopic: self.subtopic.clone().unwrap_or_default(),
            property_id: self.property_id,
            reservation_ref: Some(self.reservation_ref.clone()),
            body: self.body.clone(),
            attachment_ids: self.files.clone(),
            client_created_at: now,
            diagnostics: self.diagnostics.clone(),
            contact: self.contact.clone(),
            language: self.language.clone(),
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

/// What the partner is writing on an existing case, kept on every edit like a draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CaseDraft {
    pub body: String,
    /// Local copies of photos (replies only).
    #[serde(default)]
    pub files: Vec<Uuid>,
}

/// Which box on a case a [`CaseDraft`] belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseDraftKind {
    /// The reply box.
    Reply,
    /// The comment on an outcome (why the partner disagrees).
    Comment,
}

impl CaseDraftKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseDraftKind::Reply => "reply",
            CaseDraftKind::Comment => "comment",
        }
    }
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

/// Why something the partner asked for did not happen, in terms the app can put in
/// their language: one of pulse-protocol's stable codes (a rule refused it, on the
/// phone or on the server), or one of the phone's own reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Failure {
    /// Refused by a rule, with its stable code.
    Refused(ErrorCode),
    /// The server could not be reached.
    Network,
    /// A file the message carries is no longer on this phone.
    FileMissing,
    /// The phone's own storage (the local database or the keychain) failed.
    Storage,
    /// The server answered something this app cannot read.
    Unexpected,
    /// A message being sent, or that may have reached support already, cannot be
    /// changed or cancelled any more: it goes as it is, once.
    OnItsWay,
}

impl From<ErrorCode> for Failure {
    fn from(code: ErrorCode) -> Failure {
        Failure::Refused(code)
    }
}

impl Failure {
    /// A stable id: the code's wire id, or one of the phone's own, which no code uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Failure::Refused(code) => code.as_str(),
            Failure::Network => "network",
            Failure::FileMissing => "file_missing",
            Failure::Storage => "storage",
            Failure::Unexpected => "unexpected",
            Failure::OnItsWay => "on_its_way",
        }
    }

    /// Reads back what [`Failure::as_str`] wrote. An id this build does not know (kept
    /// by another version of the app) reads as [`Failure::Unexpected`]: the partner is
    /// still told that something went wrong, and may retry, edit or discard.
    pub fn from_stored(id: &str) -> Failure {
        if let Some(code) = ErrorCode::from_wire(id) {
            return Failure::Refused(code);
        }
        match id {
            "network" => Failure::Network,
            // "attachment_missing" is what the first builds wrote.
            "file_missing" | "attachment_missing" => Failure::FileMissing,
            "storage" => Failure::Storage,
            "on_its_way" => Failure::OnItsWay,
            _ => Failure::Unexpected,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_are_stored_under_ids_no_error_code_uses() {
        let own = [
            Failure::Network,
            Failure::FileMissing,
            Failure::Storage,
            Failure::Unexpected,
        ];
        for failure in own {
            assert_eq!(ErrorCode::from_wire(failure.as_str()), None, "{failure:?}");
        }
        for failure in ErrorCode::ALL.map(Failure::Refused).into_iter().chain(own) {
            assert_eq!(Failure::from_stored(failure.as_str()), failure);
        }
        assert_eq!(
            Failure::from_stored("from_a_newer_app"),
            Failure::Unexpected
        );
    }
}
