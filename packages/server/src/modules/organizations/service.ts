import {
  canContain,
  foldVietnamese,
  isKindAllowedAtLevel,
  type OrganizationKind,
  type OrganizationLevel,
  vietnameseTextSortKey,
} from '@daihoi/core';
import { and, asc, eq, gt, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/service.js';
import {
  type Action,
  type Actor,
  type Assignment,
  can,
  canWholeSubtree,
  reachCondition,
} from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { containsFolded } from '../../db/search.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import {
  badRequest,
  conflict,
  type ErrorCode,
  forbidden,
  notFound,
  versionConflict,
} from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { rewriteMemberPaths } from '../members/service.js';
import { auditedOrganization, type OrganizationRow, presentOrganization, presentTerm } from './presenter.js';
import type { CreateOrganizationInput, ListOrganizationsQuery, UpdateOrganizationInput } from './schema.js';
import { organizations } from './tables.js';

const o = organizations;
const searchTextOf = (name: string, code: string, shortName?: string | null) =>
  foldVietnamese(`${name} ${shortName ?? ''} ${code}`);

/** The organization if the actor may read it; otherwise 404, as if it did not exist. */
export async function findVisible(db: DbOrTx, actor: Actor, id: string, code: ErrorCode = 'ORG_NOT_FOUND') {
  const [row] = await db
    .select()
    .from(o)
    .where(and(eq(o.id, id), reachCondition(actor, 'organization.read', o.path, o.id)));
  if (!row) throw notFound(code);
  return row;
}

/** Readable but not allowed: 403; the caller has already answered 404 for what it cannot read. */
export function authorize(actor: Actor, action: Action, org: OrganizationRow | null) {
  if (!can(actor, action, org)) throw forbidden();
}

/** The topmost organizations the actor reaches (an assignment nested in another adds nothing). */
function scopeRootsCondition(actor: Actor): SQL {
  if (can(actor, 'organization.read', null)) return isNull(o.parentId);
  const placed = actor.assignments.filter((a) => a.path && a.organizationId);
  // An assignment adds nothing when another one already reads its organization from above; a member's
  // own cell below another cell they are a member of is a root of its own.
  const covers = (b: Assignment, a: Assignment) =>
    b.path !== a.path &&
    can({ ...actor, assignments: [b] }, 'organization.read', { id: a.organizationId!, path: a.path! });
  const roots = placed.filter((a) => !placed.some((b) => covers(b, a)));
  if (roots.length === 0) return sql`false`;
  return inArray(o.id, [...new Set(roots.map((a) => a.organizationId!))]);
}

/** A list cursor is [sortKey, id]; anything else would fail in SQL rather than as a bad request. */
const listCursor = z.tuple([z.string().refine((k) => !k.includes('\u0000')), z.uuid()]);

/**
 * Open children of each organization of a page. One index probe per id: a grouped `parent_id IN (…)` made
 * the planner expect the average family size and scan the whole table for pages of childless cells.
 */
async function childCounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute(sql`
    SELECT p.id, (SELECT count(*)::int FROM organizations c WHERE c.parent_id = p.id AND c.archived_at IS NULL) AS n
      FROM unnest(${`{${ids.join(',')}}`}::uuid[]) AS p(id)`);
  // Both drivers answer `{rows}`; drizzle's shared type leaves it unknown.
  const { rows } = result as unknown as { rows: { id: string; n: number }[] };
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The scope and placement conditions of a list: the subtree asked for, within what the actor reads. */
async function placementConditions(ctx: Ctx, q: ListOrganizationsQuery): Promise<SQL[]> {
  const anchorId = q.under ?? q.parentId;
  const anchor = anchorId ? await findVisible(ctx.db, ctx.actor, anchorId) : null;
  const conditions: SQL[] = [];
  if (!anchor || !canWholeSubtree(ctx.actor, 'organization.read', anchor)) {
    conditions.push(reachCondition(ctx.actor, 'organization.read', o.path, o.id));
  }
  if (q.parentId) conditions.push(eq(o.parentId, q.parentId));
  if (q.under && anchor) conditions.push(sql`${o.path} LIKE ${`${anchor.path}%`}`);
  return conditions;
}

