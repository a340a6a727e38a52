import { and, eq } from 'drizzle-orm';
import { type Actor, reachCondition } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { committeeTerms, organizations } from '../organizations/tables.js';
import { congressPlans } from './tables.js';

const p = congressPlans;
const o = organizations;
const t = committeeTerms;

export const planColumns = {
  plan: p,
  organization: { id: o.id, name: o.name, level: o.level, kind: o.kind, path: o.path },
  term: { id: t.id, name: t.name },
};

/** The plan if the actor reads its organization; otherwise 404. */
export async function findVisiblePlan(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(planColumns)
    .from(p)
    .innerJoin(o, eq(o.id, p.organizationId))
    .innerJoin(t, eq(t.id, p.termId))
    .where(and(eq(p.id, id), reachCondition(actor, 'congress.read', o.path, o.id)));
  if (!row) throw notFound('CONGRESS_PLAN_NOT_FOUND');
  return row;
}
