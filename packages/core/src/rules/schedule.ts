import { addDays, compareIsoDates, formatDateVi, isIsoDate } from '../dates/dates.js';
import {
  isOrganizationLevel,
  ORGANIZATION_LEVEL_LABELS_VI,
  ORGANIZATION_LEVELS,
  type OrganizationLevel,
} from '../organizations/levels.js';
import { formatCongressDaysVi, formatRuleSource } from './format.js';
import { deepFreeze } from './freeze.js';
import type { CongressRuleSet, LevelRules, Rule, RuleSource } from './types.js';

/** A planned congress: its opening day and length in days, counted in halves (0.5, 1, 1.5, 2…). */
export interface CongressSchedule {
  readonly startsOn: string;
  readonly days: number;
  /** The opening day of the congress directly above, where known (for `beforeParentCongress`). */
  readonly parentStartsOn?: string;
}

export type ScheduleViolationCode =
  | 'before_earliest_start'
  | 'after_deadline'
  | 'too_long'
  | 'not_before_parent';

export interface ScheduleViolation {
  readonly code: ScheduleViolationCode;
  /** Vietnamese, naming the rule's document (and article, where known). */
  readonly message: string;
  readonly source: RuleSource;
  /** The rule broken is an unverified default (RULES.md): the UI shows it as a warning to check. */
  readonly unverified: boolean;
}

/** Limits an upper committee sets for one level of its subtree. */
export interface LevelOverride {
  readonly earliestStart?: string;
  readonly deadline?: string;
  readonly maxDurationDays?: number;
}

/** An upper committee's plan (e.g. Kế hoạch 133-KH/ĐUK) and the limits it sets, by level. */
export interface RuleSetOverrides {
  readonly source: RuleSource;
  readonly levels: Partial<Readonly<Record<OrganizationLevel, LevelOverride>>>;
}

const levelLabel = (level: OrganizationLevel) => {
  const label = ORGANIZATION_LEVEL_LABELS_VI[level];
  return label.charAt(0).toLowerCase() + label.slice(1);
};

function cite(rule: Rule<unknown>): string {
  const flag = rule.unverified ? '; quy định chưa được xác minh, là giá trị mặc định' : '';
  return `${formatRuleSource(rule.source)}${flag}`;
}

function requireLevel(level: string): asserts level is OrganizationLevel {
  if (!isOrganizationLevel(level)) throw new RangeError(`Cấp tổ chức không hợp lệ: "${level}".`);
}

function requireDate(date: string, what: string): void {
  if (!isIsoDate(date))
    throw new RangeError(`${what} không phải ngày hợp lệ (YYYY-MM-DD): ${JSON.stringify(date)}.`);
}

function requireDays(days: number): void {
  if (!(Number.isFinite(days) && days > 0 && Number.isInteger(days * 2))) {
    throw new RangeError(`Số ngày đại hội phải lớn hơn 0 và tính theo nửa ngày: ${days}.`);
  }
}

/** The rule and those it tightens, the highest authority (the directive) first. */
function chainOf<T>(rule: Rule<T>): Rule<T>[] {
  const chain: Rule<T>[] = [];
  for (let current: Rule<T> | undefined = rule; current; current = current.tightens) chain.unshift(current);
  return chain;
}

/** The highest-authority rule of the chain the schedule breaks; a tighter rule is cited only alone. */
function brokenRule<T>(rule: Rule<T> | undefined, broken: (limit: T) => boolean): Rule<T> | undefined {
  return rule ? chainOf(rule).find((link) => broken(link.value)) : undefined;
}

function violation(code: ScheduleViolationCode, sentence: string, rule: Rule<unknown>): ScheduleViolation {
  return {
    code,
    message: `${sentence} (căn cứ: ${cite(rule)}).`,
    source: rule.source,
    unverified: rule.unverified === true,
  };
}

