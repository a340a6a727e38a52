import {
  applyNarrowings,
  type CongressRuleSet,
  checkCongressSchedule,
  getRuleSet,
  isOrganizationLevel,
  isRuleSetId,
  RULE_SET_IDS,
  type RuleSetOverrides,
  type ScheduleViolation,
} from '@daihoi/core';
import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { AppError, badRequest } from '../../http/errors.js';
import { ACTIVE_STATUSES } from '../members/service.js';
import { members } from '../members/tables.js';
import { organizations } from '../organizations/tables.js';
import { congressRuleTightenings } from './tables.js';

/** A rule set by the id a request gives; 400 naming the rule sets there are. */
export function ruleSetOf(id: string): CongressRuleSet {
  if (!isRuleSetId(id)) throw badRequest('CONGRESS_RULE_SET_MISSING', [{ path: 'ruleSetId' }]);
  return getRuleSet(id);
}

/** The rule set of the congresses that open a term, by the term's name ("2020–2025" → 35-CT/TW of 2019). */
export function ruleSetForTerm(termName: string): CongressRuleSet {
  const id = RULE_SET_IDS.find((r) => getRuleSet(r).term === termName);
  if (!id) throw badRequest('CONGRESS_RULE_SET_MISSING', [{ path: 'body.termId' }]);
  return getRuleSet(id);
}

interface Organization {
  id: string;
  path: string;
  level: string;
  kind: string;
}

/**
 * The kind of congress the membership gives (RULES §1.1): a grassroots organization below the rule set's
 * threshold holds an all-member congress, at or above it a delegates' congress; cells and sub-grassroots
 * organizations meet as all members, the levels above as delegates.
 */
export async function derivedCongressKind(db: DbOrTx, ruleSet: CongressRuleSet, org: Organization) {
  const threshold = ruleSet.allMemberCongressBelow.value;
  const [row] = await db
    .select({ n: count() })
    .from(members)
    .where(
      and(
        sql`${members.organizationPath} LIKE ${`${org.path}%`}`,
        inArray(members.status, [...ACTIVE_STATUSES]),
      ),
    );
  const memberCount = Number(row?.n ?? 0);
  const kind =
    org.level === 'grassroots'
      ? memberCount < threshold
        ? 'all_member'
        : 'delegates'
      : org.level === 'cell' || org.level === 'sub_grassroots'
        ? 'all_member'
        : 'delegates';
  return { kind: kind as 'all_member' | 'delegates', memberCount, threshold };
}

/**
 * The planned date and length against the level's rules. A broken verified rule refuses the plan, naming
 * the document; a broken unverified default (RULES.md) is returned as a warning for the clerk to check.
 */
export function scheduleWarnings(
  ruleSet: CongressRuleSet,
  level: string,
  plannedOn: string | null,
  halfDays: number,
  tightened: readonly RuleSetOverrides[] = [],
) {
  if (!plannedOn || !isOrganizationLevel(level)) return [];
  const violations = checkCongressSchedule(applyNarrowings(ruleSet, tightened).ruleSet, level, {
    startsOn: plannedOn,
    days: halfDays / 2,
  });
  const refused = violations.filter((v) => !v.unverified);
  if (refused.length > 0) throw scheduleError(refused);
  return violations.map((v) => ({ code: v.code, message: v.message }));
}

function scheduleError(violations: ScheduleViolation[]): AppError {
  return new AppError(
    400,
    'CONGRESS_SCHEDULE_INVALID',
    violations.map((v) => ({
      path: v.code === 'too_long' ? 'body.durationDays' : 'body.plannedOn',
      code: v.code,
      message: v.message,
    })),
    violations[0]!.message,
  );
}

/**
 * The narrowings the committees above an organization set for this rule set, from the top down: what its
 * plan is checked against besides the directive. The organization's own narrowing binds those below it.
 */
export async function tighteningsAbove(
  db: DbOrTx,
  org: { id: string; path: string },
  ruleSetId: string,
): Promise<RuleSetOverrides[]> {
  const above = org.path.split('/').filter((id) => id && id !== org.id);
  if (above.length === 0) return [];
  const rows = await db
    .select({ t: congressRuleTightenings, depth: organizations.depth })
    .from(congressRuleTightenings)
    .innerJoin(organizations, eq(organizations.id, congressRuleTightenings.organizationId))
    .where(
      and(
        inArray(congressRuleTightenings.organizationId, above),
        eq(congressRuleTightenings.ruleSetId, ruleSetId),
      ),
    )
    .orderBy(asc(organizations.depth));
  return rows.map(({ t }) => overridesOf(t));
}

export const overridesOf = (t: typeof congressRuleTightenings.$inferSelect): RuleSetOverrides => ({
  source: { document: t.sourceDocument, date: t.sourceDate },
  levels: t.levels as RuleSetOverrides['levels'],
});

/**
 * Each organization's last allowed day under the rule set as the committees above it narrowed it: one
 * read of the narrowings on the anchor's path and in its subtree, then each row folds those of its own
 * ancestors (few committees narrow, so the folds are cached by the chain).
 */
export async function levelDeadlines(db: DbOrTx, anchor: { path: string }, ruleSet: CongressRuleSet) {
  const lineage = anchor.path.split('/').filter(Boolean);
  const rows = await db
    .select()
    .from(congressRuleTightenings)
    .innerJoin(organizations, eq(organizations.id, congressRuleTightenings.organizationId))
    .where(
      and(
        eq(congressRuleTightenings.ruleSetId, ruleSet.id),
        or(
          inArray(congressRuleTightenings.organizationId, lineage),
          sql`${organizations.path} LIKE ${`${anchor.path}%`}`,
        ),
      ),
    );
  const byOrg = new Map(rows.map((r) => [r.congress_rule_tightenings.organizationId, r]));
  const folded = new Map<string, CongressRuleSet>();
  return (org: { id: string; path: string; level: string }): string | null => {
    if (!isOrganizationLevel(org.level)) return null;
    const chain = org.path.split('/').filter((id) => id && id !== org.id && byOrg.has(id));
    const key = chain.join('/');
    let effective = folded.get(key);
    if (!effective) {
      const narrowings = chain.map((id) => overridesOf(byOrg.get(id)!.congress_rule_tightenings));
      effective = applyNarrowings(ruleSet, narrowings).ruleSet;
      folded.set(key, effective);
    }
    return effective.levels[org.level]?.deadline?.value ?? null;
  };
}
