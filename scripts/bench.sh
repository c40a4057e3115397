#!/usr/bin/env bash
# `make bench`: builds the release app into dist-bench/, serves it on a loopback port and
# measures it (bench/run.mjs). Writes bench/results.json and prints a table.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"
scripts/install-test-tools.sh
say "Building the release app"
trunk build --release --dist dist-bench
# The plain-JavaScript map that the map's drag is compared with, and the drag's floor.
cp bench/vanilla-map.html bench/vanilla-map.js bench/floor-drag.html bench/floor-drag.js dist-bench/
# The start-up floors, loaded cold beside the app: an empty page with the app's stylesheet,
# and the smallest Leptos app built as the app is (bench/leptos-floor).
say "Building the Leptos floor (bench/leptos-floor)"
cp dist-bench/main-*.css dist-bench/floor.css
cp bench/floor-shell.html bench/floor-shell.js bench/floor-leptos.html dist-bench/
(cd bench/leptos-floor && CARGO_TARGET_DIR="$PROJECT_ROOT/target" cargo build --release --locked --target wasm32-unknown-unknown)
mkdir -p dist-bench/leptos-floor
cp target/wasm32-unknown-unknown/release/leptos-floor.wasm dist-bench/leptos-floor/cargo.wasm
node bench/strip-relocs.mjs dist-bench/leptos-floor/cargo.wasm
wasm-bindgen dist-bench/leptos-floor/cargo.wasm --out-dir dist-bench/leptos-floor \
  --out-name leptos_floor --target web --no-typescript
rm dist-bench/leptos-floor/cargo.wasm
# As scripts/post-build.mjs optimises the app's wasm.
wasm-opt -Oz --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist-bench/leptos-floor/leptos_floor_bg.wasm -o dist-bench/leptos-floor/leptos_floor_bg.wasm
# As scripts/post-build.mjs makes the app's script: its start and wasm-bindgen's script
# bundled into one minified file, marked for V8 to compile as it loads.
cp bench/floor-leptos-boot.js dist-bench/leptos-floor/boot.js
esbuild dist-bench/leptos-floor/boot.js --bundle --minify --format=esm --target=es2022 \
  --outfile=dist-bench/leptos-floor/bundle.js --log-level=warning
{ echo "//# allFunctionsCalledOnLoad"; cat dist-bench/leptos-floor/bundle.js; } > dist-bench/leptos-floor/app.js
rm dist-bench/leptos-floor/boot.js dist-bench/leptos-floor/bundle.js dist-bench/leptos-floor/leptos_floor.js
port=8282
# A server left on the port would answer in place of this build's.
if (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null; then
  echo "bench: port $port is already in use; stop what listens there and run again" >&2
  exit 1
fi
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
