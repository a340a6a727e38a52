import {
  CONGRESS_HELD_STEP,
  compareIsoDates,
  type PreparationStep,
  type PreparationTemplate,
  type RuleSetId,
  scheduleSteps,
  stepStatus,
} from '@daihoi/core';
import { asc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, forbidden, notFound, versionConflict } from '../../http/errors.js';
import { workingCalendar } from '../calendar/service.js';
import { registerAttachable } from '../files/service.js';
import { findVisiblePlan } from './access.js';
import { auditedTask, type PlanRow, type TaskRow } from './presenter.js';
import type { CreateTaskInput, UpdateTaskInput } from './schema.js';
import { congressPlans, congressTasks } from './tables.js';

const k = congressTasks;
const PLAN_ADOPTED_STEP = 'plan_adopted';

registerAttachable('congress_task', async (db, id) => {
  const [row] = await db
    .select({ org: congressPlans.organizationId })
    .from(k)
    .innerJoin(congressPlans, eq(congressPlans.id, k.planId))
    .where(eq(k.id, id));
  return row?.org ?? null;
});

/** Due dates on the calendar as the administrator keeps it (the shipped one with the edits). */
async function dueDates(db: DbOrTx, template: PreparationTemplate, plannedOn: string | null) {
  if (!plannedOn) return new Map<string, string>();
  const calendar = await workingCalendar(db);
  return new Map(scheduleSteps(template, plannedOn, calendar).map((s) => [s.key, s.dueOn]));
}

/** The tasks of a new plan: one per step of its template, due as counted back from the congress date. */
export async function generateTasks(tx: Tx, plan: PlanRow, template: PreparationTemplate, now: Date) {
  const due = await dueDates(tx, template, plan.plannedOn);
  await tx.insert(k).values(
    template.steps.map((step, position) => ({
      id: newId(),
      planId: plan.id,
      stepKey: step.key,
      title: step.titleVi,
      ownerKind: step.owner,
      offsetDays: 'days' in step.offset ? step.offset.days : null,
      offsetWorkingDays: 'workingDays' in step.offset ? step.offset.workingDays : null,
      dueOn: due.get(step.key) ?? null,
      // Adopting the plan is its first step, done the day it is adopted.
      ...(step.key === PLAN_ADOPTED_STEP ? { status: 'done', doneOn: plan.adoptedOn } : { status: 'open' }),
      position,
      createdAt: now,
      updatedAt: now,
    })),
  );
}

/** The plan's own steps as a template, so that a moved date is counted the same way as the first one. */
function templateOf(plan: PlanRow, tasks: TaskRow[]): PreparationTemplate {
  const steps: PreparationStep[] = tasks
    .filter((t) => t.stepKey && (t.offsetDays !== null || t.offsetWorkingDays !== null))
    .map((t) => ({
      key: t.stepKey!,
      titleVi: t.title,
      owner: t.ownerKind as PreparationStep['owner'],
      offset: t.offsetWorkingDays !== null ? { workingDays: t.offsetWorkingDays } : { days: t.offsetDays! },
    }));
  return { id: plan.id, nameVi: 'Kế hoạch', ruleSetId: plan.ruleSetId as RuleSetId, steps };
}

/** After the congress date moves: the open template tasks take their new due dates; done ones keep theirs. */
export async function rescheduleTasks(tx: Tx, plan: PlanRow, now: Date) {
  const tasks = await tx.select().from(k).where(eq(k.planId, plan.id));
  const template = templateOf(plan, tasks);
  if (!template.steps.some((s) => s.key === CONGRESS_HELD_STEP)) return;
  const due = await dueDates(tx, template, plan.plannedOn);
  for (const task of tasks) {
    if (task.status !== 'open' || !task.stepKey || !template.steps.some((s) => s.key === task.stepKey))
      continue;
    const dueOn = due.get(task.stepKey) ?? null;
    if (dueOn !== task.dueOn)
      await tx
        .update(k)
        .set({ dueOn, version: task.version + 1, updatedAt: now })
        .where(eq(k.id, task.id));
  }
}

