import { ApplicationFailure, condition, workflowInfo } from '@temporalio/workflow';
import { STEP_ARRIVED_MID_TASK } from '@tnw/contracts';

/**
 * Keeps human steps (updates) out of the one interleaving that replay cannot reproduce.
 *
 * Within one activation the SDK runs updates before timers and activity results, both when the
 * workflow runs and when it is replayed (sdk-core orders the jobs: signals and updates first).
 * But a worker can also hand the workflow an update in a later activation of the same workflow
 * task, after the workflow already reacted to the task's other events. On replay the SDK rebuilds
 * the update from its `UpdateAccepted` event and runs it first in that task, so the replayed
 * commands start with the acceptance and the history with the other commands: [TMPRL1100]
 * "Update machine does not handle this event", for every later attempt
 * (test/replay/update-order.test.ts). No workflow code can replay such a history.
 *
 * The fault suite found how a worker gets there (test/e2e/update-after-query-fragment.e2e.ts
 * provokes it): the worker holding the case is killed; a query sent before the timer fires waits
 * on that worker's sticky queue, then goes to another worker, which replays the history as it now
 * stands: the timer has fired but its workflow task has not started. The workflow reacts to the
 * timer there, in an activation that still carries the previous task's time. The update then
 * arrives with that task when it starts, and the worker completes the task with the reaction's
 * commands first and the acceptance after.
 *
 * What the workflow can do is never accept an update there. A condition that never holds is
 * evaluated by the SDK after every job of every activation; it remembers where the workflow last
 * handled something other than a signal or an update:
 * - in the current workflow task (same history length and task time): an update validated now
 *   arrived after that reaction;
 * - in a fragment of the next task (the history grew, the time did not: no task started since
 *   the previous one), with no activation of a later task seen since: the update arrived in the
 *   task that fragment belongs to.
 * Either way it is refused with STEP_ARRIVED_MID_TASK: nothing is recorded, the API sends it
 * again (apps/api/src/cases/case-steps.service.ts), and it then arrives at the head of a workflow
 * task of its own. Validators do not run on replay and the condition issues no command, so running
 * cases get the guard at once and every history replays as before; no patch marker is needed (one
 * would leave running cases without the guard).
 */
export interface UpdateOrderGuard {
  /** First thing in every update validator. */
  checkUpdate(): void;
  /** First thing in every signal handler: a signal is ordered with the updates, not after them. */
  signalHandled(): void;
}

/** Where the workflow is: the workflow task's history length and time (workflow time is the task's). */
interface Position {
  historyLength: number;
  time: number;
}

const samePosition = (a: Position | undefined, b: Position | undefined) =>
  a !== undefined && b !== undefined && a.historyLength === b.historyLength && a.time === b.time;

export function createUpdateOrderGuard(): UpdateOrderGuard {
  const here = (): Position => ({ historyLength: workflowInfo().historyLength, time: Date.now() });
  /** The last position the condition saw, and whether it is a fragment of a task not yet started. */
  let seen: Position | undefined;
  let fragment = false;
  let reaction: { at: Position; fragment: boolean } | undefined;
  let handlerJob = false;
  condition(() => {
    const now = here();
    if (!samePosition(now, seen)) {
      fragment = seen !== undefined && now.time === seen.time && now.historyLength > seen.historyLength;
      seen = now;
    }
    if (handlerJob) handlerJob = false;
    else reaction = { at: now, fragment };
    return false;
  }).catch(() => undefined);
  return {
    checkUpdate() {
      handlerJob = true;
      const sameTask = samePosition(reaction?.at, here());
      // No position with a later time seen since: this is the first activation of the fragment's task.
      const fragmentOfThisTask = reaction?.fragment === true && seen?.time === reaction.at.time;
      if (sameTask || fragmentOfThisTask) {
        throw ApplicationFailure.create({
          type: STEP_ARRIVED_MID_TASK,
          message: 'the step reached the case while it was handling other work; nothing was recorded, send it again',
        });
      }
    },
    signalHandled() {
      handlerJob = true;
    },
  };
}
