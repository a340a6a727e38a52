import { validatePassword } from '@daihoi/core';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.js';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { inTransaction } from '../db/tx.js';
import type { Ctx } from '../http/context.js';
import { AppError, badRequest } from '../http/errors.js';
import { findUser } from '../modules/users/service.js';
import { users } from '../modules/users/tables.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { createSession, deleteOtherSessions, deleteSession, loadAssignments } from './sessions.js';

export interface LoginMeta {
  ip?: string;
  userAgent?: string | undefined;
  /** The session cookie presented, if any: it is ended, so a sign-in always starts a fresh session. */
  previousToken?: string | undefined;
}

/**
 * Checks the password; after `maxFailedLogins` failures in a row the account is held back for
 * `lockoutMs` whatever the password (the per-address limit is the HTTP layer's).
 */
export async function login(db: Db, config: Config, username: string, password: string, meta: LoginMeta) {
  const now = config.clock.now();
  const [u] = await db.select().from(users).where(eq(users.username, username.trim().toLowerCase()));
  if (!u) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw new AppError(401, 'INVALID_CREDENTIALS');
  }
  if (u.lockedUntil && u.lockedUntil > now) throw new AppError(429, 'TOO_MANY_ATTEMPTS');
  const ok = (await verifyPassword(u.passwordHash, password)) && u.active;
  if (!ok) {
    const failures = u.failedLogins + 1;
    const lock = failures >= config.maxFailedLogins;
    await db
      .update(users)
      .set({
        failedLogins: lock ? 0 : failures,
        lockedUntil: lock ? new Date(now.getTime() + config.lockoutMs) : null,
      })
      .where(eq(users.id, u.id));
    throw new AppError(lock ? 429 : 401, lock ? 'TOO_MANY_ATTEMPTS' : 'INVALID_CREDENTIALS');
  }
  return inTransaction(db, async (tx) => {
    if (meta.previousToken) await deleteSession(tx, meta.previousToken);
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id));
    const session = await createSession(tx, u.id, now, config.sessionTtlMs, meta);
    const actor = {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      mustChangePassword: u.mustChangePassword,
      assignments: await loadAssignments(tx, u.id),
    };
    await recordAudit(
      tx,
      actor,
      {
        action: 'auth.login',
        entity: 'user',
        entityId: u.id,
        organizationId: null,
        after: { ip: meta.ip ?? null },
      },
      now,
    );
    return { session, user: (await findUser(tx, u.id))! };
  });
}

export async function logout(db: Db, token: string | undefined): Promise<void> {
  if (token) await deleteSession(db, token);
}

/** Changes one's own password; every other session of the account ends, this one stays. */
export async function changeOwnPassword(ctx: Ctx, current: string, next: string, keepToken: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!u || !(await verifyPassword(u.passwordHash, current)))
    throw badRequest('PASSWORD_WRONG', [{ path: 'currentPassword' }]);
  const problem = validatePassword(next);
  if (problem) throw badRequest(problem, [{ path: 'newPassword' }]);
  if (current === next) throw badRequest('PASSWORD_SAME', [{ path: 'newPassword' }]);
  const passwordHash = await hashPassword(next);
  await inTransaction(ctx.db, async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        version: sql`${users.version} + 1`,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(users.id, u.id));
    await deleteOtherSessions(tx, u.id, keepToken);
    await recordAudit(
      tx,
      ctx.actor,
      { action: 'auth.password_change', entity: 'user', entityId: u.id, organizationId: null },
      ctx.clock.now(),
    );
  });
}
