import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can, reachCondition } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { findVisible } from '../organizations/service.js';
import { committeeTerms, organizations } from '../organizations/tables.js';
import type { CommitteePosition, CreateSeatInput } from './schema.js';
import { memberInSubtree } from './service.js';
import { committeeSeats, members } from './tables.js';

const s = committeeSeats;

/** Positions one person holds at a time in a term's committee. */
const SINGLE_HOLDER: readonly CommitteePosition[] = ['secretary', 'inspection_chair'];

/** Committee order: secretary first, then deputies, standing committee, committee, inspection. */
const POSITION_ORDER = sql`CASE ${s.position}
  WHEN 'secretary' THEN 1 WHEN 'deputy_secretary' THEN 2 WHEN 'standing_committee' THEN 3
  WHEN 'committee_member' THEN 4 WHEN 'inspection_chair' THEN 5 ELSE 6 END`;

async function seats(db: DbOrTx, where: SQL) {
  return db
    .select({
      id: s.id,
      memberId: s.memberId,
      fullName: members.fullName,
      position: s.position,
      termId: s.termId,
      termName: committeeTerms.name,
    })
    .from(s)
    .innerJoin(members, eq(members.id, s.memberId))
    .innerJoin(committeeTerms, eq(committeeTerms.id, s.termId))
    .where(where)
    .orderBy(desc(committeeTerms.startsOn), asc(POSITION_ORDER), asc(members.sortKey), asc(s.id));
}

async function termOf(db: DbOrTx, organizationId: string, termId: string) {
  const [term] = await db.select().from(committeeTerms).where(eq(committeeTerms.id, termId));
  if (!term || term.organizationId !== organizationId)
    throw badRequest('COMMITTEE_TERM_MISMATCH', [{ path: 'termId' }]);
  return term;
}

/** The committee of an organization: every term's seats, or one term's. Whoever reads the organization. */
export async function listCommittee(ctx: Ctx, organizationId: string, termId: string | undefined) {
  const org = await findVisible(ctx.db, ctx.actor, organizationId);
  if (termId) await termOf(ctx.db, org.id, termId);
  const items = await seats(
    ctx.db,
    and(eq(s.organizationId, org.id), termId ? eq(s.termId, termId) : undefined)!,
  );
  return { items };
}

const audit = (
  ctx: Ctx,
  tx: Parameters<typeof recordAudit>[0],
  action: string,
  seat: object,
  orgId: string,
  id: string,
  before?: object,
) =>
  recordAudit(
    tx,
    ctx.actor,
    {
      action,
      entity: 'committee_seat',
      entityId: id,
      organizationId: orgId,
      ...(before ? { before } : { after: seat }),
    },
    ctx.clock.now(),
  );

/** Seats a member of the organization's subtree on the committee of one of its terms. */
export async function createSeat(ctx: Ctx, organizationId: string, input: CreateSeatInput) {
  return inTransaction(ctx.db, async (tx) => {
    const org = await findVisible(tx, ctx.actor, organizationId);
    if (!can(ctx.actor, 'member.manage', org)) throw forbidden();
    await termOf(tx, org.id, input.termId);
    const member = await memberInSubtree(tx, input.memberId, org.path);
    if (!member) throw badRequest('COMMITTEE_MEMBER_OUTSIDE', [{ path: 'memberId' }]);
    if (SINGLE_HOLDER.includes(input.position)) {
      // One secretary per term: concurrent seatings of the same position wait for each other here.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${input.termId}:${input.position}`}))`);
      const [holder] = await tx
        .select({ id: s.id })
        .from(s)
        .where(and(eq(s.termId, input.termId), eq(s.position, input.position)));
      if (holder) throw conflict('COMMITTEE_POSITION_TAKEN', [{ path: 'position' }]);
    }
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(s)
      .values({ id: newId(), organizationId: org.id, ...input, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('COMMITTEE_SEAT_TAKEN', [{ path: 'position' }]);
    await audit(ctx, tx, 'committee_seat.create', row, org.id, row.id);
    const [seat] = await seats(tx, eq(s.id, row.id));
    return seat!;
  });
}

export async function deleteSeat(ctx: Ctx, id: string) {
  await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .select({ seat: s, path: organizations.path })
      .from(s)
      .innerJoin(organizations, eq(organizations.id, s.organizationId))
      .where(
        and(
          eq(s.id, id),
          reachCondition(ctx.actor, 'organization.read', organizations.path, organizations.id),
        ),
      )
      .for('update', { of: s });
    if (!row) throw notFound('COMMITTEE_SEAT_NOT_FOUND');
    if (!can(ctx.actor, 'member.manage', { id: row.seat.organizationId, path: row.path })) throw forbidden();
    await tx.delete(s).where(eq(s.id, id));
    await audit(ctx, tx, 'committee_seat.delete', row.seat, row.seat.organizationId, id, row.seat);
  });
}
