import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { recordAudit } from '../../audit/service.js';
import { type Actor, can, reachCondition } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { notify } from '../notifications/service.js';
import { findVisible } from '../organizations/service.js';
import { organizations } from '../organizations/tables.js';
import { roleAssignments, users } from '../users/tables.js';
import { canonicalNumber, documentInRegister, findVisibleDocument } from './access.js';
import { type DistributionRow, isLate, presentDistribution, presentRef } from './presenter.js';
import type { DistributeInput, ListDistributionsQuery, ReportInput } from './schema.js';
import { documentDistributions, documents } from './tables.js';

const dd = documentDistributions;
const o = organizations;
const d = documents;
const receiver = alias(users, 'receiver');
const sender = alias(organizations, 'sender');

/** Counts for the document's page: sent, received, reported, late. */
export async function distributionSummary(db: DbOrTx, documentId: string, today: string) {
  const [row] = await db
    .select({
      total: count(),
      received: sql<number>`count(${dd.receivedAt})::int`,
      reported: sql<number>`count(${dd.reportedAt})::int`,
      late: sql<number>`count(*) FILTER (WHERE ${dd.reportedAt} IS NULL AND ${dd.dueOn} < ${today})::int`,
    })
    .from(dd)
    .where(eq(dd.documentId, documentId));
  return {
    total: Number(row?.total ?? 0),
    received: Number(row?.received ?? 0),
    reported: Number(row?.reported ?? 0),
    late: Number(row?.late ?? 0),
  };
}

/** Active office and secretary accounts held at exactly these organizations: the committees that act on a receipt. */
async function receivingClerks(tx: DbOrTx, organizationIds: string[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ id: users.id })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        inArray(roleAssignments.organizationId, organizationIds),
        inArray(roleAssignments.role, ['office', 'secretary']),
        eq(users.active, true),
      ),
    );
  return rows.map((r) => r.id);
}

const documentLabel = (doc: { number: string | null; summary: string; typeName: string }) =>
  doc.number ? `${doc.typeName} số ${doc.number}` : `${doc.typeName} «${doc.summary.slice(0, 80)}»`;

/**
 * The committee that sends: the register's own, or (with `fromOrganizationId`) one that received the document
 * and passes it down its own subtree. The actor must manage it: 403 for a reader, 404 for one that never
 * held the document.
 */
async function senderOf(
  tx: Tx,
  actor: Actor,
  documentId: string,
  register: { id: string; name: string; path: string },
  fromOrganizationId: string | undefined,
) {
  if (!fromOrganizationId || fromOrganizationId === register.id) {
    if (!can(actor, 'document.manage', register)) throw forbidden();
    return register;
  }
  const [held] = await tx
    .select({ id: o.id, name: o.name, path: o.path })
    .from(dd)
    .innerJoin(o, eq(o.id, dd.organizationId))
    .where(
      and(
        eq(dd.documentId, documentId),
        eq(dd.organizationId, fromOrganizationId),
        reachCondition(actor, 'document.read', o.path, o.id),
      ),
    );
  if (!held) throw notFound('ORG_NOT_FOUND');
  if (!can(actor, 'document.manage', held)) throw forbidden();
  return held;
}

/** The committees through which the actor may send this document down: the register and those that received it. */
export async function sendersFor(
  db: DbOrTx,
  actor: Actor,
  documentId: string,
  register: { id: string; name: string; path: string },
) {
  const received = await db
    .select({ id: o.id, name: o.name, path: o.path })
    .from(dd)
    .innerJoin(o, eq(o.id, dd.organizationId))
    .where(and(eq(dd.documentId, documentId), reachCondition(actor, 'document.manage', o.path, o.id)))
    .orderBy(asc(o.depth), asc(o.sortKey));
  const all = can(actor, 'document.manage', register) ? [register, ...received] : received;
  return all.map(({ id, name }) => ({ id, name }));
}

