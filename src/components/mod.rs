//! Pieces several screens share, one module each: icons, the top bar, status chips, an
//! outbox item's state and what can be done about it, the notice of a failed action,
//! the error a screen shows when it cannot read what it needs, a case's promise of a
//! reply, and signing out.

mod icon;
mod notice;
mod outbox_item;
mod reply_promise;
mod screen_error;
mod sign_out;
mod status;
mod top_bar;
mod window_title;

pub use icon::{Icon, Svg};
pub use notice::ActionNotice;
pub use outbox_item::{
    FailedActions, OutboxStateLine, QueuedActions, needs_action, outbox_state_class,
    outbox_state_text,
};
pub use reply_promise::ReplyPromise;
pub use screen_error::{Loading, ReadError, ScreenBoundary};
pub use sign_out::SignOutButton;
pub use status::StatusChip;
pub use top_bar::TopBar;
pub use window_title::WindowTitle;

use time::OffsetDateTime;

/// "5 minutes ago" from the device's clock.
pub fn ago(at: OffsetDateTime) -> String {
    crate::i18n::relative_time(at, OffsetDateTime::now_utc())
}
