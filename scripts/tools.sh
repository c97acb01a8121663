#!/usr/bin/env bash
# Makes sure the Temporal CLI (dev server + Web UI) and Temporal's time-skipping test server
# exist in the tools cache, building or fetching them from the package registries when missing.
# Usage: `source scripts/tools.sh` (exports TEMPORAL_CLI and TEMPORAL_TEST_SERVER) or
# `bash scripts/tools.sh` (prints them). A second run finds both in the cache and does nothing.
set -euo pipefail

_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=tools/versions.env
source "$_here/tools/versions.env"
TNW_TOOLS_DIR="${TNW_TOOLS_DIR:-$HOME/.cache/tnw-orchestrator}"

_die() { echo "error: $*" >&2; exit 1; }

_ensure_temporal_cli() {
  if [ -n "${TEMPORAL_CLI:-}" ]; then
    [ -x "$TEMPORAL_CLI" ] || _die "TEMPORAL_CLI=$TEMPORAL_CLI is not an executable file"
    return
  fi
  local cached="$TNW_TOOLS_DIR/temporal-cli-$TEMPORAL_CLI_VERSION/bin/temporal"
  if [ ! -x "$cached" ] && command -v temporal >/dev/null 2>&1; then
    TEMPORAL_CLI="$(command -v temporal)"
    return
  fi
  if [ ! -x "$cached" ]; then
    command -v go >/dev/null 2>&1 ||
      _die "the Temporal CLI is missing and Go is not installed to build it. Install Go (https://go.dev/dl), or install the Temporal CLI and set TEMPORAL_CLI to its path."
    echo "Building the Temporal CLI v$TEMPORAL_CLI_VERSION from the Go module proxy (a few minutes the first time)..." >&2
    CGO_ENABLED=0 GOBIN="$(dirname "$cached")" go install "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_CLI_VERSION" >&2 ||
      _die "could not build the Temporal CLI with 'go install' (is the Go module proxy reachable?). Install the Temporal CLI yourself and set TEMPORAL_CLI."
  fi
  TEMPORAL_CLI="$cached"
}

_ensure_test_server() {
  if [ -n "${TEMPORAL_TEST_SERVER:-}" ]; then
    [ -x "$TEMPORAL_TEST_SERVER" ] || _die "TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER is not an executable file"
    return
  fi
  local dir="$TNW_TOOLS_DIR/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION"
  local launcher="$dir/temporal-test-server"
  if [ ! -x "$launcher" ]; then
    command -v java >/dev/null 2>&1 ||
      _die "Java is not installed: Temporal's time-skipping test server needs a Java 17+ runtime (apt-get install openjdk-17-jre-headless), or set TEMPORAL_TEST_SERVER to a test server executable."
    command -v mvn >/dev/null 2>&1 ||
      _die "Maven is not installed: it fetches Temporal's test server from Maven Central (apt-get install maven), or set TEMPORAL_TEST_SERVER to a test server executable."
    echo "Fetching Temporal's test server $TEMPORAL_TEST_SERVER_VERSION from Maven Central..." >&2
    mkdir -p "$dir/lib"
    mvn -q -B -f "$_here/tools/test-server-pom.xml" dependency:copy-dependencies \
      -DtestServerVersion="$TEMPORAL_TEST_SERVER_VERSION" -DoutputDirectory="$dir/lib" >&2 ||
      _die "Maven could not fetch io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION (is Maven Central reachable?)."
    printf '#!/usr/bin/env bash\nexec java -cp "%s/lib/*" io.temporal.testserver.TestServer "$@"\n' "$dir" > "$launcher.tmp"
    chmod +x "$launcher.tmp" && mv "$launcher.tmp" "$launcher"
  fi
  TEMPORAL_TEST_SERVER="$launcher"
}

_ensure_temporal_cli
_ensure_test_server
export TEMPORAL_CLI TEMPORAL_TEST_SERVER TNW_TOOLS_DIR

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  echo "TEMPORAL_CLI=$TEMPORAL_CLI"
  echo "TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER"
fi
