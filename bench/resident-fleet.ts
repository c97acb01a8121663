import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { Benchmark, BenchmarkOptions, Comparison, PathFigures } from './harness/benchmark';
import { millisecondsSince } from './harness/latencies';
import { measurePath } from './harness/measure-path';
import { rssMiB } from './harness/memory';
import { compare, cpuTable, markdownTable, round, table } from './harness/report';
import { runLimited } from './harness/run-limited';
import { untilTrue } from './harness/until-true';
import { casesSettled, startPaths } from './start-path';
import { appDataConverter } from './stack/app-data-converter';
import { BARE_TASK_QUEUE, filesSizes, startBenchStack, type BenchStack } from './stack/bench-stack';

const WARM_UP = 100;
const SETTLE_TIMEOUT_MS = 3_600_000;
const PARK_CONCURRENCY = 32;
const PARKED_FOR_DAYS = 30;
const ROUNDS = 3;

/**
 * Issue 8, benchmark 2: N trajectory cases parked on their long timer (started through
 * POST /cases like start-path, each then waits for its first contact, due in a month), next to
 * N bare workflows asleep for a month. Measures the start rate before and after parking (both
 * paths, best of three rounds each), the disk each parked case takes in Temporal's SQLite file and in PostgreSQL's read
 * model, and the workers' memory with their sticky cache at the SDK's default and at 100.
 */
export const residentFleet: Benchmark = {
  name: 'resident-fleet',
  summary: 'N cases parked on their long timers: start rate before/after, disk per case, worker memory by cache size',
  defaults: { size: 1_000, concurrencies: [16] },
  flags: {
    measure: [200, 'starts per start-rate measurement (before and after parking)'],
    touch: [5_000, 'parked workflows queried per cache setting to fill the cache (at most --size)'],
  },
  run: async (options) => {
    process.stderr.write('starting PostgreSQL, Temporal (SQLite file), identity, partners, worker, bare worker and API...\n');
    const stack = await startBenchStack({ temporal: { kind: 'dev', dbFile: true } });
    let failed = true;
    try {
      const outcome = await measure(stack, options);
      failed = false;
      return outcome;
    } finally {
      await stack.stop({ keepLogs: failed });
    }
  },
};

interface Disk {
  /** The SQLite file with its write-ahead log. */
  temporalBytes: number;
  temporalFiles: Record<string, number>;
  postgresBytes: number;
}

