import { z } from 'zod';
import { can } from '../auth/policy.js';
import { forbidden } from '../http/errors.js';
import { text } from '../http/fields.js';
import { pageOf, pageQuery } from '../http/paging.js';
import { type App, ctxOf, type Deps } from '../http/route.js';
import { listAuditEvents, verifyAuditChain } from './service.js';

const tags = ['Nhật ký'];

const auditEventOut = z.object({
  id: z.string(),
  seq: z.number(),
  occurredAt: z.string(),
  actor: z.object({ id: z.string(), username: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  organizationId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

const listQuery = z.strictObject({
  limit: pageQuery.limit,
  cursor: z.coerce.number().int().positive().optional(),
  entity: text().max(50).optional(),
  entityId: text().max(100).optional(),
  organizationId: z.uuid().optional(),
});

const verifyOut = z.union([
  z.object({ ok: z.literal(true), events: z.number() }),
  z.object({
    ok: z.literal(false),
    events: z.number(),
    brokenAt: z.object({ seq: z.number(), id: z.string() }),
  }),
]);

export function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/audit-events',
    {
      config: { action: 'audit.read' },
      schema: { tags, querystring: listQuery, response: { 200: pageOf(auditEventOut) } },
    },
    async (req) => {
      const { items, nextCursor } = await listAuditEvents(
        deps.database.db,
        ctxOf(deps, req).actor,
        req.query,
      );
      return {
        nextCursor,
        items: items.map((e) => ({
          id: e.id,
          seq: e.seq,
          occurredAt: e.occurredAt.toISOString(),
          actor: e.actorId
            ? { id: e.actorId, username: e.actorUsername ?? '', displayName: e.actorDisplayName ?? '' }
            : null,
          action: e.action,
          entity: e.entity,
          entityId: e.entityId,
          organizationId: e.organizationId,
          before: e.before,
          after: e.after,
        })),
      };
    },
  );
  app.get(
    '/api/v1/audit-events/verify',
    { config: { action: 'audit.verify' }, schema: { tags, response: { 200: verifyOut } } },
    async (req) => {
      if (!can(ctxOf(deps, req).actor, 'audit.verify', null)) throw forbidden();
      return verifyAuditChain(deps.database.db);
    },
  );
}
