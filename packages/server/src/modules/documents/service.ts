import {
  compareIsoDates,
  type DocumentTypeCode,
  documentTypeCarriesNumber,
  foldVietnamese,
  formatDocumentNumber,
} from '@daihoi/core';
import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/service.js';
import { type Actor, can } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { containsFolded } from '../../db/search.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, conflict, forbidden, versionConflict } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { listAttachments, registerAttachable } from '../files/service.js';
import { findVisible } from '../organizations/service.js';
import { organizations } from '../organizations/tables.js';
import { documentReadable, findVisibleDocument, parseNumberField } from './access.js';
import { distributionSummary, sendersFor } from './distributions.js';
import { committeeName, takeNumber, useReservedNumber } from './numbers.js';
import { auditedDocument, type DocumentRow, presentDocument, presentRef } from './presenter.js';
import type { CreateDocumentInput, ListDocumentsQuery, UpdateDocumentInput } from './schema.js';
import { documentLinks, documents } from './tables.js';

const d = documents;
const o = organizations;

registerAttachable('document', async (db, id) => {
  const [row] = await db.select({ org: d.organizationId }).from(d).where(eq(d.id, id));
  return row?.org ?? null;
});

const searchTextOf = (v: Pick<DocumentRow, 'number' | 'summary' | 'issuerName'>) =>
  foldVietnamese(`${v.number ?? ''} ${v.summary} ${v.issuerName}`);

/** The number fields of an incoming document, from what the clerk typed. */
function incomingNumber(type: DocumentTypeCode, number: string | null | undefined) {
  const carries = documentTypeCarriesNumber(type);
  if (!number) {
    if (carries) throw badRequest('DOCUMENT_NUMBER_REQUIRED', [{ path: 'body.number' }]);
    return { sequence: null, issuerCode: null, number: null };
  }
  if (!carries) throw badRequest('DOCUMENT_NUMBER_NOT_ALLOWED', [{ path: 'body.number' }]);
  const parsed = parseNumberField(number, 'body.number');
  if (parsed.type !== type) throw badRequest('DOCUMENT_NUMBER_TYPE_MISMATCH', [{ path: 'body.type' }]);
  return {
    sequence: parsed.sequence,
    issuerCode: parsed.issuer,
    number: formatDocumentNumber(parsed),
  };
}

function checkIssuedOn(issuedOn: string, today: string, foundedOn: string | null) {
  if (compareIsoDates(issuedOn, today) > 0)
    throw badRequest('DOCUMENT_DATE_FUTURE', [{ path: 'body.issuedOn' }]);
  if (foundedOn && compareIsoDates(issuedOn, foundedOn) < 0) {
    throw badRequest('DOCUMENT_DATE_BEFORE_ISSUER', [{ path: 'body.issuedOn' }]);
  }
}

/** Same number, issuer, type and year in the same register: the same document (RULES §0). */
async function checkUnique(
  tx: Tx,
  v: Pick<DocumentRow, 'organizationId' | 'issuerCode' | 'type' | 'sequence' | 'issuedYear'>,
  exceptId?: string,
) {
  if (v.sequence === null) return;
  const [row] = await tx
    .select({ id: d.id })
    .from(d)
    .where(
      and(
        eq(d.organizationId, v.organizationId),
        eq(d.issuerCode, v.issuerCode!),
        eq(d.type, v.type),
        eq(d.sequence, v.sequence),
        eq(d.issuedYear, v.issuedYear),
        exceptId ? sql`${d.id} <> ${exceptId}` : undefined,
      ),
    );
  if (row) throw conflict('DOCUMENT_DUPLICATE', { documentId: row.id });
}

/** Replaces the document's links; every target must be a document the actor reads, not itself. */
async function writeLinks(tx: Tx, actor: Actor, id: string, links: { targetId: string; kind: string }[]) {
  const targets = [...new Set(links.map((l) => l.targetId))];
  if (targets.includes(id)) throw badRequest('DOCUMENT_LINK_INVALID', [{ path: 'body.links' }]);
  if (targets.length > 0) {
    const found = await tx
      .select({ id: d.id })
      .from(d)
      .where(and(inArray(d.id, targets), documentReadable(actor)));
    if (found.length !== targets.length) throw badRequest('DOCUMENT_LINK_INVALID', [{ path: 'body.links' }]);
  }
  await tx.delete(documentLinks).where(eq(documentLinks.documentId, id));
  const unique = new Map(links.map((l) => [`${l.targetId} ${l.kind}`, l]));
  if (unique.size > 0) {
    await tx.insert(documentLinks).values([...unique.values()].map((l) => ({ documentId: id, ...l })));
  }
}

