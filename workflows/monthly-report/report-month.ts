import { brusselsDateOf, subtractPeriod } from '@tnw/domain';

/**
 * The month a run started at `instant` reports on: the calendar month before it, in Brussels.
 * The Schedule's run at 02:00 on the 1st reports the month that has just ended; in UTC that
 * instant can still be the last day of the month before.
 */
export function previousMonthOf(instant: string): string {
  const firstOfMonth = `${brusselsDateOf(instant).slice(0, 7)}-01`;
  return subtractPeriod(firstOfMonth, { amount: 1, unit: 'months' }).slice(0, 7);
}
