//! The screens, one module each.

pub mod case;
pub mod compose;
pub mod drafts;
pub mod help;
pub mod home;
pub mod messages;
pub mod more;
pub mod not_found;
pub mod notifications;
pub mod password;
pub mod sent;
pub mod settings;
pub mod shell;
pub mod sign_in;
