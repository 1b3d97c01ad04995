//! Every request that changes a case, parsed once into a type that holds only what the
//! rules allow. The phone parses before it queues (a message the server would refuse is
//! never queued) and the server parses on receipt: one set of rules, so the two cannot
//! disagree. Inner code on either side only ever sees these types, never raw strings.

use std::collections::BTreeMap;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::input::{self, EmailAddress, InputError, MessageBody, ReservationRef, TopicChoice};
use crate::lifecycle::Move;
use crate::wire::{
    Acknowledge, Complainant, ContactDetails, ContactKind, HandlerMessage, NewCase, NewReply,
    ResolutionAnswer, Resolve,
};

/// The part of a new case a problem belongs to, for errors shown beside their field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseField {
    Topic,
    Subtopic,
    ReservationRef,
    Body,
    Attachments,
    /// What the app collected about the device for a technical issue.
    Diagnostics,
    Contact,
    /// The app's language: never typed, so never shown in the form.
    Language,
}

/// Everything wrong with a new case, field by field, in form order. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseProblems(Vec<(CaseField, InputError)>);

impl CaseProblems {
    /// The problem with `field`, if it has one.
    pub fn get(&self, field: CaseField) -> Option<&InputError> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, e)| e)
    }

    /// The first problem in form order: what a server answers with.
    pub fn first(&self) -> &InputError {
        // Built only from a non-empty list (see `ValidCase::parse`).
        &self.0[0].1
    }

    pub fn iter(&self) -> impl Iterator<Item = &(CaseField, InputError)> {
        self.0.iter()
    }
}

impl std::fmt::Display for CaseProblems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.first().fmt(f)
    }
}

impl std::error::Error for CaseProblems {}

/// Who complains and how to reach them: a name and a complete email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    name: String,
    email: EmailAddress,
    phone: Option<String>,
    complainant: Option<Complainant>,
}

impl ValidContact {
    /// ```
    /// use pulse_protocol::request::ValidContact;
    /// use pulse_protocol::wire::ContactDetails;
    /// let contact = |email: &str| ContactDetails {
    ///     name: "Anna".into(), email: email.into(), phone: None, complainant: None,
    /// };
    /// assert!(ValidContact::parse(&contact("anna@hotel.nl")).is_ok());
    /// assert!(ValidContact::parse(&contact("a@")).is_err());
    /// ```
    pub fn parse(raw: &ContactDetails) -> Result<ValidContact, InputError> {
        let name = input::parse_line(&raw.name, input::MAX_NAME_CHARS)?
            .ok_or(InputError::ContactRequired)?;
        let email = EmailAddress::parse(&raw.email)?;
        let phone = match raw.phone.as_deref() {
            Some(phone) => input::parse_line(phone, input::MAX_PHONE_CHARS)?,
            None => None,
        };
        Ok(ValidContact {
            name,
            email,
            phone,
            complainant: raw.complainant,
        })
    }

    /// As it is stored and sent.
    pub fn to_wire(&self) -> ContactDetails {
        ContactDetails {
            name: self.name.clone(),
            email: self.email.as_str().to_owned(),
            phone: self.phone.clone(),
            complainant: self.complainant,
        }
    }
}

/// A new case that may be opened: a topic with one of its subtopics, a message, at
/// most [`input::MAX_ATTACHMENTS`] files and, for a complaint, a complete contact.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidCase {
    pub kind: ContactKind,
    pub choice: TopicChoice,
    pub property_id: Option<i64>,
    pub reservation_ref: Option<ReservationRef>,
    pub body: MessageBody,
    pub attachment_ids: Vec<Uuid>,
    pub client_created_at: OffsetDateTime,
    pub diagnostics: Option<BTreeMap<String, String>>,
    pub contact: Option<ValidContact>,
    /// The language the partner wrote in, as [`input::parse_language`] writes it.
    pub language: Option<String>,
}

