import { compareIsoDates, STEP_STATUSES, type StepStatus, stepStatus } from '@daihoi/core';
import { and, asc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { canWholeSubtree, reachCondition } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, notFound } from '../../http/errors.js';
import { findVisible } from '../organizations/service.js';
import { committeeTerms, organizations } from '../organizations/tables.js';
import type { DashboardOut, DashboardQuery } from './dashboard-schema.js';
import { levelDeadlines, ruleSetForTerm } from './rules.js';
import { congressPlans, congressTasks } from './tables.js';
import { effectiveTemplate } from './templates.js';

const o = organizations;
const ct = committeeTerms;
const p = congressPlans;
const k = congressTasks;

/** The actor's topmost organization: the root for an administrator, else the first assignment's. */
async function defaultAnchor(ctx: Ctx) {
  const placed = ctx.actor.assignments.find((a) => a.organizationId);
  if (placed) return findVisible(ctx.db, ctx.actor, placed.organizationId!);
  const [root] = await ctx.db
    .select({ id: o.id })
    .from(o)
    .where(isNull(o.parentId))
    .orderBy(asc(o.sortKey))
    .limit(1);
  if (!root) throw notFound('ORG_NOT_FOUND');
  return findVisible(ctx.db, ctx.actor, root.id);
}

/**
 * The term the dashboard follows: the one asked for (a term of the anchor), else the next congress wave —
 * the anchor's first term starting after the business date (at 15/03/2020, the 2020–2025 term whose
 * congresses are being prepared), else its current term.
 */
async function termOf(db: DbOrTx, anchorId: string, termId: string | undefined, today: string) {
  if (termId) {
    const [term] = await db.select().from(ct).where(eq(ct.id, termId));
    if (!term || term.organizationId !== anchorId)
      throw badRequest('CONGRESS_TERM_MISMATCH', [{ path: 'querystring.termId' }]);
    return term;
  }
  const terms = await db.select().from(ct).where(eq(ct.organizationId, anchorId)).orderBy(asc(ct.startsOn));
  const next = terms.find((t) => compareIsoDates(t.startsOn, today) > 0) ?? terms.at(-1);
  if (!next) throw badRequest('CONGRESS_RULE_SET_MISSING');
  return next;
}

interface OrgRow {
  id: string;
  name: string;
  level: string;
  depth: number;
  parentId: string | null;
  path: string;
  planId: string | null;
  plannedOn: string | null;
  durationHalfDays: number | null;
}

/** Each organization followed by its children, siblings in name order (they arrive sorted by name). */
function treeOrder(rows: OrgRow[], anchorId: string): OrgRow[] {
  const children = new Map<string, OrgRow[]>();
  for (const r of rows) {
    if (!r.parentId) continue;
    const siblings = children.get(r.parentId);
    if (siblings) siblings.push(r);
    else children.set(r.parentId, [r]);
  }
  const present = new Set(rows.map((r) => r.id));
  const roots = rows.filter((r) => r.id === anchorId || !r.parentId || !present.has(r.parentId));
  const out: OrgRow[] = [];
  const visit = (r: OrgRow) => {
    out.push(r);
    for (const c of children.get(r.id) ?? []) visit(c);
  };
  for (const r of roots) visit(r);
  return out;
}

function cellsOf(
  steps: readonly string[],
  tasks: Map<string, { dueOn: string | null; doneOn: string | null; status: string }> | undefined,
  today: string,
): StepStatus[] {
  return steps.map((key) => {
    const task = tasks?.get(key);
    if (!task) return 'not_started';
    if (task.status === 'skipped') return 'done';
    return stepStatus({ dueOn: task.dueOn, doneOn: task.doneOn }, today);
  });
}

/**
 * GET /congress-dashboard: every organization of the subtree × every step of the term's template, as
 * done / on track / due within 7 days / overdue / not started on the business date. Two statements: the
 * organizations with their plans, then the plans' tasks; the states are core's.
 */
export async function congressDashboard(ctx: Ctx, q: DashboardQuery): Promise<DashboardOut> {
  const today = ctx.clock.today();
  const anchor = q.organizationId
    ? await findVisible(ctx.db, ctx.actor, q.organizationId)
    : await defaultAnchor(ctx);
  const term = await termOf(ctx.db, anchor.id, q.termId, today);
  const ruleSet = ruleSetForTerm(term.name);
  const { steps } = (await effectiveTemplate(ctx.db, anchor, ruleSet.id, true)).template;
  const where: SQL[] = [sql`${o.path} LIKE ${`${anchor.path}%`}`, isNull(o.archivedAt)];
  if (!canWholeSubtree(ctx.actor, 'congress.read', anchor))
    where.push(reachCondition(ctx.actor, 'congress.read', o.path, o.id));
  if (q.level) where.push(eq(o.level, q.level));
  const orgs = await ctx.db
    .select({
      id: o.id,
      name: o.name,
      level: o.level,
      depth: o.depth,
      parentId: o.parentId,
      path: o.path,
      planId: p.id,
      plannedOn: p.plannedOn,
      durationHalfDays: p.durationHalfDays,
    })
    .from(o)
    .leftJoin(ct, and(eq(ct.organizationId, o.id), eq(ct.name, term.name)))
    .leftJoin(p, and(eq(p.organizationId, o.id), eq(p.termId, ct.id)))
    .where(and(...where))
    .orderBy(asc(o.sortKey), asc(o.id));
  const tasks = await ctx.db
    .select({ planId: k.planId, stepKey: k.stepKey, dueOn: k.dueOn, doneOn: k.doneOn, status: k.status })
    .from(k)
    .innerJoin(p, eq(p.id, k.planId))
    .innerJoin(ct, and(eq(ct.id, p.termId), eq(ct.name, term.name)))
    .innerJoin(o, eq(o.id, p.organizationId))
    .where(and(isNotNull(k.stepKey), ...where));
  const byPlan = new Map<
    string,
    Map<string, { dueOn: string | null; doneOn: string | null; status: string }>
  >();
  for (const t of tasks) {
    if (!byPlan.has(t.planId)) byPlan.set(t.planId, new Map());
    byPlan.get(t.planId)!.set(t.stepKey!, t);
  }
  const keys = steps.map((s) => s.key);
  const deadlineOf = await levelDeadlines(ctx.db, anchor, ruleSet);
  let rows = treeOrder(orgs, anchor.id).map((r) => ({
    organization: { id: r.id, name: r.name, level: r.level, depth: r.depth, parentId: r.parentId },
    planId: r.planId,
    plannedOn: r.plannedOn,
    durationDays: r.durationHalfDays === null ? null : r.durationHalfDays / 2,
    deadline: deadlineOf(r),
    cells: cellsOf(keys, r.planId ? byPlan.get(r.planId) : undefined, today),
  }));
  if (q.status) rows = rows.filter((r) => r.cells.includes(q.status!));
  const counts = Object.fromEntries(STEP_STATUSES.map((s) => [s, 0])) as Record<StepStatus, number>;
  for (const r of rows) for (const c of r.cells) counts[c]++;
  return {
    organization: { id: anchor.id, name: anchor.name },
    term: { name: term.name },
    ruleSet: { id: ruleSet.id, name: ruleSet.name },
    today,
    steps: steps.map((s) => ({ key: s.key, title: s.titleVi })),
    rows,
    counts,
  };
}
