#!/usr/bin/env bash
# Installs whatever is missing to build and test Ilmastoaskeleet, and nothing else.
# Idempotent: when everything is already in place it only checks (a few seconds).
#
#   scripts/setup.sh            # check + install what is missing
#   SETUP_SKIP_APT=1 ...        # never touch apt (you install chromium/brotli yourself)
#   SETUP_SKIP_BROWSER=1 ...    # do not require a browser (build-only machines)
#
# What it manages (versions are pinned in the repository):
#   - the Rust toolchain named in rust-toolchain.toml (rustup; RUSTUP_AUTO_INSTALL=0 may be set)
#   - Debian packages chromium, chromium-driver, brotli, poppler-utils (pdftotext, for the PDF report test; only as root on Debian/Ubuntu)
#   - trunk (TRUNK_VERSION below), built with the pinned toolchain
#   - wasm-bindgen-cli equal to the wasm-bindgen version in Cargo.lock
#   - node packages from package-lock.json (npm ci), incl. binaryen's wasm-opt
#   - cargo fetch, so that trunk can build with offline = true
set -euo pipefail

TRUNK_VERSION="0.22.1"
APT_PACKAGES=(chromium chromium-driver brotli poppler-utils)
MIN_NODE_MAJOR=20

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

T0=$SECONDS
DID=()     # what this run changed
NOTES=()   # what the user has to do by hand
say()  { printf '[setup] %s\n' "$*"; }
warn() { printf '[setup] WARNING: %s\n' "$*" >&2; }
die()  { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }
step_start() { STEP_T0=$SECONDS; }
step_done()  { DID+=("$1 ($((SECONDS - STEP_T0))s)"); say "done: $1 in $((SECONDS - STEP_T0))s"; }

OS="$(uname -s)"
IS_DEBIAN=0
if [ -r /etc/os-release ] && grep -qiE '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release; then IS_DEBIAN=1; fi
IS_ROOT=0
if [ "$(id -u)" = "0" ]; then IS_ROOT=1; fi

# ---------------------------------------------------------------- Rust toolchain
export PATH="$HOME/.cargo/bin:$PATH"
command -v rustup >/dev/null 2>&1 || die "rustup is not installed. Install it from https://rustup.rs (then re-run this script); the pinned toolchain comes from rust-toolchain.toml."
CHANNEL="$(sed -nE 's/^[[:space:]]*channel[[:space:]]*=[[:space:]]*"([^"]+)".*/\1/p' rust-toolchain.toml | head -n1)"
[ -n "$CHANNEL" ] || die "could not read the channel from rust-toolchain.toml"

toolchain_ready() {
  rustup run "$CHANNEL" rustc --version >/dev/null 2>&1 || return 1
  rustup target list --installed --toolchain "$CHANNEL" 2>/dev/null | grep -qx 'wasm32-unknown-unknown' || return 1
  rustup component list --installed --toolchain "$CHANNEL" 2>/dev/null | grep -q '^clippy' || return 1
  rustup component list --installed --toolchain "$CHANNEL" 2>/dev/null | grep -q '^rustfmt' || return 1
}
if toolchain_ready; then
  say "rust $CHANNEL with wasm32 target, clippy and rustfmt: present"
else
  step_start
  say "installing rust toolchain from rust-toolchain.toml ($CHANNEL)"
  # With no arguments rustup installs what rust-toolchain.toml names (channel, targets, components, profile).
  rustup toolchain install
  toolchain_ready || die "rust toolchain $CHANNEL is still incomplete after 'rustup toolchain install'"
  step_done "rust toolchain $CHANNEL"
fi
CARGO=(cargo "+$CHANNEL")

# ---------------------------------------------------------------- system packages
missing_apt=()
if [ "$OS" = "Linux" ] && [ "$IS_DEBIAN" = 1 ]; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing_apt+=("$p")
  done
  if [ "${SETUP_SKIP_BROWSER:-0}" = 1 ]; then
    missing_apt=($(printf '%s\n' "${missing_apt[@]}" | grep -vE '^chromium' || true))
  fi
  if [ "${#missing_apt[@]}" -eq 0 ]; then
    say "apt packages ${APT_PACKAGES[*]}: present"
  elif [ "$IS_ROOT" = 1 ] && [ "${SETUP_SKIP_APT:-0}" != 1 ]; then
    step_start
    export DEBIAN_FRONTEND=noninteractive
    # Only refresh the package lists if apt cannot see a candidate for a missing package.
    need_update=0
    for p in "${missing_apt[@]}"; do
      cand="$(apt-cache policy "$p" 2>/dev/null | sed -nE 's/^[[:space:]]*Candidate:[[:space:]]*(.*)$/\1/p')"
      if [ -z "$cand" ] || [ "$cand" = "(none)" ]; then need_update=1; fi
    done
    if [ "$need_update" = 1 ]; then say "apt-get update"; apt-get update -qq; fi
    say "apt-get install ${missing_apt[*]}"
    apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" >/dev/null
    step_done "apt: ${missing_apt[*]}"
  else
    NOTES+=("install with your package manager: sudo apt-get install ${missing_apt[*]}")
  fi
elif [ "$OS" = "Darwin" ]; then
  command -v brotli >/dev/null 2>&1 || NOTES+=("optional: brew install brotli")
  command -v pdftotext >/dev/null 2>&1 || NOTES+=("browser tests: brew install poppler (pdftotext, for the PDF report test)")
  if [ -z "${CHROME_PATH:-}" ]; then
    NOTES+=("browser tests: install Chromium or Google Chrome and set CHROME_PATH (e.g. export CHROME_PATH=\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\"), plus a matching chromedriver (brew install --cask chromedriver) with CHROMEDRIVER=\$(which chromedriver); webdriver.json names /usr/bin/chromium, edit it locally if needed")
  fi
else
  command -v chromium >/dev/null 2>&1 || NOTES+=("install chromium, chromedriver, brotli and poppler-utils (pdftotext) with your package manager; set CHROME_PATH and CHROMEDRIVER if they are not in /usr/bin")
fi

# ---------------------------------------------------------------- trunk
have_trunk="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  step_start
  say "installing trunk $TRUNK_VERSION (found: ${have_trunk:-none}); this compiles for ~12 minutes on 2 cores"
  "${CARGO[@]}" install --locked trunk --version "$TRUNK_VERSION"
  step_done "trunk $TRUNK_VERSION"
fi

# ---------------------------------------------------------------- crates (also creates Cargo.lock when missing)
step_start
if "${CARGO[@]}" fetch --locked --quiet 2>/dev/null; then
  say "cargo fetch: crates present"
else
  say "cargo fetch (Cargo.lock missing or out of date: resolving)"
  "${CARGO[@]}" fetch
  step_done "cargo fetch"
fi

# ---------------------------------------------------------------- wasm-bindgen-cli (must equal the crate in Cargo.lock)
WB_VERSION="$(awk '/^\[\[package\]\]/{n=""} /^name = "wasm-bindgen"$/{n=1; next} n && /^version = /{gsub(/"/,"",$3); print $3; exit}' Cargo.lock)"
[ -n "$WB_VERSION" ] || die "no wasm-bindgen in Cargo.lock"
have_wb="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
have_wbr="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have_wb" = "$WB_VERSION" ] && [ "$have_wbr" = "$WB_VERSION" ]; then
  say "wasm-bindgen-cli $WB_VERSION: present"
