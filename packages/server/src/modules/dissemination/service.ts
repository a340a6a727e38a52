import { and, asc, desc, eq, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/service.js';
import { type Actor, can } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, forbidden, versionConflict } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { documentReadable } from '../documents/access.js';
import { presentRef } from '../documents/presenter.js';
import { documents } from '../documents/tables.js';
import { findVisible } from '../organizations/service.js';
import { organizations } from '../organizations/tables.js';
import { attendanceCounts, findVisibleSession, recordsSome, sessionReadable } from './access.js';
import { auditedSession, presentProposal, type SessionRow } from './presenter.js';
import type { CreateSessionInput, ListSessionsQuery, UpdateSessionInput } from './schema.js';
import { disseminationSessions, sessionDocuments, sessionOrganizations, sessionProposals } from './tables.js';

const s = disseminationSessions;
const o = organizations;

async function checkDocuments(tx: Tx, actor: Actor, ids: string[]) {
  if (ids.length === 0) throw badRequest('SESSION_DOCUMENTS_REQUIRED', [{ path: 'body.documentIds' }]);
  const found = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(inArray(documents.id, ids), documentReadable(actor)));
  if (found.length !== ids.length)
    throw badRequest('SESSION_DOCUMENT_INVALID', [{ path: 'body.documentIds' }]);
}

/** Invited organizations lie in the host's subtree (the host itself included) and are open. */
async function checkInvited(tx: Tx, hostPath: string, ids: string[]) {
  const found = await tx
    .select({ id: o.id })
    .from(o)
    .where(and(inArray(o.id, ids), sql`${o.path} LIKE ${`${hostPath}%`}`, isNull(o.archivedAt)));
  if (found.length !== ids.length) {
    const ok = new Set(found.map((r) => r.id));
    throw badRequest('SESSION_ORGANIZATION_OUTSIDE', { organizationIds: ids.filter((id) => !ok.has(id)) });
  }
}

async function writeLists(tx: Tx, id: string, documentIds?: string[], organizationIds?: string[]) {
  if (documentIds) {
    await tx.delete(sessionDocuments).where(eq(sessionDocuments.sessionId, id));
    await tx
      .insert(sessionDocuments)
      .values(documentIds.map((documentId) => ({ sessionId: id, documentId })));
  }
  if (organizationIds) {
    await tx.delete(sessionOrganizations).where(eq(sessionOrganizations.sessionId, id));
    await tx
      .insert(sessionOrganizations)
      .values(organizationIds.map((organizationId) => ({ sessionId: id, organizationId })));
  }
}

async function listsOf(db: DbOrTx, id: string) {
  const docs = await db
    .select({ document: documents })
    .from(sessionDocuments)
    .innerJoin(documents, eq(documents.id, sessionDocuments.documentId))
    .where(eq(sessionDocuments.sessionId, id))
    .orderBy(asc(documents.issuedOn));
  const orgs = await db
    .select({ id: o.id, name: o.name })
    .from(sessionOrganizations)
    .innerJoin(o, eq(o.id, sessionOrganizations.organizationId))
    .where(eq(sessionOrganizations.sessionId, id))
    .orderBy(asc(o.sortKey));
  return { documents: docs.map((r) => presentRef(r.document)), invitedOrganizations: orgs };
}

/**
 * A make-up session is held by an organization invited to the conference (or one below it), on or after
 * the conference's day; it studies the same documents unless told otherwise.
 */
async function checkMakeup(tx: Tx, actor: Actor, parentId: string, host: { path: string }, startsAt: Date) {
  const { session: parent } = await findVisibleSession(tx, actor, parentId);
  const [invited] = await tx
    .select({ id: o.id })
    .from(sessionOrganizations)
    .innerJoin(o, eq(o.id, sessionOrganizations.organizationId))
    .where(and(eq(sessionOrganizations.sessionId, parentId), sql`${host.path} LIKE ${o.path} || '%'`))
    .limit(1);
  if (!invited || parent.makeupOf !== null || startsAt < parent.startsAt) {
    throw badRequest('SESSION_MAKEUP_INVALID', [{ path: 'body.makeupOf' }]);
  }
  const docs = await tx
    .select({ id: sessionDocuments.documentId })
    .from(sessionDocuments)
    .where(eq(sessionDocuments.sessionId, parentId));
  return docs.map((d) => d.id);
}

export async function createSession(ctx: Ctx, input: CreateSessionInput) {
  const host = await findVisible(ctx.db, ctx.actor, input.organizationId);
  if (!can(ctx.actor, 'dissemination.manage', host)) throw forbidden();
  return inTransaction(ctx.db, async (tx) => {
    const inherited = input.makeupOf
      ? await checkMakeup(tx, ctx.actor, input.makeupOf, host, input.startsAt)
      : undefined;
    const documentIds = input.documentIds ?? inherited ?? [];
    await checkDocuments(tx, ctx.actor, documentIds);
    const organizationIds = input.invitedOrganizationIds?.length ? input.invitedOrganizationIds : [host.id];
    await checkInvited(tx, host.path, organizationIds);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(s)
      .values({
        id: newId(),
        organizationId: host.id,
        makeupOf: input.makeupOf ?? null,
        title: input.title,
        startsAt: input.startsAt,
        place: input.place ?? null,
        chair: input.chair ?? null,
        guests: input.guests ?? null,
        conclusions: input.conclusions ?? null,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeLists(tx, row!.id, documentIds, organizationIds);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'dissemination.create',
        entity: 'dissemination_session',
        entityId: row!.id,
        organizationId: host.id,
        after: auditedSession(row!, documentIds, organizationIds),
      },
      now,
    );
    return detailOf(tx, ctx, row!, host);
  });
}

