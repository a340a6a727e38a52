import { z } from 'zod';
import type { congressPlans, congressTasks } from './tables.js';

const ref = z.object({ id: z.string(), name: z.string() });
const warningOut = z.object({ code: z.string(), message: z.string() });

export const taskOut = z.object({
  id: z.string(),
  stepKey: z.string().nullable(),
  title: z.string(),
  ownerKind: z.string(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(['open', 'done', 'skipped']),
  doneOn: z.string().nullable(),
  /** done / overdue / due_soon (within 7 days) / on_track, as of the business date. */
  state: z.string(),
  note: z.string().nullable(),
  position: z.number(),
  version: z.number(),
});

export const planOut = z.object({
  id: z.string(),
  organization: ref.extend({ level: z.string() }),
  term: ref,
  ruleSet: ref,
  congressKind: z.enum(['all_member', 'delegates']),
  congressKindReason: z.string().nullable(),
  /** What the membership gives, and the numbers it was read from. */
  derivedKind: z.object({ kind: z.string(), memberCount: z.number(), threshold: z.number() }),
  plannedOn: z.string().nullable(),
  durationDays: z.number(),
  adoptedOn: z.string(),
  note: z.string().nullable(),
  /** Rules the schedule breaks that are unverified defaults: to check, not refused. */
  warnings: z.array(warningOut),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const planDetailOut = planOut.extend({
  tasks: z.array(taskOut),
  abilities: z.object({ edit: z.boolean() }),
});

export type PlanRow = typeof congressPlans.$inferSelect;
export type TaskRow = typeof congressTasks.$inferSelect;

export const auditedPlan = (p: PlanRow) => ({
  organizationId: p.organizationId,
  termId: p.termId,
  ruleSetId: p.ruleSetId,
  congressKind: p.congressKind,
  congressKindReason: p.congressKindReason,
  plannedOn: p.plannedOn,
  durationHalfDays: p.durationHalfDays,
  note: p.note,
});

export const auditedTask = (t: TaskRow) => ({
  planId: t.planId,
  title: t.title,
  ownerName: t.ownerName,
  dueOn: t.dueOn,
  status: t.status,
  doneOn: t.doneOn,
  note: t.note,
});
