import { queryOptions } from '@tanstack/react-query';
import { request } from '../../app/api';
import type { CalendarYearDays } from './calendar';

/** The years the server's calendar knows (GET /calendar/{year} answers 2019–2035). */
export const CALENDAR_FIRST_YEAR = 2019;
export const CALENDAR_LAST_YEAR = 2035;

export const hasCalendarYear = (year: number) => year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR;

/** One year of the calendar of days off: the official days with their sources, and the administrator's edits. */
export interface CalendarYear extends CalendarYearDays {
  /** True until the Prime Minister fixes the year: the days are computed from the Labour Code. */
  provisional: boolean;
  sources: { document: string; date?: string; issuer?: string; article?: string; coversVi: string }[];
  noteVi?: string;
  edits: { date: string; kind: string; note: string | null; updatedAt: string }[];
}

/**
 * The same key as the administrator's page of days off (setupApi.ts), so that a correction saved there
 * reaches the dashboard's calendar from the one cache entry.
 */
export const calendarYearQuery = (year: number) =>
  queryOptions({
    queryKey: ['calendar', year],
    queryFn: ({ signal }) => request<CalendarYear>(`/calendar/${year}`, { signal }),
    // Days off change only by an administrator's edit: an hour-old copy is good enough for shading.
    staleTime: 60 * 60 * 1000,
  });