export async function listOrganizations(ctx: Ctx, q: ListOrganizationsQuery) {
  const conditions = await placementConditions(ctx, q);
  if (!q.includeArchived) conditions.push(isNull(o.archivedAt));
  if (q.scopeRoots) conditions.push(scopeRootsCondition(ctx.actor));
  if (q.q) conditions.push(containsFolded(o.searchText, q.q));
  if (q.level) conditions.push(eq(o.level, q.level));
  const after = decodeCursor(q.cursor, 2);
  if (after) {
    const cursor = listCursor.safeParse(after);
    if (!cursor.success) throw badRequest('INVALID_CURSOR');
    const [key, id] = cursor.data;
    conditions.push(or(gt(o.sortKey, key), and(eq(o.sortKey, key), gt(o.id, id)))!);
  }
  const rows = await ctx.db
    .select()
    .from(o)
    .where(and(...conditions))
    .orderBy(asc(o.sortKey), asc(o.id))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (r) => [r.sortKey, r.id]);
  const counts = await childCounts(
    ctx.db,
    p.items.map((r) => r.id),
  );
  return {
    items: p.items.map((r) => presentOrganization(r, counts.get(r.id) ?? 0)),
    nextCursor: p.nextCursor,
  };
}

/** Ancestor ids from a materialized path, root first, without the organization itself. */
const ancestorIds = (path: string) => path.split('/').filter(Boolean).slice(0, -1);

export async function getOrganization(ctx: Ctx, id: string) {
  const org = await findVisible(ctx.db, ctx.actor, id);
  return present(ctx.db, org);
}

async function present(db: DbOrTx, org: OrganizationRow) {
  const ids = ancestorIds(org.path);
  const [ancestors, terms, counts] = await Promise.all([
    ids.length
      ? db
          .select({ id: o.id, code: o.code, name: o.name, depth: o.depth })
          .from(o)
          .where(inArray(o.id, ids))
          .orderBy(asc(o.depth))
      : Promise.resolve([]),
    db.query.committeeTerms.findMany({
      where: (t, { eq }) => eq(t.organizationId, org.id),
      orderBy: (t, { asc }) => asc(t.startsOn),
    }),
    childCounts(db, [org.id]),
  ]);
  return {
    ...presentOrganization(org, counts.get(org.id) ?? 0),
    ancestors: ancestors.map(({ depth: _d, ...a }) => a),
    terms: terms.map(presentTerm),
  };
}

function checkPlacement(parent: OrganizationRow | null, level: string, kind: string) {
  if (parent && !canContain(parent.level as OrganizationLevel, level as OrganizationLevel)) {
    throw badRequest('ORG_LEVEL_NOT_ALLOWED', [{ path: 'level' }]);
  }
  if (!isKindAllowedAtLevel(kind as OrganizationKind, level as OrganizationLevel)) {
    throw badRequest('ORG_KIND_NOT_ALLOWED', [{ path: 'kind' }]);
  }
}

// Taken with the code (hashed) so that two writers of the same code cannot both pass the check below.
const CODE_LOCK_KEY = 734_1973;

