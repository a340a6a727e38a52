import type { RuleSetOverrides } from '@daihoi/core';
import { queryOptions } from '@tanstack/react-query';
import { request } from '../../app/api';
import { CONGRESS_KEY } from './api';
import type { CalendarEditKind, CalendarYear } from './calendarApi';

/** The schedule rules a committee may narrow for its subtree. */
export const RULE_FIELDS = ['earliestStart', 'deadline', 'maxDurationDays'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** One effective rule: its value (an ISO date, or days in halves), the document it comes from. */
export interface EffectiveRule {
  value: string | number;
  /** As core's formatRuleSource cites it: "Kế hoạch 165-KH/ĐUK ngày 31/10/2019". */
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

/** Per level, one effective rule (or none) per field. */
export type EffectiveRules = Record<string, Record<RuleField, EffectiveRule | null>>;

export interface CongressRules {
  ruleSet: { id: string; name: string };
  /** Per level, the rules that bind the subtree: the directive narrowed by the committees above and this one. */
  levels: EffectiveRules;
  /** Per level, the rules that bind the organization's own congress: the directive narrowed by the committees above only. */
  above: EffectiveRules;
  /**
   * Those narrowings from the top down, as core takes them: folded over the rule set with tightenRuleSet,
   * they give the rules that check the organization's own plan.
   */
  narrowings: RuleSetOverrides[];
  /** Values of the organization's own narrowing a committee above has since made stricter, in words. */
  overruled: string[];
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
// The administrator's corrections to the calendar of days off (the calendar itself: calendarApi.ts)

const editPath = (date: string) => `/calendar/edits/${encodeURIComponent(date)}`;

/** Both answer with the date's year as it now stands. */
export function putCalendarEdit(date: string, input: { kind: CalendarEditKind; note?: string | null }) {
  return request<CalendarYear>(editPath(date), { method: 'PUT', body: input });
}

export function deleteCalendarEdit(date: string) {
  return request<CalendarYear>(editPath(date), { method: 'DELETE' });
}
