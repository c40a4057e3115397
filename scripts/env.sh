# Sourced by the other scripts: puts the project's tools on PATH.
# cargo-installed tools live in ~/.cargo/bin; wasm-opt comes from npm into tools/.
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PROJECT_ROOT
export PATH="$HOME/.cargo/bin:$PROJECT_ROOT/tools/node_modules/.bin:$PATH"
# Where the Playwright suite and the benchmark find the browser: Debian's Chromium.
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Runs apt-get as root, or through sudo for a normal user.
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ ! -f /tmp/.pla-apt-updated ]; then
    $sudo apt-get update -q && touch /tmp/.pla-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "$@"
}

# The wasm-bindgen version that Cargo.lock pins; the CLI must match it exactly.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
    "$PROJECT_ROOT/Cargo.lock"
}
