import { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addDays, brusselsDateOf, createDeadlines, createRulebook, startOfDayInBrussels, type IsoDate } from '../libs/domain/src';
import type { Benchmark } from './harness/benchmark';
import { millisecondsSince } from './harness/latencies';
import { cpuSnapshot, cpuSpent, type CpuSeconds } from './harness/process-cpu';
import { progressBar } from './harness/progress-bar';
import { markdownTable, round } from './harness/report';
import { runLimited } from './harness/run-limited';
import { nationalNumber } from './national-numbers';
import type { ApiCaller, DevUserId } from './stack/api-caller';
import { BARE_TASK_QUEUE, startBenchStack, type BenchStack } from './stack/bench-stack';

/**
 * Issue 8, benchmark 5: one person's whole case in skipped time, on Temporal's time-skipping
 * test server with the real worker, API, PostgreSQL and partner simulators: the mutuality
 * reports an incapacity (episode) and the coordinator starts a route A trajectory on its first
 * day, then every human step through the API (questionnaire, contact moments, category 4,
 * first contact, engagement, a follow-up every 3 months, the two yearly invalidity renewals of
 * D24, the outcome), the clock jumping from one step's day to the next. Done when the episode
 * has continued into its third invalidity year and the trajectory has completed.
 *
 * Against the bare engine: one workflow per case with a timer at each instant the driver jumps
 * to and one update per step, driven through the same jumps (bench/workflows/bare.ts).
 */
export const fullTrajectory: Benchmark = {
  name: 'full-trajectory',
  summary: 'incapacity to the second yearly renewal in skipped time: 1 case, then --size cases in parallel',
  defaults: { size: 100, concurrencies: [32] },
  run: async (options) => {
    const runs: RunFigures[] = [];
    // The API checks start dates against the real clock, and the test server's clock only moves
    // forward: each size gets a fresh stack, whose clock starts at the real now.
    for (const [index, cases] of (options.size > 1 ? [1, options.size] : [1]).entries()) {
      process.stderr.write(
        'starting PostgreSQL, the time-skipping test server, identity, partners, worker, bare worker and API...\n',
      );
      // D24 in force from long before any run of this benchmark: every episode gets its yearly renewals.
      const stack = await startBenchStack({
        temporal: { kind: 'time-skipping' },
        env: { INVALIDITY_RENEWAL_FROM: '2020-01-01' },
      });
      let failed = true;
      try {
        runs.push(...(await measure(stack, cases, options.concurrencies[0], index * 100_000)));
        failed = false;
      } finally {
        await stack.stop({ keepLogs: failed });
      }
    }
    return outcomeOf(runs, options.concurrencies[0]);
  },
};

interface Step {
  /** Human-readable, for errors. */
  name: string;
  user: DevUserId;
  path: (ids: CaseIds) => string;
  body: Record<string, unknown>;
  /** The answer the API gives when the step is taken: 201 for the starts, 200 for steps. */
  status?: number;
}

interface Stage {
  day: IsoDate;
  steps: Step[];
}

interface CaseIds {
  episodeId: string;
  caseId: string;
}

interface RunFigures {
  path: string;
  cases: number;
  wallSeconds: number;
  perCaseSeconds: number;
  /** Wall time spent moving the clock (timers firing, the workflow tasks and activities they cause). */
  skipSeconds: number;
  /** Wall time spent on the human steps (API calls, or bare updates). */
  stepSeconds: number;
  stages: number;
  stepsPerCase: number;
  skippedDays: number;
  cpuSeconds: CpuSeconds;
}

/** The application's cases first (their start dates are today's), then the bare timelines, on one stack. */
async function measure(stack: BenchStack, cases: number, concurrency: number, firstPerson: number): Promise<RunFigures[]> {
  const env = stack.timeSkipping!;
  const client = new Client({ connection: env.connection });
  const app = await appRun(env, stack.api, cases, concurrency, firstPerson);
  const bare = await bareRun(env, client, cases, concurrency);
  return [bare, app];
}

