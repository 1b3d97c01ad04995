package com.pulse.companion.push

import android.app.Activity
import android.content.Intent
import android.os.Bundle

/**
 * Where a tap on a case notification lands: it hands the case to the Rust side (which
 * opens it) and brings the app's task to the front the way the launcher does.
 *
 * Opening dx's MainActivity directly would not do: with the case in a new intent it is
 * either ignored (dx's activity reads no new intents) or starts a second MainActivity,
 * which the Rust side cannot drive; and Firebase's own tap intent (FLAG_ACTIVITY_CLEAR_TOP
 * on the launcher activity) restarts it.
 *
 * Reached two ways: from the notifications [CaseNotifications.show] posts (the tap as JSON
 * in [CaseNotifications.EXTRA_TAP]), and from those Firebase posts itself when the push
 * names [ACTION_OPEN_CASE] as its `click_action` (the push's data as extras).
 */
class PushOpenActivity : Activity() {

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val extras = intent?.extras
        val tap = extras?.getString(CaseNotifications.EXTRA_TAP)
            ?: extras?.let(CaseNotifications::tapFromData)
        tap?.let(CaseNotifications::tapped)
        packageManager.getLaunchIntentForPackage(packageName)?.let { launch ->
            launch.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_RESET_TASK_IF_NEEDED)
            startActivity(launch)
        }
        finish()
    }

    companion object {
        /** The `click_action` of a push that Firebase shows itself. */
        const val ACTION_OPEN_CASE = "com.pulse.companion.push.OPEN_CASE"
    }
}
