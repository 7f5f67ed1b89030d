#!/usr/bin/env bash
# The browser tests: builds the sample site with the debug binary into a temporary
# folder, then runs tests/browser/*.test.mjs in headless Chromium (/usr/bin/chromium, or
# PAPAN_CHROMIUM). Needs Node 18 or newer with npm, chromium and pdftotext
# (poppler-utils); .ci/run installs them. Usage: tests/browser/run.sh [FILE.test.mjs…]
# Screenshots and the printed PDF land in target/browser-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then
  echo "tests/browser: Node 18 or newer is needed (found $(node --version))." >&2
  exit 1
fi

# The debug binary `cargo test` already built: output is the same, and CI skips a release
# build (photo code is optimized in the dev profile too, see Cargo.toml).
cargo build --quiet
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if ! "${CARGO_TARGET_DIR:-target}/debug/papan" build --output "$work/site" >"$work/build.log" 2>&1; then
  cat "$work/build.log"
  exit 1
fi

# Install the pinned packages when the lock file is newer than the last install.
cd tests/browser
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# Arguments name test files to run instead of all of them (e.g. a11y.test.mjs).
if [ "$#" -eq 0 ]; then set -- ./*.test.mjs; fi
PAPAN_SITE="$work/site" node --test --test-reporter=spec "$@"
