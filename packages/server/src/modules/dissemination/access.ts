import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, reachCondition } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { ACTIVE_STATUSES } from '../members/service.js';
import { members } from '../members/tables.js';
import { organizations } from '../organizations/tables.js';
import { disseminationSessions, sessionAttendance, sessionOrganizations } from './tables.js';

const s = disseminationSessions;
const o = organizations;
const m = members;
const a = sessionAttendance;

/** Sessions the actor reads: hosted within reach, or to which an organization within reach was invited. */
export function sessionReadable(actor: Actor): SQL {
  const hosted = sql`EXISTS (SELECT 1 FROM organizations ho WHERE ho.id = ${s.organizationId} AND ${reachCondition(actor, 'dissemination.read', sql`ho.path`, sql`ho.id`)})`;
  const invited = sql`EXISTS (SELECT 1 FROM dissemination_session_organizations si JOIN organizations io ON io.id = si.organization_id
    WHERE si.session_id = ${s.id} AND ${reachCondition(actor, 'dissemination.read', sql`io.path`, sql`io.id`)})`;
  return sql`(${hosted} OR ${invited})`;
}

/** The session if the actor reads it, with its host; otherwise 404. */
export async function findVisibleSession(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ session: s, host: { id: o.id, name: o.name, path: o.path } })
    .from(s)
    .innerJoin(o, eq(o.id, s.organizationId))
    .where(and(eq(s.id, id), sessionReadable(actor)));
  if (!row) throw notFound('SESSION_NOT_FOUND');
  return row;
}

/** Members expected at a session: the active members of the invited organizations and everything below them. */
export const expected = (sessionId: string) => sql`${inArray(m.status, [...ACTIVE_STATUSES])} AND EXISTS (
  SELECT 1 FROM dissemination_session_organizations si JOIN organizations io ON io.id = si.organization_id
   WHERE si.session_id = ${sessionId} AND ${m.organizationPath} LIKE io.path || '%')`;

export async function attendanceCounts(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({
      expected: sql<number>`(SELECT count(*)::int FROM members WHERE ${expected(sessionId)})`,
      present: sql<number>`count(*) FILTER (WHERE ${a.status} = 'present')::int`,
      absent: sql<number>`count(*) FILTER (WHERE ${a.status} = 'absent')::int`,
    })
    .from(a)
    .where(eq(a.sessionId, sessionId));
  return {
    expected: Number(row?.expected ?? 0),
    present: Number(row?.present ?? 0),
    absent: Number(row?.absent ?? 0),
  };
}

/**
 * Whether the actor may record anyone's attendance here: besides the host's managers, the committees of the
 * invited organizations and of those below them record their own members.
 */
export async function recordsSome(db: DbOrTx, actor: Actor, sessionId: string): Promise<boolean> {
  const invited = await db
    .select({ path: o.path })
    .from(sessionOrganizations)
    .innerJoin(o, eq(o.id, sessionOrganizations.organizationId))
    .where(eq(sessionOrganizations.sessionId, sessionId));
  return actor.assignments.some(
    (a) =>
      a.role === 'admin' ||
      ((a.role === 'office' || a.role === 'secretary') &&
        a.path !== null &&
        invited.some((i) => a.path!.startsWith(i.path) || i.path.startsWith(a.path!))),
  );
}
