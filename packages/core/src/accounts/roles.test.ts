import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRole, isValidUsername, normalizeUsername, ROLES, validatePassword } from './roles.js';

describe('roles', () => {
  it('are the five roles of DESIGN.md §4', () => {
    expect(ROLES).toEqual(['admin', 'office', 'secretary', 'member', 'inspector']);
    expect(isRole('secretary')).toBe(true);
    expect(isRole('Secretary')).toBe(false);
    expect(isRole('owner')).toBe(false);
  });
});

describe('validatePassword', () => {
  it('needs 8 to 200 characters', () => {
    expect(validatePassword('')).toBe('PASSWORD_TOO_SHORT');
    expect(validatePassword('1234567')).toBe('PASSWORD_TOO_SHORT');
    expect(validatePassword('12345678')).toBeNull();
    expect(validatePassword('x'.repeat(200))).toBeNull();
    expect(validatePassword('x'.repeat(201))).toBe('PASSWORD_TOO_LONG');
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(validatePassword('🔑🔑🔑🔑')).toBe('PASSWORD_TOO_SHORT');
    expect(validatePassword('Đảng viên')).toBeNull();
    expect(validatePassword('🔑'.repeat(200))).toBeNull();
  });

  it('agrees with the length rule for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 220 }), (password) => {
        const length = [...password].length;
        const expected = length < 8 ? 'PASSWORD_TOO_SHORT' : length > 200 ? 'PASSWORD_TOO_LONG' : null;
        expect(validatePassword(password)).toBe(expected);
      }),
    );
  });
});

describe('usernames', () => {
  it('normalize by trimming and lower-casing', () => {
    expect(normalizeUsername('  VanPhong.TinhUy ')).toBe('vanphong.tinhuy');
  });

  it('accept 3–64 characters of a-z 0-9 . _ - starting with a letter or digit', () => {
    for (const name of ['abc', 'van_phong', 'bt.xa-an-phu', '2025.dh', ' Admin ', 'a'.repeat(64)]) {
      expect(isValidUsername(name)).toBe(true);
    }
    for (const name of ['ab', '', '.abc', '_abc', '-abc', 'a b', 'nguyễn', 'a@b', 'a'.repeat(65), 'a/b']) {
      expect(isValidUsername(name)).toBe(false);
    }
  });

  it('are valid exactly when the normalized form matches the pattern', () => {
    const unit = fc.constantFrom(...'abcXYZ019._- @đ');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 70 }), (name) => {
        const normalized = normalizeUsername(name);
        expect(isValidUsername(name)).toBe(/^[a-z0-9][a-z0-9._-]{2,63}$/.test(normalized));
        expect(normalizeUsername(normalized)).toBe(normalized);
      }),
    );
  });
});
