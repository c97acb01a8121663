import { DateTime } from 'luxon';
import { InvalidDateError } from '../errors';
import type { IsoDate } from '../types';

/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Dates carry no time, so the arithmetic
 * runs in UTC where every day has 24 hours; the Brussels zone only matters when a date is
 * turned into an instant (see brussels-time.ts).
 */

export type PeriodUnit = 'days' | 'weeks' | 'months' | 'years';

/** A legal duration in one unit, as the texts state it ("49 days", "6 months"). */
export interface Period {
  amount: number;
  unit: PeriodUnit;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDateTime(date: IsoDate): DateTime {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) throw new InvalidDateError(date);
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid) throw new InvalidDateError(date);
  return parsed;
}

function fromDateTime(value: DateTime): IsoDate {
  return value.toISODate() as IsoDate;
}

/** Returns the date unchanged, or throws `InvalidDateError` (e.g. for `2025-02-30`). */
export function assertIsoDate(date: IsoDate): IsoDate {
  toDateTime(date);
  return date;
}

/**
 * Adds a period. Month and year arithmetic clamps to the end of a shorter month
 * (Luxon): 2025-01-31 + 1 month = 2025-02-28, 2024-01-31 + 1 month = 2024-02-29.
 */
export function addPeriod(date: IsoDate, period: Period): IsoDate {
  return fromDateTime(toDateTime(date).plus({ [period.unit]: period.amount }));
}

/** Subtracts a period, clamping like `addPeriod`: 2025-03-31 - 1 month = 2025-02-28. */
export function subtractPeriod(date: IsoDate, period: Period): IsoDate {
  return fromDateTime(toDateTime(date).minus({ [period.unit]: period.amount }));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return addPeriod(date, { amount: days, unit: 'days' });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDateTime(to).diff(toDateTime(from), 'days').days;
}

export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAYS[toDateTime(date).weekday - 1];
}

/**
 * Last day of week `week` counted from `start`: week 1 is `start` and the 6 days after it,
 * so week 10 of an incapacity starting on a Monday ends on the Sunday 69 days later.
 */
export function endOfWeek(start: IsoDate, week: number): IsoDate {
  return addDays(start, 7 * week - 1);
}

/**
 * First and last day of month `month` counted from `start`: month 1 runs from `start` to the
 * day before `start + 1 month`. Month starts clamp like `addPeriod`.
 */
export function monthOf(start: IsoDate, month: number): { first: IsoDate; last: IsoDate } {
  return {
    first: addPeriod(start, { amount: month - 1, unit: 'months' }),
    last: addDays(addPeriod(start, { amount: month, unit: 'months' }), -1),
  };
}

export function formatPeriod(period: Period): string {
  const unit = period.amount === 1 ? period.unit.slice(0, -1) : period.unit;
  return `${period.amount} ${unit}`;
}
