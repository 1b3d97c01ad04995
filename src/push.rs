//! The OS's notifications while the app is closed: whether this device can show them,
//! whether they are on, and turning them on and off. The platform gives the push
//! subscription (in a browser the Push API, with the service worker `public/sw.js`
//! that shows each push and opens its case; on phones `native_push`); pulse-client
//! registers it with the server and remembers it for the account. Screens ask here and
//! never test the platform themselves.

use pulse_client::{ClientError, Failure, Pulse};

/// Where this device stands, as Settings says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushState {
    /// This browser (or this build of the app) cannot show them: no service worker or
    /// Push API (an iPhone's Safari outside the home screen, a page over plain http…).
    Unavailable,
    /// The browser refuses them for this site; only its site settings can change that.
    Blocked,
    Off,
    On,
}

impl PushState {
    /// A stable name, for tests and styles.
    pub fn as_str(self) -> &'static str {
        match self {
            PushState::Unavailable => "unavailable",
            PushState::Blocked => "blocked",
            PushState::Off => "off",
            PushState::On => "on",
        }
    }
}

/// Why turning them on or off did not happen. Nothing was changed on the server then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushError {
    Unavailable,
    /// The partner blocked them when the browser asked (or had before).
    Blocked,
    /// The partner closed the browser's question without allowing them.
    NotAllowed,
    /// The browser could not subscribe: it has no push service (headless Chromium has
    /// none), or cannot reach it.
    Subscribe,
    /// The server refused, or could not be reached.
    Server(Failure),
}

impl From<ClientError> for PushError {
    fn from(error: ClientError) -> PushError {
        tracing::warn!(%error, "push: the server did not take it");
        PushError::Server(error.failure())
    }
}

/// Where notifications stand on this device for the signed-in account.
pub async fn state(pulse: &Pulse) -> PushState {
    #[cfg(target_family = "wasm")]
    {
        browser::state(pulse).await
    }
    #[cfg(not(target_family = "wasm"))]
    {
        if !native_push_available() {
            return PushState::Unavailable;
        }
        if pulse.push_device().is_some() {
            PushState::On
        } else {
            PushState::Off
        }
    }
}

/// Turns them on: asks the platform's permission (only now, when the partner asked
/// for them), subscribes, and registers the device for the account in `language`.
pub async fn turn_on(pulse: &Pulse, language: &str) -> Result<(), PushError> {
    #[cfg(target_family = "wasm")]
    {
        browser::turn_on(pulse, language).await
    }
    #[cfg(any(target_os = "android", target_os = "ios"))]
    {
        phone::register(pulse, language).await
    }
    #[cfg(not(any(target_family = "wasm", target_os = "android", target_os = "ios")))]
    {
        let _ = (pulse, language);
        Err(PushError::Unavailable)
    }
}

/// Turns them off: the server forgets the device, then the platform the subscription.
pub async fn turn_off(pulse: &Pulse) -> Result<(), PushError> {
    if let Some(device) = pulse.push_device() {
        pulse.remove_device(device).await?;
    }
    #[cfg(target_family = "wasm")]
    browser::unsubscribe().await;
    Ok(())
}

/// At start, and when the partner picks another language: if notifications were on,
/// the service worker is made ready again and the server gets the subscription anew
/// (the browser may have renewed it; its pushes come in `language`). Failing is only
/// logged: Settings shows where things stand.
pub async fn resume(pulse: &Pulse, language: &str) {
    if pulse.push_device().is_none() {
        return;
    }
    #[cfg(target_family = "wasm")]
    browser::resume(pulse, language).await;
    #[cfg(any(target_os = "android", target_os = "ios"))]
    if let Err(error) = phone::register(pulse, language).await {
        tracing::warn!(?error, "push: the device token was not registered again");
    }
    #[cfg(not(any(target_family = "wasm", target_os = "android", target_os = "ios")))]
    let _ = language;
}

/// Nobody is signed in: the browser lets go of its subscription too, in case the
/// server could not be told (signed out offline), so that no push of that account
/// shows here any more.
pub async fn signed_out() {
    #[cfg(target_family = "wasm")]
    browser::unsubscribe().await;
}

/// Whether this build has the phone platforms' pushes (FCM on Android, APNs on iOS,
/// through src/native_push.rs); desktop builds have none.
#[cfg(not(target_family = "wasm"))]
pub fn native_push_available() -> bool {
    cfg!(any(target_os = "android", target_os = "ios"))
}

/// The phones: the token comes from FCM or APNs (`native_push`), and the server gets it
/// like a browser's subscription.
#[cfg(any(target_os = "android", target_os = "ios"))]
mod phone {
    use pulse_client::Pulse;
    use pulse_protocol::push::{NewDevice, PushPlatform};

