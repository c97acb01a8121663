import { belgianHolidayCalendar, belgianPublicHolidays } from './belgian-holidays';

describe('Belgian public holidays (date-holidays, BE)', () => {
  it('lists the ten legal holidays of 2025', () => {
    expect(belgianPublicHolidays(2025)).toEqual([
      '2025-01-01', // New Year
      '2025-04-21', // Easter Monday
      '2025-05-01', // Labour Day
      '2025-05-29', // Ascension
      '2025-06-09', // Whit Monday
      '2025-07-21', // National Day
      '2025-08-15', // Assumption
      '2025-11-01', // All Saints
      '2025-11-11', // Armistice
      '2025-12-25', // Christmas
    ]);
  });

  it('lists the ten legal holidays of 2026', () => {
    expect(belgianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('does not count observances or community holidays as public holidays', () => {
    const calendar = belgianHolidayCalendar();
    for (const day of ['2025-04-18', '2025-07-11', '2025-09-27', '2025-11-15', '2025-12-26', '2025-04-20']) {
      expect(calendar.isPublicHoliday(day)).toBe(false);
    }
    expect(calendar.isPublicHoliday('2025-11-11')).toBe(true);
    expect(calendar.isPublicHoliday('2026-04-06')).toBe(true);
  });
});
