import { daysBetween } from '../dates/dates.js';

/** 0 = Sunday … 6 = Saturday, from the day count (1970-01-01 was a Thursday), so no host clock is involved. */
export function dayOfWeek(iso: string): number {
  return (((daysBetween('1970-01-01', iso) + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday: the weekly rest of offices on the five-day week. */
export function isWeekend(iso: string): boolean {
  const day = dayOfWeek(iso);
  return day === 0 || day === 6;
}
