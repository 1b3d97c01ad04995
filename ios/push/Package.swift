// swift-tools-version:5.9
// The iOS half of the app's push notifications (APNs). dx 0.7 finds this package through
// the `#[manganis::ffi("ios/push")]` block in src/native_push.rs, builds the PushPlugin
// product as a dynamic library into DioxusSwiftPlugins.framework, and the Rust side loads
// it at run time and finds the `PushPlugin` class by its Objective-C name.

import PackageDescription

let package = Package(
    name: "PushPlugin",
    platforms: [
        .iOS(.v15),  // Dioxus.toml's [ios] deployment_target
    ],
    products: [
        .library(name: "PushPlugin", type: .static, targets: ["PushPlugin"]),
    ],
    targets: [
        .target(
            name: "PushPlugin",
            path: "Sources/PushPlugin",
            linkerSettings: [
                .linkedFramework("UIKit"),
                .linkedFramework("UserNotifications"),
            ]
        ),
    ]
)
