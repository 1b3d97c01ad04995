//! Push notifications: what a device registers so that the server can reach it while
//! the app is closed (a Web Push subscription, an FCM registration token, an APNs device
//! token), which events become a push, and what a push carries. The server, the app and
//! its service worker all follow these rules, so they live here once.

use base64::Engine as _;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::input::{InputError, check_text, parse_language};
use crate::lifecycle::Actor;
use crate::wire::EventKind;

/// Most push targets one account keeps; registering one more drops the oldest.
pub const MAX_DEVICES: usize = 10;
/// Longest label a device gives itself ("Pixel 8", "Firefox on the office PC").
pub const MAX_DEVICE_LABEL_CHARS: usize = 100;
/// Longest Web Push endpoint URL accepted.
pub const MAX_ENDPOINT_CHARS: usize = 2_048;
/// Longest FCM registration token accepted (they are about 160 characters today).
pub const MAX_FCM_TOKEN_CHARS: usize = 4_096;

/// The kind of push service behind a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PushPlatform {
    /// RFC 8030 Web Push: browsers, and UnifiedPush distributors on Android.
    WebPush,
    /// Firebase Cloud Messaging (Android).
    Fcm,
    /// Apple Push Notification service (iOS).
    Apns,
}

impl PushPlatform {
    pub fn as_str(self) -> &'static str {
        match self {
            PushPlatform::WebPush => "web_push",
            PushPlatform::Fcm => "fcm",
            PushPlatform::Apns => "apns",
        }
    }

    pub fn from_wire(s: &str) -> Option<PushPlatform> {
        [PushPlatform::WebPush, PushPlatform::Fcm, PushPlatform::Apns]
            .into_iter()
            .find(|p| p.as_str() == s)
    }
}

/// The keys of a Web Push subscription, as `PushSubscription.toJSON()` gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SubscriptionKeys {
    /// The browser's P-256 public key, uncompressed, base64url.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub p256dh: String,
    /// The 16-byte authentication secret, base64url.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub auth: String,
}

/// A Web Push subscription, as `PushSubscription.toJSON()` gives it (the browser's
/// `expirationTime` may come along and is ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebPushSubscription {
    /// The push service's URL for this subscription: https (http only on loopback).
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2048))]
    pub endpoint: String,
    pub keys: SubscriptionKeys,
}

/// `POST /v1/devices`: a push target of the signed-in account's device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDevice {
    pub platform: PushPlatform,
    /// For `web_push`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription: Option<WebPushSubscription>,
    /// For `fcm` (the registration token) and `apns` (the device token, in hex).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 4096))]
    pub token: Option<String>,
    /// The language the device shows its notifications in, e.g. `nl` or `pt-BR`.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 35))]
    pub language: String,
    /// What the partner calls the device, shown in the list of devices.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub label: String,
}

/// A registered push target, as `GET /v1/devices` lists it (never its address).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Device {
    /// Also what the app names when it opens its event stream (`?device=`).
    pub id: Uuid,
    pub platform: PushPlatform,
    pub label: String,
    pub language: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

/// `GET /v1/push`: what a device needs to subscribe, and which kinds are on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushConfig {
    /// The server's VAPID public key (RFC 8292), uncompressed P-256, base64url: the
    /// `applicationServerKey` of `pushManager.subscribe`.
    pub web_push_key: String,
    pub fcm: bool,
    pub apns: bool,
}

/// What a push carries to the device (the Web Push payload, FCM's data and APNs'
/// custom keys). Never what support wrote: a lock screen is public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushMessage {
    pub title: String,
    pub body: String,
    /// The notification's tag: one per event, so a push delivered twice shows once.
    pub tag: String,
    pub case_id: Uuid,
    pub event_id: i64,
    /// Where a tap leads, relative to the app's origin.
    pub url: String,
}

/// Whether an event becomes a notification for the partner: whatever support does on a
/// case that the partner may see. The app's notification list and the server's pushes
/// both ask this.
pub fn notifies_partner(author: Actor, kind: EventKind) -> bool {
    author == Actor::Handler && !kind.is_internal()
}

/// The tag, collapse key and `apns-collapse-id` of an event's push (at most 64 bytes,
/// APNs' limit, and a valid RFC 8030 `Topic`: base64url characters, at most 32).
pub fn notification_tag(event_id: i64) -> String {
    format!("pulse-{event_id}")
}

/// The app's address of a case (its `/messages/:id` route), where a tap on its
/// notification leads.
pub fn case_path(case_id: Uuid) -> String {
    format!("/messages/{case_id}")
}

/// Where a push goes, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushAddress {
    WebPush {
        endpoint: String,
        /// The browser's public key: 65 bytes, uncompressed (0x04, x, y).
        p256dh: Vec<u8>,
        /// 16 bytes.
        auth: Vec<u8>,
    },
    Fcm(String),
    /// The device token in lower-case hex.
    Apns(String),
}

