import {
  addDays,
  compareIsoDates,
  defaultPreparationTemplate,
  isWorkingDay,
  type RuleSetId,
  scheduleSteps,
  type WorkingCalendar,
} from '@daihoi/core';
import { uuidv7 } from 'uuidv7';
import { loadAssignments } from '../packages/server/src/auth/sessions.js';
import { type Clock, makeClock } from '../packages/server/src/config.js';
import { DEMO_REFERENCE_DATE } from '../packages/server/src/demo/dataset.js';
import { seededRandom } from '../packages/server/src/demo/members.js';
import type { Ctx } from '../packages/server/src/http/context.js';
import { workingCalendar } from '../packages/server/src/modules/calendar/service.js';
import { createPlan } from '../packages/server/src/modules/congress/service.js';
import { type Backend, createAccount, settle } from './backend.js';
import { buildTree, type OrgRow, TIERS } from './tree.js';

/** The business date of the dashboard: the demo's, in the middle of the 2020 wave's preparations. */
export const TODAY = DEMO_REFERENCE_DATE;
export const TERM = '2020–2025';
const PREVIOUS_TERM = '2015–2020';
const RULE_SET: RuleSetId = 'ct35-2019';
/** Of the organizations below a bloc, one in twenty is a grassroots organization, the rest its cells. */
const GRASSROOTS_SHARE = 20;

type Random = () => number;

