import { addDays, compareIsoDates, daysBetween, ORGANIZATION_LEVELS } from '@daihoi/core';
import type { DashboardRowView } from './helpers';

// ---------------------------------------------------------------------------------------------------
// The dashboard's two views, kept in the address bar beside its filters

export const DASHBOARD_VIEWS = ['table', 'calendar'] as const;
export type DashboardView = (typeof DASHBOARD_VIEWS)[number];

/** The view from the address bar; the table when absent or unknown. */
export function viewFromSearch(params: URLSearchParams): DashboardView {
  return params.get('view') === 'calendar' ? 'calendar' : 'table';
}

/** The table is the default, so it leaves the address bar clean. */
export function viewToSearch(view: DashboardView): Record<string, string> {
  return view === 'table' ? {} : { view };
}

// ---------------------------------------------------------------------------------------------------
// Days

/** 0 = Sunday … 6 = Saturday, counted from 1970-01-01 (a Thursday), so the host's time zone plays no part. */
export function weekday(iso: string): number {
  return (((daysBetween('1970-01-01', iso) + 4) % 7) + 7) % 7;
}

/** The column of a day in a week that starts on Monday, as Vietnamese calendars print it. */
export const weekColumn = (iso: string): number => (weekday(iso) + 6) % 7;

export const isWeekendDay = (iso: string): boolean => weekColumn(iso) >= 5;

const monthKey = (iso: string) => iso.slice(0, 7);

function nextMonth(key: string): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function daysInMonth(key: string): number {
  return daysBetween(`${key}-01`, `${nextMonth(key)}-01`);
}

export interface CongressDay {
  date: string;
  /** 1 for the opening day. */
  day: number;
  /** The days the congress sits in all. */
  of: number;
  /** A half day: a congress of ½ day, or the last day of one of 1½ days. */
  half: boolean;
}

/**
 * The days a congress sits, opening day first: 1½ days from 7/4 are 7/4 and the half day 8/4, as the
 * plan's end date counts them (consecutive days, weekends included: congresses often sit on them).
 */
export function congressDays(plannedOn: string, durationDays: number | null | undefined): CongressDay[] {
  const length = durationDays && durationDays > 0 ? durationDays : 1;
  const of = Math.ceil(length);
  const lastIsHalf = of - length >= 0.5;
  return Array.from({ length: of }, (_, i) => ({
    date: addDays(plannedOn, i),
    day: i + 1,
    of,
    half: i === of - 1 && lastIsHalf,
  }));
}

// ---------------------------------------------------------------------------------------------------
// The calendar of the wave

export type CalendarRow = Pick<
  DashboardRowView,
  'key' | 'name' | 'level' | 'planId' | 'plannedOn' | 'durationDays' | 'deadline' | 'late' | 'target'
>;

export interface CalendarEntry<R extends CalendarRow = CalendarRow> extends CongressDay {
  row: R;
}

/** A level's last allowed day, marked on that day. */
export interface DeadlineMark {
  date: string;
  level: string;
}

export interface CalendarMonth {
  /** 'YYYY-MM'. */
  key: string;
  year: number;
  month: number;
  /** Monday-first weeks; null pads the days of the months before and after. */
  weeks: (string | null)[][];
  /** The days of the month that hold a congress or a deadline, in order (the phone's list). */
  busyDays: string[];
  /** Congresses that open in the month. */
  opening: number;
}

/** A run of months with nothing on them, shown as one line rather than empty grids. */
export interface CalendarGap {
  from: string;
  to: string;
}

export type CalendarSection = { kind: 'month'; month: CalendarMonth } | { kind: 'gap'; gap: CalendarGap };

export interface CongressCalendar<R extends CalendarRow = CalendarRow> {
  /** The first and last day the calendar covers: the earliest and latest congress day or deadline. */
  from: string | null;
  to: string | null;
  sections: CalendarSection[];
  /** Each day's congresses: those after their level's deadline first, then in the rows' (tree) order. */
  byDay: ReadonlyMap<string, CalendarEntry<R>[]>;
  deadlines: ReadonlyMap<string, DeadlineMark[]>;
  /** Organizations without a congress date (no plan, or a plan not yet dated), in the rows' order. */
  undated: R[];
  /** Congresses that sit (in part) after their level's deadline, by date. */
  late: R[];
  dated: number;
}

