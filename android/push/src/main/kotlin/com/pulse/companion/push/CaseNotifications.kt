package com.pulse.companion.push

import android.Manifest
import android.annotation.SuppressLint
import android.app.Activity
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import com.google.firebase.messaging.RemoteMessage
import org.json.JSONObject
import java.util.concurrent.LinkedBlockingQueue
import java.util.concurrent.TimeUnit

/**
 * One push from pulse-server, as `pulse_protocol::push::PushMessage` describes it: FCM's
 * `data` carries `tag`, `case_id`, `event_id` and `url`, and `title` and `body` either in
 * `data` too (a data-only push) or in the push's "notification" part.
 */
internal data class CasePush(
    val title: String,
    val body: String,
    val tag: String,
    val caseId: String,
    val eventId: Long?,
    val url: String?,
) {
    /** What the Rust side gets when this notification is tapped. */
    fun tapJson(): String = JSONObject()
        .put("kind", "tap")
        .put("case_id", caseId)
        .put("event_id", eventId ?: JSONObject.NULL)
        .put("url", url ?: JSONObject.NULL)
        .toString()

    companion object {
        fun from(message: RemoteMessage): CasePush? {
            val data = message.data
            val caseId = data["case_id"] ?: return null
            val title = data["title"] ?: message.notification?.title ?: return null
            return CasePush(
                title = title,
                body = data["body"] ?: message.notification?.body ?: "",
                tag = data["tag"] ?: message.messageId ?: caseId,
                caseId = caseId,
                eventId = data["event_id"]?.toLongOrNull(),
                url = data["url"],
            )
        }
    }
}

/**
 * The app's case notifications: their channel, showing one, and the events the Rust side
 * waits for ([PushPlugin.waitForEventJson]), each a line of JSON:
 * `{"kind": "tap", "case_id": ..., "event_id": ..., "url": ...}` when the partner tapped a
 * notification, `{"kind": "token", "token": ...}` when FCM replaced the token.
 */
internal object CaseNotifications {
    const val EXTRA_TAP = "com.pulse.companion.push.TAP"

    /** FCM's own notifications use id 0 with their tag: the same id keeps one per tag. */
    private const val NOTIFICATION_ID = 0
    private const val MAX_WAITING_EVENTS = 32

    private val events = LinkedBlockingQueue<String>()

    fun ensureChannel(context: Context) {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.O) return
        val manager = context.getSystemService(NotificationManager::class.java) ?: return
        val id = context.getString(R.string.pulse_push_channel_id)
        if (manager.getNotificationChannel(id) != null) return
        val channel = NotificationChannel(
            id,
            context.getString(R.string.pulse_push_channel_name),
            NotificationManager.IMPORTANCE_DEFAULT,
        )
        manager.createNotificationChannel(channel)
    }

    /**
     * Shows [push] under its tag: a push that arrives twice (FCM may deliver again)
     * replaces itself instead of showing twice.
     */
    @SuppressLint("MissingPermission") // checked just above the call
    fun show(context: Context, push: CasePush) {
        ensureChannel(context)
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU &&
            ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS) !=
            PackageManager.PERMISSION_GRANTED
        ) {
            return
        }
        val open = Intent(context, PushOpenActivity::class.java)
            .putExtra(EXTRA_TAP, push.tapJson())
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
        // One PendingIntent per tag, so that each notification opens its own case.
        val tap = PendingIntent.getActivity(
            context,
            push.tag.hashCode(),
            open,
            PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
        val notification = NotificationCompat.Builder(context, context.getString(R.string.pulse_push_channel_id))
            .setSmallIcon(R.drawable.pulse_push_icon)
            .setContentTitle(push.title)
            .setContentText(push.body)
            .setStyle(NotificationCompat.BigTextStyle().bigText(push.body))
            .setCategory(NotificationCompat.CATEGORY_MESSAGE)
            .setAutoCancel(true)
            .setContentIntent(tap)
            .build()
        try {
            NotificationManagerCompat.from(context).notify(push.tag, NOTIFICATION_ID, notification)
        } catch (e: SecurityException) {
            // The permission was withdrawn between the check and the call.
        }
    }

    fun tapped(json: String) = offer(json)

    fun newToken(token: String) = offer(JSONObject().put("kind", "token").put("token", token).toString())

    fun waitForEvent(timeoutMs: Long): String? = events.poll(timeoutMs, TimeUnit.MILLISECONDS)

    /**
     * The tap JSON for a push's data as Firebase passes it to the activity it opens (one
     * extra per data key), or null without a case.
     */
    fun tapFromData(extras: Bundle): String? {
        val caseId = extras.getString("case_id") ?: return null
        return JSONObject()
            .put("kind", "tap")
            .put("case_id", caseId)
            .put("event_id", extras.getString("event_id")?.toLongOrNull() ?: JSONObject.NULL)
            .put("url", extras.getString("url") ?: JSONObject.NULL)
            .toString()
    }

    /**
     * The notification that started the app, when Firebase showed it without a
     * `click_action` (a push with a "notification" part, the app in the background):
     * Firebase then opens the launcher activity with the push's data as extras. Read
     * once, then removed.
     */
    @Synchronized
    fun takeLaunchTap(activity: Activity): String? {
        val intent = activity.intent ?: return null
        val tap = intent.extras?.let(::tapFromData) ?: return null
        intent.removeExtra("case_id")
        return tap
    }

    /** Keeps the newest [MAX_WAITING_EVENTS] while nobody listens. */
    @Synchronized
    private fun offer(json: String) {
        while (events.size >= MAX_WAITING_EVENTS) events.poll()
        events.offer(json)
    }
}
