import { addDays, assertIsoDate, weekdayOf, type Weekday } from './dates';
import type { IsoDate } from '../types';

/** Source of public holidays. Pure implementations can run in a workflow; see belgian-holidays.ts. */
export interface HolidayCalendar {
  isPublicHoliday(date: IsoDate): boolean;
}

/**
 * A calendar from a fixed list, e.g. the holidays an activity fetched with
 * `belgianPublicHolidays` and recorded in the workflow history.
 */
export function holidayCalendarOf(holidays: readonly IsoDate[]): HolidayCalendar {
  const set = new Set(holidays.map(assertIsoDate));
  return { isPublicHoliday: (date) => set.has(date) };
}

/** Which weekdays count is a rule (`workingDays.weekdays`), so it is passed in. */
export function isWorkingDay(date: IsoDate, workingWeek: readonly Weekday[], holidays: HolidayCalendar): boolean {
  return workingWeek.includes(weekdayOf(date)) && !holidays.isPublicHoliday(date);
}

/** Longest run of non-working days we accept before deciding the inputs are wrong. */
const MAX_SEARCH_DAYS = 366;

/** The last working day strictly before `date`. */
export function workingDayBefore(date: IsoDate, workingWeek: readonly Weekday[], holidays: HolidayCalendar): IsoDate {
  let candidate = addDays(date, -1);
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    if (isWorkingDay(candidate, workingWeek, holidays)) return candidate;
    candidate = addDays(candidate, -1);
  }
  throw new RangeError(`No working day in the ${MAX_SEARCH_DAYS} days before ${date}`);
}
