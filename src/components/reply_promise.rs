//! By when support aims to reply on a case, or, once that has passed, that the reply
//! is late: the case's own promise, never a fixed number of hours.

use dioxus::prelude::*;
use pulse_protocol::lifecycle;
use pulse_protocol::wire::CaseSummary;
use time::OffsetDateTime;

use crate::i18n;

/// The promise of `case`, on the partner's clock; nothing when no reply is due (the
/// case waits on the partner, or support has answered).
#[component]
pub fn ReplyPromise(case: CaseSummary) -> Element {
    // A cached summary may still carry the time after the case stopped waiting on
    // support (the stream does not move it); the status is always current.
    let Some(due) = case
        .reply_due_at
        .filter(|_| lifecycle::owes_reply(case.status))
    else {
        return rsx! {};
    };
    let now = OffsetDateTime::now_utc();
    if due > now {
        rsx! {
            div { class: "callout good", "data-testid": "reply-promise",
                {i18n::moment("case-reply-due", due, now)}
            }
        }
    } else {
        // Said plainly: a promise that was missed is not hidden.
        rsx! {
            div { class: "callout info", role: "status", "data-testid": "reply-late",
                {i18n::moment("case-reply-late", due, now)}
            }
        }
    }
}
