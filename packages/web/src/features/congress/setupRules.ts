import {
  compareIsoDates,
  formatRuleSource,
  getRuleSet,
  isOrganizationLevel,
  isRuleSetId,
  ORGANIZATION_LEVELS,
  type OrganizationLevel,
  RULE_SET_IDS,
  type RuleSetId,
} from '@daihoi/core';
import { isApiError } from '../../app/api';
import { detailIssues, withIssues } from '../../app/forms';
import { mergeFresh } from './form';
import { defaultTermId, ruleSetIdForTerm, type TermLike } from './helpers';
import {
  type CongressRules,
  type LevelOverride,
  type OwnNarrowing,
  type PutCongressRulesInput,
  RULE_FIELDS,
  type RuleField,
} from './setupApi';

/** One level's own values as the form holds them: ISO dates, days in halves; null: not narrowed. */
export interface LevelValues {
  earliestStart?: string | null;
  deadline?: string | null;
  maxDurationDays?: number | null;
}

export interface RulesFormValues {
  sourceDocument: string;
  sourceDate: string | null;
  levels: Partial<Record<string, LevelValues>>;
}

/** A rule as the page shows it: the value, where it comes from, whether RULES.md calls it unverified. */
export interface ShownRule {
  value: string | number;
  source: string;
  unverified: boolean;
}

const levelIndex = (level: string) => (ORGANIZATION_LEVELS as readonly string[]).indexOf(level);

/**
 * The levels a committee's narrowing speaks of: those below its own (a bloc narrows its grassroots
 * organizations and their cells), and any its stored narrowing already names.
 */
export function shownLevels(level: string, own: Pick<OwnNarrowing, 'levels'> | null): OrganizationLevel[] {
  const from = levelIndex(level);
  const named = new Set(Object.keys(own?.levels ?? {}));
  return ORGANIZATION_LEVELS.filter((l, i) => (from >= 0 && i > from) || named.has(l));
}

/**
 * The rule set whose term is being prepared, as the dashboard chooses it: the organization's first term
 * starting after the business date; without a matching term, the first rule set whose term starts in the
 * business year or later, else the newest.
 */
export function defaultRuleSetId(terms: readonly TermLike[], today: string | undefined): RuleSetId {
  const term = terms.find((x) => x.id === defaultTermId(terms, today));
  const byTerm = ruleSetIdForTerm(term?.name);
  if (byTerm) return byTerm;
  const year = today ? Number(today.slice(0, 4)) : Number.NaN;
  const next = RULE_SET_IDS.find((id) => Number(getRuleSet(id).term.slice(0, 4)) >= year);
  return next ?? RULE_SET_IDS[RULE_SET_IDS.length - 1]!;
}

export const ruleSetIdOr = (value: string | null | undefined, fallback: RuleSetId): RuleSetId =>
  value && isRuleSetId(value) ? value : fallback;

/** What the directive itself (the shipped rule set) says for one rule of one level. */
export function directiveRule(ruleSetId: RuleSetId, level: string, field: RuleField): ShownRule | null {
  if (!isOrganizationLevel(level)) return null;
  const rule = getRuleSet(ruleSetId).levels[level][field];
  if (!rule) return null;
  return { value: rule.value, source: formatRuleSource(rule.source), unverified: Boolean(rule.unverified) };
}

/** The committee's own plan, cited as the server and core cite every source. */
export const ownSource = (own: Pick<OwnNarrowing, 'sourceDocument' | 'sourceDate'>) =>
  formatRuleSource({ document: own.sourceDocument, date: own.sourceDate });

/**
 * The narrowing of a committee above that binds the organization's own congress, with its plan; null
 * where the directive's rule binds unchanged. The committee's own value never hides it.
 */
export function aboveRule(
  data: Pick<CongressRules, 'above'>,
  ruleSetId: RuleSetId,
  level: string,
  field: RuleField,
): ShownRule | null {
  const rule = data.above[level]?.[field] ?? null;
  if (!rule) return null;
  const directive = directiveRule(ruleSetId, level, field);
  if (directive && directive.value === rule.value && directive.source === rule.source) return null;
  return { value: rule.value, source: rule.source, unverified: rule.unverified };
}

/** What binds the committee's value for one rule: a narrowing above, else the directive. */
export function bindingRule(
  data: Pick<CongressRules, 'above'>,
  ruleSetId: RuleSetId,
  level: string,
  field: RuleField,
): ShownRule | null {
  return aboveRule(data, ruleSetId, level, field) ?? directiveRule(ruleSetId, level, field);
}

/**
 * A level the form would leave without a day: its first day (typed, else what binds) after its deadline.
 * The message goes under the value typed, the deadline first.
 */
