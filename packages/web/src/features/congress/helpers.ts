import {
  addDays,
  applyNarrowings,
  type CongressRuleSet,
  compareIsoDates,
  formatRuleSource,
  getRuleSet,
  isOrganizationLevel,
  type LevelRules,
  ORGANIZATION_LEVELS,
  RULE_SET_IDS,
  type Rule,
  type RuleSetId,
  type RuleSetOverrides,
  STEP_STATUSES,
  type StepStatus,
} from '@daihoi/core';
import type { CongressKind, CongressTask, Dashboard, DashboardQuery, DashboardRow, TaskState } from './api';

// ---------------------------------------------------------------------------------------------------
// Duration: whole half days

/** The longest congress the form offers; the schema takes up to ten days, no level allows more than four. */
export const MAX_DURATION_OPTION = 5;

/** 0.5, 1, 1.5 … up to `max` (at least the value already chosen, so an edit never loses it). */
export function durationOptions(max = MAX_DURATION_OPTION, current?: number | null): number[] {
  const top = Math.max(max, current && Number.isFinite(current) ? Math.ceil(current * 2) / 2 : 0);
  const out: number[] = [];
  for (let half = 1; half <= top * 2; half++) out.push(half / 2);
  return out;
}

/** 0.5 → '½', 1 → '1', 1.5 → '1½', 2 → '2': how offices write half days. */
export function halfDayNumber(days: number): string {
  const whole = Math.floor(days);
  const half = Math.round((days - whole) * 2) === 1;
  if (!half) return String(whole);
  return whole === 0 ? '½' : `${whole}½`;
}

/** Which catalog form a length takes: "½ day", "1 day" but "1½ days". */
export function durationForm(days: number): 'one' | 'other' {
  return days <= 1 ? 'one' : 'other';
}

export const isHalfDays = (days: unknown): days is number =>
  typeof days === 'number' && days > 0 && Number.isInteger(days * 2);

// ---------------------------------------------------------------------------------------------------
// States and their colours

/** The colour of a task's state tag (antd preset names; skipped is a plain grey). */
export const TASK_STATE_TAG: Readonly<Record<TaskState, string>> = {
  done: 'green',
  on_track: 'blue',
  due_soon: 'gold',
  overdue: 'red',
  not_started: 'default',
  skipped: '#8c8c8c',
};

export const TASK_STATES: readonly TaskState[] = [...STEP_STATUSES, 'skipped'];

export function isTaskState(value: string): value is TaskState {
  return (TASK_STATES as readonly string[]).includes(value);
}

export function taskStateTag(state: string): string {
  return isTaskState(state) ? TASK_STATE_TAG[state] : 'default';
}

/** The dashboard's cells: a fill and a glyph, so the state reads without colour too. */
export const STEP_CELL: Readonly<Record<StepStatus, { fill: string; text: string; glyph: string }>> = {
  done: { fill: '#95de64', text: '#135200', glyph: '✓' },
  on_track: { fill: '#91caff', text: '#002c8c', glyph: '·' },
  due_soon: { fill: '#ffd666', text: '#613400', glyph: '!' },
  overdue: { fill: '#ff7875', text: '#5c0011', glyph: '✕' },
  not_started: { fill: '#f0f0f0', text: '#8c8c8c', glyph: '' },
};

/** The strong colour of a state, for the chart and the count tags. */
export const STEP_COLOR: Readonly<Record<StepStatus, string>> = {
  done: '#52c41a',
  on_track: '#1677ff',
  due_soon: '#faad14',
  overdue: '#f5222d',
  not_started: '#bfbfbf',
};

export const STEP_TAG: Readonly<Record<StepStatus, string>> = {
  done: 'green',
  on_track: 'blue',
  due_soon: 'gold',
  overdue: 'red',
  not_started: 'default',
};

