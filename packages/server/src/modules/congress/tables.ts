import type { PreparationStep } from '@daihoi/core';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, rowVersion, timestamps } from '../../db/columns.js';
import { members } from '../members/tables.js';
import { committeeTerms, organizations } from '../organizations/tables.js';

/**
 * An organization's plan for the congress that opens a term: kind, date and length checked against the
 * term's rule set, and the preparation tasks counted back from the congress date.
 */
export const congressPlans = pgTable(
  'congress_plans',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The term the congress opens (2020–2025 for the congresses of 2020). */
    termId: uuid('term_id')
      .notNull()
      .references(() => committeeTerms.id),
    ruleSetId: text('rule_set_id').notNull(),
    /** all_member (đại hội đảng viên) or delegates (đại hội đại biểu). */
    congressKind: text('congress_kind').notNull(),
    /** Why the kind differs from the one the membership gives. */
    congressKindReason: text('congress_kind_reason'),
    plannedOn: date('planned_on', { mode: 'string' }),
    /** The congress's length in half days: 1 is half a day, 4 is two days. */
    durationHalfDays: integer('duration_half_days').notNull(),
    /** The business day the plan was adopted: tasks cannot be due before it. */
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    /** The committee whose published template gave the tasks; null for the shipped one. */
    templateOrganizationId: uuid('template_organization_id').references(() => organizations.id),
    templateName: text('template_name'),
    note: text('note'),
    createdBy: uuid('created_by'),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique('congress_plans_org_term_key').on(t.organizationId, t.termId)],
);

/** One preparation step of a plan, generated from the template or added by hand. */
export const congressTasks = pgTable(
  'congress_tasks',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => congressPlans.id, { onDelete: 'cascade' }),
    /** The template step it came from; null for a task added by hand. */
    stepKey: text('step_key'),
    title: text('title').notNull(),
    ownerKind: text('owner_kind').notNull(),
    /** The person in charge, as a clerk writes it. */
    ownerName: text('owner_name'),
    /** The offset the template gave, kept so that moving the congress date recomputes the due date. */
    offsetDays: integer('offset_days'),
    offsetWorkingDays: integer('offset_working_days'),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status').notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    note: text('note'),
    position: integer('position').notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index('congress_tasks_plan_idx').on(t.planId, t.position)],
);

/**
 * A version of a plan's budget estimate. A draft or returned version is edited in place; a submitted or
 * approved one is frozen, and changing it means starting the next version from it.
 */
export const congressBudgets = pgTable(
  'congress_budgets',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => congressPlans.id, { onDelete: 'cascade' }),
    versionNo: integer('version_no').notNull(),
    /** draft, submitted, approved, returned. */
    status: text('status').notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique('congress_budgets_plan_version_key').on(t.planId, t.versionNo)],
);

export const congressBudgetLines = pgTable(
  'congress_budget_lines',
  {
    id: idColumn(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => congressBudgets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    /** Hundredths of the unit: 2,5 ngày is 250. */
    quantityHundredths: bigint('quantity_hundredths', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    /** Whole đồng; every amount is at most 10^15, exact as a JavaScript number. */
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [index('congress_budget_lines_budget_idx').on(t.budgetId, t.position)],
);

/**
 * What an organization submits to the committee above it (plan, congress date and length, budget,
 * personnel plan): submitted → approved, or returned with comments and submitted again as a new round.
 */
export const congressSubmissions = pgTable(
  'congress_submissions',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => congressPlans.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** The budget version submitted, for a budget. */
    budgetId: uuid('budget_id').references(() => congressBudgets.id),
    round: integer('round').notNull(),
    status: text('status').notNull(),
    note: text('note'),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    comment: text('comment'),
  },
  (t) => [
    unique('congress_submissions_round_key').on(t.planId, t.kind, t.round),
    index('congress_submissions_status_idx').on(t.status, t.submittedAt),
  ],
);

/** The subcommittees that serve the congress: documents, personnel, logistics, or others. */
export const congressSubcommittees = pgTable(
  'congress_subcommittees',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => congressPlans.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    duties: text('duties'),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index('congress_subcommittees_plan_idx').on(t.planId)],
);

/** Members drawn from the registry, each with a role (head, deputy, member) and their own duties. */
export const congressSubcommitteeMembers = pgTable(
  'congress_subcommittee_members',
  {
    subcommitteeId: uuid('subcommittee_id')
      .notNull()
      .references(() => congressSubcommittees.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    role: text('role').notNull(),
    duties: text('duties'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subcommitteeId, t.memberId] })],
);

/**
 * An upper committee's narrowing of a rule set for its subtree (an earlier deadline for its cells, a
 * shorter congress), with the document that sets it. core's tightenRuleSet refuses any loosening.
 */
export const congressRuleTightenings = pgTable(
  'congress_rule_tightenings',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    ruleSetId: text('rule_set_id').notNull(),
    /** "Kế hoạch 165-KH/ĐUK" and its date: what the UI cites beside a refused date. */
    sourceDocument: text('source_document').notNull(),
    sourceDate: date('source_date', { mode: 'string' }).notNull(),
    /** Per level: { earliestStart?, deadline?, maxDurationDays? }. */
    levels: jsonb('levels')
      .$type<Record<string, { earliestStart?: string; deadline?: string; maxDurationDays?: number }>>()
      .notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique('congress_rule_tightenings_key').on(t.organizationId, t.ruleSetId)],
);

/**
 * An upper committee's preparation template for its subtree, per rule set: the draft it is editing and
 * the version it published. Plans adopted below it take the published steps of the nearest committee
 * above that has one, else the shipped template; editing the draft changes nothing until it is published.
 */
export const congressTemplates = pgTable(
  'congress_templates',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    ruleSetId: text('rule_set_id').notNull(),
    /** core's PreparationTemplate without id and rule set: { nameVi, steps }. */
    draft: jsonb('draft').$type<StoredTemplate>(),
    published: jsonb('published').$type<StoredTemplate>(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: uuid('published_by'),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique('congress_templates_key').on(t.organizationId, t.ruleSetId)],
);

export interface StoredTemplate {
  nameVi: string;
  /** The committee's document that sets the steps, e.g. "Kế hoạch 165-KH/ĐUK". */
  sourceDocument?: string;
  steps: PreparationStep[];
}
