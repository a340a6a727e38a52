import type { Role } from '@daihoi/core';
import { and, asc, count, desc, eq, inArray, isNull, like, lt, type SQL } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import type { Config } from '../../config.js';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, notFound } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { organizations } from '../organizations/tables.js';
import { roleAssignments, users } from '../users/tables.js';
import { presentNotification } from './presenter.js';
import type { ListNotificationsQuery } from './schema.js';
import { notifications } from './tables.js';

const n = notifications;
/** A cursor holds a notification id; anything else would fail in SQL rather than as a bad request. */
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

export interface NotifyInput {
  /** These accounts (inactive ones are left out). */
  userIds?: string[];
  /**
   * Everyone holding this role on `organizationId` or on an organization above it: the committees above
   * an organization oversee it, so a role there hears about it too. `admin` reaches every administrator.
   */
  role?: Role;
  organizationId?: string;
  /** With `role`: only the holders at the organization itself, not those of the committees above it. */
  exactOrganization?: boolean;
  /** Left out even when reached otherwise: the person whose own act raised it. */
  excludeUserIds?: string[];
  /** What raised it, e.g. 'congress.deadline'. */
  kind: string;
  title: string;
  body?: string | null;
  /** A path inside the app, e.g. '/organizations/<id>'. */
  link?: string | null;
}

async function activeUsers(tx: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/** Active holders of `role` on the organization itself or on any of its ancestors. */
async function roleHolders(
  tx: DbOrTx,
  role: Role,
  organizationId: string | undefined,
  exact = false,
): Promise<string[]> {
  const holders = (where: SQL) =>
    tx
      .selectDistinct({ id: users.id })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.role, role), eq(users.active, true), where));
  if (role === 'admin') return (await holders(isNull(roleAssignments.organizationId))).map((r) => r.id);
  if (!organizationId) throw new Error(`notify: role ${role} needs an organizationId`);
  if (exact) return (await holders(eq(roleAssignments.organizationId, organizationId))).map((r) => r.id);
  const [org] = await tx
    .select({ path: organizations.path })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!org) throw new Error(`notify: no organization ${organizationId}`);
  // The materialized path lists the organization and every ancestor: '/<root>/…/<id>/'.
  const lineage = org.path.split('/').filter(Boolean);
  return (await holders(inArray(roleAssignments.organizationId, lineage))).map((r) => r.id);
}

/**
 * Raises one notification for each recipient, inside the caller's transaction (it commits with the write
 * that caused it). Recipients: the given `userIds`, and/or every active user holding `role` on
 * `organizationId` or on an ancestor of it. Returns the number of notifications created.
 */
export async function notify(tx: DbOrTx, input: NotifyInput, now: Date): Promise<number> {
  if (input.link && (!input.link.startsWith('/') || input.link.startsWith('//'))) {
    throw new Error(`notify: link must be a path inside the app, got ${input.link}`);
  }
  const recipients = new Set(await activeUsers(tx, [...new Set(input.userIds ?? [])]));
  if (input.role)
    for (const id of await roleHolders(tx, input.role, input.organizationId, input.exactOrganization))
      recipients.add(id);
  for (const id of input.excludeUserIds ?? []) recipients.delete(id);
  if (recipients.size === 0) return 0;
  await tx.insert(n).values(
    [...recipients].map((userId) => ({
      id: newId(),
      userId,
      organizationId: input.organizationId ?? null,
      kind: input.kind,
      title: input.title,
      body: input.body ?? null,
      link: input.link ?? null,
      createdAt: now,
    })),
  );
  return recipients.size;
}

async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ c: count() })
    .from(n)
    .where(and(eq(n.userId, userId), isNull(n.readAt)));
  return Number(row?.c ?? 0);
}

/** The actor's own notifications, newest first (ids are UUID v7, in creation order), with the unread count. */
export async function listNotifications(ctx: Ctx, q: ListNotificationsQuery) {
  const where: SQL[] = [eq(n.userId, ctx.actor.userId)];
  if (q.unread) where.push(isNull(n.readAt));
  const after = decodeCursor(q.cursor, 1);
  if (after && !UUID.test(String(after[0]))) throw badRequest('INVALID_CURSOR');
  if (after) where.push(lt(n.id, String(after[0])));
  const [rows, unread] = await Promise.all([
    ctx.db
      .select()
      .from(n)
      .where(and(...where))
      .orderBy(desc(n.id))
      .limit(q.limit + 1),
    unreadCount(ctx.db, ctx.actor.userId),
  ]);
  const p = page(rows, q.limit, (r) => [r.id]);
  return { items: p.items.map(presentNotification), nextCursor: p.nextCursor, unreadCount: unread };
}

