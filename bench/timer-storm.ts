import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { EPISODE_WORKFLOW, episodeWorkflowId, type EpisodeInput, type EpisodeState } from '../libs/contracts/src';
import { addDays, brusselsDateOf, createRulebook, startOfDayInBrussels } from '../libs/domain/src';
import { dataSourceOptions } from '../libs/persistence/src/data-source-options';
import { EpisodeRegistry } from '../libs/persistence/src/episode-registry';
import { planEpisode } from '../workflows/episode/episode-plan';
import type { Benchmark, BenchmarkOptions } from './harness/benchmark';
import { millisecondsSince, percentile } from './harness/latencies';
import { cpuSnapshot, cpuSpent, type CpuSeconds } from './harness/process-cpu';
import { progressBar } from './harness/progress-bar';
import { markdownTable, round } from './harness/report';
import { runLimited } from './harness/run-limited';
import { untilTrue } from './harness/until-true';
import { nationalNumber } from './national-numbers';
import { appDataConverter } from './stack/app-data-converter';
import { BARE_TASK_QUEUE, startBenchStack, type BenchStack } from './stack/bench-stack';

const RENEWAL_FROM = '2020-01-01';
const PARK_CONCURRENCY = 32;
const CALIBRATION = 50;

/**
 * Issue 8, benchmark 3: N incapacity episodes whose yearly invalidity recognition (D24) expires
 * at the same second, on a worker with a small sticky cache: at the expiry each episode's timer
 * fires, the benefit ends (letter through the partner simulators, projection in PostgreSQL) and
 * the workflow completes. Measured: the time from the due second until the last one is handled
 * (its workflow closed), then the lag of each behind its due instant when the same number is
 * spread over `--spread` seconds. Against N bare workflows asleep until the same instants.
 *
 * Every deadline of the rulebook falls at 00:00 Brussels, and the dev server keeps real time,
 * so no start date puts a real deadline a minute from now. The episodes are started as their
 * yearly continue-as-new starts them: the real `episodeWorkflow`, with the state it carries
 * into its second invalidity year (`carried`), built with the workflow's own planning function
 * and a recognition that expires at the chosen instant. They are registered in the read model
 * by the API's registry (EpisodeRegistry), started with the application's data converter.
 */
