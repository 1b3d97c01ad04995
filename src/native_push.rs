//! The phones' own push services, which carry pulse-server's notifications while the app
//! is closed: the FCM registration token on Android, the APNs device token on iOS, and
//! what the partner does with the notifications they show. Compiled for Android and iOS
//! only; a browser and a desktop register through Web Push instead.
//!
//! The Kotlin half is `android/push` (a Gradle module), the Swift half `ios/push` (a Swift
//! package); the `#[manganis::ffi]` blocks below bind them, and their linker metadata is
//! how dx 0.7 knows to build and bundle them. Those bindings only call from Rust into
//! Kotlin and Swift, never back, so what happens on the native side (the partner taps a
//! notification, FCM replaces the token) is waited for by blocking calls on threads of
//! this module and handed to async code through channels. No blocking call here runs on
//! the UI thread.
//!
//! The token is for `POST /v1/devices` at every start and sign-in (the server replaces
//! the row of a token it knows), and again on [`PushEvent::NewToken`]: FCM and APNs may
//! change it, and nothing else tells the server.

#![cfg(any(target_os = "android", target_os = "ios"))]

use std::sync::OnceLock;
use std::time::Duration;

use pulse_protocol::push::PushPlatform;
use serde::Deserialize;
use tokio::sync::{Mutex, mpsc, oneshot};
use uuid::Uuid;

/// How long one blocking wait for a native event lasts before it is started again.
const EVENT_WAIT: Duration = Duration::from_secs(30);
/// The pause after a failed wait, so that a broken bridge does not spin.
const EVENT_RETRY: Duration = Duration::from_secs(5);

/// This device's push address, for `POST /v1/devices`: FCM and its registration token on
/// Android, APNs and the device token in lower-case hex on iOS.
///
/// The first call asks the partner whether the app may show notifications (Android 13+,
/// iOS); the token does not wait for the answer, and one that is refused is still
/// registered, so that notifications show as soon as the partner allows them in the
/// system settings. Takes up to 30 s (FCM or APNs are asked over the network).
pub async fn device_token() -> Result<(PushPlatform, String), String> {
    let reply = on_own_thread("pulse-push-token", native::device_token_json).await?;
    let token = parse_token(&reply)?;
    Ok((native::PLATFORM, token))
}

/// Something the partner or the push service did while the app runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushEvent {
    /// The partner tapped the notification of a case event: open that case.
    Tapped(NotificationTap),
    /// FCM replaced this device's token (Android): register the new one.
    NewToken(PushPlatform, String),
}

/// A tap on a case notification, as the push described it (`pulse_protocol::push::PushMessage`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationTap {
    pub case_id: Uuid,
    pub event_id: Option<i64>,
    /// Where the push says a tap leads: a path of the app (`/...`), when it named one.
    pub path: Option<String>,
}

/// Waits for the next [`PushEvent`], the tap that started the app first. Meant for one
/// listener (e.g. a `use_future` at the root that navigates to the case); a second one
/// would take turns with it. Dropping the future loses nothing.
pub async fn next_event() -> Result<PushEvent, String> {
    static EVENTS: OnceLock<Mutex<mpsc::UnboundedReceiver<PushEvent>>> = OnceLock::new();
    let events = EVENTS.get_or_init(|| {
        let (sender, receiver) = mpsc::unbounded_channel();
        let started = std::thread::Builder::new()
            .name("pulse-push-events".into())
            .spawn(move || listen(sender));
        if let Err(error) = started {
            tracing::error!(%error, "cannot start the push event thread");
        }
        Mutex::new(receiver)
    });
    events
        .lock()
        .await
        .recv()
        .await
        .ok_or_else(|| "the push event thread is not running".to_owned())
}

/// Call once at the top of `main`, before the app launches. On iOS, the notification
/// center must have its delegate before the launch ends, or the tap that started the app
/// is lost; this arranges it. On Android it does nothing (the manifest does it).
pub fn prepare() {
    if let Err(error) = native::prepare() {
        tracing::warn!(%error, "push notifications could not be prepared");
    }
}

/// Runs a blocking native call on a thread of its own and awaits its answer.
async fn on_own_thread<T: Send + 'static>(
    name: &str,
    call: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> Result<T, String> {
    let (sender, receiver) = oneshot::channel();
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            // The caller may have stopped waiting: then nobody needs the answer.
            let _ = sender.send(call());
        })
        .map_err(|e| format!("cannot start a thread for the push service: {e}"))?;
    receiver
        .await
        .map_err(|_| "the push service's thread ended without an answer".to_owned())?
}

