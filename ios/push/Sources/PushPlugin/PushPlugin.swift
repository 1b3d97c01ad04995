import Foundation
import ObjectiveC.runtime
import UIKit
import UserNotifications

/// What the Rust side of the app calls (src/native_push.rs, bound by `#[manganis::ffi]`,
/// which finds this class by its Objective-C name): the APNs device token, and what
/// happened to notifications while the app runs.
///
/// Every method answers a string: dx 0.7's bindings read each answer as an object, so a
/// method without one fails objc2's checks. Rust calls the blocking ones from threads of
/// its own, never from the main thread.
@objc(PushPlugin)
public final class PushPlugin: NSObject {
    /// Called before the app launches (UIKit is not up yet): the notification center's
    /// delegate is set as the launch finishes, in time for the tap that started the app.
    @objc(prepareBeforeLaunch)
    public func prepareBeforeLaunch() -> String {
        PushCenter.shared.installWhenLaunched()
        return ""
    }

    /// `{"token": "<lower-case hex>"}` or `{"error": "..."}`. Asks for permission to show
    /// notifications first (once; the token does not wait for the answer). Blocks up to
    /// 30 s.
    @objc(deviceTokenJson)
    public func deviceTokenJson() -> String {
        PushCenter.shared.deviceTokenJson()
    }

    /// The next event as JSON, `{"kind": "tap", "case_id": ..., "event_id": ..., "url": ...}`
    /// when the partner tapped a notification, or nil when none came within `timeoutMs`.
    @objc(waitForEventJson:)
    public func waitForEventJson(_ timeoutMs: Int) -> String? {
        PushCenter.shared.waitForEvent(timeoutMs: timeoutMs)
    }
}

/// The app's side of APNs and of the notification center, once per process.
///
/// tao (the window layer under Dioxus 0.7) owns the app delegate, an Objective-C class it
/// declares at run time, and gives it no remote-notification methods. This adds them to
/// that class (after the delegate's own, should a later tao have them), which is where
/// UIKit delivers the device token.
final class PushCenter: NSObject, UNUserNotificationCenterDelegate {
    static let shared = PushCenter()

    private enum Registration {
        case token(String)
        case failure(String)
    }

    private static let tokenTimeout: TimeInterval = 30
    private static let maxWaitingEvents = 32

    private let lock = NSLock()
    /// Whether the notification center and the app delegate are set up (under `lock`).
    private var installed = false
    private var registrationWaiters: [(Registration) -> Void] = []
    private var events: [String] = []
    private let eventCount = DispatchSemaphore(value: 0)

    func installWhenLaunched() {
        NotificationCenter.default.addObserver(
            forName: UIApplication.didFinishLaunchingNotification,
            object: nil,
            queue: nil
        ) { _ in
            PushCenter.shared.install()
        }
    }

    func deviceTokenJson() -> String {
        if Thread.isMainThread {
            return Self.json(["error": "the device token is waited for: ask off the main thread"])
        }
        ensureInstalled()
        UNUserNotificationCenter.current().requestAuthorization(options: [.alert, .sound, .badge]) { _, _ in }

        let answered = DispatchSemaphore(value: 0)
        var outcome = Registration.failure("APNs gave no device token within \(Int(Self.tokenTimeout)) s")
        lock.lock()
        registrationWaiters.append { result in
            self.lock.lock()
            outcome = result
            self.lock.unlock()
            answered.signal()
        }
        lock.unlock()
        DispatchQueue.main.async {
            UIApplication.shared.registerForRemoteNotifications()
        }
        _ = answered.wait(timeout: .now() + Self.tokenTimeout)
        lock.lock()
        let result = outcome
        lock.unlock()
        switch result {
        case .token(let hex):
            return Self.json(["token": hex])
        case .failure(let message):
            return Self.json(["error": message])
        }
    }

    func waitForEvent(timeoutMs: Int) -> String? {
        ensureInstalled()
        guard eventCount.wait(timeout: .now() + .milliseconds(max(timeoutMs, 0))) == .success else {
            return nil
        }
        lock.lock()
        defer { lock.unlock() }
        return events.isEmpty ? nil : events.removeFirst()
    }

    // MARK: - UNUserNotificationCenterDelegate