impl PushAddress {
    pub fn platform(&self) -> PushPlatform {
        match self {
            PushAddress::WebPush { .. } => PushPlatform::WebPush,
            PushAddress::Fcm(_) => PushPlatform::Fcm,
            PushAddress::Apns(_) => PushPlatform::Apns,
        }
    }

    /// The text that identifies the target at its push service (the endpoint or the
    /// token): the same device registering again replaces its row.
    pub fn key(&self) -> &str {
        match self {
            PushAddress::WebPush { endpoint, .. } => endpoint,
            PushAddress::Fcm(token) | PushAddress::Apns(token) => token,
        }
    }
}

/// A registration that may be stored: its address checked, its language a tag, its
/// label one trimmed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDevice {
    pub address: PushAddress,
    pub language: String,
    pub label: String,
}

impl ValidDevice {
    /// Checks a registration. Whether the browser's key is a point on the P-256 curve
    /// is the server's to check (the app carries no elliptic-curve code).
    ///
    /// ```
    /// use pulse_protocol::push::{NewDevice, PushPlatform, ValidDevice};
    /// let apns = |token: &str| NewDevice {
    ///     platform: PushPlatform::Apns,
    ///     subscription: None,
    ///     token: Some(token.into()),
    ///     language: "nl".into(),
    ///     label: " iPhone ".into(),
    /// };
    /// let ok = ValidDevice::parse(&apns(&"AB".repeat(32))).unwrap();
    /// assert_eq!(ok.address.key(), "ab".repeat(32));
    /// assert_eq!(ok.label, "iPhone");
    /// assert!(ValidDevice::parse(&apns("not hex")).is_err());
    /// ```
    pub fn parse(raw: &NewDevice) -> Result<ValidDevice, InputError> {
        let address = match (raw.platform, &raw.subscription, &raw.token) {
            (PushPlatform::WebPush, Some(sub), None) => web_push(sub)?,
            (PushPlatform::Fcm, None, Some(token)) => PushAddress::Fcm(fcm_token(token)?),
            (PushPlatform::Apns, None, Some(token)) => PushAddress::Apns(apns_token(token)?),
            (PushPlatform::WebPush, _, _) => {
                return Err(InputError::PushTargetInvalid(
                    "a web_push target has a subscription and no token",
                ));
            }
            _ => {
                return Err(InputError::PushTargetInvalid(
                    "an fcm or apns target has a token and no subscription",
                ));
            }
        };
        let language = parse_language(&raw.language)?.ok_or(InputError::LanguageInvalid)?;
        check_text(&raw.label, false)?;
        let label = raw.label.trim();
        if label.chars().count() > MAX_DEVICE_LABEL_CHARS {
            return Err(InputError::TextTooLong);
        }
        Ok(ValidDevice {
            address,
            language,
            label: label.to_owned(),
        })
    }
}

fn web_push(sub: &WebPushSubscription) -> Result<PushAddress, InputError> {
    let endpoint = endpoint(&sub.endpoint)?;
    let p256dh = base64url(&sub.keys.p256dh)
        .filter(|key| key.len() == 65 && key[0] == 0x04)
        .ok_or(InputError::PushTargetInvalid(
            "p256dh is not an uncompressed P-256 public key in base64url",
        ))?;
    let auth = base64url(&sub.keys.auth)
        .filter(|auth| auth.len() == 16)
        .ok_or(InputError::PushTargetInvalid(
            "auth is not a 16-byte secret in base64url",
        ))?;
    Ok(PushAddress::WebPush {
        endpoint,
        p256dh,
        auth,
    })
}

/// Browsers give base64url without padding; some libraries pad it.
fn base64url(raw: &str) -> Option<Vec<u8>> {
    if raw.len() > 100 {
        return None;
    }
    URL_SAFE_NO_PAD
        .decode(raw)
        .or_else(|_| URL_SAFE.decode(raw))
        .ok()
}

/// A push service's URL: https with a host, or plain http to a loopback address (a
/// push service on the same machine, as in tests). No user, no fragment, no spaces.
///
/// ```
/// use pulse_protocol::push::endpoint;
/// assert!(endpoint("https://fcm.googleapis.com/fcm/send/abc").is_ok());
/// assert!(endpoint("http://127.0.0.1:9000/push/1").is_ok());
/// assert!(endpoint("http://push.example.com/1").is_err());
/// assert!(endpoint("https://user@push.example.com/1").is_err());
/// assert!(endpoint("ftp://push.example.com/1").is_err());
/// ```
pub fn endpoint(raw: &str) -> Result<String, InputError> {
    let bad = |why| Err(InputError::PushTargetInvalid(why));
    if raw.len() > MAX_ENDPOINT_CHARS {
        return bad("the endpoint is too long");
    }
    if raw
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '#' || !c.is_ascii())
    {
        return bad("the endpoint is not a plain URL");
    }
    let (secure, rest) = if let Some(rest) = raw.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = raw.strip_prefix("http://") {
        (false, rest)
    } else {
        return bad("the endpoint is not an https URL");
    };
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    if authority.contains('@') {
        return bad("the endpoint names a user");
    }
    let host = if let Some(v6) = authority.strip_prefix('[') {
        match v6.split_once(']') {
            Some((host, _)) => host,
            None => return bad("the endpoint's host is not complete"),
        }
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    let valid_host = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'));
    if !valid_host {
        return bad("the endpoint has no valid host");
    }
    let loopback = host == "localhost" || host == "::1" || host.starts_with("127.");
    if !secure && !loopback {
        return bad("the endpoint is not an https URL");
    }
    Ok(raw.to_owned())
}

