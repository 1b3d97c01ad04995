package com.pulse.companion.push

import android.Manifest
import android.app.Activity
import android.content.pm.ApplicationInfo
import android.content.pm.PackageManager
import android.os.Build
import android.util.Log
import androidx.core.app.ActivityCompat
import androidx.core.content.ContextCompat
import com.google.android.gms.tasks.Tasks
import com.google.firebase.FirebaseApp
import com.google.firebase.messaging.FirebaseMessaging
import org.json.JSONObject
import java.util.concurrent.ExecutionException
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException

/**
 * What the Rust side of the app calls (src/native_push.rs, bound by `#[manganis::ffi]`):
 * the FCM registration token, and what happened to notifications while the app runs.
 *
 * Rust creates one instance through the activity's class loader and calls it from threads
 * of its own, so both methods may block. Neither throws: a Java exception left pending in
 * JNI ends the app, so every failure comes back as JSON instead.
 */
class PushPlugin(private val activity: Activity) {

    /**
     * `{"token": "..."}` or `{"error": "..."}`. Asks for the notification permission first
     * (Android 13+, once; the token does not wait for the answer). Blocks up to
     * [TOKEN_TIMEOUT_SECONDS]: never call it on the main thread.
     */
    fun deviceTokenJson(): String = try {
        CaseNotifications.ensureChannel(activity)
        askToPostNotifications()
        if (FirebaseApp.getApps(activity).isEmpty()) {
            errorJson(
                "Firebase is not configured in this build: android/push/google-services.json " +
                    "was missing when it was built",
            )
        } else {
            val token = Tasks.await(
                FirebaseMessaging.getInstance().token,
                TOKEN_TIMEOUT_SECONDS,
                TimeUnit.SECONDS,
            )
            // For trying a push by hand (android/README.md); never in a release build.
            if ((activity.applicationInfo.flags and ApplicationInfo.FLAG_DEBUGGABLE) != 0) {
                Log.d(LOG_TAG, "FCM registration token: $token")
            }
            JSONObject().put("token", token).toString()
        }
    } catch (e: ExecutionException) {
        // SERVICE_NOT_AVAILABLE, MISSING_INSTANCEID_SERVICE (no Google Play services), ...
        errorJson("FCM gave no token: ${e.cause?.message ?: e.message}")
    } catch (e: TimeoutException) {
        errorJson("FCM gave no token within $TOKEN_TIMEOUT_SECONDS s")
    } catch (e: Throwable) {
        errorJson("FCM gave no token: $e")
    }

    /**
     * The next event as JSON (see [CaseNotifications]), or null when none came within
     * [timeoutMs]. The notification that started the app, if Firebase showed it, comes
     * first.
     */
    fun waitForEventJson(timeoutMs: Long): String? = try {
        CaseNotifications.takeLaunchTap(activity) ?: CaseNotifications.waitForEvent(timeoutMs)
    } catch (e: InterruptedException) {
        null
    } catch (e: Throwable) {
        errorJson("reading push events failed: $e")
    }

    private fun askToPostNotifications() {
        if (Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU) return
        val permission = Manifest.permission.POST_NOTIFICATIONS
        if (ContextCompat.checkSelfPermission(activity, permission) == PackageManager.PERMISSION_GRANTED) {
            return
        }
        // The answer goes to the activity's onRequestPermissionsResult, which dx's
        // MainActivity does not override: nothing here needs it, notifications just show
        // once it is granted.
        activity.runOnUiThread {
            ActivityCompat.requestPermissions(activity, arrayOf(permission), PERMISSION_REQUEST)
        }
    }

    private fun errorJson(message: String): String = JSONObject().put("error", message).toString()

    private companion object {
        const val LOG_TAG = "PulsePush"
        const val TOKEN_TIMEOUT_SECONDS = 30L
        const val PERMISSION_REQUEST = 0x5053
    }
}
