import type { Role } from '@daihoi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Every route names one of these; `can` is the only door. */
export const ACTIONS = [
  'organization.read',
  'organization.create',
  'organization.update',
  'organization.move',
  'term.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'audit.verify',
  'file.upload',
  'file.read',
  'file.delete',
  'notification.read',
  'system.read',
  'system.backup',
  'member.read',
  'member.manage',
  'member.export',
  'document.read',
  'document.manage',
  'document.receive',
  'dissemination.read',
  'dissemination.manage',
  'congress.read',
  'congress.manage',
  'congress.approve',
  'calendar.read',
  'calendar.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How far a role's assignment reaches for an action: `system` everything, `subtree` the organization and all
 * below it, `below` only what is strictly below it (an office cannot move its own committee away), `self`
 * the organization alone (a member reads their own organization), `own` the member record linked to the
 * actor's account and nothing else, wherever that record belongs.
 */
type Reach = 'system' | 'subtree' | 'below' | 'self' | 'own';

const POLICY: Record<Action, Partial<Record<Role, Reach>>> = {
  'organization.read': {
    admin: 'system',
    office: 'subtree',
    secretary: 'subtree',
    inspector: 'subtree',
    member: 'self',
  },
  'organization.create': { admin: 'system', office: 'subtree', secretary: 'subtree' },
  'organization.update': { admin: 'system', office: 'subtree', secretary: 'subtree' },
  'organization.move': { admin: 'system', office: 'below', secretary: 'below' },
  'term.manage': { admin: 'system', office: 'subtree', secretary: 'subtree' },
  'user.read': { admin: 'system' },
  'user.manage': { admin: 'system' },
  'audit.read': {
    admin: 'system',
    office: 'subtree',
    secretary: 'subtree',
    inspector: 'subtree',
    member: 'self',
  },
  'audit.verify': { admin: 'system' },
  'system.read': { admin: 'system' },
  'system.backup': { admin: 'system' },
  'file.upload': {
    admin: 'system',
    office: 'subtree',
    secretary: 'subtree',
    inspector: 'subtree',
    member: 'self',
  },
  'file.read': {
    admin: 'system',
    office: 'subtree',
    secretary: 'subtree',
    inspector: 'subtree',
    member: 'self',
  },
  // Whoever uploaded a file may delete it as long as they still read it; the service adds that rule.
  'file.delete': { admin: 'system', office: 'subtree', secretary: 'subtree' },
  // Everyone reads their own notifications only; no organization is involved.
  'notification.read': {
    admin: 'system',
    office: 'system',
    secretary: 'system',
    inspector: 'system',
    member: 'system',
  },
  // Personal data: a member reads their own record only, not their cell's.
  'member.read': {
    admin: 'system',
    office: 'subtree',
    secretary: 'subtree',
    inspector: 'subtree',
    member: 'own',
  },
  'member.manage': { admin: 'system', office: 'subtree', secretary: 'subtree' },
  'member.export': { admin: 'system', office: 'subtree', secretary: 'subtree', inspector: 'subtree' },
  // A document is read where it is registered and wherever it was sent; the service adds the second part.
  'document.read': {
    admin: 'system',
    office: 'subtree',
    secretary: 'subtree',
    inspector: 'subtree',
    member: 'self',
  },
  'document.manage': { admin: 'system', office: 'subtree', secretary: 'subtree' },
  // Receipt and the report of implementation are the receiving committee's own word, not its superiors'.
  'document.receive': { admin: 'system', office: 'self', secretary: 'self' },
  'dissemination.read': {
    admin: 'system',
    office: 'subtree',
    secretary: 'subtree',
    inspector: 'subtree',
    member: 'self',
  },
  'dissemination.manage': { admin: 'system', office: 'subtree', secretary: 'subtree' },
  'congress.read': {
    admin: 'system',
    office: 'subtree',
    secretary: 'subtree',
    inspector: 'subtree',
    member: 'self',
  },
  'congress.manage': { admin: 'system', office: 'subtree', secretary: 'subtree' },
  // What an organization submits is decided by the committees above it, never by its own.
  'congress.approve': { admin: 'system', office: 'below', secretary: 'below' },
  // The calendar of days off is the country's: everyone reads it, an administrator corrects it.
  'calendar.read': {
    admin: 'system',
    office: 'system',
    secretary: 'system',
    inspector: 'system',
    member: 'system',
  },
  'calendar.manage': { admin: 'system' },
};

export interface Assignment {
  role: Role;
  organizationId: string | null;
  /** Materialized path of the organization ('/…/id/'), null for admin. */
  path: string | null;
}

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  assignments: Assignment[];
  /** The member record linked to the account (reach `own`). */
  memberId?: string | null;
}

/** What an action targets: an organization, or (with `memberId`) a member record belonging to it. */
export interface OrgRef {
  id: string;
  path: string;
  memberId?: string;
}

function reaches(reach: Reach, a: Assignment, org: OrgRef | null, actor: Actor): boolean {
  if (reach === 'system') return true;
  if (reach === 'own') return !!org?.memberId && org.memberId === actor.memberId;
  if (!org || !a.path || !a.organizationId) return false;
  if (reach === 'self') return org.id === a.organizationId;
  if (reach === 'below') return org.path.startsWith(a.path) && org.id !== a.organizationId;
  return org.path.startsWith(a.path);
}

/** May the actor do `action` on `org` (null: a system-wide action such as managing accounts)? */
export function can(actor: Actor, action: Action, org: OrgRef | null): boolean {
  const policy = POLICY[action];
  return actor.assignments.some((a) => {
    const reach = policy[a.role];
    return reach !== undefined && reaches(reach, a, org, actor);
  });
}

/**
 * Whether the actor may do `action` on `org` and on everything below it. Lists inside such a subtree need no
 * scope condition beyond the subtree's own; adding the same path test twice misleads the planner.
 */
export function canWholeSubtree(actor: Actor, action: Action, org: OrgRef): boolean {
  const policy = POLICY[action];
  return actor.assignments.some((a) => {
    const reach = policy[a.role];
    return reach === 'system' || (reach === 'subtree' && a.path !== null && org.path.startsWith(a.path));
  });
}

/** Whether any assignment gives the action at all, wherever: used to hide whole areas. */
export function canAnywhere(actor: Actor, action: Action): boolean {
  const policy = POLICY[action];
  return actor.assignments.some((a) => policy[a.role] !== undefined);
}

/**
 * The same rule as `can`, as a SQL condition on an organization's path and id columns, so that lists are
 * filtered in the database and never after loading. Lists of member records pass their id column as
 * `memberId` for the reach `own`.
 */
export function reachCondition(
  actor: Actor,
  action: Action,
  path: AnyPgColumn | SQL,
  id: AnyPgColumn | SQL,
  memberId?: AnyPgColumn | SQL,
): SQL {
  const policy = POLICY[action];
  const parts: SQL[] = [];
  for (const a of actor.assignments) {
    const reach = policy[a.role];
    if (reach === undefined) continue;
    if (reach === 'system') return sql`true`;
    if (reach === 'own') {
      if (memberId && actor.memberId) parts.push(sql`${memberId} = ${actor.memberId}`);
      continue;
    }
    if (!a.path || !a.organizationId) continue;
    if (reach === 'self') parts.push(sql`${id} = ${a.organizationId}`);
    else if (reach === 'subtree') parts.push(sql`${path} LIKE ${`${a.path}%`}`);
    else parts.push(sql`(${path} LIKE ${`${a.path}%`} AND ${id} <> ${a.organizationId})`);
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export const isAdmin = (actor: Actor) => actor.assignments.some((a) => a.role === 'admin');