/**
 * Sends a document down to organizations of the register's subtree that the actor manages. All or nothing:
 * one recipient outside that reach refuses the whole call. An organization that already has it is skipped.
 */
export async function distribute(ctx: Ctx, documentId: string, input: DistributeInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { document, organization: register } = await findVisibleDocument(tx, ctx.actor, documentId);
    const organization = await senderOf(tx, ctx.actor, documentId, register, input.fromOrganizationId);
    if (input.dueOn && input.dueOn < document.issuedOn)
      throw badRequest('DISTRIBUTION_DUE_INVALID', [{ path: 'body.dueOn' }]);
    const targets = await tx
      .select({ id: o.id })
      .from(o)
      .where(
        and(
          inArray(o.id, input.organizationIds),
          sql`${o.path} LIKE ${`${organization.path}%`}`,
          sql`${o.id} <> ${organization.id}`,
          isNull(o.archivedAt),
          reachCondition(ctx.actor, 'document.manage', o.path, o.id),
        ),
      );
    if (targets.length !== input.organizationIds.length) {
      const ok = new Set(targets.map((r) => r.id));
      throw badRequest('DISTRIBUTION_OUTSIDE', {
        organizationIds: input.organizationIds.filter((id) => !ok.has(id)),
      });
    }
    const now = ctx.clock.now();
    const created = await tx
      .insert(dd)
      .values(
        input.organizationIds.map((organizationId) => ({
          id: newId(),
          documentId,
          organizationId,
          senderOrganizationId: organization.id,
          note: input.note ?? null,
          dueOn: input.dueOn ?? null,
          sentBy: ctx.actor.userId,
          sentAt: now,
        })),
      )
      .onConflictDoNothing({ target: [dd.documentId, dd.organizationId] })
      .returning({ organizationId: dd.organizationId });
    const sentTo = created.map((r) => r.organizationId);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'document.distribute',
        entity: 'document',
        entityId: documentId,
        organizationId: organization.id,
        after: { organizationIds: sentTo, dueOn: input.dueOn ?? null, note: input.note ?? null },
      },
      now,
    );
    const ref = presentRef(document);
    await notify(
      tx,
      {
        userIds: await receivingClerks(tx, sentTo),
        excludeUserIds: [ctx.actor.userId],
        kind: 'document.received',
        title: `Văn bản mới từ ${organization.name}: ${documentLabel(ref)}`,
        body: input.dueOn
          ? `${ref.summary} — hạn báo cáo triển khai ${input.dueOn.split('-').reverse().join('/')}.`
          : ref.summary,
        link: `/documents/${documentId}`,
      },
      now,
    );
    return { sent: sentTo.length, alreadySent: input.organizationIds.length - sentTo.length };
  });
}

const selectDistributions = (db: DbOrTx) =>
  db
    .select({
      distribution: dd,
      document: d,
      organization: { id: o.id, name: o.name, path: o.path },
      sender: { id: sender.id, name: sender.name },
      receivedBy: { id: receiver.id, displayName: receiver.displayName },
    })
    .from(dd)
    .innerJoin(d, eq(d.id, dd.documentId))
    .innerJoin(o, eq(o.id, dd.organizationId))
    .innerJoin(sender, eq(sender.id, dd.senderOrganizationId))
    .leftJoin(receiver, eq(receiver.id, dd.receivedBy));

type Selected = Awaited<ReturnType<ReturnType<typeof selectDistributions>['where']>>[number];

const present = (ctx: Ctx) => (r: Selected) =>
  presentDistribution(
    r.distribution,
    {
      document: presentRef(r.document),
      organization: { id: r.organization.id, name: r.organization.name },
      sender: r.sender,
      receivedBy: r.receivedBy?.id ? r.receivedBy : null,
    },
    ctx.clock.today(),
    can(ctx.actor, 'document.receive', r.organization),
  );

