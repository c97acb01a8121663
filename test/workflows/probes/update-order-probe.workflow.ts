import { condition, defineQuery, defineUpdate, setHandler, sleep } from '@temporalio/workflow';
import { createUpdateOrderGuard } from '../../../workflows/shared/update-order-guard';

export const probeUpdate = defineUpdate<string[], [string]>('probe');

/**
 * A workflow for test/workflows/update-order-guard.test.ts only: it registers its update
 * handler after reacting to its timer, so that an update delivered in the timer's workflow task
 * is validated after the workflow already reacted to other work of that task, the position the
 * guard must refuse (the production workflows reach it when a worker hands them an update in a
 * later activation of the task: deadlineProbe below and test/e2e/update-after-query-fragment.e2e.ts
 * provoke that). `guarded = false` is the control: the same update is then accepted in that position.
 */
export async function updateOrderProbe(guarded = true): Promise<string[]> {
  const guard = createUpdateOrderGuard();
  const accepted: string[] = [];
  await sleep('1 hour');
  // The reaction to the timer: a command of this task.
  void sleep('1 day');
  setHandler(
    probeUpdate,
    (value: string): string[] => {
      accepted.push(value);
      return accepted;
    },
    { validator: (_value: string): void => (guarded ? guard.checkUpdate() : undefined) },
  );
  await condition(() => accepted.length > 0);
  return accepted;
}

export const probeHeldQuery = defineQuery<string[]>('probeHeld');

/**
 * A workflow for test/e2e/update-after-query-fragment.e2e.ts only, shaped like the trajectory's
 * wait for the first contact: a deadline 2 s away, a reaction to it (a command), then the step.
 * Its update handler is registered from the start, as the production workflows' are.
 */
export async function deadlineProbe(guarded = true): Promise<string[]> {
  const guard = createUpdateOrderGuard();
  const held: string[] = [];
  setHandler(
    probeUpdate,
    (value: string): string[] => {
      held.push(value);
      return held;
    },
    { validator: (_value: string): void => (guarded ? guard.checkUpdate() : undefined) },
  );
  setHandler(probeHeldQuery, () => held);
  if (!(await condition(() => held.length > 0, '2 seconds'))) {
    // The reaction to the deadline: a command.
    void sleep('1 day');
    await condition(() => held.length > 0);
  }
  return held;
}

/** A workflow for test/e2e/step-unavailable.e2e.ts only: a bug fails each of its workflow tasks, as a nondeterminism error does. */
export async function failingProbe(): Promise<void> {
  setHandler(probeUpdate, (value: string): string[] => [value]);
  throw new TypeError('a bug in the workflow');
}