export async function updateSession(ctx: Ctx, id: string, input: UpdateSessionInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { host } = await findVisibleSession(tx, ctx.actor, id);
    if (!can(ctx.actor, 'dissemination.manage', host)) throw forbidden();
    const [current] = await tx.select().from(s).where(eq(s.id, id)).for('update');
    if (current!.version !== input.version) throw versionConflict(current!.version);
    const before = await listsOf(tx, id);
    if (input.documentIds) await checkDocuments(tx, ctx.actor, input.documentIds);
    if (input.invitedOrganizationIds) await checkInvited(tx, host.path, input.invitedOrganizationIds);
    const { version, documentIds, invitedOrganizationIds, ...changes } = input;
    const now = ctx.clock.now();
    const [row] = await tx
      .update(s)
      .set({ ...changes, version: current!.version + 1, updatedAt: now })
      .where(eq(s.id, id))
      .returning();
    await writeLists(
      tx,
      id,
      documentIds,
      invitedOrganizationIds?.length ? invitedOrganizationIds : undefined,
    );
    const after = await listsOf(tx, id);
    const ids = (l: typeof before) =>
      [l.documents.map((d) => d.id), l.invitedOrganizations.map((x) => x.id)] as const;
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'dissemination.update',
        entity: 'dissemination_session',
        entityId: id,
        organizationId: host.id,
        before: auditedSession(current!, ...ids(before)),
        after: auditedSession(row!, ...ids(after)),
      },
      now,
    );
    return detailOf(tx, ctx, row!, host);
  });
}

async function detailOf(
  db: DbOrTx,
  ctx: Ctx,
  row: SessionRow,
  host: { id: string; name: string; path: string },
) {
  const lists = await listsOf(db, row.id);
  const [parent] = row.makeupOf
    ? await db
        .select({ id: s.id, title: s.title, startsAt: s.startsAt })
        .from(s)
        .where(eq(s.id, row.makeupOf))
    : [];
  const makeups = await db
    .select({ id: s.id, title: s.title, startsAt: s.startsAt, organization: { id: o.id, name: o.name } })
    .from(s)
    .innerJoin(o, eq(o.id, s.organizationId))
    .where(and(eq(s.makeupOf, row.id), sessionReadable(ctx.actor)))
    .orderBy(asc(s.startsAt));
  const proposals = await db
    .select()
    .from(sessionProposals)
    .where(eq(sessionProposals.sessionId, row.id))
    .orderBy(asc(sessionProposals.createdAt));
  const manage = can(ctx.actor, 'dissemination.manage', host);
  return {
    ...presentSession(row, { id: host.id, name: host.name }, parent ?? null, lists),
    guests: row.guests,
    conclusions: row.conclusions,
    attendance: await attendanceCounts(db, row.id),
    proposals: proposals.map(presentProposal),
    makeups: makeups.map((m) => ({ ...m, startsAt: m.startsAt.toISOString() })),
    abilities: { edit: manage, recordAttendance: manage || (await recordsSome(db, ctx.actor, row.id)) },
  };
}

function presentSession(
  row: SessionRow,
  organization: { id: string; name: string },
  parent: { id: string; title: string; startsAt: Date } | null,
  lists: Awaited<ReturnType<typeof listsOf>>,
) {
  return {
    id: row.id,
    organization,
    makeupOf: parent ? { ...parent, startsAt: parent.startsAt.toISOString() } : null,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    place: row.place,
    chair: row.chair,
    ...lists,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getSession(ctx: Ctx, id: string) {
  const { session, host } = await findVisibleSession(ctx.db, ctx.actor, id);
  return detailOf(ctx.db, ctx, session, host);
}

const listCursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** Newest first; filtered by host subtree or by a document studied. */
export async function listSessions(ctx: Ctx, q: ListSessionsQuery) {
  const where: SQL[] = [sessionReadable(ctx.actor)];
  if (q.organizationId) {
    const anchor = await findVisible(ctx.db, ctx.actor, q.organizationId);
    where.push(sql`${o.path} LIKE ${`${anchor.path}%`}`);
  }
  if (q.documentId) {
    where.push(
      sql`EXISTS (SELECT 1 FROM dissemination_session_documents sd WHERE sd.session_id = ${s.id} AND sd.document_id = ${q.documentId})`,
    );
  }
  const after = decodeCursor(q.cursor, 2);
  if (after) {
    const parsed = listCursor.safeParse(after);
    if (!parsed.success) throw badRequest('INVALID_CURSOR');
    const at = new Date(parsed.data[0]);
    where.push(or(lt(s.startsAt, at), and(eq(s.startsAt, at), lt(s.id, parsed.data[1])))!);
  }
  const rows = await ctx.db
    .select({ session: s, host: { id: o.id, name: o.name } })
    .from(s)
    .innerJoin(o, eq(o.id, s.organizationId))
    .where(and(...where))
    .orderBy(desc(s.startsAt), desc(s.id))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (r) => [r.session.startsAt.toISOString(), r.session.id]);
  const items = [];
  for (const r of p.items) {
    const [parent] = r.session.makeupOf
      ? await ctx.db
          .select({ id: s.id, title: s.title, startsAt: s.startsAt })
          .from(s)
          .where(eq(s.id, r.session.makeupOf))
      : [];
    const lists = await listsOf(ctx.db, r.session.id);
    items.push({
      ...presentSession(r.session, r.host, parent ?? null, lists),
      attendance: await attendanceCounts(ctx.db, r.session.id),
    });
  }
  return { items, nextCursor: p.nextCursor };
}
