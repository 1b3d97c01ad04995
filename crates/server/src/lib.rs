//! pulse-server: the Pulse Companion backend — partner and handler accounts, cases and
//! their event log, attachments, and the live event stream, over HTTP (axum), stored in
//! SQLite (one file, the default) or PostgreSQL (several instances; see [`store`]).
//!
//! It owns storage and access control: a partner only ever sees their own cases, and the
//! case lifecycle of `pulse_protocol` is the only way a case changes. It must never send
//! internal detail (SQL, stack, paths) to a client, nor log a token, a password or a
//! message body at info level.

pub mod api;
pub mod app;
pub mod auth;
pub mod cli;
pub mod client_addr;
pub mod demo;
pub mod error;
pub mod feed;
pub mod mail;
pub mod onboarding;
pub mod passwords;
pub mod push;
pub mod serve;
pub mod store;
pub mod streams;
pub mod throttle;

pub use app::{Limits, RunningServer, ServerConfig, StartError, start};
pub use store::SessionPolicy;
