import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@daihoi/core';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { organizations } from '../modules/organizations/tables.js';
import { roleAssignments, users } from '../modules/users/tables.js';
import type { Actor } from './policy.js';
import { sessions } from './tables.js';

export const SESSION_COOKIE = 'daihoi_session';

const token = () => randomBytes(32).toString('base64url');
const tokenId = (t: string) => createHash('sha256').update(t).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  now: Date,
  ttlMs: number,
  meta: { ip?: string; userAgent?: string | undefined },
): Promise<NewSession> {
  const s = { token: token(), csrfToken: token(), expiresAt: new Date(now.getTime() + ttlMs) };
  await db.insert(sessions).values({
    id: tokenId(s.token),
    userId,
    csrfToken: s.csrfToken,
    createdAt: now,
    expiresAt: s.expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return s;
}

export async function deleteSession(db: DbOrTx, sessionToken: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenId(sessionToken)));
}

export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteOtherSessions(db: DbOrTx, userId: string, keepToken: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, tokenId(keepToken))));
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export interface SessionContext {
  actor: Actor;
  csrfToken: string;
}

// The account's roles with their organizations' paths, gathered in the same statement as the session:
// every authenticated request pays for one round trip, not two.
const assignmentsOfUser = sql<Actor['assignments']>`coalesce((
  SELECT json_agg(json_build_object('role', ra.role, 'organizationId', ra.organization_id, 'path', ro.path))
    FROM role_assignments ra LEFT JOIN organizations ro ON ro.id = ra.organization_id
   WHERE ra.user_id = ${users.id}), '[]'::json)`;

/** The live session behind a cookie, with the account's current roles (so a change takes effect at once). */
export async function resolveSession(
  db: DbOrTx,
  sessionToken: string,
  now: Date,
): Promise<SessionContext | null> {
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      mustChangePassword: users.mustChangePassword,
      memberId: users.memberId,
      assignments: assignmentsOfUser,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, tokenId(sessionToken)), gt(sessions.expiresAt, now), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  const { csrfToken, ...actor } = row;
  return { csrfToken, actor };
}

export async function loadAssignments(db: DbOrTx, userId: string): Promise<Actor['assignments']> {
  const rows = await db
    .select({
      role: roleAssignments.role,
      organizationId: roleAssignments.organizationId,
      path: organizations.path,
    })
    .from(roleAssignments)
    .leftJoin(organizations, eq(organizations.id, roleAssignments.organizationId))
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => ({ role: r.role as Role, organizationId: r.organizationId, path: r.path }));
}