    /// A push while the app is in the foreground: pulse-server holds back pushes for a
    /// device whose app is open (the app shows its own banner), so one that arrives here
    /// came while the app was not watching, and is shown.
    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        willPresent notification: UNNotification,
        withCompletionHandler completionHandler: @escaping (UNNotificationPresentationOptions) -> Void
    ) {
        completionHandler([.banner, .list, .sound])
    }

    func userNotificationCenter(
        _ center: UNUserNotificationCenter,
        didReceive response: UNNotificationResponse,
        withCompletionHandler completionHandler: @escaping () -> Void
    ) {
        if response.actionIdentifier == UNNotificationDefaultActionIdentifier {
            tapped(response.notification.request.content.userInfo)
        }
        completionHandler()
    }

    // MARK: - Private

    /// Sets up on the main thread unless already done.
    private func ensureInstalled() {
        lock.lock()
        let done = installed
        lock.unlock()
        if done {
            return
        }
        if Thread.isMainThread {
            install()
        } else {
            DispatchQueue.main.sync { self.install() }
        }
    }

    /// Main thread only (UIKit). Waits for the app delegate: UIKit sets it while launching.
    private func install() {
        lock.lock()
        let done = installed
        lock.unlock()
        guard !done,
              let delegate = UIApplication.shared.delegate,
              let delegateClass = object_getClass(delegate)
        else { return }
        UNUserNotificationCenter.current().delegate = self
        addToDelegate(delegateClass, "application:didRegisterForRemoteNotificationsWithDeviceToken:") { argument in
            guard let data = argument as? Data else { return }
            let hex = data.map { String(format: "%02x", $0) }.joined()
            #if DEBUG
                // For trying a push by hand (ios/README.md); never in a release build.
                NSLog("PulsePush: APNs device token %@", hex)
            #endif
            PushCenter.shared.finishRegistration(.token(hex))
        }
        addToDelegate(delegateClass, "application:didFailToRegisterForRemoteNotificationsWithError:") { argument in
            // No "aps-environment" entitlement, or a simulator that cannot get a token.
            let message = (argument as? NSError)?.localizedDescription ?? "APNs registration failed"
            PushCenter.shared.finishRegistration(.failure(message))
        }
        lock.lock()
        installed = true
        lock.unlock()
    }

    /// Gives the app delegate's class a method `selector` (`application:<name>:`, one
    /// object argument besides the application) that calls `handler`, then whatever the
    /// class or its superclasses already did for it.
    private func addToDelegate(_ delegateClass: AnyClass, _ name: String, _ handler: @escaping (AnyObject) -> Void) {
        typealias Previous = @convention(c) (AnyObject, Selector, UIApplication, AnyObject) -> Void
        let selector = NSSelectorFromString(name)
        let previous = class_getInstanceMethod(delegateClass, selector).map(method_getImplementation)
        let block: @convention(block) (AnyObject, UIApplication, AnyObject) -> Void = { receiver, application, argument in
            handler(argument)
            if let previous {
                unsafeBitCast(previous, to: Previous.self)(receiver, selector, application, argument)
            }
        }
        let implementation = imp_implementationWithBlock(block)
        if !class_addMethod(delegateClass, selector, implementation, "v@:@@"),
           let method = class_getInstanceMethod(delegateClass, selector)
        {
            method_setImplementation(method, implementation)
        }
    }

    private func finishRegistration(_ result: Registration) {
        lock.lock()
        let waiters = registrationWaiters
        registrationWaiters.removeAll()
        lock.unlock()
        waiters.forEach { $0(result) }
    }

    private func tapped(_ userInfo: [AnyHashable: Any]) {
        // pulse-server's APNs payload: "tag", "case_id", "event_id" and "url" beside "aps".
        guard let caseId = userInfo["case_id"] as? String else { return }
        var tap: [String: Any] = ["kind": "tap", "case_id": caseId]
        if let eventId = userInfo["event_id"] as? NSNumber {
            tap["event_id"] = eventId.int64Value
        } else if let eventId = (userInfo["event_id"] as? String).flatMap({ Int64($0) }) {
            tap["event_id"] = eventId
        }
        if let url = userInfo["url"] as? String {
            tap["url"] = url
        }
        offer(Self.json(tap))
    }

    /// Keeps the newest `maxWaitingEvents` while nobody listens.
    private func offer(_ json: String) {
        lock.lock()
        if events.count >= Self.maxWaitingEvents {
            events.removeFirst()
        } else {
            eventCount.signal()
        }
        events.append(json)
        lock.unlock()
    }

    private static func json(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object),
              let text = String(data: data, encoding: .utf8)
        else {
            return "{\"error\":\"JSON encoding failed\"}"
        }
        return text
    }
}
