#!/usr/bin/env bash
# Installs what building the app needs, skipping anything already there:
# the wasm32 target, Trunk, wasm-bindgen-cli (at the version Cargo.lock pins),
# wasm-split-cli (cuts the wasm into the modules loaded on demand), Node.js, wasm-opt (npm's
# binaryen) and esbuild. Safe to run again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"

TRUNK_VERSION="0.21.14" # 0.22 needs a newer rustc than this machine has.
# Must read the split points that Cargo.lock's wasm_split_helpers (through Leptos) writes.
WASM_SPLIT_VERSION="0.2.4"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "Building Trunk $TRUNK_VERSION from crates.io (about 12 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

[ -f Cargo.lock ] || cargo generate-lockfile
WB_VERSION="$(locked_wasm_bindgen_version)"
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WB_VERSION"; then
  say "Building wasm-bindgen-cli $WB_VERSION from crates.io (about 5 minutes, once)"
  # Not --locked: the CLI's own lockfile pins a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# The tool has no --version; cargo's list of what it installed says which one is there.
if ! command -v wasm-split-cli >/dev/null 2>&1 \
  || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "Building wasm-split-cli $WASM_SPLIT_VERSION from crates.io (about 3 minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if ! command -v npm >/dev/null 2>&1; then
  say "Installing Node.js and npm from Debian"
  apt_install nodejs npm
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version 132" || [ ! -x tools/node_modules/.bin/esbuild ]; then
  say "Installing wasm-opt (binaryen 132) and esbuild (minifies the release script) from npm"
  (cd tools && npm ci --no-audit --no-fund)
fi

# Trunk.toml names the tool versions so that Trunk uses these and never downloads.
if ! grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
  echo "Trunk.toml's [tools] wasm_bindgen does not match Cargo.lock's wasm-bindgen $WB_VERSION." >&2
  echo "Set it to \"$WB_VERSION\" and run again." >&2
  exit 1
fi
say "Build tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