export function noDayLeft(
  values: LevelValues | undefined,
  data: Pick<CongressRules, 'above'>,
  ruleSetId: RuleSetId,
  level: string,
): { field: 'earliestStart' | 'deadline'; first: string; last: string } | null {
  const typed = (field: 'earliestStart' | 'deadline') => values?.[field] || null;
  const bound = (field: 'earliestStart' | 'deadline') =>
    typed(field) ?? (bindingRule(data, ruleSetId, level, field)?.value as string | undefined) ?? null;
  const first = bound('earliestStart');
  const last = bound('deadline');
  if (!first || !last || compareIsoDates(first, last) <= 0) return null;
  if (typed('deadline')) return { field: 'deadline', first, last };
  if (typed('earliestStart')) return { field: 'earliestStart', first, last };
  return null;
}

export function rulesToValues(own: OwnNarrowing | null, levels: readonly string[]): RulesFormValues {
  return {
    sourceDocument: own?.sourceDocument ?? '',
    sourceDate: own?.sourceDate ?? null,
    levels: Object.fromEntries(
      levels.map((level) => {
        const o = own?.levels[level] ?? {};
        return [
          level,
          {
            earliestStart: o.earliestStart ?? null,
            deadline: o.deadline ?? null,
            maxDurationDays: o.maxDurationDays ?? null,
          },
        ];
      }),
    ),
  };
}

/** The levels with a value, as the server takes them: an empty field leaves the rule to those above. */
export function levelOverrides(levels: RulesFormValues['levels']): Partial<Record<string, LevelOverride>> {
  const out: Partial<Record<string, LevelOverride>> = {};
  for (const [level, v] of Object.entries(levels)) {
    if (!v) continue;
    const o: LevelOverride = {};
    if (v.earliestStart) o.earliestStart = v.earliestStart;
    if (v.deadline) o.deadline = v.deadline;
    if (typeof v.maxDurationDays === 'number') o.maxDurationDays = v.maxDurationDays;
    if (Object.keys(o).length > 0) out[level] = o;
  }
  return out;
}

export function rulesBody(
  values: RulesFormValues,
  ruleSetId: string,
  version: number | undefined,
): PutCongressRulesInput {
  const body: PutCongressRulesInput = {
    ruleSetId,
    sourceDocument: values.sourceDocument.trim(),
    sourceDate: values.sourceDate ?? '',
    levels: levelOverrides(values.levels),
  };
  if (version !== undefined) body.version = version;
  return body;
}

/** "body.levels.grassroots.deadline" → ['levels', 'grassroots', 'deadline']; null for anything else. */
function formPath(path: unknown): (string | number)[] | null {
  const segments = (typeof path === 'string' ? path.split('.') : Array.isArray(path) ? path.map(String) : [])
    .filter(Boolean)
    .filter((s, i) => !(i === 0 && s === 'body'));
  const [head, level, field] = segments;
  if (head === 'sourceDocument' || head === 'sourceDate') return [head];
  if (head === 'levels' && level && field && (RULE_FIELDS as readonly string[]).includes(field))
    return ['levels', level, field];
  return null;
}

/**
 * The server's refusal with its messages at the form's fields, by the paths it names: a loosened rule
 * (CONGRESS_RULES_LOOSENED, one detail per looser value) or an invalid value under its field. Without a
 * path the form knows, the refusal stays in the alert above the form.
 */
export function forRulesForm(error: unknown): unknown {
  if (!isApiError(error)) return error;
  return withIssues(error, detailIssues(error, formPath));
}

/** After a stale save: what the user left alone takes the newest values, level by level; what they typed stays. */
export function mergeRulesFresh(
  current: RulesFormValues,
  base: RulesFormValues,
  fresh: RulesFormValues,
): RulesFormValues {
  const top = mergeFresh(
    { sourceDocument: current.sourceDocument, sourceDate: current.sourceDate },
    { sourceDocument: base.sourceDocument, sourceDate: base.sourceDate },
    { sourceDocument: fresh.sourceDocument, sourceDate: fresh.sourceDate },
  );
  const levels: RulesFormValues['levels'] = { ...current.levels };
  for (const [level, v] of Object.entries(fresh.levels))
    levels[level] = mergeFresh(current.levels[level] ?? {}, base.levels[level] ?? {}, v ?? {});
  return { ...top, levels };
}

/** The leaf paths of a nested change as antd reports it: { levels: { cell: { deadline } } } → [['levels', 'cell', 'deadline']]. */
export function changedPaths(changed: object, prefix: string[] = []): string[][] {
  return Object.entries(changed).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && !('$d' in value)
      ? changedPaths(value, [...prefix, key])
      : [[...prefix, key]],
  );
}
