import { STEP_ROLES, type HumanStep, type HumanStepName } from '@tnw/contracts';
import { assertIsoDate, brusselsDateOf } from '@tnw/domain';

/**
 * Checks shared by the validators of human steps. Each throws with a reason the API passes on;
 * a validator that throws rejects the update before it enters history.
 */

export function checkActorMayTake(step: HumanStepName, { actor }: HumanStep): void {
  const allowed: readonly string[] = STEP_ROLES[step];
  if (!allowed.includes(actor.role)) {
    throw new Error(`${step} is taken by ${allowed.join(' or ')}, not by ${actor.role}`);
  }
}

/** A day that has happened (Belgian calendar) and, when given, is not before `notBefore`. */
export function checkPastDay(field: string, day: string, now: Date, notBefore?: { field: string; day: string }): void {
  assertIsoDate(day);
  if (notBefore && day < notBefore.day) {
    throw new Error(`${field} ${day} is before the ${notBefore.field} ${notBefore.day}`);
  }
  if (day > brusselsDateOf(now.toISOString())) throw new Error(`${field} ${day} is in the future`);
}
