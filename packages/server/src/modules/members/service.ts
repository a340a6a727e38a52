import {
  ageBandRange,
  compareIsoDates,
  foldVietnamese,
  type MemberFieldError,
  validateMember,
  vietnameseNameSortKey,
} from '@daihoi/core';
import { and, asc, desc, eq, gt, gte, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { recordAudit } from '../../audit/service.js';
import { type Actor, can, canWholeSubtree, type OrgRef, reachCondition } from '../../auth/policy.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { containsFolded } from '../../db/search.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { AppError, badRequest, conflict, forbidden, notFound, versionConflict } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { findVisible } from '../organizations/service.js';
import { committeeTerms, organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';
import { auditedMember, type MemberRow, presentMember } from './presenter.js';
import type {
  CreateMemberInput,
  CreateTransferInput,
  ListMembersQuery,
  MemberFilters,
  UpdateMemberInput,
} from './schema.js';
import { committeeSeats, members, memberTransfers } from './tables.js';

const m = members;
const o = organizations;

/** Members who still belong to the organization they are recorded in. */
export const ACTIVE_STATUSES = ['probationary', 'full'] as const;

export const memberSearchText = (fullName: string, cardNumber: string | null | undefined) =>
  foldVietnamese(`${fullName} ${cardNumber ?? ''}`);

/** The columns derived from the name and card number, kept with the row for SQL sorting and search. */
export const derivedColumns = (fullName: string, cardNumber: string | null | undefined) => ({
  sortKey: vietnameseNameSortKey(fullName),
  searchText: memberSearchText(fullName, cardNumber),
});

/** The member records the actor reaches for `action`, as a SQL condition. */
export const memberReach = (actor: Actor, action: 'member.read' | 'member.manage' | 'member.export') =>
  reachCondition(actor, action, m.organizationPath, m.organizationId, m.id);

const targetOf = (row: Pick<MemberRow, 'id' | 'organizationId' | 'organizationPath'>): OrgRef => ({
  id: row.organizationId,
  path: row.organizationPath,
  memberId: row.id,
});

/** The rule set's refusal as the API's: the first error names the code, every error is in the details. */
export function rulesError(errors: readonly MemberFieldError[]): AppError {
  const [first] = errors;
  return new AppError(
    400,
    first!.code,
    errors.map((e) => ({ path: e.field, code: e.code, message: e.message })),
    first!.message,
  );
}

function checkRules(record: Parameters<typeof validateMember>[0], today: string) {
  const { errors } = validateMember(record, today);
  if (errors.length > 0) throw rulesError(errors);
}

/** The member if the actor may read it; otherwise 404, as if it did not exist. */
export async function findVisibleMember(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ member: m, organizationName: o.name })
    .from(m)
    .innerJoin(o, eq(o.id, m.organizationId))
    .where(and(eq(m.id, id), memberReach(actor, 'member.read')));
  if (!row) throw notFound('MEMBER_NOT_FOUND');
  return row;
}

/** Reads, locks and checks the member for a change: 404 out of reach, 403 read-only, 409 stale version. */
async function lockForChange(tx: Tx, ctx: Ctx, id: string, version?: number) {
  const { member } = await findVisibleMember(tx, ctx.actor, id);
  if (!can(ctx.actor, 'member.manage', targetOf(member))) throw forbidden();
  const [current] = await tx.select().from(m).where(eq(m.id, id)).for('update');
  if (version !== undefined && current!.version !== version) throw versionConflict(current!.version);
  return current!;
}

// ---------------------------------------------------------------------------------------------------------
// Lists

/** A list cursor is [sortKey, id]; anything else would fail in SQL rather than as a bad request. */
const listCursor = z.tuple([z.string().refine((k) => !k.includes('\u0000')), z.uuid()]);
const MAX_SEARCH_WORDS = 8;

/**
 * The organization a list or statistic is anchored at (404 when the actor does not see it) and the
 * scope condition: none beyond the anchor's own subtree when the actor reads that subtree whole.
 */
export async function scopeOf(
  ctx: Ctx,
  organizationId: string | undefined,
  action: 'member.read' | 'member.export',
) {
  const anchor = organizationId ? await findVisible(ctx.db, ctx.actor, organizationId) : null;
  const conditions: SQL[] = [];
  if (!anchor || !canWholeSubtree(ctx.actor, action, anchor)) conditions.push(memberReach(ctx.actor, action));
  if (anchor) conditions.push(sql`${m.organizationPath} LIKE ${`${anchor.path}%`}`);
  return { anchor, conditions };
}

