//! The case lifecycle: the one place that says which status may follow which, who may
//! make each move, and when mediation is on offer. The server refuses every other move.
//!
//! ```text
//! queued (device only) → submitted → acknowledged → in_progress ⇄ awaiting_partner
//!   → resolved(outcome) → accepted → closed
//!                       → disputed → mediation (partners in the EEA) → closed
//! ```

use serde::{Deserialize, Serialize};

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Written on the device, not yet accepted by the server. Never stored by the server.
    Queued,
    Submitted,
    Acknowledged,
    InProgress,
    AwaitingPartner,
    Resolved,
    Accepted,
    Disputed,
    Mediation,
    Closed,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 10] = [
        CaseStatus::Queued,
        CaseStatus::Submitted,
        CaseStatus::Acknowledged,
        CaseStatus::InProgress,
        CaseStatus::AwaitingPartner,
        CaseStatus::Resolved,
        CaseStatus::Accepted,
        CaseStatus::Disputed,
        CaseStatus::Mediation,
        CaseStatus::Closed,
    ];

    /// The stable wire id, e.g. `awaiting_partner`.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Queued => "queued",
            CaseStatus::Submitted => "submitted",
            CaseStatus::Acknowledged => "acknowledged",
            CaseStatus::InProgress => "in_progress",
            CaseStatus::AwaitingPartner => "awaiting_partner",
            CaseStatus::Resolved => "resolved",
            CaseStatus::Accepted => "accepted",
            CaseStatus::Disputed => "disputed",
            CaseStatus::Mediation => "mediation",
            CaseStatus::Closed => "closed",
        }
    }

    /// Parses a wire id.
    pub fn from_wire(s: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Who makes a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The partner (or their field staff) through the app.
    Partner,
    /// A case handler at partner support.
    Handler,
}

impl Actor {
    /// The stable wire id: `partner` or `handler`.
    pub fn as_str(self) -> &'static str {
        match self {
            Actor::Partner => "partner",
            Actor::Handler => "handler",
        }
    }

    /// Parses a wire id.
    pub fn from_wire(s: &str) -> Option<Actor> {
        [Actor::Partner, Actor::Handler]
            .into_iter()
            .find(|a| a.as_str() == s)
    }
}

/// What happens to a case. Each move belongs to one actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Move {
    /// The partner's device hands the case to the server.
    Submit,
    /// The handler confirms receipt and says what comes next.
    Acknowledge,
    /// The handler reports progress.
    PostUpdate,
    /// The handler needs more information from the partner.
    RequestInfo,
    /// The partner writes on the case.
    Reply,
    /// The handler resolves the case with an outcome.
    Resolve,
    /// The partner accepts the outcome.
    Accept,
    /// The partner disagrees with the outcome.
    Dispute,
    /// The partner asks for mediation after a dispute (EEA partners only).
    RequestMediation,
    /// The handler closes the case.
    Close,
}

impl Move {
    pub const ALL: [Move; 10] = [
        Move::Submit,
        Move::Acknowledge,
        Move::PostUpdate,
        Move::RequestInfo,
        Move::Reply,
        Move::Resolve,
        Move::Accept,
        Move::Dispute,
        Move::RequestMediation,
        Move::Close,
    ];

    /// The one actor allowed to make this move.
    pub fn actor(self) -> Actor {
        match self {
            Move::Submit | Move::Reply | Move::Accept | Move::Dispute | Move::RequestMediation => {
                Actor::Partner
            }
            Move::Acknowledge
            | Move::PostUpdate
            | Move::RequestInfo
            | Move::Resolve
            | Move::Close => Actor::Handler,
        }
    }
}

/// Why a move was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("only the {0:?} side may do that")]
    WrongActor(Actor),
    #[error("a case that is {} cannot do that", .0.as_str())]
    NotFromStatus(CaseStatus),
    #[error("mediation is offered to partners in the European Economic Area")]
    MediationOutsideEea,
}

