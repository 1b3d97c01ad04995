//! APNs with token-based authentication: a JWT signed ES256 with the team's .p8 key
//! (renewed every 40 minutes: Apple refuses tokens older than an hour and renewals
//! more often than every 20), sent over HTTP/2 to `/3/device/{token}`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jwt_simple::prelude::*;
use pulse_protocol::push::PushMessage;
use serde_json::json;
use tokio::sync::Mutex;

use super::{Delivery, REQUEST_TIMEOUT, TTL};

const RENEW_AFTER: Duration = Duration::from_secs(40 * 60);

/// APNs' settings: the .p8 key with its id, the team, the app's bundle id (the
/// topic) and the service's address (production, sandbox, or a test's receiver).
#[derive(Clone)]
pub struct ApnsSettings {
    key: Arc<ES256KeyPair>,
    pub key_id: String,
    pub team_id: String,
    pub topic: String,
    pub base_url: String,
}

impl ApnsSettings {
    pub fn from_file(
        path: &Path,
        key_id: &str,
        team_id: &str,
        topic: &str,
        base_url: &str,
    ) -> Result<ApnsSettings, String> {
        let pem = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let key = ES256KeyPair::from_pem(&pem)
            .map_err(|e| format!("{} is not an APNs .p8 key: {e}", path.display()))?
            .with_key_id(key_id);
        Ok(ApnsSettings {
            key: Arc::new(key),
            key_id: key_id.to_owned(),
            team_id: team_id.to_owned(),
            topic: topic.to_owned(),
            base_url: base_url.trim_end_matches('/').to_owned(),
        })
    }
}

pub(super) struct Apns {
    settings: ApnsSettings,
    http: reqwest::Client,
    token: Mutex<Option<(String, Instant)>>,
}

impl Apns {
    pub fn new(settings: ApnsSettings) -> Result<Apns, String> {
        let mut builder = reqwest::Client::builder()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(Duration::from_secs(5));
        // APNs speaks HTTP/2 only: over TLS it is agreed by ALPN; a plain-http address
        // (a receiver on loopback) is spoken to in HTTP/2 from the first byte.
        if settings.base_url.starts_with("http://") {
            builder = builder.http2_prior_knowledge();
        }
        Ok(Apns {
            settings,
            http: builder.build().map_err(|e| e.to_string())?,
            token: Mutex::new(None),
        })
    }

    async fn provider_token(&self, fresh: bool) -> Result<String, String> {
        let mut cached = self.token.lock().await;
        if let Some((token, made)) = cached.as_ref()
            && !fresh
            && made.elapsed() < RENEW_AFTER
        {
            return Ok(token.clone());
        }
        let claims = Claims::create(jwt_simple::prelude::Duration::from_mins(60))
            .with_issuer(&self.settings.team_id);
        let token = self.settings.key.sign(claims).map_err(|e| e.to_string())?;
        *cached = Some((token.clone(), Instant::now()));
        Ok(token)
    }

    pub async fn send(&self, device_token: &str, message: &PushMessage) -> Delivery {
        let body = json!({
            "aps": {
                "alert": { "title": message.title, "body": message.body },
                "sound": "default",
                "thread-id": message.case_id.to_string(),
            },
            "tag": message.tag,
            "case_id": message.case_id.to_string(),
            "event_id": message.event_id,
            "url": message.url,
        });
        let url = format!("{}/3/device/{device_token}", self.settings.base_url);
        let expiration = time::OffsetDateTime::now_utc().unix_timestamp() + TTL.as_secs() as i64;
        for fresh in [false, true] {
            let token = match self.provider_token(fresh).await {
                Ok(token) => token,
                Err(e) => return Delivery::retry(e),
            };
            let response = self
                .http
                .post(&url)
                .header("authorization", format!("bearer {token}"))
                .header("apns-topic", &self.settings.topic)
                .header("apns-push-type", "alert")
                .header("apns-priority", "10")
                .header("apns-expiration", expiration.to_string())
                .header("apns-collapse-id", &message.tag)
                .json(&body)
                .send()
                .await;
            let response = match response {
                Ok(response) => response,
                Err(e) => return Delivery::retry(format!("APNs did not answer: {e}")),
            };
            let status = response.status();
            let headers = response.headers().clone();
            let text = response.text().await.unwrap_or_default();
            if status == reqwest::StatusCode::FORBIDDEN
                && text.contains("ExpiredProviderToken")
                && !fresh
            {
                continue;
            }
            // 410 Unregistered; 400 BadDeviceToken or DeviceTokenNotForTopic: no target.
            let gone = status == reqwest::StatusCode::GONE
                || text.contains("BadDeviceToken")
                || text.contains("DeviceTokenNotForTopic")
                || text.contains("Unregistered");
            if gone {
                return Delivery::Gone(format!(
                    "{status} {}",
                    text.chars().take(200).collect::<String>()
                ));
            }
            return Delivery::from_status(status, &headers, &text);
        }
        Delivery::retry("APNs refused two provider tokens")
    }
}