/** The filter conditions shared by the list, its export and the statistics. */
export function filterConditions(filters: MemberFilters, today: string): SQL[] {
  const conditions: SQL[] = [];
  if (filters.q) {
    const words = foldVietnamese(filters.q).split(' ').filter(Boolean).slice(0, MAX_SEARCH_WORDS);
    for (const word of words) conditions.push(containsFolded(m.searchText, word));
  }
  if (filters.status) conditions.push(eq(m.status, filters.status));
  if (filters.gender) conditions.push(eq(m.gender, filters.gender));
  if (filters.isLeader !== undefined) conditions.push(eq(m.isLeader, filters.isLeader));
  if (filters.ageBand) {
    const { bornAfter, bornOnOrBefore } = ageBandRange(filters.ageBand, today);
    if (bornAfter) conditions.push(gt(m.birthDate, bornAfter));
    if (bornOnOrBefore) conditions.push(lte(m.birthDate, bornOnOrBefore));
  }
  if (filters.joinYear !== undefined) {
    const year = (y: number) => `${String(y).padStart(4, '0')}-01-01`;
    conditions.push(gte(m.admittedOn, year(filters.joinYear)));
    if (filters.joinYear < 9999) conditions.push(lt(m.admittedOn, year(filters.joinYear + 1)));
  }
  return conditions;
}

/** One page of members in Vietnamese name order, after `after` ([sortKey, id]). */
export async function memberPage(db: DbOrTx, conditions: SQL[], limit: number, after?: [string, string]) {
  const where = [...conditions];
  if (after) {
    const [key, id] = after;
    where.push(or(gt(m.sortKey, key), and(eq(m.sortKey, key), gt(m.id, id)))!);
  }
  return db
    .select({ member: m, organizationName: o.name })
    .from(m)
    .innerJoin(o, eq(o.id, m.organizationId))
    .where(and(...where))
    .orderBy(asc(m.sortKey), asc(m.id))
    .limit(limit);
}

export async function listMembers(ctx: Ctx, q: ListMembersQuery) {
  const today = ctx.clock.today();
  const { conditions } = await scopeOf(ctx, q.organizationId, 'member.read');
  conditions.push(...filterConditions(q, today));
  const raw = decodeCursor(q.cursor, 2);
  let after: [string, string] | undefined;
  if (raw) {
    const cursor = listCursor.safeParse(raw);
    if (!cursor.success) throw badRequest('INVALID_CURSOR');
    after = cursor.data;
  }
  const rows = await memberPage(ctx.db, conditions, q.limit + 1, after);
  const p = page(rows, q.limit, (r) => [r.member.sortKey, r.member.id]);
  return {
    items: p.items.map((r) => presentMember(r.member, r.organizationName, today)),
    nextCursor: p.nextCursor,
  };
}

// ---------------------------------------------------------------------------------------------------------
// One member

const fromOrg = alias(o, 'from_org');
const toOrg = alias(o, 'to_org');

async function presentDetail(db: DbOrTx, member: MemberRow, today: string) {
  const [org, transfers, seats, account] = await Promise.all([
    db.select({ name: o.name }).from(o).where(eq(o.id, member.organizationId)),
    db
      .select({
        transfer: memberTransfers,
        fromName: fromOrg.name,
        toName: toOrg.name,
      })
      .from(memberTransfers)
      .leftJoin(fromOrg, eq(fromOrg.id, memberTransfers.fromOrganizationId))
      .leftJoin(toOrg, eq(toOrg.id, memberTransfers.toOrganizationId))
      .where(eq(memberTransfers.memberId, member.id))
      .orderBy(desc(memberTransfers.transferredOn), desc(memberTransfers.id)),
    memberSeats(db, member.id),
    db.select({ id: users.id, username: users.username }).from(users).where(eq(users.memberId, member.id)),
  ]);
  return {
    ...presentMember(member, org[0]?.name ?? '', today),
    transfers: transfers.map(({ transfer: t, fromName, toName }) => ({
      id: t.id,
      fromOrganization: t.fromOrganizationId ? { id: t.fromOrganizationId, name: fromName ?? '' } : null,
      toOrganization: t.toOrganizationId ? { id: t.toOrganizationId, name: toName ?? '' } : null,
      destination: t.destination,
      transferredOn: t.transferredOn,
      reason: t.reason,
      status: t.status as 'pending' | 'applied',
    })),
    committeeSeats: seats,
    account: account[0] ?? null,
  };
}

