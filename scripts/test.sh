#!/usr/bin/env bash
# `npm test`: installs what is missing, then lint, type check, the production build (a
# workflow-bundle error fails here) and every jest layer: unit, workflow (time-skipping
# server), end-to-end (dev server, PostgreSQL, simulators) and replay. Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install.sh
echo "== lint" && npx eslint .
echo "== type check" && npx tsc -p tsconfig.json --noEmit
echo "== build" && bash scripts/build.sh
echo "== tests" && npx jest --ci "$@"
