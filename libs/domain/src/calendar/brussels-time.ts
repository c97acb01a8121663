import { DateTime } from 'luxon';
import { assertIsoDate } from './dates';
import type { Instant, IsoDate } from '../types';

/** All legal days in this domain are days in Belgium. */
export const BRUSSELS_ZONE = 'Europe/Brussels';

/**
 * 00:00 in Brussels on `date`, with its offset: +01:00 in winter, +02:00 in summer.
 * Midnight always exists there (the clocks change at 02:00/03:00 on the last Sunday of
 * March and October), so the day still starts at 00:00 on those Sundays.
 */
export function startOfDayInBrussels(date: IsoDate): Instant {
  assertIsoDate(date);
  return DateTime.fromISO(date, { zone: BRUSSELS_ZONE }).toISO() as Instant;
}

/** Epoch milliseconds of an instant, for workflow timers (`sleep(toEpochMillis(x) - Date.now())`). */
export function toEpochMillis(instant: Instant): number {
  const parsed = DateTime.fromISO(instant, { setZone: true });
  if (!parsed.isValid) throw new RangeError(`Not an ISO instant: ${instant}`);
  return parsed.toMillis();
}

/** The Brussels calendar day an instant falls on (a UTC timestamp at 23:30 may be the next day). */
export function brusselsDateOf(instant: Instant): IsoDate {
  const parsed = DateTime.fromISO(instant, { setZone: true });
  if (!parsed.isValid) throw new RangeError(`Not an ISO instant: ${instant}`);
  return parsed.setZone(BRUSSELS_ZONE).toISODate() as IsoDate;
}
