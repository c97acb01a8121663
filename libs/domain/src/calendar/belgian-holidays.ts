import Holidays from 'date-holidays';
import { assertIsoDate } from './dates';
import type { HolidayCalendar } from './working-days';
import type { IsoDate } from '../types';

/**
 * Belgian public holidays from date-holidays (country BE, type `public`: the ten legal
 * holidays; observances such as 11 July or 15 November are not days off for everyone).
 *
 * Deliberately NOT exported from the package index: date-holidays carries every country's
 * data and moment-timezone (over 1 MB bundled) and its data changes between versions, so it
 * must stay out of the Temporal workflow bundle. Use it in an activity and record the result
 * (see docs/decisions/0002-calendars-and-holidays.md).
 */

const belgium = new Holidays('BE');

export function belgianPublicHolidays(year: number): IsoDate[] {
  return belgium
    .getHolidays(year)
    .filter((holiday) => holiday.type === 'public')
    .map((holiday) => holiday.date.slice(0, 10));
}

export function belgianHolidayCalendar(): HolidayCalendar {
  const byYear = new Map<number, Set<IsoDate>>();
  return {
    isPublicHoliday(date) {
      const year = Number(assertIsoDate(date).slice(0, 4));
      let holidays = byYear.get(year);
      if (!holidays) {
        holidays = new Set(belgianPublicHolidays(year));
        byYear.set(year, holidays);
      }
      return holidays.has(date);
    },
  };
}