/// The status graph: who may move a case from `from` to `to` (a different status), or
/// `None` when that step is not part of the lifecycle.
pub fn step_owner(from: CaseStatus, to: CaseStatus) -> Option<Actor> {
    use CaseStatus::*;
    match (from, to) {
        (Queued, Submitted) => Some(Actor::Partner),
        (Submitted, Acknowledged) => Some(Actor::Handler),
        (Acknowledged, InProgress) => Some(Actor::Handler),
        (Acknowledged | InProgress, AwaitingPartner) => Some(Actor::Handler),
        (AwaitingPartner, InProgress) => Some(Actor::Partner),
        (Acknowledged | InProgress | AwaitingPartner, Resolved) => Some(Actor::Handler),
        (Resolved, Accepted | Disputed) => Some(Actor::Partner),
        (Disputed, Mediation) => Some(Actor::Partner),
        (Accepted | Disputed | Mediation, Closed) => Some(Actor::Handler),
        _ => None,
    }
}

/// Applies `mv` by `actor` to a case in status `from`, for a partner who is
/// (`partner_in_eea`) or is not in the EEA. Returns the status after the move, which is
/// `from` itself for a message that does not change the status (an update on a case in
/// progress, a partner's note on a disputed case).
///
/// ```
/// use pulse_protocol::lifecycle::{apply, Actor, CaseStatus, Move};
/// let next = apply(CaseStatus::AwaitingPartner, Move::Reply, Actor::Partner, false);
/// assert_eq!(next, Ok(CaseStatus::InProgress));
/// ```
pub fn apply(
    from: CaseStatus,
    mv: Move,
    actor: Actor,
    partner_in_eea: bool,
) -> Result<CaseStatus, TransitionError> {
    use CaseStatus::*;
    if mv.actor() != actor {
        return Err(TransitionError::WrongActor(mv.actor()));
    }
    let to = match (mv, from) {
        (Move::Submit, Queued) => Submitted,
        (Move::Acknowledge, Submitted) => Acknowledged,
        (Move::PostUpdate, Acknowledged) => InProgress,
        (Move::PostUpdate, InProgress | AwaitingPartner | Disputed | Mediation) => from,
        (Move::RequestInfo, Acknowledged | InProgress | AwaitingPartner) => AwaitingPartner,
        (Move::Reply, AwaitingPartner) => InProgress,
        (Move::Reply, Submitted | Acknowledged | InProgress | Resolved | Disputed | Mediation) => {
            from
        }
        (Move::Resolve, Acknowledged | InProgress | AwaitingPartner) => Resolved,
        (Move::Accept, Resolved) => Accepted,
        (Move::Dispute, Resolved) => Disputed,
        (Move::RequestMediation, Disputed) if !partner_in_eea => {
            return Err(TransitionError::MediationOutsideEea);
        }
        (Move::RequestMediation, Disputed) => Mediation,
        (Move::Close, Accepted | Disputed | Mediation) => Closed,
        _ => return Err(TransitionError::NotFromStatus(from)),
    };
    // Every status change a move makes is a step of the graph, made by its owner.
    debug_assert!(to == from || step_owner(from, to) == Some(actor));
    Ok(to)
}

/// Whether `mv` may be made (by its own actor) on a case in `status` whose partner is
/// or is not in the EEA: what the app and the console ask before offering an action.
///
/// ```
/// use pulse_protocol::lifecycle::{allows, CaseStatus, Move};
/// assert!(allows(CaseStatus::InProgress, Move::Reply, false));
/// assert!(!allows(CaseStatus::Accepted, Move::Reply, false));
/// ```
pub fn allows(status: CaseStatus, mv: Move, partner_in_eea: bool) -> bool {
    apply(status, mv, mv.actor(), partner_in_eea).is_ok()
}

/// The moves `actor` may make on a case in `status`, in [`Move::ALL`]'s order.
pub fn moves(status: CaseStatus, actor: Actor, partner_in_eea: bool) -> impl Iterator<Item = Move> {
    Move::ALL
        .into_iter()
        .filter(move |mv| mv.actor() == actor && allows(status, *mv, partner_in_eea))
}

/// Whether mediation should be offered to this partner for a case in `status`.
pub fn mediation_offered(status: CaseStatus, partner_in_eea: bool) -> bool {
    allows(status, Move::RequestMediation, partner_in_eea)
}

