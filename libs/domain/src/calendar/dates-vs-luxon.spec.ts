import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { InvalidDateError } from '../errors';
import { BRUSSELS_ZONE, brusselsDateOf, startOfDayInBrussels, toEpochMillis } from './brussels-time';
import { addPeriod, assertIsoDate, daysBetween, subtractPeriod, weekdayOf, type Period, type PeriodUnit } from './dates';

/**
 * dates.ts and brussels-time.ts used luxon until its cost in the workflow sandbox had them
 * rewritten as UTC arithmetic (docs/performance.md). A running case must not see a date or a
 * timer move, so the new functions are compared with luxon for every day from 2000 to 2100
 * (Brussels' offset from 1981, when the rule written out in brussels-time.ts starts).
 *
 * Luxon costs 10-40 µs a call, too slow to call for every instant of every day. So:
 * - Brussels' offset: luxon is asked once a week, and to the millisecond where its answer
 *   changes; every instant of the sweep is then checked against that list of luxon's changes.
 * - Calendar arithmetic: luxon's DateTime, every day for weekdays and day differences; periods
 *   sampled (see there).
 * - The old functions, exactly as they were (`old` below), on the clock-change days and samples.
 * Mismatches are collected and compared with [] once, rather than asserted one by one.
 */

const old = {
  parse(date: string): DateTime {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new InvalidDateError(date);
    const parsed = DateTime.fromISO(date, { zone: 'utc' });
    if (!parsed.isValid) throw new InvalidDateError(date);
    return parsed;
  },
  addPeriod: (date: string, period: Period) =>
    old
      .parse(date)
      .plus({ [period.unit]: period.amount })
      .toISODate(),
  subtractPeriod: (date: string, period: Period) =>
    old
      .parse(date)
      .minus({ [period.unit]: period.amount })
      .toISODate(),
  daysBetween: (from: string, to: string) => old.parse(to).diff(old.parse(from), 'days').days,
  weekdayOf: (date: string) => ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][old.parse(date).weekday - 1],
  startOfDayInBrussels: (date: string) => (old.parse(date), DateTime.fromISO(date, { zone: BRUSSELS_ZONE }).toISO()),
  instant(instant: string): DateTime {
    const parsed = DateTime.fromISO(instant, { setZone: true });
    if (!parsed.isValid) throw new RangeError(`Not an ISO instant: ${instant}`);
    return parsed;
  },
  toEpochMillis: (instant: string) => old.instant(instant).toMillis(),
  brusselsDateOf: (instant: string) => old.instant(instant).setZone(BRUSSELS_ZONE).toISODate(),
};

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const isoDay = (millis: number) => new Date(millis).toISOString().slice(0, 10);

function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let millis = Date.parse(from); millis <= Date.parse(to); millis += DAY_MS) days.push(isoDay(millis));
  return days;
}

type Mismatch<T> = { input: T; ours: unknown; luxon: unknown };

/** The first few inputs on which `ours` and `theirs` answer differently (a throw answers its error's name). */
function mismatches<T>(inputs: Iterable<T>, ours: (input: T) => unknown, theirs: (input: T) => unknown): Array<Mismatch<T>> {
  const outcome = (f: (input: T) => unknown, input: T) => {
    try {
      return f(input);
    } catch (error) {
      return `throws ${(error as Error).name}`;
    }
  };
  const found: Array<Mismatch<T>> = [];
  for (const input of inputs) {
    const [a, b] = [outcome(ours, input), outcome(theirs, input)];
    if (!Object.is(a, b) && found.push({ input, ours: a, luxon: b }) >= 5) break;
  }
  return found;
}

/** addPeriod and subtractPeriod against the old luxon functions, both directions. */
function periodMismatchesWithOld(cases: Array<{ date: string; period: Period }>) {
  return [
    ...mismatches(
      cases,
      (c) => addPeriod(c.date, c.period),
      (c) => old.addPeriod(c.date, c.period),
    ),
    ...mismatches(
      cases,
      (c) => subtractPeriod(c.date, c.period),
      (c) => old.subtractPeriod(c.date, c.period),
    ),
  ];
}

const DAYS = everyDay('2000-01-01', '2100-12-31');
const BRUSSELS_DAYS = everyDay('1981-01-01', '2100-12-31');

