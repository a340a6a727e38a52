import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type App, ctxOf, type Deps } from '../http/route.js';
import { roleOut, userOut } from '../modules/users/presenter.js';
import { findUser } from '../modules/users/service.js';
import { changeOwnPassword, login, logout } from './service.js';
import { SESSION_COOKIE } from './sessions.js';

const tags = ['Đăng nhập'];
const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
const passwordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().max(200),
});

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    expires,
  });
}

export function authRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/auth/login',
    {
      config: { action: 'public', rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        body: loginBody,
        response: { 200: z.object({ user: userOut, csrfToken: z.string() }) },
      },
    },
    async (req, reply) => {
      const { session, user } = await login(
        deps.database.db,
        deps.config,
        req.body.username,
        req.body.password,
        {
          ip: req.ip,
          userAgent: req.headers['user-agent'],
          previousToken: req.cookies[SESSION_COOKIE],
        },
      );
      setSessionCookie(req, reply, session.token, session.expiresAt);
      return { user, csrfToken: session.csrfToken };
    },
  );
  app.post('/api/v1/auth/logout', { config: { action: 'session' }, schema: { tags } }, async (req, reply) => {
    await logout(deps.database.db, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
  app.get(
    '/api/v1/auth/me',
    {
      config: { action: 'session' },
      schema: {
        tags,
        response: { 200: z.object({ user: userOut, roles: z.array(roleOut), csrfToken: z.string() }) },
      },
    },
    async (req) => {
      const user = (await findUser(deps.database.db, ctxOf(deps, req).actor.userId))!;
      return { user, roles: user.roles, csrfToken: req.csrfToken! };
    },
  );
  app.post(
    '/api/v1/auth/password',
    { config: { action: 'session' }, schema: { tags, body: passwordBody } },
    async (req, reply) => {
      await changeOwnPassword(
        ctxOf(deps, req),
        req.body.currentPassword,
        req.body.newPassword,
        req.cookies[SESSION_COOKIE]!,
      );
      return reply.code(204).send();
    },
  );
}
