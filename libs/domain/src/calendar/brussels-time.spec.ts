import { brusselsDateOf, startOfDayInBrussels, toEpochMillis } from './brussels-time';

describe('Europe/Brussels instants', () => {
  it.each([
    ['2025-12-28', '2025-12-28T00:00:00.000+01:00'], // winter
    ['2026-05-19', '2026-05-19T00:00:00.000+02:00'], // summer
    ['2025-03-30', '2025-03-30T00:00:00.000+01:00'], // clocks go forward at 02:00 that day
    ['2025-03-31', '2025-03-31T00:00:00.000+02:00'],
    ['2025-10-26', '2025-10-26T00:00:00.000+02:00'], // clocks go back at 03:00 that day
    ['2025-10-27', '2025-10-27T00:00:00.000+01:00'],
  ])('%s starts at %s', (date, instant) => {
    expect(startOfDayInBrussels(date)).toBe(instant);
  });

  it('converts instants to epoch milliseconds', () => {
    expect(toEpochMillis('2025-12-28T00:00:00.000+01:00')).toBe(Date.UTC(2025, 11, 27, 23, 0, 0));
    expect(toEpochMillis('2025-03-31T00:00:00.000+02:00')).toBe(Date.UTC(2025, 2, 30, 22, 0, 0));
    expect(() => toEpochMillis('yesterday')).toThrow(RangeError);
  });

  it('the DST days are 23 and 25 hours long', () => {
    const hour = 3_600_000;
    expect(toEpochMillis(startOfDayInBrussels('2025-03-31')) - toEpochMillis(startOfDayInBrussels('2025-03-30'))).toBe(23 * hour);
    expect(toEpochMillis(startOfDayInBrussels('2025-10-27')) - toEpochMillis(startOfDayInBrussels('2025-10-26'))).toBe(25 * hour);
  });

  it('tells the Brussels day of a UTC instant', () => {
    expect(brusselsDateOf('2025-12-27T23:30:00Z')).toBe('2025-12-28');
    expect(brusselsDateOf('2025-06-30T21:59:59Z')).toBe('2025-06-30');
    expect(brusselsDateOf('2025-06-30T22:00:00Z')).toBe('2025-07-01');
  });
});
