import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CASES_TASK_QUEUE } from '../../libs/contracts/src/task-queues';
import { runMigrations } from '../../libs/persistence/src/run-migrations';
import { registerSearchAttributes } from '../../libs/temporal/src/search-attributes';
import { freePort, waitForPort } from '../../scripts/devstack/ports';
import { startEmbeddedPostgres } from '../../scripts/devstack/postgres';
import { startTemporalDevServer } from '../../scripts/devstack/temporal-dev-server';
import { temporalCliPath, temporalTestServerPath } from '../../scripts/devstack/tools';
import { ApiCaller } from './api-caller';
import { startNodeProcess, type NodeProcess } from './node-process';

export const BARE_TASK_QUEUE = 'bench-empty';

/** The build the benchmark runs from (dist/, or wherever tsc put bench/ with the apps): bench/stack/ is two levels down. */
export const BUILD_ROOT = resolve(__dirname, '..', '..');

/**
 * `dev`: `temporal server start-dev`, in memory, or in a SQLite file when `dbFile` (to measure its
 * size). `time-skipping`: Temporal's Java test server, whose clock the benchmark moves
 * (`stack.timeSkipping.sleep`). `external`: a Temporal that runs already (the cluster of
 * `npm run start:cluster`), at `address`, namespace `default`: no server is started.
 */
export type TemporalChoice =
  { kind: 'dev'; dbFile?: boolean } | { kind: 'time-skipping' } | { kind: 'external'; address: string };

/** Which Temporal a run measured: printed in the header and written to the JSON result. */
export interface TemporalMeasured {
  kind: TemporalChoice['kind'];
  address: string;
  /** GetSystemInfo's server version, when the server answers it (the Java test server does not). */
  serverVersion?: string;
  /** The task queue of the benchmark's worker and API. */
  taskQueue: string;
  /** One line: "dev server (Temporal CLI 1.5.1, server 1.29.1) at 127.0.0.1:1234". */
  description: string;
}

/**
 * BENCH_TEMPORAL_ADDRESS=host:port (or `npm run bench -- <name> --temporal host:port`, which sets
 * it): measure against a Temporal that runs already instead of starting one.
 */
export function externalTemporalAddress(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const address = env.BENCH_TEMPORAL_ADDRESS?.trim();
  if (!address) return undefined;
  if (!/^[\w.-]+:\d+$/.test(address)) throw new Error(`BENCH_TEMPORAL_ADDRESS must be host:port, got '${address}'`);
  return address;
}

const measured: TemporalMeasured[] = [];

/** The Temporal servers the stacks of this process ran against, each once (full-trajectory starts a stack per size). */
export function temporalsMeasured(): TemporalMeasured[] {
  return measured.filter((t, i) => measured.findIndex((u) => u.description === t.description) === i);
}

export interface BenchStackOptions {
  /** The benchmark's own choice; when absent, `external` if BENCH_TEMPORAL_ADDRESS is set, else `dev` in memory. */
  temporal?: TemporalChoice;
  /** The sticky cache size of the application's worker and of the bare worker (TNW_MAX_CACHED_WORKFLOWS); the SDK's default when absent. */
  maxCachedWorkflows?: number;
  /** Extra environment of every app, e.g. INVALIDITY_RENEWAL_FROM for the API. */
  env?: Record<string, string>;
}

export interface BenchStack {
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  /** Which Temporal, its version, and the task queue of the application's worker and API. */
  temporal: TemporalMeasured;
  /** The task queue the application's worker polls and its API starts workflows on: its own on an external server. */
  taskQueue: string;
  /** The Temporal dev server's SQLite file when started with `dbFile`. */
  temporalDbFile?: string;
  /** The time-skipping environment, when `temporal.kind` is `time-skipping`. */
  timeSkipping?: TestWorkflowEnvironment;
  /** HTTP calls to the API as a member of staff of the development issuer (a bearer token when the API checks them). */
  api: ApiCaller;
  /** The master key of the payload encryption (TNW_MASTER_KEY), made for this run. */
  masterKey: string;
  /** The prebuilt production bundle, copied for this run. */
  workflowBundlePath: string;
  /** The bare engine's workflows, bundled for this run. */
  bareWorkflowBundlePath: string;
  /** The process ID of a started app ('api', 'worker', 'bare-worker', 'partners', 'identity'). */
  pid(name: string): number;
  /** Stops an app and starts it again with extra environment; resolves once it is ready again. */
  restart(name: 'worker' | 'bare-worker', env: Record<string, string>): Promise<void>;
  /** Stops everything; keeps the apps' logs (and says where) when asked, after a failed run. */
  stop(options: { keepLogs: boolean }): Promise<void>;
}

