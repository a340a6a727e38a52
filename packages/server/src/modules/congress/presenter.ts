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
  template: z.object({ name: z.string(), organizationId: z.string().nullable() }),
  note: z.string().nullable(),
  /** Rules the schedule breaks that are unverified defaults: to check, not refused. */
  warnings: z.array(warningOut),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const person = z.object({ id: z.string(), displayName: z.string() }).nullable();

export const submissionOut = z.object({
  id: z.string(),
  kind: z.string(),
  round: z.number(),
  status: z.enum(['submitted', 'approved', 'returned']),
  budgetId: z.string().nullable(),
  note: z.string().nullable(),
  submittedAt: z.string(),
  submittedBy: person,
  decidedAt: z.string().nullable(),
  decidedBy: person,
  comment: z.string().nullable(),
});

const budgetLineOut = z.object({
  category: z.string(),
  description: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number(),
  amount: z.number(),
});

export const budgetOut = z.object({
  budget: z
    .object({
      id: z.string(),
      versionNo: z.number(),
      status: z.string(),
      version: z.number(),
      lines: z.array(budgetLineOut),
      byCategory: z.record(z.string(), z.number()),
      total: z.number(),
      totalInWords: z.string(),
    })
    .nullable(),
  versions: z.array(z.object({ id: z.string(), versionNo: z.number(), status: z.string() })),
});

export const subcommitteeOut = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  duties: z.string().nullable(),
  version: z.number(),
  members: z.array(
    z.object({
      memberId: z.string(),
      fullName: z.string(),
      role: z.string(),
      duties: z.string().nullable(),
    }),
  ),
});

export const planDetailOut = planOut.extend({
  tasks: z.array(taskOut),
  subcommittees: z.array(subcommitteeOut),
  submissions: z.array(submissionOut),
  /** edit: the organization's own managers; decide: the committees above, on what is submitted. */
  abilities: z.object({ edit: z.boolean(), decide: z.boolean() }),
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

const templateStepOut = z.object({
  key: z.string(),
  titleVi: z.string(),
  owner: z.string(),
  offset: z.union([z.object({ days: z.number() }), z.object({ workingDays: z.number() })]),
  submission: z.string().optional(),
  source: z.object({ document: z.string(), date: z.string().optional() }).passthrough().optional(),
  unverified: z.boolean().optional(),
  noteVi: z.string().optional(),
});

const storedTemplateOut = z
  .object({ nameVi: z.string(), sourceDocument: z.string().nullable(), steps: z.array(templateStepOut) })
  .nullable();

/** A committee's preparation template: what it inherits, and its own draft and published version. */
export const templateOut = z.object({
  ruleSet: z.object({ id: z.string(), name: z.string() }),
  organization: z.object({ id: z.string(), name: z.string() }),
  inherited: z.object({
    nameVi: z.string(),
    /** The committee above whose template it is; null for the shipped one. */
    organization: z.object({ id: z.string(), name: z.string() }).nullable(),
    publishedAt: z.string().nullable(),
    steps: z.array(templateStepOut),
  }),
  own: z
    .object({
      draft: storedTemplateOut,
      published: storedTemplateOut,
      publishedAt: z.string().nullable(),
      version: z.number(),
    })
    .nullable(),
  abilities: z.object({ edit: z.boolean() }),
  /** After a publication with applyToPlans: how many plans and tasks it changed. */
  applied: z
    .object({ plans: z.number(), added: z.number(), changed: z.number(), skipped: z.number() })
    .nullable()
    .optional(),
});
