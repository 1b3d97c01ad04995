//! The console's screens.

pub mod case;
pub mod invite;
pub mod queue;
pub mod saved;
pub mod shell;
pub mod sign_in;