const levelRank = (level: string) => {
  const i = (ORGANIZATION_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? ORGANIZATION_LEVELS.length : i;
};

/** One mark per level and deadline, by date and then from the highest level down. */
export function deadlineMarks(rows: readonly Pick<CalendarRow, 'level' | 'deadline'>[]): DeadlineMark[] {
  const seen = new Map<string, DeadlineMark>();
  for (const r of rows) {
    if (!r.deadline) continue;
    const id = `${r.deadline}|${r.level}`;
    if (!seen.has(id)) seen.set(id, { date: r.deadline, level: r.level });
  }
  return [...seen.values()].sort(
    (a, b) => compareIsoDates(a.date, b.date) || levelRank(a.level) - levelRank(b.level),
  );
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Monday-first weeks of a month, padded with null. */
export function monthWeeks(key: string): (string | null)[][] {
  const first = `${key}-01`;
  const cells: (string | null)[] = Array(weekColumn(first)).fill(null);
  const length = daysInMonth(key);
  for (let i = 0; i < length; i++) cells.push(addDays(first, i));
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

function monthOf<R extends CalendarRow>(
  key: string,
  byDay: ReadonlyMap<string, CalendarEntry<R>[]>,
  deadlines: ReadonlyMap<string, DeadlineMark[]>,
): CalendarMonth {
  const [year, month] = key.split('-').map(Number) as [number, number];
  const busyDays: string[] = [];
  let opening = 0;
  const length = daysInMonth(key);
  for (let i = 0; i < length; i++) {
    const date = addDays(`${key}-01`, i);
    const entries = byDay.get(date);
    if (entries || deadlines.has(date)) busyDays.push(date);
    for (const e of entries ?? []) if (e.day === 1) opening++;
  }
  return { key, year, month, weeks: monthWeeks(key), busyDays, opening };
}

/** Months from the first to the last, the empty runs between them folded into gaps. */
function sectionsOf<R extends CalendarRow>(
  from: string,
  to: string,
  byDay: ReadonlyMap<string, CalendarEntry<R>[]>,
  deadlines: ReadonlyMap<string, DeadlineMark[]>,
): CalendarSection[] {
  const sections: CalendarSection[] = [];
  const last = monthKey(to);
  for (let key = monthKey(from); key <= last; key = nextMonth(key)) {
    const month = monthOf(key, byDay, deadlines);
    if (month.busyDays.length > 0) {
      sections.push({ kind: 'month', month });
      continue;
    }
    const previous = sections.at(-1);
    if (previous?.kind === 'gap') previous.gap.to = key;
    else sections.push({ kind: 'gap', gap: { from: key, to: key } });
  }
  return sections;
}

/**
 * The calendar of the rows shown: each congress on every day it sits, the level deadlines on theirs,
 * and the organizations that need attention (no date yet, or after the deadline). Linear in the rows
 * and the days covered, so 5,000 organizations cost a few milliseconds.
 */
export function buildCongressCalendar<R extends CalendarRow>(rows: readonly R[]): CongressCalendar<R> {
  const byDay = new Map<string, CalendarEntry<R>[]>();
  const undated: R[] = [];
  const late: R[] = [];
  const range: { from: string | null; to: string | null } = { from: null, to: null };
  const widen = (date: string) => {
    if (range.from === null || date < range.from) range.from = date;
    if (range.to === null || date > range.to) range.to = date;
  };
  for (const row of rows) {
    if (!row.plannedOn) {
      undated.push(row);
      continue;
    }
    if (row.late) late.push(row);
    for (const d of congressDays(row.plannedOn, row.durationDays)) {
      pushTo(byDay, d.date, { ...d, row });
      widen(d.date);
    }
  }
  const deadlines = new Map<string, DeadlineMark[]>();
  for (const mark of deadlineMarks(rows)) {
    pushTo(deadlines, mark.date, mark);
    widen(mark.date);
  }
  // Late congresses first on their days; the sort is stable, so the tree order stays within each part.
  for (const entries of byDay.values()) entries.sort((a, b) => Number(b.row.late) - Number(a.row.late));
  late.sort((a, b) => compareIsoDates(a.plannedOn ?? '', b.plannedOn ?? ''));
  const { from, to } = range;
  return {
    from,
    to,
    sections: from && to ? sectionsOf(from, to, byDay, deadlines) : [],
    byDay,
    deadlines,
    undated,
    late,
    dated: rows.length - undated.length,
  };
}

/**
 * What a day shows within `max` lines: every entry when they fit, else `max - 1` of them and a "+N"
 * line for the rest, so a busy day keeps the height of the others.
 */
export function splitOverflow<T>(entries: readonly T[], max: number): { shown: T[]; more: number } {
  if (entries.length <= max) return { shown: [...entries], more: 0 };
  const keep = Math.max(0, max - 1);
  return { shown: entries.slice(0, keep), more: entries.length - keep };
}

/** The years a range touches, each once, oldest first. */
export function yearsOf(from: string | null, to: string | null): number[] {
  if (!from || !to) return [];
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

// ---------------------------------------------------------------------------------------------------
// Days off (GET /calendar/{year})

export interface CalendarYearDays {
  year: number;
  daysOff: readonly { date: string; holiday: string; kind: string; reasonVi: string }[];
  workingWeekends: readonly { date: string; reasonVi: string }[];
  /** The administrator's corrections: day_off, working, or plain (the weekday rule). */
  edits?: readonly { date: string; kind: string; note: string | null }[];
}

export interface DayOff {
  /** The holiday whose break the day belongs to; null for a day an administrator added. */
  holiday: string | null;
  /** holiday, compensatory, swapped (as the calendar says), or added (an administrator's edit). */
  kind: string;
  reason: string | null;
}

export interface DaysOff {
  off: ReadonlyMap<string, DayOff>;
  /** Saturdays and Sundays worked in exchange for a bridge day off. */
  working: ReadonlySet<string>;
}

/** The days off of the years fetched, corrected by the administrator's edits as the server counts them. */
export function daysOffOf(years: readonly CalendarYearDays[]): DaysOff {
  const off = new Map<string, DayOff>();
  const working = new Set<string>();
  for (const y of years) {
    for (const d of y.daysOff) off.set(d.date, { holiday: d.holiday, kind: d.kind, reason: d.reasonVi });
    for (const d of y.workingWeekends) working.add(d.date);
  }
  for (const y of years)
    for (const e of y.edits ?? []) {
      off.delete(e.date);
      working.delete(e.date);
      if (e.kind === 'day_off') off.set(e.date, { holiday: null, kind: 'added', reason: e.note });
      else if (e.kind === 'working' && isWeekendDay(e.date)) working.add(e.date);
    }
  return { off, working };
}

export type DayKind = 'working' | 'weekend' | 'day_off' | 'working_weekend';

/** How a day is shaded: a public holiday (or bridge day), a weekend, a weekend worked, or a working day. */
export function dayKind(date: string, days: DaysOff): DayKind {
  if (days.off.has(date)) return 'day_off';
  if (!isWeekendDay(date)) return 'working';
  return days.working.has(date) ? 'working_weekend' : 'weekend';
}