    use super::PushError;

    pub async fn register(pulse: &Pulse, language: &str) -> Result<(), PushError> {
        let (platform, token) = crate::native_push::device_token().await.map_err(|error| {
            tracing::warn!(%error, "push: no device token");
            PushError::Subscribe
        })?;
        let label = match platform {
            PushPlatform::Apns => "iPhone",
            _ => "Android",
        };
        pulse
            .register_device(&NewDevice {
                platform,
                subscription: None,
                token: Some(token),
                language: language.to_owned(),
                label: label.to_owned(),
            })
            .await?;
        Ok(())
    }
}

/// On the phones: the partner's taps on notifications, and tokens FCM replaced. Runs
/// for as long as the signed-in screens do; `open` shows a case.
#[cfg(any(target_os = "android", target_os = "ios"))]
pub async fn follow_phone(pulse: Pulse, open: impl Fn(uuid::Uuid)) {
    use crate::native_push::{PushEvent, next_event};
    loop {
        match next_event().await {
            Ok(PushEvent::Tapped(tap)) => open(tap.case_id),
            Ok(PushEvent::NewToken(..)) => {
                let language = crate::i18n::LANG().code;
                resume(&pulse, language).await;
            }
            Err(error) => {
                tracing::warn!(%error, "push: no more notification events");
                return;
            }
        }
    }
}

/// The browser's side: the Push API and the service worker, through a few lines of
/// JavaScript (smaller in the download than the same through web-sys).
#[cfg(target_family = "wasm")]
mod browser {
    use js_sys::{Array, Promise};
    use pulse_client::Pulse;
    use pulse_protocol::ErrorCode;
    use pulse_protocol::push::{NewDevice, PushPlatform, SubscriptionKeys, WebPushSubscription};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen_futures::JsFuture;

    use super::{PushError, PushState};

