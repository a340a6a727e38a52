import { z } from 'zod';
import { isoDate, optionalText, text } from '../../http/fields.js';
import { pageQuery } from '../../http/paging.js';

export const CONGRESS_KINDS = ['all_member', 'delegates'] as const;
export const TASK_STATUSES = ['open', 'done', 'skipped'] as const;
export const OWNER_KINDS = [
  'committee',
  'office',
  'documents_subcommittee',
  'personnel_subcommittee',
  'logistics_subcommittee',
  'upper_committee',
] as const;

/** A congress lasts a whole number of half days: 0.5, 1, 1.5, 2… */
const durationDays = z
  .number()
  .positive()
  .max(10)
  .refine((d) => Number.isInteger(d * 2), 'Thời gian đại hội tính theo nửa ngày (0,5; 1; 1,5; 2…).');

export const createPlanBody = z.strictObject({
  organizationId: z.uuid(),
  /** The term the congress opens. */
  termId: z.uuid(),
  plannedOn: isoDate.nullable().optional(),
  durationDays,
  /** Omitted: the kind the membership gives (RULES §1.1). */
  congressKind: z.enum(CONGRESS_KINDS).optional(),
  congressKindReason: optionalText(1000),
  note: optionalText(5000),
});

export const updatePlanBody = z.strictObject({
  version: z.number().int().positive(),
  plannedOn: isoDate.nullable().optional(),
  durationDays: durationDays.optional(),
  congressKind: z.enum(CONGRESS_KINDS).optional(),
  congressKindReason: optionalText(1000),
  note: optionalText(5000),
});

export const listPlansQuery = z.strictObject({
  ...pageQuery,
  /** Plans of this organization's subtree. */
  organizationId: z.uuid().optional(),
  termId: z.uuid().optional(),
});

export const planParams = z.strictObject({ id: z.uuid() });

export const createTaskBody = z.strictObject({
  title: text().trim().min(1).max(500),
  ownerKind: z.enum(OWNER_KINDS),
  ownerName: optionalText(300),
  dueOn: isoDate,
  note: optionalText(5000),
});

export const updateTaskBody = z.strictObject({
  version: z.number().int().positive(),
  title: text().trim().min(1).max(500).optional(),
  ownerName: optionalText(300),
  dueOn: isoDate.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  doneOn: isoDate.nullable().optional(),
  note: optionalText(5000),
});

export const SUBMISSION_KINDS = ['plan', 'congress_date', 'budget', 'personnel'] as const;

/** One line as typed: quantity up to two decimals, unit price in whole đồng; core checks the limits. */
const budgetLine = z.strictObject({
  category: z.string().max(40),
  description: text().trim().max(500),
  quantity: z.number(),
  unit: text().trim().max(50),
  unitPrice: z.number(),
});

export const putBudgetBody = z.strictObject({
  /** The budget version's row version; omitted when the plan has no budget yet. */
  version: z.number().int().positive().optional(),
  lines: z.array(budgetLine).max(500),
});

export const submitBody = z.strictObject({ kind: z.enum(SUBMISSION_KINDS), note: optionalText(2000) });
export const approveBody = z.strictObject({ comment: optionalText(2000) });
export const returnBody = z.strictObject({ comment: text().trim().min(1).max(2000) });

export const SUBCOMMITTEE_KINDS = ['documents', 'personnel', 'logistics', 'other'] as const;
export const SUBCOMMITTEE_ROLES = ['head', 'deputy', 'member'] as const;

const subcommitteeMembers = z
  .array(z.strictObject({ memberId: z.uuid(), role: z.enum(SUBCOMMITTEE_ROLES), duties: optionalText(1000) }))
  .max(100)
  .refine(
    (list) => new Set(list.map((m) => m.memberId)).size === list.length,
    'Một đảng viên được ghi hai lần.',
  );

export const createSubcommitteeBody = z.strictObject({
  kind: z.enum(SUBCOMMITTEE_KINDS),
  /** Defaults to the kind's usual name ("Tiểu ban Văn kiện"). */
  name: text().trim().min(1).max(300).optional(),
  duties: optionalText(5000),
  members: subcommitteeMembers.default([]),
});

export const updateSubcommitteeBody = z.strictObject({
  version: z.number().int().positive(),
  name: text().trim().min(1).max(300).optional(),
  duties: optionalText(5000),
  members: subcommitteeMembers.optional(),
});

export type CreateSubcommitteeInput = z.infer<typeof createSubcommitteeBody>;
export type UpdateSubcommitteeInput = z.infer<typeof updateSubcommitteeBody>;
const levelOverride = z.strictObject({
  earliestStart: isoDate.optional(),
  deadline: isoDate.optional(),
  maxDurationDays: durationDays.optional(),
});

export const putTighteningBody = z.strictObject({
  ruleSetId: z.string().max(20),
  /** The committee's own document that sets the narrower rule, e.g. "Kế hoạch 165-KH/ĐUK". */
  sourceDocument: text().trim().min(1).max(300),
  sourceDate: isoDate,
  levels: z.partialRecord(
    z.enum(['central', 'provincial', 'upper_grassroots', 'grassroots', 'sub_grassroots', 'cell']),
    levelOverride,
  ),
  version: z.number().int().positive().optional(),
});

export const tighteningQuery = z.strictObject({ ruleSetId: z.string().max(20) });

/**
 * A step as the committee types it. The shapes are checked here; what the step means (key pattern, a
 * title, a known owner, whole offsets within a year, the announcement rule) is core's, whose messages
 * name the step.
 */
const templateStep = z.strictObject({
  key: z.string().max(64),
  titleVi: text().trim().max(500),
  owner: z.string().max(40),
  offset: z.union([
    z.strictObject({ days: z.number().finite() }),
    z.strictObject({ workingDays: z.number().finite() }),
  ]),
  submission: z.string().max(40).nullable().optional(),
  noteVi: optionalText(1000),
});

export const templateQuery = z.strictObject({ ruleSetId: z.string().max(20) });
export const templateVersionQuery = templateQuery.extend({ version: z.coerce.number().int().positive() });

export const putTemplateBody = z.strictObject({
  ruleSetId: z.string().max(20),
  nameVi: text().trim().max(300),
  /** The committee's document that sets the steps, e.g. "Kế hoạch 165-KH/ĐUK". */
  sourceDocument: optionalText(300),
  steps: z.array(templateStep).min(1).max(60),
  /** The template row's version; omitted for the committee's first draft. */
  version: z.number().int().positive().optional(),
});

export const publishTemplateBody = z.strictObject({
  ruleSetId: z.string().max(20),
  version: z.number().int().positive(),
  /** Also bring the plans already adopted below, still in preparation, to the new steps. */
  applyToPlans: z.boolean().default(false),
});

export type PutTemplateInput = z.infer<typeof putTemplateBody>;
export type PublishTemplateInput = z.infer<typeof publishTemplateBody>;
export type PutTighteningInput = z.infer<typeof putTighteningBody>;
export type PutBudgetInput = z.infer<typeof putBudgetBody>;
export type SubmitInput = z.infer<typeof submitBody>;
export type CreatePlanInput = z.infer<typeof createPlanBody>;
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;
export type ListPlansQuery = z.infer<typeof listPlansQuery>;
export type CreateTaskInput = z.infer<typeof createTaskBody>;
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;
