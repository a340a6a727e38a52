import { compareIsoDates } from '@daihoi/core';
import { and, eq, gte, lte, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import type { Tx } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, conflict, notFound, versionConflict } from '../../http/errors.js';
import { presentTerm, type TermRow } from './presenter.js';
import type { CreateTermInput, UpdateTermInput } from './schema.js';
import { authorize, findVisible } from './service.js';
import { committeeTerms } from './tables.js';

const t = committeeTerms;

/** Terms of one committee follow each other: a term ends before the next one starts. */
async function checkTerm(
  tx: Tx,
  organizationId: string,
  term: { name: string; startsOn: string; endsOn: string },
  exceptId?: string,
) {
  if (compareIsoDates(term.startsOn, term.endsOn) >= 0)
    throw badRequest('TERM_DATES_INVALID', [{ path: 'endsOn' }]);
  const others = and(eq(t.organizationId, organizationId), exceptId ? ne(t.id, exceptId) : undefined);
  const [sameName] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(others, eq(t.name, term.name)));
  if (sameName) throw conflict('TERM_NAME_TAKEN', [{ path: 'name' }]);
  const [overlap] = await tx
    .select({ id: t.id })
    .from(t)
    .where(and(others, lte(t.startsOn, term.endsOn), gte(t.endsOn, term.startsOn)));
  if (overlap) throw conflict('TERM_OVERLAP', [{ path: 'startsOn' }]);
}

const audit = (tx: Tx, ctx: Ctx, action: string, after: TermRow, before?: TermRow) =>
  recordAudit(
    tx,
    ctx.actor,
    {
      action,
      entity: 'term',
      entityId: after.id,
      organizationId: after.organizationId,
      before: before && presentTerm(before),
      after: presentTerm(after),
    },
    ctx.clock.now(),
  );

/** The organization, locked so that its terms are checked and written one command at a time. */
async function lockOrganization(tx: Tx, ctx: Ctx, organizationId: string) {
  const org = await findVisible(tx, ctx.actor, organizationId);
  authorize(ctx.actor, 'term.manage', org);
  await tx.execute(sql`SELECT 1 FROM organizations WHERE id = ${org.id} FOR UPDATE`);
  if (org.archivedAt) throw conflict('ORG_ARCHIVED');
  return org;
}

export async function createTerm(ctx: Ctx, organizationId: string, input: CreateTermInput) {
  return inTransaction(ctx.db, async (tx) => {
    const org = await lockOrganization(tx, ctx, organizationId);
    await checkTerm(tx, org.id, input);
    const [row] = await tx
      .insert(t)
      .values({ organizationId: org.id, ...input })
      .returning();
    await audit(tx, ctx, 'term.create', row!);
    return presentTerm(row!);
  });
}

export async function updateTerm(ctx: Ctx, organizationId: string, termId: string, input: UpdateTermInput) {
  return inTransaction(ctx.db, async (tx) => {
    const org = await lockOrganization(tx, ctx, organizationId);
    const [before] = await tx
      .select()
      .from(t)
      .where(and(eq(t.id, termId), eq(t.organizationId, org.id)))
      .for('update');
    if (!before) throw notFound('TERM_NOT_FOUND');
    if (before.version !== input.version) throw versionConflict(before.version);
    const next = {
      name: input.name ?? before.name,
      startsOn: input.startsOn ?? before.startsOn,
      endsOn: input.endsOn ?? before.endsOn,
    };
    await checkTerm(tx, org.id, next, before.id);
    const [row] = await tx
      .update(t)
      .set({ ...next, version: before.version + 1, updatedAt: ctx.clock.now() })
      .where(eq(t.id, termId))
      .returning();
    await audit(tx, ctx, 'term.update', row!, before);
    return presentTerm(row!);
  });
}
