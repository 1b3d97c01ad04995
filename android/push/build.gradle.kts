// The Android half of the app's push notifications (Firebase Cloud Messaging), a Gradle
// library module. dx 0.7 finds it through the `#[manganis::ffi("android/push")]` block in
// src/native_push.rs, copies it into its generated Gradle project as `:plugins:pushplugin`,
// strips the plugin versions below (the generated root project supplies them) and makes
// the app depend on it. The namespace is also where the Rust side looks for PushPlugin.

import groovy.json.JsonSlurper

plugins {
    id("com.android.library") version "8.7.0"
    id("org.jetbrains.kotlin.android") version "2.0.20"
}

// The deployer's Firebase project. The google-services Gradle plugin cannot be applied
// to dx 0.7's generated app module (see android/README.md), so this module turns
// google-services.json into the same string resources that plugin would make; Firebase
// reads them at start-up. The file is the deployer's and never committed: put it next to
// this file (git ignores it there) or name it in PULSE_GOOGLE_SERVICES_JSON.
val applicationId: String = System.getenv("PULSE_ANDROID_APPLICATION_ID") ?: "com.pulse.companion"
val googleServicesJson: File? =
    (System.getenv("PULSE_GOOGLE_SERVICES_JSON")?.let(::File) ?: file("google-services.json"))
        .takeIf { it.isFile }

@Suppress("UNCHECKED_CAST")
fun firebaseResources(json: File, packageName: String): Map<String, String> {
    fun Any?.obj(): Map<String, Any?> = this as? Map<String, Any?> ?: emptyMap()
    fun Any?.list(): List<Any?> = this as? List<Any?> ?: emptyList()
    fun Map<String, Any?>.text(key: String): String =
        this[key]?.toString() ?: throw GradleException("$json: \"$key\" is missing")

    val root = JsonSlurper().parse(json).obj()
    val project = root["project_info"].obj()
    val client = root["client"].list().map { it.obj() }.firstOrNull {
        it["client_info"].obj()["android_client_info"].obj()["package_name"] == packageName
    } ?: throw GradleException(
        "$json has no Android app with package name $packageName " +
            "(add one in the Firebase console, or set PULSE_ANDROID_APPLICATION_ID)",
    )
    val apiKey = client["api_key"].list().firstOrNull().obj().text("current_key")
    val resources = mutableMapOf(
        "google_app_id" to client["client_info"].obj().text("mobilesdk_app_id"),
        "gcm_defaultSenderId" to project.text("project_number"),
        "google_api_key" to apiKey,
        "google_crash_reporting_api_key" to apiKey,
        "project_id" to project.text("project_id"),
    )
    project["storage_bucket"]?.let { resources["google_storage_bucket"] = it.toString() }
    return resources
}

val firebase: Map<String, String> =
    googleServicesJson?.let { firebaseResources(it, applicationId) } ?: emptyMap()
if (firebase.isEmpty()) {
    logger.warn(
        "pulse push: no google-services.json (android/push/ or PULSE_GOOGLE_SERVICES_JSON); " +
            "this build cannot receive push notifications",
    )
}

android {
    namespace = "com.pulse.companion.push"
    compileSdk = 34

    defaultConfig {
        minSdk = 24
        consumerProguardFiles("consumer-rules.pro")
        firebase.forEach { (name, value) -> resValue("string", name, value) }
    }

    buildFeatures {
        resValues = true
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    kotlinOptions {
        jvmTarget = "17"
    }
}

dependencies {
    implementation("com.google.firebase:firebase-messaging:24.1.0")
    implementation("androidx.core:core-ktx:1.13.1")
}
