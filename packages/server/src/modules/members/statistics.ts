import {
  AGE_BANDS,
  ageBandRange,
  compareVietnameseText,
  GENDERS,
  MEMBER_STATUSES,
  THEORY_LEVELS,
} from '@daihoi/core';
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Action, type Actor, can } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import type { OrganizationRow } from '../organizations/presenter.js';
import { organizations } from '../organizations/tables.js';
import type { StatisticsOut } from './presenter.js';
import { ACTIVE_STATUSES, scopeOf } from './service.js';
import { members } from './tables.js';

const o = organizations;
const m = members;

/** The key of members whose theory level is not recorded. */
export const NO_THEORY_LEVEL = 'none';

/** Whether the actor reads the members of some organization as a whole (not only their own record). */
export function readsOrganizations(actor: Actor, action: Action): boolean {
  return actor.assignments.some((a) =>
    can(
      { ...actor, assignments: [a] },
      action,
      a.organizationId && a.path ? { id: a.organizationId, path: a.path } : null,
    ),
  );
}

/**
 * The organization a list or statistic without `organizationId` stands for: the one root of the system for
 * an administrator, the one topmost organization the actor's roles reach otherwise; null when there are
 * several.
 */
export async function defaultAnchor(ctx: Ctx, action: Action): Promise<OrganizationRow | null> {
  if (can(ctx.actor, action, null)) {
    const roots = await ctx.db.select().from(o).where(isNull(o.parentId)).limit(2);
    return roots.length === 1 ? roots[0]! : null;
  }
  const placed = ctx.actor.assignments.filter(
    (a) =>
      a.organizationId &&
      a.path &&
      can({ ...ctx.actor, assignments: [a] }, action, { id: a.organizationId, path: a.path }),
  );
  const tops = new Set(
    placed
      .filter((a) => !placed.some((b) => b.path !== a.path && a.path!.startsWith(b.path!)))
      .map((a) => a.organizationId!),
  );
  if (tops.size !== 1) return null;
  const [org] = await ctx.db
    .select()
    .from(o)
    .where(eq(o.id, [...tops][0]!));
  return org ?? null;
}

