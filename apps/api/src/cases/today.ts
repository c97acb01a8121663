import { brusselsDateOf } from '@tnw/domain';

/** The calendar day in Belgium right now; the only place the API reads the clock for rules. */
export function todayInBrussels(now: Date = new Date()): string {
  return brusselsDateOf(now.toISOString());
}