export function isStepStatus(value: unknown): value is StepStatus {
  return typeof value === 'string' && (STEP_STATUSES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------------
// Rule sets and terms

/** The rule set of the congresses that open a term, by the term's name, as the server reads it. */
export function ruleSetIdForTerm(termName: string | null | undefined): RuleSetId | null {
  if (!termName) return null;
  return RULE_SET_IDS.find((id) => getRuleSet(id).term === termName.trim()) ?? null;
}

export function ruleSetForTerm(termName: string | null | undefined): CongressRuleSet | null {
  const id = ruleSetIdForTerm(termName);
  return id ? getRuleSet(id) : null;
}

export interface TermLike {
  id: string;
  name: string;
  startsOn: string;
}

/**
 * The term a new plan is most likely for: the first one starting after the business date (on 15/03/2020
 * the 2020–2025 term whose congresses are being prepared), else the latest.
 */
export function defaultTermId(terms: readonly TermLike[], today: string | undefined): string | undefined {
  const sorted = [...terms].sort((a, b) => compareIsoDates(a.startsOn, b.startsOn));
  const next = today ? sorted.find((t) => compareIsoDates(t.startsOn, today) > 0) : undefined;
  return (next ?? sorted.at(-1))?.id;
}

/** A term by its name ("2020–2025"), as the dashboard passes it to the new-plan form. */
export function termIdByName(
  terms: readonly TermLike[],
  name: string | null | undefined,
): string | undefined {
  if (!name) return undefined;
  return terms.find((t) => t.name === name.trim())?.id;
}

export interface RuleLine<T> {
  value: T;
  source: string;
  unverified: boolean;
  note: string | null;
  /** Where a committee above narrowed it: the directive's rule it tightens. */
  narrows: { value: T; source: string } | null;
}

export interface LevelRuleSummary {
  ruleSetName: string;
  earliestStart: RuleLine<string> | null;
  deadline: RuleLine<string> | null;
  maxDurationDays: RuleLine<number> | null;
  beforeParentCongress: RuleLine<true> | null;
  allMemberBelow: RuleLine<number>;
  /** Some rule shown is an unverified default (RULES.md): the UI says so. */
  unverified: boolean;
}

function line<T>(rule: Rule<T> | undefined): RuleLine<T> | null {
  if (!rule) return null;
  let directive = rule;
  while (directive.tightens) directive = directive.tightens;
  return {
    value: rule.value,
    source: formatRuleSource(rule.source),
    unverified: Boolean(rule.unverified),
    note: rule.noteVi ?? null,
    narrows:
      directive === rule ? null : { value: directive.value, source: formatRuleSource(directive.source) },
  };
}

/**
 * The rule set that checks an organization's own plan: the directive as the committees above it narrowed
 * it (GET congress-rules' `narrowings`, top down), the stricter rule prevailing as on the server.
 */
export function narrowedRuleSet(
  ruleSet: CongressRuleSet,
  narrowings: readonly RuleSetOverrides[] | null | undefined,
): CongressRuleSet {
  return narrowings?.length ? applyNarrowings(ruleSet, narrowings).ruleSet : ruleSet;
}

/** What the rule set says about one level's congresses, ready to show beside the date field. */
export function levelRuleSummary(ruleSet: CongressRuleSet, level: string): LevelRuleSummary {
  const rules: LevelRules = isOrganizationLevel(level) ? ruleSet.levels[level] : {};
  const summary = {
    ruleSetName: ruleSet.name,
    earliestStart: line(rules.earliestStart),
    deadline: line(rules.deadline),
    maxDurationDays: line(rules.maxDurationDays),
    beforeParentCongress: line(rules.beforeParentCongress),
    allMemberBelow: line(ruleSet.allMemberCongressBelow) as RuleLine<number>,
  };
  const shown = [
    summary.earliestStart,
    summary.deadline,
    summary.maxDurationDays,
    summary.beforeParentCongress,
  ];
  return { ...summary, unverified: shown.some((l) => l?.unverified) };
}

/**
 * The kind a level gives without counting members, as the server derives it: cells and sub-grassroots
 * organizations meet as all members, the levels above grassroots as delegates; a grassroots organization
 * depends on its membership (null: known only once the plan is saved).
 */
export function kindForLevel(level: string | undefined): CongressKind | null {
  if (level === 'cell' || level === 'sub_grassroots') return 'all_member';
  if (level === 'grassroots' || !level || !isOrganizationLevel(level)) return null;
  return 'delegates';
}

/** Whether the reason field shows: an explicit kind other than the one expected, or one not yet known. */
export function kindNeedsReason(chosen: string | undefined, expected: string | null): boolean {
  if (!chosen || chosen === 'auto') return false;
  return expected === null || chosen !== expected;
}

// ---------------------------------------------------------------------------------------------------
// Dates

/** The last day a congress sits: a day and a half from 7/4 ends on 8/4. */
export function congressEndsOn(plannedOn: string, durationDays: number | null | undefined): string {
  const days = durationDays && durationDays > 0 ? Math.ceil(durationDays) : 1;
  return addDays(plannedOn, days - 1);
}

/** The congress sits (in part) after the level's last allowed day. */
export function isAfterDeadline(
  plannedOn: string | null | undefined,
  durationDays: number | null | undefined,
  deadline: string | null | undefined,
): boolean {
  if (!plannedOn || !deadline) return false;
  return compareIsoDates(congressEndsOn(plannedOn, durationDays), deadline) > 0;
}

// ---------------------------------------------------------------------------------------------------
// Tasks

/** By due date, the undated last; equal dates in the plan's own order. */
export function sortTasks<T extends Pick<CongressTask, 'dueOn' | 'position' | 'id'>>(
  tasks: readonly T[],
): T[] {
  return [...tasks].sort((a, b) => {
    if (a.dueOn !== b.dueOn) {
      if (!a.dueOn) return 1;
      if (!b.dueOn) return -1;
      return compareIsoDates(a.dueOn, b.dueOn);
    }
    return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}

export interface TaskCounts {
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
  skipped: number;
}

export function taskCounts(tasks: readonly Pick<CongressTask, 'state'>[]): TaskCounts {
  const counts: TaskCounts = { total: tasks.length, done: 0, overdue: 0, dueSoon: 0, skipped: 0 };
  for (const t of tasks) {
    if (t.state === 'done') counts.done++;
    else if (t.state === 'overdue') counts.overdue++;
    else if (t.state === 'due_soon') counts.dueSoon++;
    else if (t.state === 'skipped') counts.skipped++;
  }
  return counts;
}

export type TaskAction = 'done' | 'reopen' | 'skip';

/** The quick actions a task offers in its state. */
export function taskActions(task: Pick<CongressTask, 'status'>): TaskAction[] {
  if (task.status === 'open') return ['done', 'skip'];
  return ['reopen'];
}

/** The PATCH body of a quick action; marking done leaves the day to the server (the business date). */
export function taskActionBody(task: Pick<CongressTask, 'version'>, action: TaskAction) {
  const status = action === 'done' ? 'done' : action === 'skip' ? 'skipped' : 'open';
  return { version: task.version, status } as const;
}

// ---------------------------------------------------------------------------------------------------
// Dashboard: filters and rows

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string | null | undefined): value is string =>
  typeof value === 'string' && UUID_RE.test(value);

/** The dashboard's filters from the address bar; anything malformed is dropped. */
export function dashboardFiltersFromSearch(params: URLSearchParams): DashboardQuery {
  const out: DashboardQuery = {};
  const organizationId = params.get('organizationId');
  if (isUuid(organizationId)) out.organizationId = organizationId;
  const termId = params.get('termId');
  if (out.organizationId && isUuid(termId)) out.termId = termId;
  const level = params.get('level');
  if (level && (ORGANIZATION_LEVELS as readonly string[]).includes(level)) out.level = level;
  const status = params.get('status');
  if (isStepStatus(status)) out.status = status;
  return out;
}

export function dashboardFiltersToSearch(q: DashboardQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (q.organizationId) out.organizationId = q.organizationId;
  if (q.organizationId && q.termId) out.termId = q.termId;
  if (q.level) out.level = q.level;
  if (q.status) out.status = q.status;
  return out;
}

export interface PlanListFilters {
  organizationId?: string;
}

export function planFiltersFromSearch(params: URLSearchParams): PlanListFilters {
  const organizationId = params.get('organizationId');
  return isUuid(organizationId) ? { organizationId } : {};
}

export function planFiltersToSearch(f: PlanListFilters): Record<string, string> {
  return f.organizationId ? { organizationId: f.organizationId } : {};
}

export interface DashboardRowView {
  key: string;
  organizationId: string;
  name: string;
  level: string;
  /** Steps below the first row's depth, for indenting the tree. */
  indent: number;
  planId: string | null;
  plannedOn: string | null;
  durationDays: number | null;
  deadline: string | null;
  /** The congress sits after the level's deadline. */
  late: boolean;
  cells: StepStatus[];
  /** Where a click goes: the plan, the new-plan form for one who may draw it up, or nowhere. */
  target: string | null;
}

export interface ManageScope {
  /** The actor manages the whole subtree shown (admin, or a managing role at its top or above). */
  all: boolean;
  /** Organizations where the actor holds a managing role. */
  ids: ReadonlySet<string>;
}

export const newPlanPath = (organizationId: string, termName?: string) =>
  `/congress-plans/new?organizationId=${encodeURIComponent(organizationId)}${
    termName ? `&term=${encodeURIComponent(termName)}` : ''
  }`;

/**
 * The table's rows, one per organization in the server's tree order, with where a click leads. Linear in
 * the rows: whether the actor manages an organization is worked out once per organization through its
 * parent.
 */
export function buildDashboardRows(
  data: Pick<Dashboard, 'rows' | 'term'>,
  scope: ManageScope,
): DashboardRowView[] {
  const byId = new Map<string, DashboardRow>();
  for (const r of data.rows) byId.set(r.organization.id, r);
  const managed = new Map<string, boolean>();
  const manages = (id: string): boolean => {
    if (scope.all) return true;
    const known = managed.get(id);
    if (known !== undefined) return known;
    // Walk up within the rows until a decision is known, then fill in the path.
    const path: string[] = [];
    let current: string | null = id;
    let result = false;
    while (current) {
      const cached = managed.get(current);
      if (cached !== undefined) {
        result = cached;
        break;
      }
      path.push(current);
      if (scope.ids.has(current)) {
        result = true;
        break;
      }
      current = byId.get(current)?.organization.parentId ?? null;
      if (current && !byId.has(current)) {
        result = scope.ids.has(current);
        break;
      }
    }
    for (const p of path) managed.set(p, result);
    return result;
  };
  const rootDepth = data.rows.reduce(
    (min, r) => Math.min(min, r.organization.depth),
    Number.POSITIVE_INFINITY,
  );
  return data.rows.map((r) => ({
    key: r.organization.id,
    organizationId: r.organization.id,
    name: r.organization.name,
    level: r.organization.level,
    indent: Math.max(0, r.organization.depth - (Number.isFinite(rootDepth) ? rootDepth : 0)),
    planId: r.planId,
    plannedOn: r.plannedOn,
    durationDays: r.durationDays,
    deadline: r.deadline,
    late: isAfterDeadline(r.plannedOn, r.durationDays, r.deadline),
    cells: r.cells,
    target: r.planId
      ? `/congress-plans/${r.planId}`
      : manages(r.organization.id)
        ? newPlanPath(r.organization.id, data.term.name)
        : null,
  }));
}

/** Rows whose name holds every word typed, diacritics and case aside (`fold` is core's folding). */
export function filterRowsByName<T extends { name: string }>(
  rows: readonly T[],
  q: string,
  fold: (s: string) => string,
): readonly T[] {
  const words = fold(q).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const name = fold(r.name);
    return words.every((w) => name.includes(w));
  });
}

/** The counts in the legend's order, with their share of all cells. */
export function countEntries(counts: Partial<Record<StepStatus, number>>) {
  const total = STEP_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return STEP_STATUSES.map((status) => {
    const value = counts[status] ?? 0;
    return { status, value, share: total > 0 ? Math.round((value / total) * 1000) / 10 : 0 };
  });
}