export const timerStorm: Benchmark = {
  name: 'timer-storm',
  summary: 'N renewals due in the same second with a small workflow cache, then spread over --spread s',
  defaults: { size: 300, concurrencies: [32] },
  flags: {
    spread: [60, 'seconds over which the second round spreads the same number of due instants (issue 8: 900)'],
    cache: [100, 'sticky cache size (maxCachedWorkflows) of the application and bare workers'],
  },
  run: async (options) => {
    process.stderr.write('starting PostgreSQL, Temporal, identity, partners, worker, bare worker and API...\n');
    const stack = await startBenchStack({ maxCachedWorkflows: options.flags.cache });
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

interface Path {
  name: 'application' | 'bare engine';
  workflowType: string;
  /** The stack's: the application's own on a shared (external) server. */
  taskQueue: string;
  /** Starts workflow `i` of a round, due at `dueMs`; returns its workflow ID. */
  start(round: string, i: number, dueMs: number): Promise<string>;
  /** Every workflow started so far has started its timer. */
  parked(round: string, count: number): Promise<boolean>;
  client: Client;
}

interface RoundFigures {
  round: string;
  path: string;
  workflows: number;
  spreadSeconds: number;
  parkingSeconds: number;
  /** From the (first) due instant to the close of the last workflow. */
  drainedSeconds: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
  /** Workflows handled per second from the first due instant until the last close. */
  handledPerSecond: number;
  cpuSeconds: CpuSeconds;
}

async function measure(stack: BenchStack, { size, concurrencies, flags }: BenchmarkOptions) {
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const converter = appDataConverter(stack.databaseUrl, stack.masterKey);
  const appClient = new Client({ connection, dataConverter: converter.dataConverter });
  const bareClient = new Client({ connection });
  const dataSource = new DataSource(dataSourceOptions(stack.databaseUrl));
  await dataSource.initialize();
  const database = new PgClient({ connectionString: stack.databaseUrl });
  await database.connect();
  try {
    const registry = new EpisodeRegistry(dataSource);
    let person = 0;
    const app: Path = {
      name: 'application',
      workflowType: EPISODE_WORKFLOW,
      taskQueue: stack.taskQueue,
      client: appClient,
      start: async (_round, _i, dueMs) => {
        const registered = await registry.register({
          nationalNumber: nationalNumber(500_000 + person++),
          language: 'nl',
          postalCode: '9000',
          incapacityStartDate: incapacityStartFor(dueMs),
          workflowIdFor: episodeWorkflowId,
        });
        await appClient.workflow.start(EPISODE_WORKFLOW, {
          workflowId: registered.workflowId,
          taskQueue: stack.taskQueue,
          args: [secondInvalidityYear(registered.episodeId, registered.personId, dueMs)],
        });
        return registered.workflowId;
      },
      // The first projection of each run moves its episode out of 'registered'.
      parked: async () => {
        const { rows } = await database.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM episode WHERE status = 'registered'`,
        );
        return rows[0].n === 0;
      },
    };
    const bare: Path = {
      name: 'bare engine',
      workflowType: 'sleeperWorkflow',
      taskQueue: BARE_TASK_QUEUE,
      client: bareClient,
      start: async (round, i, dueMs) => {
        const workflowId = `bench-storm-${round}-${i}`;
        await bareClient.workflow.start('sleeperWorkflow', {
          taskQueue: BARE_TASK_QUEUE,
          workflowId,
          args: [new Date(dueMs).toISOString()],
        });
        return workflowId;
      },
      parked: async (round, count) => {
        const last = Array.from({ length: Math.min(count, 20) }, (_, k) => `bench-storm-${round}-${count - 1 - k}`);
        const lengths = await Promise.all(
          last.map(async (id) => (await bareClient.workflow.getHandle(id).describe()).historyLength),
        );
        return lengths.every((length) => length >= 5);
      },
    };

    const spreadMs = flags.spread * 1000;
    const rounds: RoundFigures[] = [];
    for (const [round, spread] of [
      ['storm', 0],
      ['spread', spreadMs],
    ] as const) {
      for (const path of [bare, app]) {
        rounds.push(await runRound(path, round, size, spread, concurrencies[0]));
      }
    }
    const { rows } = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM episode WHERE status = 'benefitEnded'`);
    if (rows[0].n !== 2 * size) throw new Error(`${rows[0].n} episodes ended their benefit in the read model, not ${2 * size}`);
    return outcomeOf(rounds, size, flags, converter.description);
  } finally {
    await converter.close();
    await database.end();
    await dataSource.destroy();
    await connection.close();
  }
}

/** Parks `size` workflows due at T (storm) or spread from T over `spreadMs`, waits until all are handled, and reads the lags. */
async function runRound(path: Path, round: string, size: number, spreadMs: number, concurrency: number): Promise<RoundFigures> {
  const tag = `${round}-${path.name === 'application' ? 'app' : 'bare'}`;
  const roundStart = new Date(Date.now() - 1000);

  // Calibration: a few workflows due tomorrow (they stay parked) tell how long parking takes,
  // the workers' first steps included; the due instant leaves twice that for the round's.
  const calibrationStart = process.hrtime.bigint();
  await runLimited(
    '',
    CALIBRATION,
    concurrency,
    async (i) => void (await path.start(`${tag}-calibration`, i, Date.now() + 86_400_000)),
    { quiet: true },
  );
  await untilTrue(`${path.name} calibration workflows parked`, () => path.parked(`${tag}-calibration`, CALIBRATION), 600_000);
  const secondsEach = millisecondsSince(calibrationStart) / 1000 / CALIBRATION;
  const dueAt = Math.ceil((Date.now() + size * secondsEach * 2_000 + 30_000) / 1000) * 1000;
  const dueOf = (i: number) => dueAt + Math.floor((i * spreadMs) / size);

  const due = new Map<string, number>();
  const parkStart = process.hrtime.bigint();
  await runLimited(`${path.name}, ${round}: parking ${size}`, size, PARK_CONCURRENCY, async (i) => {
    due.set(await path.start(tag, i, dueOf(i)), dueOf(i));
  });
  await untilTrue(`${path.name} workflows parked`, () => path.parked(tag, size), 600_000);
  const parkingSeconds = round1(millisecondsSince(parkStart) / 1000);
  if (Date.now() > dueAt - 2_000) {
    throw new Error(
      `parking ${size} took ${parkingSeconds} s, past the due instant planned from the first ${CALIBRATION}; run again (the machine was busier than at the start)`,
    );
  }

  // Until every workflow of the round has closed.
  // The task queue too: on a shared server, other workflows of the type close meanwhile.
  const closedQuery = `TaskQueue = '${path.taskQueue}' AND WorkflowType = '${path.workflowType}' AND ExecutionStatus = 'Completed' AND StartTime >= '${roundStart.toISOString()}'`;
  const before = await waitUntil(dueAt - 1_000);
  const progress = progressBar(`${path.name}, ${round}: handled`, size);
  let closed = 0;
  // The application handles a few workflows a second on a busy 2-core machine.
  const deadline = dueAt + spreadMs + Math.max(600_000, size * 1_000);
  while (closed < size) {
    if (Date.now() > deadline)
      throw new Error(
        `${path.name}, ${round}: ${closed} of ${size} handled ${Math.round((Date.now() - dueAt) / 1000)} s after the due instant`,
      );
    await new Promise((r) => setTimeout(r, 250));
    const now = (await path.client.workflow.count(closedQuery)).count;
    for (; closed < now; closed++) progress.tick();
  }
  progress.done();
  const cpuSeconds = cpuSpent(before, cpuSnapshot());

  const lags: number[] = [];
  let lastClose = 0;
  for await (const execution of path.client.workflow.list({ query: closedQuery })) {
    const dueMs = due.get(execution.workflowId);
    if (dueMs === undefined || !execution.closeTime) continue;
    lags.push(execution.closeTime.getTime() - dueMs);
    lastClose = Math.max(lastClose, execution.closeTime.getTime());
  }
  if (lags.length !== size) throw new Error(`${path.name}, ${round}: ${lags.length} closed workflows listed, not ${size}`);
  const drainedSeconds = round1((lastClose - dueAt) / 1000);
  return {
    round,
    path: path.name,
    workflows: size,
    spreadSeconds: spreadMs / 1000,
    parkingSeconds,
    drainedSeconds,
    lagP50Ms: Math.round(percentile(lags, 50)),
    lagP99Ms: Math.round(percentile(lags, 99)),
    lagMaxMs: Math.round(Math.max(...lags)),
    handledPerSecond: round1(size / ((lastClose - dueAt) / 1000)),
    cpuSeconds,
  };
}

/** Sleeps until an instant, then takes the CPU reading the round's figures start from. */
async function waitUntil(instant: number) {
  const wait = instant - Date.now();
  if (wait > 0) {
    process.stderr.write(`waiting ${Math.round(wait / 1000)} s for the due instant...\n`);
    await new Promise((r) => setTimeout(r, wait));
  }
  return cpuSnapshot();
}

const round1 = (n: number) => round(n, 1);

/** The Brussels day the recognition is last valid (its expiry is the next midnight, or `dueMs` here). */
function lastValidDay(dueMs: number): string {
  return brusselsDateOf(new Date(dueMs - 1).toISOString());
}

/** An incapacity that started three years before: in its second year of invalidity now. */
function incapacityStartFor(dueMs: number): string {
  return addDays(lastValidDay(dueMs), -3 * 365);
}

/**
 * The input a yearly continue-as-new gives an episode in its second invalidity year (see
 * episode.workflow.ts): the first year as planned by `planEpisode` and taken care of, the
 * recognition renewed once by a certificate that expires at `dueMs` (instead of at midnight),
 * its two reminder letters already sent.
 */
function secondInvalidityYear(episodeId: string, personId: string, dueMs: number): EpisodeInput {
  const incapacityStartDate = incapacityStartFor(dueMs);
  const input: EpisodeInput = {
    episodeId,
    personId,
    incapacityStartDate,
    regime: 'employee',
    contract: 'underContract',
    language: 'nl',
    invalidityRenewalFrom: RENEWAL_FROM,
  };
  const planned = planEpisode(input, createRulebook({ invalidityRenewalFrom: RENEWAL_FROM }));
  const dueDate = lastValidDay(dueMs);
  const expiresAt = new Date(dueMs).toISOString();
  const sentAt = new Date(dueMs - 14 * 86_400_000).toISOString();
  const carried: EpisodeState = {
    ...planned,
    invalidityYear: 2,
    phase: 'invalidity',
    questionnaire: {
      ...planned.questionnaire,
      sentOn: planned.questionnaire.sendOn.dueDate,
      returnedOn: planned.questionnaire.sendOn.dueDate,
    },
    category: { ...planned.category, category: 4, decidedOn: planned.category.due.opensOn, opened: true },
    contactMoments: planned.contactMoments.map((moment) => ({ ...moment, opened: true, heldOn: moment.window.opensOn })),
    renewal: {
      recognisedFrom: addDays(dueDate, -364),
      validity: {
        kind: 'invalidityCertificate',
        dueDate,
        firesAt: startOfDayInBrussels(dueDate),
        expiresAt,
        ruleId: 'invalidity.renewalCertificateMaxValidity',
        explanation: `The benchmark's certificate, valid until ${expiresAt} (D24).`,
      },
      basis: 'certificate',
      renewals: 1,
    },
    notices: [0, 1].map((index) => ({ key: `letter:invalidityRenewalReminder:${dueDate}:${index}`, at: sentAt })),
  };
  return { ...input, carried };
}

function outcomeOf(rounds: RoundFigures[], size: number, flags: Record<string, number>, converter: string) {
  const rows = rounds.map((r) => [
    r.round === 'storm' ? 'same second' : `spread over ${r.spreadSeconds} s`,
    r.path,
    r.workflows,
    r.parkingSeconds,
    r.path === 'application' && r.round === 'storm' ? `**${r.drainedSeconds}**` : r.drainedSeconds,
    r.handledPerSecond,
    r.lagP50Ms,
    r.path === 'application' && r.round === 'spread' ? `**${r.lagP99Ms}**` : r.lagP99Ms,
    r.lagMaxMs,
  ]);
  const figures = markdownTable(
    [
      'due',
      'path',
      'workflows',
      'parking s',
      'drained s (due → last closed)',
      'handled/s',
      'p50 lag ms',
      'p99 lag ms',
      'max lag ms',
    ],
    rows,
  );
  const ratios = (['storm', 'spread'] as const).map((round) => {
    const app = rounds.find((r) => r.round === round && r.path === 'application')!;
    const bare = rounds.find((r) => r.round === round && r.path === 'bare engine')!;
    return { round, ratio: round2(app.handledPerSecond / bare.handledPerSecond) };
  });
  const cpu = markdownTable(
    ['due', 'path', 'CPU ms per workflow handled, by component'],
    rounds.map((r) => [
      r.round === 'storm' ? 'same second' : `spread over ${r.spreadSeconds} s`,
      r.path,
      Object.entries(r.cpuSeconds)
        .map(([name, s]) => [name, Math.round((s * 10_000) / r.workflows) / 10] as const)
        .filter(([, ms]) => ms > 0)
        .map(([name, ms]) => `${name} ${ms}`)
        .join(', '),
    ]),
  );
  const note = `handled/s ratio app/bare: ${ratios.map((r) => `${r.round} **${r.ratio}**`).join(', ')}; sticky cache ${flags.cache}; data converter: ${converter}`;
  return {
    tables: [figures, cpu, note],
    figures: { size, rounds, ratios, cache: flags.cache, spreadSeconds: flags.spread, dataConverter: converter },
  };
}

const round2 = (n: number) => round(n, 2);
