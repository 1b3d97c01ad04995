//! The Pulse Companion app: the screens partners touch, in Dioxus, over pulse-client.
//!
//! It owns layout, words and navigation, and nothing else: every rule about what may be
//! sent lives in pulse-protocol, every byte stored or sent goes through pulse-client.
//! It must never hold SQL, HTTP or a user-visible literal (texts come from Fluent,
//! `locales/<lang>/*.ftl`, through [`i18n`]).

pub mod app;
pub mod components;
pub mod i18n;
#[cfg(any(target_os = "android", target_os = "ios"))]
pub mod native_push;
pub mod platform;
pub mod push;
pub mod route;
pub mod state;
pub mod views;

pub use app::{App, Root, RootProps, launch};

/// A `data:` URL for showing a kept photo without a file server.
pub fn data_url(media_type: &str, bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "data:{media_type};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}
