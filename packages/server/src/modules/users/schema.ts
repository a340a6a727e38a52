import { ROLES } from '@daihoi/core';
import { z } from 'zod';
import { text } from '../../http/fields.js';
import { pageQuery } from '../../http/paging.js';

export const roleIn = z.strictObject({
  role: z.enum(ROLES),
  organizationId: z.uuid().nullable().optional(),
});

const displayName = text().trim().min(1).max(200);

export const createUserBody = z.strictObject({
  username: z.string().max(64),
  displayName,
  password: z.string().max(200),
  roles: z.array(roleIn).max(50).default([]),
});

export const updateUserBody = z.strictObject({
  version: z.number().int().positive(),
  displayName: displayName.optional(),
  roles: z.array(roleIn).max(50).optional(),
  active: z.boolean().optional(),
  /** The member record of the person who signs in with the account; null unlinks it. */
  memberId: z.uuid().nullable().optional(),
});

export const listUsersQuery = z.strictObject({ ...pageQuery, q: text().max(200).optional() });
export const userParams = z.strictObject({ id: z.uuid() });
export const passwordResetOut = z.object({ temporaryPassword: z.string() });

export type CreateUserInput = z.infer<typeof createUserBody>;
export type UpdateUserInput = z.infer<typeof updateUserBody>;
export type RoleInput = z.infer<typeof roleIn>;
