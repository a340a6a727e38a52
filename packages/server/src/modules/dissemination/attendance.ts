import { foldVietnamese, todayInVietnam } from '@daihoi/core';
import { and, asc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/service.js';
import { type Actor, can, reachCondition } from '../../auth/policy.js';
import { containsFolded } from '../../db/search.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, forbidden } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { memberReach } from '../members/service.js';
import { members } from '../members/tables.js';
import { findVisible } from '../organizations/service.js';
import { organizations } from '../organizations/tables.js';
import { expected, findVisibleSession, recordsSome } from './access.js';
import type { AttendanceInput, AttendanceQuery } from './schema.js';
import { sessionAttendance } from './tables.js';

const m = members;
const a = sessionAttendance;
const o = organizations;

/** Whom the actor records: members of organizations they manage for dissemination. */
const recordable = (actor: Actor) =>
  reachCondition(actor, 'dissemination.manage', m.organizationPath, m.organizationId);

const listCursor = z.tuple([z.string().refine((k) => !k.includes('\u0000')), z.uuid()]);

/** The expected members (and anyone recorded), in Vietnamese name order, with what was recorded. */
export async function listAttendance(ctx: Ctx, sessionId: string, q: AttendanceQuery) {
  await findVisibleSession(ctx.db, ctx.actor, sessionId);
  const where: SQL[] = [
    or(sql`${expected(sessionId)}`, sql`${a.memberId} IS NOT NULL`)!,
    memberReach(ctx.actor, 'member.read'),
  ];
  if (q.organizationId) {
    const anchor = await findVisible(ctx.db, ctx.actor, q.organizationId);
    where.push(sql`${m.organizationPath} LIKE ${`${anchor.path}%`}`);
  }
  if (q.status === 'unrecorded') where.push(isNull(a.memberId));
  else if (q.status) where.push(eq(a.status, q.status));
  if (q.q)
    for (const word of foldVietnamese(q.q).split(' ').filter(Boolean).slice(0, 8))
      where.push(containsFolded(m.searchText, word));
  const after = decodeCursor(q.cursor, 2);
  if (after) {
    const parsed = listCursor.safeParse(after);
    if (!parsed.success) throw badRequest('INVALID_CURSOR');
    const [key, id] = parsed.data;
    where.push(or(gt(m.sortKey, key), and(eq(m.sortKey, key), gt(m.id, id)))!);
  }
  const rows = await ctx.db
    .select({
      id: m.id,
      fullName: m.fullName,
      sortKey: m.sortKey,
      organization: { id: o.id, name: o.name },
      status: a.status,
      reason: a.reason,
      recordedAt: a.recordedAt,
      editable: sql<boolean>`${recordable(ctx.actor)}`,
    })
    .from(m)
    .innerJoin(o, eq(o.id, m.organizationId))
    .leftJoin(a, and(eq(a.memberId, m.id), eq(a.sessionId, sessionId)))
    .where(and(...where))
    .orderBy(asc(m.sortKey), asc(m.id))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (r) => [r.sortKey, r.id]);
  return {
    items: p.items.map((r) => ({
      member: { id: r.id, fullName: r.fullName, organization: r.organization },
      status: (r.status as 'present' | 'absent' | null) ?? null,
      reason: r.reason ?? null,
      recordedAt: r.recordedAt?.toISOString() ?? null,
      editable: Boolean(r.editable),
    })),
    nextCursor: p.nextCursor,
  };
}

/**
 * Records present / absent (with a reason) or clears, for members expected at the session whom the actor
 * manages; one member outside refuses the whole call, so nothing is half-written.
 */
export async function recordAttendance(ctx: Ctx, sessionId: string, input: AttendanceInput) {
  return inTransaction(ctx.db, async (tx) => {
    const { session, host } = await findVisibleSession(tx, ctx.actor, sessionId);
    if (!can(ctx.actor, 'dissemination.manage', host) && !(await recordsSome(tx, ctx.actor, sessionId)))
      throw forbidden();
    if (todayInVietnam(session.startsAt) > ctx.clock.today()) throw badRequest('ATTENDANCE_BEFORE_SESSION');
    const entries = [...new Map(input.entries.map((e) => [e.memberId, e])).values()];
    const missingReason = entries.filter((e) => e.status === 'absent' && !e.reason);
    if (missingReason.length > 0) {
      throw badRequest('ATTENDANCE_REASON_REQUIRED', { memberIds: missingReason.map((e) => e.memberId) });
    }
    const ids = entries.map((e) => e.memberId);
    const hostManages = can(ctx.actor, 'dissemination.manage', host);
    const allowed = await tx
      .select({ id: m.id })
      .from(m)
      .where(
        and(inArray(m.id, ids), sql`${expected(sessionId)}`, hostManages ? undefined : recordable(ctx.actor)),
      );
    if (allowed.length !== ids.length) {
      const ok = new Set(allowed.map((r) => r.id));
      throw badRequest('ATTENDANCE_MEMBER_OUTSIDE', { memberIds: ids.filter((id) => !ok.has(id)) });
    }
    const now = ctx.clock.now();
    const marked = entries.filter((e) => e.status !== null);
    const cleared = entries.filter((e) => e.status === null).map((e) => e.memberId);
    if (cleared.length > 0)
      await tx.delete(a).where(and(eq(a.sessionId, sessionId), inArray(a.memberId, cleared)));
    if (marked.length > 0) {
      await tx
        .insert(a)
        .values(
          marked.map((e) => ({
            sessionId,
            memberId: e.memberId,
            status: e.status!,
            reason: e.status === 'absent' ? e.reason! : null,
            recordedBy: ctx.actor.userId,
            recordedAt: now,
          })),
        )
        .onConflictDoUpdate({
          target: [a.sessionId, a.memberId],
          set: {
            status: sql`excluded.status`,
            reason: sql`excluded.reason`,
            recordedBy: sql`excluded.recorded_by`,
            recordedAt: sql`excluded.recorded_at`,
          },
        });
    }
    const present = marked.filter((e) => e.status === 'present').length;
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'dissemination.attendance',
        entity: 'dissemination_session',
        entityId: sessionId,
        organizationId: host.id,
        after: {
          entries: entries.map((e) => ({ memberId: e.memberId, status: e.status, reason: e.reason ?? null })),
        },
      },
      now,
    );
    return { present, absent: marked.length - present, cleared: cleared.length };
  });
}
