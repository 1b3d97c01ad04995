//! pulse-protocol: the shared language of the Pulse Companion app and its server — wire
//! types, the topic catalog, the case lifecycle and the parsing of user input.
//!
//! It is pure: no I/O, no async, no clock. Whatever both sides must agree on lives here
//! once, so the app can check a form exactly as the server will.

pub mod error;
pub mod input;
pub mod lifecycle;
pub mod push;
pub mod request;
pub mod sse;
pub mod topics;
pub mod wire;

pub use error::{ErrorBody, ErrorCode};
pub use lifecycle::{Actor, CaseStatus, Move};
pub use topics::TopicId;