async function measure(stack: BenchStack, { size, concurrencies, flags }: BenchmarkOptions) {
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const client = new Client({ connection });
  // The application's workflows answer queries in encrypted payloads.
  const converter = appDataConverter(stack.databaseUrl, stack.masterKey);
  const appClient = new Client({ connection, dataConverter: converter.dataConverter });
  const database = new PgClient({ connectionString: stack.databaseUrl });
  await database.connect();
  const concurrency = concurrencies[0];
  try {
    const paths = startPaths(stack.api, client);
    const settle = () =>
      Promise.all([
        untilTrue('bare workflows done', () => paths.bare.settled(), SETTLE_TIMEOUT_MS),
        untilTrue('cases awaiting first contact', () => casesSettled(database), SETTLE_TIMEOUT_MS),
      ]);
    // Other work on the machine can take the cores from one measurement and not the next: each
    // path is measured ROUNDS times and its fastest round counts (its CPU per start is in the JSON).
    const rates = async (when: string): Promise<Comparison> => {
      const best = { bare: undefined as PathFigures | undefined, app: undefined as PathFigures | undefined };
      for (let round = 0; round < ROUNDS; round++) {
        const bare = await measurePath(`bare engine ${when}`, flags.measure, concurrency, paths.bare.start);
        await settle();
        const app = await measurePath(`application ${when}`, flags.measure, concurrency, paths.app.start);
        await settle();
        if (!best.bare || bare.perSecond > best.bare.perSecond) best.bare = bare;
        if (!best.app || app.perSecond > best.app.perSecond) best.app = app;
      }
      return compare(best.app!, best.bare!);
    };
    const disk = async (): Promise<Disk> => {
      const { rows } = await database.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
      const temporalFiles = filesSizes(stack.temporalDbFile!);
      const temporalBytes = Object.values(temporalFiles).reduce((a, b) => a + b, 0);
      return { temporalBytes, temporalFiles, postgresBytes: Number(rows[0].bytes) };
    };
    const memory = () => ({ workerMiB: rssMiB(stack.pid('worker')), bareWorkerMiB: rssMiB(stack.pid('bare-worker')) });

    await runLimited('warm-up bare engine', WARM_UP, concurrency, paths.bare.start);
    await runLimited('warm-up application', WARM_UP, concurrency, paths.app.start);
    await settle();
    const before = await rates('before');
    const idleMemory = memory();

    // The application's fleet: N more cases through the API, each parked on its first-contact timer.
    const disk0 = await disk();
    let began = process.hrtime.bigint();
    await runLimited(`parking ${size} cases`, size, PARK_CONCURRENCY, paths.app.start);
    await untilTrue('parked cases awaiting first contact', () => casesSettled(database), SETTLE_TIMEOUT_MS);
    const appParkSeconds = millisecondsSince(began) / 1000;
    const disk1 = await disk();
    const parkedMemory = memory();

    // The bare engine's fleet: N workflows asleep for a month.
    const until = new Date(Date.now() + PARKED_FOR_DAYS * 86_400_000).toISOString();
    const sleeperId = (i: number) => `bench-sleeper-${i}`;
    began = process.hrtime.bigint();
    await runLimited(`parking ${size} bare workflows`, size, PARK_CONCURRENCY, async (i) => {
      await client.workflow.start('sleeperWorkflow', { taskQueue: BARE_TASK_QUEUE, workflowId: sleeperId(i), args: [until] });
    });
    await untilTrue('bare workflows asleep', () => asleep(client, [...lastOnes(size, 20)].map(sleeperId)), SETTLE_TIMEOUT_MS);
    const bareParkSeconds = millisecondsSince(began) / 1000;
    const disk2 = await disk();

    const after = await rates(`after parking ${size}`);

    // The workers' memory: restarted with each cache size, then queried on `touch` parked
    // workflows, which replays each one into the cache (and evicts the oldest past the size).
    const touch = Math.min(flags.touch, size);
    const { rows } = await database.query<{ workflow_id: string }>(
      `SELECT workflow_id FROM case_file WHERE status = 'awaitingFirstContact' ORDER BY created_at DESC LIMIT $1`,
      [touch],
    );
    const caches: Caches = [];
    for (const cache of ['', '100']) {
      await stack.restart('worker', { TNW_MAX_CACHED_WORKFLOWS: cache });
      await stack.restart('bare-worker', { TNW_MAX_CACHED_WORKFLOWS: cache });
      const label = cache ? `cache ${cache}` : 'default cache';
      const restarted = memory();
      began = process.hrtime.bigint();
      await runLimited(`querying ${touch} cases, ${label}`, touch, concurrency, async (i) => {
        await appClient.workflow.getHandle(rows[i].workflow_id).query('trajectoryState');
      });
      await runLimited(`querying ${touch} bare workflows, ${label}`, touch, concurrency, async (i) => {
        await client.workflow.getHandle(sleeperId(i)).query('state');
      });
      caches.push({
        cache: cache || 'SDK default',
        restarted,
        ...memory(),
        touchSeconds: round(millisecondsSince(began) / 1000),
      });
    }

    return outcomeOf({
      size,
      touch,
      before,
      after,
      disk0,
      disk1,
      disk2,
      appParkSeconds,
      bareParkSeconds,
      idleMemory,
      parkedMemory,
      caches,
    });
  } finally {
    await database.end();
    await connection.close();
  }
}

type Memory = { workerMiB: number; bareWorkerMiB: number };
type Caches = Array<Memory & { cache: string; restarted: Memory; touchSeconds: number }>;

function* lastOnes(count: number, n: number): Iterable<number> {
  for (let i = Math.max(0, count - n); i < count; i++) yield i;
}

/** Each workflow has had its first workflow task and started its timer (5 events: started, task scheduled/started/completed, timer started). */
async function asleep(client: Client, workflowIds: string[]): Promise<boolean> {
  const lengths = await Promise.all(
    workflowIds.map(async (id) => (await client.workflow.getHandle(id).describe()).historyLength),
  );
  return lengths.every((length) => length >= 5);
}

