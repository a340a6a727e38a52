import { defaultPreparationTemplate, getRuleSet, type RuleSetId } from '@daihoi/core';
import { and, asc, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/service.js';
import { can, canWholeSubtree, reachCondition } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, conflict, forbidden, versionConflict } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { findVisible } from '../organizations/service.js';
import { committeeTerms, organizations } from '../organizations/tables.js';
import { findVisiblePlan, planColumns } from './access.js';
import { auditedPlan, type PlanRow } from './presenter.js';
import { derivedCongressKind, ruleSetForTerm, scheduleWarnings, tighteningsAbove } from './rules.js';
import type { CreatePlanInput, ListPlansQuery, UpdatePlanInput } from './schema.js';
import { listSubcommittees } from './subcommittees.js';
import { listSubmissions } from './submissions.js';
import { congressPlans } from './tables.js';
import { generateTasks, presentTasks, rescheduleTasks } from './tasks.js';
import { effectiveTemplate } from './templates.js';

const p = congressPlans;
const o = organizations;
const t = committeeTerms;

type Selected = Awaited<ReturnType<typeof findVisiblePlan>>;

/** A kind other than the membership's needs its reason (e.g. the upper level's consent, RULES §1.1). */
function checkKind(chosen: string, derived: string, reason: string | null | undefined) {
  if (chosen !== derived && !reason)
    throw badRequest('CONGRESS_KIND_REASON_REQUIRED', [{ path: 'body.congressKindReason' }]);
}

async function presentPlan(db: DbOrTx, row: Selected) {
  const ruleSet = getRuleSet(row.plan.ruleSetId as RuleSetId);
  const derived = await derivedCongressKind(db, ruleSet, row.organization);
  let warnings: { code: string; message: string }[] = [];
  try {
    warnings = scheduleWarnings(
      ruleSet,
      row.organization.level,
      row.plan.plannedOn,
      row.plan.durationHalfDays,
    );
  } catch (err) {
    // A plan saved under the rules stays readable if they tighten later: the refusal becomes a warning.
    const details = (err as { details?: { code: string; message: string }[] }).details ?? [];
    warnings = details.map((d) => ({ code: d.code, message: d.message }));
  }
  return {
    id: row.plan.id,
    organization: { id: row.organization.id, name: row.organization.name, level: row.organization.level },
    term: row.term,
    ruleSet: { id: ruleSet.id, name: ruleSet.name },
    congressKind: row.plan.congressKind as 'all_member' | 'delegates',
    congressKindReason: row.plan.congressKindReason,
    derivedKind: derived,
    plannedOn: row.plan.plannedOn,
    durationDays: row.plan.durationHalfDays / 2,
    adoptedOn: row.plan.adoptedOn,
    /** Whose steps the tasks came from: a committee above, or the shipped template (organization null). */
    template: {
      name: row.plan.templateName ?? defaultPreparationTemplate(ruleSet.id).nameVi,
      organizationId: row.plan.templateOrganizationId,
    },
    note: row.plan.note,
    warnings,
    version: row.plan.version,
    createdAt: row.plan.createdAt.toISOString(),
    updatedAt: row.plan.updatedAt.toISOString(),
  };
}

async function detailOf(db: DbOrTx, ctx: Ctx, row: Selected) {
  return {
    ...(await presentPlan(db, row)),
    tasks: await presentTasks(db, row.plan.id, ctx.clock.today()),
    subcommittees: await listSubcommittees(db, row.plan.id),
    submissions: await listSubmissions(db, row.plan.id),
    abilities: {
      edit: can(ctx.actor, 'congress.manage', row.organization),
      decide: can(ctx.actor, 'congress.approve', row.organization),
    },
  };
}

/**
 * Adopts an organization's plan for the congress that opens a term: the kind from its membership (or
 * another, with a reason), the date and length checked against the term's rule set, and the tasks of the
 * preparation template counted back from the date.
 */
export async function createPlan(ctx: Ctx, input: CreatePlanInput) {
  const org = await findVisible(ctx.db, ctx.actor, input.organizationId);
  if (!can(ctx.actor, 'congress.manage', org)) throw forbidden();
  const [term] = await ctx.db.select().from(t).where(eq(t.id, input.termId));
  if (!term || term.organizationId !== org.id)
    throw badRequest('CONGRESS_TERM_MISMATCH', [{ path: 'body.termId' }]);
  const ruleSet = ruleSetForTerm(term.name);
  const halfDays = Math.round(input.durationDays * 2);
  scheduleWarnings(
    ruleSet,
    org.level,
    input.plannedOn ?? null,
    halfDays,
    await tighteningsAbove(ctx.db, org, ruleSet.id),
  );
  const derived = await derivedCongressKind(ctx.db, ruleSet, org);
  const kind = input.congressKind ?? derived.kind;
  checkKind(kind, derived.kind, input.congressKindReason);
  const now = ctx.clock.now();
  const id = newId();
  const steps = await effectiveTemplate(ctx.db, org, ruleSet.id, false);
  return inTransaction(ctx.db, async (tx) => {
    const [exists] = await tx
      .select({ id: p.id })
      .from(p)
      .where(and(eq(p.organizationId, org.id), eq(p.termId, term.id)));
    if (exists) throw conflict('CONGRESS_PLAN_EXISTS', { planId: exists.id });
    const [row] = await tx
      .insert(p)
      .values({
        id,
        organizationId: org.id,
        termId: term.id,
        ruleSetId: ruleSet.id,
        congressKind: kind,
        congressKindReason: input.congressKindReason ?? null,
        plannedOn: input.plannedOn ?? null,
        durationHalfDays: halfDays,
        adoptedOn: ctx.clock.today(),
        templateOrganizationId: steps.organization?.id ?? null,
        templateName: steps.organization ? steps.template.nameVi : null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await generateTasks(tx, row!, steps.template, now);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.plan.create',
        entity: 'congress_plan',
        entityId: id,
        organizationId: org.id,
        after: auditedPlan(row!),
      },
      now,
    );
    return detailOf(tx, ctx, await findVisiblePlan(tx, ctx.actor, id));
  });
}

