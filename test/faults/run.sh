#!/usr/bin/env bash
# `npm run test:faults -- [--seed N] [--cases N] ...`: the fault suite (docs/reliability.md). It brings
# up its own cluster on other ports than `npm run start:cluster`, so both can run at once.
# Arguments go to test/faults/run-faults.ts (--help lists them). TNW_SKIP_BUILD=1 reuses dist/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export TNW_TOOLS_CLUSTER=1
source scripts/install.sh
if [ "${TNW_SKIP_BUILD:-}" != 1 ] || [ ! -f dist/workflow-bundle.js ]; then bash scripts/build.sh >&2; fi
# The suite itself is compiled beside the build (tsconfig.build.json leaves test/ out).
npx tsc -p test/faults/tsconfig.json
npx tsc-alias -p test/faults/tsconfig.json
exec node dist/test/faults/run-faults.js "$@"
