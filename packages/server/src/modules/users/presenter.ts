import { z } from 'zod';

export const roleOut = z.object({
  role: z.enum(['admin', 'office', 'secretary', 'member', 'inspector']),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
});

export const userOut = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  roles: z.array(roleOut),
  memberId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserOut = z.infer<typeof userOut>;

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  memberId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type RoleRow = z.infer<typeof roleOut>;

/** What a client sees of an account: never the hash, the lock-out counters or the sessions. */
export function presentUser(u: UserRow, roles: RoleRow[]): UserOut {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    roles,
    memberId: u.memberId,
    version: u.version,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