/**
 * Who has the document: the sender's view. The register's managers see every recipient; anyone else who
 * reads the document sees only the recipients within their own reach.
 */
export async function listDocumentDistributions(ctx: Ctx, documentId: string) {
  const { organization } = await findVisibleDocument(ctx.db, ctx.actor, documentId);
  const where: SQL[] = [eq(dd.documentId, documentId)];
  if (!can(ctx.actor, 'document.manage', organization))
    where.push(reachCondition(ctx.actor, 'document.read', o.path, o.id));
  const rows = await selectDistributions(ctx.db)
    .where(and(...where))
    .orderBy(asc(o.sortKey), asc(o.id));
  return { items: rows.map(present(ctx)) };
}

const inboxCursor = z.tuple([z.iso.datetime(), z.uuid()]);

function statusCondition(status: ListDistributionsQuery['status']): SQL | undefined {
  if (status === 'sent') return isNull(dd.receivedAt);
  if (status === 'received') return and(isNotNull(dd.receivedAt), isNull(dd.reportedAt));
  if (status === 'reported') return isNotNull(dd.reportedAt);
  return undefined;
}

/** The incoming documents of the organizations the actor reads ("văn bản đến"), newest first. */
export async function listInbox(ctx: Ctx, q: ListDistributionsQuery) {
  const where: SQL[] = [reachCondition(ctx.actor, 'document.read', o.path, o.id)];
  if (q.organizationId) {
    await findVisible(ctx.db, ctx.actor, q.organizationId);
    where.push(eq(dd.organizationId, q.organizationId));
  }
  const status = statusCondition(q.status);
  if (status) where.push(status);
  if (q.late) where.push(and(isNull(dd.reportedAt), lt(dd.dueOn, ctx.clock.today()))!);
  const after = decodeCursor(q.cursor, 2);
  if (after) {
    const parsed = inboxCursor.safeParse(after);
    if (!parsed.success) throw badRequest('INVALID_CURSOR');
    const at = new Date(parsed.data[0]);
    where.push(or(lt(dd.sentAt, at), and(eq(dd.sentAt, at), lt(dd.id, parsed.data[1])))!);
  }
  const rows = await selectDistributions(ctx.db)
    .where(and(...where))
    .orderBy(desc(dd.sentAt), desc(dd.id))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (r) => [r.distribution.sentAt.toISOString(), r.distribution.id]);
  return { items: p.items.map(present(ctx)), nextCursor: p.nextCursor };
}

/** Locks one distribution for its receiving committee: 404 unless the actor reads it, 403 unless it receives it. */
async function lockForReceiver(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({ distribution: dd, organization: { id: o.id, path: o.path } })
    .from(dd)
    .innerJoin(o, eq(o.id, dd.organizationId))
    .where(and(eq(dd.id, id), reachCondition(actor, 'document.read', o.path, o.id)))
    .for('update', { of: dd });
  if (!row) throw notFound('DISTRIBUTION_NOT_FOUND');
  if (!can(actor, 'document.receive', row.organization)) throw forbidden();
  return row;
}

async function presentOne(tx: DbOrTx, ctx: Ctx, id: string) {
  const [row] = await selectDistributions(tx).where(eq(dd.id, id));
  return present(ctx)(row!);
}

/** The receiving committee confirms it has the document; a second confirmation changes nothing. */
export async function confirmReceipt(ctx: Ctx, id: string) {
  return inTransaction(ctx.db, async (tx) => {
    const { distribution } = await lockForReceiver(tx, ctx.actor, id);
    if (!distribution.receivedAt) {
      const now = ctx.clock.now();
      await tx.update(dd).set({ receivedAt: now, receivedBy: ctx.actor.userId }).where(eq(dd.id, id));
      await recordAudit(
        tx,
        ctx.actor,
        {
          action: 'document.receive',
          entity: 'document_distribution',
          entityId: id,
          organizationId: distribution.organizationId,
          after: { documentId: distribution.documentId, receivedAt: now.toISOString() },
        },
        now,
      );
    }
    return presentOne(tx, ctx, id);
  });
}

