import { condition, defineQuery, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

/**
 * The bare engine's baselines: workflows with the shape of the application's (the same starts,
 * timers and updates) and nothing of ours, so that a figure against them is the engine's cost.
 */

/** A workflow that does nothing, so a start costs only the engine's work. */
export async function emptyWorkflow(): Promise<void> {
  return;
}

export const bareStateQuery = defineQuery<string>('state');

/** Sleeps until an instant (ISO 8601), like a case parked on its deadline, then completes. */
export async function sleeperWorkflow(until: string): Promise<void> {
  let state = 'sleeping';
  setHandler(bareStateQuery, () => state);
  await sleep(Math.max(1, Date.parse(until) - Date.now()));
  state = 'done';
}

export const bareStepUpdate = defineUpdate<number, [string]>('step');

/**
 * A case's timeline without the case: one timer per instant of `instants`, and an update
 * (`step`) accepted whenever it comes, until `steps` updates have come and the last instant has
 * passed. The full-trajectory benchmark drives it through the same clock jumps and as many
 * steps as the real episode and trajectory; audit-replay records its histories (no instants,
 * five events per step) to compare with a case's.
 */
export async function bareTimelineWorkflow(instants: string[], steps: number): Promise<number> {
  let taken = 0;
  setHandler(bareStepUpdate, () => ++taken);
  for (const instant of instants) {
    const wait = Date.parse(instant) - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await condition(() => taken >= steps);
  return taken;
}
