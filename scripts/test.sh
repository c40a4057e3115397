#!/usr/bin/env bash
# `make test`: installs what is missing, then runs every suite in order:
#   fmt, clippy (native and wasm32), native tests, browser tests (wasm-bindgen-test in
#   headless Chromium), and the Playwright suite against a fresh build served on loopback.
# Every suite runs even if an earlier one fails; the summary lists each, and the exit code
# is non-zero if any failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"

scripts/install-test-tools.sh || { echo "Installing the tools failed; no suite was run." >&2; exit 1; }

declare -a summary=()
failed=0
run_suite() {
  local name="$1"; shift
  say "$name"
  local started=$SECONDS
  if "$@"; then
    summary+=("passed  $name ($((SECONDS - started)) s)")
  else
    summary+=("FAILED  $name ($((SECONDS - started)) s)")
    failed=1
  fi
}

run_suite "cargo fmt --check" cargo fmt --all -- --check
run_suite "cargo clippy (native)" cargo clippy --all-targets -- -D warnings
run_suite "cargo clippy (wasm32)" cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
# The browser build's own code path: every `on_demand!` entry point as a `wasm_split` point.
run_suite "cargo clippy (wasm32, split)" cargo clippy --target wasm32-unknown-unknown --features split -- -D warnings
run_suite "native tests (cargo test)" cargo test
run_suite "browser tests (wasm-bindgen-test, headless Chromium)" scripts/test-browser.sh
run_suite "end-to-end tests (Playwright, Debian Chromium)" scripts/test-e2e.sh

echo
echo "Summary:"
printf '  %s\n' "${summary[@]}"
exit $failed
