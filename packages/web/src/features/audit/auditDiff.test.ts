import { describe, expect, it } from 'vitest';
import { auditDiff, entitySummary, sameJson } from './auditDiff';

describe('auditDiff', () => {
  it('lists only the fields that changed, hiding bookkeeping', () => {
    const before = { id: 'x', name: 'Chi bộ A', code: 'CB1', version: 1, updatedAt: '2020-01-01T00:00:00Z' };
    const after = { id: 'x', name: 'Chi bộ Á', code: 'CB1', version: 2, updatedAt: '2020-02-01T00:00:00Z' };
    expect(auditDiff(before, after)).toEqual([{ field: 'name', before: 'Chi bộ A', after: 'Chi bộ Á' }]);
  });

  it('shows every filled field of a creation', () => {
    expect(auditDiff(null, { name: 'Chi bộ B', shortName: null, level: 'cell' })).toEqual([
      { field: 'name', before: null, after: 'Chi bộ B' },
      { field: 'level', before: null, after: 'cell' },
    ]);
  });

  it('puts the name first and hides derived fields', () => {
    const after = { depth: 3, kind: 'subordinate_cell', code: 'E2E-CB01', name: 'Chi bộ C', level: 'cell' };
    expect(auditDiff(null, after).map((r) => r.field)).toEqual(['name', 'code', 'level', 'kind']);
  });

  it('keeps fields only the before had', () => {
    expect(auditDiff({ archived: false, note: 'x' }, { archived: true })).toEqual([
      { field: 'archived', before: false, after: true },
      { field: 'note', before: 'x', after: null },
    ]);
  });

  it('compares nested values structurally', () => {
    const roles = [{ role: 'office', organizationId: 'o1' }];
    expect(auditDiff({ roles }, { roles: [{ organizationId: 'o1', role: 'office' }] })).toEqual([]);
    expect(auditDiff({ roles }, { roles: [] })).toHaveLength(1);
  });

  it('treats null, undefined and empty text alike', () => {
    expect(sameJson(null, undefined)).toBe(true);
    expect(sameJson('', null)).toBe(true);
    expect(sameJson(0, null)).toBe(false);
  });
});

describe('entitySummary', () => {
  it('prefers the name after the change', () => {
    expect(entitySummary({ name: 'Cũ' }, { name: 'Mới' })).toBe('Mới');
    expect(entitySummary({ username: 'bithu' }, null)).toBe('bithu');
    expect(entitySummary(null, null)).toBeNull();
  });
});