/** Registers a document in a committee's register; an outgoing one takes (or uses) the next number. */
export async function createDocument(ctx: Ctx, input: CreateDocumentInput) {
  const org = await findVisible(ctx.db, ctx.actor, input.organizationId);
  if (!can(ctx.actor, 'document.manage', org)) throw forbidden();
  const outgoing = input.direction === 'outgoing';
  checkIssuedOn(input.issuedOn, ctx.clock.today(), outgoing ? org.foundedOn : null);
  const now = ctx.clock.now();
  const id = newId();
  return inTransaction(ctx.db, async (tx) => {
    let numbering: {
      sequence: number | null;
      issuerCode: string | null;
      number: string | null;
      numberId: string | null;
    };
    if (!outgoing) {
      numbering = { ...incomingNumber(input.type, input.number), numberId: null };
    } else if (!documentTypeCarriesNumber(input.type)) {
      if (input.number || input.numberId)
        throw badRequest('DOCUMENT_NUMBER_NOT_ALLOWED', [{ path: 'body.number' }]);
      numbering = { sequence: null, issuerCode: null, number: null, numberId: null };
    } else {
      const taken = input.numberId
        ? await useReservedNumber(tx, input.numberId, org.id, input.type, id)
        : await takeNumber(tx, ctx, { org, type: input.type, congress: false, documentId: id });
      numbering = {
        sequence: taken.sequence,
        issuerCode: org.issuerCode,
        number: taken.number,
        numberId: taken.id,
      };
    }
    const values = {
      id,
      organizationId: org.id,
      direction: input.direction,
      type: input.type,
      ...numbering,
      issuerName: input.issuerName ?? committeeName(org.name),
      issuedOn: input.issuedOn,
      issuedYear: Number(input.issuedOn.slice(0, 4)),
      summary: input.summary,
      signer: input.signer ?? null,
      signerPosition: input.signerPosition ?? null,
      body: input.body ?? null,
      recipients: input.recipients ?? null,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    };
    await checkUnique(tx, values);
    const [row] = await tx
      .insert(d)
      .values({ ...values, searchText: searchTextOf(values) })
      .returning();
    if (input.links) await writeLinks(tx, ctx.actor, id, input.links);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'document.create',
        entity: 'document',
        entityId: id,
        organizationId: org.id,
        after: { ...auditedDocument(row!), links: input.links ?? [] },
      },
      now,
    );
    return detailOf(tx, ctx, row!, { id: org.id, name: org.name, path: org.path });
  });
}

/** Edits a document: 404 out of reach, 403 read-only, 409 stale version. An outgoing number is fixed. */
export async function updateDocument(ctx: Ctx, id: string, input: UpdateDocumentInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { organization } = await findVisibleDocument(tx, ctx.actor, id);
    if (!can(ctx.actor, 'document.manage', organization)) throw forbidden();
    const [current] = await tx.select().from(d).where(eq(d.id, id)).for('update');
    const before = current!;
    if (before.version !== input.version) throw versionConflict(before.version);
    const next = { ...before };
    if (input.number !== undefined) {
      if (before.direction === 'outgoing' && input.number !== before.number) {
        throw badRequest('DOCUMENT_NUMBER_FIXED', [{ path: 'body.number' }]);
      }
      Object.assign(next, incomingNumber(before.type, input.number));
    }
    for (const key of ['issuerName', 'summary', 'signer', 'signerPosition', 'body', 'recipients'] as const) {
      if (input[key] !== undefined) next[key] = input[key] as never;
    }
    if (input.issuedOn !== undefined) {
      const [org] = await tx
        .select({ foundedOn: o.foundedOn })
        .from(o)
        .where(eq(o.id, before.organizationId));
      checkIssuedOn(
        input.issuedOn,
        ctx.clock.today(),
        before.direction === 'outgoing' ? org!.foundedOn : null,
      );
      next.issuedOn = input.issuedOn;
      next.issuedYear = Number(input.issuedOn.slice(0, 4));
    }
    await checkUnique(tx, next, id);
    const now = ctx.clock.now();
    const [row] = await tx
      .update(d)
      .set({ ...next, searchText: searchTextOf(next), version: before.version + 1, updatedAt: now })
      .where(eq(d.id, id))
      .returning();
    if (input.links) await writeLinks(tx, ctx.actor, id, input.links);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'document.update',
        entity: 'document',
        entityId: id,
        organizationId: before.organizationId,
        before: auditedDocument(before),
        after: { ...auditedDocument(row!), ...(input.links ? { links: input.links } : {}) },
      },
      now,
    );
    return detailOf(tx, ctx, row!, organization);
  });
}