/**
 * What a planned congress breaks: opening before the level's first allowed day, sitting past its
 * deadline (the last allowed day, inclusive), lasting longer than allowed, or not being over before the
 * congress above opens. Each violation names the highest-authority rule broken. `tightened` applies upper
 * committees' plans first (top down, see tightenRuleSet). An empty list means no rule is broken.
 */
export function checkCongressSchedule(
  ruleSet: CongressRuleSet,
  level: OrganizationLevel,
  schedule: CongressSchedule,
  tightened: RuleSetOverrides | readonly RuleSetOverrides[] = [],
): ScheduleViolation[] {
  requireLevel(level);
  requireDate(schedule.startsOn, 'Ngày khai mạc');
  requireDays(schedule.days);
  if (schedule.parentStartsOn !== undefined)
    requireDate(schedule.parentStartsOn, 'Ngày khai mạc đại hội cấp trên');
  const plans = Array.isArray(tightened) ? tightened : [tightened as RuleSetOverrides];
  const rules = plans.reduce(tightenRuleSet, ruleSet).levels[level];
  const { startsOn, days, parentStartsOn } = schedule;
  const endsOn = addDays(startsOn, Math.ceil(days) - 1);
  const label = levelLabel(level);
  const found: ScheduleViolation[] = [];

  const early = brokenRule(rules.earliestStart, (first: string) => compareIsoDates(startsOn, first) < 0);
  if (early) {
    const sentence = `Đại hội ${label} chỉ được khai mạc từ ngày ${formatDateVi(early.value)}; lịch dự kiến khai mạc ngày ${formatDateVi(startsOn)}`;
    found.push(violation('before_earliest_start', sentence, early));
  }
  const late = brokenRule(rules.deadline, (last: string) => compareIsoDates(endsOn, last) > 0);
  if (late) {
    const sentence = `Đại hội ${label} phải kết thúc chậm nhất ngày ${formatDateVi(late.value)}; lịch dự kiến kết thúc ngày ${formatDateVi(endsOn)}`;
    found.push(violation('after_deadline', sentence, late));
  }
  const long = brokenRule(rules.maxDurationDays, (max: number) => days > max);
  if (long) {
    const sentence = `Đại hội ${label} tiến hành không quá ${formatCongressDaysVi(long.value)}; lịch dự kiến ${formatCongressDaysVi(days)}`;
    found.push(violation('too_long', sentence, long));
  }
  const parentRule = rules.beforeParentCongress;
  if (parentRule && parentStartsOn !== undefined && compareIsoDates(endsOn, parentStartsOn) >= 0) {
    const sentence = `Đại hội ${label} phải xong trước ngày khai mạc đại hội cấp trên trực tiếp (${formatDateVi(parentStartsOn)}); lịch dự kiến kết thúc ngày ${formatDateVi(endsOn)}`;
    found.push(violation('not_before_parent', sentence, parentRule));
  }
  return found;
}

/** The override as a rule narrowing `base`, or `base` itself when the override leaves it unchanged. */
function narrowed<T>(
  base: Rule<T> | undefined,
  value: T | undefined,
  source: RuleSource,
  looser: (value: T, limit: T) => boolean,
  refusal: (base: Rule<T>) => string,
): Rule<T> | undefined {
  if (value === undefined) return base;
  if (!base) return { value, source };
  if (looser(value, base.value)) throw new RangeError(refusal(base));
  return value === base.value ? base : { value, source, tightens: base };
}

