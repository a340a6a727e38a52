import { ROLES, type Role } from '@daihoi/core';
import { isApiError, request, setCsrfToken } from '../../app/api';

export const ROLE_CODES = ROLES;
export type { Role };

export interface RoleAssignment {
  role: Role;
  organizationId: string | null;
  organizationName?: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  roles: RoleAssignment[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Session {
  user: User;
  roles: RoleAssignment[];
  csrfToken: string;
}

export interface SystemInfo {
  name: string;
  version: string;
  demo: boolean;
  today: string;
  database: 'embedded' | 'server';
}

/** The signed-in session, or null when nobody is signed in. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const me = await request<Session>('/auth/me');
    setCsrfToken(me.csrfToken);
    return { ...me, roles: me.roles ?? me.user.roles ?? [] };
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(username: string, password: string): Promise<Session> {
  const result = await request<{ user: User; csrfToken: string }>('/auth/login', {
    method: 'POST',
    body: { username, password },
  });
  setCsrfToken(result.csrfToken);
  return { user: result.user, roles: result.user.roles ?? [], csrfToken: result.csrfToken };
}

export async function logout(): Promise<void> {
  try {
    await request<void>('/auth/logout', { method: 'POST' });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return request<void>('/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}

export function fetchSystemInfo(): Promise<SystemInfo> {
  return request<SystemInfo>('/system/info');
}
