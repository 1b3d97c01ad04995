//! The session token's home: the OS keychain through keyring-core, never the SQLite file
//! or a log line. The credential store is a parameter: the platform's on a phone, an
//! in-memory one in tests.

use std::sync::Arc;

use keyring_core::{CredentialStore, Error as KeyringError};

use crate::api::Token;

const SERVICE: &str = "pulse-companion";

/// Why the keychain could not be used. Never carries the secret.
#[derive(Debug, thiserror::Error)]
#[error("the keychain refused: {0}")]
pub struct VaultError(String);

impl From<KeyringError> for VaultError {
    fn from(e: KeyringError) -> VaultError {
        // Keyring errors describe the store's failure, not the secret; keep them short.
        VaultError(match e {
            KeyringError::NoStorageAccess(_) => "no access to the credential store".into(),
            KeyringError::PlatformFailure(_) => "the platform's credential store failed".into(),
            KeyringError::NoDefaultStore => "no credential store is set up".into(),
            other => format!("{other}"),
        })
    }
}

/// Tokens kept in a credential store, one per account.
#[derive(Clone)]
pub struct Vault {
    store: Arc<CredentialStore>,
}

impl Vault {
    pub fn new(store: Arc<CredentialStore>) -> Vault {
        Vault { store }
    }

    pub fn save(&self, account: &str, token: &Token) -> Result<(), VaultError> {
        let entry = self.store.build(SERVICE, account, None)?;
        entry.set_password(token.expose())?;
        Ok(())
    }

    pub fn load(&self, account: &str) -> Result<Option<Token>, VaultError> {
        let entry = self.store.build(SERVICE, account, None)?;
        match entry.get_password() {
            Ok(token) => Ok(Some(Token::new(token))),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    pub fn delete(&self, account: &str) -> Result<(), VaultError> {
        let entry = self.store.build(SERVICE, account, None)?;
        match entry.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}

/// The credential store of the platform the app runs on.
///
/// Android: the Keystore (android-native-keyring-store); iOS: the protected data
/// keychain (apple-native-keyring-store); Linux desktops: the Secret Service, with the
/// `secret-service` feature; a browser: the site's local storage, the only place a page
/// can keep anything across reloads. Elsewhere there is none and the app must pass one.
pub fn platform_store() -> Result<Arc<CredentialStore>, VaultError> {
    platform::store()
}

#[cfg(target_os = "android")]
mod platform {
    use super::*;
    pub fn store() -> Result<Arc<CredentialStore>, VaultError> {
        Ok(android_native_keyring_store::Store::new()?)
    }
}

#[cfg(target_os = "ios")]
mod platform {
    use super::*;
    pub fn store() -> Result<Arc<CredentialStore>, VaultError> {
        Ok(apple_native_keyring_store::protected::Store::new()?)
    }
}

#[cfg(all(target_os = "linux", feature = "secret-service"))]
mod platform {
    use super::*;
    pub fn store() -> Result<Arc<CredentialStore>, VaultError> {
        Ok(zbus_secret_service_keyring_store::Store::new()?)
    }
}

#[cfg(target_family = "wasm")]
mod platform {
    use super::*;
    pub fn store() -> Result<Arc<CredentialStore>, VaultError> {
        Ok(Arc::new(web::LocalStorage))
    }
}

#[cfg(target_family = "wasm")]
mod web {
    //! keyring-core's store contract over `window.localStorage`. Nothing is held between
    //! calls, so the store is trivially `Send + Sync` on the browser's single thread.

    use std::any::Any;
    use std::collections::HashMap;
    use std::sync::Arc;

    use keyring_core::api::{Credential, CredentialApi, CredentialStoreApi};
    use keyring_core::{Entry, Error, Result};

    #[derive(Debug)]
    pub struct LocalStorage;

    #[derive(Debug)]
    struct Item {
        service: String,
        user: String,
    }

    fn storage() -> Result<web_sys::Storage> {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or_else(|| Error::NoStorageAccess("no local storage in this page".into()))
    }

    fn failed(_: wasm_bindgen::JsValue) -> Error {
        Error::PlatformFailure("local storage refused the call".into())
    }

    impl Item {
        fn key(&self) -> String {
            format!("keyring:{}:{}", self.service, self.user)
        }
    }

    impl CredentialApi for Item {
        fn set_secret(&self, secret: &[u8]) -> Result<()> {
            let text = String::from_utf8(secret.to_vec())
                .map_err(|_| Error::Invalid("secret".into(), "not UTF-8".into()))?;
            storage()?.set_item(&self.key(), &text).map_err(failed)
        }

        fn get_secret(&self) -> Result<Vec<u8>> {
            match storage()?.get_item(&self.key()).map_err(failed)? {
                Some(text) => Ok(text.into_bytes()),
                None => Err(Error::NoEntry),
            }
        }

        fn delete_credential(&self) -> Result<()> {
            let storage = storage()?;
            if storage.get_item(&self.key()).map_err(failed)?.is_none() {
                return Err(Error::NoEntry);
            }
            storage.remove_item(&self.key()).map_err(failed)
        }

        fn get_credential(&self) -> Result<Option<Arc<Credential>>> {
            self.get_secret().map(|_| None)
        }

        fn get_specifiers(&self) -> Option<(String, String)> {
            Some((self.service.clone(), self.user.clone()))
        }

        fn as_any(&self) -> &dyn Any {
            self
        }
    }

    impl CredentialStoreApi for LocalStorage {
        fn vendor(&self) -> String {
            "pulse-companion web".into()
        }

        fn id(&self) -> String {
            "localStorage".into()
        }

        fn build(
            &self,
            service: &str,
            user: &str,
            _modifiers: Option<&HashMap<&str, &str>>,
        ) -> Result<Entry> {
            Ok(Entry::new_with_credential(Arc::new(Item {
                service: service.to_owned(),
                user: user.to_owned(),
            })))
        }

        fn as_any(&self) -> &dyn Any {
            self
        }
    }
}

#[cfg(not(any(
    target_os = "android",
    target_os = "ios",
    target_family = "wasm",
    all(target_os = "linux", feature = "secret-service")
)))]
mod platform {
    use super::*;
    pub fn store() -> Result<Arc<CredentialStore>, VaultError> {
        Err(KeyringError::NoDefaultStore.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_vanish() {
        let vault = Vault::new(keyring_core::sample::Store::new().unwrap());
        assert_eq!(vault.load("a").unwrap(), None);
        vault.save("a", &Token::new("secret-1".into())).unwrap();
        assert_eq!(
            vault.load("a").unwrap(),
            Some(Token::new("secret-1".into()))
        );
        assert_eq!(vault.load("b").unwrap(), None);
        vault.delete("a").unwrap();
        vault.delete("a").unwrap();
        assert_eq!(vault.load("a").unwrap(), None);
        assert_eq!(format!("{:?}", Token::new("secret-1".into())), "Token(…)");
    }
}
