//! The console's entry point (a browser page: `scripts/console.sh` builds it).

fn main() {
    pulse_console::launch();
}
