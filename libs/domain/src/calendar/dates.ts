import { InvalidDateError } from '../errors';
import type { IsoDate } from '../types';

/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Dates carry no time, so the arithmetic
 * runs in UTC where every day has 24 hours; the Brussels zone only matters when a date is
 * turned into an instant (see brussels-time.ts).
 *
 * Plain UTC `Date` arithmetic rather than a date library: this module runs in every workflow
 * instance, and the SDK's sandbox evaluates each module again per instance (luxon was 18-19% of
 * the worker's workflow thread, docs/performance.md). The results are luxon's, day for day
 * (dates-vs-luxon.spec.ts).
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

const DAY_MS = 86_400_000;
// Looked up once: in a vm context, as the workflow sandbox is, every lookup of a global costs ~0.3 µs.
const { UTC } = Date;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

/**
 * Epoch milliseconds of 00:00 UTC on a day. `UTC` reads years 0-99 as 1900-1999, so those
 * are taken 400 years later: the same Gregorian calendar, 146,097 days on.
 */
function utcMidnight(year: number, month: number, day: number): number {
  return year >= 0 && year < 100 ? UTC(year + 400, month - 1, day) - 146_097 * DAY_MS : UTC(year, month - 1, day);
}

/** Year, month and day of a valid date; throws `InvalidDateError` otherwise. */
function partsOf(date: IsoDate): [year: number, month: number, day: number] {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) throw new InvalidDateError(date);
  const [year, month, day] = [+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new InvalidDateError(date);
  return [year, month, day];
}

function toUtcMillis(date: IsoDate): number {
  return utcMidnight(...partsOf(date));
}

/** The day as luxon wrote it, also `+010000-01-01` and `-000001-12-31` past years 0-9999. */
function fromUtcMillis(millis: number): IsoDate {
  return new Date(millis).toISOString().split('T')[0];
}

/** Legal periods are whole numbers of units; luxon's fractions (half a month = 15 days) mean nothing here. */
function wholeAmount(period: Period): number {
  if (!Number.isInteger(period.amount)) throw new RangeError(`Not a whole number of ${period.unit}: ${period.amount}`);
  return period.amount;
}

/** Months added, the day clamped to the end of a shorter month, as luxon does. */
function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = partsOf(date);
  const index = year * 12 + month - 1 + months;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  return fromUtcMillis(utcMidnight(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth))));
}

/** Returns the date unchanged, or throws `InvalidDateError` (e.g. for `2025-02-30`). */
export function assertIsoDate(date: IsoDate): IsoDate {
  toUtcMillis(date);
  return date;
}

/**
 * Adds a period. Month and year arithmetic clamps to the end of a shorter month
 * (as luxon did): 2025-01-31 + 1 month = 2025-02-28, 2024-01-31 + 1 month = 2024-02-29.
 * Throws `InvalidDateError` for an invalid date, `RangeError` for an amount that is not a whole number.
 */
export function addPeriod(date: IsoDate, period: Period): IsoDate {
  const start = toUtcMillis(date);
  const amount = wholeAmount(period);
  switch (period.unit) {
    case 'days':
      return fromUtcMillis(start + amount * DAY_MS);
    case 'weeks':
      return fromUtcMillis(start + amount * 7 * DAY_MS);
    case 'months':
      return addMonths(date, amount);
    case 'years':
      return addMonths(date, amount * 12);
    default:
      throw new RangeError(`Not a period unit: ${String(period.unit)}`);
  }
}

/** Subtracts a period, clamping like `addPeriod`: 2025-03-31 - 1 month = 2025-02-28. */
export function subtractPeriod(date: IsoDate, period: Period): IsoDate {
  return addPeriod(date, { amount: -period.amount, unit: period.unit });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return addPeriod(date, { amount: days, unit: 'days' });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (toUtcMillis(to) - toUtcMillis(from)) / DAY_MS;
}

export function weekdayOf(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday, WEEKDAYS[3].
  const days = toUtcMillis(date) / DAY_MS + 3;
  return WEEKDAYS[((days % 7) + 7) % 7];
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
