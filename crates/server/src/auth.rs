//! Who is calling: password hashing, bearer tokens (stored only as SHA-256 hashes), the
//! extractors that turn a token into a partner or a handler, checked against the per-token
//! rate limit.

use std::net::IpAddr;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use pulse_protocol::Actor;
use sha2::{Digest, Sha256};

use crate::app::AppState;
use crate::error::ApiError;
use crate::store::AuthAccount;

/// Hashes a password with argon2id and a fresh salt (slow on purpose: run it off the
/// async threads).
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

/// Checks a password against a stored hash; a malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A new bearer token and the hash under which it is stored.
pub fn new_token() -> (String, [u8; 32]) {
    let token = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>());
    let hash = token_hash(&token);
    (token, hash)
}

pub fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// The key an account's requests count against, whichever of its tokens they carry.
pub fn account_key(account_id: i64) -> [u8; 32] {
    Sha256::digest(format!("account:{account_id}").as_bytes()).into()
}

/// The key sign-in attempts from one address count against.
pub fn address_key(ip: IpAddr) -> [u8; 32] {
    Sha256::digest(format!("sign-in:{ip}").as_bytes()).into()
}

/// Any signed-in account. Rejects with 401 without a token of a live session, 429 over
/// the account's limit (shared by all its tokens: signing in again gives no more).
pub struct Caller {
    pub account: AuthAccount,
    pub token_hash: [u8; 32],
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Caller, ApiError> {
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(ApiError::unauthorized)?;
        let token_hash = token_hash(token);
        let account = state
            .store()
            .session_account(&token_hash, state.limits().sessions)
            .await?
            .ok_or_else(ApiError::unauthorized)?;
        state.check_rate(&account_key(account.id)).await?;
        Ok(Caller {
            account,
            token_hash,
        })
    }
}

/// A signed-in partner; a handler's token answers 403.
pub struct Partner(pub AuthAccount);

impl FromRequestParts<AppState> for Partner {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Partner, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        match caller.account.role {
            Actor::Partner => Ok(Partner(caller.account)),
            Actor::Handler => Err(ApiError::forbidden()),
        }
    }
}

/// A signed-in case handler; a partner's token answers 403.
pub struct Handler(pub AuthAccount);

impl FromRequestParts<AppState> for Handler {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Handler, ApiError> {
        let caller = Caller::from_request_parts(parts, state).await?;
        match caller.account.role {
            Actor::Handler => Ok(Handler(caller.account)),
            Actor::Partner => Err(ApiError::forbidden()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("correct horse!", &hash));
        assert!(!verify_password("correct horse", "not a hash"));
    }

    #[test]
    fn tokens_are_random_and_stored_as_hashes() {
        let (a, hash_a) = new_token();
        let (b, _) = new_token();
        assert_ne!(a, b);
        assert!(a.len() >= 43);
        assert_eq!(token_hash(&a), hash_a);
        assert!(!hash_a.iter().all(|b| *b == 0));
    }
}
