#!/usr/bin/env bash
# Compiles the apps to dist/ (path aliases rewritten to relative imports), builds the
# workflow bundle that the worker loads in production, and the web app (type-checked, then
# bundled by Vite to dist/web, which the API serves under /app).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf dist
npx tsc -p tsconfig.build.json
npx tsc-alias -p tsconfig.build.json
npx tsc -p apps/web/tsconfig.json
npx vite build --config apps/web/vite.config.mts --logLevel warn
node dist/scripts/build-workflow-bundle.js