function outcomeOf(runs: RunFigures[], concurrency: number) {
  const table = markdownTable(
    [
      'path',
      'cases in parallel',
      'wall s',
      's per case',
      'clock jumps s',
      'steps s',
      'stages',
      'steps per case',
      'skipped days',
      'CPU s by component',
    ],
    runs.map((r) => [
      r.path,
      r.cases,
      r.wallSeconds,
      r.perCaseSeconds,
      r.skipSeconds,
      r.stepSeconds,
      r.stages,
      r.stepsPerCase,
      r.skippedDays,
      Object.entries(r.cpuSeconds)
        .filter(([, s]) => s >= 0.05)
        .map(([name, s]) => `${name} ${s}`)
        .join(', '),
    ]),
  );
  const ratios = runs
    .filter((r) => r.path === 'application')
    .map((app) => {
      const bare = runs.find((r) => r.path === 'bare engine' && r.cases === app.cases)!;
      return {
        cases: app.cases,
        appSeconds: app.wallSeconds,
        bareSeconds: bare.wallSeconds,
        ratio: round(bare.wallSeconds / app.wallSeconds, 2),
      };
    });
  const ratioTable = markdownTable(
    ['cases in parallel', 'application wall s', 'bare engine wall s', 'ratio app/bare (bare wall / app wall)'],
    ratios.map((r) => [r.cases, r.appSeconds, r.bareSeconds, `**${r.ratio}**`]),
  );
  return { tables: [table, ratioTable], figures: { runs, ratios, concurrency } };
}

/** 10:00 Brussels on a day: when the staff take their steps. */
function tenOClock(day: IsoDate): number {
  return Date.parse(startOfDayInBrussels(day)) + 10 * 3_600_000;
}

async function skipTo(env: TestWorkflowEnvironment, instant: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (instant <= now)
    throw new Error(
      `the test server's clock is already at ${new Date(now).toISOString()}, past ${new Date(instant).toISOString()}`,
    );
  await env.sleep(instant - now);
}

/**
 * The steps of one case from `start` (the incapacity's first day, today on the server's clock)
 * to the second renewal, by day; the dates follow the rulebook as the workflows do.
 */
function timeline(start: IsoDate, index: number): Stage[] {
  const rules = createRulebook({ invalidityRenewalFrom: '2020-01-01' });
  const deadlines = createDeadlines(rules);
  const steps: Array<{ day: IsoDate } & Step> = [];
  const at = (day: IsoDate, step: Step) => steps.push({ day, ...step });
  const episode = (ids: CaseIds) => `/incapacities/${ids.episodeId}`;
  const trajectory = (ids: CaseIds) => `/cases/${ids.caseId}`;

  // Day 1: the mutuality reports the incapacity; the advising physician refers to a route A trajectory.
  // (Both are in the driver's first stage, which fills in the IDs.)

  // D9: first conversation within a month of the referral; the engagement declaration the same day (D20).
  const firstContact = addDays(start, 10);
  at(firstContact, {
    name: 'first contact',
    user: 'coord-17',
    path: (ids) => `${trajectory(ids)}/first-contact`,
    body: { heldOn: firstContact },
  });
  at(firstContact, {
    name: 'engagement',
    user: 'coord-17',
    path: (ids) => `${trajectory(ids)}/engagement-declaration`,
    body: { signedOn: firstContact },
  });

  // D7: the questionnaire goes out at the end of week 10 and comes back two days later.
  const returned = addDays(deadlines.questionnaireSentOn(start).date, 2);
  at(returned, {
    name: 'questionnaire',
    user: 'coord-17',
    path: (ids) => `${episode(ids)}/questionnaire-return`,
    body: { returnedOn: returned },
  });

  // D10: each contact moment five days into its window; D8: category 4 at the month-4 moment.
  for (const window of deadlines.contactMoments(start)) {
    const month = Number(window.explanation.inputs.month);
    const held = addDays(window.opensOn!, 5);
    at(held, {
      name: `contact month ${month}`,
      user: 'adva-3',
      path: (ids) => `${episode(ids)}/contact-moments`,
      body: { month, heldOn: held },
    });
    if (month === 4) {
      at(held, {
        name: 'category',
        user: 'adva-3',
        path: (ids) => `${episode(ids)}/category-decision`,
        body: { category: 4, decidedOn: held },
      });
    }
  }

  // D1, D24: invalidity after a year, recognised for a year; each certificate ten days before the recognition ends.
  const invalidityStart = deadlines.invalidityStartsOn(start).date;
  let validUntil = deadlines.invalidityRenewalCertificateValidUntil(invalidityStart).date;
  const renewals: IsoDate[] = [];
  for (let renewal = 1; renewal <= 2; renewal++) {
    const issued = addDays(validUntil, -10);
    renewals.push(issued);
    at(issued, {
      name: `renewal ${renewal}`,
      user: 'adva-3',
      path: (ids) => `${episode(ids)}/invalidity-renewal`,
      body: { basis: 'certificate', issuedOn: issued },
    });
    validUntil = deadlines.invalidityRenewalCertificateValidUntil(issued).date;
  }
  const end = renewals[1];

  // D6: a follow-up a week before each is due, until the end; the outcome on the last day.
  for (let from = firstContact; ;) {
    const held = addDays(deadlines.advisingPhysicianFollowUpDue(from).date, -7);
    if (held >= end) break;
    at(held, {
      name: `follow-up ${held}`,
      user: 'adva-3',
      path: (ids) => `${trajectory(ids)}/follow-ups`,
      body: { heldOn: held },
    });
    from = held;
  }
  at(end, {
    name: 'outcome',
    user: 'coord-17',
    path: (ids) => `${trajectory(ids)}/outcome`,
    body: { outcome: 'medicalReasons', on: end, reason: `bench case ${index}` },
  });

  const byDay = new Map<IsoDate, Step[]>();
  for (const { day, ...step } of steps.sort((a, b) => a.day.localeCompare(b.day)))
    byDay.set(day, [...(byDay.get(day) ?? []), step]);
  return [...byDay.entries()].map(([day, daySteps]) => ({ day, steps: daySteps }));
}

