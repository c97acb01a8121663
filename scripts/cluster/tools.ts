import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../libs/temporal/src/repo-root';

/**
 * Where scripts/tools.sh (with TNW_TOOLS_CLUSTER=1) puts what the cluster runs: the Temporal
 * server and its schema tool with the module's schemas and sample configuration, and the Web UI
 * server with its configuration template. Each can be replaced by an environment variable.
 */
export interface ClusterTools {
  serverVersion: string;
  /** `server` of go.temporal.io/server/cmd/server. */
  server: string;
  /** `sql` of go.temporal.io/server/cmd/tools/sql (temporal-sql-tool in the images). */
  sqlTool: string;
  /** schema/postgresql/v12 of the same module version: temporal/ and visibility/. */
  schemaDir: string;
  /** config/development-postgres12.yaml of the same module version. */
  sampleConfig: string;
  /** config/dynamicconfig/development-sql.yaml of the same module version. */
  sampleDynamicConfig: string;
  /** `server` of github.com/temporalio/ui-server/v2/cmd/server. */
  uiServer: string;
  /** Its config directory, holding docker.yaml (the temporalio/ui image's template). */
  uiConfigDir: string;
  /** The Temporal CLI (namespace registration). */
  cli: string;
}

export const repo = repoRoot(__dirname);

export function toolVersions(): Record<string, string> {
  const file = join(repo, 'scripts', 'tools', 'versions.env');
  const entries = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]);
  return Object.fromEntries(entries);
}

export function clusterTools(env: NodeJS.ProcessEnv = process.env): ClusterTools {
  const versions = toolVersions();
  const dir = env.TNW_TOOLS_DIR ?? join(homedir(), '.cache', 'tnw-orchestrator');
  const serverDir = join(dir, `temporal-server-${versions.TEMPORAL_SERVER_VERSION}`);
  const uiDir = join(dir, `temporal-ui-server-${versions.TEMPORAL_UI_SERVER_VERSION}`);
  const tools: ClusterTools = {
    serverVersion: versions.TEMPORAL_SERVER_VERSION,
    server: env.TEMPORAL_SERVER ?? join(serverDir, 'bin', 'server'),
    sqlTool: env.TEMPORAL_SQL_TOOL ?? join(serverDir, 'bin', 'sql'),
    schemaDir: join(serverDir, 'schema', 'postgresql', 'v12'),
    sampleConfig: join(serverDir, 'config', 'development-postgres12.yaml'),
    sampleDynamicConfig: join(serverDir, 'config', 'development-sql.yaml'),
    uiServer: env.TEMPORAL_UI_SERVER ?? join(uiDir, 'bin', 'server'),
    uiConfigDir: join(uiDir, 'config'),
    cli: env.TEMPORAL_CLI ?? join(dir, `temporal-cli-${versions.TEMPORAL_CLI_VERSION}`, 'bin', 'temporal'),
  };
  for (const [name, path] of Object.entries(tools)) {
    if (name !== 'serverVersion' && !existsSync(path)) {
      throw new Error(`${path} is missing: run 'TNW_TOOLS_CLUSTER=1 bash scripts/tools.sh' (npm run start:cluster does)`);
    }
  }
  return tools;
}
