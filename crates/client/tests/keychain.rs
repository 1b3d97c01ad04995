//! The desktop keychain: on Linux with the `secret-service` feature the session token
//! lives in the Secret Service (GNOME Keyring, KWallet, KeePassXC), so a desktop stays
//! signed in across restarts and the token is in no file of the app's. Needs a session
//! bus with a Secret Service on it: scripts/test.sh runs this under `dbus-run-session`
//! with a fresh, unlocked gnome-keyring. Without one it fails, and says why.
#![cfg(all(target_os = "linux", feature = "secret-service"))]

mod helpers;

use std::sync::Arc;

use helpers::{PARTNER, PASSWORD, Server};
use pulse_client::{AuthState, ClientConfig, OnSignOut, Pulse};

/// The Secret Service store, opened off the runtime's threads as the app opens it (its
/// D-Bus connection blocks on a runtime of its own).
fn secret_service() -> Arc<keyring_core::CredentialStore> {
    std::thread::spawn(pulse_client::vault::platform_store)
        .join()
        .unwrap()
        .expect(
            "a Secret Service on the session bus: run under dbus-run-session with an \
             unlocked gnome-keyring-daemon (scripts/test.sh does)",
        )
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[tokio::test(flavor = "multi_thread")]
async fn a_desktop_stays_signed_in_through_the_secret_service() {
    let server = Server::start().await;
    let dir = tempfile::tempdir().unwrap();
    let open = || async {
        Pulse::open(ClientConfig::new(dir.path().join("app"), secret_service()))
            .await
            .unwrap()
    };

    let pulse = open().await;
    let account = pulse
        .sign_in(&server.url(), PARTNER, PASSWORD)
        .await
        .unwrap();
    pulse.close();
    drop(pulse);

    // A new start, a new connection to the keyring: still signed in.
    let pulse = open().await;
    assert!(
        matches!(pulse.auth(), AuthState::SignedIn(_)),
        "{:?}",
        pulse.auth()
    );
    assert!(
        pulse.refresh_cases().await.is_ok(),
        "the kept token is accepted"
    );
    // The token is in the keyring, and in none of the app's files.
    let user = format!("{}#{}", server.url(), account.id);
    let token = std::thread::spawn(move || {
        secret_service()
            .build("pulse-companion", &user, None)
            .unwrap()
            .get_password()
    })
    .join()
    .unwrap()
    .expect("the token is in the Secret Service");
    assert!(token.len() >= 32);
    for file in walk(dir.path()) {
        let bytes = std::fs::read(&file).unwrap();
        let found = bytes.windows(token.len()).any(|w| w == token.as_bytes());
        assert!(!found, "the token is in {}", file.display());
    }

    // Signing out takes it out of the keyring: the next start is signed out.
    pulse.sign_out(OnSignOut::Keep).await.unwrap();
    pulse.close();
    drop(pulse);
    let pulse = open().await;
    assert_eq!(pulse.auth(), AuthState::SignedOut);
}