export async function presentTasks(db: DbOrTx, planId: string, today: string) {
  const rows = await db.select().from(k).where(eq(k.planId, planId)).orderBy(asc(k.position), asc(k.id));
  return rows.map((t) => presentTask(t, today));
}

export function presentTask(t: TaskRow, today: string) {
  const state = t.status === 'skipped' ? 'skipped' : stepStatus({ dueOn: t.dueOn, doneOn: t.doneOn }, today);
  return {
    id: t.id,
    stepKey: t.stepKey,
    title: t.title,
    ownerKind: t.ownerKind,
    ownerName: t.ownerName,
    dueOn: t.dueOn,
    status: t.status as 'open' | 'done' | 'skipped',
    doneOn: t.doneOn,
    state,
    note: t.note,
    position: t.position,
    version: t.version,
  };
}

export async function planIdOfTask(db: DbOrTx, taskId: string): Promise<string | null> {
  const [row] = await db.select({ planId: k.planId }).from(k).where(eq(k.id, taskId));
  return row?.planId ?? null;
}

function checkDue(plan: PlanRow, dueOn: string | null | undefined) {
  if (dueOn && compareIsoDates(dueOn, plan.adoptedOn) < 0)
    throw badRequest('CONGRESS_TASK_DUE_BEFORE_PLAN', [{ path: 'body.dueOn' }]);
}

/** A task added by hand to a plan; it has no offset, so moving the congress date leaves it where it is. */
export async function addTask(ctx: Ctx, planId: string, input: CreateTaskInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { plan, organization } = await findVisiblePlan(tx, ctx.actor, planId);
    if (!can(ctx.actor, 'congress.manage', organization)) throw forbidden();
    checkDue(plan, input.dueOn);
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${k.position}), -1)::int` })
      .from(k)
      .where(eq(k.planId, planId));
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(k)
      .values({
        id: newId(),
        planId,
        title: input.title,
        ownerKind: input.ownerKind,
        ownerName: input.ownerName ?? null,
        dueOn: input.dueOn,
        status: 'open',
        note: input.note ?? null,
        position: Number(last?.position ?? -1) + 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.task.create',
        entity: 'congress_task',
        entityId: row!.id,
        organizationId: organization.id,
        after: auditedTask(row!),
      },
      now,
    );
    return presentTask(row!, ctx.clock.today());
  });
}

/** Status, owner, note, due date of a task; marking it done dates it (today unless said), reopening clears it. */
export async function updateTask(ctx: Ctx, id: string, input: UpdateTaskInput) {
  return inTransaction(ctx.db, async (tx) => {
    const planId = await planIdOfTask(tx, id);
    if (!planId) throw notFound('CONGRESS_TASK_NOT_FOUND');
    const { plan, organization } = await findVisiblePlan(tx, ctx.actor, planId).catch(() => {
      throw notFound('CONGRESS_TASK_NOT_FOUND');
    });
    if (!can(ctx.actor, 'congress.manage', organization)) throw forbidden();
    const [before] = await tx.select().from(k).where(eq(k.id, id)).for('update');
    if (before!.version !== input.version) throw versionConflict(before!.version);
    const today = ctx.clock.today();
    checkDue(plan, input.dueOn);
    if (input.doneOn && compareIsoDates(input.doneOn, today) > 0)
      throw badRequest('CONGRESS_TASK_DONE_IN_FUTURE', [{ path: 'body.doneOn' }]);
    const status = input.status ?? before!.status;
    const doneOn = status === 'done' ? (input.doneOn ?? before!.doneOn ?? today) : null;
    const { version, ...changes } = input;
    const now = ctx.clock.now();
    const [row] = await tx
      .update(k)
      .set({ ...changes, status, doneOn, version: before!.version + 1, updatedAt: now })
      .where(eq(k.id, id))
      .returning();
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.task.update',
        entity: 'congress_task',
        entityId: id,
        organizationId: organization.id,
        before: auditedTask(before!),
        after: auditedTask(row!),
      },
      now,
    );
    return presentTask(row!, today);
  });
}
