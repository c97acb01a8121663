#!/usr/bin/env bash
# `npm start`: installs what is missing, builds, and runs the whole system in the foreground
# (PostgreSQL, Temporal dev server with its Web UI, partner simulators, worker, API).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/install.sh
bash scripts/build.sh >&2
exec node dist/scripts/start-stack.js
