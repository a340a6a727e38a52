import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, forbidden, notFound, versionConflict } from '../../http/errors.js';
import { ACTIVE_STATUSES } from '../members/service.js';
import { members } from '../members/tables.js';
import { findVisiblePlan } from './access.js';
import type { CreateSubcommitteeInput, UpdateSubcommitteeInput } from './schema.js';
import { congressSubcommitteeMembers, congressSubcommittees } from './tables.js';

const sc = congressSubcommittees;
const sm = congressSubcommitteeMembers;

const DEFAULT_NAMES: Record<string, string> = {
  documents: 'Tiểu ban Văn kiện',
  personnel: 'Tiểu ban Nhân sự',
  logistics: 'Tiểu ban Tổ chức phục vụ đại hội',
  other: 'Tiểu ban',
};

type MemberInput = NonNullable<UpdateSubcommitteeInput['members']>;

/** The members must be current members of the organization or of what lies below it; all or nothing. */
async function writeMembers(tx: Tx, subcommitteeId: string, organizationPath: string, list: MemberInput) {
  const ids = list.map((m) => m.memberId);
  if (ids.length > 0) {
    const found = await tx
      .select({ id: members.id })
      .from(members)
      .where(
        and(
          inArray(members.id, ids),
          inArray(members.status, [...ACTIVE_STATUSES]),
          sql`${members.organizationPath} LIKE ${`${organizationPath}%`}`,
        ),
      );
    if (found.length !== ids.length) {
      const ok = new Set(found.map((r) => r.id));
      throw badRequest('CONGRESS_SUBCOMMITTEE_MEMBER_OUTSIDE', {
        memberIds: ids.filter((id) => !ok.has(id)),
      });
    }
  }
  await tx.delete(sm).where(eq(sm.subcommitteeId, subcommitteeId));
  if (list.length > 0) {
    await tx.insert(sm).values(
      list.map((m, position) => ({
        subcommitteeId,
        memberId: m.memberId,
        role: m.role,
        duties: m.duties ?? null,
        position,
      })),
    );
  }
}

/** The subcommittees of a plan with their members, for the plan's page. */
export async function listSubcommittees(db: DbOrTx, planId: string) {
  const groups = await db
    .select()
    .from(sc)
    .where(eq(sc.planId, planId))
    .orderBy(asc(sc.createdAt), asc(sc.id));
  const people = groups.length
    ? await db
        .select({
          subcommitteeId: sm.subcommitteeId,
          memberId: sm.memberId,
          role: sm.role,
          duties: sm.duties,
          fullName: members.fullName,
        })
        .from(sm)
        .innerJoin(members, eq(members.id, sm.memberId))
        .where(
          inArray(
            sm.subcommitteeId,
            groups.map((g) => g.id),
          ),
        )
        .orderBy(asc(sm.position))
    : [];
  return groups.map((g) => ({
    id: g.id,
    kind: g.kind,
    name: g.name,
    duties: g.duties,
    version: g.version,
    members: people.filter((p) => p.subcommitteeId === g.id).map(({ subcommitteeId: _s, ...m }) => m),
  }));
}

const audited = (row: typeof sc.$inferSelect, list: MemberInput | undefined) => ({
  planId: row.planId,
  kind: row.kind,
  name: row.name,
  duties: row.duties,
  ...(list ? { members: list } : {}),
});

export async function createSubcommittee(ctx: Ctx, planId: string, input: CreateSubcommitteeInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { organization } = await findVisiblePlan(tx, ctx.actor, planId);
    if (!can(ctx.actor, 'congress.manage', organization)) throw forbidden();
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(sc)
      .values({
        id: newId(),
        planId,
        kind: input.kind,
        name: input.name ?? DEFAULT_NAMES[input.kind]!,
        duties: input.duties ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeMembers(tx, row!.id, organization.path, input.members);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.subcommittee.create',
        entity: 'congress_subcommittee',
        entityId: row!.id,
        organizationId: organization.id,
        after: audited(row!, input.members),
      },
      now,
    );
    return listSubcommittees(tx, planId);
  });
}

async function lockSubcommittee(tx: Tx, ctx: Ctx, id: string) {
  const [found] = await tx.select().from(sc).where(eq(sc.id, id)).for('update');
  if (!found) throw notFound('CONGRESS_SUBCOMMITTEE_NOT_FOUND');
  const { organization } = await findVisiblePlan(tx, ctx.actor, found.planId).catch(() => {
    throw notFound('CONGRESS_SUBCOMMITTEE_NOT_FOUND');
  });
  if (!can(ctx.actor, 'congress.manage', organization)) throw forbidden();
  return { row: found, organization };
}

export async function updateSubcommittee(ctx: Ctx, id: string, input: UpdateSubcommitteeInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { row: before, organization } = await lockSubcommittee(tx, ctx, id);
    if (before.version !== input.version) throw versionConflict(before.version);
    const now = ctx.clock.now();
    const [row] = await tx
      .update(sc)
      .set({
        name: input.name ?? before.name,
        duties: input.duties === undefined ? before.duties : input.duties,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(sc.id, id))
      .returning();
    if (input.members) await writeMembers(tx, id, organization.path, input.members);
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.subcommittee.update',
        entity: 'congress_subcommittee',
        entityId: id,
        organizationId: organization.id,
        before: audited(before, undefined),
        after: audited(row!, input.members),
      },
      now,
    );
    return listSubcommittees(tx, before.planId);
  });
}

export async function deleteSubcommittee(ctx: Ctx, id: string) {
  await inTransaction(ctx.db, async (tx) => {
    const { row, organization } = await lockSubcommittee(tx, ctx, id);
    await tx.delete(sc).where(eq(sc.id, id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'congress.subcommittee.delete',
        entity: 'congress_subcommittee',
        entityId: id,
        organizationId: organization.id,
        before: audited(row, undefined),
      },
      ctx.clock.now(),
    );
  });
}
