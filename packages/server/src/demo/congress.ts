import { addDays, defaultPreparationTemplate, isWorkingDay, type RuleSetId } from '@daihoi/core';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { newId } from '../db/columns.js';
import { congressPlans, congressTasks } from '../modules/congress/tables.js';
import { generateTasks } from '../modules/congress/tasks.js';
import { committeeTerms, organizations } from '../modules/organizations/tables.js';
import { seededRandom } from './members.js';

type Orgs = ReadonlyMap<string, { id: string; path: string }>;

const RULE_SET: RuleSetId = 'ct35-2019';
/** The demo's business date: plans are at the stage they would be on that day. */
const TODAY = '2020-03-15';
const at = (isoDate: string) => new Date(`${isoDate}T09:00:00+07:00`);

/** The first working day on or after a date: congresses of agencies sit on working days. */
function workingDayFrom(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

async function term2020(tx: Tx, organizationId: string) {
  const [term] = await tx
    .select({ id: committeeTerms.id })
    .from(committeeTerms)
    .where(and(eq(committeeTerms.organizationId, organizationId), eq(committeeTerms.name, '2020–2025')));
  return term!.id;
}

/** Marks the steps due before the business date done, most of them: the rest are the late ones. */
async function progress(tx: Tx, planId: string, random: () => number, diligence: number) {
  const due = await tx
    .select({ id: congressTasks.id })
    .from(congressTasks)
    .where(and(eq(congressTasks.planId, planId), lt(congressTasks.dueOn, TODAY)));
  const done = due.filter(() => random() < diligence).map((t) => t.id);
  if (done.length === 0) return;
  // One statement per plan: each step done on its deadline or up to four days before it.
  await tx
    .update(congressTasks)
    .set({ status: 'done', doneOn: sql`${congressTasks.dueOn} - (${congressTasks.position} % 5)` })
    .where(inArray(congressTasks.id, done));
}

async function addPlan(
  tx: Tx,
  organizationId: string,
  schedule: { plannedOn: string; halfDays: number; adoptedOn: string; kind: 'all_member' | 'delegates' },
) {
  const { plannedOn, halfDays, adoptedOn, kind } = schedule;
  const [plan] = await tx
    .insert(congressPlans)
    .values({
      id: newId(),
      organizationId,
      termId: await term2020(tx, organizationId),
      ruleSetId: RULE_SET,
      congressKind: kind,
      plannedOn,
      durationHalfDays: halfDays,
      adoptedOn,
      createdAt: at(adoptedOn),
      updatedAt: at(adoptedOn),
    })
    .returning();
  await generateTasks(tx, plan!, defaultPreparationTemplate(RULE_SET), at(adoptedOn));
  return plan!;
}

/**
 * The congress plans of the bloc's grassroots organizations for 2020–2025 as they stood on 15/03/2020:
 * most adopted in December 2019 with congresses from April to June, the early steps done by most, late
 * for some; a few have no plan yet, and Sở Tài chính is still drafting its own (the journey adopts it).
 */
export async function seedDemoCongress(tx: Tx, orgs: Orgs) {
  const bloc = orgs.get('NA-DUK')!.id;
  const grassroots = await tx
    .select({ id: organizations.id, code: organizations.code })
    .from(organizations)
    .where(and(eq(organizations.parentId, bloc), isNull(organizations.archivedAt)))
    .orderBy(organizations.code);
  let plans = 0;
  for (const { id, code } of grassroots) {
    const random = seededRandom(`${code}/congress-plan`);
    if (code === 'NA-DUK-STC' || random() < 0.12) continue;
    const plannedOn = workingDayFrom(addDays('2020-04-06', Math.floor(random() * 80)));
    const adoptedOn = addDays('2019-12-02', Math.floor(random() * 20));
    // Every grassroots organization of the demo has fewer than 200 members: an all-member congress.
    const halfDays = random() < 0.5 ? 2 : 3;
    const plan = await addPlan(tx, id, { plannedOn, halfDays, adoptedOn, kind: 'all_member' });
    await progress(tx, plan.id, random, random() < 0.25 ? 0.4 : 0.9);
    plans++;
  }
  const own = await addPlan(tx, bloc, {
    plannedOn: '2020-08-18',
    halfDays: 4,
    adoptedOn: '2019-11-15',
    kind: 'delegates',
  });
  await progress(tx, own.id, seededRandom('NA-DUK/congress-plan'), 1);
  return { congressPlans: plans + 1 };
}
