import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { STEP_ARRIVED_MID_TASK } from '@tnw/contracts';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendStep } from '../../apps/api/src/cases/case-steps.service';
import { bundleProbes } from '../workflows/probes/bundle-probes';
import { deadlineProbe, probeHeldQuery, probeUpdate } from '../workflows/probes/update-order-probe.workflow';
import { spawnUntilReady, type ReadyChild } from '../support/child-process';
import { eventually } from '../support/recording-activities';

/**
 * How a killed worker let a step into a workflow task after the workflow had reacted to that
 * task's timer, the history no worker could replay afterwards (the fault suite's stuck cases,
 * docs/reliability.md), provoked on the dev server as it happened there:
 * 1. the worker holding the workflow (sticky cache) is killed with SIGKILL after the deadline's
 *    timer started;
 * 2. a query sent then waits on that worker's sticky queue;
 * 3. the timer fires: its workflow task waits on the dead worker's sticky queue too (until the
 *    sticky schedule-to-start time-out);
 * 4. another worker gets the query, replays the history as it stands and so runs the workflow's
 *    reaction to the timer in a fragment of a task that has not started;
 * 5. the step sent now arrives with that task, and the worker completes it with the reaction's
 *    commands first and the acceptance after: replay puts the update first, and diverges.
 * The guard (workflows/shared/update-order-guard.ts) refuses the step there; the API sends it
 * again (sendStep) and it lands in a task of its own.
 */
const STICKY_TIMEOUT_MS = 8_000;

/** A worker for the probes in a process of its own, so that it can be killed; says `ready`. */
const WORKER_SCRIPT = `
const { NativeConnection, Worker } = require('@temporalio/worker');
(async () => {
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.TASK_QUEUE,
    workflowBundle: { codePath: process.env.BUNDLE },
    stickyQueueScheduleToStartTimeout: Number(process.env.STICKY_TIMEOUT_MS),
  });
  console.log('ready');
  await worker.run();
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('a step sent while another worker answers a query for a killed worker (the fault suite’s stuck cases)', () => {
  const address = process.env.TNW_TEST_TEMPORAL_ADDRESS!;
  const dir = mkdtempSync(join(tmpdir(), 'tnw-query-fragment-'));
  const bundlePath = join(dir, 'probes.js');
  let connection: Connection;
  let client: Client;
  let nativeConnection: NativeConnection;
  const children: ReadyChild[] = [];

  beforeAll(async () => {
    writeFileSync(bundlePath, (await bundleProbes()).code);
    connection = await Connection.connect({ address });
    client = new Client({ connection });
    nativeConnection = await NativeConnection.connect({ address });
  });

  afterAll(async () => {
    for (const { child } of children) child.kill('SIGKILL');
    await Promise.all(children.map(({ exited }) => exited));
    await nativeConnection?.close();
    await connection?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Steps 1-4 above; the worker that took over runs `then`, whose result comes back with the history. */
  async function killedWorkerThenQuery<T>(workflowId: string, guarded: boolean, then: () => Promise<T>) {
    const first = await spawnUntilReady(
      WORKER_SCRIPT,
      { TEMPORAL_ADDRESS: address, TASK_QUEUE: workflowId, BUNDLE: bundlePath, STICKY_TIMEOUT_MS: String(STICKY_TIMEOUT_MS) },
      'the first worker',
    );
    children.push(first);
    const handle = await client.workflow.start(deadlineProbe, { workflowId, taskQueue: workflowId, args: [guarded] });
    const has = async (event: 'timerStartedEventAttributes' | 'timerFiredEventAttributes') =>
      (await handle.fetchHistory()).events!.some((e) => e[event]);
    await eventually(() => has('timerStartedEventAttributes'), 'the deadline timer');
    first.child.kill('SIGKILL');
    await first.exited;
    const queried = handle.query(probeHeldQuery);
    await eventually(() => has('timerFiredEventAttributes'), 'the deadline');
    const second = await Worker.create({
      connection: nativeConnection,
      taskQueue: workflowId,
      workflowBundle: { codePath: bundlePath },
      stickyQueueScheduleToStartTimeout: STICKY_TIMEOUT_MS,
    });
    const outcome = await second.runUntil(async () => {
      // Answered by the second worker from the fragment, before the timer's task reaches it.
      expect(await queried).toEqual([]);
      const result = await then();
      await handle.result();
      return result;
    });
    return { outcome, history: await handle.fetchHistory() };
  }

  const target = (workflowId: string) => ({ workflowId, notRunning: async () => new Error('not running') as never });

  it('refuses the step in the task whose fragment reacted to the deadline; sent again, it is recorded once and the history replays', async () => {
    const workflowId = `query-fragment-guarded-${randomUUID()}`;
    const { outcome, history } = await killedWorkerThenQuery(workflowId, true, async () => {
      const refused = await client.workflow
        .getHandle(workflowId)
        .executeUpdate(probeUpdate, { args: ['held'] })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(((refused as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe(STEP_ARRIVED_MID_TASK);
      return sendStep(client, target(workflowId), probeUpdate, 'held, sent again');
    });
    expect(outcome).toEqual(['held, sent again']);
    await Worker.runReplayHistory({ workflowBundle: { codePath: bundlePath } }, history);
  }, 60_000);

  it('without the guard, the step is accepted there and the history cannot be replayed (the control)', async () => {
    const workflowId = `query-fragment-unguarded-${randomUUID()}`;
    const { outcome, history } = await killedWorkerThenQuery(workflowId, false, () =>
      sendStep(client, target(workflowId), probeUpdate, 'held'),
    );
    expect(outcome).toEqual(['held']);
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: bundlePath } }, history)).rejects.toThrow(/TMPRL1100/);
  }, 60_000);
});
