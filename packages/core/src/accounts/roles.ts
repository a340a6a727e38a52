/** Roles of a role assignment (user, role, organization); see DESIGN.md §4. */
export const ROLES = ['admin', 'office', 'secretary', 'member', 'inspector'] as const;

export type Role = (typeof ROLES)[number];

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordError = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The error code of an unacceptable password, or null. Length counts characters (code points). */
export function validatePassword(password: string): PasswordError | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'PASSWORD_TOO_LONG';
  return null;
}

/** The stored form of a username: trimmed, lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** 3–64 characters of a-z 0-9 . _ - after normalizing, starting with a letter or digit. */
export function isValidUsername(username: string): boolean {
  return USERNAME.test(normalizeUsername(username));
}

/** Vietnamese role names, for what the server writes itself (notifications, exports). */
export const ROLE_LABELS_VI: Readonly<Record<Role, string>> = {
  admin: 'Quản trị hệ thống',
  office: 'Văn phòng, Ban Tổ chức',
  secretary: 'Bí thư',
  member: 'Đảng viên',
  inspector: 'Ủy ban Kiểm tra',
};