/** The anchor and scope of a statistic or export: 404 out of reach, 403 when the role reads no organization. */
export async function anchoredScope(
  ctx: Ctx,
  organizationId: string | undefined,
  action: 'member.read' | 'member.export',
) {
  const requested = await scopeOf(ctx, organizationId, action);
  if (!readsOrganizations(ctx.actor, action)) throw forbidden();
  if (requested.anchor && !can(ctx.actor, action, requested.anchor)) throw forbidden();
  if (requested.anchor) return requested;
  const anchor = await defaultAnchor(ctx, action);
  return anchor ? scopeOf(ctx, anchor.id, action) : requested;
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

interface GroupRow {
  status: string | null;
  gender: string | null;
  ethnicity: string | null;
  theory: string | null;
  band: string | null;
  org: string | null;
  gs: number;
  gg: number;
  ge: number;
  gt: number;
  gb: number;
  go: number;
  n: number;
  c: number;
}

/**
 * Every breakdown in one pass over the rows (GROUPING SETS). `byStatus` counts every record kept in the
 * subtree; the total and the other breakdowns count the members who belong there now (dự bị, chính thức).
 */
export async function computeStatistics(
  db: DbOrTx,
  conditions: SQL[],
  anchor: OrganizationRow | null,
  today: string,
): Promise<StatisticsOut> {
  const last = AGE_BANDS[AGE_BANDS.length - 1]!;
  const band = sql.join(
    [
      sql`CASE`,
      ...AGE_BANDS.slice(0, -1).map(
        (b) => sql`WHEN ${m.birthDate} > ${ageBandRange(b, today).bornAfter}::date THEN ${b}::text`,
      ),
      sql`ELSE ${last}::text END`,
    ],
    sql` `,
  );
  // The organization directly below the anchor that holds the member ('' for the anchor itself), or the
  // root of the member's tree when there is no anchor.
  const orgKey = anchor
    ? sql`split_part(substr(${m.organizationPath}, ${anchor.path.length + 1}::int), '/', 1)`
    : sql`split_part(${m.organizationPath}, '/', 2)`;
  const active = sql.join(
    ACTIVE_STATUSES.map((s) => sql`${s}::text`),
    sql`, `,
  );
  const result = await db.execute(sql`
    SELECT status, gender, ethnicity, theory, band, org,
           GROUPING(status)::int AS gs, GROUPING(gender)::int AS gg, GROUPING(ethnicity)::int AS ge,
           GROUPING(theory)::int AS gt, GROUPING(band)::int AS gb, GROUPING(org)::int AS go,
           count(*)::int AS n, (count(*) FILTER (WHERE current))::int AS c
      FROM (SELECT ${m.status} AS status, ${m.gender} AS gender, ${m.ethnicity} AS ethnicity,
                   ${m.theoryLevel} AS theory, ${band} AS band, ${orgKey} AS org,
                   ${m.status} IN (${active}) AS current
              FROM ${m}
             WHERE ${and(...conditions) ?? sql`true`}) s
     GROUP BY GROUPING SETS ((status), (gender), (ethnicity), (theory), (band), (org), ())`);
  const groups = (result as unknown as { rows: GroupRow[] }).rows;

  const out: StatisticsOut = {
    total: 0,
    byStatus: zeros(MEMBER_STATUSES),
    byGender: zeros(GENDERS),
    byAgeBand: zeros(AGE_BANDS),
    byEthnicity: [],
    byTheoryLevel: zeros([...THEORY_LEVELS, NO_THEORY_LEVEL]),
    byOrganization: [],
  };
  const orgCounts = new Map<string, number>();
  for (const g of groups) {
    if (g.gs === 0) out.byStatus[g.status ?? ''] = g.n;
    else if (g.gg === 0) out.byGender[g.gender ?? ''] = (out.byGender[g.gender ?? ''] ?? 0) + g.c;
    else if (g.gb === 0) out.byAgeBand[g.band ?? last] = g.c;
    else if (g.gt === 0) {
      const key = g.theory ?? NO_THEORY_LEVEL;
      out.byTheoryLevel[key] = (out.byTheoryLevel[key] ?? 0) + g.c;
    } else if (g.ge === 0) {
      if (g.c > 0) out.byEthnicity.push({ key: g.ethnicity, count: g.c });
    } else if (g.go === 0) {
      if (g.c > 0) orgCounts.set(g.org || anchor?.id || '', g.c);
    } else out.total = g.c;
  }
  // Most members first; the unrecorded last among equals.
  out.byEthnicity.sort(
    (a, b) =>
      b.count - a.count ||
      (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) ||
      compareVietnameseText(a.key ?? '', b.key ?? ''),
  );
  out.byOrganization = await organizationCounts(db, orgCounts, anchor);
  return out;
}

/** Counts by organization, named, in Vietnamese order; an anchor's open children appear even when empty. */
async function organizationCounts(db: DbOrTx, counts: Map<string, number>, anchor: OrganizationRow | null) {
  const ids = [...counts.keys()].filter(Boolean);
  const named = ids.length
    ? await db.select({ id: o.id, name: o.name, sortKey: o.sortKey }).from(o).where(inArray(o.id, ids))
    : [];
  const children = anchor
    ? await db
        .select({ id: o.id, name: o.name, sortKey: o.sortKey })
        .from(o)
        .where(and(eq(o.parentId, anchor.id), isNull(o.archivedAt)))
        .orderBy(asc(o.sortKey))
    : [];
  const byId = new Map([...named, ...children].map((r) => [r.id, r]));
  const rows = [...byId.values()].sort((a, b) =>
    a.id === anchor?.id
      ? -1
      : b.id === anchor?.id
        ? 1
        : a.sortKey < b.sortKey
          ? -1
          : a.sortKey > b.sortKey
            ? 1
            : 0,
  );
  return rows.map((r) => ({ organizationId: r.id, name: r.name, count: counts.get(r.id) ?? 0 }));
}

export async function memberStatistics(ctx: Ctx, q: { organizationId?: string | undefined }) {
  const { anchor, conditions } = await anchoredScope(ctx, q.organizationId, 'member.read');
  return computeStatistics(ctx.db, conditions, anchor, ctx.clock.today());
}