interface AppSpec {
  entry: string;
  env: NodeJS.ProcessEnv;
  ready: () => Promise<void>;
}

/**
 * The whole system on free ports, thrown away at the end: embedded PostgreSQL in a temp dir,
 * a Temporal server, migrations, then the development identity issuer (when the build has
 * one), the partner simulators, the worker, the API and the bare engine's worker, each in its
 * own Node process started from the build, as `npm start` runs them.
 */
export async function startBenchStack(options: BenchStackOptions = {}): Promise<BenchStack> {
  const productionBundle = join(BUILD_ROOT, 'workflow-bundle.js');
  if (!existsSync(productionBundle)) throw new Error(`${productionBundle} is missing: run 'npm run build' first`);
  const dir = mkdtempSync(join(tmpdir(), 'tnw-bench-'));
  // Its own temp dir: PostgreSQL runs as another OS user when we are root, and mkdtemp's dirs are private.
  const pgDir = mkdtempSync(join(tmpdir(), 'tnw-bench-pg-'));
  const stops: Array<() => Promise<void>> = [];
  const apps = new Map<string, { process: NodeProcess; spec: AppSpec }>();
  const stop = async ({ keepLogs }: { keepLogs: boolean }) => {
    for (const stopOne of stops.reverse()) {
      await stopOne().catch((error: unknown) => process.stderr.write(`a process did not stop cleanly: ${String(error)}\n`));
    }
    rmSync(pgDir, { recursive: true, force: true });
    if (keepLogs) process.stderr.write(`logs of the apps: ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Copies, so that a build in the same tree (it empties dist/) cannot pull the bundle away mid-run.
    const bundles = { app: join(dir, 'workflow-bundle.js'), bare: join(dir, 'bare-workflow-bundle.js') };
    copyFileSync(productionBundle, bundles.app);
    writeFileSync(bundles.bare, await bareWorkflowBundle());

    const [pgPort, temporalPort, partnersPort, apiPort, identityPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    const postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, database: 'tnw', persistent: false });
    stops.push(postgres.stop);

    const external = externalTemporalAddress();
    const temporalKind: TemporalChoice =
      options.temporal ?? (external ? { kind: 'external', address: external } : { kind: 'dev' });
    if (external && temporalKind.kind !== 'external') {
      throw new Error(
        `BENCH_TEMPORAL_ADDRESS is set, but this benchmark needs its own ${temporalKind.kind === 'time-skipping' ? 'time-skipping test server' : 'dev server'}: unset it`,
      );
    }
    let temporalAddress: string;
    let temporalDbFile: string | undefined;
    let timeSkipping: TestWorkflowEnvironment | undefined;
    // On a shared server the benchmark's worker and API get their own task queue, so that the
    // server's other workers (the cluster's) do not take the benchmark's tasks.
    const taskQueue =
      temporalKind.kind === 'external' ? `bench-${CASES_TASK_QUEUE}-${Date.now().toString(36)}` : CASES_TASK_QUEUE;
    if (temporalKind.kind === 'time-skipping') {
      if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger('WARN') });
      timeSkipping = await startTimeSkipping();
      const env = timeSkipping;
      stops.push(() => env.teardown());
      await registerSearchAttributes(env.connection, 'default');
      temporalAddress = env.address;
    } else if (temporalKind.kind === 'external') {
      temporalAddress = temporalKind.address;
      const connection = await connectTo(temporalAddress);
      try {
        await registerSearchAttributes(connection, 'default');
      } finally {
        await connection.close();
      }
      // After the apps have stopped (stops run in reverse): what the run left running on its queue.
      stops.push(() => terminateLeftovers(temporalAddress, taskQueue));
    } else {
      // On tmpfs when there is one: the file's size is what is measured, and on these virtual
      // machines a disk's fsync would make every start wait for it (ten times fewer starts/s).
      temporalDbFile = temporalKind.dbFile
        ? join(mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'tnw-bench-temporal-')), 'temporal.sqlite')
        : undefined;
      const dbDir = temporalDbFile && resolve(temporalDbFile, '..');
      if (dbDir) stops.push(async () => rmSync(dbDir, { recursive: true, force: true }));
      const devServer = await startTemporalDevServer({ port: temporalPort, dbFile: temporalDbFile });
      stops.push(devServer.stop);
      temporalAddress = devServer.address;
    }
    const temporal = await describeTemporal(temporalKind.kind, temporalAddress, taskQueue, timeSkipping);
    measured.push(temporal);
    await runMigrations(postgres.url);

    const identityEntry = join(BUILD_ROOT, 'apps', 'identity', 'src', 'main.js');
    const issuer = existsSync(identityEntry) ? `http://127.0.0.1:${identityPort}` : undefined;
    // The payload encryption's master key (docs/decisions/0004), one per run as the data is.
    const masterKey = randomBytes(32).toString('base64');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TNW_MASTER_KEY: masterKey,
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: 'default', // the bare path's client uses the default namespace too
      TEMPORAL_TASK_QUEUE: taskQueue,
      TNW_WORKFLOW_BUNDLE: bundles.app,
      PARTNERS_URL: `http://127.0.0.1:${partnersPort}`,
      PARTNERS_PORT: String(partnersPort),
      CALLBACK_URL: `http://127.0.0.1:${apiPort}`,
      PORT: String(apiPort),
      BENCH_TASK_QUEUE: BARE_TASK_QUEUE,
      BENCH_WORKFLOW_BUNDLE: bundles.bare,
      ...(issuer ? { OIDC_ISSUER: issuer, IDENTITY_PORT: String(identityPort) } : {}),
      // The application's own settings (apps/worker/src/worker-tuning.ts), which the bare worker reads too.
      ...(options.maxCachedWorkflows !== undefined ? { TNW_MAX_CACHED_WORKFLOWS: String(options.maxCachedWorkflows) } : {}),
      // The Java test server has no Schedules; on a shared server the Schedule is its own workers'
      // (a benchmark's would start the report on the benchmark's task queue): the worker leaves it alone.
      ...(timeSkipping || temporalKind.kind === 'external' ? { BENCH_NO_SCHEDULES: '1' } : {}),
      ...options.env,
    };
    const logOf = (name: string) => join(dir, `${name}.log`);
    const launch = async (name: string, spec: AppSpec) => {
      const started = startNodeProcess(name, spec.entry, spec.env, logOf(name));
      apps.set(name, { process: started, spec });
      await spec.ready();
    };
    stops.push(async () => {
      for (const { process: app } of [...apps.values()].reverse()) await app.stop();
    });
    const entry = (path: string) => join(BUILD_ROOT, path);
    const workerReady = (name: string) => () => untilLogged(logOf(name), 'worker polling', 60_000, name);
    if (issuer) {
      await launch('identity', { entry: identityEntry, env, ready: () => waitForPort(identityPort, 60_000, 'identity issuer') });
    }
    await launch('partners', {
      entry: entry('apps/partners/src/main.js'),
      env,
      ready: () => waitForPort(partnersPort, 60_000, 'partner simulators'),
    });
    await launch('worker', { entry: entry('bench/stack/app-worker.js'), env, ready: workerReady('worker') });
    await launch('bare-worker', { entry: entry('bench/bare-worker.js'), env, ready: workerReady('bare-worker') });
    await launch('api', { entry: entry('apps/api/src/main.js'), env, ready: () => waitForPort(apiPort, 60_000, 'API') });

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    return {
      apiUrl,
      databaseUrl: postgres.url,
      temporalAddress,
      temporal,
      taskQueue,
      temporalDbFile,
      timeSkipping,
      api: new ApiCaller(apiUrl, issuer),
      masterKey,
      workflowBundlePath: bundles.app,
      bareWorkflowBundlePath: bundles.bare,
      pid: (name) => {
        const pid = apps.get(name)?.process.pid;
        if (!pid) throw new Error(`no app '${name}' in this stack`);
        return pid;
      },
      restart: async (name, extraEnv) => {
        const app = apps.get(name);
        if (!app) throw new Error(`no app '${name}' in this stack`);
        await app.process.stop();
        const logSize = existsSync(logOf(name)) ? statSync(logOf(name)).size : 0;
        const spec = { ...app.spec, env: { ...app.spec.env, ...extraEnv } };
        spec.ready = () => untilLogged(logOf(name), 'worker polling', 60_000, name, logSize);
        await launch(name, spec);
      },
      stop,
    };
  } catch (error) {
    await stop({ keepLogs: true });
    throw error;
  }
}

