import fc from 'fast-check';
import { belgianHolidayCalendar } from './belgian-holidays';
import { addDays, weekdayOf, type Weekday } from './dates';
import { holidayCalendarOf, isWorkingDay, workingDayBefore } from './working-days';

const MON_FRI: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const MON_SAT: Weekday[] = [...MON_FRI, 'sat'];
const belgium = belgianHolidayCalendar();

describe('working days', () => {
  it.each([
    // resumption, working day before (Mon-Fri, Belgian public holidays)
    ['2025-11-12', '2025-11-10'], // Wed after Armistice (Tue 11 Nov)
    ['2026-04-07', '2026-04-03'], // Tue after Easter Monday; Good Friday is a working day
    ['2025-05-02', '2025-04-30'], // Fri after Labour Day (Thu)
    ['2025-05-30', '2025-05-28'], // Fri after Ascension (Thu)
    ['2025-06-10', '2025-06-06'], // Tue after Whit Monday
    ['2025-07-22', '2025-07-18'], // Tue after National Day (Mon)
    ['2026-01-02', '2025-12-31'], // Fri after New Year (Thu)
    ['2025-12-29', '2025-12-26'], // 26 December is not a public holiday
    ['2025-11-03', '2025-10-31'], // All Saints on a Saturday changes nothing
    ['2025-10-21', '2025-10-20'],
  ])('resumption %s: working day before is %s', (resumption, expected) => {
    expect(workingDayBefore(resumption, MON_FRI, belgium)).toBe(expected);
  });

  it('with a Monday-Saturday week, Saturday counts', () => {
    expect(workingDayBefore('2025-11-03', MON_SAT, belgium)).toBe('2025-10-31'); // Sat 1 Nov is All Saints
    expect(workingDayBefore('2025-11-10', MON_SAT, belgium)).toBe('2025-11-08');
  });

  it('uses a recorded holiday list the same way', () => {
    const recorded = holidayCalendarOf(['2025-11-11']);
    expect(isWorkingDay('2025-11-11', MON_FRI, recorded)).toBe(false);
    expect(isWorkingDay('2025-11-10', MON_FRI, recorded)).toBe(true);
    expect(workingDayBefore('2025-11-12', MON_FRI, recorded)).toBe('2025-11-10');
  });

  it('refuses a week without working days instead of looping', () => {
    expect(() => workingDayBefore('2025-11-12', [], belgium)).toThrow(RangeError);
  });

  it('property: the due day is a working day, strictly before, with no working day in between', () => {
    const date = fc
      .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.constantFrom(MON_FRI, MON_SAT), (resumption, week) => {
        const due = workingDayBefore(resumption, week, belgium);
        expect(due < resumption).toBe(true);
        expect(isWorkingDay(due, week, belgium)).toBe(true);
        expect(week).toContain(weekdayOf(due));
        expect(belgium.isPublicHoliday(due)).toBe(false);
        for (let day = addDays(due, 1); day < resumption; day = addDays(day, 1)) {
          expect(isWorkingDay(day, week, belgium)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