async function linksOf(db: DbOrTx, actor: Actor, id: string) {
  const l = documentLinks;
  const select = (
    mine: typeof l.documentId | typeof l.targetId,
    other: typeof l.documentId | typeof l.targetId,
  ) =>
    db
      .select({ kind: l.kind, document: d })
      .from(l)
      .innerJoin(d, eq(d.id, other))
      .where(and(eq(mine, id), documentReadable(actor)))
      .orderBy(d.issuedOn);
  const [to, from] = await Promise.all([select(l.documentId, l.targetId), select(l.targetId, l.documentId)]);
  const present = (direction: 'to' | 'from') => (r: { kind: string; document: DocumentRow }) => ({
    kind: r.kind as 'implements',
    direction,
    document: presentRef(r.document),
  });
  return [...to.map(present('to')), ...from.map(present('from'))];
}

async function detailOf(
  db: DbOrTx,
  ctx: Ctx,
  row: DocumentRow,
  organization: { id: string; name: string; path: string },
) {
  const manage = can(ctx.actor, 'document.manage', organization);
  const senders = await sendersFor(db, ctx.actor, row.id, organization);
  return {
    ...presentDocument(row, { id: organization.id, name: organization.name }),
    body: row.body,
    recipients: row.recipients,
    links: await linksOf(db, ctx.actor, row.id),
    files: await listAttachments({ ...ctx, db: db as Ctx['db'] }, 'document', row.id),
    distribution: await distributionSummary(db, row.id, ctx.clock.today()),
    abilities: { edit: manage, distribute: senders.length > 0 },
    senders,
  };
}

export async function getDocument(ctx: Ctx, id: string) {
  const { document, organization } = await findVisibleDocument(ctx.db, ctx.actor, id);
  return detailOf(ctx.db, ctx, document, organization);
}

/** A list cursor is [issuedOn, id]. */
const listCursor = z.tuple([z.iso.date(), z.uuid()]);

function listConditions(q: ListDocumentsQuery): SQL[] {
  const where: SQL[] = [];
  if (q.q)
    for (const word of foldVietnamese(q.q).split(' ').filter(Boolean).slice(0, 8))
      where.push(containsFolded(d.searchText, word));
  if (q.organizationId) where.push(eq(d.organizationId, q.organizationId));
  if (q.direction) where.push(eq(d.direction, q.direction));
  if (q.type) where.push(eq(d.type, q.type));
  // Issuer codes are compared without case: a clerk types "thu" for ThU.
  if (q.issuer) where.push(sql`upper(${d.issuerCode}) = ${q.issuer.normalize('NFC').toUpperCase()}`);
  if (q.year !== undefined) where.push(eq(d.issuedYear, q.year));
  return where;
}

/** Newest first by issuing date; only documents the actor reads. */
export async function listDocuments(ctx: Ctx, q: ListDocumentsQuery) {
  if (q.organizationId) await findVisible(ctx.db, ctx.actor, q.organizationId);
  const where = listConditions(q);
  const after = decodeCursor(q.cursor, 2);
  if (after) {
    const parsed = listCursor.safeParse(after);
    if (!parsed.success) throw badRequest('INVALID_CURSOR');
    const [on, id] = parsed.data;
    where.push(or(lt(d.issuedOn, on), and(eq(d.issuedOn, on), lt(d.id, id)))!);
  }
  const rows = await ctx.db
    .select({ document: d, organization: { id: o.id, name: o.name } })
    .from(d)
    .innerJoin(o, eq(o.id, d.organizationId))
    .where(and(documentReadable(ctx.actor), ...where))
    .orderBy(desc(d.issuedOn), desc(d.id))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (r) => [r.document.issuedOn, r.document.id]);
  return { items: p.items.map((r) => presentDocument(r.document, r.organization)), nextCursor: p.nextCursor };
}
