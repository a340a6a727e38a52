import { ORGANIZATION_LEVELS, STEP_STATUSES } from '@daihoi/core';
import { z } from 'zod';

export const dashboardQuery = z.strictObject({
  /** The subtree; the actor's topmost organization when omitted. */
  organizationId: z.uuid().optional(),
  /** A term of that organization; the congress wave after the business date when omitted. */
  termId: z.uuid().optional(),
  level: z.enum(ORGANIZATION_LEVELS).optional(),
  /** Only organizations with at least one step in this state. */
  status: z.enum(STEP_STATUSES).optional(),
});

const ref = z.object({ id: z.string(), name: z.string() });
const counts = z.object(
  Object.fromEntries(STEP_STATUSES.map((s) => [s, z.number()])) as Record<
    (typeof STEP_STATUSES)[number],
    z.ZodNumber
  >,
);

export const dashboardOut = z.object({
  organization: ref,
  /** The term's name ("2020–2025"): each organization's own term of that name. */
  term: z.object({ name: z.string() }),
  ruleSet: ref,
  today: z.string(),
  steps: z.array(z.object({ key: z.string(), title: z.string() })),
  rows: z.array(
    z.object({
      organization: ref.extend({ level: z.string(), depth: z.number(), parentId: z.string().nullable() }),
      planId: z.string().nullable(),
      plannedOn: z.string().nullable(),
      durationDays: z.number().nullable(),
      /** The level's last allowed day under the rule set, if it has one. */
      deadline: z.string().nullable(),
      /** One state per step, in the order of `steps`. */
      cells: z.array(z.enum(STEP_STATUSES)),
    }),
  ),
  /** Cells by state over the rows shown. */
  counts,
});

export type DashboardQuery = z.infer<typeof dashboardQuery>;
export type DashboardOut = z.infer<typeof dashboardOut>;
