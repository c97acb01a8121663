#!/usr/bin/env bash
# `npm run start:cluster`: installs what is missing (node modules, the Temporal CLI, and, once, the
# Temporal server, its schema tool and the Web UI server from the Go module proxy), builds, and
# runs the production topology in the foreground (scripts/start-cluster.ts, docs/reliability.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export TNW_TOOLS_CLUSTER=1
source scripts/install.sh
if [ "${TNW_SKIP_BUILD:-}" != 1 ]; then bash scripts/build.sh >&2; fi
exec node dist/scripts/start-cluster.js
