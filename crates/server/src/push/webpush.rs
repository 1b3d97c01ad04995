//! Web Push: the payload encrypted for the subscription (RFC 8291, aes128gcm, by
//! `web-push-native`) and the request signed with the server's VAPID key (RFC 8292);
//! sent with the server's HTTP client. The VAPID token is made here rather than by
//! `web-push-native`, whose token leaves a non-default port out of the audience and
//! lives as long as the push's TTL (RFC 8292 allows at most 24 hours).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use pulse_protocol::push::PushMessage;
use web_push_native::jwt_simple::algorithms::{
    ECDSAP256KeyPairLike, ECDSAP256PublicKeyLike, ES256KeyPair,
};
use web_push_native::jwt_simple::claims::Claims;
use web_push_native::{Auth, WebPushBuilder, p256};

use super::{Delivery, TTL};
use crate::store::PushRow;

/// How long a VAPID token is valid (RFC 8292: at most 24 hours), and how long one is
/// reused for the same push service.
const VAPID_VALID: Duration = Duration::from_secs(12 * 3600);
const VAPID_REUSE: Duration = Duration::from_secs(3600);

/// The server's VAPID key pair and the contact it names, with the tokens signed
/// lately, by push service origin (a fan-out signs once per service, not per push).
pub struct Vapid {
    key: ES256KeyPair,
    public_key: String,
    subject: String,
    tokens: Mutex<HashMap<String, (String, Instant)>>,
}

#[derive(Debug, thiserror::Error)]
pub enum VapidError {
    #[error("cannot read or write the VAPID key at {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("the VAPID key at {0} is not a base64url P-256 private key")]
    Invalid(String),
    #[error("the VAPID subject must be a mailto: or https: URL, not {0:?}")]
    Subject(String),
}

impl Vapid {
    /// The key kept at `path`: read, or made and written there (readable by the
    /// server's user only) when the file does not exist yet.
    pub fn load_or_create(path: &Path, subject: &str) -> Result<Vapid, VapidError> {
        if !(subject.starts_with("mailto:") || subject.starts_with("https://")) {
            return Err(VapidError::Subject(subject.to_owned()));
        }
        let io = |source| VapidError::Io {
            path: path.display().to_string(),
            source,
        };
        let key = match std::fs::read_to_string(path) {
            Ok(text) => URL_SAFE_NO_PAD
                .decode(text.trim())
                .ok()
                .and_then(|raw| ES256KeyPair::from_bytes(&raw).ok())
                .ok_or_else(|| VapidError::Invalid(path.display().to_string()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let key = ES256KeyPair::generate();
                write_private(path, &URL_SAFE_NO_PAD.encode(key.to_bytes())).map_err(io)?;
                tracing::info!(path = %path.display(), "made a VAPID key for Web Push");
                key
            }
            Err(e) => return Err(io(e)),
        };
        let public_key =
            URL_SAFE_NO_PAD.encode(key.public_key().public_key().to_bytes_uncompressed());
        Ok(Vapid {
            key,
            public_key,
            subject: subject.to_owned(),
            tokens: Mutex::default(),
        })
    }

    /// The public key, uncompressed, base64url: the app's `applicationServerKey`.
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// The `Authorization` header for a push to `endpoint` (RFC 8292 section 3):
    /// `vapid t=<JWT>, k=<public key>`, the JWT's audience the endpoint's origin.
    fn authorization(&self, endpoint: &http::Uri) -> Result<String, String> {
        let origin = origin(endpoint).ok_or("the endpoint has no origin")?;
        let mut tokens = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((token, made)) = tokens.get(&origin)
            && made.elapsed() < VAPID_REUSE
        {
            return Ok(format!("vapid t={token}, k={}", self.public_key));
        }
        let claims = Claims::create(VAPID_VALID.into())
            .with_audience(&origin)
            .with_subject(&self.subject);
        let token = self.key.sign(claims).map_err(|e| e.to_string())?;
        if tokens.len() > 1_000 {
            tokens.clear();
        }
        tokens.insert(origin, (token.clone(), Instant::now()));
        Ok(format!("vapid t={token}, k={}", self.public_key))
    }
}

/// An URL's origin as RFC 6454 serializes it: scheme, host, and the port unless it is
/// the scheme's default.
fn origin(uri: &http::Uri) -> Option<String> {
    let scheme = uri.scheme_str()?;
    let host = uri.host()?;
    let default = match scheme {
        "https" => 443,
        "http" => 80,
        _ => 0,
    };
    Some(match uri.port_u16() {
        Some(port) if port != default => format!("{scheme}://{host}:{port}"),
        _ => format!("{scheme}://{host}"),
    })
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    use std::io::Write;
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

pub(super) async fn send(
    http: &reqwest::Client,
    vapid: &Vapid,
    row: &PushRow,
    message: &PushMessage,
    payload: Vec<u8>,
) -> Delivery {
    let request = match build(vapid, row, payload) {
        Ok(request) => request,
        // Checked at registration: a stored target that no longer parses is no target.
        Err(why) => return Delivery::Gone(why),
    };
    let mut request = match reqwest::Request::try_from(request) {
        Ok(request) => request,
        Err(e) => return Delivery::Gone(e.to_string()),
    };
    let headers = request.headers_mut();
    // RFC 8030 5.3 and 5.4: a case's news is worth waking the phone for, and a second
    // delivery of the same event replaces the first at the push service.
    headers.insert("Urgency", reqwest::header::HeaderValue::from_static("high"));
    if let Ok(topic) = reqwest::header::HeaderValue::from_str(&message.tag) {
        headers.insert("Topic", topic);
    }
    match http.execute(request).await {
        Ok(response) => {
            let status = response.status();
            let headers = response.headers().clone();
            let body = response.text().await.unwrap_or_default();
            Delivery::from_status(status, &headers, &body)
        }
        Err(e) => Delivery::retry(format!("the push service did not answer: {e}")),
    }
}

fn build(vapid: &Vapid, row: &PushRow, payload: Vec<u8>) -> Result<http::Request<Vec<u8>>, String> {
    let endpoint: http::Uri = row.address.parse().map_err(|e| format!("endpoint: {e}"))?;
    let authorization = vapid.authorization(&endpoint)?;
    let key = row
        .p256dh
        .as_deref()
        .and_then(|k| p256::PublicKey::from_sec1_bytes(k).ok())
        .ok_or("the subscription's key is not a P-256 point")?;
    let auth = row
        .auth
        .as_deref()
        .filter(|a| a.len() == 16)
        .map(Auth::clone_from_slice)
        .ok_or("the subscription's secret is not 16 bytes")?;
    let mut request = WebPushBuilder::new(endpoint, key, auth)
        .with_valid_duration(TTL)
        .build(payload)
        .map_err(|e| e.to_string())?;
    request.headers_mut().insert(
        http::header::AUTHORIZATION,
        http::HeaderValue::from_str(&authorization).map_err(|e| e.to_string())?,
    );
    Ok(request)
}

/// Whether `key` (uncompressed) is a point of P-256: a browser's key that is not
/// cannot be encrypted for.
pub fn is_p256_point(key: &[u8]) -> bool {
    p256::PublicKey::from_sec1_bytes(key).is_ok()
}