/// Whether support owes the partner a reply while a case is in `status`: not while
/// the case waits on the partner (for information, or for an answer to an outcome),
/// nor once it is accepted or closed.
pub fn owes_reply(status: CaseStatus) -> bool {
    use CaseStatus::*;
    matches!(
        status,
        Submitted | Acknowledged | InProgress | Disputed | Mediation
    )
}

/// What a move does to the promise of a reply (the reply-time target).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyClock {
    /// The partner wrote: a reply is due a target's time from now.
    Start,
    /// Nothing changes: an acknowledgement alone does not answer the partner.
    Keep,
    /// Support answered (an update, a request for information, an outcome), or the
    /// case no longer waits on support: no reply is due.
    Stop,
}

/// How a move that left its case in `to` sets the reply clock. A partner's message
/// (the submission, a reply, a disagreement, a mediation request) starts it afresh,
/// so the promise runs from the partner's last message; support meets it with anything
/// but an acknowledgement.
///
/// ```
/// use pulse_protocol::lifecycle::{reply_clock, CaseStatus, Move, ReplyClock};
/// assert_eq!(reply_clock(Move::Submit, CaseStatus::Submitted), ReplyClock::Start);
/// assert_eq!(reply_clock(Move::Acknowledge, CaseStatus::Acknowledged), ReplyClock::Keep);
/// assert_eq!(reply_clock(Move::RequestInfo, CaseStatus::AwaitingPartner), ReplyClock::Stop);
/// ```
pub fn reply_clock(mv: Move, to: CaseStatus) -> ReplyClock {
    if !owes_reply(to) {
        return ReplyClock::Stop;
    }
    match (mv.actor(), mv) {
        (Actor::Partner, _) => ReplyClock::Start,
        (Actor::Handler, Move::Acknowledge) => ReplyClock::Keep,
        (Actor::Handler, _) => ReplyClock::Stop,
    }
}

#[cfg(test)]
mod tests {
    use super::CaseStatus::*;
    use super::*;

    /// The lifecycle as DESIGN.md draws it, written out independently of `step_owner`.
    const STEPS: &[(CaseStatus, CaseStatus, Actor)] = &[
        (Queued, Submitted, Actor::Partner),
        (Submitted, Acknowledged, Actor::Handler),
        (Acknowledged, InProgress, Actor::Handler),
        (Acknowledged, AwaitingPartner, Actor::Handler),
        (InProgress, AwaitingPartner, Actor::Handler),
        (AwaitingPartner, InProgress, Actor::Partner),
        (Acknowledged, Resolved, Actor::Handler),
        (InProgress, Resolved, Actor::Handler),
        (AwaitingPartner, Resolved, Actor::Handler),
        (Resolved, Accepted, Actor::Partner),
        (Resolved, Disputed, Actor::Partner),
        (Disputed, Mediation, Actor::Partner),
        (Accepted, Closed, Actor::Handler),
        (Disputed, Closed, Actor::Handler),
        (Mediation, Closed, Actor::Handler),
    ];

