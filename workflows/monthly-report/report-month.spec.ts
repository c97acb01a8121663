import { previousMonthOf } from './report-month';

describe('previousMonthOf', () => {
  it('is the month before the Brussels calendar day of the instant', () => {
    expect(previousMonthOf('2033-03-01T02:00:00+01:00')).toBe('2033-02');
    expect(previousMonthOf('2033-03-31T23:59:59+02:00')).toBe('2033-02');
  });

  it('reads the day in Brussels, not in UTC: 00:30 on 1 April is still 31 March in UTC', () => {
    expect(previousMonthOf('2033-03-31T22:30:00Z')).toBe('2033-03');
  });

  it('crosses the year boundary', () => {
    expect(previousMonthOf('2033-01-01T02:00:00+01:00')).toBe('2032-12');
  });
});
