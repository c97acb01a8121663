/**
 * Dates as Belgians write them (dd/MM/yyyy) and instants in Brussels time, whatever the
 * browser's own time zone: the API's calendar days are Brussels days (YYYY-MM-DD).
 */
export const BRUSSELS = 'Europe/Brussels';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2026-11-23 → 23/11/2026 (a calendar day: no time zone applies). */
export function formatDay(isoDay: string | null | undefined): string {
  if (!isoDay) return '';
  const match = ISO_DAY.exec(isoDay.slice(0, 10));
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDay;
}

function brusselsParts(instant: string | Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: BRUSSELS,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year'), hour: part('hour'), minute: part('minute') };
}

/** An instant → 23/11/2026 14:05 in Brussels. */
export function formatInstant(instant: string | null | undefined): string {
  if (!instant) return '';
  if (Number.isNaN(Date.parse(instant))) return instant;
  const p = brusselsParts(instant);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** The calendar day in Brussels now, YYYY-MM-DD. */
export function todayInBrussels(now: Date = new Date()): string {
  const p = brusselsParts(now);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 23/11/2026, 23-11-2026, 23.11.2026 or 2026-11-23 → 2026-11-23; anything else → undefined. */
export function parseBelgianDay(text: string): string | undefined {
  const value = text.trim();
  const iso = ISO_DAY.exec(value);
  const be = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : be ? [be[3], be[2], be[1]] : [];
  if (!year || !month || !day) return undefined;
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${candidate}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === candidate ? candidate : undefined;
}

/** YYYY-MM of the month `offset` months before the given one. */
export function monthBefore(month: string, offset: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) - offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** 2026-11 → 11/2026 */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-');
  return `${m}/${year}`;
}
