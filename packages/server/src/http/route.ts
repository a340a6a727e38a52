import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Ctx } from './context.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface Deps {
  database: Database;
  config: Config;
}

/** The service context of an authenticated request (the auth hook has set the actor). */
export function ctxOf(deps: Deps, req: FastifyRequest): Ctx {
  if (!req.actor) throw new Error('route without a session reached a service');
  return { db: deps.database.db, actor: req.actor, clock: deps.config.clock };
}
