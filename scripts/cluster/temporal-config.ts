import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { clusterTools, repo } from './tools';

/**
 * The Temporal server's configuration for the cluster, made from the sample that ships with the
 * server module (config/development-postgres12.yaml) so that a server upgrade brings its new
 * defaults: `node dist/scripts/cluster/temporal-config.js` rewrites scripts/cluster/temporal/
 * from the sample of TEMPORAL_SERVER_VERSION; `--check` only says whether they still match.
 *
 * The result is one file for the four services, natively and in docker-compose.yml: a Go
 * template (`# enable-template`) whose addresses, credentials and metrics port come from the
 * environment of each process, with the native cluster's values as defaults.
 */
export const CONFIG_DIR = join(repo, 'scripts', 'cluster', 'temporal');
/** `--env tnw`: the server reads <config dir>/tnw.yaml. */
export const CONFIG_ENV = 'tnw';
export const CONFIG_FILE = join(CONFIG_DIR, `${CONFIG_ENV}.yaml`);
export const DYNAMIC_CONFIG_FILE = join(CONFIG_DIR, 'dynamicconfig', `${CONFIG_ENV}.yaml`);

const env = (name: string, fallback: string) => `{{ env "${name}" | default "${fallback}" }}`;

/** Each edit must match the sample exactly once, so that a changed sample fails loudly here. */
const EDITS: Array<{ what: string; find: RegExp; replace: string }> = [
  { what: 'log level', find: /^(\s+level: )info$/m, replace: `$1${env('TEMPORAL_LOG_LEVEL', 'info')}` },
  // Fixed once a cluster's database is created: never change it on an existing cluster.
  { what: 'history shards', find: /^(\s+numHistoryShards: )\d+$/m, replace: `$1${env('TEMPORAL_NUM_HISTORY_SHARDS', '4')}` },
  {
    what: 'database address',
    find: /connectAddr: "127\.0\.0\.1:5432"/g,
    replace: `connectAddr: "${env('TEMPORAL_DB_HOST', '127.0.0.1')}:${env('TEMPORAL_DB_PORT', '5435')}"`,
  },
  { what: 'database user', find: /user: "temporal"/g, replace: `user: "${env('TEMPORAL_DB_USER', 'tnw')}"` },
  { what: 'database password', find: /password: "temporal"/g, replace: `password: "${env('TEMPORAL_DB_PASSWORD', 'tnw')}"` },
  {
    what: 'membership address',
    find: /broadcastAddress: "127\.0\.0\.1"/,
    replace: `broadcastAddress: "${env('TEMPORAL_BROADCAST_ADDRESS', '127.0.0.1')}"`,
  },
  // One pprof port cannot serve four processes; pprof stays off.
  { what: 'pprof', find: /^ {2}pprof:\n {4}port: \d+\n/m, replace: '' },
  // Each process exports its own metrics: the cluster gives each service its own address.
  {
    what: 'metrics address',
    find: /listenAddress: "127\.0\.0\.1:8000"/,
    replace: `listenAddress: "${env('TEMPORAL_METRICS_ADDRESS', '127.0.0.1:8000')}"`,
  },
  // TEMPORAL_PORT_OFFSET moves every port of the cluster, so that a second cluster (the fault suite's)
  // can run beside the one of `npm run start:cluster`.
  {
    what: 'service ports',
    find: /^(\s+(?:grpcPort|membershipPort|httpPort): )(\d+)$/gm,
    replace: `$1{{ add $2 (env "TEMPORAL_PORT_OFFSET" | default "0" | atoi) }}`,
  },
  { what: 'bind address', find: /bindOnLocalHost: true/g, replace: `bindOnIP: "${env('TEMPORAL_BIND_ON_IP', '127.0.0.1')}"` },
  {
    what: 'frontend address',
    find: /rpcAddress: "localhost:7233"/,
    replace: `rpcAddress: "${env('TEMPORAL_FRONTEND_ADDRESS', '127.0.0.1:7233')}"`,
  },
  {
    what: 'dynamic config file',
    find: /filepath: "config\/dynamicconfig\/development-sql\.yaml"/,
    replace: `filepath: "${env('TEMPORAL_DYNAMIC_CONFIG', 'scripts/cluster/temporal/dynamicconfig/tnw.yaml')}"`,
  },
];

export function renderTemporalConfig(sample: string, version: string): string {
  let config = sample;
  for (const { what, find, replace } of EDITS) {
    const hits = config.match(find)?.length ?? 0;
    if (hits === 0) throw new Error(`the sample configuration of Temporal ${version} changed: no ${what} (${find}) to set`);
    config = config.replace(find, replace);
  }
  const header = [
    '# enable-template',
    `# Generated from config/development-postgres12.yaml of go.temporal.io/server v${version} by`,
    '# scripts/cluster/temporal-config.ts: edit that script, not this file. One file for the four services',
    '# (frontend, history, matching, worker) of `npm run start:cluster` and of docker-compose.yml; each',
    "# process sets the TEMPORAL_* variables below (the defaults are the native cluster's).",
    '',
  ].join('\n');
  return header + config;
}

export function renderDynamicConfig(sample: string, version: string): string {
  return `# From config/dynamicconfig/development-sql.yaml of go.temporal.io/server v${version}.\n${sample}`;
}

export function expectedFiles(): Array<{ path: string; content: string }> {
  const tools = clusterTools();
  return [
    { path: CONFIG_FILE, content: renderTemporalConfig(readFileSync(tools.sampleConfig, 'utf8'), tools.serverVersion) },
    {
      path: DYNAMIC_CONFIG_FILE,
      content: renderDynamicConfig(readFileSync(tools.sampleDynamicConfig, 'utf8'), tools.serverVersion),
    },
  ];
}

/** The files that differ from what the sample of the built server version gives. */
export function staleFiles(): string[] {
  return expectedFiles()
    .filter(({ path, content }) => {
      try {
        return readFileSync(path, 'utf8') !== content;
      } catch {
        return true;
      }
    })
    .map(({ path }) => path);
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    console.log(stale.length ? `out of date: ${stale.join(', ')}` : 'scripts/cluster/temporal is current');
    process.exit(stale.length ? 1 : 0);
  }
  for (const { path, content } of expectedFiles()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${path}`);
  }
}
