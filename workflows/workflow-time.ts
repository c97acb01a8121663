import { brusselsDateOf, toEpochMillis } from '@tnw/domain';

/** The Belgian calendar day of the workflow's (deterministic) time. */
export function today(): string {
  return brusselsDateOf(new Date().toISOString());
}

/** Milliseconds of workflow time until an instant; a deadline already past gives a timer of zero. */
export function millisecondsUntil(instant: string): number {
  return Math.max(0, toEpochMillis(instant) - Date.now());
}
