#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and is missing: node modules (only when
# package-lock.json changed since the last install), the Temporal engine binaries and, for the
# browser tests, Debian's chromium.
# Sourced by start.sh and test.sh; fails with a message naming the missing prerequisite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v node >/dev/null 2>&1 || { echo "error: Node.js 20.19 or newer is required (https://nodejs.org)" >&2; exit 1; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' ||
  { echo "error: Node.js $(node --version) is too old: 20.19 or newer is required" >&2; exit 1; }

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.tnw-installed 2>/dev/null)" != "$lock_hash" ]; then
  echo "Installing node modules..." >&2
  # `npm install`, not `npm ci`: the registry proxy here serves no metadata for other platforms'
  # optional binaries (@swc/core-darwin-*, ...), so the lockfile lacks them and `npm ci` refuses
  # it as out of sync. With the lockfile present, `npm install` installs the same versions.
  npm install --no-audit --no-fund >&2 || { echo "error: npm install failed (is the npm registry reachable?)" >&2; exit 1; }
  echo "$lock_hash" > node_modules/.tnw-installed
fi

# The browser tests (test/browser) drive Debian's chromium with playwright-core: a test tool's own
# browser download does not work here. TNW_CHROMIUM names another Chromium binary instead.
if [ -z "${TNW_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium (Debian package) for the browser tests..." >&2
  apt_get=(apt-get); [ "$(id -u)" = 0 ] || apt_get=(sudo -n apt-get)
  { "${apt_get[@]}" update -qq && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq chromium; } >&2 || true
  if [ ! -x /usr/bin/chromium ]; then
    message="/usr/bin/chromium is missing and could not be installed: install Debian's 'chromium' package (apt-get install chromium), or set TNW_CHROMIUM to a Chromium binary"
    # `npm start` does not need a browser; `npm test` does.
    if [ "$(basename "$0")" = start.sh ]; then echo "warning: $message (needed by npm test only)" >&2; else echo "error: $message" >&2; exit 1; fi
  fi
fi

# shellcheck source=tools.sh
source scripts/tools.sh
