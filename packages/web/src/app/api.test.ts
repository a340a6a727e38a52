import { describe, expect, it } from 'vitest';
import { buildUrl, parseFieldIssues } from './api';

describe('parseFieldIssues', () => {
  it('turns validation details into form field paths', () => {
    expect(
      parseFieldIssues([
        { path: 'code', message: 'Mã tổ chức đã được dùng.' },
        { path: ['roles', 0, 'organizationId'], message: 'Cần chọn tổ chức.' },
        { path: 'roles.1.role', message: 'Sai vai trò.' },
        { message: 'no path' },
        'junk',
      ]),
    ).toEqual([
      { path: ['code'], message: 'Mã tổ chức đã được dùng.' },
      { path: ['roles', 0, 'organizationId'], message: 'Cần chọn tổ chức.' },
      { path: ['roles', 1, 'role'], message: 'Sai vai trò.' },
    ]);
    expect(parseFieldIssues({ currentVersion: 3 })).toEqual([]);
  });

  it('gives a bare path the main message', () => {
    expect(parseFieldIssues([{ path: 'code' }], 'Mã tổ chức đã được dùng.')).toEqual([
      { path: ['code'], message: 'Mã tổ chức đã được dùng.' },
    ]);
    expect(parseFieldIssues([{ path: 'code' }])).toEqual([]);
  });
});

describe('buildUrl', () => {
  it('drops empty parameters', () => {
    expect(
      buildUrl('/organizations', { q: 'so tai chinh', parentId: undefined, scopeRoots: true, cursor: '' }),
    ).toBe('/api/v1/organizations?q=so+tai+chinh&scopeRoots=true');
  });
});
