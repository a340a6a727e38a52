import { randomBytes } from 'node:crypto';
import {
  foldVietnamese,
  isValidUsername,
  normalizeUsername,
  ROLE_LABELS_VI,
  validatePassword,
} from '@daihoi/core';
import { and, asc, eq, gt, inArray, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { hashPassword } from '../../auth/passwords.js';
import { can, isAdmin } from '../../auth/policy.js';
import { deleteUserSessions } from '../../auth/sessions.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { containsFolded } from '../../db/search.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { AppError, badRequest, conflict, forbidden, notFound, versionConflict } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { members } from '../members/tables.js';
import { notify } from '../notifications/service.js';
import { organizations } from '../organizations/tables.js';
import { presentUser, type RoleRow, type UserOut } from './presenter.js';
import type { CreateUserInput, RoleInput, UpdateUserInput } from './schema.js';
import { roleAssignments, users } from './tables.js';

const userSearchText = (username: string, displayName: string) =>
  foldVietnamese(`${displayName} ${username}`);

function requireManage(ctx: Ctx, action: 'user.read' | 'user.manage' = 'user.manage') {
  if (!can(ctx.actor, action, null)) throw forbidden();
}

export async function loadRoles(db: DbOrTx, userIds: string[]): Promise<Map<string, RoleRow[]>> {
  const out = new Map<string, RoleRow[]>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      organizationId: roleAssignments.organizationId,
      organizationName: organizations.name,
    })
    .from(roleAssignments)
    .leftJoin(organizations, eq(organizations.id, roleAssignments.organizationId))
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.role), asc(organizations.sortKey));
  for (const { userId, ...r } of rows) {
    out.set(userId, [...(out.get(userId) ?? []), r as RoleRow]);
  }
  return out;
}

/** One account as a client sees it, or null. Used by sign-in and `me` as well. */
export async function findUser(db: DbOrTx, id: string): Promise<UserOut | null> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u) return null;
  return presentUser(u, (await loadRoles(db, [u.id])).get(u.id) ?? []);
}

export async function getUser(ctx: Ctx, id: string): Promise<UserOut> {
  requireManage(ctx, 'user.read');
  const user = await findUser(ctx.db, id);
  if (!user) throw notFound('USER_NOT_FOUND');
  return user;
}

export async function listUsers(
  ctx: Ctx,
  q: { q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  requireManage(ctx, 'user.read');
  const after = decodeCursor(q.cursor, 1);
  if (after && (typeof after[0] !== 'string' || after[0].includes('\u0000')))
    throw badRequest('INVALID_CURSOR');
  const conditions = [];
  if (q.q) conditions.push(containsFolded(users.searchText, q.q));
  if (after) conditions.push(gt(users.username, String(after[0])));
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.username))
    .limit(q.limit + 1);
  const p = page(rows, q.limit, (u) => [u.username]);
  const roles = await loadRoles(
    ctx.db,
    p.items.map((u) => u.id),
  );
  return { items: p.items.map((u) => presentUser(u, roles.get(u.id) ?? [])), nextCursor: p.nextCursor };
}

/** Checks each role row: organizations exist, admin is system-wide, no duplicates. */
async function validateRoles(
  tx: DbOrTx,
  roles: RoleInput[],
): Promise<{ role: string; organizationId: string | null }[]> {
  const seen = new Set<string>();
  const out = [];
  for (const [i, r] of roles.entries()) {
    const organizationId = r.organizationId ?? null;
    if (r.role === 'admin' && organizationId)
      throw badRequest('ROLE_ORG_NOT_ALLOWED', [{ path: `roles.${i}.organizationId` }]);
    if (r.role !== 'admin' && !organizationId)
      throw badRequest('ROLE_ORG_REQUIRED', [{ path: `roles.${i}.organizationId` }]);
    const key = `${r.role}:${organizationId}`;
    if (seen.has(key)) throw badRequest('ROLE_DUPLICATE', [{ path: `roles.${i}` }]);
    seen.add(key);
    out.push({ role: r.role, organizationId });
  }
  const orgIds = out.flatMap((r) => (r.organizationId ? [r.organizationId] : []));
  if (orgIds.length > 0) {
    const found = await tx
      .select({ id: organizations.id })
      .from(organizations)
      .where(inArray(organizations.id, orgIds));
    const known = new Set(found.map((o) => o.id));
    const missing = out.findIndex((r) => r.organizationId && !known.has(r.organizationId));
    if (missing >= 0) throw new AppError(400, 'ORG_NOT_FOUND', [{ path: `roles.${missing}.organizationId` }]);
  }
  return out;
}

function checkPassword(password: string, path = 'password') {
  const problem = validatePassword(password);
  if (problem) throw badRequest(problem, [{ path }]);
}

async function replaceRoles(
  tx: Tx,
  userId: string,
  roles: { role: string; organizationId: string | null }[],
) {
  await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (roles.length > 0) await tx.insert(roleAssignments).values(roles.map((r) => ({ ...r, userId })));
}

interface NewAccount {
  username: string;
  displayName: string;
  password: string;
}

/** Checks what can be checked before the transaction, and hashes the password (slow on purpose). */
async function prepareAccount(input: NewAccount) {
  const username = normalizeUsername(input.username);
  if (!isValidUsername(username)) throw badRequest('USERNAME_INVALID', [{ path: 'username' }]);
  checkPassword(input.password);
  return { username, displayName: input.displayName, passwordHash: await hashPassword(input.password) };
}