/// Forwards native events until the receiving side is gone (which, held in a static,
/// it never is).
fn listen(sender: mpsc::UnboundedSender<PushEvent>) {
    while !sender.is_closed() {
        match native::wait_for_event_json(EVENT_WAIT) {
            Ok(None) => {}
            Ok(Some(json)) => match parse_event(&json) {
                Ok(Some(event)) => {
                    if sender.send(event).is_err() {
                        return;
                    }
                }
                Ok(None) => {}
                Err(error) => tracing::warn!(%error, "a push event was not understood"),
            },
            Err(error) => {
                tracing::warn!(%error, "waiting for push events failed");
                std::thread::sleep(EVENT_RETRY);
            }
        }
    }
}

/// The Kotlin and Swift halves answer JSON: `{"token": ...}` or `{"error": ...}`.
#[derive(Deserialize)]
struct TokenReply {
    token: Option<String>,
    error: Option<String>,
}

fn parse_token(json: &str) -> Result<String, String> {
    let reply: TokenReply = serde_json::from_str(json)
        .map_err(|e| format!("the push service's answer is not understood: {e}"))?;
    match (reply.token, reply.error) {
        (_, Some(error)) => Err(error),
        (Some(token), None) if !token.is_empty() && token.is_ascii() => {
            // APNs tokens travel in lower-case hex; FCM tokens as they are.
            Ok(match native::PLATFORM {
                PushPlatform::Apns => token.to_ascii_lowercase(),
                _ => token,
            })
        }
        _ => Err("the push service gave no usable token".to_owned()),
    }
}

/// `{"kind": "tap", "case_id", "event_id", "url"}`, `{"kind": "token", "token"}` or
/// `{"error"}`; kinds this version does not know are skipped.
#[derive(Deserialize)]
struct EventWire {
    kind: Option<String>,
    case_id: Option<String>,
    event_id: Option<i64>,
    url: Option<String>,
    token: Option<String>,
    error: Option<String>,
}

fn parse_event(json: &str) -> Result<Option<PushEvent>, String> {
    let wire: EventWire = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if let Some(error) = wire.error {
        return Err(error);
    }
    match wire.kind.as_deref() {
        Some("tap") => {
            let case_id = wire
                .case_id
                .as_deref()
                .and_then(|id| Uuid::parse_str(id).ok())
                .ok_or("a tapped notification names no case")?;
            Ok(Some(PushEvent::Tapped(NotificationTap {
                case_id,
                event_id: wire.event_id,
                path: wire.url.filter(|url| is_app_path(url)),
            })))
        }
        Some("token") => {
            let token = wire
                .token
                .filter(|t| !t.is_empty() && t.is_ascii())
                .ok_or("a new token that is empty")?;
            Ok(Some(PushEvent::NewToken(native::PLATFORM, token)))
        }
        _ => Ok(None),
    }
}

/// A path inside the app (`/messages/...`), never another site (`//host`, `https:`).
fn is_app_path(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//") && !url.chars().any(char::is_control)
}

#[cfg(target_os = "android")]
mod native {
    //! Android: the Kotlin class `com.pulse.companion.push.PushPlugin` through JNI.

    use std::sync::OnceLock;
    use std::time::Duration;

    use manganis::jni::JNIEnv;
    use manganis::jni::objects::{JClass, JObject, JValue};
    use pulse_protocol::push::PushPlatform;

    pub const PLATFORM: PushPlatform = PushPlatform::Fcm;

    mod ffi {
        // The namespace in android/push/build.gradle.kts is where the generated code
        // looks for the class.
        #[manganis::ffi("android/push")]
        extern "Kotlin" {
            pub type PushPlugin;
            pub fn device_token_json(this: &PushPlugin) -> String;
            pub fn wait_for_event_json(this: &PushPlugin, timeout_ms: i64) -> Option<String>;
        }
    }

    const CLASS: &str = "com.pulse.companion.push.PushPlugin";

    pub fn prepare() -> Result<(), String> {
        Ok(())
    }

    pub fn device_token_json() -> Result<String, String> {
        on_jvm(|env, activity| ffi::device_token_json(plugin(env, activity)?))
    }

    pub fn wait_for_event_json(timeout: Duration) -> Result<Option<String>, String> {
        let millis = i64::try_from(timeout.as_millis()).unwrap_or(i64::MAX);
        on_jvm(|env, activity| ffi::wait_for_event_json(plugin(env, activity)?, millis))
    }

