import type { RoleLike } from '../../app/permissions';

const MANAGING = new Set(['office', 'secretary']);

/**
 * The committee a clerk usually works for: the organization of their first office or secretary role,
 * else of any role. Null for an administrator without one (they choose).
 */
export function ownCommitteeId(roles: readonly RoleLike[]): string | null {
  const managing = roles.find((r) => MANAGING.has(r.role) && r.organizationId);
  return managing?.organizationId ?? roles.find((r) => r.organizationId)?.organizationId ?? null;
}

/** The issuing body of an organization, as the server writes it: a đảng bộ issues through its Đảng ủy. */
export function committeeName(organizationName: string): string {
  return organizationName.replace(/^Đảng bộ/u, 'Đảng ủy');
}