async function appRun(
  env: TestWorkflowEnvironment,
  api: ApiCaller,
  cases: number,
  concurrency: number,
  firstPerson: number,
): Promise<RunFigures> {
  // Day 1 is today: the API refuses an incapacity or a referral after the real today.
  const start = brusselsDateOf(new Date(await env.currentTimeMs()).toISOString());
  const stages = timeline(start, 0);
  const before = cpuSnapshot();
  const began = process.hrtime.bigint();
  const progress = progressBar(`application ${cases} case(s)`, stages.length + 1);
  let stepMs = 0;
  let skipMs = 0;

  // Day 1, through the API like the rest: the incapacity and the trajectory, for the same person.
  let t = process.hrtime.bigint();
  const ids: CaseIds[] = new Array(cases);
  await runLimited(
    '',
    cases,
    concurrency,
    async (i) => {
      const person = nationalNumber(900_000 + firstPerson + i);
      const common = {
        nationalNumber: person,
        regime: 'employee',
        contract: 'underContract',
        postalCode: '9000',
        language: 'nl',
      };
      const { episodeId } = await api.post<{ episodeId: string }>('/incapacities', { ...common, incapacityStartDate: start });
      const { caseId } = await api.post<{ caseId: string }>('/cases', {
        ...common,
        route: 'A',
        incapacityStartDate: start,
        referralDate: start,
      });
      ids[i] = { episodeId, caseId };
    },
    { quiet: true },
  );
  stepMs += millisecondsSince(t);
  progress.tick();

  for (const stage of stages) {
    t = process.hrtime.bigint();
    await skipTo(env, tenOClock(stage.day));
    skipMs += millisecondsSince(t);
    t = process.hrtime.bigint();
    await runLimited(
      '',
      cases,
      concurrency,
      async (i) => {
        for (const step of stage.steps) {
          const answer = await api.call('POST', step.path(ids[i]), step.body, step.user);
          if (answer.status !== (step.status ?? 200)) {
            throw new Error(
              `case ${i}, ${step.name} on ${stage.day}: ${step.path(ids[i])} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
            );
          }
        }
      },
      { quiet: true },
    );
    stepMs += millisecondsSince(t);
    progress.tick();
  }
  // The second renewal continues the episode as new: wait (in skipped time) until the third year runs.
  t = process.hrtime.bigint();
  await skipTo(env, tenOClock(addDays(stages.at(-1)!.day, 1)));
  skipMs += millisecondsSince(t);
  const wallMs = millisecondsSince(began);
  progress.done();
  const cpuSeconds = cpuSpent(before, cpuSnapshot());
  await checkDone(api, ids);
  return figures('application', cases, wallMs, skipMs, stepMs, stages, start, cpuSeconds);
}

/** Every episode is in its third invalidity year after two renewals, every trajectory completed. */
async function checkDone(api: ApiCaller, ids: CaseIds[]): Promise<void> {
  await runLimited(
    'checking the cases',
    ids.length,
    8,
    async (i) => {
      const episode = await api.call<{ live: { invalidityYear?: number; renewal?: { renewals: number } } | null }>(
        'GET',
        `/incapacities/${ids[i].episodeId}`,
      );
      const trajectory = await api.call<{ status: string }>('GET', `/cases/${ids[i].caseId}`);
      const live = episode.body.live;
      if (live?.invalidityYear !== 3 || live.renewal?.renewals !== 2 || trajectory.body.status !== 'completed') {
        throw new Error(
          `case ${i} did not reach the end: episode ${JSON.stringify(live?.renewal)} in year ${live?.invalidityYear}, trajectory ${trajectory.body.status}`,
        );
      }
    },
    { quiet: true },
  );
}

async function bareRun(env: TestWorkflowEnvironment, client: Client, cases: number, concurrency: number): Promise<RunFigures> {
  const start = brusselsDateOf(new Date((await env.currentTimeMs()) + 86_400_000).toISOString());
  await skipTo(env, tenOClock(start) - 3_600_000);
  const stages = timeline(start, 0);
  const instants = stages.map((s) => new Date(tenOClock(s.day)).toISOString());
  const steps = 2 + stages.reduce((n, s) => n + s.steps.length, 0);
  const run = `${Date.now()}`;
  const workflowId = (i: number) => `bench-timeline-${run}-${i}`;
  const step = (i: number) => client.workflow.getHandle(workflowId(i)).executeUpdate('step', { args: ['step'] });

  const before = cpuSnapshot();
  const began = process.hrtime.bigint();
  const progress = progressBar(`bare engine ${cases} case(s)`, stages.length + 1);
  let stepMs = 0;
  let skipMs = 0;
  let t = process.hrtime.bigint();
  // Day 1: a start and a step, as the application's two starts (an episode and a trajectory).
  await runLimited(
    '',
    cases,
    concurrency,
    async (i) => {
      await client.workflow.start('bareTimelineWorkflow', {
        taskQueue: BARE_TASK_QUEUE,
        workflowId: workflowId(i),
        args: [instants, steps - 1],
      });
      await step(i);
    },
    { quiet: true },
  );
  stepMs += millisecondsSince(t);
  progress.tick();
  for (const [index, stage] of stages.entries()) {
    t = process.hrtime.bigint();
    await skipTo(env, Date.parse(instants[index]));
    skipMs += millisecondsSince(t);
    t = process.hrtime.bigint();
    await runLimited(
      '',
      cases,
      concurrency,
      async (i) => {
        for (let s = 0; s < stage.steps.length; s++) await step(i);
      },
      { quiet: true },
    );
    stepMs += millisecondsSince(t);
    progress.tick();
  }
  t = process.hrtime.bigint();
  await skipTo(env, tenOClock(addDays(stages.at(-1)!.day, 1)));
  skipMs += millisecondsSince(t);
  const wallMs = millisecondsSince(began);
  progress.done();
  const cpuSeconds = cpuSpent(before, cpuSnapshot());
  await runLimited(
    'checking the bare workflows',
    cases,
    8,
    async (i) => {
      const status = (await client.workflow.getHandle(workflowId(i)).describe()).status.name;
      if (status !== 'COMPLETED') throw new Error(`bare timeline ${i} is ${status}, not COMPLETED`);
    },
    { quiet: true },
  );
  return figures('bare engine', cases, wallMs, skipMs, stepMs, stages, start, cpuSeconds, steps);
}

function figures(
  path: string,
  cases: number,
  wallMs: number,
  skipMs: number,
  stepMs: number,
  stages: Stage[],
  start: IsoDate,
  cpuSeconds: CpuSeconds,
  stepsPerCase = 2 + stages.reduce((n, s) => n + s.steps.length, 0),
): RunFigures {
  const last = stages.at(-1)!.day;
  return {
    path,
    cases,
    wallSeconds: round(wallMs / 1000, 2),
    perCaseSeconds: round(wallMs / 1000 / cases, 3),
    skipSeconds: round(skipMs / 1000, 2),
    stepSeconds: round(stepMs / 1000, 2),
    stages: stages.length + 1,
    stepsPerCase,
    skippedDays: Math.round((Date.parse(last) - Date.parse(start)) / 86_400_000) + 1,
    cpuSeconds,
  };
}
