#!/usr/bin/env bash
# `make bench`: builds the release app into dist-bench/, serves it on a loopback port and
# measures it (bench/run.mjs). Writes bench/results.json and prints a table.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/install-test-tools.sh
say "Building the release app"
trunk build --release --dist dist-bench
# The plain-JavaScript map that the map's drag is compared with.
cp bench/vanilla-map.html bench/vanilla-map.js bench/floor-drag.html bench/floor-drag.js dist-bench/
port=8282
node e2e/serve.mjs dist-bench $port > /dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 50); do
  (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break
  sleep 0.1 # waiting for the server's port to open, not for a result
done
say "Counting quick mode's questions (native)"
QUICK_QUESTIONS="$(cargo run --quiet --release --example quick_questions)"
export QUICK_QUESTIONS
say "Timing the ballots' aggregate (native)"
# The example prints "ballots_aggregate_ms <median>"; run.mjs records the number.
BALLOTS_AGGREGATE_MS="$(cargo run --quiet --release --example ballots_aggregate | awk '$1 == "ballots_aggregate_ms" { print $2 }')"
export BALLOTS_AGGREGATE_MS
say "Measuring"
node bench/run.mjs dist-bench "http://127.0.0.1:$port/"