fn fcm_token(raw: &str) -> Result<String, InputError> {
    let ok = !raw.is_empty()
        && raw.len() <= MAX_FCM_TOKEN_CHARS
        && raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'));
    if ok {
        Ok(raw.to_owned())
    } else {
        Err(InputError::PushTargetInvalid(
            "an FCM token is letters, digits and - _ : . only",
        ))
    }
}

/// APNs device tokens are 32 bytes today; Apple says they may grow, so up to 100 bytes
/// of hex are taken.
fn apns_token(raw: &str) -> Result<String, InputError> {
    let ok = (64..=200).contains(&raw.len())
        && raw.len().is_multiple_of(2)
        && raw.bytes().all(|b| b.is_ascii_hexdigit());
    if ok {
        Ok(raw.to_ascii_lowercase())
    } else {
        Err(InputError::PushTargetInvalid(
            "an APNs device token is 64 to 200 hex digits",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn web(endpoint: &str, p256dh: &str, auth: &str) -> NewDevice {
        NewDevice {
            platform: PushPlatform::WebPush,
            subscription: Some(WebPushSubscription {
                endpoint: endpoint.into(),
                keys: SubscriptionKeys {
                    p256dh: p256dh.into(),
                    auth: auth.into(),
                },
            }),
            token: None,
            language: "sv".into(),
            label: String::new(),
        }
    }

    fn key() -> String {
        let mut point = vec![4u8];
        point.extend([7u8; 64]);
        URL_SAFE_NO_PAD.encode(point)
    }

    #[test]
    fn a_browser_subscription_is_checked_field_by_field() {
        let auth = URL_SAFE_NO_PAD.encode([1u8; 16]);
        let ok = ValidDevice::parse(&web("https://push.example/x", &key(), &auth)).unwrap();
        assert_eq!(ok.address.platform(), PushPlatform::WebPush);
        assert_eq!(ok.language, "sv");
        for bad in [
            web("https://push.example/x", "!!!", &auth),
            web(
                "https://push.example/x",
                &URL_SAFE_NO_PAD.encode([4u8; 33]),
                &auth,
            ),
            web(
                "https://push.example/x",
                &key(),
                &URL_SAFE_NO_PAD.encode([1u8; 8]),
            ),
            web("http://push.example/x", &key(), &auth),
            web("https://push.example/x y", &key(), &auth),
            web(
                &format!("https://push.example/{}", "a".repeat(2100)),
                &key(),
                &auth,
            ),
        ] {
            assert!(
                matches!(
                    ValidDevice::parse(&bad),
                    Err(InputError::PushTargetInvalid(_))
                ),
                "{bad:?}"
            );
        }
        let mut both = web("https://push.example/x", &key(), &auth);
        both.token = Some("abc".into());
        assert!(ValidDevice::parse(&both).is_err());
    }

    #[test]
    fn labels_and_languages_follow_the_text_rules() {
        let mut fcm = NewDevice {
            platform: PushPlatform::Fcm,
            subscription: None,
            token: Some("fcm:token-1_x".into()),
            language: "pt-br".into(),
            label: "Pixel".into(),
        };
        assert_eq!(ValidDevice::parse(&fcm).unwrap().language, "pt-BR");
        fcm.label = "x".repeat(MAX_DEVICE_LABEL_CHARS + 1);
        assert_eq!(ValidDevice::parse(&fcm), Err(InputError::TextTooLong));
        fcm.label = "bell\u{7}".into();
        assert_eq!(ValidDevice::parse(&fcm), Err(InputError::TextInvalid));
        fcm.label = String::new();
        fcm.language = String::new();
        assert_eq!(ValidDevice::parse(&fcm), Err(InputError::LanguageInvalid));
    }

    #[test]
    fn only_what_support_does_in_the_open_notifies() {
        assert!(notifies_partner(Actor::Handler, EventKind::InfoRequested));
        assert!(notifies_partner(Actor::Handler, EventKind::Closed));
        assert!(!notifies_partner(Actor::Handler, EventKind::Note));
        assert!(!notifies_partner(Actor::Handler, EventKind::Assigned));
        assert!(!notifies_partner(Actor::Partner, EventKind::Reply));
        assert!(notification_tag(i64::MAX).len() <= 32);
    }
}
