#!/usr/bin/env bash
# `make serve`: installs what is missing, builds the app and serves it on
# http://127.0.0.1:8080. Set PROFILE=dev for a quicker, unoptimised build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/install-build-tools.sh
release="--release"
[ "${PROFILE:-release}" = "dev" ] && release=""
say "Serving PLA Workshop on http://127.0.0.1:8080 (Ctrl+C stops it)"
exec trunk serve $release --address 127.0.0.1 --port 8080 --no-autoreload
