import { pageOf } from '../../http/paging.js';
import { type App, ctxOf, type Deps } from '../../http/route.js';
import { userOut } from './presenter.js';
import { createUserBody, listUsersQuery, passwordResetOut, updateUserBody, userParams } from './schema.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './service.js';

const tags = ['Tài khoản'];

export function userRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/users',
    {
      config: { action: 'user.read' },
      schema: { tags, querystring: listUsersQuery, response: { 200: pageOf(userOut) } },
    },
    (req) => listUsers(ctxOf(deps, req), req.query),
  );
  app.post(
    '/api/v1/users',
    { config: { action: 'user.manage' }, schema: { tags, body: createUserBody, response: { 201: userOut } } },
    async (req, reply) => reply.code(201).send(await createUser(ctxOf(deps, req), req.body)),
  );
  app.get(
    '/api/v1/users/:id',
    { config: { action: 'user.read' }, schema: { tags, params: userParams, response: { 200: userOut } } },
    (req) => getUser(ctxOf(deps, req), req.params.id),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      config: { action: 'user.manage' },
      schema: { tags, params: userParams, body: updateUserBody, response: { 200: userOut } },
    },
    (req) => updateUser(ctxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/users/:id/password-reset',
    {
      config: { action: 'user.manage' },
      schema: { tags, params: userParams, response: { 200: passwordResetOut } },
    },
    (req) => resetPassword(ctxOf(deps, req), req.params.id),
  );
}
