import { Client, Connection } from '@temporalio/client';
import { CASES_TASK_QUEUE, MONTHLY_REPORT_WORKFLOW, monthlyReportWorkflowId, type MonthlyReport } from '@tnw/contracts';
import { productionDataConverter, repoRoot } from '@tnw/temporal';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttp2Server, type Http2Server, type ServerHttp2Session } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/devstack/ports';
import { startTemporalDevServer, stopChild, type RunningProcess } from '../../scripts/devstack/temporal-dev-server';

/**
 * The production worker (dist/apps/worker/src/main.js, its own process, as a supervisor runs it)
 * against a Temporal dev server of this suite that is stopped and started again on the same port
 * and SQLite file: the worker keeps running, and a workflow started after the restart completes
 * on it. Also: a worker started while Temporal is away waits for it, stops at once on SIGTERM
 * meanwhile, and a genuine fault (a bundle that does not load, a bad setting) still exits non-zero.
 */
const WORKER_ENTRY = join(repoRoot(), 'dist', 'apps', 'worker', 'src', 'main.js');

interface WorkerProcess {
  child: ChildProcess;
  /** JSON log lines (pino) and other output so far. */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The exit, or an error with the last lines of output when it does not come within `timeoutMs`. */
  exitWithin(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** Resolves with the `nth` log line (1 by default; counted from line `from` on) whose `msg` is `message`. */
  untilLogged(message: string, timeoutMs: number, options?: { from?: number; nth?: number }): Promise<Record<string, unknown>>;
}

function startWorker(env: NodeJS.ProcessEnv): WorkerProcess {
  const child = spawn(process.execPath, [WORKER_ENTRY], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean));
    });
  }
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const parsed = (line: string): Record<string, unknown> | undefined => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  return {
    child,
    lines,
    exited,
    exitWithin: (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the worker did not exit within ${timeoutMs} ms:\n${lines.slice(-20).join('\n')}`)),
          timeoutMs,
        );
      });
      return Promise.race([exited, late]).finally(() => clearTimeout(timer));
    },
    hasExited: () => done,
    untilLogged: async (message, timeoutMs, { from = 0, nth = 1 } = {}) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lines
          .slice(from)
          .map(parsed)
          .filter((entry) => entry?.msg === message);
        if (found.length >= nth) return found[nth - 1]!;
        if (done) throw new Error(`the worker exited before logging '${message}':\n${lines.slice(-20).join('\n')}`);
        if (Date.now() > deadline)
          throw new Error(`the worker did not log '${message}' within ${timeoutMs} ms:\n${lines.slice(-20).join('\n')}`);
        await sleep(100);
      }
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A clean stop on SIGTERM: Nest closes the application (the worker drains, or its wait for
 * Temporal ends), then raises the signal again, so the process ends by the signal, not with an error code.
 */
function expectStoppedBySigterm(exit: { code: number | null; signal: NodeJS.Signals | null }): void {
  expect(exit.signal === 'SIGTERM' || exit.code === 0).toBe(true);
}

async function stopWorker(worker: WorkerProcess | undefined): Promise<void> {
  if (worker && !worker.hasExited()) await stopChild(worker.child);
}

/** The worker's metric `name` for this suite's task queue, from its Prometheus endpoint. */
async function metric(port: number, name: string): Promise<number | undefined> {
  const text = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/**
 * Something on the frontend's port that answers every gRPC call with UNIMPLEMENTED, as a proxy or
 * another service might while Temporal is away: the SDK retries such a poll error for a minute
 * only (core's LONG_POLL_FATAL_GRACE), then `Worker.run()` fails with a TransportError.
 */
async function startNotTemporal(port: number): Promise<{ stop(): Promise<void> }> {
  const server: Http2Server = createHttp2Server();
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('error', () => undefined);
    session.once('close', () => sessions.delete(session));
  });
  server.on('stream', (stream) => {
    stream.on('error', () => undefined);
    stream.respond(
      { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12', 'grpc-message': 'not a Temporal frontend' },
      { endStream: true },
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The worker's open connections would keep it listening.
        for (const session of sessions) session.destroy();
      }),
  };
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(250);
  }
}

describe('the worker rides out an outage of Temporal (production entry point, own dev server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tnw-reconnect-'));
  const dbFile = join(dir, 'temporal.sqlite');
  const taskQueue = `${CASES_TASK_QUEUE}-reconnect`;
  const databaseUrl = process.env.TNW_TEST_DATABASE_URL!;
  let port: number;
  let address: string;
  let server: RunningProcess | undefined;
  let client: Client | undefined;
  let connection: Connection | undefined;
  let dataConverter: ReturnType<typeof productionDataConverter> | undefined;
  const workers: WorkerProcess[] = [];

  const workerEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    DATABASE_URL: databaseUrl,
    // The report workflow calls no partner.
    PARTNERS_URL: 'http://127.0.0.1:9',
    TEMPORAL_ADDRESS: address,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'info',
    ...extra,
  });
  const launch = (extra?: NodeJS.ProcessEnv) => {
    const worker = startWorker(workerEnv(extra));
    workers.push(worker);
    return worker;
  };
  const startServer = async () => {
    server = await startTemporalDevServer({ port, dbFile });
  };
  const stopServer = async () => {
    await server?.stop();
    server = undefined;
  };
  /** The monthly report of `month`, run by whichever worker polls the suite's task queue. */
  const report = async (month: string): Promise<MonthlyReport> => {
    const handle = await client!.workflow.start(MONTHLY_REPORT_WORKFLOW, {
      workflowId: monthlyReportWorkflowId(month),
      taskQueue,
      args: [{ month }],
    });
    return handle.result() as Promise<MonthlyReport>;
  };

  beforeAll(async () => {
    if (!existsSync(WORKER_ENTRY)) throw new Error(`${WORKER_ENTRY} is missing: run 'npm run build' (npm test does) first`);
    port = await freePort();
    address = `127.0.0.1:${port}`;
    await startServer();
    connection = await Connection.connect({ address });
    dataConverter = productionDataConverter({ databaseUrl });
    client = new Client({ connection, dataConverter });
  });

  afterAll(async () => {
    for (const worker of workers) await stopWorker(worker);
    await connection?.close();
    await dataConverter?.close();
    await stopServer();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps running while Temporal restarts, and runs a workflow started after the restart', async () => {
    const metricsPort = await freePort();
    const worker = launch({ WORKER_METRICS_PORT: String(metricsPort) });
    const polling = await worker.untilLogged('worker polling', 30_000);
    expect(polling).toMatchObject({ taskQueue, address });
    expect(await report('2019-01')).toMatchObject({ month: '2019-01' });
    expect(await metric(metricsPort, 'tnw_worker_polling')).toBe(1);
    expect(await metric(metricsPort, 'tnw_worker_temporal_reachable')).toBe(1);

    const pid = worker.child.pid;
    await stopServer();
    // The worker sees the outage (its probe runs every 10 s) and says so, without exiting.
    const from = worker.lines.length;
    await worker.untilLogged("Temporal unreachable; the SDK retries the worker's polls", 20_000, { from });
    expect(await metric(metricsPort, 'tnw_worker_temporal_reachable')).toBe(0);
    expect(worker.hasExited()).toBe(false);

    await startServer();
    expect(await report('2019-02')).toMatchObject({ month: '2019-02' });
    expect(worker.hasExited()).toBe(false);
    expect(worker.child.pid).toBe(pid);
    await until(
      'reachable again in the metrics',
      async () => (await metric(metricsPort, 'tnw_worker_temporal_reachable')) === 1,
      15_000,
    );

    worker.child.kill('SIGTERM');
    expectStoppedBySigterm(await worker.exitWithin(15_000));
  }, 120_000);

  it('waits for a Temporal that is not there yet, then polls; and stops at once on SIGTERM while it waits', async () => {
    await stopServer();
    const metricsPort = await freePort();
    const waiting = launch({ WORKER_METRICS_PORT: String(metricsPort) });
    const first = await waiting.untilLogged('Temporal unavailable; reconnecting', 30_000);
    expect(first).toMatchObject({ attempt: 1, wasPolling: false, address });
    expect(first.error).toMatch(/^TransportError: /);
    expect(await waiting.untilLogged('Temporal unavailable; reconnecting', 10_000, { nth: 2 })).toMatchObject({ attempt: 2 });

    // SIGTERM during the pause before the next attempt: out at once, successfully.
    const stopping = launch();
    await stopping.untilLogged('Temporal unavailable; reconnecting', 30_000);
    const asked = Date.now();
    stopping.child.kill('SIGTERM');
    expectStoppedBySigterm(await stopping.exitWithin(5_000));
    expect(Date.now() - asked).toBeLessThan(5_000);

    expect(await metric(metricsPort, 'tnw_worker_polling')).toBe(0);
    await startServer();
    const polling = await waiting.untilLogged('worker polling', 45_000);
    expect(polling.afterFailures).toBeGreaterThanOrEqual(2);
    expect(await metric(metricsPort, 'tnw_worker_polling')).toBe(1);
    expect(await metric(metricsPort, 'tnw_worker_reconnects_total')).toBe(polling.afterFailures);
    expect(await report('2019-03')).toMatchObject({ month: '2019-03' });
    waiting.child.kill('SIGTERM');
    expectStoppedBySigterm(await waiting.exitWithin(15_000));
  }, 120_000);

  // About 90 s (the SDK's minute of grace, then the reconnection), so not in every run: TNW_SLOW_E2E=1 runs it.
  (process.env.TNW_SLOW_E2E ? it : it.skip)(
    'makes its connection and worker again when the SDK gives up polling (a frontend answering UNIMPLEMENTED for over a minute)',
    async () => {
      if (!server) await startServer();
      const metricsPort = await freePort();
      const worker = launch({ WORKER_METRICS_PORT: String(metricsPort) });
      await worker.untilLogged('worker polling', 30_000);
      const pid = worker.child.pid;
      await stopServer();
      const impostor = await startNotTemporal(port);
      let gaveUp: Record<string, unknown>;
      try {
        gaveUp = await worker.untilLogged('Temporal unavailable: the worker stopped polling; reconnecting', 120_000);
        // Attempts to connect again are refused too (the impostor answers them as well).
        await worker.untilLogged('Temporal unavailable; reconnecting', 10_000);
      } finally {
        await impostor.stop();
      }
      expect(gaveUp).toMatchObject({ attempt: 1, wasPolling: true });
      // The SDK's run() ends in one of these ways here (apps/worker/src/worker-supervisor.ts); the
      // last two say nothing of Temporal, so the worker checked it before reconnecting.
      expect(gaveUp.error).toMatch(/^(TransportError: |IllegalStateError: Worker still in use|WorkerRunStuck: )/);
      if (!String(gaveUp.error).startsWith('TransportError')) expect(gaveUp.knownBy).toBe('check');
      await startServer();
      const polling = await worker.untilLogged('worker polling', 60_000, { nth: 2 });
      expect(polling.afterFailures).toBeGreaterThanOrEqual(2);
      expect(await metric(metricsPort, 'tnw_worker_polling')).toBe(1);
      expect(await metric(metricsPort, 'tnw_worker_reconnects_total')).toBe(polling.afterFailures);
      expect(await report('2019-04')).toMatchObject({ month: '2019-04' });
      expect(worker.hasExited()).toBe(false);
      expect(worker.child.pid).toBe(pid);
      worker.child.kill('SIGTERM');
      expectStoppedBySigterm(await worker.exitWithin(15_000));
    },
    240_000,
  );

  it('still exits non-zero on a genuine fault: a workflow bundle that does not load, a setting that is not a number', async () => {
    if (!server) await startServer();
    const bundle = join(dir, 'broken-bundle.js');
    writeFileSync(bundle, 'this is not a workflow bundle {');
    const broken = launch({ TNW_WORKFLOW_BUNDLE: bundle });
    expect((await broken.exitWithin(30_000)).code).toBe(1);
    expect(broken.lines.join('\n')).toContain('the worker did not start');

    const misconfigured = launch({ TNW_MAX_CACHED_WORKFLOWS: 'lots' });
    expect((await misconfigured.exitWithin(10_000)).code).toBe(1);
    expect(misconfigured.lines).toContain("error: TNW_MAX_CACHED_WORKFLOWS must be a whole number of at least 0, got 'lots'");
  }, 60_000);
});
