//! Every screen of the console and its address (under `/console`, dx's base path).

use std::fmt;
use std::str::FromStr;

use dioxus::prelude::*;
use pulse_protocol::wire::QueueView;
use uuid::Uuid;

use crate::views::case::CaseScreen;
use crate::views::invite::InviteScreen;
use crate::views::queue::{Queue, QueueHome};
use crate::views::saved::SavedRepliesScreen;
use crate::views::shell::Shell;

#[derive(Routable, Clone, PartialEq, Debug)]
#[rustfmt::skip]
pub enum Route {
    #[layout(Shell)]
        #[route("/")]
        QueueHome {},
        #[route("/views/:view")]
        Queue { view: View },
        #[route("/cases/:id")]
        CaseScreen { id: Uuid },
        #[route("/saved-replies")]
        SavedRepliesScreen {},
        #[route("/invite")]
        InviteScreen {},
    #[end_layout]
    #[route("/:..rest")]
    Lost { rest: Vec<String> },
}

/// A view in an address: its wire id (`due_soon`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View(pub QueueView);

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl FromStr for View {
    type Err = String;
    fn from_str(s: &str) -> Result<View, String> {
        QueueView::from_wire(s)
            .map(View)
            .ok_or_else(|| format!("no view {s}"))
    }
}

/// An address the console does not have: back to the queue.
#[component]
fn Lost(rest: Vec<String>) -> Element {
    let _ = rest;
    rsx! {
        main { class: "lost", "data-testid": "console-not-found",
            p { {crate::i18n::t("console-not-found")} }
            Link { to: Route::QueueHome {}, {crate::i18n::t("console-back-to-queue")} }
        }
    }
}
