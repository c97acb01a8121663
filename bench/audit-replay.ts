import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../libs/temporal/src/repo-root';
import type { Benchmark, BenchmarkOptions } from './harness/benchmark';
import { millisecondsSince, percentile } from './harness/latencies';
import { cpuSnapshot, cpuSpent, type CpuSeconds } from './harness/process-cpu';
import { progressBar } from './harness/progress-bar';
import { markdownTable, round } from './harness/report';
import { newCase } from './start-path';
import { appDataConverter, type AppDataConverter } from './stack/app-data-converter';
import { BARE_TASK_QUEUE, BUILD_ROOT, startBenchStack, type BenchStack } from './stack/bench-stack';
import { replayAll, type HistoryToReplay } from './stack/replay';

type History = temporal.api.history.v1.IHistory;

/** The three lengths of issue 8, in events: a case a few steps in, a long one, a very long one. */
const CLASSES = [
  { name: 'short', events: 100, share: 1 },
  { name: 'long', events: 1_000, share: 10 },
  { name: 'very long', events: 4_000, share: 40 },
] as const;
const COLD_RUNS = 3;

/**
 * Issue 8, benchmark 4: histories of real trajectory cases, recorded at the start of the run
 * through the real path (POST /cases, the first contact and then follow-ups through the API,
 * until the history reaches ~100, ~1,000 and ~4,000 events), replayed as the application's
 * audit replays them (`replayCases`: the production bundle and the production data converter,
 * whose keys live in this run's PostgreSQL, so the histories cannot be cached across runs).
 * Measured: histories replayed per second for each length, and the time a cold worker (a new
 * Node process) takes to replay one case. Against histories of the same length of a bare
 * workflow (a loop of updates), replayed the same way with the bare bundle and Temporal's
 * default converter.
 */
