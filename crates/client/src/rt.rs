//! What the engine asks of a runtime (start a task, sleep, give up after a while, run
//! blocking work), from Tokio on phones and desktops and from the page's event loop in a
//! browser, where there are no threads to block. The app uses the first three too, so
//! that it never names a runtime itself.

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

/// Runs blocking work (SQLite) on Tokio's blocking pool, so that neither the UI thread
/// nor an async worker thread waits on the disk. `None` when the runtime is shutting
/// down and the work could not run; a panic in the work is the caller's again.
#[cfg(not(target_family = "wasm"))]
pub(crate) async fn blocking<T, F>(work: F) -> Option<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    match tokio::task::spawn_blocking(work).await {
        Ok(value) => Some(value),
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        Err(_) => None,
    }
}

/// Runs the work inline: a page has one thread, and its database pages are in memory.
#[cfg(target_family = "wasm")]
pub(crate) async fn blocking<T, F>(work: F) -> Option<T>
where
    F: FnOnce() -> T,
{
    Some(work())
}
