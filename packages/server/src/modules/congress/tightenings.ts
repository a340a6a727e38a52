import {
  applyNarrowings,
  type CongressRuleSet,
  formatRuleSource,
  ORGANIZATION_LEVELS,
  type RuleSetOverrides,
  type RuleSource,
  tightenRuleSet,
} from '@daihoi/core';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { AppError, forbidden, versionConflict } from '../../http/errors.js';
import { findVisible } from '../organizations/service.js';
import { overridesOf, ruleSetOf, tighteningsAbove } from './rules.js';
import type { PutTighteningInput } from './schema.js';
import { congressRuleTightenings } from './tables.js';

const rt = congressRuleTightenings;

const ruleOut = (rule: { value: unknown; source: RuleSource; unverified?: true } | undefined) =>
  rule
    ? {
        value: rule.value as string | number,
        source: formatRuleSource(rule.source),
        unverified: rule.unverified === true,
      }
    : null;

/** The effective schedule rules per level, as the client shows them beside a date. */
function presentRules(ruleSet: CongressRuleSet) {
  return Object.fromEntries(
    ORGANIZATION_LEVELS.map((level) => {
      const rules = ruleSet.levels[level];
      return [
        level,
        {
          earliestStart: ruleOut(rules.earliestStart),
          deadline: ruleOut(rules.deadline),
          maxDurationDays: ruleOut(rules.maxDurationDays),
        },
      ];
    }),
  );
}

async function ownOf(db: DbOrTx, organizationId: string, ruleSetId: string) {
  const [row] = await db
    .select()
    .from(rt)
    .where(and(eq(rt.organizationId, organizationId), eq(rt.ruleSetId, ruleSetId)));
  return row ?? null;
}

/** GET /organizations/{id}/congress-rules: the rules that bind the subtree, and the organization's own narrowing. */
export async function getTightening(ctx: Ctx, organizationId: string, ruleSetId: string) {
  const org = await findVisible(ctx.db, ctx.actor, organizationId);
  const base = ruleSetOf(ruleSetId);
  const own = await ownOf(ctx.db, org.id, ruleSetId);
  const narrowings = await tighteningsAbove(ctx.db, org, ruleSetId);
  const above = applyNarrowings(base, narrowings).ruleSet;
  const subtree = applyNarrowings(above, own ? [overridesOf(own)] : []);
  return {
    ruleSet: { id: base.id, name: base.name },
    /** What binds the subtree: the directive, the narrowings above, and the organization's own. */
    levels: presentRules(subtree.ruleSet),
    /** Values of the organization's own narrowing that a committee above has since made stricter. */
    overruled: subtree.overruled.map((o) => o.message),
    /** What binds the organization's own congress: the directive and the narrowings above it only. */
    above: presentRules(above),
    /** Those narrowings, from the top down, for a client that checks a date with core. */
    narrowings,
    own: own
      ? {
          sourceDocument: own.sourceDocument,
          sourceDate: own.sourceDate,
          levels: own.levels,
          version: own.version,
        }
      : null,
  };
}

/**
 * Each value of the narrowing that would loosen what binds from above, with core's message and the
 * field's path: core refuses the whole narrowing at the first one, so each value is tried on its own.
 */
function loosenings(bound: CongressRuleSet, overrides: RuleSetOverrides) {
  const found: { path: string; message: string }[] = [];
  for (const [level, values] of Object.entries(overrides.levels ?? {}))
    for (const [field, value] of Object.entries(values ?? {})) {
      try {
        tightenRuleSet(bound, { source: overrides.source, levels: { [level]: { [field]: value } } });
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        found.push({ path: `body.levels.${level}.${field}`, message: err.message });
      }
    }
  return found;
}

/** Levels whose first day the narrowing puts after their deadline, each with core's message. */
function levelsLeftWithoutADay(bound: CongressRuleSet, overrides: RuleSetOverrides) {
  const found: { path: string; message: string }[] = [];
  for (const [level, values] of Object.entries(overrides.levels ?? {}))
    try {
      tightenRuleSet(bound, { source: overrides.source, levels: { [level]: values } });
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      found.push({ path: `body.levels.${level}.deadline`, message: err.message });
    }
  return found;
}

/**
 * PUT /organizations/{id}/congress-rules: the committee narrows the rule set for its subtree, citing its
 * plan. Checked against the directive and every narrowing above it: anything looser is refused (400,
 * core's message), and nothing is written.
 */
export async function putTightening(ctx: Ctx, organizationId: string, input: PutTighteningInput) {
  const org = await findVisible(ctx.db, ctx.actor, organizationId);
  if (!can(ctx.actor, 'congress.manage', org)) throw forbidden();
  const base = ruleSetOf(input.ruleSetId);
  const above = await tighteningsAbove(ctx.db, org, input.ruleSetId);
  const overrides = {
    source: { document: input.sourceDocument, date: input.sourceDate },
    levels: input.levels,
  };
  const bound = applyNarrowings(base, above).ruleSet;
  const loosened = loosenings(bound, overrides);
  if (loosened.length > 0) throw new AppError(400, 'CONGRESS_RULES_LOOSENED', loosened, loosened[0]!.message);
  const empty = levelsLeftWithoutADay(bound, overrides);
  if (empty.length > 0) throw new AppError(400, 'CONGRESS_RULES_NO_DAY_LEFT', empty, empty[0]!.message);
  return inTransaction(ctx.db, async (tx) => {
    const own = await ownOf(tx, org.id, input.ruleSetId);
    if (own && own.version !== input.version) throw versionConflict(own.version);
    const now = ctx.clock.now();
    const values = {
      sourceDocument: input.sourceDocument,
      sourceDate: input.sourceDate,
      levels: input.levels,
      updatedAt: now,
    };
    if (own)
      await tx
        .update(rt)
        .set({ ...values, version: own.version + 1 })
        .where(eq(rt.id, own.id));
    else
      await tx.insert(rt).values({
        id: newId(),
        organizationId: org.id,
        ruleSetId: input.ruleSetId,
        ...values,
        createdAt: now,
      });
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.rules.tighten',
        entity: 'organization',
        entityId: org.id,
        organizationId: org.id,
        before: own ? { levels: own.levels, sourceDocument: own.sourceDocument } : null,
        after: { ruleSetId: input.ruleSetId, ...values, updatedAt: undefined },
      },
      now,
    );
    return getTightening({ ...ctx, db: tx as Ctx['db'] }, org.id, input.ruleSetId);
  });
}
