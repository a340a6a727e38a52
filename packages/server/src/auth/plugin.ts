import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { resolveSession, SESSION_COOKIE } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie into `request.actor`, then enforces, route by route: a session unless the
 * route is public, the CSRF header on every state-changing request, and a pending forced password change.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; config: Config }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const action = req.routeOptions.config?.action;
    if (action === undefined || action === 'public') return;
    const cookie = req.cookies[SESSION_COOKIE];
    const session = cookie ? await resolveSession(opts.db, cookie, opts.config.clock.now()) : null;
    if (!session) throw new AppError(401, 'UNAUTHENTICATED');
    req.actor = session.actor;
    req.csrfToken = session.csrfToken;
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, session.csrfToken))
        throw new AppError(403, 'CSRF_INVALID');
    }
    if (session.actor.mustChangePassword && action !== 'session')
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED');
  });
});
