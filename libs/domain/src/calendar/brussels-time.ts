import { assertIsoDate, daysBetween } from './dates';
import type { Instant, IsoDate } from '../types';

/** All legal days in this domain are days in Belgium. */
export const BRUSSELS_ZONE = 'Europe/Brussels';

/*
 * Brussels' offset is written out here from the EU summer-time rule rather than asked from
 * Intl's time-zone data (or luxon, which asks Intl):
 * - Workflow code must give the same instants when a history is replayed. Intl reads the tzdata
 *   built into Node; a tzdata update in a new Node version must not move a timer of a running
 *   case. This rule changes only by an EU decision, i.e. by a deliberate change of this code
 *   (patched in the workflows, so that running cases keep their instants).
 * - The SDK's sandbox evaluates the modules again for every workflow instance, so a date
 *   library's set-up and its Intl.DateTimeFormat caches were paid per instance
 *   (docs/performance.md: luxon was 18-19% of the workflow thread).
 *
 * The rule: summer time (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
 * last Sunday of October, in force since 1996; from 1981 to 1995 it ended on the last Sunday
 * of September. Before 1981 Brussels is taken as UTC+1 all year: right for 1947-1976, not for
 * the summers of 1977-1980 and earlier, which no date of the domain reaches (its rulebook
 * starts on 1994-07-14). Checked against luxon/tzdata for 1981-2100: dates-vs-luxon.spec.ts.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
// Looked up once: in a vm context, as the workflow sandbox is, every lookup of a global costs ~0.3 µs.
const { UTC } = Date;

/** Epoch milliseconds of 00:00 UTC on a date; throws `InvalidDateError` for an invalid one. */
function utcMidnight(date: IsoDate): number {
  return daysBetween('1970-01-01', date) * DAY_MS;
}

/** 01:00 UTC on the last Sunday of a month (1-12): when the clocks change. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = UTC(year, month, 0); // day 0 of the next month
  const weekday = (lastDay / DAY_MS + 4) % 7; // 0 is Sunday; 1970-01-01 was a Thursday
  return lastDay - weekday * DAY_MS + HOUR_MS;
}

/** Brussels' offset from UTC at an instant, in hours: 2 in summer time, 1 otherwise. */
function brusselsOffsetHours(millis: number): 1 | 2 {
  const year = new Date(millis).getUTCFullYear();
  if (year < 1981) return 1;
  const summerEnds = lastSundayAt1Utc(year, year < 1996 ? 9 : 10);
  return millis >= lastSundayAt1Utc(year, 3) && millis < summerEnds ? 2 : 1;
}

/**
 * 00:00 in Brussels on `date`, with its offset: +01:00 in winter, +02:00 in summer.
 * Midnight always exists there (the clocks change at 02:00/03:00 on the last Sunday of
 * March and October), so the day still starts at 00:00 on those Sundays.
 */
export function startOfDayInBrussels(date: IsoDate): Instant {
  // Midnight there is 22:00 UTC the day before in summer time, 23:00 in winter; the clocks never
  // change between 22:00 and 23:00 UTC, so the offset at 22:00 UTC is the one of midnight.
  const offset = brusselsOffsetHours(utcMidnight(date) - 2 * HOUR_MS);
  return `${date}T00:00:00.000+0${offset}:00`;
}

/**
 * ISO 8601 with a time and an explicit offset, as `Date#toISOString`, luxon and
 * `startOfDayInBrussels` write instants: `2025-12-27T23:00:00Z`, `2025-12-28T00:00:00.000+01:00`.
 */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:Z|([+-])(\d{2})(?::?(\d{2}))?)$/i;

/**
 * Epoch milliseconds of an instant. Parsed here rather than by `Date.parse`, which accepts
 * impossible days (2025-02-30 becomes 2 March) and leaves other formats to the engine. An
 * instant without an offset is refused: luxon read it in the process's time zone, which is not
 * the same on every worker, and no caller writes one.
 */
function parseInstant(instant: Instant): number {
  const match = typeof instant === 'string' ? INSTANT.exec(instant) : null;
  if (match) {
    const [, date, hour, minute, second = '0', fraction = '', sign = '+', offsetHours = '0', offsetMinutes = '0'] = match;
    const [h, m, s, oh, om] = [+hour, +minute, +second, +offsetHours, +offsetMinutes];
    if (h <= 23 && m <= 59 && s <= 59 && oh <= 23 && om <= 59 && isDate(date)) {
      const millis = +fraction.padEnd(3, '0').slice(0, 3); // truncated to milliseconds, as luxon did
      const offset = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
      return utcMidnight(date) + ((h * 60 + m) * 60 + s) * 1000 + millis - offset;
    }
  }
  throw new RangeError(`Not an ISO instant with an offset: ${instant}`);
}

function isDate(date: string): boolean {
  try {
    return assertIsoDate(date) === date;
  } catch {
    return false;
  }
}

/** Epoch milliseconds of an instant, for workflow timers (`sleep(toEpochMillis(x) - Date.now())`). */
export function toEpochMillis(instant: Instant): number {
  return parseInstant(instant);
}

/** The Brussels calendar day an instant falls on (a UTC timestamp at 23:30 may be the next day). */
export function brusselsDateOf(instant: Instant): IsoDate {
  const millis = parseInstant(instant);
  return new Date(millis + brusselsOffsetHours(millis) * HOUR_MS).toISOString().split('T')[0];
}
