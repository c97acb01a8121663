import fc from 'fast-check';
import { InvalidDateError } from '../errors';
import {
  addDays,
  addPeriod,
  assertIsoDate,
  daysBetween,
  endOfWeek,
  formatPeriod,
  monthOf,
  subtractPeriod,
  weekdayOf,
  type Period,
} from './dates';

describe('addPeriod / subtractPeriod', () => {
  it.each<[string, Period, string]>([
    ['2025-01-31', { amount: 1, unit: 'months' }, '2025-02-28'], // clamped to the end of February
    ['2024-01-31', { amount: 1, unit: 'months' }, '2024-02-29'], // leap year
    ['2025-01-30', { amount: 1, unit: 'months' }, '2025-02-28'],
    ['2025-03-31', { amount: 1, unit: 'months' }, '2025-04-30'],
    ['2025-08-31', { amount: 6, unit: 'months' }, '2026-02-28'],
    ['2024-02-29', { amount: 1, unit: 'years' }, '2025-02-28'],
    ['2025-10-20', { amount: 1, unit: 'years' }, '2026-10-20'],
    ['2025-12-28', { amount: 2, unit: 'weeks' }, '2026-01-11'],
    ['2025-03-10', { amount: 49, unit: 'days' }, '2025-04-28'],
    ['2025-03-29', { amount: 1, unit: 'days' }, '2025-03-30'], // DST Sunday is an ordinary calendar day
    ['2025-10-25', { amount: 2, unit: 'days' }, '2025-10-27'],
  ])('%s + %j = %s', (date, period, expected) => {
    expect(addPeriod(date, period)).toBe(expected);
  });

  it.each<[string, Period, string]>([
    ['2025-03-31', { amount: 1, unit: 'months' }, '2025-02-28'],
    ['2024-03-31', { amount: 1, unit: 'months' }, '2024-02-29'],
    ['2026-01-11', { amount: 2, unit: 'weeks' }, '2025-12-28'],
  ])('%s - %j = %s', (date, period, expected) => {
    expect(subtractPeriod(date, period)).toBe(expected);
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '20250101', '2025-1-01', '', '2025-01-01T00:00:00Z']) {
      expect(() => addDays(bad, 1)).toThrow(InvalidDateError);
      expect(() => assertIsoDate(bad)).toThrow(InvalidDateError);
    }
  });
});

describe('week and month counting', () => {
  it.each([
    ['2025-10-20', 10, '2025-12-28'], // Monday start: week 10 ends on a Sunday
    ['2025-10-20', 1, '2025-10-26'],
    ['2025-10-23', 10, '2025-12-31'], // Thursday start: week 10 ends on a Wednesday
  ])('week %#: start %s, end of week %i is %s', (start, week, expected) => {
    expect(endOfWeek(start as string, week as number)).toBe(expected);
  });

  it.each([
    ['2025-10-20', 1, '2025-10-20', '2025-11-19'],
    ['2025-10-20', 4, '2026-01-20', '2026-02-19'],
    ['2025-10-20', 11, '2026-08-20', '2026-09-19'],
    ['2025-01-31', 2, '2025-02-28', '2025-03-30'],
  ])('month %#: start %s, month %i runs %s..%s', (start, month, first, last) => {
    expect(monthOf(start as string, month as number)).toEqual({ first, last });
  });

  it('knows weekdays and day differences', () => {
    expect(weekdayOf('2025-10-20')).toBe('mon');
    expect(weekdayOf('2025-11-01')).toBe('sat');
    expect(weekdayOf('2025-11-02')).toBe('sun');
    expect(daysBetween('2025-10-20', '2025-12-28')).toBe(69);
    expect(daysBetween('2025-03-01', '2025-04-01')).toBe(31); // across the March DST change
  });

  it('formats periods', () => {
    expect(formatPeriod({ amount: 1, unit: 'months' })).toBe('1 month');
    expect(formatPeriod({ amount: 49, unit: 'days' })).toBe('49 days');
  });
});

describe('properties', () => {
  const isoDate = fc
    .date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('adding then subtracting days or weeks returns the same date', () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: -4000, max: 4000 }),
        fc.constantFrom('days' as const, 'weeks' as const),
        (date, amount, unit) => {
          expect(subtractPeriod(addPeriod(date, { amount, unit }), { amount, unit })).toBe(date);
        },
      ),
    );
  });

  it('adding then subtracting months is stable up to day 28 and never goes past the start otherwise', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 240 }), (date, amount) => {
        const back = subtractPeriod(addPeriod(date, { amount, unit: 'months' }), { amount, unit: 'months' });
        if (Number(date.slice(8)) <= 28) expect(back).toBe(date);
        else expect(back <= date).toBe(true);
      }),
    );
  });

  it('adding months lands in the expected month, on the same day or the clamped end of month', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 240 }), (date, amount) => {
        const result = addPeriod(date, { amount, unit: 'months' });
        const monthIndex = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + amount;
        expect(Number(result.slice(0, 4))).toBe(Math.floor(monthIndex / 12));
        expect(Number(result.slice(5, 7))).toBe((monthIndex % 12) + 1);
        const day = Number(result.slice(8));
        expect(day === Number(date.slice(8)) || (day < Number(date.slice(8)) && addDays(result, 1).slice(8) === '01')).toBe(true);
      }),
    );
  });

  it('end of week N is 7N-1 days after the start and on the weekday before the start', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), (start, week) => {
        const end = endOfWeek(start, week);
        expect(daysBetween(start, end)).toBe(7 * week - 1);
        expect(weekdayOf(addDays(end, 1))).toBe(weekdayOf(start));
      }),
    );
  });
});
