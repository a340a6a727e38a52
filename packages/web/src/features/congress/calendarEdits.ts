import { compareIsoDates } from '@daihoi/core';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  type CalendarDayOff,
  type CalendarEdit,
  type CalendarEditKind,
  type CalendarWorkingWeekend,
  type CalendarYear,
} from './calendarApi';

export const CALENDAR_YEARS: readonly number[] = Array.from(
  { length: CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1 },
  (_, i) => CALENDAR_FIRST_YEAR + i,
);

/** The year the page opens on: the business date's, kept within the years the calendar knows. */
export function defaultCalendarYear(today: string | undefined): number {
  const year = today ? Number(today.slice(0, 4)) : Number.NaN;
  if (!Number.isInteger(year)) return CALENDAR_FIRST_YEAR;
  return Math.min(CALENDAR_LAST_YEAR, Math.max(CALENDAR_FIRST_YEAR, year));
}

export function calendarYearOr(value: string | null | undefined, fallback: number): number {
  const year = Number(value);
  return CALENDAR_YEARS.includes(year) ? year : fallback;
}

/** 0 = Sunday … 6 = Saturday, from the date alone (no time zone involved). */
export function weekdayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const isWeekendDate = (iso: string) => [0, 6].includes(weekdayOf(iso));

/** What the shipped calendar says of a date it names. */
export type ShippedDay =
  | { type: 'off'; kind: CalendarDayOff['kind']; reasonVi: string }
  | { type: 'working'; reasonVi: string };

/** Whether offices work that day, after the edits. */
export type DayStatus = 'off' | 'working';

export interface CalendarDay {
  date: string;
  shipped: ShippedDay | null;
  edit: CalendarEdit | null;
  status: DayStatus;
}

/** A day's status under an edit: a day off, a working day, or the plain rule (weekdays worked). */
export function statusOf(
  date: string,
  shipped: ShippedDay | null,
  edit: Pick<CalendarEdit, 'kind'> | null,
): DayStatus {
  if (edit) {
    if (edit.kind === 'day_off') return 'off';
    if (edit.kind === 'working') return 'working';
    return isWeekendDate(date) ? 'off' : 'working';
  }
  if (shipped) return shipped.type;
  return isWeekendDate(date) ? 'off' : 'working';
}

function shippedDays(data: Pick<CalendarYear, 'daysOff' | 'workingWeekends'>): Map<string, ShippedDay> {
  const byDate = new Map<string, ShippedDay>();
  for (const w of data.workingWeekends as CalendarWorkingWeekend[])
    byDate.set(w.date, { type: 'working', reasonVi: w.reasonVi });
  // A date both off and worked is off (the core calendar's rule).
  for (const d of data.daysOff) byDate.set(d.date, { type: 'off', kind: d.kind, reasonVi: d.reasonVi });
  return byDate;
}

/** What the shipped calendar says of one date of the year, if it names it. */
export function shippedOf(data: Pick<CalendarYear, 'daysOff' | 'workingWeekends'>, date: string) {
  return shippedDays(data).get(date) ?? null;
}

/** Every date the year's calendar or its edits name, oldest first, with the status after the edits. */
export function calendarDays(data: CalendarYear): CalendarDay[] {
  const shipped = shippedDays(data);
  const edits = new Map(data.edits.map((e) => [e.date, e]));
  const dates = [...new Set([...shipped.keys(), ...edits.keys()])].sort(compareIsoDates);
  return dates.map((date) => {
    const s = shipped.get(date) ?? null;
    const edit = edits.get(date) ?? null;
    return { date, shipped: s, edit, status: statusOf(date, s, edit) };
  });
}

export interface CalendarMonth {
  /** 'YYYY-MM': the New Year break may reach into the December before. */
  key: string;
  year: number;
  month: number;
  days: CalendarDay[];
}

/** The year's twelve months (and a December before it when the New Year break starts there). */
export function calendarMonths(data: CalendarYear): CalendarMonth[] {
  const days = calendarDays(data);
  const keys = new Set(
    Array.from({ length: 12 }, (_, i) => `${data.year}-${String(i + 1).padStart(2, '0')}`),
  );
  for (const d of days) keys.add(d.date.slice(0, 7));
  return [...keys].sort().map((key) => ({
    key,
    year: Number(key.slice(0, 4)),
    month: Number(key.slice(5, 7)),
    days: days.filter((d) => d.date.startsWith(key)),
  }));
}

export interface CalendarCounts {
  daysOff: number;
  workingWeekends: number;
  edits: number;
}

/** Weekdays off and weekends worked after the edits, and the edits themselves. */
export function calendarCounts(days: readonly CalendarDay[]): CalendarCounts {
  let daysOff = 0;
  let workingWeekends = 0;
  for (const d of days) {
    if (d.status === 'off' && !isWeekendDate(d.date)) daysOff++;
    if (d.status === 'working' && isWeekendDate(d.date)) workingWeekends++;
  }
  return { daysOff, workingWeekends, edits: days.filter((d) => d.edit).length };
}

/** The kind an edit dialog proposes for a date: the opposite of what the shipped calendar gives. */
export function proposedKind(
  date: string,
  data: Pick<CalendarYear, 'daysOff' | 'workingWeekends'>,
): CalendarEditKind {
  const shipped = shippedOf(data, date);
  if (shipped) return 'plain';
  return isWeekendDate(date) ? 'working' : 'day_off';
}
