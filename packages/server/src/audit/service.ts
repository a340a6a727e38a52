import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import { type Actor, reachCondition } from '../auth/policy.js';
import type { DbOrTx, Tx } from '../db/client.js';
import { newId } from '../db/columns.js';
import { notFound } from '../http/errors.js';
import { organizations } from '../modules/organizations/tables.js';
import { auditEvents } from './tables.js';

export const GENESIS_HASH = '0'.repeat(64);
// Any constant: every appender takes this lock so that the chain has exactly one "previous" event.
const AUDIT_LOCK_KEY = 734_1971;

export interface AuditInput {
  action: string;
  entity: string;
  entityId: string;
  organizationId: string | null;
  before?: unknown;
  after?: unknown;
}

type AuditRow = typeof auditEvents.$inferSelect;

/** The exact bytes an event's hash covers: every stored field but the hash itself, keys sorted. */
function canonical(e: Omit<AuditRow, 'hash'>): string {
  return stringify({
    seq: e.seq,
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    actorDisplayName: e.actorDisplayName,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    organizationId: e.organizationId,
    before: e.before ?? null,
    after: e.after ?? null,
    prevHash: e.prevHash,
  }) as string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** JSON round trip: what jsonb will give back (dates as strings, no undefined), so the hash verifies later. */
const asJson = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));

/** Appends an event inside the caller's transaction; it commits with the write it records. */
export async function recordAudit(tx: Tx, actor: Actor | null, input: AuditInput, now: Date): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const event = {
    seq: (last?.seq ?? 0) + 1,
    id: newId(),
    occurredAt: now,
    actorId: actor?.userId ?? null,
    actorUsername: actor?.username ?? null,
    actorDisplayName: actor?.displayName ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    organizationId: input.organizationId,
    before: asJson(input.before),
    after: asJson(input.after),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...event, hash: sha256(canonical(event)) });
}

export type VerifyResult =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: { seq: number; id: string } };

/** Walks the whole chain in order, in batches, and names the first event whose hash or link is wrong. */
export async function verifyAuditChain(db: DbOrTx): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(2000);
    if (batch.length === 0) return { ok: true, events: count };
    for (const row of batch) {
      const { hash, ...rest } = row;
      const expectedSeq = lastSeq + 1;
      if (row.seq !== expectedSeq || row.prevHash !== prev || sha256(canonical(rest)) !== hash) {
        return { ok: false, events: count, brokenAt: { seq: row.seq, id: row.id } };
      }
      prev = hash;
      lastSeq = row.seq;
      count++;
    }
  }
}

export interface AuditQuery {
  entity?: string | undefined;
  entityId?: string | undefined;
  organizationId?: string | undefined;
  limit: number;
  cursor?: number | undefined;
}

/**
 * Newest first, only what the actor may see: events of organizations within reach (through the
 * organization's current path), and events without an organization (accounts) for administrators only.
 */
export async function listAuditEvents(db: DbOrTx, actor: Actor, q: AuditQuery) {
  if (q.organizationId) {
    // An organization outside the actor's reach answers 404, as everywhere else.
    const [org] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        and(
          eq(organizations.id, q.organizationId),
          reachCondition(actor, 'audit.read', organizations.path, organizations.id),
        ),
      );
    if (!org) throw notFound('ORG_NOT_FOUND');
  }
  const conditions: SQL[] = [];
  if (q.entity) conditions.push(eq(auditEvents.entity, q.entity));
  if (q.entityId) conditions.push(eq(auditEvents.entityId, q.entityId));
  if (q.organizationId) conditions.push(eq(auditEvents.organizationId, q.organizationId));
  if (q.cursor !== undefined) conditions.push(lt(auditEvents.seq, q.cursor));
  const reach = reachCondition(actor, 'audit.read', organizations.path, organizations.id);
  conditions.push(sql`(${reach} OR (${auditEvents.organizationId} IS NULL AND ${reachSystem(actor)}))`);
  const rows = await db
    .select({ event: auditEvents })
    .from(auditEvents)
    .leftJoin(organizations, eq(organizations.id, auditEvents.organizationId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit).map((r) => r.event);
  const nextCursor = rows.length > q.limit ? String(items.at(-1)?.seq) : null;
  return { items, nextCursor };
}

const reachSystem = (actor: Actor) =>
  actor.assignments.some((a) => a.role === 'admin') ? sql`true` : sql`false`;
