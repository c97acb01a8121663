import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { Benchmark, BenchmarkOptions, Comparison } from './harness/benchmark';
import { measurePath } from './harness/measure-path';
import { compare, cpuTable, table } from './harness/report';
import { runLimited } from './harness/run-limited';
import { nationalNumber } from './national-numbers';
import type { ApiCaller } from './stack/api-caller';
import { BARE_TASK_QUEUE, startBenchStack, type BenchStack } from './stack/bench-stack';
import { untilTrue } from './harness/until-true';

const WARM_UP = 100;
const SETTLE_TIMEOUT_MS = 300_000;

/**
 * Issue 8, benchmark 1: N case starts through POST /cases (validation, registration in
 * PostgreSQL, workflow start) against N bare starts of an empty workflow, same server, same
 * concurrency. Between measurements the workers finish what the starts gave them, so that
 * one measurement's backlog does not slow the next.
 */
export const startPath: Benchmark = {
  name: 'start-path',
  summary: 'case starts through the HTTP API against bare workflow starts',
  defaults: { size: 200, concurrencies: [16, 64] },
  run: async (options) => {
    process.stderr.write('starting PostgreSQL, Temporal, partners, worker, bare worker and API...\n');
    const stack = await startBenchStack();
    let failed = true;
    try {
      const comparisons = await measure(stack, options);
      failed = false;
      return { tables: [table(comparisons, 'start'), cpuTable(comparisons, 'start')], figures: { comparisons } };
    } finally {
      await stack.stop({ keepLogs: failed });
    }
  },
};

async function measure(stack: BenchStack, { size, concurrencies }: BenchmarkOptions): Promise<Comparison[]> {
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const database = new PgClient({ connectionString: stack.databaseUrl });
  await database.connect();
  try {
    const paths = startPaths(stack.api, new Client({ connection }));
    const settle = () =>
      Promise.all([
        untilTrue('bare workflows done', () => paths.bare.settled(), SETTLE_TIMEOUT_MS),
        untilTrue('cases awaiting first contact', () => casesSettled(database), SETTLE_TIMEOUT_MS),
      ]);
    // The first starts pay for JIT compilation and connection set-up: measured by nobody.
    await runLimited('warm-up bare engine', WARM_UP, concurrencies[0], paths.bare.start);
    await runLimited('warm-up application', WARM_UP, concurrencies[0], paths.app.start);
    await settle();
    const comparisons: Comparison[] = [];
    for (const concurrency of concurrencies) {
      const bare = await measurePath('bare engine', size, concurrency, paths.bare.start);
      await settle();
      const app = await measurePath('application', size, concurrency, paths.app.start);
      await settle();
      comparisons.push(compare(app, bare));
    }
    return comparisons;
  } finally {
    await database.end();
    await connection.close();
  }
}

export function startPaths(api: ApiCaller, client: Client, firstCase = 0) {
  let cases = firstCase;
  let workflows = 0;
  const run = `${Date.now()}`;
  return {
    app: {
      start: async () => {
        await api.post('/cases', newCase(cases++));
      },
    },
    bare: {
      start: async () => {
        await client.workflow.start('emptyWorkflow', {
          taskQueue: BARE_TASK_QUEUE,
          workflowId: `bench-empty-${run}-${workflows++}`,
        });
      },
      settled: async () =>
        (
          await client.workflow.count(
            `TaskQueue = '${BARE_TASK_QUEUE}' AND WorkflowType = 'emptyWorkflow' AND ExecutionStatus = 'Running'`,
          )
        ).count === 0,
    },
  };
}

/** Each case's workflow has verified membership and projected itself; it now sleeps until a deadline a month away. */
export async function casesSettled(database: PgClient): Promise<boolean> {
  const { rows } = await database.query<{ unsettled: number }>(
    `SELECT count(*)::int AS unsettled FROM case_file WHERE status <> 'awaitingFirstContact'`,
  );
  return rows[0].unsettled === 0;
}

/** A route A case referred yesterday (so no deadline is due during the run), four months into incapacity. */
export function newCase(index: number) {
  const referral = new Date(Date.now() - 86_400_000);
  const incapacityStart = new Date(Date.UTC(referral.getUTCFullYear(), referral.getUTCMonth() - 4, referral.getUTCDate()));
  return {
    nationalNumber: nationalNumber(index),
    route: 'A',
    regime: 'employee',
    contract: 'underContract',
    incapacityStartDate: incapacityStart.toISOString().slice(0, 10),
    referralDate: referral.toISOString().slice(0, 10),
    postalCode: '9000',
    language: 'nl',
  };
}
