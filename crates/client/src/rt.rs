//! The three things the engine asks of a runtime (start a task, sleep, give up after a
//! while), from Tokio on phones and desktops and from the page's event loop in a
//! browser, where there are no threads to block. The app uses them too, so that it
//! never names a runtime itself.

use std::future::Future;

#[cfg(not(target_family = "wasm"))]
pub use tokio::time::{sleep, timeout};
#[cfg(target_family = "wasm")]
pub use wasmtimer::tokio::{sleep, timeout};

/// Starts a background task that runs until it returns.
#[cfg(not(target_family = "wasm"))]
pub fn spawn(task: impl Future<Output = ()> + Send + 'static) {
    tokio::spawn(task);
}

/// Starts a background task that runs until it returns.
#[cfg(target_family = "wasm")]
pub fn spawn(task: impl Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(task);
}