else
  step_start
  say "installing wasm-bindgen-cli $WB_VERSION (found: ${have_wb:-none}); ~3 minutes"
  # Not --locked: its lock file wants a webpki-roots release the registry mirror lacks (toolchain.md).
  "${CARGO[@]}" install wasm-bindgen-cli --version "$WB_VERSION" --force
  step_done "wasm-bindgen-cli $WB_VERSION"
fi

# ---------------------------------------------------------------- node packages (playwright-core, axe, binaryen/wasm-opt, lighthouse)
command -v node >/dev/null 2>&1 || die "Node.js >= $MIN_NODE_MAJOR with npm is required (Debian/Ubuntu: NodeSource or your distribution's nodejs; macOS: brew install node)"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge "$MIN_NODE_MAJOR" ] || die "Node.js $(node --version) is too old; need >= $MIN_NODE_MAJOR"
lock_sum="$(node -e 'const c=require("crypto"),f=require("fs");process.stdout.write(c.createHash("sha256").update(f.readFileSync("package-lock.json")).update(process.version).digest("hex"))')"
stamp="node_modules/.setup-lock-sha256"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ] && [ -x node_modules/.bin/wasm-opt ]; then
  say "node packages (package-lock.json): present"
else
  step_start
  say "npm ci"
  # lighthouse 13 declares node >= 22.19 but runs on node 20 here; the engine warnings are expected.
  npm ci --no-audit --no-fund --loglevel=error
  printf '%s' "$lock_sum" > "$stamp"
  step_done "npm ci"
fi
export PATH="$ROOT/node_modules/.bin:$PATH"
wo="$(wasm-opt --version 2>/dev/null || true)"
case "$wo" in *version_132*|*"version 132"*) ;; *) die "wasm-opt from node_modules is not version 132 (got: ${wo:-nothing})";; esac

# ---------------------------------------------------------------- summary
say "tools: $(rustup run "$CHANNEL" rustc --version | cut -d' ' -f1-2), trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), wasm-opt $(wasm-opt --version | awk '{print $3}'), node $(node --version)"
if [ "${#DID[@]}" -eq 0 ]; then
  say "nothing to install; checked in $((SECONDS - T0))s"
else
  say "installed/updated:"
  for d in "${DID[@]}"; do say "  - $d"; done
  say "total $((SECONDS - T0))s"
fi
if [ "${#NOTES[@]}" -gt 0 ]; then
  for n in "${NOTES[@]}"; do warn "$n"; done
fi
