#!/usr/bin/env bash
# Builds the app (debug profile: quicker, and the behaviour is the same) into dist-e2e/ and
# runs the Playwright suite against it, served on a loopback port by e2e/serve.mjs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
trunk build --dist dist-e2e
cd e2e
npx playwright test "$@"
