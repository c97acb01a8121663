import { formatDay, formatInstant, monthBefore, parseBelgianDay, todayInBrussels } from './format';

describe('Belgian dates in the web app', () => {
  it('shows calendar days as dd/mm/yyyy', () => {
    expect(formatDay('2026-03-02')).toBe('02/03/2026');
    expect(formatDay(null)).toBe('');
  });

  it('reads what staff type, and refuses days that do not exist', () => {
    expect(parseBelgianDay('2/3/2026')).toBe('2026-03-02');
    expect(parseBelgianDay(' 02.03.2026 ')).toBe('2026-03-02');
    expect(parseBelgianDay('02-03-2026')).toBe('2026-03-02');
    expect(parseBelgianDay('2026-03-02')).toBe('2026-03-02');
    expect(parseBelgianDay('29/02/2026')).toBeUndefined();
    expect(parseBelgianDay('03/2026')).toBeUndefined();
  });

  it('shows instants in Brussels time, summer and winter', () => {
    expect(formatInstant('2026-03-20T23:00:00.000Z')).toBe('21/03/2026 00:00');
    expect(formatInstant('2026-07-01T22:30:00Z')).toBe('02/07/2026 00:30');
    expect(todayInBrussels(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
  });

  it('counts months back across a year', () => {
    expect(monthBefore('2026-02', 3)).toBe('2025-11');
    expect(monthBefore('2026-11', 0)).toBe('2026-11');
  });
});