async function memberSeats(db: DbOrTx, memberId: string) {
  return db
    .select({
      id: committeeSeats.id,
      organizationId: committeeSeats.organizationId,
      organizationName: o.name,
      termId: committeeSeats.termId,
      termName: committeeTerms.name,
      position: committeeSeats.position,
    })
    .from(committeeSeats)
    .innerJoin(o, eq(o.id, committeeSeats.organizationId))
    .innerJoin(committeeTerms, eq(committeeTerms.id, committeeSeats.termId))
    .where(eq(committeeSeats.memberId, memberId))
    .orderBy(desc(committeeTerms.startsOn), asc(committeeSeats.position));
}

export async function getMember(ctx: Ctx, id: string) {
  const { member } = await findVisibleMember(ctx.db, ctx.actor, id);
  return presentDetail(ctx.db, member, ctx.clock.today());
}

const audit = (tx: Tx, ctx: Ctx, action: string, row: MemberRow, before?: MemberRow, extra?: object) =>
  recordAudit(
    tx,
    ctx.actor,
    {
      action,
      entity: 'member',
      entityId: row.id,
      organizationId: row.organizationId,
      before: before && auditedMember(before),
      after: { ...auditedMember(row), ...extra },
    },
    ctx.clock.now(),
  );

/** 409 when another member holds the card number. */
async function assertCardFree(tx: Tx, cardNumber: string | null | undefined, exceptId?: string) {
  if (!cardNumber) return;
  const [taken] = await tx
    .select({ id: m.id })
    .from(m)
    .where(and(eq(m.cardNumber, cardNumber), exceptId ? ne(m.id, exceptId) : undefined));
  if (taken) throw conflict('MEMBER_CARD_TAKEN', [{ path: 'cardNumber' }]);
}

export async function createMember(ctx: Ctx, input: CreateMemberInput) {
  const today = ctx.clock.today();
  return inTransaction(ctx.db, async (tx) => {
    const org = await findVisible(tx, ctx.actor, input.organizationId);
    if (!can(ctx.actor, 'member.manage', org)) throw forbidden();
    if (org.archivedAt) throw conflict('MEMBER_ORG_ARCHIVED', [{ path: 'organizationId' }]);
    checkRules(input, today);
    await assertCardFree(tx, input.cardNumber);
    const now = ctx.clock.now();
    const { organizationId: _o, ...fields } = input;
    const [row] = await tx
      .insert(m)
      .values({
        ...fields,
        id: newId(),
        organizationId: org.id,
        organizationPath: org.path,
        ...derivedColumns(input.fullName, input.cardNumber),
        cardNumber: input.cardNumber ?? null,
        fullMemberOn: input.fullMemberOn ?? null,
        isLeader: input.isLeader ?? false,
        joinedOrganizationOn: input.admittedOn,
        createdAt: now,
        updatedAt: now,
      })
      // A card number taken by a concurrent insert: the unique index decides, the answer is the same 409.
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('MEMBER_CARD_TAKEN', [{ path: 'cardNumber' }]);
    await audit(tx, ctx, 'member.create', row);
    return presentDetail(tx, row, today);
  });
}

