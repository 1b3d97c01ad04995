//! Firebase Cloud Messaging through its HTTP v1 API: an OAuth 2 access token got with
//! the service account's key (a JWT signed RS256, RFC 7523), cached until shortly
//! before it expires, then `POST /v1/projects/{project}/messages:send`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jwt_simple::prelude::*;
use pulse_protocol::push::PushMessage;
use serde_json::json;
use tokio::sync::Mutex;

use super::Delivery;

const SCOPE: &str = "https://www.googleapis.com/auth/firebase.messaging";

/// FCM's settings: the service account's JSON key file and the API's address (a flag,
/// so tests can point it at a receiver on loopback).
#[derive(Clone)]
pub struct FcmSettings {
    pub project_id: String,
    pub client_email: String,
    pub token_uri: String,
    key: Arc<RS256KeyPair>,
    pub base_url: String,
}

#[derive(serde::Deserialize)]
struct ServiceAccount {
    project_id: String,
    private_key: String,
    client_email: String,
    token_uri: String,
}

impl FcmSettings {
    /// Reads a service account key file as the Firebase console downloads it.
    pub fn from_file(path: &Path, base_url: &str) -> Result<FcmSettings, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let account: ServiceAccount = serde_json::from_str(&text)
            .map_err(|e| format!("{} is not a service account key: {e}", path.display()))?;
        let key = RS256KeyPair::from_pem(&account.private_key)
            .map_err(|e| format!("the service account's private key: {e}"))?;
        Ok(FcmSettings {
            project_id: account.project_id,
            client_email: account.client_email,
            token_uri: account.token_uri,
            key: Arc::new(key),
            base_url: base_url.trim_end_matches('/').to_owned(),
        })
    }
}

#[derive(Serialize, Deserialize)]
struct Scope {
    scope: String,
}

pub(super) struct Fcm {
    settings: FcmSettings,
    http: reqwest::Client,
    token: Mutex<Option<(String, Instant)>>,
}

impl Fcm {
    pub fn new(settings: FcmSettings, http: reqwest::Client) -> Fcm {
        Fcm {
            settings,
            http,
            token: Mutex::new(None),
        }
    }

    async fn access_token(&self, fresh: bool) -> Result<String, String> {
        let mut cached = self.token.lock().await;
        if let Some((token, until)) = cached.as_ref()
            && !fresh
            && Instant::now() < *until
        {
            return Ok(token.clone());
        }
        let claims = Claims::with_custom_claims(
            Scope {
                scope: SCOPE.into(),
            },
            jwt_simple::prelude::Duration::from_mins(60),
        )
        .with_issuer(&self.settings.client_email)
        .with_audience(&self.settings.token_uri);
        let assertion = self.settings.key.sign(claims).map_err(|e| e.to_string())?;
        let response = self
            .http
            .post(&self.settings.token_uri)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(format!(
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion={assertion}"
            ))
            .send()
            .await
            .map_err(|e| format!("the token endpoint did not answer: {e}"))?;
        if !response.status().is_success() {
            return Err(format!("the token endpoint answered {}", response.status()));
        }
        #[derive(serde::Deserialize)]
        struct Token {
            access_token: String,
            expires_in: u64,
        }
        let token: Token = response
            .json()
            .await
            .map_err(|e| format!("the token endpoint's answer: {e}"))?;
        // Renewed a minute early, so no request goes out with a token about to end.
        let until = Instant::now() + Duration::from_secs(token.expires_in.saturating_sub(60));
        *cached = Some((token.access_token.clone(), until));
        Ok(token.access_token)
    }

    pub async fn send(&self, token: &str, message: &PushMessage) -> Delivery {
        let body = json!({
            "message": {
                "token": token,
                "notification": { "title": message.title, "body": message.body },
                // Strings only, as FCM requires: what the app shows and needs to open the
                // case, so that the app's own service can show it too.
                "data": {
                    "title": message.title,
                    "body": message.body,
                    "tag": message.tag,
                    "case_id": message.case_id.to_string(),
                    "event_id": message.event_id.to_string(),
                    "url": message.url,
                },
                "android": {
                    "collapse_key": message.tag,
                    "priority": "high",
                    // A tap while the app is in the background (FCM shows the notification
                    // itself then) goes to the app's push activity, which opens the case.
                    "notification": {
                        "tag": message.tag,
                        "click_action": "com.pulse.companion.push.OPEN_CASE",
                    },
                },
            }
        });
        let url = format!(
            "{}/v1/projects/{}/messages:send",
            self.settings.base_url, self.settings.project_id
        );
        for fresh in [false, true] {
            let access = match self.access_token(fresh).await {
                Ok(access) => access,
                Err(e) => return Delivery::retry(e),
            };
            let response = match self
                .http
                .post(&url)
                .bearer_auth(access)
                .json(&body)
                .send()
                .await
            {
                Ok(response) => response,
                Err(e) => return Delivery::retry(format!("FCM did not answer: {e}")),
            };
            let status = response.status();
            let headers = response.headers().clone();
            let text = response.text().await.unwrap_or_default();
            if status == reqwest::StatusCode::UNAUTHORIZED && !fresh {
                continue; // the access token was revoked early: once more with a new one
            }
            // FCM's v1 errors: UNREGISTERED (404) is a token that is no more, and so is
            // a token of another sender; INVALID_ARGUMENT with a bad token too.
            let gone = status == reqwest::StatusCode::NOT_FOUND
                || text.contains("UNREGISTERED")
                || text.contains("SENDER_ID_MISMATCH")
                || (status == reqwest::StatusCode::BAD_REQUEST
                    && text.contains("registration token"));
            if gone {
                return Delivery::Gone(format!(
                    "{status} {}",
                    text.chars().take(200).collect::<String>()
                ));
            }
            return Delivery::from_status(status, &headers, &text);
        }
        Delivery::retry("FCM refused two access tokens")
    }
}
