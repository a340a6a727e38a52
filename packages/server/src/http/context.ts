import type { Action, Actor } from '../auth/policy.js';
import type { Clock } from '../config.js';
import type { Db } from '../db/client.js';

/** What a service needs from the request: who acts, on which database, at what time. */
export interface Ctx {
  db: Db;
  actor: Actor;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** The policy action the route performs; `public` routes need no session. */
    action?: Action | 'public' | 'session';
  }
}
