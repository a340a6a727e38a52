import { infiniteQueryOptions } from '@tanstack/react-query';
import { type Page, request } from '../../app/api';
import type { Role, RoleAssignment, User } from '../auth/api';

export interface RoleInput {
  role: Role;
  organizationId: string | null;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  roles: RoleInput[];
}

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  roles?: RoleInput[];
  active?: boolean;
}

export const USERS_KEY = 'users';

export const usersQuery = (q: string) =>
  infiniteQueryOptions({
    queryKey: [USERS_KEY, 'list', q],
    queryFn: ({ pageParam, signal }) =>
      request<Page<User>>('/users', { query: { q, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function createUser(input: CreateUserInput) {
  return request<User>('/users', { method: 'POST', body: input });
}

export function updateUser(id: string, input: UpdateUserInput) {
  return request<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
}

export function resetPassword(id: string) {
  return request<{ temporaryPassword: string }>(`/users/${encodeURIComponent(id)}/password-reset`, {
    method: 'POST',
  });
}

export function toRoleInputs(roles: readonly RoleAssignment[]): RoleInput[] {
  return roles.map((r) => ({ role: r.role, organizationId: r.role === 'admin' ? null : r.organizationId }));
}
