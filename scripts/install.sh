#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and is missing: node modules (only when
# package-lock.json changed since the last install) and the Temporal engine binaries.
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

# shellcheck source=tools.sh
source scripts/tools.sh