    #[test]
    fn every_pair_of_statuses_and_every_actor() {
        for from in CaseStatus::ALL {
            for to in CaseStatus::ALL {
                let expected = STEPS
                    .iter()
                    .find(|(f, t, _)| *f == from && *t == to)
                    .map(|s| s.2);
                assert_eq!(step_owner(from, to), expected, "{from:?} → {to:?}");
                // Some move reaches `to` from `from` exactly when the graph has the step,
                // and only for the step's owner (mediation also needs the EEA).
                for actor in [Actor::Partner, Actor::Handler] {
                    for eea in [false, true] {
                        let reachable = Move::ALL
                            .iter()
                            .any(|mv| from != to && apply(from, *mv, actor, eea) == Ok(to));
                        let allowed = expected == Some(actor) && (to != Mediation || eea);
                        assert_eq!(
                            reachable, allowed,
                            "{from:?} → {to:?} by {actor:?}, eea {eea}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_move_from_every_status_by_every_actor() {
        for mv in Move::ALL {
            for from in CaseStatus::ALL {
                for actor in [Actor::Partner, Actor::Handler] {
                    for eea in [false, true] {
                        let result = apply(from, mv, actor, eea);
                        if actor != mv.actor() {
                            assert_eq!(result, Err(TransitionError::WrongActor(mv.actor())));
                            continue;
                        }
                        if let Ok(to) = result {
                            assert!(
                                to == from || step_owner(from, to) == Some(actor),
                                "{mv:?} from {from:?} gave {to:?}"
                            );
                            // Nothing moves a case once it is closed or still on the device,
                            // but submitting.
                            assert!(from != Closed);
                            assert!(from != Queued || mv == Move::Submit);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn mediation_only_for_eea_partners_after_a_dispute() {
        for status in CaseStatus::ALL {
            assert!(!mediation_offered(status, false));
            assert_eq!(mediation_offered(status, true), status == Disputed);
        }
        assert_eq!(
            apply(Disputed, Move::RequestMediation, Actor::Partner, false),
            Err(TransitionError::MediationOutsideEea)
        );
    }

    #[test]
    fn the_moves_offered_are_exactly_those_the_lifecycle_accepts() {
        for status in CaseStatus::ALL {
            for actor in [Actor::Partner, Actor::Handler] {
                for eea in [false, true] {
                    let offered: Vec<Move> = moves(status, actor, eea).collect();
                    for mv in Move::ALL {
                        let accepted = apply(status, mv, actor, eea).is_ok();
                        assert_eq!(offered.contains(&mv), accepted, "{mv:?} on {status:?}");
                    }
                }
            }
        }
        // What the partner's app shows: no reply box once the outcome is accepted.
        assert!(moves(Accepted, Actor::Partner, true).next().is_none());
        assert!(moves(Closed, Actor::Handler, true).next().is_none());
        assert_eq!(
            moves(Resolved, Actor::Partner, false).collect::<Vec<_>>(),
            [Move::Reply, Move::Accept, Move::Dispute]
        );
        assert_eq!(
            moves(Disputed, Actor::Handler, false).collect::<Vec<_>>(),
            [Move::PostUpdate, Move::Close]
        );
    }

    #[test]
    fn a_reply_to_a_request_for_information_resumes_work() {
        let s = apply(InProgress, Move::RequestInfo, Actor::Handler, false).unwrap();
        assert_eq!(s, AwaitingPartner);
        let s = apply(s, Move::Reply, Actor::Partner, false).unwrap();
        assert_eq!(s, InProgress);
    }

    #[test]
    fn wire_ids_round_trip() {
        for actor in [Actor::Partner, Actor::Handler] {
            assert_eq!(Actor::from_wire(actor.as_str()), Some(actor));
            let json = serde_json::to_string(&actor).unwrap();
            assert_eq!(json, format!("\"{}\"", actor.as_str()));
        }
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::from_wire(s.as_str()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
    }

    #[test]
    fn a_reply_is_due_after_each_partner_message_until_support_answers() {
        // Every allowed move, from every status: the clock after it.
        for from in CaseStatus::ALL {
            for mv in Move::ALL {
                for eea in [false, true] {
                    let Ok(to) = apply(from, mv, mv.actor(), eea) else {
                        continue;
                    };
                    let clock = reply_clock(mv, to);
                    let expected = if !matches!(
                        to,
                        Submitted | Acknowledged | InProgress | Disputed | Mediation
                    ) {
                        ReplyClock::Stop
                    } else if mv.actor() == Actor::Partner {
                        ReplyClock::Start
                    } else if mv == Move::Acknowledge {
                        ReplyClock::Keep
                    } else {
                        ReplyClock::Stop
                    };
                    assert_eq!(clock, expected, "{mv:?} from {from:?} to {to:?}");
                }
            }
        }
        // The named cases of the promise.
        assert_eq!(reply_clock(Move::Dispute, Disputed), ReplyClock::Start);
        assert_eq!(
            reply_clock(Move::RequestMediation, Mediation),
            ReplyClock::Start
        );
        assert_eq!(reply_clock(Move::Reply, Resolved), ReplyClock::Stop);
        assert_eq!(reply_clock(Move::PostUpdate, Disputed), ReplyClock::Stop);
        assert_eq!(reply_clock(Move::Close, Closed), ReplyClock::Stop);
        assert_eq!(reply_clock(Move::Accept, Accepted), ReplyClock::Stop);
    }
}
