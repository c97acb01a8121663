import { WorkflowUpdateFailedError, WorkflowUpdateStage } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { STEP_ARRIVED_MID_TASK } from '@tnw/contracts';
import { testDataConverter } from '@tnw/temporal';
import { sendStep } from '../../apps/api/src/cases/case-steps.service';
import { bundleProbes } from './probes/bundle-probes';
import { probeUpdate, type updateOrderProbe } from './probes/update-order-probe.workflow';
import { eventually } from '../support/recording-activities';
import { resultOnceClosed, timeSkippingSuite } from '../support/time-skipping';

/**
 * The update-order guard (workflows/shared/update-order-guard.ts) refuses an update validated in
 * a workflow task after the workflow already reacted to other work of that task, and the API
 * sends such a step again (sendStep), which then lands in a task of its own and is accepted.
 */
describe('update-order guard', () => {
  const suite = timeSkippingSuite();
  let probes: WorkflowBundle;

  beforeAll(async () => {
    probes = await bundleProbes();
  });

  // No sticky cache: the test server would keep the timer's task for the stopped worker's sticky queue.
  const worker = (taskQueue: string) =>
    Worker.create({
      connection: suite.env.nativeConnection,
      taskQueue,
      workflowBundle: probes,
      dataConverter: testDataConverter(),
      maxCachedWorkflows: 0,
    });

  /** Starts the probe, lets its timer fire with no worker, sends the update: both reach the worker in one task. */
  async function updateInTimerTask(workflowId: string, guarded: boolean) {
    const handle = await suite.client.workflow.start<typeof updateOrderProbe>('updateOrderProbe', {
      workflowId,
      taskQueue: workflowId,
      args: [guarded],
    });
    const timerStarted = async () => (await handle.fetchHistory()).events!.some((event) => event.timerStartedEventAttributes);
    await (await worker(workflowId)).runUntil(() => eventually(timerStarted, 'the timer'));
    await suite.env.sleep('1 hour');
    const update = handle.startUpdate(probeUpdate, { args: ['in the timer task'], waitForStage: WorkflowUpdateStage.ACCEPTED });
    update.catch(() => undefined);
    return { handle, outcome: update.then((accepted) => accepted.result()) };
  }

  it('refuses an update that reaches the workflow after its reaction to the timer of the same task; sent again, it is accepted', async () => {
    const { handle, outcome } = await updateInTimerTask('update-order-guarded', true);
    await (
      await worker(handle.workflowId)
    ).runUntil(async () => {
      const refused = await outcome.then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (refused as WorkflowUpdateFailedError).cause;
      expect(cause).toBeInstanceOf(ApplicationFailure);
      expect((cause as ApplicationFailure).type).toBe(STEP_ARRIVED_MID_TASK);
      // What the API does (apps/api/src/cases/case-steps.service.ts): the same step again, in a task of its own.
      const target = { workflowId: handle.workflowId, notRunning: async () => new Error('not running') as never };
      expect(await sendStep(suite.client, target, probeUpdate, 'sent again')).toEqual(['sent again']);
      expect(await resultOnceClosed(handle)).toEqual(['sent again']);
    });
    // The refusal left nothing in the history: it replays.
    await Worker.runReplayHistory({ workflowBundle: probes, dataConverter: testDataConverter() }, await handle.fetchHistory());
  });

  it('without the guard, the same update is accepted in that position (the control)', async () => {
    const { handle, outcome } = await updateInTimerTask('update-order-unguarded', false);
    await (
      await worker(handle.workflowId)
    ).runUntil(async () => {
      expect(await outcome).toEqual(['in the timer task']);
      expect(await resultOnceClosed(handle)).toEqual(['in the timer task']);
    });
  });
});
