import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can } from '../../auth/policy.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { forbidden, notFound, versionConflict } from '../../http/errors.js';
import { findVisibleSession } from './access.js';
import { type ProposalRow, presentProposal } from './presenter.js';
import type { ProposalInput, UpdateProposalInput } from './schema.js';
import { sessionProposals } from './tables.js';

const p = sessionProposals;

const audited = (r: ProposalRow) => ({
  sessionId: r.sessionId,
  content: r.content,
  proposedBy: r.proposedBy,
  assignedTo: r.assignedTo,
  answer: r.answer,
});

/** A delegate's proposal or recommendation, recorded by the host's managers. */
export async function addProposal(ctx: Ctx, sessionId: string, input: ProposalInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { host } = await findVisibleSession(tx, ctx.actor, sessionId);
    if (!can(ctx.actor, 'dissemination.manage', host)) throw forbidden();
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(p)
      .values({
        id: newId(),
        sessionId,
        content: input.content,
        proposedBy: input.proposedBy ?? null,
        assignedTo: input.assignedTo ?? null,
        answer: input.answer ?? null,
        answeredAt: input.answer ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'dissemination.proposal',
        entity: 'dissemination_proposal',
        entityId: row!.id,
        organizationId: host.id,
        after: audited(row!),
      },
      now,
    );
    return presentProposal(row!);
  });
}

/** Edits a proposal or records its answer (dated when the answer first appears or changes). */
export async function updateProposal(ctx: Ctx, id: string, input: UpdateProposalInput) {
  return inTransaction(ctx.db, async (tx) => {
    const [found] = await tx.select({ sessionId: p.sessionId }).from(p).where(eq(p.id, id));
    if (!found) throw notFound('PROPOSAL_NOT_FOUND');
    const { host } = await findVisibleSession(tx, ctx.actor, found.sessionId).catch(() => {
      throw notFound('PROPOSAL_NOT_FOUND');
    });
    if (!can(ctx.actor, 'dissemination.manage', host)) throw forbidden();
    const [before] = await tx.select().from(p).where(eq(p.id, id)).for('update');
    if (before!.version !== input.version) throw versionConflict(before!.version);
    const { version, ...changes } = input;
    const now = ctx.clock.now();
    const answered = changes.answer !== undefined && changes.answer !== before!.answer;
    const [row] = await tx
      .update(p)
      .set({
        ...changes,
        ...(answered ? { answeredAt: changes.answer ? now : null } : {}),
        version: before!.version + 1,
        updatedAt: now,
      })
      .where(and(eq(p.id, id)))
      .returning();
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'dissemination.proposal',
        entity: 'dissemination_proposal',
        entityId: id,
        organizationId: host.id,
        before: audited(before!),
        after: audited(row!),
      },
      now,
    );
    return presentProposal(row!);
  });
}