/** Edits a plan (409 on a stale version); moving the date recomputes the due dates of the open tasks. */
export async function updatePlan(ctx: Ctx, id: string, input: UpdatePlanInput) {
  return inTransaction(ctx.db, async (tx) => {
    const found = await findVisiblePlan(tx, ctx.actor, id);
    if (!can(ctx.actor, 'congress.manage', found.organization)) throw forbidden();
    const [before] = await tx.select().from(p).where(eq(p.id, id)).for('update');
    if (before!.version !== input.version) throw versionConflict(before!.version);
    const ruleSet = getRuleSet(before!.ruleSetId as RuleSetId);
    const next: PlanRow = { ...before! };
    if (input.plannedOn !== undefined) next.plannedOn = input.plannedOn;
    if (input.durationDays !== undefined) next.durationHalfDays = Math.round(input.durationDays * 2);
    if (input.congressKind !== undefined) next.congressKind = input.congressKind;
    if (input.congressKindReason !== undefined) next.congressKindReason = input.congressKindReason;
    if (input.note !== undefined) next.note = input.note;
    const above = await tighteningsAbove(tx, found.organization, ruleSet.id);
    scheduleWarnings(ruleSet, found.organization.level, next.plannedOn, next.durationHalfDays, above);
    if (input.congressKind !== undefined || input.congressKindReason !== undefined) {
      const derived = await derivedCongressKind(tx, ruleSet, found.organization);
      checkKind(next.congressKind, derived.kind, next.congressKindReason);
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .update(p)
      .set({ ...next, version: before!.version + 1, updatedAt: now })
      .where(eq(p.id, id))
      .returning();
    if (next.plannedOn !== before!.plannedOn) await rescheduleTasks(tx, row!, now);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.plan.update',
        entity: 'congress_plan',
        entityId: id,
        organizationId: found.organization.id,
        before: auditedPlan(before!),
        after: auditedPlan(row!),
      },
      now,
    );
    return detailOf(tx, ctx, await findVisiblePlan(tx, ctx.actor, id));
  });
}

export async function getPlan(ctx: Ctx, id: string) {
  return detailOf(ctx.db, ctx, await findVisiblePlan(ctx.db, ctx.actor, id));
}

const listCursor = z.tuple([z.string().refine((k) => !k.includes('\u0000')), z.uuid()]);

/** Plans of the organizations within reach (of one subtree when asked), in the organizations' name order. */
export async function listPlans(ctx: Ctx, q: ListPlansQuery) {
  const where: SQL[] = [];
  const anchor = q.organizationId ? await findVisible(ctx.db, ctx.actor, q.organizationId) : null;
  if (!anchor || !canWholeSubtree(ctx.actor, 'congress.read', anchor))
    where.push(reachCondition(ctx.actor, 'congress.read', o.path, o.id));
  if (anchor) where.push(sql`${o.path} LIKE ${`${anchor.path}%`}`);
  if (q.termId) where.push(eq(p.termId, q.termId));
  const after = decodeCursor(q.cursor, 2);
  if (after) {
    const parsed = listCursor.safeParse(after);
    if (!parsed.success) throw badRequest('INVALID_CURSOR');
    where.push(
      or(gt(o.sortKey, parsed.data[0]), and(eq(o.sortKey, parsed.data[0]), gt(p.id, parsed.data[1])))!,
    );
  }
  const rows = await ctx.db
    .select({ ...planColumns, sortKey: o.sortKey })
    .from(p)
    .innerJoin(o, eq(o.id, p.organizationId))
    .innerJoin(t, eq(t.id, p.termId))
    .where(and(...where))
    .orderBy(asc(o.sortKey), asc(p.id))
    .limit(q.limit + 1);
  const pg = page(rows, q.limit, (r) => [r.sortKey, r.plan.id]);
  const items = [];
  for (const r of pg.items) items.push(await presentPlan(ctx.db, r));
  return { items, nextCursor: pg.nextCursor };
}