/** Inserts the account with its roles and audits it; a taken username is 409. */
async function insertAccount(
  tx: Tx,
  account: Awaited<ReturnType<typeof prepareAccount>>,
  roles: { role: string; organizationId: string | null }[],
  actor: Ctx['actor'] | null,
  now: Date,
): Promise<UserOut> {
  // A concurrent creation of the same username waits for it to commit, then inserts nothing.
  const [row] = await tx
    .insert(users)
    .values({ ...account, searchText: userSearchText(account.username, account.displayName) })
    .onConflictDoNothing({ target: users.username })
    .returning();
  if (!row) throw conflict('USERNAME_TAKEN', [{ path: 'username' }]);
  await replaceRoles(tx, row.id, roles);
  const user = (await findUser(tx, row.id))!;
  await recordAudit(
    tx,
    actor,
    { action: 'user.create', entity: 'user', entityId: user.id, organizationId: null, after: user },
    now,
  );
  return user;
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserOut> {
  requireManage(ctx);
  const account = await prepareAccount(input);
  return inTransaction(ctx.db, async (tx) =>
    insertAccount(tx, account, await validateRoles(tx, input.roles), ctx.actor, ctx.clock.now()),
  );
}

/** At least one active administrator must remain, and nobody locks themselves out. */
async function guardAdmins(tx: Tx, ctx: Ctx, userId: string, next: { active: boolean; admin: boolean }) {
  const self = userId === ctx.actor.userId;
  if (self && (!next.active || (isAdmin(ctx.actor) && !next.admin))) throw badRequest('USER_SELF_LOCKOUT');
  if (next.active && next.admin) return;
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(roleAssignments.role, 'admin'), eq(users.active, true), ne(users.id, userId)))
    .limit(1);
  if (!other) throw conflict('LAST_ADMIN');
}

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserOut> {
  requireManage(ctx);
  return inTransaction(ctx.db, async (tx) => {
    // Locked first, so that two updates carrying the same version cannot both pass the check.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
    const before = await findUser(tx, id);
    if (!before) throw notFound('USER_NOT_FOUND');
    if (before.version !== input.version) throw versionConflict(before.version);
    const roles = input.roles ? await validateRoles(tx, input.roles) : undefined;
    const active = input.active ?? before.active;
    const admin = (roles ?? before.roles).some((r) => r.role === 'admin');
    await guardAdmins(tx, ctx, id, { active, admin });
    const displayName = input.displayName ?? before.displayName;
    const memberId = input.memberId === undefined ? before.memberId : input.memberId;
    if (memberId !== before.memberId && memberId !== null) await checkMemberLink(tx, id, memberId);
    await tx
      .update(users)
      .set({
        displayName,
        searchText: userSearchText(before.username, displayName),
        active,
        memberId,
        version: sql`${users.version} + 1`,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(users.id, id));
    if (roles) await replaceRoles(tx, id, roles);
    // A deactivated account is signed out everywhere at once.
    if (!active) await deleteUserSessions(tx, id);
    const after = (await findUser(tx, id))!;
    await recordAudit(
      tx,
      ctx.actor,
      { action: 'user.update', entity: 'user', entityId: id, organizationId: null, before, after },
      ctx.clock.now(),
    );
    if (active && roles && rolesText(before.roles) !== rolesText(after.roles))
      await announceRoles(tx, ctx, after);
    return after;
  });
}

/** The member must exist, and belong to no other account. */
async function checkMemberLink(tx: Tx, userId: string, memberId: string) {
  const [member] = await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId));
  if (!member) throw new AppError(400, 'MEMBER_NOT_FOUND', [{ path: 'memberId' }]);
  const [other] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.memberId, memberId), ne(users.id, userId)));
  if (other) throw conflict('MEMBER_ACCOUNT_TAKEN', [{ path: 'memberId' }]);
}

const rolesText = (roles: UserOut['roles']) =>
  roles
    .map((r) => `${ROLE_LABELS_VI[r.role]}${r.organizationName ? ` — ${r.organizationName}` : ''}`)
    .join('; ');

/** The person whose roles changed hears what they may now do, and where. */
async function announceRoles(tx: Tx, ctx: Ctx, user: UserOut) {
  await notify(
    tx,
    {
      userIds: [user.id],
      excludeUserIds: [ctx.actor.userId],
      kind: 'user.roles_changed',
      title: 'Vai trò của bạn đã thay đổi',
      body: rolesText(user.roles) || 'Tài khoản hiện không có vai trò nào.',
      link: '/organizations',
    },
    ctx.clock.now(),
  );
}

/** A temporary password, readable over the phone: 12 characters without look-alikes (0/O, 1/l). */
function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from(randomBytes(12), (b) => alphabet[b % alphabet.length]).join('');
}

export async function resetPassword(ctx: Ctx, id: string): Promise<{ temporaryPassword: string }> {
  requireManage(ctx);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx.db, async (tx) => {
    const [u] = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        version: sql`${users.version} + 1`,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (!u) throw notFound('USER_NOT_FOUND');
    await deleteUserSessions(tx, id);
    await recordAudit(
      tx,
      ctx.actor,
      { action: 'user.password_reset', entity: 'user', entityId: id, organizationId: null },
      ctx.clock.now(),
    );
  });
  return { temporaryPassword: password };
}

/** For the first administrator on a production start (`npm run admin:create`). */
export async function createAdministrator(tx: Tx, input: NewAccount, now: Date) {
  const account = await prepareAccount(input);
  return insertAccount(tx, account, [{ role: 'admin', organizationId: null }], null, now);
}