export const auditReplay: Benchmark = {
  name: 'audit-replay',
  summary: 'replay of recorded case histories (~100, ~1,000, ~4,000 events) with the production bundle and data converter',
  defaults: { size: 400, concurrencies: [1] },
  flags: {
    distinct: [20, 'distinct short cases recorded (each a different person, so a different key)'],
  },
  run: async (options) => {
    process.stderr.write('starting PostgreSQL, Temporal, identity, partners, worker, bare worker and API...\n');
    const stack = await startBenchStack();
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

/** A history with the workflow ID it was recorded under: the codec finds the person's key from it. */
interface Recording {
  workflowId: string;
  history: History;
}

interface Recorded {
  className: string;
  app: Recording[];
  bare: Recording;
}

interface ReplayFigures {
  className: string;
  path: string;
  events: number;
  histories: number;
  perSecond: number;
  msPerHistory: number;
  cpuSeconds: CpuSeconds;
}

interface ColdFigures {
  className: string;
  path: string;
  events: number;
  /** Wall time of the whole process: Node's start, modules, the replay worker, the replay. */
  processMs: number;
  /** The replay itself, from the history read to the verdict (replay worker creation included). */
  replayMs: number;
}

async function measure(stack: BenchStack, { size, flags }: BenchmarkOptions) {
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const converter = appDataConverter(stack.databaseUrl, stack.masterKey);
  const client = new Client({ connection });
  try {
    const recorded = await record(stack, client, flags.distinct);
    const dir = join(repoRoot(__dirname), 'bench', 'results', 'histories');
    mkdirSync(dir, { recursive: true });

    const replays: ReplayFigures[] = [];
    let replayPath = '';
    for (const [index, recording] of recorded.entries()) {
      const count = Math.max(5, Math.round(size / CLASSES[index].share));
      const bare = await replayFigures(recording.className, 'bare engine', [recording.bare], count, {
        codePath: stack.bareWorkflowBundlePath,
      });
      const app = await replayFigures(recording.className, 'application', recording.app, count, {
        codePath: stack.workflowBundlePath,
        dataConverter: converter.dataConverter,
      });
      replayPath = app.replayPath;
      replays.push(bare.figures, app.figures);
    }

    // Cold workers: one history of each length in a new process, a few times each.
    const colds: ColdFigures[] = [];
    for (const recording of recorded) {
      const files = {
        app: join(dir, `${slug(recording.className)}-application.json`),
        bare: join(dir, `${slug(recording.className)}-bare.json`),
      };
      writeFileSync(
        files.app,
        JSON.stringify({ workflowId: recording.app[0].workflowId, history: JSON.parse(historyToJSON(recording.app[0].history)) }),
      );
      writeFileSync(
        files.bare,
        JSON.stringify({ workflowId: recording.bare.workflowId, history: JSON.parse(historyToJSON(recording.bare.history)) }),
      );
      colds.push(
        await cold(recording.className, 'bare engine', files.bare, events(recording.bare), {
          BENCH_BUNDLE: stack.bareWorkflowBundlePath,
          BENCH_CONVERTER: 'default',
        }),
      );
      colds.push(
        await cold(recording.className, 'application', files.app, events(recording.app[0]), {
          BENCH_BUNDLE: stack.workflowBundlePath,
          BENCH_CONVERTER: 'app',
          DATABASE_URL: stack.databaseUrl,
          TNW_MASTER_KEY: stack.masterKey,
        }),
      );
    }
    return outcomeOf(replays, colds, converter, replayPath, flags.distinct);
  } finally {
    await converter.close();
    await connection.close();
  }
}

const slug = (name: string) => name.replace(/\s+/g, '-');
const events = ({ history }: Recording) => history.events?.length ?? 0;

/**
 * Drives real cases through the API until their histories reach each class's length; the
 * short class is `distinct` cases (different people), the longer ones one case each. The bare
 * histories are timer loops of the same length.
 */
async function record(stack: BenchStack, client: Client, distinct: number): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  let caseIndex = 0;
  for (const { name, events: target } of CLASSES) {
    const cases = name === 'short' ? distinct : 1;
    const progress = progressBar(`recording ${cases} ${name} case(s) (~${target} events) through the API`, cases);
    const app: Recording[] = [];
    for (let c = 0; c < cases; c++) {
      app.push(await recordCase(stack, client, caseIndex++, target));
      progress.tick();
    }
    progress.done();
    const bare = await recordBare(client, events(app[0]), `${slug(name)}-${Date.now()}`);
    recorded.push({ className: name, app, bare });
  }
  return recorded;
}

/** A case started today, its first contact today, then follow-ups (each its update, audit entry and projection) until the history is long enough. */
async function recordCase(stack: BenchStack, client: Client, index: number, targetEvents: number): Promise<Recording> {
  const { caseId, workflowId } = await stack.api.post<{ caseId: string; workflowId: string }>('/cases', newCase(800_000 + index));
  const handle = client.workflow.getHandle(workflowId);
  const today = new Date().toISOString().slice(0, 10);
  // Membership is verified by an activity first; the first contact needs the case awaiting it.
  for (let attempt = 0; ; attempt++) {
    const answer = await stack.api.call(
      'POST',
      `/cases/${caseId}/first-contact`,
      { heldOn: newCase(0).referralDate },
      'coord-17',
    );
    if (answer.status === 200) break;
    if (attempt > 100) throw new Error(`first contact refused: ${JSON.stringify(answer.body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  for (;;) {
    const length = (await handle.describe()).historyLength;
    if (length >= targetEvents - 10) break;
    // Each follow-up adds about a dozen events; ask for fewer near the end.
    const followUps = Math.max(1, Math.floor((targetEvents - length) / 20));
    for (let i = 0; i < followUps; i++) {
      await stack.api.post(`/cases/${caseId}/follow-ups`, { heldOn: today, reason: `follow-up ${i}` }, 'adva-3', 200);
    }
  }
  return { workflowId, history: await handle.fetchHistory() };
}

/**
 * A bare workflow with (about) as many events as an application history, made of updates like
 * the case's follow-ups (five events each: the workflow task and the update's acceptance and
 * completion). Timers would do as well, but the dev server fires them a second apart.
 */
async function recordBare(client: Client, targetEvents: number, id: string): Promise<Recording> {
  const steps = Math.max(1, Math.round((targetEvents - 8) / 5));
  const handle = await client.workflow.start('bareTimelineWorkflow', {
    taskQueue: BARE_TASK_QUEUE,
    workflowId: `bench-replay-${id}`,
    args: [[], steps],
  });
  for (let i = 0; i < steps; i++) await handle.executeUpdate('step', { args: [`step ${i}`] });
  await handle.result();
  return { workflowId: handle.workflowId, history: await handle.fetchHistory() };
}

async function replayFigures(
  className: string,
  path: string,
  histories: Recording[],
  count: number,
  options: { codePath: string; dataConverter?: AppDataConverter['dataConverter'] },
): Promise<{ figures: ReplayFigures; replayPath: string }> {
  const progress = progressBar(`replaying ${count} ${className} histories, ${path}`, count);
  function* feed(): Iterable<HistoryToReplay> {
    for (let i = 0; i < count; i++) {
      progress.tick();
      yield histories[i % histories.length];
    }
  }
  // One history first: the replay worker's creation and the bundle's first load are the cold figure's, not this one's.
  await replayAll([histories[0]], options);
  const before = cpuSnapshot();
  const started = process.hrtime.bigint();
  const replayPath = await replayAll(feed(), options);
  const ms = millisecondsSince(started);
  progress.done();
  return {
    replayPath,
    figures: {
      className,
      path,
      events: events(histories[0]),
      histories: count,
      perSecond: round(count / (ms / 1000)),
      msPerHistory: round(ms / count, 2),
      cpuSeconds: cpuSpent(before, cpuSnapshot()),
    },
  };
}

/** The median of a few cold replays of one history, each in a new Node process. */
async function cold(
  className: string,
  path: string,
  file: string,
  eventCount: number,
  env: Record<string, string>,
): Promise<ColdFigures> {
  const runs: Array<{ processMs: number; replayMs: number }> = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const started = process.hrtime.bigint();
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [join(BUILD_ROOT, 'bench', 'replay-one.js')], {
        env: { ...process.env, ...env, BENCH_HISTORY: file },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.once('exit', (code) =>
        code === 0 ? resolve(out) : reject(new Error(`cold replay of ${file} failed (${code}): ${err}`)),
      );
    });
    const processMs = millisecondsSince(started);
    const line = output.trim().split('\n').at(-1)!;
    runs.push({ processMs, replayMs: (JSON.parse(line) as { replayMs: number }).replayMs });
  }
  return {
    className,
    path,
    events: eventCount,
    processMs: Math.round(
      percentile(
        runs.map((r) => r.processMs),
        50,
      ),
    ),
    replayMs: Math.round(
      percentile(
        runs.map((r) => r.replayMs),
        50,
      ),
    ),
  };
}

function outcomeOf(
  replays: ReplayFigures[],
  colds: ColdFigures[],
  converter: AppDataConverter,
  replayPath: string,
  distinct: number,
) {
  const ratio = (className: string) => {
    const app = replays.find((r) => r.className === className && r.path === 'application')!;
    const bare = replays.find((r) => r.className === className && r.path === 'bare engine')!;
    return round(app.perSecond / bare.perSecond, 2);
  };
  const warm = markdownTable(
    [
      'history',
      'path',
      'events',
      'histories replayed',
      'histories/s',
      'ms per history',
      'ratio app/bare',
      'CPU ms per history by component',
    ],
    replays.map((r) => [
      r.className,
      r.path,
      r.events,
      r.histories,
      r.path === 'application' && r.className === 'short' ? `**${r.perSecond}**` : r.perSecond,
      r.msPerHistory,
      r.path === 'application' ? `**${ratio(r.className)}**` : '',
      Object.entries(r.cpuSeconds)
        .map(([name, s]) => [name, round((s * 1000) / r.histories, 2)] as const)
        .filter(([, ms]) => ms > 0)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(', '),
    ]),
  );
  const coldTable = markdownTable(
    ['history', 'path', 'events', `cold process ms (median of ${COLD_RUNS})`, 'of which replay ms (worker creation + replay)'],
    colds.map((c) => [c.className, c.path, c.events, c.processMs, c.replayMs]),
  );
  const note = `replayed with ${replayPath}; application data converter: ${converter.description}; ${distinct} distinct short cases (people), one long and one very long`;
  return {
    tables: [warm, coldTable, note],
    figures: { replays, colds, replayPath, dataConverter: converter.description, distinctShortCases: distinct },
  };
}
