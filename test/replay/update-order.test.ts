import { DefaultLogger, makeTelemetryFilterString, Runtime, Worker } from '@temporalio/worker';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import {
  recordFirstContactUpdate,
  stopTrajectoryUpdate,
  trajectoryWorkflowId,
  TRAJECTORY_WORKFLOW,
  type TrajectoryInput,
} from '@tnw/contracts';
import { testDataConverter, workflowBundlePath } from '@tnw/temporal';
import { existsSync } from 'node:fs';
import { committedHistories } from '../support/histories';
import { eventually, RecordingActivities } from '../support/recording-activities';
import { resultOnceClosed, skipTo, timeSkippingSuite } from '../support/time-skipping';
import { acceptUpdateInTimerTask } from './update-in-timer-task';

// The divergences are the verdicts here: the Core's own warning about each stays quiet.
if (!Runtime._instance) {
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }) } },
  });
}

const coordinator = { id: 'coord-17', role: 'coordinator' as const };

/** What the fault suite's stuck case failed with on every attempt after a worker kill (docs/reliability.md). */
const stuck = (eventId: number) =>
  new RegExp(
    `\\[TMPRL1100\\] Nondeterminism error: Update machine does not handle this event: HistoryEvent\\(id: ${eventId}, UpsertWorkflowSearchAttributes\\)`,
  );

/**
 * The nondeterminism found by the fault suite (issue 10): the first-contact timer fired while the
 * worker holding the case was dead, another worker ran the workflow's reaction to it while
 * answering a query, and the task that followed carried the timer and the coordinator's
 * `recordFirstContact`: the worker completed it with the timer's commands first and the acceptance
 * after (test/e2e/update-after-query-fragment.e2e.ts provokes it). Replayed, the SDK runs the
 * update first in that task (sdk-core orders updates before timers within an activation, and
 * rebuilds a replayed update from its UpdateAccepted event), so the replayed task starts with the
 * acceptance where the history starts with the timer's commands. The history is built here by
 * moving, in a real one, the update into the timer's task (update-in-timer-task.ts); the same
 * failure follows for histories of today's code, because the SDK writes the acceptance before any
 * workflow code of the activation runs. Today's code therefore refuses to accept an update in that
 * position (workflows/shared/update-order-guard.ts).
 */
describe("an update accepted in the same workflow task as the timer, after the timer's commands", () => {
  const suite = timeSkippingSuite();
  const recording = new RecordingActivities();

  it('replays as the stuck case did: the committed history of the first versions, rewritten so, diverges at its timer commands', async () => {
    if (!existsSync(workflowBundlePath())) throw new Error(`${workflowBundlePath()} is missing: run 'npm run build' first`);
    const { history } = committedHistories(TRAJECTORY_WORKFLOW).find((h) =>
      h.workflowId.endsWith('/first-contact-overdue-then-stopped.json'),
    )!;
    const options = { workflowBundle: { codePath: workflowBundlePath() }, dataConverter: testDataConverter() };
    await Worker.runReplayHistory(options, history as never, 'as recorded');

    const merged = acceptUpdateInTimerTask(history);
    await expect(Worker.runReplayHistory(options, merged.history, 'update in the timer task')).rejects.toThrow(
      stuck(merged.firstCommandEventId),
    );
    expect(merged.acceptedEventId).toBe(merged.firstCommandEventId + 2);
  });

  it("diverges the same way with today's code: no workflow code can replay that order", async () => {
    // Referred on Monday 2035-03-05: the first contact is due by 2035-04-05 and held late, on 2035-04-06.
    await skipTo(suite.env, '2035-03-05T09:00:00+01:00');
    const caseId = 'c0ffee00-0000-4000-8000-0000000000c1';
    const taskQueue = `update-order-${caseId}`;
    const worker = await Worker.create({
      connection: suite.env.nativeConnection,
      taskQueue,
      workflowBundle: suite.bundle,
      activities: recording.activities,
      dataConverter: testDataConverter(),
    });
    const history = await worker.runUntil(async () => {
      const input: TrajectoryInput = {
        caseId,
        personId: `person-${caseId}`,
        route: 'A',
        incapacityStartDate: '2034-12-03',
        referralDate: '2035-03-05',
      };
      const handle = await suite.client.workflow.start(TRAJECTORY_WORKFLOW, {
        workflowId: trajectoryWorkflowId(caseId),
        taskQueue,
        args: [input],
      });
      await skipTo(suite.env, '2035-04-06T10:00:00+02:00');
      await eventually(() => recording.latest()?.status === 'firstContactOverdue', 'the escalation');
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2035-04-06', actor: coordinator }] });
      await eventually(() => recording.latest()?.status === 'active', 'the active phase');
      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator }] });
      await resultOnceClosed(handle);
      return handle.fetchHistory();
    });
    const recorded = JSON.parse(historyToJSON(history));
    const options = { workflowBundle: suite.bundle, dataConverter: testDataConverter() };
    await Worker.runReplayHistory(options, recorded, 'as recorded');

    const merged = acceptUpdateInTimerTask(recorded);
    await expect(Worker.runReplayHistory(options, merged.history, 'update in the timer task')).rejects.toThrow(
      stuck(merged.firstCommandEventId),
    );
  });
});
