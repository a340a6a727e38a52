import { queryOptions } from '@tanstack/react-query';
import { request } from '../../app/api';
import { CONGRESS_KEY } from './api';

/** The schedule rules a committee may narrow for its subtree. */
export const RULE_FIELDS = ['earliestStart', 'deadline', 'maxDurationDays'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** One effective rule: its value (an ISO date, or days in halves), the document it comes from. */
export interface EffectiveRule {
  value: string | number;
  /** "Chỉ thị 35-CT/TW ngày 2019-05-30", "Kế hoạch 165-KH/ĐUK ngày 2019-10-31". */
  source: string;
  unverified: boolean;
}

export interface LevelOverride {
  earliestStart?: string;
  deadline?: string;
  maxDurationDays?: number;
}

export interface OwnNarrowing {
  sourceDocument: string;
  sourceDate: string;
  levels: Partial<Record<string, LevelOverride>>;
  version: number;
}

export interface CongressRules {
  ruleSet: { id: string; name: string };
  /** Per level, the rules that bind the subtree: the directive narrowed by the committees above and this one. */
  levels: Record<string, Record<RuleField, EffectiveRule | null>>;
  /** This organization's own narrowing; null until it sets one. */
  own: OwnNarrowing | null;
}

export interface PutCongressRulesInput {
  ruleSetId: string;
  sourceDocument: string;
  sourceDate: string;
  levels: Partial<Record<string, LevelOverride>>;
  /** The stored narrowing's version; omitted for the first one. */
  version?: number;
}

const rulesPath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/congress-rules`;

export const congressRulesQuery = (organizationId: string, ruleSetId: string) =>
  queryOptions({
    queryKey: [CONGRESS_KEY, 'rules', organizationId, ruleSetId],
    queryFn: ({ signal }) =>
      request<CongressRules>(rulesPath(organizationId), { query: { ruleSetId }, signal }),
  });

export function putCongressRules(organizationId: string, input: PutCongressRulesInput) {
  return request<CongressRules>(rulesPath(organizationId), { method: 'PUT', body: input });
}

// ---------------------------------------------------------------------------------------------------
// The calendar of days off

export const CALENDAR_FIRST_YEAR = 2019;
export const CALENDAR_LAST_YEAR = 2035;

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

export interface CalendarYear {
  year: number;
  /** Not yet fixed by the Prime Minister: computed from the Labour Code. */
  provisional: boolean;
  daysOff: CalendarDayOff[];
  workingWeekends: CalendarWorkingWeekend[];
  sources: CalendarSource[];
  noteVi?: string;
  /** The administrator's corrections, by date. */
  edits: CalendarEdit[];
}

export const CALENDAR_KEY = 'calendar';

export const calendarYearQuery = (year: number) =>
  queryOptions({
    queryKey: [CALENDAR_KEY, year],
    queryFn: ({ signal }) => request<CalendarYear>(`/calendar/${year}`, { signal }),
  });

const editPath = (date: string) => `/calendar/edits/${encodeURIComponent(date)}`;

/** Both answer with the date's year as it now stands. */
export function putCalendarEdit(date: string, input: { kind: CalendarEditKind; note?: string | null }) {
  return request<CalendarYear>(editPath(date), { method: 'PUT', body: input });
}

export function deleteCalendarEdit(date: string) {
  return request<CalendarYear>(editPath(date), { method: 'DELETE' });
}
