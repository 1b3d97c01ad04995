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

# Makes (once) a Python virtualenv at $1 with the pinned packages $2… (name==version),
# installing those that are missing or at another version.
ensure_python_venv() {
    local venv="$1"
    shift
    ensure_debian_packages python3-venv
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    local missing=()
    for package in "$@"; do
        "$venv/bin/pip" show "${package%%==*}" 2>/dev/null | grep -qx "Version: ${package#*==}" \
            || missing+=("$package")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        "$venv/bin/pip" install --quiet --disable-pip-version-check "${missing[@]}"
    fi
}

# Installs a cargo tool at an exact version unless that version is already there.
# Arguments after the binary's name go to `cargo install` (e.g. --locked).
# Built with optimisation level 1 instead of release's 3: these tools (dx above all, some
# 700 crates) only drive builds, so their own speed hardly matters, while compiling them
# is the longest step on a new machine.
ensure_cargo_tool() {
    local crate="$1" version="$2" binary="$3"
    shift 3
    if ! "$binary" --version 2>/dev/null | grep -qw -- "$version"; then
        CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install "$crate" --version "$version" --force "$@"
    fi
}

# Installs npm packages, each given as name@version, into a folder of their own unless
# that exact version is there already. Their programs land in <folder>/node_modules/.bin.
ensure_npm_packages() {
    local folder="$1" missing=() spec name version
    shift
    for spec in "$@"; do
        name="${spec%@*}"
        version="${spec##*@}"
        grep -q "\"version\": \"${version}\"" "$folder/node_modules/$name/package.json" 2>/dev/null \
            || missing+=("$spec")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        command -v npm >/dev/null 2>&1 || ensure_debian_packages npm
        mkdir -p "$folder"
        # Saved in the folder's package.json: a later install there would otherwise prune
        # the packages an earlier one brought.
        npm install --prefix "$folder" --save-exact --no-audit --no-fund --loglevel=error "${missing[@]}"
    fi
}

# dx (dioxus-cli), which builds the app for the browser and the desktop. It must be the
# release of the dioxus crate the app links: dx reads the asset list that version's
# asset!() writes into the binary.
ensure_dx() {
    ensure_cargo_tool dioxus-cli "$(locked_version dioxus)" dx --locked
    # dx would otherwise fetch its helpers from GitHub, out of reach here: it takes them
    # from PATH instead (see ensure_web_tools). No usage reports either.
    export NO_DOWNLOADS=1 DX_TELEMETRY_ENABLED=false
}

# Everything dx runs for a web build, on PATH: wasm-bindgen at the version Cargo.lock
# names (dx refuses any other), and binaryen's wasm-opt and esbuild at the versions
# dx 0.7 is made for, from npm (Debian's binaryen is too old for today's wasm).
ensure_web_tools() {
    ensure_rust_targets wasm32-unknown-unknown
    # SQLite for the browser is C compiled by clang (see .cargo/config.toml).
    ensure_debian_packages clang
    ensure_dx
    # Without --locked: wasm-bindgen-cli's own lock names a crate version the registry
    # no longer has.
    ensure_cargo_tool wasm-bindgen-cli "$(locked_version wasm-bindgen)" wasm-bindgen
    local tools="$CARGO_TARGET_DIR/web-tools"
    ensure_npm_packages "$tools" binaryen@129.0.0 @esbuild/linux-x64@0.27.3
    # @esbuild/linux-x64 declares no program, so npm links none into .bin.
    export PATH="$tools/node_modules/.bin:$tools/node_modules/@esbuild/linux-x64/bin:$PATH"
}

# The version of a package in Cargo.lock.
locked_version() {
    awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
