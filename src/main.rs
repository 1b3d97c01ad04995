//! The app's entry point on every platform.

fn main() {
    pulse_companion::launch();
}