async function assertCodeFree(tx: Tx, code: string, exceptId?: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CODE_LOCK_KEY}, hashtext(${code}))`);
  const [taken] = await tx
    .select({ id: o.id })
    .from(o)
    .where(and(eq(o.code, code), exceptId ? ne(o.id, exceptId) : undefined));
  if (taken) throw conflict('ORG_CODE_TAKEN', [{ path: 'code' }]);
}

const audit = (tx: Tx, ctx: Ctx, action: string, org: OrganizationRow, before?: OrganizationRow) =>
  recordAudit(
    tx,
    ctx.actor,
    {
      action,
      entity: 'organization',
      entityId: org.id,
      organizationId: org.id,
      before: before && auditedOrganization(before),
      after: auditedOrganization(org),
    },
    ctx.clock.now(),
  );

export async function createOrganization(ctx: Ctx, input: CreateOrganizationInput) {
  return inTransaction(ctx.db, async (tx) => {
    const parent = input.parentId
      ? await findVisible(tx, ctx.actor, input.parentId, 'ORG_PARENT_NOT_FOUND')
      : null;
    if (!parent && !can(ctx.actor, 'organization.create', null)) throw forbidden('ORG_ROOT_ADMIN_ONLY');
    if (parent) authorize(ctx.actor, 'organization.create', parent);
    if (parent?.archivedAt) throw badRequest('ORG_PARENT_ARCHIVED', [{ path: 'parentId' }]);
    checkPlacement(parent, input.level, input.kind);
    await assertCodeFree(tx, input.code);
    const id = newId();
    const [row] = await tx
      .insert(o)
      .values({
        id,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: (parent?.depth ?? -1) + 1,
        code: input.code,
        name: input.name,
        searchText: searchTextOf(input.name, input.code, input.shortName),
        sortKey: vietnameseTextSortKey(input.name),
        shortName: input.shortName ?? null,
        issuerCode: input.issuerCode ?? null,
        placeName: input.placeName ?? null,
        foundedOn: input.foundedOn ?? null,
        level: input.level,
        kind: input.kind,
        createdAt: ctx.clock.now(),
        updatedAt: ctx.clock.now(),
      })
      .returning();
    await audit(tx, ctx, 'organization.create', row!);
    return present(tx, row!);
  });
}

/** Locks the row for the rest of the transaction and checks the client's version against it. */
async function lockForChange(tx: Tx, ctx: Ctx, id: string, version: number, action: Action) {
  const before = await findVisible(tx, ctx.actor, id);
  authorize(ctx.actor, action, before);
  await tx.execute(sql`SELECT 1 FROM organizations WHERE id = ${id} FOR UPDATE`);
  const [current] = await tx.select().from(o).where(eq(o.id, id));
  if (current!.version !== version) throw versionConflict(current!.version);
  return current!;
}

async function checkArchiving(tx: Tx, org: OrganizationRow, archived: boolean | undefined) {
  if (archived === true && !org.archivedAt) {
    const [child] = await tx
      .select({ id: o.id })
      .from(o)
      .where(and(eq(o.parentId, org.id), isNull(o.archivedAt)))
      .limit(1);
    if (child) throw conflict('ORG_HAS_ACTIVE_CHILDREN');
  }
  if (archived === false && org.archivedAt && org.parentId) {
    const [parent] = await tx.select({ archivedAt: o.archivedAt }).from(o).where(eq(o.id, org.parentId));
    if (parent?.archivedAt) throw conflict('ORG_PARENT_ARCHIVED');
  }
  if (archived !== false && org.archivedAt) throw conflict('ORG_ARCHIVED');
}

/** A new level must still fit under the parent and above every child. */
async function checkLevelChange(tx: Tx, org: OrganizationRow, level: string, kind: string) {
  const parent = org.parentId ? (await tx.select().from(o).where(eq(o.id, org.parentId)))[0]! : null;
  checkPlacement(parent, level, kind);
  const children = await tx.selectDistinct({ level: o.level }).from(o).where(eq(o.parentId, org.id));
  if (children.some((c) => !canContain(level as OrganizationLevel, c.level as OrganizationLevel))) {
    throw badRequest('ORG_LEVEL_NOT_ALLOWED', [{ path: 'level' }]);
  }
}

export async function updateOrganization(ctx: Ctx, id: string, input: UpdateOrganizationInput) {
  return inTransaction(ctx.db, async (tx) => {
    const before = await lockForChange(tx, ctx, id, input.version, 'organization.update');
    await checkArchiving(tx, before, input.archived);
    const { version: _v, archived, ...fields } = input;
    const next = {
      ...before,
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    } as OrganizationRow;
    if (next.level !== before.level || next.kind !== before.kind)
      await checkLevelChange(tx, before, next.level, next.kind);
    if (next.code !== before.code) await assertCodeFree(tx, next.code, id);
    const [row] = await tx
      .update(o)
      .set({
        ...fields,
        searchText: searchTextOf(next.name, next.code, next.shortName),
        sortKey: vietnameseTextSortKey(next.name),
        archivedAt: archived === undefined ? before.archivedAt : archived ? ctx.clock.now() : null,
        version: before.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(o.id, id))
      .returning();
    const action =
      archived === true
        ? 'organization.archive'
        : archived === false
          ? 'organization.unarchive'
          : 'organization.update';
    await audit(tx, ctx, action, row!, before);
    return present(tx, row!);
  });
}

// Moves take one lock so that two crossing moves cannot both pass the cycle check.
const MOVE_LOCK_KEY = 734_1972;

export async function moveOrganization(ctx: Ctx, id: string, input: { parentId: string; version: number }) {
  return inTransaction(ctx.db, async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MOVE_LOCK_KEY})`);
    const before = await lockForChange(tx, ctx, id, input.version, 'organization.move');
    const parent = await findVisible(tx, ctx.actor, input.parentId, 'ORG_PARENT_NOT_FOUND');
    authorize(ctx.actor, 'organization.create', parent);
    if (parent.path.startsWith(before.path)) throw badRequest('ORG_MOVE_CYCLE', [{ path: 'parentId' }]);
    if (parent.archivedAt) throw badRequest('ORG_PARENT_ARCHIVED', [{ path: 'parentId' }]);
    if (before.archivedAt) throw conflict('ORG_ARCHIVED');
    checkPlacement(parent, before.level, before.kind);
    const newPath = `${parent.path}${id}/`;
    // Rewrites the whole subtree's paths and depths in this one statement.
    await tx.execute(sql`
      UPDATE organizations
         SET path = ${newPath} || substr(path, ${before.path.length + 1}),
             depth = depth + ${parent.depth + 1 - before.depth}
       WHERE path LIKE ${`${before.path}%`}`);
    await rewriteMemberPaths(tx, before.path, newPath);
    const [row] = await tx
      .update(o)
      .set({ parentId: parent.id, version: before.version + 1, updatedAt: ctx.clock.now() })
      .where(eq(o.id, id))
      .returning();
    await audit(tx, ctx, 'organization.move', row!, before);
    return present(tx, row!);
  });
}