/**
 * The Java test server, as the workflow tests start it. The SDK gives it 5 s to listen, which a
 * machine busy with other work does not always grant: a few attempts.
 */
async function startTimeSkipping(attempts = 4): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
      });
    } catch (error) {
      if (attempt >= attempts) throw error;
      process.stderr.write(`the time-skipping test server did not start (attempt ${attempt}): ${String(error).slice(0, 200)}\n`);
    }
  }
}

/** A client connection to an external server, with the address in the error when it does not answer. */
async function connectTo(address: string): Promise<Connection> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 10_000 });
    await connection.workflowService.describeNamespace({ namespace: 'default' });
    return connection;
  } catch (error) {
    throw new Error(`Temporal at ${address} (BENCH_TEMPORAL_ADDRESS) did not answer for namespace default: ${String(error)}`, {
      cause: error,
    });
  }
}

/** The line the header prints and the JSON keeps: which server, which version, where. */
async function describeTemporal(
  kind: TemporalChoice['kind'],
  address: string,
  taskQueue: string,
  timeSkipping: TestWorkflowEnvironment | undefined,
): Promise<TemporalMeasured> {
  let serverVersion: string | undefined;
  const connection = timeSkipping ? undefined : await Connection.connect({ address });
  try {
    const info = await (timeSkipping?.connection ?? connection!).workflowService.getSystemInfo({});
    serverVersion = info.serverVersion || undefined;
  } catch {
    // The Java test server does not implement GetSystemInfo.
  } finally {
    await connection?.close();
  }
  const server = serverVersion ? `server ${serverVersion}` : 'server version unknown';
  const description =
    kind === 'dev'
      ? `dev server (Temporal CLI ${cliVersion()}, ${server}) at ${address}`
      : kind === 'time-skipping'
        ? `time-skipping test server (${testServerVersion()}) at ${address}`
        : `external Temporal at ${address} (${server}), namespace default, task queue ${taskQueue}`;
  return { kind, address, ...(serverVersion && { serverVersion }), taskQueue, description };
}

