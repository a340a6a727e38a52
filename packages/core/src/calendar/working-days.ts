import { addDays, compareIsoDates, formatDateVi, isIsoDate } from '../dates/dates.js';
import { isWeekend } from './weekday.js';
import { calendarYears } from './years.js';

/**
 * Which days an office works. A day is a working day when it is a Monday–Friday not in `daysOff`, or a
 * Saturday/Sunday in `workingWeekends` (ngày làm bù, worked in exchange for a bridge day off); a date in
 * both sets is off.
 */
export interface WorkingCalendar {
  readonly daysOff: ReadonlySet<string>;
  readonly workingWeekends?: ReadonlySet<string>;
  /**
   * The dates the calendar has data for, inclusive. Outside them the functions below throw RangeError
   * rather than count a holiday as a working day; a calendar without `covers` applies to every date.
   */
  readonly covers?: { readonly from: string; readonly to: string };
}

function calendarOf(years: typeof calendarYears): WorkingCalendar {
  const first = years[0]?.year ?? 0;
  const last = years.at(-1)?.year ?? 0;
  return Object.freeze({
    daysOff: new Set(years.flatMap((year) => year.daysOff.map((day) => day.date))),
    workingWeekends: new Set(years.flatMap((year) => year.workingWeekends.map((day) => day.date))),
    covers: Object.freeze({ from: `${first}-01-01`, to: `${last}-12-31` }),
  });
}

/** The shipped Vietnamese calendar: every year of `calendarYears` (2019–2035), decided or provisional. */
export const VIETNAM_CALENDAR: WorkingCalendar = calendarOf(calendarYears);

function requireIso(date: string): void {
  if (!isIsoDate(date))
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function requireCovered(calendar: WorkingCalendar, date: string): void {
  const covers = calendar.covers;
  if (!covers) return;
  if (compareIsoDates(date, covers.from) >= 0 && compareIsoDates(date, covers.to) <= 0) return;
  throw new RangeError(
    `Lịch ngày làm việc chỉ có dữ liệu từ ${formatDateVi(covers.from)} đến ${formatDateVi(covers.to)}, ` +
      `không tính được ngày ${formatDateVi(date)}.`,
  );
}

/** Whether offices work on that date. Throws RangeError on a malformed date or one outside `covers`. */
export function isWorkingDay(date: string, calendar: WorkingCalendar = VIETNAM_CALENDAR): boolean {
  requireIso(date);
  requireCovered(calendar, date);
  if (calendar.daysOff.has(date)) return false;
  return !isWeekend(date) || (calendar.workingWeekends?.has(date) ?? false);
}

/**
 * The n-th working day after `date` (n < 0: before it), so that "announce the opening at least 30
 * working days ahead" is `addWorkingDays(congressDate, -30)`. The start date itself is never counted,
 * whether it is a working day or not; n = 0 returns `date` unchanged even on a day off, so a caller that
 * needs a working day must say which way to move (±1). Throws RangeError on a malformed date, a
 * non-integer n, or a walk past the calendar's `covers`.
 */
export function addWorkingDays(
  date: string,
  n: number,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): string {
  requireIso(date);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
  requireCovered(calendar, date);
  const step = Math.sign(n);
  let left = Math.abs(n);
  let day = date;
  while (left > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to` (negative when `to` is
 * earlier: those from `to` up to, not including, `from`). For working days a and b,
 * addWorkingDays(a, workingDaysBetween(a, b)) === b.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): number {
  requireIso(from);
  requireIso(to);
  requireCovered(calendar, from);
  requireCovered(calendar, to);
  return compareIsoDates(to, from) >= 0
    ? countWorkingDays(addDays(from, 1), to, calendar)
    : 0 - countWorkingDays(to, addDays(from, -1), calendar);
}

function countWorkingDays(first: string, last: string, calendar: WorkingCalendar): number {
  let count = 0;
  for (let day = first; compareIsoDates(day, last) <= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

/** An administrator's changes to a calendar, kept by the server; every entry is an ISO date. */
export interface CalendarEdits {
  /** Extra days off (a local holiday, a decision issued after this release). */
  readonly add?: readonly string[];
  /** Dates that go back to the plain rule: Monday–Friday working, weekends off. */
  readonly remove?: readonly string[];
  /** Dates worked, e.g. a Saturday made a working day in exchange for a bridge day off. */
  readonly working?: readonly string[];
}

/**
 * `base` with the edits applied: `remove` first, then `add`, then `working`. The coverage stays that of
 * `base`. Throws RangeError on a malformed date or a date both added as a day off and marked working.
 */
export function withCalendarEdits(base: WorkingCalendar, edits: CalendarEdits): WorkingCalendar {
  const { add = [], remove = [], working = [] } = edits;
  for (const date of [...add, ...remove, ...working]) requireIso(date);
  const clash = add.find((date) => working.includes(date));
  if (clash !== undefined) {
    throw new RangeError(`Ngày ${formatDateVi(clash)} không thể vừa là ngày nghỉ vừa là ngày làm việc.`);
  }
  const daysOff = new Set(base.daysOff);
  const workingWeekends = new Set(base.workingWeekends ?? []);
  for (const date of remove) {
    daysOff.delete(date);
    workingWeekends.delete(date);
  }
  for (const date of add) {
    daysOff.add(date);
    workingWeekends.delete(date);
  }
  for (const date of working) {
    daysOff.delete(date);
    if (isWeekend(date)) workingWeekends.add(date);
  }
  return Object.freeze({ daysOff, workingWeekends, ...(base.covers ? { covers: base.covers } : {}) });
}

/** How an administrator corrects one date: a day off, a working day, or back to the plain weekday rule. */
export type CalendarEditKind = 'day_off' | 'working' | 'plain';

/**
 * The shipped calendar with an administrator's corrections, one per date: each date first goes back to
 * the plain rule, then becomes a day off or a working day as its kind says ('plain' stays there). The
 * server counts deadlines on it, and the browser shows example dates on the same.
 */
export function calendarWithEdits(
  edits: readonly { readonly date: string; readonly kind: CalendarEditKind | string }[],
  base: WorkingCalendar = VIETNAM_CALENDAR,
): WorkingCalendar {
  if (edits.length === 0) return base;
  const of = (kind: CalendarEditKind) => edits.filter((e) => e.kind === kind).map((e) => e.date);
  return withCalendarEdits(base, {
    remove: edits.map((e) => e.date),
    add: of('day_off'),
    working: of('working'),
  });
}
