//! Every screen of the app and its address, in one place. An address's parameters are
//! parsed into types (a contact kind, a draft or "new", a help article), so a screen
//! never sees a raw segment and a wrong address is "not found", not a guess.

use std::fmt;
use std::str::FromStr;

use dioxus::prelude::*;
use pulse_protocol::wire::ContactKind;
use uuid::Uuid;

use crate::views::case::CaseScreen;
use crate::views::compose::Compose;
use crate::views::drafts::{Drafts, Outbox};
use crate::views::help::{ARTICLES, Article, Help};
use crate::views::home::Home;
use crate::views::messages::Messages;
use crate::views::more::More;
use crate::views::not_found::NotFound;
use crate::views::notifications::NotificationList;
use crate::views::password::{ForgotPassword, ResetPassword, Welcome};
use crate::views::sent::Sent;
use crate::views::settings::Settings;
use crate::views::shell::Shell;

#[derive(Routable, Clone, PartialEq, Debug)]
#[rustfmt::skip]
pub enum Route {
    // Opened from e-mails and the sign-in screen, signed in or not. The token of a
    // link rides in the fragment, which never reaches a server.
    #[route("/welcome#:token")]
    Welcome { token: String },
    #[route("/reset-password#:token")]
    ResetPassword { token: String },
    #[route("/forgot-password")]
    ForgotPassword {},
    #[layout(Shell)]
        #[route("/")]
        Home {},
        #[route("/messages")]
        Messages {},
        #[route("/messages/:id")]
        CaseScreen { id: Uuid },
        #[route("/notifications")]
        NotificationList {},
        #[route("/more")]
        More {},
        #[route("/help")]
        Help {},
        #[route("/help/:article")]
        Article { article: HelpArticle },
        #[route("/write/:kind/:draft")]
        Compose { kind: Kind, draft: DraftRef },
        #[route("/sent/:item")]
        Sent { item: Uuid },
        #[route("/drafts")]
        Drafts {},
        #[route("/outbox")]
        Outbox {},
        #[route("/settings")]
        Settings {},
        #[route("/:..segments")]
        NotFound { segments: Vec<String> },
}

impl Route {
    /// A new message of `kind`.
    pub fn write(kind: ContactKind) -> Route {
        Route::Compose {
            kind: Kind(kind),
            draft: DraftRef::New,
        }
    }

    /// A saved draft, in the form for its kind.
    pub fn draft(kind: ContactKind, id: Uuid) -> Route {
        Route::Compose {
            kind: Kind(kind),
            draft: DraftRef::Saved(id),
        }
    }
}

/// An address segment that names nothing the app knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSegment(String);

impl fmt::Display for UnknownSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no such address segment: {:?}", self.0)
    }
}

/// The kind of message a compose screen writes, by its wire id (`technical_issue`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind(pub ContactKind);

impl FromStr for Kind {
    type Err = UnknownSegment;

    fn from_str(s: &str) -> Result<Kind, UnknownSegment> {
        ContactKind::from_wire(s)
            .map(Kind)
            .ok_or_else(|| UnknownSegment(s.to_owned()))
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// Which draft a compose screen edits: a new one, or one saved on this phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftRef {
    New,
    Saved(Uuid),
}

impl DraftRef {
    pub fn id(self) -> Option<Uuid> {
        match self {
            DraftRef::New => None,
            DraftRef::Saved(id) => Some(id),
        }
    }
}

impl FromStr for DraftRef {
    type Err = UnknownSegment;

    fn from_str(s: &str) -> Result<DraftRef, UnknownSegment> {
        if s == "new" {
            return Ok(DraftRef::New);
        }
        Uuid::parse_str(s)
            .map(DraftRef::Saved)
            .map_err(|_| UnknownSegment(s.to_owned()))
    }
}

impl fmt::Display for DraftRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftRef::New => f.write_str("new"),
            DraftRef::Saved(id) => write!(f, "{id}"),
        }
    }
}

/// One of the app's help articles (see [`ARTICLES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpArticle(&'static str);

impl HelpArticle {
    /// Every article, in the order shown.
    pub fn all() -> impl Iterator<Item = HelpArticle> {
        ARTICLES.iter().map(|id| HelpArticle(id))
    }

    pub fn id(self) -> &'static str {
        self.0
    }
}

impl FromStr for HelpArticle {
    type Err = UnknownSegment;

    fn from_str(s: &str) -> Result<HelpArticle, UnknownSegment> {
        ARTICLES
            .iter()
            .find(|id| **id == s)
            .map(|id| HelpArticle(id))
            .ok_or_else(|| UnknownSegment(s.to_owned()))
    }
}

impl fmt::Display for HelpArticle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_round_trip_through_their_types() {
        let id = Uuid::new_v4();
        for route in [
            Route::write(ContactKind::TechnicalIssue),
            Route::draft(ContactKind::Complaint, id),
            Route::Article {
                article: HelpArticle("process"),
            },
        ] {
            let address = route.to_string();
            assert_eq!(address.parse::<Route>().ok(), Some(route), "{address}");
        }
        assert_eq!(
            Route::write(ContactKind::Question).to_string(),
            "/write/question/new"
        );
        assert!(matches!(
            "/write/letter/new".parse::<Route>(),
            Ok(Route::NotFound { .. })
        ));
        assert!(matches!(
            "/write/question/yesterday".parse::<Route>(),
            Ok(Route::NotFound { .. })
        ));
        assert!(matches!(
            "/help/weather".parse::<Route>(),
            Ok(Route::NotFound { .. })
        ));
        // A notification's tap opens its case (the service worker and the phones
        // navigate to pulse_protocol's path).
        assert_eq!(
            pulse_protocol::push::case_path(id).parse::<Route>().ok(),
            Some(Route::CaseScreen { id })
        );
    }
}