/** Luxon's Brussels offset (minutes) before the first change, and each change to the millisecond. */
function luxonOffsetChanges(from: string, to: string): { initial: number; changes: Array<{ at: number; offset: number }> } {
  const brussels = IANAZone.create(BRUSSELS_ZONE);
  const initial = brussels.offset(Date.parse(from));
  const changes: Array<{ at: number; offset: number }> = [];
  let [before, beforeAt] = [initial, Date.parse(from)];
  // The clocks change at most once a week (in fact twice a year), so a weekly look finds every change.
  for (let at = Date.parse(`${from}T12:00:00Z`); at <= Date.parse(`${to}T12:00:00Z`) + 7 * DAY_MS; at += 7 * DAY_MS) {
    const offset = brussels.offset(at);
    if (offset !== before) {
      let [low, high] = [beforeAt, at];
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (brussels.offset(middle) === before) low = middle;
        else high = middle;
      }
      changes.push({ at: high, offset });
    }
    [before, beforeAt] = [offset, at];
  }
  return { initial, changes };
}

const LUXON = luxonOffsetChanges('1981-01-01', '2100-12-31');

/** Luxon's Brussels offset in minutes at an instant, from the changes found above. */
function luxonOffsetAt(millis: number): number {
  let [low, high] = [0, LUXON.changes.length]; // the first change after `millis` is in [low, high]
  while (low < high) {
    const middle = (low + high) >> 1;
    if (LUXON.changes[middle].at <= millis) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? LUXON.initial : LUXON.changes[low - 1].offset;
}

/** What luxon gives for the start of a Brussels day: the offset whose midnight has that offset. */
function luxonStartOfDay(date: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const offsets = [60, 120].filter((offset) => luxonOffsetAt(midnightUtc - offset * MINUTE_MS) === offset);
  if (offsets.length !== 1) throw new Error(`midnight of ${date} is ambiguous for luxon: ${offsets.join()}`);
  return `${date}T00:00:00.000+0${offsets[0] / 60}:00`;
}

describe('the UTC arithmetic gives what luxon gave', () => {
  it('sweeps 36,890 days, and luxon changes the Brussels clocks twice a year at 01:00 UTC', () => {
    expect([DAYS.length, DAYS[0], DAYS.at(-1)]).toEqual([36_890, '2000-01-01', '2100-12-31']);
    expect(LUXON.initial).toBe(60);
    expect(LUXON.changes).toHaveLength(2 * 120);
    expect(LUXON.changes.filter((change) => !new Date(change.at).toISOString().endsWith('T01:00:00.000Z'))).toEqual([]);
  });

  it('startOfDayInBrussels and toEpochMillis of it, every day 1981-2100', () => {
    expect(mismatches(BRUSSELS_DAYS, startOfDayInBrussels, luxonStartOfDay)).toEqual([]);
    expect(
      mismatches(
        BRUSSELS_DAYS,
        (day) => toEpochMillis(startOfDayInBrussels(day)),
        (day) => Date.parse(luxonStartOfDay(day)),
      ),
    ).toEqual([]);
  });

  it('brusselsDateOf at 21:59:59.999, 22:00, 22:59:59.999, 23:00 and 23:30 UTC every day 2000-2100, and around 01:00 UTC on the clock-change days 1981-2100', () => {
    const times = ['21:59:59.999', '22:00:00.000', '22:59:59.999', '23:00:00.000', '23:30:00.000'];
    const luxonDateOf = (instant: string, millis = Date.parse(instant)) => isoDay(millis + luxonOffsetAt(millis) * MINUTE_MS);
    // These instants are on the day itself or the next: luxon's answer without formatting a date each time.
    const cases = DAYS.slice(0, -1).flatMap((day, i) => {
      const [next, nextMidnight] = [DAYS[i + 1], Date.parse(`${DAYS[i + 1]}T00:00:00Z`)];
      return times.map((time) => ({ instant: `${day}T${time}Z`, day, next, nextMidnight }));
    });
    const ours = (c: (typeof cases)[number]) => brusselsDateOf(c.instant);
    const theirs = (c: (typeof cases)[number], millis = Date.parse(c.instant)) =>
      millis + luxonOffsetAt(millis) * MINUTE_MS >= c.nextMidnight ? c.next : c.day;
    expect(cases).toHaveLength(5 * 36_889);
    expect(mismatches(cases, ours, theirs)).toEqual([]);
    const changeHours = LUXON.changes.flatMap((change) =>
      [-3_600_001, -1, 0, 1_800_000, 3_600_000].map((delta) => new Date(change.at + delta).toISOString()),
    );
    expect(mismatches(changeHours, brusselsDateOf, luxonDateOf)).toEqual([]);
    expect(mismatches(changeHours, toEpochMillis, Date.parse)).toEqual([]);
    // With an offset, as startOfDayInBrussels writes them: the day itself.
    expect(
      mismatches(
        BRUSSELS_DAYS,
        (day) => brusselsDateOf(startOfDayInBrussels(day)),
        (day) => day,
      ),
    ).toEqual([]);
  });

  it('weekdayOf and daysBetween, every day 2000-2100', () => {
    // Day i of the sweep as luxon counts it: i days of 24 hours after 2000-01-01 in UTC.
    const luxonDay = (i: number) => DateTime.fromMillis(Date.UTC(2000, 0, 1) + i * DAY_MS, { zone: FixedOffsetZone.utcInstance });
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    const ours = (i: number) =>
      `${DAYS[i]} ${weekdayOf(DAYS[i])} ${daysBetween(DAYS[0], DAYS[i])} ${daysBetween(DAYS[i], DAYS[0])}`;
    const theirs = (i: number, day = luxonDay(i)) => `${day.toISODate()} ${weekdays[day.weekday - 1]} ${i} ${-i}`;
    expect(mismatches(DAYS.keys(), ours, theirs)).toEqual([]);
    expect(daysBetween(DAYS[0], DAYS[0])).toBe(0); // not -0
  });

  it('addPeriod and subtractPeriod by 1, 6, 12, -1 days, weeks, months and years: month ends 2000-2003 and 2097-2100, every 97th day 2000-2100', () => {
    // Months and years clamp on days 29-31; month lengths repeat every 4 years from 1901 to 2099,
    // so one cycle and the century's end (2100 is not a leap year) cover every case of clamping.
    const utc = FixedOffsetZone.utcInstance;
    const periodsIn = (units: readonly PeriodUnit[]): Period[] =>
      units.flatMap((unit) => [1, 6, 12, -1].map((amount) => ({ amount, unit })));
    const cases = DAYS.flatMap((date, i) => {
      const monthEnd = (date < '2004' || date >= '2097') && (date.endsWith('-01') || Number(date.slice(8)) >= 28);
      const periods =
        i % 97 === 0 ? periodsIn(['days', 'weeks', 'months', 'years']) : monthEnd ? periodsIn(['months', 'years']) : [];
      if (!periods.length) return [];
      const luxonDate = DateTime.fromObject(
        { year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8) },
        { zone: utc },
      );
      return periods.map((period) => ({ date, luxonDate, period }));
    });
    expect(cases.length).toBeGreaterThan(9_000);
    expect(
      mismatches(
        cases,
        (c) => addPeriod(c.date, c.period),
        (c) => c.luxonDate.plus({ [c.period.unit]: c.period.amount }).toISODate(),
      ),
    ).toEqual([]);
    expect(
      mismatches(
        cases,
        (c) => subtractPeriod(c.date, c.period),
        (c) => c.luxonDate.minus({ [c.period.unit]: c.period.amount }).toISODate(),
      ),
    ).toEqual([]);
  });

  it('matches the old luxon functions themselves on the clock-change days and a sample of days', () => {
    const changeDays = LUXON.changes.flatMap((change) => [0, 1].map((days) => isoDay(change.at + days * DAY_MS)));
    const instants = changeDays.flatMap((day) =>
      ['00:59:59.999Z', '01:00:00.000Z', '22:00:00.000Z', '23:00:00.000Z'].map((time) => `${day}T${time}`),
    );
    expect(mismatches(changeDays, startOfDayInBrussels, old.startOfDayInBrussels)).toEqual([]);
    expect(mismatches(instants, brusselsDateOf, old.brusselsDateOf)).toEqual([]);
    expect(mismatches(instants, toEpochMillis, old.toEpochMillis)).toEqual([]);

    const sample = DAYS.filter((_, i) => i % 401 === 0);
    const periods: Period[] = (['days', 'weeks', 'months', 'years'] as const).flatMap((unit) =>
      [1, 6, 12, -1].map((amount) => ({ amount, unit })),
    );
    const cases = sample.flatMap((date) => periods.map((period) => ({ date, period })));
    expect(periodMismatchesWithOld(cases)).toEqual([]);
    expect(mismatches(sample, weekdayOf, old.weekdayOf)).toEqual([]);
    expect(
      mismatches(
        sample,
        (date) => daysBetween('2025-10-20', date),
        (date) => old.daysBetween('2025-10-20', date),
      ),
    ).toEqual([]);
  });

  it('matches the old functions with larger and zero amounts, and at the edges of years 0-9999', () => {
    const cases = [
      ...[0, 49, 63, 365, 4000, -4000].flatMap((amount) =>
        (['days', 'weeks', 'months', 'years'] as const).flatMap((unit) =>
          ['2024-02-29', '2025-01-31', '2025-10-26'].map((date) => ({ date, period: { amount, unit } })),
        ),
      ),
      { date: '9999-12-31', period: { amount: 1, unit: 'days' as const } },
      { date: '0000-01-01', period: { amount: -1, unit: 'days' as const } },
      { date: '0099-12-31', period: { amount: 1, unit: 'days' as const } },
      { date: '0000-02-29', period: { amount: 1, unit: 'years' as const } },
      { date: '0004-01-31', period: { amount: 1, unit: 'months' as const } },
    ];
    expect(periodMismatchesWithOld(cases)).toEqual([]);
  });

  it('refuses the dates luxon refused, and accepts the ones it accepted', () => {
    const dates = [
      '2025-02-30',
      '2025-13-01',
      '2025-1-1',
      '',
      '2025-00-10',
      '2025-04-31',
      '2100-02-29',
      '1900-02-29',
      '2000-02-29',
      '0000-02-29',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
    ];
    expect(mismatches(dates, assertIsoDate, (date) => old.parse(date).toISODate())).toEqual([]);
    expect(
      mismatches(
        dates,
        (date) => addPeriod(date, { amount: 1, unit: 'months' }),
        (date) => old.addPeriod(date, { amount: 1, unit: 'months' }),
      ),
    ).toEqual([]);
    expect(mismatches(dates, weekdayOf, old.weekdayOf)).toEqual([
      // Luxon's error: it takes years 0-99 through 1900-1999, and 1900 has no 29 February (2000-02-29 was a Tuesday too).
      { input: '0000-02-29', ours: 'tue', luxon: 'wed' },
    ]);
    expect(mismatches(dates, startOfDayInBrussels, old.startOfDayInBrussels)).toEqual([
      // Deliberate difference: luxon gave year 0 Brussels' local mean time; the rule here starts in 1981.
      { input: '0000-02-29', ours: '0000-02-29T00:00:00.000+01:00', luxon: '0000-02-29T00:00:00.000+00:17' },
    ]);
    const refused = dates.filter(
      (date) => mismatches([date], assertIsoDate, () => `throws ${InvalidDateError.name}`).length === 0,
    );
    expect(refused).toEqual([
      '2025-02-30',
      '2025-13-01',
      '2025-1-1',
      '',
      '2025-00-10',
      '2025-04-31',
      '2100-02-29',
      '1900-02-29',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
    ]);
  });

  it('reads instants with an offset as luxon did', () => {
    const instants = [
      '2025-12-28T00:00:00.000+01:00',
      '2025-12-28T00:00Z',
      '2025-12-28T00:00:00,5Z',
      '2025-12-28T00:00+01',
      '2025-12-28T00:00+0100',
      '2025-12-28t10:00z',
      '2025-12-28T10:00:00.123456789Z',
      '2025-12-28T10:00+14:00',
      '2025-12-28T10:00-00:00',
      '2025-03-30T03:30:00+02:00',
      '2025-02-30T00:00Z', // an impossible day: both refuse it (Date.parse would read 2 March)
      '2025-12-28T10:00:60Z',
      '2025-12-28 10:00Z',
      'yesterday',
      '',
      ...Array.from({ length: 1000 }, (_, ms) => `2025-06-30T21:59:59.${String(ms).padStart(3, '0')}Z`),
      ...Array.from({ length: 100 }, (_, cs) => `2025-06-30T21:59:59.${String(cs).padStart(2, '0')}+00:00`),
    ];
    expect(mismatches(instants, toEpochMillis, old.toEpochMillis)).toEqual([]);
    expect(mismatches(instants, brusselsDateOf, old.brusselsDateOf)).toEqual([]);
  });

  it('refuses instants without an offset, which luxon read in the time zone of the process', () => {
    // Deliberate difference: the answer depended on the machine (no caller writes these). Also
    // refused: 24:00 and years past 9999, which luxon took and no caller writes either.
    for (const instant of [
      '2033-03-12T10:00',
      '2033-03-12T10:00:00.000',
      '2033-03-12',
      '2025-12-28T24:00Z',
      '+012025-12-28T00:00Z',
    ]) {
      expect(() => brusselsDateOf(instant)).toThrow(RangeError);
      expect(() => toEpochMillis(instant)).toThrow(RangeError);
    }
  });

  it('refuses amounts that are not whole numbers, and units that are not units', () => {
    // Deliberate difference: luxon added half a month as 15 days; no rule has a fraction.
    expect(() => addPeriod('2025-01-31', { amount: 1.5, unit: 'months' })).toThrow(RangeError);
    expect(() => subtractPeriod('2025-01-31', { amount: 0.5, unit: 'days' })).toThrow(RangeError);
    expect(() => addPeriod('2025-01-31', { amount: Number.NaN, unit: 'days' })).toThrow(RangeError);
    expect(() => addPeriod('2025-01-31', { amount: 1, unit: 'fortnights' as PeriodUnit })).toThrow(RangeError);
  });
});