export async function updateMember(ctx: Ctx, id: string, input: UpdateMemberInput) {
  const today = ctx.clock.today();
  return inTransaction(ctx.db, async (tx) => {
    const before = await lockForChange(tx, ctx, id, input.version);
    const { version: _v, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const next = { ...before, ...changes } as MemberRow;
    if (next.status === 'transferred_out' && before.status !== 'transferred_out')
      throw badRequest('MEMBER_STATUS_VIA_TRANSFER', [{ path: 'status' }]);
    checkRules(next, today);
    if (next.cardNumber !== before.cardNumber) await assertCardFree(tx, next.cardNumber, id);
    const [row] = await tx
      .update(m)
      .set({
        ...changes,
        ...derivedColumns(next.fullName, next.cardNumber),
        version: before.version + 1,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(m.id, id))
      .returning();
    await audit(tx, ctx, 'member.update', row!, before);
    return presentDetail(tx, row!, today);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Transfers (chuyển sinh hoạt đảng)

/** Moves the member on the transfer's day: into `target`, or out of the system when there is none. */
async function applyTransfer(
  tx: Tx,
  member: MemberRow,
  target: { id: string; path: string } | null,
  transferredOn: string,
  now: Date,
) {
  const move = target
    ? { organizationId: target.id, organizationPath: target.path, joinedOrganizationOn: transferredOn }
    : { status: 'transferred_out' };
  const [row] = await tx
    .update(m)
    .set({ ...move, version: sql`${m.version} + 1`, updatedAt: now })
    .where(eq(m.id, member.id))
    .returning();
  return row!;
}

export async function transferMember(ctx: Ctx, id: string, input: CreateTransferInput) {
  const today = ctx.clock.today();
  return inTransaction(ctx.db, async (tx) => {
    const before = await lockForChange(tx, ctx, id);
    const toId = input.toOrganizationId ?? null;
    const destination = input.destination ?? null;
    if ((toId === null) === (destination === null))
      throw badRequest('TRANSFER_TARGET_REQUIRED', [{ path: 'toOrganizationId' }, { path: 'destination' }]);
    if (!(ACTIVE_STATUSES as readonly string[]).includes(before.status)) throw conflict('MEMBER_NOT_ACTIVE');
    const [pending] = await tx
      .select({ id: memberTransfers.id })
      .from(memberTransfers)
      .where(and(eq(memberTransfers.memberId, id), eq(memberTransfers.status, 'pending')));
    if (pending) throw conflict('TRANSFER_PENDING_EXISTS');
    if (compareIsoDates(input.transferredOn, before.joinedOrganizationOn) < 0)
      throw badRequest('TRANSFER_DATE_INVALID', [{ path: 'transferredOn' }]);
    let target: { id: string; path: string } | null = null;
    if (toId) {
      // Any organization of the system receives members: the sending office need not read it.
      const [org] = await tx.select().from(o).where(eq(o.id, toId));
      if (!org) throw badRequest('TRANSFER_TARGET_NOT_FOUND', [{ path: 'toOrganizationId' }]);
      if (org.archivedAt) throw badRequest('MEMBER_ORG_ARCHIVED', [{ path: 'toOrganizationId' }]);
      if (org.id === before.organizationId)
        throw badRequest('TRANSFER_SAME_ORGANIZATION', [{ path: 'toOrganizationId' }]);
      target = { id: org.id, path: org.path };
    }
    const due = compareIsoDates(input.transferredOn, today) <= 0;
    const transfer = {
      id: newId(),
      memberId: id,
      fromOrganizationId: before.organizationId,
      toOrganizationId: target?.id ?? null,
      destination,
      transferredOn: input.transferredOn,
      reason: input.reason ?? null,
      status: due ? 'applied' : 'pending',
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    };
    await tx.insert(memberTransfers).values(transfer);
    const after = due
      ? await applyTransfer(tx, before, target, input.transferredOn, ctx.clock.now())
      : before;
    const { createdAt: _c, ...recorded } = transfer;
    await audit(tx, ctx, 'member.transfer', after, before, { transfer: recorded });
    return presentDetail(tx, after, today);
  });
}

/**
 * Applies every pending transfer whose day has come (the daily job `members.transfers`), each with its
 * audit event, in one transaction. Returns how many were applied.
 */
export async function applyDueTransfers(db: Db, today: string, now: Date = new Date()): Promise<number> {
  return inTransaction(db, async (tx) => {
    const due = await tx
      .select()
      .from(memberTransfers)
      .where(and(eq(memberTransfers.status, 'pending'), lte(memberTransfers.transferredOn, today)))
      .orderBy(asc(memberTransfers.transferredOn), asc(memberTransfers.id))
      .for('update');
    for (const transfer of due) {
      const [member] = await tx.select().from(m).where(eq(m.id, transfer.memberId)).for('update');
      // The organization's path now, not when the transfer was recorded: it may have moved since.
      const [target] = transfer.toOrganizationId
        ? await tx.select({ id: o.id, path: o.path }).from(o).where(eq(o.id, transfer.toOrganizationId))
        : [null];
      const after = await applyTransfer(tx, member!, target ?? null, transfer.transferredOn, now);
      await tx.update(memberTransfers).set({ status: 'applied' }).where(eq(memberTransfers.id, transfer.id));
      await recordAudit(
        tx,
        null,
        {
          action: 'member.transfer_applied',
          entity: 'member',
          entityId: member!.id,
          organizationId: after.organizationId,
          before: auditedMember(member!),
          after: { ...auditedMember(after), transferId: transfer.id },
        },
        now,
      );
    }
    return due.length;
  });
}

/**
 * Keeps members' organization paths in step with a moved subtree (`oldPath` → `newPath`); called by the
 * organization move in its own transaction.
 */
export async function rewriteMemberPaths(tx: Tx, oldPath: string, newPath: string): Promise<void> {
  await tx.execute(sql`
    UPDATE members
       SET organization_path = ${newPath} || substr(organization_path, ${oldPath.length + 1})
     WHERE organization_path LIKE ${`${oldPath}%`}`);
}

/** The member, when it belongs to the subtree at `path`. */
export async function memberInSubtree(db: DbOrTx, memberId: string, path: string): Promise<MemberRow | null> {
  const [row] = await db
    .select()
    .from(m)
    .where(and(eq(m.id, memberId), sql`${m.organizationPath} LIKE ${`${path}%`}`));
  return row ?? null;
}
