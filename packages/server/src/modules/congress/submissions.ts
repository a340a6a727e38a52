import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../../audit/service.js';
import { type Actor, can } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { notify } from '../notifications/service.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';
import { findVisiblePlan } from './access.js';
import { latestBudget, setBudgetStatus } from './budget.js';
import type { SubmitInput } from './schema.js';
import { congressBudgetLines, congressSubmissions } from './tables.js';

const s = congressSubmissions;
const submitter = alias(users, 'submitter');
const decider = alias(users, 'decider');

export const SUBMISSION_LABELS_VI: Record<string, string> = {
  plan: 'kế hoạch đại hội',
  congress_date: 'ngày và thời gian đại hội',
  budget: 'dự toán kinh phí',
  personnel: 'phương án nhân sự',
};

/** Every round of every submission of a plan, oldest first: the dated history of what was sent and answered. */
export async function listSubmissions(db: DbOrTx, planId: string) {
  const rows = await db
    .select({
      submission: s,
      submitter: { id: submitter.id, displayName: submitter.displayName },
      decider: { id: decider.id, displayName: decider.displayName },
    })
    .from(s)
    .leftJoin(submitter, eq(submitter.id, s.submittedBy))
    .leftJoin(decider, eq(decider.id, s.decidedBy))
    .where(eq(s.planId, planId))
    .orderBy(asc(s.submittedAt), asc(s.round));
  return rows.map(({ submission: x, submitter: by, decider: to }) => ({
    id: x.id,
    kind: x.kind,
    round: x.round,
    status: x.status as 'submitted' | 'approved' | 'returned',
    budgetId: x.budgetId,
    note: x.note,
    submittedAt: x.submittedAt.toISOString(),
    submittedBy: by?.id ? by : null,
    decidedAt: x.decidedAt?.toISOString() ?? null,
    decidedBy: to?.id ? to : null,
    comment: x.comment,
  }));
}

async function parentOf(tx: Tx, organizationId: string) {
  const [row] = await tx
    .select({ parentId: organizations.parentId })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.parentId ?? null;
}

/** Tells a committee's own office and secretary (not the ones above it). */
async function tellCommittee(
  tx: Tx,
  organizationId: string,
  message: { kind: string; title: string; body: string | null; link: string },
  except: string,
  now: Date,
) {
  for (const role of ['office', 'secretary'] as const) {
    await notify(
      tx,
      { role, organizationId, exactOrganization: true, excludeUserIds: [except], ...message },
      now,
    );
  }
}

/**
 * Sends a part of the plan to the committee above: one open round per kind at a time; a budget goes with
 * its current version, which freezes until it is answered.
 */
export async function submit(ctx: Ctx, planId: string, input: SubmitInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { plan, organization } = await findVisiblePlan(tx, ctx.actor, planId);
    if (!can(ctx.actor, 'congress.manage', organization)) throw forbidden();
    const [last] = await tx
      .select()
      .from(s)
      .where(and(eq(s.planId, planId), eq(s.kind, input.kind)))
      .orderBy(desc(s.round))
      .limit(1);
    if (last?.status === 'submitted') throw conflict('CONGRESS_SUBMISSION_PENDING');
    if (input.kind === 'congress_date' && !plan.plannedOn)
      throw badRequest('CONGRESS_SUBMISSION_DATE_MISSING');
    let budgetId: string | null = null;
    const now = ctx.clock.now();
    if (input.kind === 'budget') {
      const budget = await latestBudget(tx, planId);
      if (!budget || budget.status === 'approved' || budget.status === 'submitted')
        throw badRequest('CONGRESS_BUDGET_EMPTY');
      const [line] = await tx
        .select({ id: congressBudgetLines.id })
        .from(congressBudgetLines)
        .where(eq(congressBudgetLines.budgetId, budget.id))
        .limit(1);
      if (!line) throw badRequest('CONGRESS_BUDGET_EMPTY');
      budgetId = budget.id;
      await setBudgetStatus(tx, budget.id, 'submitted', now);
    }
    const [row] = await tx
      .insert(s)
      .values({
        id: newId(),
        planId,
        kind: input.kind,
        budgetId,
        round: (last?.round ?? 0) + 1,
        status: 'submitted',
        note: input.note ?? null,
        submittedBy: ctx.actor.userId,
        submittedAt: now,
      })
      .returning();
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.submit',
        entity: 'congress_submission',
        entityId: row!.id,
        organizationId: organization.id,
        after: { kind: row!.kind, round: row!.round, budgetId, note: row!.note },
      },
      now,
    );
    const upper = await parentOf(tx, organization.id);
    if (upper) {
      const title = `${organization.name} trình ${SUBMISSION_LABELS_VI[input.kind]} (lần ${row!.round})`;
      await tellCommittee(
        tx,
        upper,
        { kind: 'congress.submitted', title, body: input.note ?? null, link: `/congress-plans/${planId}` },
        ctx.actor.userId,
        now,
      );
    }
    return listSubmissions(tx, planId);
  });
}

/** Locks an open submission for the committee above: 404 unless the actor reads the plan, 403 for its own. */
async function lockForDecision(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(s).where(eq(s.id, id)).for('update');
  if (!row) throw notFound('CONGRESS_SUBMISSION_NOT_FOUND');
  const { organization } = await findVisiblePlan(tx, actor, row.planId).catch(() => {
    throw notFound('CONGRESS_SUBMISSION_NOT_FOUND');
  });
  if (row.submittedBy === actor.userId) throw forbidden('CONGRESS_SELF_APPROVAL');
  if (!can(actor, 'congress.approve', organization)) throw forbidden();
  if (row.status !== 'submitted') throw conflict('CONGRESS_SUBMISSION_DECIDED');
  return { submission: row, organization };
}

/** The committee above approves, or returns with its comments; the organization hears of it either way. */
export async function decide(
  ctx: Ctx,
  id: string,
  decision: 'approved' | 'returned',
  comment: string | null,
) {
  return inTransaction(ctx.db, async (tx) => {
    const { submission, organization } = await lockForDecision(tx, ctx.actor, id);
    const now = ctx.clock.now();
    await tx
      .update(s)
      .set({ status: decision, decidedBy: ctx.actor.userId, decidedAt: now, comment })
      .where(eq(s.id, id));
    if (submission.budgetId) await setBudgetStatus(tx, submission.budgetId, decision, now);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: `congress.${decision === 'approved' ? 'approve' : 'return'}`,
        entity: 'congress_submission',
        entityId: id,
        organizationId: organization.id,
        before: { status: 'submitted' },
        after: { status: decision, comment },
      },
      now,
    );
    const what = SUBMISSION_LABELS_VI[submission.kind];
    const title =
      decision === 'approved'
        ? `Cấp trên đã duyệt ${what}`
        : `Cấp trên trả lại ${what}, đề nghị hoàn chỉnh và trình lại`;
    await tellCommittee(
      tx,
      organization.id,
      { kind: `congress.${decision}`, title, body: comment, link: `/congress-plans/${submission.planId}` },
      ctx.actor.userId,
      now,
    );
    return listSubmissions(tx, submission.planId);
  });
}
