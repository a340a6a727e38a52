import { addDays, STEP_DUE_SOON_DAYS } from '@daihoi/core';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { notify } from '../notifications/service.js';
import { committeeTerms, organizations } from '../organizations/tables.js';
import { congressPlans, congressSubmissions, congressTasks } from './tables.js';

/** Who a reminder goes to and what it names: the plan, its organization and the term. */
const planColumns = {
  planId: congressPlans.id,
  organizationId: organizations.id,
  organizationName: organizations.name,
  term: committeeTerms.name,
};
const planGroup = [congressPlans.id, organizations.id, organizations.name, committeeTerms.name] as const;

/** Plans with open tasks that are late or due within the week, with how many of each. */
function behindPlans(db: DbOrTx, today: string) {
  const soon = addDays(today, STEP_DUE_SOON_DAYS);
  const k = congressTasks;
  return db
    .select({
      ...planColumns,
      overdue: sql<number>`count(*) FILTER (WHERE ${k.dueOn} < ${today})::int`,
      dueSoon: sql<number>`count(*) FILTER (WHERE ${k.dueOn} >= ${today})::int`,
    })
    .from(k)
    .innerJoin(congressPlans, eq(congressPlans.id, k.planId))
    .innerJoin(organizations, eq(organizations.id, congressPlans.organizationId))
    .innerJoin(committeeTerms, eq(committeeTerms.id, congressPlans.termId))
    .where(and(eq(k.status, 'open'), lte(k.dueOn, soon)))
    .groupBy(...planGroup);
}

/** Plans with submissions the committee above returned and that have not gone up again since. */
function returnedPlans(db: DbOrTx) {
  const s = congressSubmissions;
  return db
    .select({
      ...planColumns,
      returned: sql<number>`count(*)::int`,
    })
    .from(s)
    .innerJoin(congressPlans, eq(congressPlans.id, s.planId))
    .innerJoin(organizations, eq(organizations.id, congressPlans.organizationId))
    .innerJoin(committeeTerms, eq(committeeTerms.id, congressPlans.termId))
    .where(
      and(
        eq(s.status, 'returned'),
        sql`NOT EXISTS (SELECT 1 FROM congress_submissions later WHERE later.plan_id = ${s.planId}
              AND later.kind = ${s.kind} AND later.round > ${s.round})`,
      ),
    )
    .groupBy(...planGroup);
}

type Behind = Awaited<ReturnType<typeof behindPlans>>[number] & { returned: number };

/** Both lists by plan: one reminder per plan and day, however many reasons it has. */
async function plansToRemind(db: DbOrTx, today: string): Promise<Behind[]> {
  const byPlan = new Map<string, Behind>();
  for (const plan of await behindPlans(db, today)) byPlan.set(plan.planId, { ...plan, returned: 0 });
  for (const plan of await returnedPlans(db)) {
    const known = byPlan.get(plan.planId);
    if (known) known.returned = plan.returned;
    else byPlan.set(plan.planId, { ...plan, overdue: 0, dueSoon: 0 });
  }
  return [...byPlan.values()];
}

/**
 * The daily reminder (job `congress.reminders`): the office and the secretary of each organization whose
 * plan has tasks overdue or due within the week, or submissions returned and not yet sent up again, hear
 * of it once a day, in the app and in the e-mail digest. Returns the number of notifications raised.
 */
export async function remindCongressTasks(db: Db, today: string, now: Date): Promise<number> {
  const plans = await plansToRemind(db, today);
  let raised = 0;
  await inTransaction(db, async (tx) => {
    for (const plan of plans) {
      const parts = [
        plan.overdue > 0 ? `${plan.overdue} việc quá hạn` : null,
        plan.dueSoon > 0 ? `${plan.dueSoon} việc đến hạn trong ${STEP_DUE_SOON_DAYS} ngày` : null,
        plan.returned > 0 ? `${plan.returned} hồ sơ bị cấp trên trả lại chưa trình lại` : null,
      ].filter(Boolean);
      for (const role of ['office', 'secretary'] as const) {
        raised += await notify(
          tx,
          {
            role,
            organizationId: plan.organizationId,
            exactOrganization: true,
            kind: kindOf(plan),
            title: `Chuẩn bị đại hội nhiệm kỳ ${plan.term}: ${parts.join(', ')}`,
            body: `${plan.organizationName} — hãy cập nhật tiến độ chuẩn bị đại hội và hoàn chỉnh hồ sơ bị trả lại.`,
            link: `/congress-plans/${plan.planId}`,
          },
          now,
        );
      }
    }
  });
  return raised;
}

function kindOf(plan: Behind): string {
  if (plan.overdue > 0) return 'congress.overdue';
  return plan.dueSoon > 0 ? 'congress.due_soon' : 'congress.returned';
}
