import { type DocumentTypeCode, formatDocumentNumber } from '@daihoi/core';
import { and, asc, desc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { findVisible } from '../organizations/service.js';
import { committeeTerms, organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';
import { CONGRESS_SEQUENCE, type NumberRow, presentNumber } from './presenter.js';
import type { ListNumbersQuery, ReserveNumberInput } from './schema.js';
import { documentNumbers, documentSequences } from './tables.js';

const n = documentNumbers;
const t = committeeTerms;

/** The issuing body of an organization: a đảng bộ issues through its committee (Đảng ủy), a chi bộ as itself. */
export function committeeName(organizationName: string): string {
  return organizationName.replace(/^Đảng bộ/u, 'Đảng ủy');
}

interface Issuer {
  id: string;
  name: string;
  issuerCode: string | null;
}

/**
 * The committee term a number belongs to. Committee documents run per term from its first day; congress
 * documents belong to the term the congress opens, the first one starting after today (RULES §4).
 */
async function termFor(db: DbOrTx, organizationId: string, today: string, congress: boolean) {
  const where = congress
    ? and(eq(t.organizationId, organizationId), gt(t.startsOn, today))
    : and(eq(t.organizationId, organizationId), lte(t.startsOn, today), gte(t.endsOn, today));
  const [term] = await db
    .select({ id: t.id, name: t.name })
    .from(t)
    .where(where)
    .orderBy(asc(t.startsOn))
    .limit(1);
  if (!term) throw badRequest(congress ? 'DOCUMENT_CONGRESS_TERM_MISSING' : 'DOCUMENT_TERM_MISSING');
  return term;
}

/**
 * Takes the next number of a sequence inside the caller's transaction. The sequence row is created or
 * incremented in one statement, which holds its lock until commit: two clerks at the same moment get two
 * consecutive numbers, and a rolled-back transaction gives its number back, so no gap goes unrecorded.
 */
export async function takeNumber(
  tx: Tx,
  ctx: Ctx,
  input: {
    org: Issuer;
    type: DocumentTypeCode;
    congress: boolean;
    documentId?: string | null;
    note?: string | null;
  },
): Promise<NumberRow> {
  const issuer = input.org.issuerCode;
  if (!issuer) throw badRequest('DOCUMENT_ISSUER_CODE_MISSING');
  const term = await termFor(tx, input.org.id, ctx.clock.today(), input.congress);
  const key = input.congress ? CONGRESS_SEQUENCE : input.type;
  const s = documentSequences;
  const [next] = await tx
    .insert(s)
    .values({ issuerOrganizationId: input.org.id, termId: term.id, sequenceKey: key, lastSequence: 1 })
    .onConflictDoUpdate({
      target: [s.issuerOrganizationId, s.termId, s.sequenceKey],
      set: { lastSequence: sql`${s.lastSequence} + 1` },
    })
    .returning({ sequence: s.lastSequence });
  const sequence = next!.sequence;
  const now = ctx.clock.now();
  const [row] = await tx
    .insert(n)
    .values({
      id: newId(),
      issuerOrganizationId: input.org.id,
      termId: term.id,
      sequenceKey: key,
      type: input.type,
      sequence,
      number: formatDocumentNumber({ sequence, type: input.type, issuer }),
      status: input.documentId ? 'used' : 'reserved',
      documentId: input.documentId ?? null,
      note: input.note ?? null,
      reservedBy: ctx.actor.userId,
      reservedAt: now,
    })
    .returning();
  await recordAudit(
    tx,
    ctx.actor,
    {
      action: 'document_number.take',
      entity: 'document_number',
      entityId: row!.id,
      organizationId: input.org.id,
      after: { number: row!.number, term: term.name, status: row!.status, documentId: row!.documentId },
    },
    now,
  );
  return row!;
}

/** A number reserved earlier becomes the document's: it must be this issuer's, of this type, still reserved. */
export async function useReservedNumber(
  tx: Tx,
  numberId: string,
  organizationId: string,
  type: string,
  documentId: string,
) {
  const [row] = await tx.select().from(n).where(eq(n.id, numberId)).for('update');
  if (!row || row.issuerOrganizationId !== organizationId)
    throw badRequest('DOCUMENT_NUMBER_MISMATCH', [{ path: 'body.numberId' }]);
  if (row.status !== 'reserved')
    throw badRequest('DOCUMENT_NUMBER_NOT_RESERVED', [{ path: 'body.numberId' }]);
  if (row.type !== type) throw badRequest('DOCUMENT_NUMBER_MISMATCH', [{ path: 'body.numberId' }]);
  const [used] = await tx.update(n).set({ status: 'used', documentId }).where(eq(n.id, numberId)).returning();
  return used!;
}

async function presentWithRefs(db: DbOrTx, row: NumberRow) {
  const [refs] = await db
    .select({ term: { id: t.id, name: t.name }, user: { id: users.id, displayName: users.displayName } })
    .from(t)
    .leftJoin(users, eq(users.id, row.reservedBy ?? sql`NULL::uuid`))
    .where(eq(t.id, row.termId));
  return presentNumber(row, refs!.term, refs!.user?.id ? refs!.user : null);
}

/** POST /document-numbers: reserves the next number of an issuer's sequence for a document still being drafted. */
export async function reserveNumber(ctx: Ctx, input: ReserveNumberInput) {
  const org = await findVisible(ctx.db, ctx.actor, input.issuerOrganizationId);
  if (!can(ctx.actor, 'document.manage', org)) throw forbidden();
  return inTransaction(ctx.db, async (tx) => {
    const row = await takeNumber(tx, ctx, {
      org,
      type: input.type,
      congress: input.congress ?? false,
      note: input.note ?? null,
    });
    return presentWithRefs(tx, row);
  });
}

/** A reserved number that will not be used is cancelled with its reason; it stays in the register, never reused. */
export async function cancelNumber(ctx: Ctx, id: string, reason: string) {
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .select({ number: n, org: { id: organizations.id, path: organizations.path } })
      .from(n)
      .innerJoin(organizations, eq(organizations.id, n.issuerOrganizationId))
      .where(eq(n.id, id))
      .for('update', { of: n });
    if (!row || !can(ctx.actor, 'document.read', row.org)) throw notFound('DOCUMENT_NUMBER_NOT_FOUND');
    if (!can(ctx.actor, 'document.manage', row.org)) throw forbidden();
    if (row.number.status !== 'reserved') throw badRequest('DOCUMENT_NUMBER_NOT_RESERVED');
    const now = ctx.clock.now();
    const [cancelled] = await tx
      .update(n)
      .set({ status: 'cancelled', cancelledAt: now, cancelledBy: ctx.actor.userId, cancelReason: reason })
      .where(eq(n.id, id))
      .returning();
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'document_number.cancel',
        entity: 'document_number',
        entityId: id,
        organizationId: row.org.id,
        before: { number: row.number.number, status: row.number.status },
        after: { number: cancelled!.number, status: 'cancelled', reason },
      },
      now,
    );
    return presentWithRefs(tx, cancelled!);
  });
}

/** The number register of an issuer: every number taken, newest first, with what became of it. */
export async function listNumbers(ctx: Ctx, q: ListNumbersQuery) {
  const org = await findVisible(ctx.db, ctx.actor, q.issuerOrganizationId);
  if (!can(ctx.actor, 'document.read', org)) throw notFound('ORG_NOT_FOUND');
  const rows = await ctx.db
    .select({
      number: n,
      term: { id: t.id, name: t.name },
      user: { id: users.id, displayName: users.displayName },
    })
    .from(n)
    .innerJoin(t, eq(t.id, n.termId))
    .leftJoin(users, eq(users.id, n.reservedBy))
    .where(and(eq(n.issuerOrganizationId, org.id), q.termId ? eq(n.termId, q.termId) : undefined))
    .orderBy(desc(n.reservedAt), desc(n.id))
    .limit(q.limit);
  return {
    items: rows.map((r) => presentNumber(r.number, r.term, r.user?.id ? r.user : null)),
    nextCursor: null,
  };
}
