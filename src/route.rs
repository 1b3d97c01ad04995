//! Every screen of the app and its address, in one place.

use dioxus::prelude::*;
use uuid::Uuid;

use crate::views::case::CaseScreen;
use crate::views::compose::Compose;
use crate::views::drafts::{Drafts, Outbox};
use crate::views::help::{Article, Help};
use crate::views::home::Home;
use crate::views::messages::Messages;
use crate::views::more::More;
use crate::views::notifications::NotificationList;
use crate::views::sent::Sent;
use crate::views::settings::Settings;
use crate::views::shell::Shell;

#[derive(Routable, Clone, PartialEq, Debug)]
#[rustfmt::skip]
pub enum Route {
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
        Article { article: String },
        /// `kind` is a contact kind (question, technical_issue, complaint); `draft` a
        /// draft's id, or "new".
        #[route("/write/:kind/:draft")]
        Compose { kind: String, draft: String },
        #[route("/sent/:item")]
        Sent { item: Uuid },
        #[route("/drafts")]
        Drafts {},
        #[route("/outbox")]
        Outbox {},
        #[route("/settings")]
        Settings {},
}

impl Route {
    /// A new message of `kind`.
    pub fn write(kind: &str) -> Route {
        Route::Compose {
            kind: kind.to_owned(),
            draft: "new".to_owned(),
        }
    }
}