/** The first working day on or after a date: congresses sit on working days. */
function workingDayFrom(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

const within = (random: Random, from: string, days: number) => addDays(from, Math.floor(random() * days));

/** One organization's plan as the app would hold it, before any of its steps has moved on. */
export interface PlanSpec {
  id: string;
  organization: OrgRow;
  termId: string;
  plannedOn: string | null;
  halfDays: number;
  adoptedOn: string;
  kind: 'all_member' | 'delegates';
  /** Share of the steps due before today that are done. */
  diligence: number;
}

/** A task row in the columns `generateTasks` writes. */
export interface TaskRow {
  id: string;
  planId: string;
  stepKey: string;
  title: string;
  ownerKind: string;
  offsetDays: number | null;
  offsetWorkingDays: number | null;
  dueOn: string | null;
  status: 'open' | 'done' | 'skipped';
  doneOn: string | null;
  position: number;
}

/**
 * The schedule of a level's congress in the 2020 wave: cells from mid-February to the end of March,
 * grassroots organizations from April to June, blocs in July and August, the province in October; plans
 * adopted some months before. One plan in twenty has no date yet.
 */
function scheduleOf(org: OrgRow, random: Random) {
  const unscheduled = org.depth > 1 && random() < 0.05;
  const pick = (from: string, days: number, halfDays: number, adoptedFrom: string, adoptedDays: number) => ({
    plannedOn: unscheduled ? null : workingDayFrom(within(random, from, days)),
    halfDays,
    adoptedOn: within(random, adoptedFrom, adoptedDays),
  });
  switch (org.level) {
    case 'cell':
      return { ...pick('2020-02-17', 42, 1, '2019-10-21', 25), kind: 'all_member' as const };
    case 'grassroots':
      return {
        ...pick('2020-04-06', 75, 2 + Math.floor(random() * 3), '2019-12-02', 20),
        kind: 'all_member' as const,
      };
    case 'upper_grassroots':
      return {
        ...pick('2020-07-13', 40, 4 + Math.floor(random() * 3), '2019-11-11', 10),
        kind: 'delegates' as const,
      };
    default:
      return { ...pick('2020-10-12', 10, 7, '2019-09-23', 10), kind: 'delegates' as const };
  }
}

/** The tasks `generateTasks` writes for a plan: one per step of the term's template, due as counted back. */
export function freshTasks(plan: PlanSpec, calendar: WorkingCalendar): TaskRow[] {
  const template = defaultPreparationTemplate(RULE_SET);
  const due = plan.plannedOn
    ? new Map(scheduleSteps(template, plan.plannedOn, calendar).map((s) => [s.key, s.dueOn]))
    : new Map<string, string>();
  return template.steps.map((step, position) => ({
    id: uuidv7(),
    planId: plan.id,
    stepKey: step.key,
    title: step.titleVi,
    ownerKind: step.owner,
    offsetDays: 'days' in step.offset ? step.offset.days : null,
    offsetWorkingDays: 'workingDays' in step.offset ? step.offset.workingDays : null,
    dueOn: due.get(step.key) ?? null,
    ...(step.key === 'plan_adopted'
      ? { status: 'done' as const, doneOn: plan.adoptedOn }
      : { status: 'open' as const, doneOn: null }),
    position,
  }));
}

/**
 * The plan's steps as they stood on TODAY: of those due before it, a share done (on the deadline or up
 * to four days before it, as the demo has them), a few skipped, the rest overdue; of those due within
 * ten days, a quarter done early; the later ones open.
 */
export function progressed(plan: PlanSpec, tasks: readonly TaskRow[]): TaskRow[] {
  const random = seededRandom(`${plan.organization.code}/congress-progress`);
  random();
  const soon = addDays(TODAY, 10);
  return tasks.map((t) => {
    if (t.status !== 'open' || !t.dueOn) return t;
    const r = random();
    if (compareIsoDates(t.dueOn, TODAY) < 0) {
      if (r < plan.diligence) return { ...t, status: 'done', doneOn: addDays(t.dueOn, -(t.position % 5)) };
      if (r > 0.97) return { ...t, status: 'skipped' };
      return t;
    }
    if (compareIsoDates(t.dueOn, soon) <= 0 && r < 0.25)
      return { ...t, status: 'done', doneOn: addDays(TODAY, -(t.position % 3)) };
    return t;
  });
}

/** Rows of `columns` in one `INSERT … SELECT FROM unnest(…)` per batch. */
async function insertColumns(
  backend: Backend,
  table: string,
  columns: readonly (readonly [string, string])[],
  rows: readonly unknown[][],
  batch = 20_000,
) {
  const names = columns.map(([n]) => n).join(', ');
  const arrays = columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
  for (let at = 0; at < rows.length; at += batch) {
    const part = rows.slice(at, at + batch);
    await backend.query(
      `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`,
      columns.map((_, i) => part.map((r) => r[i])),
    );
  }
}

const TERM_COLUMNS = [
  ['id', 'uuid'],
  ['organization_id', 'uuid'],
  ['name', 'text'],
  ['starts_on', 'date'],
  ['ends_on', 'date'],
] as const;

const PLAN_COLUMNS = [
  ['id', 'uuid'],
  ['organization_id', 'uuid'],
  ['term_id', 'uuid'],
  ['rule_set_id', 'text'],
  ['congress_kind', 'text'],
  ['planned_on', 'date'],
  ['duration_half_days', 'int'],
  ['adopted_on', 'date'],
  ['created_by', 'uuid'],
] as const;

const TASK_COLUMNS = [
  ['id', 'uuid'],
  ['plan_id', 'uuid'],
  ['step_key', 'text'],
  ['title', 'text'],
  ['owner_kind', 'text'],
  ['offset_days', 'int'],
  ['offset_working_days', 'int'],
  ['due_on', 'date'],
  ['status', 'text'],
  ['done_on', 'date'],
  ['position', 'int'],
] as const;

const taskValues = (t: TaskRow) => [
  t.id,
  t.planId,
  t.stepKey,
  t.title,
  t.ownerKind,
  t.offsetDays,
  t.offsetWorkingDays,
  t.dueOn,
  t.status,
  t.doneOn,
  t.position,
];

/** The columns compared between the service's tasks and the bulk-built ones. */
const COMPARED =
  'step_key, title, owner_kind, offset_days, offset_working_days, due_on::text, status, done_on::text, position';

export interface Seeded {
  anchor: OrgRow;
  /** The anchor's own 2020–2025 term. */
  termId: string;
  officeId: string;
  clock: Clock;
  counts: {
    /** Organizations in the whole province, and below the anchor. */
    organizations: number;
    below: number;
    blocs: number;
    terms: number;
    plans: number;
    tasks: number;
    /** In the anchor's subtree. */
    subtreePlans: number;
    subtreeTasks: number;
    noPlan: number;
    unscheduled: number;
  };
  /** Plans made by `createPlan` (one per level where the subtree has one), and whether their tasks equal the bulk ones. */
  sample: { plans: number; sameTasks: boolean };
  ms: { organizations: number; rest: number };
}

/**
 * A province (root) with `blocs` blocs of `below` organizations each (a twentieth grassroots, the rest
 * their cells); every organization has the 2015–2020 and 2020–2025 terms, nine in ten a 2020–2025 plan with
 * the template's fifteen tasks, moved on to TODAY. A few plans of the first bloc (the anchor) are made by
 * `createPlan` as an office of it; the rest are bulk-inserted with the same rows.
 */
export async function seedProvince(
  backend: Backend,
  below: number,
  blocs: number,
  log: (s: string) => void,
): Promise<Seeded> {
  const grassroots = Math.max(1, Math.round(below / GRASSROOTS_SHARE));
  const tree = buildTree([
    TIERS.root,
    TIERS.upper(blocs),
    TIERS.grassroots(blocs * grassroots),
    TIERS.cells(blocs * (below - grassroots)),
  ]);
  const anchor = tree.tiers[1]![0]!;
  const orgMs = await backend.loadOrganizations(tree.rows);
  const started = performance.now();

  const terms = new Map<string, string>();
  const termRows: unknown[][] = [];
  for (const o of tree.rows) {
    const id = uuidv7();
    terms.set(o.id, id);
    termRows.push([uuidv7(), o.id, PREVIOUS_TERM, '2015-06-01', '2020-05-31']);
    termRows.push([id, o.id, TERM, '2020-06-01', '2025-05-31']);
  }
  await insertColumns(backend, 'committee_terms', TERM_COLUMNS, termRows);
  const officeId = await createAccount(backend, 'bench_office', 'office', anchor.id);

  const plans: PlanSpec[] = [];
  let noPlan = 0;
  const random = seededRandom('bench/congress-plans');
  for (const o of tree.rows) {
    if (o.depth > 1 && random() < 0.1) {
      if (o.path.startsWith(anchor.path)) noPlan++;
      continue;
    }
    plans.push({
      id: uuidv7(),
      organization: o,
      termId: terms.get(o.id)!,
      ...scheduleOf(o, random),
      diligence: random() < 0.25 ? 0.4 : 0.9,
    });
  }
  const inSubtree = plans.filter((p) => p.organization.path.startsWith(anchor.path));
  // The service makes one plan per level of the subtree, and one without a date when there is one.
  const sample = [
    inSubtree.find((p) => p.organization.id === anchor.id),
    inSubtree.find((p) => p.organization.level === 'grassroots' && p.plannedOn),
    inSubtree.find((p) => p.organization.level === 'cell' && p.plannedOn),
    inSubtree.find((p) => !p.plannedOn),
  ].filter((p): p is PlanSpec => p !== undefined);
  const sampled = new Set(sample.map((p) => p.id));

  const calendar = await workingCalendar(backend.database.db);
  const bulk = plans.filter((p) => !sampled.has(p.id));
  await insertColumns(
    backend,
    'congress_plans',
    PLAN_COLUMNS,
    bulk.map((p) => [
      p.id,
      p.organization.id,
      p.termId,
      RULE_SET,
      p.kind,
      p.plannedOn,
      p.halfDays,
      p.adoptedOn,
      officeId,
    ]),
  );
  const tasks = bulk.flatMap((p) => progressed(p, freshTasks(p, calendar)));
  await insertColumns(backend, 'congress_tasks', TASK_COLUMNS, tasks.map(taskValues));

  const sameTasks = await samplePlans(backend, sample, officeId, calendar);
  await settle(backend);
  const counts = {
    organizations: tree.rows.length,
    below: tree.rows.filter((o) => o.path.startsWith(anchor.path)).length - 1,
    blocs,
    terms: termRows.length,
    plans: plans.length,
    tasks: plans.length * defaultPreparationTemplate(RULE_SET).steps.length,
    subtreePlans: inSubtree.length,
    subtreeTasks: inSubtree.length * defaultPreparationTemplate(RULE_SET).steps.length,
    noPlan,
    unscheduled: inSubtree.filter((p) => !p.plannedOn).length,
  };
  const rest = performance.now() - started;
  log(
    `  ${counts.organizations} organizations (${counts.below} below the anchor) in ${orgMs.toFixed(0)} ms; ` +
      `${counts.plans} plans, ${counts.tasks} tasks, terms and the sample in ${rest.toFixed(0)} ms; ` +
      `sample tasks equal: ${sameTasks}`,
  );
  return {
    anchor,
    termId: terms.get(anchor.id)!,
    officeId,
    clock: makeClock(TODAY),
    counts,
    sample: { plans: sample.length, sameTasks },
    ms: { organizations: orgMs, rest },
  };
}

/**
 * The sample plans through `createPlan` as the anchor's office, each on the day the plan was adopted (the
 * service dates the adoption from its clock); their tasks are compared with what the bulk load would have
 * written, then moved on to TODAY like the others.
 */
async function samplePlans(
  backend: Backend,
  sample: readonly PlanSpec[],
  officeId: string,
  calendar: WorkingCalendar,
): Promise<boolean> {
  const db = backend.database.db;
  const actor = {
    userId: officeId,
    username: 'bench_office',
    displayName: 'bench_office',
    mustChangePassword: false,
    assignments: await loadAssignments(db, officeId),
  };
  let same = true;
  for (const spec of sample) {
    const ctx: Ctx = { db, actor, clock: makeClock(spec.adoptedOn) };
    const made = await createPlan(ctx, {
      organizationId: spec.organization.id,
      termId: spec.termId,
      plannedOn: spec.plannedOn,
      durationDays: spec.halfDays / 2,
    });
    const rows = await backend.query<Record<string, unknown>>(
      `SELECT id, ${COMPARED} FROM congress_tasks WHERE plan_id = $1 ORDER BY position`,
      [made.id],
    );
    const expected = freshTasks({ ...spec, id: made.id }, calendar);
    same &&=
      made.congressKind === spec.kind &&
      rows.length === expected.length &&
      rows.every((r, i) => {
        const e = expected[i]!;
        return (
          r.step_key === e.stepKey &&
          r.title === e.title &&
          r.owner_kind === e.ownerKind &&
          r.offset_days === e.offsetDays &&
          r.offset_working_days === e.offsetWorkingDays &&
          r.due_on === e.dueOn &&
          r.status === e.status &&
          r.done_on === e.doneOn &&
          r.position === e.position
        );
      });
    // Moved on to TODAY by the same rule as the bulk-built plans.
    const moved = progressed(
      { ...spec, id: made.id },
      expected.map((e, i) => ({ ...e, id: rows[i]!.id as string })),
    ).filter((t) => t.status !== 'open' && t.stepKey !== 'plan_adopted');
    if (moved.length > 0)
      await backend.query(
        `UPDATE congress_tasks k SET status = m.status, done_on = m.done_on
           FROM unnest($1::uuid[], $2::text[], $3::date[]) m(id, status, done_on) WHERE k.id = m.id`,
        [moved.map((t) => t.id), moved.map((t) => t.status), moved.map((t) => t.doneOn)],
      );
  }
  return same;
}
