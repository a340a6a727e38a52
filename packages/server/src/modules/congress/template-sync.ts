import {
  CONGRESS_HELD_STEP,
  formatDateVi,
  type PreparationTemplate,
  scheduleSteps,
  type WorkingCalendar,
} from '@daihoi/core';
import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import type { Actor } from '../../auth/policy.js';
import type { Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { workingCalendar } from '../calendar/service.js';
import { organizations } from '../organizations/tables.js';
import type { TaskRow } from './presenter.js';
import { congressPlans, congressTasks, congressTemplates } from './tables.js';

const o = organizations;
const p = congressPlans;
const k = congressTasks;
const PLAN_ADOPTED_STEP = 'plan_adopted';

interface PlanToSync {
  id: string;
  organizationId: string;
  path: string;
  plannedOn: string | null;
  adoptedOn: string;
}

/** What bringing one plan to the template changes: tasks to rewrite, to add, and how many it drops. */
export interface TaskChanges {
  update: TaskRow[];
  insert: (typeof k.$inferInsert)[];
  skipped: number;
}

const offsetColumns = (offset: PreparationTemplate['steps'][number]['offset']) => ({
  offsetDays: 'days' in offset ? offset.days : null,
  offsetWorkingDays: 'workingDays' in offset ? offset.workingDays : null,
});

/**
 * One plan's tasks against a newly published template. Open tasks of a step take the step's title, owner
 * and deadline; done and skipped ones keep what happened and only move to the step's place. A step the
 * plan lacks is added (the plan's adoption counts as done); an open task of a step the template dropped
 * is skipped with the reason in its note, never deleted. Tasks added by hand keep their order, after
 * the template's.
 */
export function reconcileTasks(
  plan: PlanToSync,
  tasks: readonly TaskRow[],
  template: PreparationTemplate,
  due: ReadonlyMap<string, string>,
  reason: string,
  now: Date,
): TaskChanges {
  const byKey = new Map(tasks.filter((t) => t.stepKey).map((t) => [t.stepKey!, t]));
  const changes: TaskChanges = { update: [], insert: [], skipped: 0 };
  const change = (task: TaskRow, next: Partial<TaskRow>) => {
    const merged = { ...task, ...next };
    if (Object.keys(next).some((key) => merged[key as keyof TaskRow] !== task[key as keyof TaskRow]))
      changes.update.push({ ...merged, version: task.version + 1, updatedAt: now });
  };
  template.steps.forEach((step, position) => {
    const task = byKey.get(step.key);
    const dueOn = due.get(step.key) ?? null;
    if (!task) {
      changes.insert.push({
        id: newId(),
        planId: plan.id,
        stepKey: step.key,
        title: step.titleVi,
        ownerKind: step.owner,
        ...offsetColumns(step.offset),
        dueOn,
        ...(step.key === PLAN_ADOPTED_STEP ? { status: 'done', doneOn: plan.adoptedOn } : { status: 'open' }),
        position,
        createdAt: now,
        updatedAt: now,
      });
    } else if (task.status === 'open') {
      change(task, {
        title: step.titleVi,
        ownerKind: step.owner,
        ...offsetColumns(step.offset),
        dueOn,
        position,
      });
    } else change(task, { position });
  });
  const stepKeys = new Set(template.steps.map((s) => s.key));
  let position = template.steps.length;
  for (const task of [...tasks].sort((a, b) => a.position - b.position)) {
    if (task.stepKey && stepKeys.has(task.stepKey)) continue;
    if (task.stepKey && task.status === 'open') {
      changes.skipped++;
      change(task, { status: 'skipped', note: task.note ? `${task.note}\n${reason}` : reason, position });
    } else change(task, { position });
    position++;
  }
  return changes;
}

/**
 * The plans the committee's template governs that are still being prepared: below it, of the rule set,
 * without a deeper committee's own published template in between, and not yet past their congress.
 */
async function plansToSync(tx: Tx, org: { id: string; path: string }, ruleSetId: string) {
  const below = and(sql`${o.path} LIKE ${`${org.path}%`}`, ne(o.id, org.id));
  const deeper = await tx
    .select({ id: congressTemplates.organizationId })
    .from(congressTemplates)
    .innerJoin(o, eq(o.id, congressTemplates.organizationId))
    .where(and(below, eq(congressTemplates.ruleSetId, ruleSetId), isNotNull(congressTemplates.published)));
  const others = new Set(deeper.map((d) => d.id));
  const plans = await tx
    .select({ id: p.id, organizationId: o.id, path: o.path, plannedOn: p.plannedOn, adoptedOn: p.adoptedOn })
    .from(p)
    .innerJoin(o, eq(o.id, p.organizationId))
    .where(
      and(
        below,
        eq(p.ruleSetId, ruleSetId),
        sql`NOT EXISTS (SELECT 1 FROM ${k} WHERE ${k.planId} = ${p.id}
              AND ${k.stepKey} = ${CONGRESS_HELD_STEP} AND ${k.status} <> 'open')`,
      ),
    );
  return plans.filter((plan) => {
    const between = plan.path.split('/').filter((id) => id && id !== plan.organizationId);
    return !between.slice(between.indexOf(org.id) + 1).some((id) => others.has(id));
  });
}

function dueDates(template: PreparationTemplate, plannedOn: string | null, calendar: WorkingCalendar) {
  if (!plannedOn) return new Map<string, string>();
  return new Map(scheduleSteps(template, plannedOn, calendar).map((s) => [s.key, s.dueOn]));
}

/** Many task rows rewritten in one statement: the new values travel as one JSON array. */
async function updateTasks(tx: Tx, rows: TaskRow[]) {
  for (let i = 0; i < rows.length; i += 5_000) {
    const chunk = rows.slice(i, i + 5_000).map((r) => ({
      id: r.id,
      title: r.title,
      owner_kind: r.ownerKind,
      offset_days: r.offsetDays,
      offset_working_days: r.offsetWorkingDays,
      due_on: r.dueOn,
      status: r.status,
      note: r.note,
      position: r.position,
      version: r.version,
      updated_at: r.updatedAt.toISOString(),
    }));
    await tx.execute(sql`
      UPDATE congress_tasks AS t SET title = v.title, owner_kind = v.owner_kind,
             offset_days = v.offset_days, offset_working_days = v.offset_working_days, due_on = v.due_on,
             status = v.status, note = v.note, position = v.position, version = v.version,
             updated_at = v.updated_at
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS v(id uuid, title text,
             owner_kind text, offset_days int, offset_working_days int, due_on date, status text,
             note text, position int, version int, updated_at timestamptz)
       WHERE t.id = v.id`);
  }
}

export interface SyncSummary {
  plans: number;
  added: number;
  changed: number;
  skipped: number;
}

/**
 * Brings the plans a committee's template governs to the steps it has just published (reconcileTasks),
 * each plan's change audited on its own organization, and records the template on the plans.
 */
export async function syncPlansToTemplate(
  tx: Tx,
  actor: Actor,
  org: { id: string; name: string; path: string },
  template: PreparationTemplate,
  { now, today }: { now: Date; today: string },
): Promise<SyncSummary> {
  const plans = await plansToSync(tx, org, template.ruleSetId);
  const summary: SyncSummary = { plans: 0, added: 0, changed: 0, skipped: 0 };
  if (plans.length === 0) return summary;
  const ids = plans.map((plan) => plan.id);
  const idList = sql`${`{${ids.join(',')}}`}::uuid[]`;
  const tasks = await tx.select().from(k).where(sql`${k.planId} = ANY(${idList})`);
  const byPlan = new Map<string, TaskRow[]>();
  for (const task of tasks) {
    const list = byPlan.get(task.planId);
    if (list) list.push(task);
    else byPlan.set(task.planId, [task]);
  }
  const calendar = await workingCalendar(tx);
  const reason = `Bước không còn trong mẫu của ${org.name} công bố ngày ${formatDateVi(today)}.`;
  const updates: TaskRow[] = [];
  const inserts: (typeof k.$inferInsert)[] = [];
  for (const plan of plans) {
    const changes = reconcileTasks(
      plan,
      byPlan.get(plan.id) ?? [],
      template,
      dueDates(template, plan.plannedOn, calendar),
      reason,
      now,
    );
    updates.push(...changes.update);
    inserts.push(...changes.insert);
    summary.plans++;
    summary.added += changes.insert.length;
    summary.changed += changes.update.length;
    summary.skipped += changes.skipped;
    await recordAudit(
      tx,
      actor,
      {
        action: 'congress.plan.template',
        entity: 'congress_plan',
        entityId: plan.id,
        organizationId: plan.organizationId,
        after: {
          template: template.nameVi,
          from: org.name,
          added: changes.insert.map((t) => t.title),
          changed: changes.update.length,
          skipped: changes.skipped,
        },
      },
      now,
    );
  }
  await updateTasks(tx, updates);
  for (let i = 0; i < inserts.length; i += 1_000) await tx.insert(k).values(inserts.slice(i, i + 1_000));
  await tx
    .update(p)
    .set({ templateOrganizationId: org.id, templateName: template.nameVi, updatedAt: now })
    .where(sql`${p.id} = ANY(${idList})`);
  return summary;
}