function outcomeOf(m: {
  size: number;
  touch: number;
  before: Comparison;
  after: Comparison;
  disk0: Disk;
  disk1: Disk;
  disk2: Disk;
  appParkSeconds: number;
  bareParkSeconds: number;
  idleMemory: { workerMiB: number; bareWorkerMiB: number };
  parkedMemory: { workerMiB: number; bareWorkerMiB: number };
  caches: Caches;
}) {
  const kib = (bytes: number) => round(bytes / 1024, 2);
  const perCase = {
    appTemporalKiB: kib((m.disk1.temporalBytes - m.disk0.temporalBytes) / m.size),
    appPostgresKiB: kib((m.disk1.postgresBytes - m.disk0.postgresBytes) / m.size),
    bareTemporalKiB: kib((m.disk2.temporalBytes - m.disk1.temporalBytes) / m.size),
  };
  const drop = (c: (x: Comparison) => PathFigures) => round((1 - c(m.after).perSecond / c(m.before).perSecond) * 100);
  const rateDrop = { appPercent: drop((c) => c.app), barePercent: drop((c) => c.bare) };
  const diskTable = markdownTable(
    [
      'fleet',
      'parked',
      'parking s',
      'Temporal SQLite KiB per parked workflow',
      'PostgreSQL KiB per parked case',
      'total KiB per parked case',
    ],
    [
      [
        'application (trajectory awaiting first contact)',
        m.size,
        round(m.appParkSeconds),
        perCase.appTemporalKiB,
        perCase.appPostgresKiB,
        `**${round(perCase.appTemporalKiB + perCase.appPostgresKiB, 2)}**`,
      ],
      [
        `bare engine (asleep ${PARKED_FOR_DAYS} days)`,
        m.size,
        round(m.bareParkSeconds),
        perCase.bareTemporalKiB,
        '',
        perCase.bareTemporalKiB,
      ],
    ],
  );
  // On a CPU-bound machine shared with other work, CPU per start tells what a start costs; the
  // rate also tells how many cores the stack got at that moment.
  const cpu = (f: PathFigures) => round((Object.values(f.cpuSeconds).reduce((a, b) => a + b, 0) * 1000) / f.operations);
  const cpuRise = (c: (x: Comparison) => PathFigures) => round((cpu(c(m.after)) / cpu(c(m.before)) - 1) * 100);
  const costRise = { appPercent: cpuRise((c) => c.app), barePercent: cpuRise((c) => c.bare) };
  const rateTable = markdownTable(
    [
      'path',
      'starts/s before',
      `starts/s after parking ${m.size} + ${m.size}`,
      'rate drop %',
      'CPU ms per start before',
      'CPU ms per start after',
      'CPU per start rise %',
      'p99 ms before',
      'p99 ms after',
    ],
    [
      [
        'bare engine',
        m.before.bare.perSecond,
        m.after.bare.perSecond,
        rateDrop.barePercent,
        cpu(m.before.bare),
        cpu(m.after.bare),
        costRise.barePercent,
        m.before.bare.p99Ms,
        m.after.bare.p99Ms,
      ],
      [
        'application',
        m.before.app.perSecond,
        m.after.app.perSecond,
        `**${rateDrop.appPercent}**`,
        cpu(m.before.app),
        cpu(m.after.app),
        `**${costRise.appPercent}**`,
        m.before.app.p99Ms,
        m.after.app.p99Ms,
      ],
    ],
  );
  const memoryTable = markdownTable(
    ['when', 'worker RSS MiB', 'bare worker RSS MiB'],
    [
      ['after warm-up and the first rate measurement', m.idleMemory.workerMiB, m.idleMemory.bareWorkerMiB],
      [`after parking ${m.size} cases (SDK default cache)`, m.parkedMemory.workerMiB, m.parkedMemory.bareWorkerMiB],
      ...m.caches.flatMap((c) => [
        [`restarted with cache ${c.cache}`, c.restarted.workerMiB, c.restarted.bareWorkerMiB],
        [
          `cache ${c.cache}, after querying ${m.touch} parked workflows of each (${c.touchSeconds} s)`,
          `**${c.workerMiB}**`,
          c.bareWorkerMiB,
        ],
      ]),
    ],
  );
  const comparisons = [m.before, m.after];
  return {
    tables: [diskTable, rateTable, table(comparisons, 'start'), cpuTable(comparisons, 'start'), memoryTable],
    figures: {
      parked: m.size,
      perCase,
      rateDrop,
      costRise,
      disk: { before: m.disk0, afterApp: m.disk1, afterBare: m.disk2 },
      ...m,
    },
  };
}