    #[wasm_bindgen(inline_js = r#"
const supported = () =>
  'serviceWorker' in navigator && 'PushManager' in self && 'Notification' in self;
// At the site's root, so that its scope is the whole app (dx copies public/ there).
const worker = async () => {
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  return navigator.serviceWorker.ready;
};
const keys = (s) => {
  const json = s.toJSON();
  return [json.endpoint, json.keys.p256dh, json.keys.auth];
};
const bytes = (base64url) =>
  Uint8Array.from(atob(base64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
const sameKey = (a, b) =>
  !!a && a.byteLength === b.length && new Uint8Array(a).every((x, i) => x === b[i]);
const current = async () => {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return registration ? registration.pushManager.getSubscription() : null;
};
export function pushPermission() {
  return supported() ? Notification.permission : 'unavailable';
}
export function pushAsk() {
  return Notification.requestPermission();
}
export async function pushWorker() {
  await worker();
}
export async function pushSubscription() {
  const subscription = await current();
  return subscription ? keys(subscription) : null;
}
export async function pushSubscribe(key, fresh) {
  const registration = await worker();
  const serverKey = bytes(key);
  let subscription = await registration.pushManager.getSubscription();
  // One made for another key (the server's changed), or one to replace: a new one.
  if (subscription && (fresh || !sameKey(subscription.options.applicationServerKey, serverKey))) {
    await subscription.unsubscribe();
    subscription = null;
  }
  // A browser that cannot reach its push service may never answer (headless Chromium
  // does not): after 15 s the partner is told, rather than left waiting.
  const late = new Promise((_, fail) => setTimeout(() => fail(new Error('timeout')), 15000));
  subscription = subscription || await Promise.race([late, registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: serverKey,
  })]);
  return keys(subscription);
}
export async function pushUnsubscribe() {
  const subscription = supported() ? await current() : null;
  if (subscription) await subscription.unsubscribe();
}
export function pushLabel() {
  const agent = navigator.userAgent;
  const find = (names) => (names.find(([mark]) => agent.includes(mark)) || [])[1];
  const browser = find([['Edg/', 'Edge'], ['OPR/', 'Opera'], ['SamsungBrowser/', 'Samsung Internet'],
    ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'], ['Safari/', 'Safari']]) || 'Browser';
  const system = find([['Android', 'Android'], ['iPhone', 'iOS'], ['iPad', 'iPadOS'],
    ['Windows', 'Windows'], ['Mac OS', 'macOS'], ['CrOS', 'ChromeOS'], ['Linux', 'Linux']]);
  return system ? `${browser} (${system})` : browser;
}
"#)]
    extern "C" {
        /// "unavailable", or the site's permission: "default", "granted", "denied".
        #[wasm_bindgen(js_name = pushPermission)]
        fn permission() -> String;
        /// Asks the partner; resolves to the permission.
        #[wasm_bindgen(js_name = pushAsk)]
        fn ask() -> Promise;
        #[wasm_bindgen(js_name = pushWorker)]
        fn worker() -> Promise;
        /// `[endpoint, p256dh, auth]` of the subscription there is, or null.
        #[wasm_bindgen(js_name = pushSubscription)]
        fn subscription() -> Promise;
        /// `[endpoint, p256dh, auth]` of a subscription for the server's `key` (a new
        /// one with `fresh`).
        #[wasm_bindgen(js_name = pushSubscribe)]
        fn subscribe(key: &str, fresh: bool) -> Promise;
        #[wasm_bindgen(js_name = pushUnsubscribe)]
        fn unsubscribe_js() -> Promise;
        /// "Firefox (Android)": what the browser is, as the list of devices shows it.
        #[wasm_bindgen(js_name = pushLabel)]
        fn label() -> String;
    }

    pub async fn state(pulse: &Pulse) -> PushState {
        match permission().as_str() {
            "unavailable" => PushState::Unavailable,
            "denied" => PushState::Blocked,
            "granted" if pulse.push_device().is_some() && current().await.is_some() => {
                PushState::On
            }
            _ => PushState::Off,
        }
    }

    pub async fn turn_on(pulse: &Pulse, language: &str) -> Result<(), PushError> {
        match permission().as_str() {
            "unavailable" => return Err(PushError::Unavailable),
            "denied" => return Err(PushError::Blocked),
            _ => {}
        }
        // First, while the tap still counts as the partner's: browsers ask only then.
        let answer = JsFuture::from(ask()).await.ok().and_then(|a| a.as_string());
        match answer.as_deref() {
            Some("granted") => {}
            Some("denied") => return Err(PushError::Blocked),
            _ => return Err(PushError::NotAllowed),
        }
        let config = pulse.push_config().await?;
        let subscription = subscribed(&config.web_push_key, false).await?;
        match register(pulse, subscription, language).await {
            // Still registered to an account that signed out here unheard (offline):
            // a new subscription is this account's alone.
            Err(PushError::Server(pulse_client::Failure::Refused(ErrorCode::PushTargetTaken))) => {
                let subscription = subscribed(&config.web_push_key, true).await?;
                register(pulse, subscription, language).await
            }
            other => other,
        }
    }

    pub async fn resume(pulse: &Pulse, language: &str) {
        if permission() != "granted" {
            return;
        }
        if let Err(error) = JsFuture::from(worker()).await {
            tracing::warn!(?error, "push: the service worker could not be registered");
            return;
        }
        // None: the browser let it go, and Settings says notifications are off.
        if let Some(subscription) = current().await
            && let Err(error) = register(pulse, subscription, language).await
        {
            tracing::warn!(?error, "push: the subscription could not be renewed");
        }
    }

    pub async fn unsubscribe() {
        if let Err(error) = JsFuture::from(unsubscribe_js()).await {
            tracing::warn!(?error, "push: the browser kept its subscription");
        }
    }

    async fn register(
        pulse: &Pulse,
        subscription: WebPushSubscription,
        language: &str,
    ) -> Result<(), PushError> {
        pulse
            .register_device(&NewDevice {
                platform: PushPlatform::WebPush,
                subscription: Some(subscription),
                token: None,
                language: language.to_owned(),
                label: label(),
            })
            .await?;
        Ok(())
    }

    async fn current() -> Option<WebPushSubscription> {
        match JsFuture::from(subscription()).await {
            Ok(keys) => read(&keys),
            Err(error) => {
                tracing::warn!(?error, "push: the subscription could not be read");
                None
            }
        }
    }

    async fn subscribed(key: &str, fresh: bool) -> Result<WebPushSubscription, PushError> {
        match JsFuture::from(subscribe(key, fresh)).await {
            Ok(keys) => read(&keys).ok_or(PushError::Subscribe),
            Err(error) => {
                tracing::warn!(?error, "push: the browser could not subscribe");
                Err(PushError::Subscribe)
            }
        }
    }

    /// `[endpoint, p256dh, auth]` as the server takes it.
    fn read(keys: &JsValue) -> Option<WebPushSubscription> {
        if !Array::is_array(keys) {
            return None;
        }
        let keys = Array::from(keys);
        let text = |i| keys.get(i).as_string();
        Some(WebPushSubscription {
            endpoint: text(0)?,
            keys: SubscriptionKeys {
                p256dh: text(1)?,
                auth: text(2)?,
            },
        })
    }
}