    /// Runs `call` on this thread, attached to the Java VM for the whole call. A Java
    /// exception still pending afterwards is logged and cleared: detaching a thread with
    /// one pending hands it to the default handler, which ends the app.
    fn on_jvm<R>(
        call: impl FnOnce(&mut JNIEnv<'_>, &JObject<'_>) -> Result<R, String>,
    ) -> Result<R, String> {
        manganis::android::with_activity(|env, activity| {
            let result = call(env, activity);
            if env.exception_check().unwrap_or(false) {
                let _ = env.exception_describe();
                let _ = env.exception_clear();
            }
            Some(result)
        })
        .unwrap_or_else(|| Err("the Java VM or the app's activity is not available".to_owned()))
    }

    /// The one PushPlugin, made on first use. The generated `PushPlugin::new` looks the
    /// class up with JNI's FindClass, which on a thread that Rust started searches only
    /// the system's classes; the activity's class loader knows the app's.
    fn plugin(
        env: &mut JNIEnv<'_>,
        activity: &JObject<'_>,
    ) -> Result<&'static ffi::PushPlugin, String> {
        static PLUGIN: OnceLock<ffi::PushPlugin> = OnceLock::new();
        if let Some(plugin) = PLUGIN.get() {
            return Ok(plugin);
        }
        let object = env
            .with_local_frame(8, |env| {
                let loader = env
                    .call_method(activity, "getClassLoader", "()Ljava/lang/ClassLoader;", &[])?
                    .l()?;
                let name = env.new_string(CLASS)?;
                let class = env
                    .call_method(
                        &loader,
                        "loadClass",
                        "(Ljava/lang/String;)Ljava/lang/Class;",
                        &[JValue::Object(&name)],
                    )?
                    .l()?;
                let plugin = env.new_object(
                    JClass::from(class),
                    "(Landroid/app/Activity;)V",
                    &[JValue::Object(activity)],
                )?;
                env.new_global_ref(plugin)
            })
            .map_err(|e: manganis::jni::errors::Error| format!("cannot create {CLASS}: {e}"))?;
        Ok(PLUGIN.get_or_init(|| ffi::PushPlugin::from_global_ref(object)))
    }
}

#[cfg(target_os = "ios")]
mod native {
    //! iOS: the Swift class `PushPlugin` through the Objective-C runtime.

    use std::sync::OnceLock;
    use std::time::Duration;

    use manganis::objc2::rc::autoreleasepool;
    use pulse_protocol::push::PushPlatform;

    pub const PLATFORM: PushPlatform = PushPlatform::Apns;

    mod ffi {
        // Every method answers a string: the generated code reads each answer as an
        // object, which a method without one fails (objc2 checks it in debug builds).
        #[manganis::ffi("ios/push")]
        extern "Swift" {
            pub type PushPlugin;
            pub fn prepare_before_launch(this: &PushPlugin) -> String;
            pub fn device_token_json(this: &PushPlugin) -> String;
            pub fn wait_for_event_json(this: &PushPlugin, timeout_ms: i64) -> Option<String>;
        }
    }

    pub fn prepare() -> Result<(), String> {
        ffi::prepare_before_launch(plugin()?).map_err(str::to_owned)?;
        Ok(())
    }

    pub fn device_token_json() -> Result<String, String> {
        let plugin = plugin()?;
        autoreleasepool(|_| ffi::device_token_json(plugin)).map_err(str::to_owned)
    }

    pub fn wait_for_event_json(timeout: Duration) -> Result<Option<String>, String> {
        let plugin = plugin()?;
        let millis = i64::try_from(timeout.as_millis()).unwrap_or(i64::MAX);
        // This thread lives as long as the app: the answers are released per call.
        autoreleasepool(|_| ffi::wait_for_event_json(plugin, millis)).map_err(str::to_owned)
    }

    /// The one PushPlugin, made on first use (which loads the Swift framework).
    fn plugin() -> Result<&'static ffi::PushPlugin, String> {
        static PLUGIN: OnceLock<ffi::PushPlugin> = OnceLock::new();
        if let Some(plugin) = PLUGIN.get() {
            return Ok(plugin);
        }
        let plugin = ffi::PushPlugin::new().map_err(|e| format!("the Swift push plugin: {e}"))?;
        Ok(PLUGIN.get_or_init(|| plugin))
    }
}
