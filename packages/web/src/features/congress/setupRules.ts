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
import { ApiError, isApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { mergeFresh } from './form';
import { defaultTermId, ruleSetIdForTerm, type TermLike } from './helpers';
import {
  type CongressRules,
  type EffectiveRule,
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

/** "… ngày 2019-10-31" → "… ngày 31/10/2019": the server cites its sources with ISO dates. */
export function readableSource(source: string): string {
  return source.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));
}

/** What the directive itself (the shipped rule set) says for one rule of one level. */
export function directiveRule(ruleSetId: RuleSetId, level: string, field: RuleField): ShownRule | null {
  if (!isOrganizationLevel(level)) return null;
  const rule = getRuleSet(ruleSetId).levels[level][field];
  if (!rule) return null;
  return { value: rule.value, source: formatRuleSource(rule.source), unverified: Boolean(rule.unverified) };
}

const ownSource = (own: Pick<OwnNarrowing, 'sourceDocument' | 'sourceDate'>) =>
  `${own.sourceDocument} ngày ${own.sourceDate}`;

/** Whether the effective rule is the organization's own narrowing (it binds those below, not itself). */
export function isOwnRule(
  rule: EffectiveRule | null,
  own: OwnNarrowing | null,
  level: string,
  field: RuleField,
): boolean {
  if (!rule || !own) return false;
  return own.levels[level]?.[field] !== undefined && rule.source === ownSource(own);
}

/**
 * The narrowing a committee above set, where the page can tell: the effective rule when it is neither this
 * organization's own nor the directive's value. Hidden (null) where this organization narrowed the same rule.
 */
export function aboveRule(data: CongressRules, ruleSetId: RuleSetId, level: string, field: RuleField) {
  const rule = data.levels[level]?.[field] ?? null;
  if (!rule || isOwnRule(rule, data.own, level, field)) return null;
  const directive = directiveRule(ruleSetId, level, field);
  if (directive && directive.value === rule.value) return null;
  return { value: rule.value, source: readableSource(rule.source), unverified: rule.unverified };
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

/** Whether `value` allows more than `limit`: an earlier first day, a later deadline, a longer congress. */
export function isLooser(field: RuleField, value: string | number, limit: string | number): boolean {
  if (field === 'maxDurationDays') return Number(value) > Number(limit);
  const order = compareIsoDates(String(value), String(limit));
  return field === 'earliestStart' ? order < 0 : order > 0;
}

type Target = [level: string, field: RuleField];

/**
 * Which field a refusal for loosening belongs to. The server's message names the rule in words only, so
 * the field is found the way the server decides: first a value looser than what binds the committee (a
 * narrowing above it, else the directive), then a level left without a day, then a value looser than the
 * committee's own stored one (the narrowing above it is hidden behind that one).
 */
export function loosenedField(
  values: RulesFormValues,
  data: CongressRules,
  ruleSetId: RuleSetId,
): Target | null {
  const entries = Object.entries(values.levels);
  const typed = (v: LevelValues | undefined, field: RuleField) => {
    const x = v?.[field];
    return x === null || x === undefined || x === '' ? null : x;
  };
  const limitOf = (level: string, field: RuleField) =>
    aboveRule(data, ruleSetId, level, field) ?? directiveRule(ruleSetId, level, field);
  for (const [level, v] of entries)
    for (const field of RULE_FIELDS) {
      const value = typed(v, field);
      const limit = limitOf(level, field);
      if (value !== null && limit && isLooser(field, value, limit.value)) return [level, field];
    }
  for (const [level, v] of entries) {
    const bound = (field: 'earliestStart' | 'deadline') =>
      String(typed(v, field) ?? limitOf(level, field)?.value ?? '');
    const first = bound('earliestStart');
    const last = bound('deadline');
    if (first && last && compareIsoDates(first, last) > 0)
      return [level, typed(v, 'deadline') !== null ? 'deadline' : 'earliestStart'];
  }
  for (const [level, v] of entries)
    for (const field of RULE_FIELDS) {
      const value = typed(v, field);
      const saved = data.own?.levels[level]?.[field];
      if (value !== null && saved !== undefined && isLooser(field, value, saved)) return [level, field];
    }
  return null;
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

/** The server's refusal with its messages at the form's fields: a loosened rule under that rule's field. */
export function forRulesForm(
  error: unknown,
  values: RulesFormValues,
  data: CongressRules,
  ruleSetId: RuleSetId,
): unknown {
  if (!isApiError(error)) return error;
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (error.code === 'CONGRESS_RULES_LOOSENED') {
    const target = loosenedField(values, data, ruleSetId);
    if (target) issues.push({ path: ['levels', ...target], message: error.message });
  } else if (Array.isArray(error.details)) {
    for (const d of error.details) {
      const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown };
      const target = formPath(path);
      if (target)
        issues.push({
          path: target,
          message: typeof message === 'string' && message ? message : error.message,
        });
    }
  }
  if (issues.length === 0) return error;
  return new ApiError(error.status, error.code, error.message, issues);
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
