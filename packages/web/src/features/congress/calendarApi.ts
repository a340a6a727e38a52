import { queryOptions } from '@tanstack/react-query';
import { request } from '../../app/api';

/** The years the server's calendar knows (GET /calendar/{year} answers 2019–2035). */
export const CALENDAR_FIRST_YEAR = 2019;
export const CALENDAR_LAST_YEAR = 2035;

export const hasCalendarYear = (year: number) => year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR;

/** What an administrator may make of a day: off, worked (even on a weekend), or back to the weekday rule. */
export const CALENDAR_EDIT_KINDS = ['day_off', 'working', 'plain'] as const;
export type CalendarEditKind = (typeof CALENDAR_EDIT_KINDS)[number];

export interface CalendarDayOff {
  date: string;
  holiday: string;
  /** holiday: given by the Labour Code; compensatory: nghỉ bù; swapped: a bridge day worked back on a weekend. */
  kind: 'holiday' | 'compensatory' | 'swapped' | string;
  reasonVi: string;
}

export interface CalendarWorkingWeekend {
  date: string;
  reasonVi: string;
}

export interface CalendarSource {
  document: string;
  date?: string;
  issuer?: string;
  article?: string;
  coversVi: string;
  unverified?: boolean;
  noteVi?: string;
}

export interface CalendarEdit {
  date: string;
  kind: CalendarEditKind;
  note: string | null;
  updatedAt: string;
}

/** One year of the calendar of days off: the official days with their sources, and the administrator's edits. */
export interface CalendarYear {
  year: number;
  /** True until the Prime Minister fixes the year: the days are computed from the Labour Code. */
  provisional: boolean;
  daysOff: CalendarDayOff[];
  workingWeekends: CalendarWorkingWeekend[];
  sources: CalendarSource[];
  noteVi?: string;
  /** The administrator's corrections, by date. */
  edits: CalendarEdit[];
}

export const CALENDAR_KEY = 'calendar';

/**
 * One cache entry per year for the dashboard's calendar and the administrator's page of days off
 * (CalendarEditsPage.tsx), so that a correction saved there reaches the dashboard.
 */
export const calendarYearQuery = (year: number) =>
  queryOptions({
    queryKey: [CALENDAR_KEY, year],
    queryFn: ({ signal }) => request<CalendarYear>(`/calendar/${year}`, { signal }),
    // Days off change only by an administrator's edit: an hour-old copy is good enough for shading.
    staleTime: 60 * 60 * 1000,
  });