/**
 * The receiving committee reports how it implemented the document: its own document's number (checked as a
 * Party number), a document of its register, or a note. Reporting implies receipt.
 */
export async function reportImplementation(ctx: Ctx, id: string, input: ReportInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { distribution } = await lockForReceiver(tx, ctx.actor, id);
    let number = input.number ? canonicalNumber(input.number, 'body.number') : null;
    if (input.documentId) {
      const own = await documentInRegister(tx, input.documentId, distribution.organizationId);
      if (!own) throw badRequest('DISTRIBUTION_REPORT_DOCUMENT_INVALID', [{ path: 'body.documentId' }]);
      number ??= own.number;
    }
    const now = ctx.clock.now();
    const change: Partial<DistributionRow> = {
      reportNumber: number,
      reportDocumentId: input.documentId ?? null,
      reportNote: input.note ?? null,
      reportedAt: now,
      reportedBy: ctx.actor.userId,
      ...(distribution.receivedAt ? {} : { receivedAt: now, receivedBy: ctx.actor.userId }),
    };
    await tx.update(dd).set(change).where(eq(dd.id, id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'document.report',
        entity: 'document_distribution',
        entityId: id,
        organizationId: distribution.organizationId,
        before: { reportNumber: distribution.reportNumber, reportNote: distribution.reportNote },
        after: {
          reportNumber: number,
          reportDocumentId: input.documentId ?? null,
          reportNote: input.note ?? null,
        },
      },
      now,
    );
    const out = await presentOne(tx, ctx, id);
    if (distribution.sentBy) {
      await notify(
        tx,
        {
          userIds: [distribution.sentBy],
          excludeUserIds: [ctx.actor.userId],
          kind: 'document.reported',
          title: `${out.organization.name} đã báo cáo triển khai ${documentLabel(out.document)}`,
          body: number ? `Văn bản triển khai: ${number}.` : (input.note ?? null),
          link: `/documents/${distribution.documentId}`,
        },
        now,
      );
    }
    return out;
  });
}

/**
 * Reminds the recipients that are behind: not yet received, or whose report is due and not in. Returns how
 * many organizations were reminded.
 */
export async function remindLate(ctx: Ctx, documentId: string) {
  return inTransaction(ctx.db, async (tx) => {
    const { document, organization } = await findVisibleDocument(tx, ctx.actor, documentId);
    if (!can(ctx.actor, 'document.manage', organization)) throw forbidden();
    const today = ctx.clock.today();
    const behind = await tx
      .select({ distribution: dd })
      .from(dd)
      .where(
        and(
          eq(dd.documentId, documentId),
          or(isNull(dd.receivedAt), and(isNull(dd.reportedAt), lt(dd.dueOn, today))),
        ),
      );
    const now = ctx.clock.now();
    const ref = presentRef(document);
    for (const { distribution } of behind) {
      const late = isLate(distribution, today);
      await notify(
        tx,
        {
          userIds: await receivingClerks(tx, [distribution.organizationId]),
          excludeUserIds: [ctx.actor.userId],
          kind: 'document.reminder',
          title: late
            ? `Nhắc báo cáo triển khai ${documentLabel(ref)} (đã quá hạn)`
            : `Nhắc xác nhận đã nhận ${documentLabel(ref)}`,
          body: `${organization.name} nhắc: ${ref.summary}`,
          link: `/documents/${documentId}`,
        },
        now,
      );
    }
    const ids = behind.map((b) => b.distribution.id);
    if (ids.length > 0) await tx.update(dd).set({ remindedAt: now }).where(inArray(dd.id, ids));
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'document.remind',
        entity: 'document',
        entityId: documentId,
        organizationId: organization.id,
        after: { reminded: ids.length },
      },
      now,
    );
    return { reminded: ids.length };
  });
}
