import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { canWholeSubtree, reachCondition } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../http/context.js';
import { findVisibleDocument } from '../documents/access.js';
import { presentRef } from '../documents/presenter.js';
import { ACTIVE_STATUSES } from '../members/service.js';
import { members } from '../members/tables.js';
import { findVisible } from '../organizations/service.js';
import { organizations } from '../organizations/tables.js';

const m = members;
const o = organizations;
const MISSING_SHOWN = 200;

/** Members who have studied the document: present at any session (conference or make-up) that studied it. */
export const studiedMembers = (documentId: string) => sql`(
  SELECT DISTINCT at.member_id FROM dissemination_attendance at
    JOIN dissemination_session_documents sd ON sd.session_id = at.session_id
   WHERE sd.document_id = ${documentId} AND at.status = 'present')`;

interface Scope {
  anchor: { id: string; name: string; path: string };
  /** Conditions on `members`: the anchor's subtree, current members, within the actor's reach. */
  conditions: SQL[];
}

/**
 * Where coverage is read: the organization asked for, else the document's register when the actor reads
 * it, else the actor's own first organization.
 */
async function scopeOf(ctx: Ctx, registerId: string, organizationId: string | undefined): Promise<Scope> {
  const fallback = ctx.actor.assignments.find((a) => a.organizationId)?.organizationId;
  const id = organizationId ?? registerId;
  const anchor = await findVisible(ctx.db, ctx.actor, id).catch((err: unknown) => {
    if (organizationId || !fallback) throw err;
    return findVisible(ctx.db, ctx.actor, fallback);
  });
  const conditions: SQL[] = [
    sql`${m.organizationPath} LIKE ${`${anchor.path}%`}`,
    inArray(m.status, [...ACTIVE_STATUSES]),
  ];
  if (!canWholeSubtree(ctx.actor, 'dissemination.read', anchor)) {
    conditions.push(reachCondition(ctx.actor, 'dissemination.read', m.organizationPath, m.organizationId));
  }
  return { anchor, conditions };
}

export interface OrganizationCoverage {
  id: string;
  name: string;
  parentId: string | null;
  depth: number;
  /** Members recorded directly in this organization. */
  ownTotal: number;
  ownStudied: number;
  /** With everything below it. */
  total: number;
  studied: number;
}

/**
 * Coverage of every organization of the subtree: one grouped pass over the members, then the counts are
 * added up the tree in memory (a subtree of thousands of organizations is small next to its members).
 */
export async function coverageTree(
  db: DbOrTx,
  documentId: string,
  scope: Scope,
): Promise<OrganizationCoverage[]> {
  const counts = await db
    .select({
      organizationId: m.organizationId,
      total: sql<number>`count(*)::int`,
      studied: sql<number>`count(st.member_id)::int`,
    })
    .from(m)
    .leftJoin(sql`${studiedMembers(documentId)} st`, sql`st.member_id = ${m.id}`)
    .where(and(...scope.conditions))
    .groupBy(m.organizationId);
  const orgs = await db
    .select({ id: o.id, name: o.name, parentId: o.parentId, depth: o.depth, path: o.path })
    .from(o)
    .where(
      and(
        sql`${o.path} LIKE ${`${scope.anchor.path}%`}`,
        or(isNull(o.archivedAt), sql`${o.id} = ${scope.anchor.id}`),
      ),
    )
    .orderBy(asc(o.depth), asc(o.sortKey), asc(o.id));
  const byId = new Map<string, OrganizationCoverage>(
    orgs.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        parentId: r.parentId,
        depth: r.depth,
        ownTotal: 0,
        ownStudied: 0,
        total: 0,
        studied: 0,
      },
    ]),
  );
  const paths = new Map(orgs.map((r) => [r.id, r.path]));
  for (const c of counts) {
    const own = byId.get(c.organizationId);
    if (!own) continue;
    own.ownTotal = Number(c.total);
    own.ownStudied = Number(c.studied);
    // '/<root>/…/<id>/': every id on the path within the subtree counts the member too.
    for (const ancestorId of paths.get(c.organizationId)!.split('/').filter(Boolean)) {
      const up = byId.get(ancestorId);
      if (!up) continue;
      up.total += Number(c.total);
      up.studied += Number(c.studied);
    }
  }
  return [...byId.values()];
}

/** Members of the scope who have not studied the document, in Vietnamese name order, page by page. */
export function missingMembers(
  db: DbOrTx,
  documentId: string,
  scope: Scope,
  limit: number,
  after?: [string, string],
) {
  const where = [...scope.conditions, sql`${m.id} NOT IN ${studiedMembers(documentId)}`];
  // A row comparison is an index bound; the OR form made every page walk the index from the first name.
  if (after) where.push(sql`(${m.sortKey}, ${m.id}) > (${after[0]}, ${after[1]}::uuid)`);
  return db
    .select({
      id: m.id,
      fullName: m.fullName,
      birthDate: m.birthDate,
      sortKey: m.sortKey,
      organization: { id: o.id, name: o.name },
    })
    .from(m)
    .innerJoin(o, eq(o.id, m.organizationId))
    .where(and(...where))
    .orderBy(asc(m.sortKey), asc(m.id))
    .limit(limit);
}

/** GET /documents/{id}/coverage: who has studied the document, down the tree, with the names still missing. */
export async function documentCoverage(ctx: Ctx, documentId: string, organizationId?: string) {
  const { document } = await findVisibleDocument(ctx.db, ctx.actor, documentId);
  const scope = await scopeOf(ctx, document.organizationId, organizationId);
  const tree = await coverageTree(ctx.db, documentId, scope);
  const root = tree.find((t) => t.id === scope.anchor.id)!;
  const counts = (t: OrganizationCoverage) => ({ total: t.total, studied: t.studied });
  const rows = [
    ...(root.ownTotal > 0
      ? [
          {
            organization: { id: root.id, name: root.name },
            total: root.ownTotal,
            studied: root.ownStudied,
            own: true,
          },
        ]
      : []),
    ...tree
      .filter((t) => t.parentId === root.id)
      .map((t) => ({ organization: { id: t.id, name: t.name }, ...counts(t), own: false })),
  ];
  const missing = await missingMembers(ctx.db, documentId, scope, MISSING_SHOWN);
  return {
    document: presentRef(document),
    organization: { id: root.id, name: root.name },
    ...counts(root),
    rows,
    missing: missing.map((r) => ({ id: r.id, fullName: r.fullName, organization: r.organization })),
    missingTotal: root.total - root.studied,
  };
}

export { scopeOf as coverageScope };
