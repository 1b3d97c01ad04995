# Shared set-up for the scripts: a build directory outside the clone that later runs
# on the same machine reuse, and installers that skip what is already there.

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/pulse-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
    # shellcheck disable=SC1091
    source "$HOME/.cargo/env"
fi
command -v cargo >/dev/null 2>&1 || { echo "cargo is missing: install Rust with rustup" >&2; exit 1; }

ensure_rust_components() {
    local missing=()
    for component in "$@"; do
        rustup component list --installed 2>/dev/null | grep -q "^${component}" || missing+=("$component")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        rustup component add "${missing[@]}"
    fi
}

# Installs Debian packages that are not installed yet.
ensure_debian_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

# Adds Rust targets that are not installed yet.
ensure_rust_targets() {
    local missing=()
    for target in "$@"; do
        rustup target list --installed 2>/dev/null | grep -qx "$target" || missing+=("$target")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        rustup target add "${missing[@]}"
    fi
}

# Installs a cargo tool at an exact version unless that version is already there.
ensure_cargo_tool() {
    local crate="$1" version="$2" binary="$3"
    if ! "$binary" --version 2>/dev/null | grep -q " ${version}\$"; then
        # Without --locked: wasm-bindgen-cli's own lock names a crate version the
        # registry no longer has.
        cargo install "$crate" --version "$version" --force
    fi
}

# The version of a package in Cargo.lock.
locked_version() {
    awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