function cliVersion(): string {
  return temporalCliPath().match(/temporal-cli-([^/]+)/)?.[1] ?? 'unknown';
}

function testServerVersion(): string {
  return temporalTestServerPath().match(/temporal-test-server-([^/]+)/)?.[1] ?? 'unknown';
}

/**
 * On a shared server, the workflows the run left running on its own task queue (trajectories
 * waiting a month for their first contact, episodes) would wait for a worker that is gone:
 * terminated, so that the cluster keeps only its own.
 */
async function terminateLeftovers(address: string, taskQueue: string): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    const query = `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`;
    const ids: Array<{ workflowId: string; runId: string }> = [];
    for await (const execution of client.workflow.list({ query }))
      ids.push({ workflowId: execution.workflowId, runId: execution.runId });
    let next = 0;
    const lane = async () => {
      while (next < ids.length) {
        const { workflowId, runId } = ids[next++];
        await client.workflow
          .getHandle(workflowId, runId)
          .terminate('benchmark finished')
          .catch(() => undefined); // completed meanwhile
      }
    };
    await Promise.all(Array.from({ length: 16 }, lane));
    if (ids.length)
      process.stderr.write(`terminated ${ids.length} workflows the benchmark left running on ${taskQueue} at ${address}\n`);
  } finally {
    await connection.close();
  }
}

/** Waits until a line containing `text` appears in a log after byte `from`. */
async function untilLogged(file: string, text: string, timeoutMs: number, what: string, from = 0): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const log = existsSync(file) ? readFileSync(file).subarray(from).toString('utf8') : '';
    if (log.includes(text)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not log '${text}' within ${timeoutMs / 1000} s; its log: ${file}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The bare engine's workflows (bench/workflows/bare.ts), bundled at bench start like the production bundle at build. */
async function bareWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows/bare'),
    logger: new DefaultLogger('WARN'),
  });
  return code;
}

/** Sizes in bytes of the files whose name starts with `prefix` in its directory (a SQLite file with its -wal and -shm), by file name. */
export function filesSizes(prefix: string): Record<string, number> {
  const dir = resolve(prefix, '..');
  const base = prefix.slice(dir.length + 1);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.startsWith(base))
      .map((file) => [file, statSync(join(dir, file)).size]),
  );
}
