import type { FirstContactDecision, TrajectoryInput, TrajectoryState } from '@tnw/contracts';
import { assertIsoDate, brusselsDateOf } from '@tnw/domain';

/**
 * Refuses a first-contact decision that arrives in the wrong state or with an impossible
 * date. Throwing here rejects the update before it enters history: the caller gets the
 * reason, and the workflow is untouched.
 */
export function refuseFirstContact(
  state: TrajectoryState,
  input: TrajectoryInput,
  decision: FirstContactDecision,
  now: Date,
): void {
  if (state.status !== 'awaitingFirstContact' && state.status !== 'firstContactOverdue') {
    throw new Error(`a first contact cannot be recorded while the trajectory is ${state.status}`);
  }
  assertIsoDate(decision.heldOn);
  if (decision.heldOn < input.referralDate) {
    throw new Error(`heldOn ${decision.heldOn} is before the referral date ${input.referralDate}`);
  }
  if (decision.heldOn > brusselsDateOf(now.toISOString())) {
    throw new Error(`heldOn ${decision.heldOn} is in the future`);
  }
}
