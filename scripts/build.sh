#!/usr/bin/env bash
# Compiles the apps to dist/ (path aliases rewritten to relative imports) and builds the
# workflow bundle that the worker loads in production.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
node dist/scripts/build-workflow-bundle.js
