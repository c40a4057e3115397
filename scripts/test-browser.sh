#!/usr/bin/env bash
# Runs tests/browser.rs in headless Chromium through chromedriver. wasm-bindgen-test-runner
# reads webdriver.json (in the project root) for Chromium's flags: running as root needs
# --no-sandbox, and the closed network needs background networking off.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
profile="$(mktemp -d /tmp/pla-wbt-profile.XXXXXX)"
trap 'rm -rf "$profile"' EXIT
sed "s#@PROFILE@#$profile#" tests/webdriver.template.json > webdriver.json
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=60
cargo test --target wasm32-unknown-unknown --test browser
