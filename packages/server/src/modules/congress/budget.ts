import {
  type BudgetCategory,
  type BudgetLine,
  budgetLineAmount,
  budgetTotals,
  validateBudget,
} from '@daihoi/core';
import { asc, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { AppError, conflict, forbidden, versionConflict } from '../../http/errors.js';
import { findVisiblePlan } from './access.js';
import type { PutBudgetInput } from './schema.js';
import { congressBudgetLines, congressBudgets } from './tables.js';

const b = congressBudgets;
const l = congressBudgetLines;
type BudgetRow = typeof b.$inferSelect;

/** The newest version of a plan's budget, if any. */
export async function latestBudget(db: DbOrTx, planId: string): Promise<BudgetRow | null> {
  const [row] = await db.select().from(b).where(eq(b.planId, planId)).orderBy(desc(b.versionNo)).limit(1);
  return row ?? null;
}

async function linesOf(db: DbOrTx, budgetId: string): Promise<BudgetLine[]> {
  const rows = await db.select().from(l).where(eq(l.budgetId, budgetId)).orderBy(asc(l.position));
  return rows.map((r) => ({
    category: r.category as BudgetCategory,
    description: r.description,
    quantity: r.quantityHundredths / 100,
    unit: r.unit,
    unitPrice: r.unitPrice,
  }));
}

/** The plan's budget as the client sees it: lines with amounts, totals by category, the total in words. */
export async function presentBudget(db: DbOrTx, planId: string) {
  const budget = await latestBudget(db, planId);
  const versions = await db
    .select({ id: b.id, versionNo: b.versionNo, status: b.status })
    .from(b)
    .where(eq(b.planId, planId))
    .orderBy(asc(b.versionNo));
  if (!budget) return { budget: null, versions };
  const lines = await linesOf(db, budget.id);
  const totals = budgetTotals(lines);
  return {
    budget: {
      id: budget.id,
      versionNo: budget.versionNo,
      status: budget.status,
      version: budget.version,
      lines: lines.map((line, i) => ({ ...line, amount: totals.lineAmounts[i]! })),
      byCategory: totals.byCategory,
      total: totals.total,
      totalInWords: totals.totalInWords,
    },
    versions,
  };
}

/** core's refusal of the lines as the API's: every line's errors beside its fields. */
function budgetError(lines: BudgetLine[]): AppError | null {
  const errors = validateBudget(lines);
  if (errors.length === 0) return null;
  const details = errors.map((e) => ({
    path: e.line === undefined ? 'body.lines' : `body.lines.${e.line}${e.field ? `.${e.field}` : ''}`,
    code: e.code,
    message: e.message,
  }));
  return new AppError(400, 'CONGRESS_BUDGET_INVALID', details, errors[0]!.message);
}

async function writeLines(tx: Tx, budgetId: string, lines: BudgetLine[]) {
  await tx.delete(l).where(eq(l.budgetId, budgetId));
  if (lines.length === 0) return;
  await tx.insert(l).values(
    lines.map((line, position) => ({
      id: newId(),
      budgetId,
      position,
      category: line.category,
      description: line.description,
      quantityHundredths: Math.round(line.quantity * 100),
      unit: line.unit,
      unitPrice: line.unitPrice,
      amount: budgetLineAmount(line),
    })),
  );
}

/**
 * Replaces the lines of the plan's draft (or returned) budget, creating version 1 if there is none. A
 * submitted or approved budget is frozen: 409, and a new version is started from it instead.
 */
export async function putBudget(ctx: Ctx, planId: string, input: PutBudgetInput) {
  const lines = input.lines.map((line) => ({ ...line, category: line.category as BudgetCategory }));
  const invalid = budgetError(lines);
  if (invalid) throw invalid;
  return inTransaction(ctx.db, async (tx) => {
    const { organization } = await findVisiblePlan(tx, ctx.actor, planId);
    if (!can(ctx.actor, 'congress.manage', organization)) throw forbidden();
    const now = ctx.clock.now();
    let budget = await latestBudget(tx, planId);
    if (budget && (budget.status === 'submitted' || budget.status === 'approved'))
      throw conflict('CONGRESS_BUDGET_LOCKED');
    if (budget && input.version !== budget.version) throw versionConflict(budget.version);
    const before = budget ? await linesOf(tx, budget.id) : [];
    if (!budget) {
      const [created] = await tx
        .insert(b)
        .values({ id: newId(), planId, versionNo: 1, status: 'draft', createdAt: now, updatedAt: now })
        .returning();
      budget = created!;
    } else {
      await tx
        .update(b)
        .set({ version: budget.version + 1, updatedAt: now })
        .where(eq(b.id, budget.id));
    }
    await writeLines(tx, budget!.id, lines);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.budget.update',
        entity: 'congress_budget',
        entityId: budget!.id,
        organizationId: organization.id,
        before: { lines: before },
        after: { versionNo: budget!.versionNo, lines },
      },
      now,
    );
    return presentBudget(tx, planId);
  });
}

/** Starts the next version of a frozen budget from its lines; an unsent draft is edited instead (409). */
export async function newBudgetVersion(ctx: Ctx, planId: string) {
  return inTransaction(ctx.db, async (tx) => {
    const { organization } = await findVisiblePlan(tx, ctx.actor, planId);
    if (!can(ctx.actor, 'congress.manage', organization)) throw forbidden();
    const latest = await latestBudget(tx, planId);
    if (!latest || latest.status === 'draft' || latest.status === 'returned')
      throw conflict('CONGRESS_BUDGET_DRAFT_EXISTS');
    const now = ctx.clock.now();
    const [next] = await tx
      .insert(b)
      .values({
        id: newId(),
        planId,
        versionNo: latest.versionNo + 1,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeLines(tx, next!.id, await linesOf(tx, latest.id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.budget.version',
        entity: 'congress_budget',
        entityId: next!.id,
        organizationId: organization.id,
        after: { versionNo: next!.versionNo, from: latest.versionNo },
      },
      now,
    );
    return presentBudget(tx, planId);
  });
}

/** Marks the budget version as submitted, approved or returned, as its submission moves. */
export async function setBudgetStatus(
  tx: Tx,
  budgetId: string,
  status: 'submitted' | 'approved' | 'returned',
  now: Date,
) {
  await tx.update(b).set({ status, updatedAt: now }).where(eq(b.id, budgetId));
}
