#!/usr/bin/env bash
# Installs what the test suites need beyond the build tools, skipping what is there:
# Debian's Chromium and ChromeDriver, poppler-utils (pdftotext and pdftoppm read the printed
# report) and unzip (tests the "Export everything" zip), and e2e/'s npm packages from its
# lockfile.
# Playwright never downloads a browser here: it drives Debian's Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"

"$PROJECT_ROOT/scripts/install-build-tools.sh"

if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy; fi
if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt; fi

if [ ! -x "$CHROMIUM_PATH" ] || [ ! -x "$CHROMEDRIVER" ]; then
  say "Installing Chromium and ChromeDriver from Debian"
  apt_install chromium chromium-driver
fi

if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null || ! command -v unzip >/dev/null; then
  say "Installing poppler-utils and unzip from Debian"
  apt_install poppler-utils unzip
fi

if [ ! -f e2e/node_modules/.package-lock.json ] || ! cmp -s e2e/package-lock.json e2e/node_modules/.pla-lock-copy; then
  say "Installing the end-to-end suite's npm packages"
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund && cp package-lock.json node_modules/.pla-lock-copy)
fi
