import { addDays, STEP_DUE_SOON_DAYS } from '@daihoi/core';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import { notify } from '../notifications/service.js';
import { committeeTerms, organizations } from '../organizations/tables.js';
import { congressPlans, congressTasks } from './tables.js';

/** Plans with open tasks that are late or due within the week, with how many of each. */
function behindPlans(db: DbOrTx, today: string) {
  const soon = addDays(today, STEP_DUE_SOON_DAYS);
  const k = congressTasks;
  return db
    .select({
      planId: congressPlans.id,
      organizationId: organizations.id,
      organizationName: organizations.name,
      term: committeeTerms.name,
      overdue: sql<number>`count(*) FILTER (WHERE ${k.dueOn} < ${today})::int`,
      dueSoon: sql<number>`count(*) FILTER (WHERE ${k.dueOn} >= ${today})::int`,
    })
    .from(k)
    .innerJoin(congressPlans, eq(congressPlans.id, k.planId))
    .innerJoin(organizations, eq(organizations.id, congressPlans.organizationId))
    .innerJoin(committeeTerms, eq(committeeTerms.id, congressPlans.termId))
    .where(and(eq(k.status, 'open'), lte(k.dueOn, soon)))
    .groupBy(congressPlans.id, organizations.id, organizations.name, committeeTerms.name);
}

/**
 * The daily reminder (job `congress.reminders`): the office and the secretary of each organization whose
 * plan has tasks overdue or due within the week hear of it once a day, in the app and in the e-mail digest.
 * Returns the number of notifications raised.
 */
export async function remindCongressTasks(db: Db, today: string, now: Date): Promise<number> {
  const plans = await behindPlans(db, today);
  let raised = 0;
  await inTransaction(db, async (tx) => {
    for (const plan of plans) {
      const parts = [
        plan.overdue > 0 ? `${plan.overdue} việc quá hạn` : null,
        plan.dueSoon > 0 ? `${plan.dueSoon} việc đến hạn trong ${STEP_DUE_SOON_DAYS} ngày` : null,
      ].filter(Boolean);
      for (const role of ['office', 'secretary'] as const) {
        raised += await notify(
          tx,
          {
            role,
            organizationId: plan.organizationId,
            exactOrganization: true,
            kind: plan.overdue > 0 ? 'congress.overdue' : 'congress.due_soon',
            title: `Chuẩn bị đại hội nhiệm kỳ ${plan.term}: ${parts.join(', ')}`,
            body: `${plan.organizationName} — hãy cập nhật tiến độ các công việc chuẩn bị đại hội.`,
            link: `/congress-plans/${plan.planId}`,
          },
          now,
        );
      }
    }
  });
  return raised;
}