impl ValidCase {
    /// Checks every field, so a form can show all its problems at once.
    ///
    /// ```
    /// use pulse_protocol::request::{CaseField, ValidCase};
    /// use pulse_protocol::wire::{ContactKind, NewCase};
    /// let mut case = NewCase {
    ///     kind: ContactKind::Question, topic: "payouts".into(), subtopic: "payouts".into(),
    ///     property_id: None, reservation_ref: None, body: "When is my payout?".into(),
    ///     attachment_ids: vec![], client_created_at: time::OffsetDateTime::UNIX_EPOCH,
    ///     diagnostics: None, contact: None, language: Some("nl".into()),
    /// };
    /// assert!(ValidCase::parse(&case).is_ok());
    /// case.kind = ContactKind::Complaint;
    /// let problems = ValidCase::parse(&case).unwrap_err();
    /// assert!(problems.get(CaseField::Contact).is_some());
    /// ```
    pub fn parse(raw: &NewCase) -> Result<ValidCase, CaseProblems> {
        let mut problems = Vec::new();
        let mut note = |field, result: Result<(), InputError>| {
            if let Err(e) = result {
                problems.push((field, e));
            }
        };
        let choice = TopicChoice::parse(&raw.topic, &raw.subtopic);
        if let Err(e) = &choice {
            let field = match e {
                InputError::UnknownTopic(_) => CaseField::Topic,
                _ => CaseField::Subtopic,
            };
            note(field, Err(e.clone()));
        }
        let reservation_ref = raw
            .reservation_ref
            .as_deref()
            .filter(|r| !r.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty())
            .map(ReservationRef::parse)
            .transpose();
        note(
            CaseField::ReservationRef,
            reservation_ref.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let body = MessageBody::parse(&raw.body);
        note(
            CaseField::Body,
            body.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        note(
            CaseField::Attachments,
            input::check_attachment_count(raw.attachment_ids.len()),
        );
        if let Some(diagnostics) = &raw.diagnostics {
            note(
                CaseField::Diagnostics,
                input::check_diagnostics(diagnostics.iter()),
            );
        }
        let contact = match (&raw.contact, raw.kind) {
            (Some(contact), _) => ValidContact::parse(contact).map(Some),
            (None, ContactKind::Complaint) => Err(InputError::ContactRequired),
            (None, _) => Ok(None),
        };
        note(
            CaseField::Contact,
            contact.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        let language = raw
            .language
            .as_deref()
            .map(input::parse_language)
            .transpose()
            .map(Option::flatten);
        note(
            CaseField::Language,
            language.as_ref().map(|_| ()).map_err(Clone::clone),
        );
        match (choice, reservation_ref, body, contact, language) {
            (Ok(choice), Ok(reservation_ref), Ok(body), Ok(contact), Ok(language))
                if problems.is_empty() =>
            {
                Ok(ValidCase {
                    kind: raw.kind,
                    choice,
                    property_id: raw.property_id,
                    reservation_ref,
                    body,
                    attachment_ids: raw.attachment_ids.clone(),
                    client_created_at: raw.client_created_at,
                    diagnostics: raw.diagnostics.clone(),
                    contact,
                    language,
                })
            }
            _ => Err(CaseProblems(problems)),
        }
    }

    /// As it is sent: the parsed values written back (trimmed message, digits-only
    /// confirmation number, complete contact), so what travels is what was checked.
    ///
    /// ```
    /// use pulse_protocol::request::ValidCase;
    /// use pulse_protocol::wire::{ContactKind, NewCase};
    /// let raw = NewCase {
    ///     kind: ContactKind::Question, topic: "reservations".into(), subtopic: "changes".into(),
    ///     property_id: None, reservation_ref: Some("4021 339".into()), body: " Hi ".into(),
    ///     attachment_ids: vec![], client_created_at: time::OffsetDateTime::UNIX_EPOCH,
    ///     diagnostics: None, contact: None, language: Some("nl".into()),
    /// };
    /// let wire = ValidCase::parse(&raw).unwrap().to_wire();
    /// assert_eq!((wire.body.as_str(), wire.reservation_ref.as_deref()), ("Hi", Some("4021339")));
    /// assert_eq!(ValidCase::parse(&wire).unwrap().to_wire(), wire);
    /// ```
    pub fn to_wire(&self) -> NewCase {
        NewCase {
            kind: self.kind,
            topic: self.choice.topic().as_str().to_owned(),
            subtopic: self.choice.subtopic().to_owned(),
            property_id: self.property_id,
            reservation_ref: self.reservation_ref.as_ref().map(|r| r.as_str().to_owned()),
            body: self.body.as_str().to_owned(),
            attachment_ids: self.attachment_ids.clone(),
            client_created_at: self.client_created_at,
            diagnostics: self.diagnostics.clone(),
            contact: self.contact.as_ref().map(ValidContact::to_wire),
            language: self.language.clone(),
        }
    }

    /// The move that opens the case, with the partner's message and files.
    pub fn opening_move(&self) -> CaseMove {
        CaseMove {
            body: Some(self.body.clone()),
            attachment_ids: self.attachment_ids.clone(),
            ..CaseMove::new(Move::Submit)
        }
    }
}

/// A lifecycle move with what it writes on the case: a message, files, an outcome or
/// what to expect next. Made only by parsing a request (or as a move that carries
/// nothing), so whatever holds one may write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseMove {
    mv: Move,
    body: Option<MessageBody>,
    attachment_ids: Vec<Uuid>,
    outcome: Option<MessageBody>,
    expected_next: Option<MessageBody>,
}

impl CaseMove {
    fn new(mv: Move) -> CaseMove {
        CaseMove {
            mv,
            body: None,
            attachment_ids: Vec::new(),
            outcome: None,
            expected_next: None,
        }
    }

    /// The partner writes on the case (answering a request for information, or not).
    pub fn reply(raw: &NewReply) -> Result<CaseMove, InputError> {
        input::check_attachment_count(raw.attachment_ids.len())?;
        Ok(CaseMove {
            body: Some(MessageBody::parse(&raw.body)?),
            attachment_ids: raw.attachment_ids.clone(),
            ..CaseMove::new(Move::Reply)
        })
    }

    /// The partner's answer to an outcome: accept (a comment is welcome), or disagree
    /// (a comment saying why is required).
    ///
    /// ```
    /// use pulse_protocol::request::CaseMove;
    /// use pulse_protocol::wire::ResolutionAnswer;
    /// let answer = |accept, comment: Option<&str>| ResolutionAnswer {
    ///     accept, comment: comment.map(str::to_owned),
    /// };
    /// assert!(CaseMove::answer(&answer(true, None)).is_ok());
    /// assert!(CaseMove::answer(&answer(true, Some("  "))).unwrap().body().is_none());
    /// assert!(CaseMove::answer(&answer(false, None)).is_err());
    /// assert!(CaseMove::answer(&answer(false, Some("The guest left early"))).is_ok());
    /// ```
    pub fn answer(raw: &ResolutionAnswer) -> Result<CaseMove, InputError> {
        let comment = raw.comment.as_deref().unwrap_or("");
        let (mv, body) = if raw.accept {
            let body = (!comment.trim().is_empty())
                .then(|| MessageBody::parse(comment))
                .transpose()?;
            (Move::Accept, body)
        } else {
            (Move::Dispute, Some(MessageBody::parse(comment)?))
        };
        Ok(CaseMove {
            body,
            ..CaseMove::new(mv)
        })
    }

    /// The partner asks for mediation (the lifecycle decides whether they may).
    pub fn mediation() -> CaseMove {
        CaseMove::new(Move::RequestMediation)
    }

    /// The handler confirms receipt, saying what happens next if they like.
    pub fn acknowledge(raw: &Acknowledge) -> Result<CaseMove, InputError> {
        let expected_next = raw
            .expected_next
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map(MessageBody::parse)
            .transpose()?;
        Ok(CaseMove {
            expected_next,
            ..CaseMove::new(Move::Acknowledge)
        })
    }

    /// The handler posts an update, or asks the partner for more information.
    pub fn handler_message(raw: &HandlerMessage) -> Result<CaseMove, InputError> {
        let mv = if raw.request_info {
            Move::RequestInfo
        } else {
            Move::PostUpdate
        };
        Ok(CaseMove {
            body: Some(MessageBody::parse(&raw.body)?),
            ..CaseMove::new(mv)
        })
    }

    /// The handler resolves the case with an outcome.
    pub fn resolve(raw: &Resolve) -> Result<CaseMove, InputError> {
        Ok(CaseMove {
            outcome: Some(MessageBody::parse(&raw.outcome)?),
            ..CaseMove::new(Move::Resolve)
        })
    }

    /// The handler closes the case.
    pub fn close() -> CaseMove {
        CaseMove::new(Move::Close)
    }

    pub fn mv(&self) -> Move {
        self.mv
    }

    pub fn body(&self) -> Option<&MessageBody> {
        self.body.as_ref()
    }

    pub fn attachment_ids(&self) -> &[Uuid] {
        &self.attachment_ids
    }

    pub fn outcome(&self) -> Option<&MessageBody> {
        self.outcome.as_ref()
    }

    pub fn expected_next(&self) -> Option<&MessageBody> {
        self.expected_next.as_ref()
    }

    /// The same move carrying the server's ids of its files (after upload).
    pub fn with_attachments(self, attachment_ids: Vec<Uuid>) -> Result<CaseMove, InputError> {
        input::check_attachment_count(attachment_ids.len())?;
        Ok(CaseMove {
            attachment_ids,
            ..self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::MAX_ATTACHMENTS;

    fn question() -> NewCase {
        NewCase {
            kind: ContactKind::Question,
            topic: "reservations".into(),
            subtopic: "cancellations".into(),
            property_id: None,
            reservation_ref: Some(" 4021 339 ".into()),
            body: "  The guest cancelled.  ".into(),
            attachment_ids: vec![],
            client_created_at: OffsetDateTime::UNIX_EPOCH,
            diagnostics: None,
            contact: None,
            language: None,
        }
    }

    fn contact(name: &str, email: &str) -> ContactDetails {
        ContactDetails {
            name: name.into(),
            email: email.into(),
            phone: Some("  ".into()),
            complainant: Some(Complainant::Staff),
        }
    }

    #[test]
    fn a_valid_case_holds_the_parsed_values() {
        let case = ValidCase::parse(&question()).unwrap();
        assert_eq!(case.body.as_str(), "The guest cancelled.");
        assert_eq!(case.reservation_ref.unwrap().as_str(), "4021339");
        assert_eq!(case.choice.subtopic(), "cancellations");
        let opening = ValidCase::parse(&question()).unwrap().opening_move();
        assert_eq!(opening.mv(), Move::Submit);
        assert_eq!(opening.body().unwrap().as_str(), "The guest cancelled.");
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let mut case = question();
        case.topic = "payouts".into();
        case.reservation_ref = Some("12-AB".into());
        case.body = " ".into();
        case.attachment_ids = vec![Uuid::nil(); MAX_ATTACHMENTS + 1];
        case.kind = ContactKind::Complaint;
        let problems = ValidCase::parse(&case).unwrap_err();
        let fields: Vec<CaseField> = problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                CaseField::Subtopic,
                CaseField::ReservationRef,
                CaseField::Body,
                CaseField::Attachments,
                CaseField::Contact
            ]
        );
        assert_eq!(
            problems.first(),
            &InputError::UnknownSubtopic("cancellations".into())
        );
        assert_eq!(
            problems.get(CaseField::Contact),
            Some(&InputError::ContactRequired)
        );
        case.topic = "weather".into();
        let problems = ValidCase::parse(&case).unwrap_err();
        assert!(problems.get(CaseField::Topic).is_some());
    }

    #[test]
    fn a_complaint_needs_a_name_and_a_complete_email() {
        let mut case = question();
        case.kind = ContactKind::Complaint;
        for (name, email, error) in [
            ("", "anna@hotel.nl", InputError::ContactRequired),
            ("Anna", "a@", InputError::EmailInvalid),
            ("Anna", "anna@hotel", InputError::EmailInvalid),
            ("Anna", "", InputError::EmailInvalid),
        ] {
            case.contact = Some(contact(name, email));
            let problems = ValidCase::parse(&case).unwrap_err();
            assert_eq!(problems.get(CaseField::Contact), Some(&error), "{email}");
        }
        case.contact = Some(contact(" Anna ", " anna@hotel.nl "));
        let valid = ValidCase::parse(&case).unwrap().contact.unwrap().to_wire();
        assert_eq!(valid.name, "Anna");
        assert_eq!(valid.email, "anna@hotel.nl");
        assert_eq!(valid.phone, None, "a blank phone is no phone");
        assert_eq!(valid.complainant, Some(Complainant::Staff));
    }

    #[test]
    fn a_contact_given_on_a_question_must_be_valid_too() {
        let mut case = question();
        case.contact = Some(contact("Anna", "a@"));
        assert!(ValidCase::parse(&case).is_err());
    }

    #[test]
    fn replies_and_handler_moves_follow_the_body_rules() {
        let reply = |body: &str, files| NewReply {
            body: body.into(),
            attachment_ids: vec![Uuid::nil(); files],
        };
        assert_eq!(
            CaseMove::reply(&reply("Here it is", 1)).unwrap().mv(),
            Move::Reply
        );
        assert_eq!(CaseMove::reply(&reply(" ", 0)), Err(InputError::BodyEmpty));
        assert_eq!(
            CaseMove::reply(&reply("x", MAX_ATTACHMENTS + 1)),
            Err(InputError::TooManyAttachments)
        );
        let message = |request_info| HandlerMessage {
            body: "Which dates?".into(),
            request_info,
        };
        assert_eq!(
            CaseMove::handler_message(&message(true)).unwrap().mv(),
            Move::RequestInfo
        );
        assert_eq!(
            CaseMove::handler_message(&message(false)).unwrap().mv(),
            Move::PostUpdate
        );
        let ack = CaseMove::acknowledge(&Acknowledge {
            expected_next: Some("  ".into()),
        })
        .unwrap();
        assert_eq!(ack.expected_next(), None);
        assert_eq!(
            CaseMove::resolve(&Resolve { outcome: "".into() }),
            Err(InputError::BodyEmpty)
        );
        let resolved = CaseMove::resolve(&Resolve {
            outcome: " Refunded ".into(),
        })
        .unwrap();
        assert_eq!(resolved.outcome().unwrap().as_str(), "Refunded");
    }
}