/** Marks one of the actor's own notifications read (again: no change); someone else's answers 404. */
export async function markRead(ctx: Ctx, id: string) {
  const own = and(eq(n.id, id), eq(n.userId, ctx.actor.userId));
  const [row] = await ctx.db.select().from(n).where(own);
  if (!row) throw notFound('NOTIFICATION_NOT_FOUND');
  if (row.readAt) return presentNotification(row);
  const [updated] = await ctx.db
    .update(n)
    .set({ readAt: ctx.clock.now() })
    .where(and(own, isNull(n.readAt)))
    .returning();
  return presentNotification(updated ?? row);
}

export async function markAllRead(ctx: Ctx): Promise<{ updated: number }> {
  const rows = await ctx.db
    .update(n)
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(n.userId, ctx.actor.userId), isNull(n.readAt)))
    .returning({ id: n.id });
  return { updated: rows.length };
}

const DIGEST_ITEMS = 20;

/** 'dd/mm/yyyy HH:mm' in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
function vietnamTime(d: Date): string {
  const s = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, 16)}`;
}

function digestText(displayName: string, items: (typeof n.$inferSelect)[]): string {
  const lines = [
    `Kính gửi đồng chí ${displayName},`,
    '',
    `Đồng chí có ${items.length} thông báo chưa đọc trên hệ thống DaiHoi:`,
    '',
  ];
  items.slice(0, DIGEST_ITEMS).forEach((item, i) => {
    lines.push(`${i + 1}. ${item.title} (${vietnamTime(item.createdAt)})`);
    if (item.body) lines.push(`   ${item.body}`);
    if (item.link) lines.push(`   Xem tại: ${item.link}`);
  });
  if (items.length > DIGEST_ITEMS) lines.push('', `… và ${items.length - DIGEST_ITEMS} thông báo khác.`);
  lines.push(
    '',
    'Vui lòng đăng nhập DaiHoi để xem chi tiết.',
    'Thư này được gửi tự động từ hệ thống DaiHoi; xin đừng trả lời thư này.',
  );
  return lines.join('\n');
}

/**
 * Sends each user who has unread notifications not yet e-mailed one digest e-mail in Vietnamese, and marks
 * those notifications e-mailed. Does nothing (returns 0) without `config.smtpUrl`. Returns the number of
 * e-mails sent.
 *
 * Accounts have no e-mail address of their own yet: a username that contains '@' is taken as the address,
 * and any other user is skipped (their notifications stay as they are). The member registry will bring
 * real addresses.
 *
 * An unreachable mail server fails the whole run (the transport is verified first); a recipient the server
 * refuses is skipped and tried again at the next run.
 */
export async function sendNotificationDigests(db: DbOrTx, config: Config, now: Date): Promise<number> {
  if (!config.smtpUrl) return 0;
  const rows = await db
    .select({ notification: n, username: users.username, displayName: users.displayName })
    .from(n)
    .innerJoin(users, eq(users.id, n.userId))
    .where(and(isNull(n.readAt), isNull(n.emailedAt), eq(users.active, true), like(users.username, '%@%')))
    .orderBy(asc(n.userId), asc(n.id));
  if (rows.length === 0) return 0;
  const byUser = new Map<string, { to: string; displayName: string; items: (typeof n.$inferSelect)[] }>();
  for (const r of rows) {
    const entry = byUser.get(r.notification.userId) ?? {
      to: r.username,
      displayName: r.displayName,
      items: [],
    };
    entry.items.push(r.notification);
    byUser.set(r.notification.userId, entry);
  }
  const transport = createTransport(config.smtpUrl);
  let sent = 0;
  try {
    await transport.verify();
    for (const { to, displayName, items } of byUser.values()) {
      try {
        await transport.sendMail({
          from: config.smtpFrom,
          to,
          subject: `DaiHoi: ${items.length} thông báo chưa đọc`,
          text: digestText(displayName, items),
        });
      } catch {
        continue;
      }
      await db
        .update(n)
        .set({ emailedAt: now })
        .where(
          inArray(
            n.id,
            items.map((i) => i.id),
          ),
        );
      sent++;
    }
  } finally {
    transport.close();
  }
  return sent;
}
