import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../libs/persistence/src/run-migrations';
import { repoRoot } from '../../libs/temporal/src/repo-root';
import { freePort, waitForPort } from '../../scripts/devstack/ports';
import { startEmbeddedPostgres } from '../../scripts/devstack/postgres';
import { startTemporalDevServer } from '../../scripts/devstack/temporal-dev-server';
import { startNodeProcess } from './node-process';

export const BARE_TASK_QUEUE = 'bench-empty';

export interface BenchStack {
  apiUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  /** Stops everything; keeps the apps' logs (and says where) when asked, after a failed run. */
  stop(options: { keepLogs: boolean }): Promise<void>;
}

/**
 * The whole system on free ports, thrown away at the end: embedded PostgreSQL in a temp dir,
 * the Temporal dev server in memory, migrations, then partners, worker and API from dist/ in
 * their own processes (as `npm start` runs them), and the bare engine's worker beside them.
 */
export async function startBenchStack(): Promise<BenchStack> {
  const root = repoRoot(__dirname);
  const productionBundle = join(root, 'dist', 'workflow-bundle.js');
  if (!existsSync(productionBundle)) throw new Error(`${productionBundle} is missing: run 'npm run build' first`);
  const dir = mkdtempSync(join(tmpdir(), 'tnw-bench-'));
  // Its own temp dir: PostgreSQL runs as another OS user when we are root, and mkdtemp's dirs are private.
  const pgDir = mkdtempSync(join(tmpdir(), 'tnw-bench-pg-'));
  const stops: Array<() => Promise<void>> = [];
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
    const bundles = { app: join(dir, 'workflow-bundle.js'), bare: join(dir, 'empty-workflow-bundle.js') };
    copyFileSync(productionBundle, bundles.app);
    writeFileSync(bundles.bare, await bareWorkflowBundle());

    const [pgPort, temporalPort, partnersPort, apiPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort, database: 'tnw', persistent: false });
    stops.push(postgres.stop);
    const temporal = await startTemporalDevServer({ port: temporalPort });
    stops.push(temporal.stop);
    await runMigrations(postgres.url);

    const env = {
      ...process.env,
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: 'default', // the bare path's client uses the default namespace too
      TNW_WORKFLOW_BUNDLE: bundles.app,
      PARTNERS_URL: `http://127.0.0.1:${partnersPort}`,
      PARTNERS_PORT: String(partnersPort),
      CALLBACK_URL: `http://127.0.0.1:${apiPort}`,
      PORT: String(apiPort),
      BENCH_TASK_QUEUE: BARE_TASK_QUEUE,
      BENCH_WORKFLOW_BUNDLE: bundles.bare,
    };
    const start = (name: string, entry: string) =>
      stops.push(startNodeProcess(name, join(root, 'dist', entry), env, join(dir, `${name}.log`)).stop);
    start('partners', 'apps/partners/src/main.js');
    await waitForPort(partnersPort, 60_000, 'partner simulators');
    start('worker', 'apps/worker/src/main.js');
    start('bare-worker', 'bench/bare-worker.js');
    start('api', 'apps/api/src/main.js');
    await waitForPort(apiPort, 60_000, 'API');
    return { apiUrl: `http://127.0.0.1:${apiPort}`, databaseUrl: postgres.url, temporalAddress: temporal.address, stop };
  } catch (error) {
    await stop({ keepLogs: true });
    throw error;
  }
}

async function bareWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows/empty'),
    logger: new DefaultLogger('WARN'),
  });
  return code;
}
