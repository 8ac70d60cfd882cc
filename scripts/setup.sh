#!/usr/bin/env bash
# Installs what Peer Study needs to build and test, skipping whatever is already present at the
# right version. Safe to run again and again; `make dev`, `make build` and `make test` call it.
#
#   scripts/setup.sh build   Rust wasm target, Trunk, wasm-bindgen CLI, node tools (wasm-opt,
#                            esbuild)
#   scripts/setup.sh test    all of the above, plus Chromium, ChromeDriver, python-docx and the
#                            other engines below
#   scripts/setup.sh engines the build tools, python-docx, and the other engines: WebKitGTK's
#                            WebDriver and MiniBrowser, Firefox ESR, geckodriver, Xvfb, selenium
#
# Versions are pinned on purpose; docs/build.md ("Pinned tool versions, and why") gives the reason
# for each one.
set -euo pipefail

cd "$(dirname "$0")/.."
what="${1:-build}"

TRUNK_VERSION="0.21.14"   # 0.22 needs a newer rustc than the one on our machines
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Run as root on CI and fresh machines; use sudo if we are not root and it exists.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to run: $*" >&2; return 1
  fi
}

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

# --- Rust ---------------------------------------------------------------------------------------
if ! command -v cargo >/dev/null; then
  echo "cargo is not installed: this project needs a Rust toolchain (rustup) on PATH." >&2
  exit 1
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing Trunk $TRUNK_VERSION (about 15 minutes the first time on two cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly, or Trunk would try
# to download one (and fail, offline).
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "Could not find the wasm-bindgen version in Cargo.lock." >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen_version" ]; then
  say "Installing wasm-bindgen-cli $bindgen_version (matches Cargo.lock)"
  # Not --locked: the CLI's own lock file names a version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# The splitter for release builds (scripts/split-build.mjs): it must understand the
# wasm_split_helpers that Leptos brings (0.2.3 in Cargo.lock), so the versions move together.
WASM_SPLIT_VERSION="0.2.3"
# (The binary has no --version; cargo's own list of installed packages says which it is.)
if ! command -v wasm-split-cli >/dev/null \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes the first time)"
  env -u CARGO_TARGET_DIR cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
    --features build-binary --locked
fi

# --- Node tools (wasm-opt from binaryen 132, esbuild, Playwright, axe-core) ----------------
if ! command -v npm >/dev/null; then
  say "Installing Node.js and npm"
  apt_install nodejs npm
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] \
  || [ ! -d node_modules/@axe-core/playwright ] || [ ! -d node_modules/esbuild ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing node tools (npm ci)"
  # Playwright must never download a browser: the tests use Debian's Chromium.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
if [ "$(node_modules/.bin/wasm-opt --version)" != "wasm-opt version 132 (version_132)" ]; then
  echo "node_modules/.bin/wasm-opt is not binaryen 132; run 'rm -rf node_modules' and retry." >&2
  exit 1
fi

case "$what" in
  build) exit 0 ;;
  test | engines) ;;
  *)
    echo "Usage: scripts/setup.sh [build|test|engines]" >&2
    exit 2
    ;;
esac

# --- Browser and test tools ---------------------------------------------------------------------
if [ "$what" = "test" ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "Installing Chromium and ChromeDriver from Debian"
  apt_install chromium chromium-driver
fi
if ! python3 -c 'import docx' 2>/dev/null; then
  say "Installing python-docx (an independent reader for exported .docx files)"
  python3 -m pip install --quiet --disable-pip-version-check python-docx \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages python-docx
fi
python3 -c 'import icalendar' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check icalendar 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages icalendar  # reads back .ics files

# --- The other engines: WebKit and Firefox (tests/engines, `make test-engines`) ---------------------
GECKODRIVER_VERSION="0.37.1"  # built from crates.io: its prebuilt binary is a download we can't rely on
MINIBROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
if ! command -v WebKitWebDriver >/dev/null || [ ! -x "$MINIBROWSER" ] \
  || ! command -v xvfb-run >/dev/null || ! command -v xauth >/dev/null \
  || ! command -v firefox-esr >/dev/null; then
  say "Installing WebKitGTK's WebDriver and MiniBrowser, Firefox ESR and Xvfb from Debian"
  apt_install webkit2gtk-driver xvfb xauth firefox-esr
fi
if [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d' ' -f1-2)" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "Installing geckodriver $GECKODRIVER_VERSION (several minutes the first time on two cores)"
  # In cargo's own temporary folder, never in the project's target/.
  env -u CARGO_TARGET_DIR cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi
# Each pinned package in tests/engines/requirements.txt, unless that version is already there.
if ! python3 - tests/engines/requirements.txt <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version

for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, wanted = line.split("==")
    try:
        if version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
then
  say "Installing the cross-engine tests' Python packages (selenium, pytest)"
  python3 -m pip install --quiet --disable-pip-version-check -r tests/engines/requirements.txt \
    || python3 -m pip install --quiet --disable-pip-version-check --break-system-packages \
      -r tests/engines/requirements.txt
fi
