import { ApplicationFailure, condition, workflowInfo } from '@temporalio/workflow';
import { STEP_ARRIVED_MID_TASK } from '@tnw/contracts';

/**
 * Keeps human steps (updates) out of the one interleaving that replay cannot reproduce.
 *
 * Within one activation the SDK runs updates before timers and activity results, both when the
 * workflow runs and when it is replayed (sdk-core orders the jobs: signals and updates first).
 * But a worker can also be handed an update in a later activation of the same workflow task,
 * after the workflow already reacted to the task's other events: the fault suite recorded that
 * history (first-contact timer fired, projection and search attributes written, then the update
 * accepted, all in one task). On replay the SDK rebuilds the update from its `UpdateAccepted`
 * event and runs it first in that task, so the replayed commands start with the acceptance and
 * the history with the timer's commands: [TMPRL1100] "Update machine does not handle this event",
 * for every later attempt. No workflow code can replay such a history: the SDK emits the
 * acceptance before any workflow code of the activation runs (test/replay/update-order.test.ts).
 *
 * What the workflow can do is never accept an update there. A condition that never holds is
 * evaluated by the SDK after every job of every activation; it remembers the last workflow task
 * (history length and task time) in which the workflow handled something other than a signal or
 * an update. An update whose validator runs in that same task arrived after the workflow had
 * already reacted to other work of the task, and is refused with STEP_ARRIVED_MID_TASK: nothing
 * is recorded, the API sends it again (apps/api/src/cases/case-steps.service.ts), and it then
 * arrives at the head of a workflow task of its own. Validators do not run on replay and the
 * condition issues no command, so running cases get the guard at once and every history replays
 * as before; no patch marker is needed (one would leave running cases without the guard).
 */
export interface UpdateOrderGuard {
  /** First thing in every update validator. */
  checkUpdate(): void;
  /** First thing in every signal handler: a signal is ordered with the updates, not after them. */
  signalHandled(): void;
}

export function createUpdateOrderGuard(): UpdateOrderGuard {
  let lastReactionIn: string | undefined;
  let handlerJob = false;
  const currentTask = () => `${workflowInfo().historyLength}@${Date.now()}`;
  condition(() => {
    if (handlerJob) handlerJob = false;
    else lastReactionIn = currentTask();
    return false;
  }).catch(() => undefined);
  return {
    checkUpdate() {
      handlerJob = true;
      if (lastReactionIn === currentTask()) {
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
