package com.pulse.companion.push

import com.google.firebase.messaging.FirebaseMessagingService
import com.google.firebase.messaging.RemoteMessage

/**
 * Pushes from pulse-server. A data-only push reaches this service whether the app runs or
 * not, and becomes a notification here; a push that also carries a "notification" part is
 * shown by Firebase itself while the app is in the background and only arrives here while
 * it is in the foreground.
 */
class PushMessagingService : FirebaseMessagingService() {

    override fun onMessageReceived(message: RemoteMessage) {
        val push = CasePush.from(message) ?: return
        CaseNotifications.show(this, push)
    }

    /** FCM replaced the token: the app registers the new one with pulse-server. */
    override fun onNewToken(token: String) {
        CaseNotifications.newToken(token)
    }
}