function tightenLevel(
  level: OrganizationLevel,
  rules: LevelRules,
  override: LevelOverride,
  source: RuleSource,
): LevelRules {
  const label = levelLabel(level);
  const { earliestStart, deadline, maxDurationDays } = override;
  if (earliestStart !== undefined) requireDate(earliestStart, 'Ngày khai mạc sớm nhất');
  if (deadline !== undefined) requireDate(deadline, 'Hạn chót');
  if (maxDurationDays !== undefined) requireDays(maxDurationDays);
  const next: LevelRules = {
    ...rules,
    earliestStart: narrowed(
      rules.earliestStart,
      earliestStart,
      source,
      (value, limit) => compareIsoDates(value, limit) < 0,
      (base) =>
        `Không thể cho đại hội ${label} khai mạc từ ngày ${formatDateVi(earliestStart ?? '')}: ${cite(base)} chỉ cho phép từ ngày ${formatDateVi(base.value)}.`,
    ),
    deadline: narrowed(
      rules.deadline,
      deadline,
      source,
      (value, limit) => compareIsoDates(value, limit) > 0,
      (base) =>
        `Không thể lùi hạn chót đại hội ${label} đến ngày ${formatDateVi(deadline ?? '')}: ${cite(base)} quy định chậm nhất ngày ${formatDateVi(base.value)}.`,
    ),
    maxDurationDays: narrowed(
      rules.maxDurationDays,
      maxDurationDays,
      source,
      (value, limit) => value > limit,
      (base) =>
        `Không thể kéo dài đại hội ${label} đến ${formatCongressDaysVi(maxDurationDays ?? 0)}: ${cite(base)} quy định không quá ${formatCongressDaysVi(base.value)}.`,
    ),
  };
  const first = next.earliestStart?.value;
  const last = next.deadline?.value;
  if (first !== undefined && last !== undefined && compareIsoDates(first, last) > 0) {
    throw new RangeError(
      `Kế hoạch không để lại ngày nào cho đại hội ${label}: khai mạc sớm nhất ngày ${formatDateVi(first)} nhưng hạn chót là ngày ${formatDateVi(last)}.`,
    );
  }
  return Object.fromEntries(Object.entries(next).filter(([, rule]) => rule !== undefined)) as LevelRules;
}

/**
 * The rule set as an upper committee narrows it for its subtree: a later first day, an earlier
 * deadline, a shorter congress. Each narrowed rule cites the plan and keeps the rule it tightens
 * (`tightens`). Anything looser than the rule set — an earlier first day, a later deadline, a longer
 * congress — is refused with a RangeError in Vietnamese, as is a plan that leaves no day at all.
 */
export function tightenRuleSet(ruleSet: CongressRuleSet, overrides: RuleSetOverrides): CongressRuleSet {
  for (const level of Object.keys(overrides.levels)) requireLevel(level);
  const levels = Object.fromEntries(
    ORGANIZATION_LEVELS.map((level) => {
      const override = overrides.levels[level];
      const rules = ruleSet.levels[level];
      return [level, override ? tightenLevel(level, rules, override, overrides.source) : rules];
    }),
  ) as Record<OrganizationLevel, LevelRules>;
  return deepFreeze({ ...ruleSet, levels, tightenedBy: [...(ruleSet.tightenedBy ?? []), overrides.source] });
}

/** A narrowing set aside, or part of it, because what binds from above is now stricter. */
export interface OverruledNarrowing {
  readonly source: RuleSource;
  readonly message: string;
}

/**
 * The rule set under a chain of narrowings, top down, when a lower one may have become looser than one
 * above it since it was set (the committee above narrowed later): the stricter rule above prevails, so
 * each value that no longer tightens is set aside and reported, and the rest of that narrowing holds.
 * A chain that holds as a whole gives the same rule set as folding tightenRuleSet over it.
 */
export function applyNarrowings(
  ruleSet: CongressRuleSet,
  chain: readonly RuleSetOverrides[],
): { ruleSet: CongressRuleSet; overruled: OverruledNarrowing[] } {
  const overruled: OverruledNarrowing[] = [];
  let current = ruleSet;
  for (const overrides of chain) {
    try {
      current = tightenRuleSet(current, overrides);
      continue;
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
    }
    for (const [level, values] of Object.entries(overrides.levels))
      for (const [field, value] of Object.entries(values ?? {})) {
        const one = { source: overrides.source, levels: { [level]: { [field]: value } } };
        try {
          current = tightenRuleSet(current, one);
        } catch (err) {
          if (!(err instanceof RangeError)) throw err;
          overruled.push({ source: overrides.source, message: err.message });
        }
      }
  }
  return { ruleSet: current, overruled };
}
