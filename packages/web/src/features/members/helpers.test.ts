import { describe, expect, it } from 'vitest';
import { canLinkMemberAccount, canManageMembers, readsMembers } from '../../app/permissions';
import type { Transfer } from './api';
import { currentTerm, sortSeats } from './committee';
import { acceptsImportFile, countsOf, hasWrites, parsePercent, stepOf } from './imports';
import { linkedMemberId, navKeyFor } from './nav';
import { barOption, entriesOf, share, topWithOther } from './statistics';
import { newestTransfer, pendingTransfer, sortTransfers } from './transfers';

const transfer = (id: string, transferredOn: string, status: Transfer['status'] = 'applied'): Transfer => ({
  id,
  transferredOn,
  status,
  fromOrganization: null,
  toOrganization: null,
  destination: null,
  reason: null,
});

describe('transfers', () => {
  it('list newest first; same day: the one recorded last', () => {
    const list = [
      transfer('a', '2019-01-01'),
      transfer('b', '2020-05-01', 'pending'),
      transfer('c', '2019-01-01'),
    ];
    expect(sortTransfers(list).map((t) => t.id)).toEqual(['b', 'c', 'a']);
    expect(newestTransfer(list)?.id).toBe('b');
    expect(pendingTransfer(list)?.id).toBe('b');
    expect(pendingTransfer([transfer('a', '2019-01-01')])).toBeUndefined();
  });
});

describe('imports', () => {
  it('accept .xlsx and .csv only', () => {
    expect(acceptsImportFile('danh-sach.XLSX')).toBe(true);
    expect(acceptsImportFile('a.csv')).toBe(true);
    expect(acceptsImportFile('a.xls')).toBe(false);
    expect(acceptsImportFile('a.xlsx.exe')).toBe(false);
  });

  it('follow the job through the wizard steps', () => {
    expect(stepOf(undefined, 0)).toBe(0);
    expect(stepOf(undefined, 1)).toBe(1);
    expect(stepOf({ status: 'parsing' }, 1)).toBe(2);
    expect(stepOf({ status: 'preview' }, 1)).toBe(3);
    expect(stepOf({ status: 'committing' }, 1)).toBe(3);
    expect(stepOf({ status: 'committed' }, 1)).toBe(4);
  });

  it('show parsing progress once the row count is known', () => {
    expect(parsePercent({ processedRows: 0, totalRows: 0 })).toBeNull();
    expect(parsePercent({ processedRows: 333, totalRows: 1000 })).toBe(33);
    expect(parsePercent({ processedRows: 1200, totalRows: 1000 })).toBe(100);
  });

  it('fill missing counts and tell whether a commit writes anything', () => {
    const counts = countsOf({ counts: { new: 0, changed: 0, rejected: 3 } as never });
    expect(counts).toEqual({ new: 0, changed: 0, unchanged: 0, rejected: 3 });
    expect(hasWrites(counts)).toBe(false);
    expect(hasWrites({ ...counts, changed: 1 })).toBe(true);
  });
});

describe('statistics', () => {
  it('keep the known order with zeros and append unknown codes', () => {
    const entries = entriesOf({ full: 5, other: 1 }, ['probationary', 'full'], (c) => c.toUpperCase());
    expect(entries).toEqual([
      { key: 'probationary', label: 'PROBATIONARY', count: 0 },
      { key: 'full', label: 'FULL', count: 5 },
      { key: 'other', label: 'OTHER', count: 1 },
    ]);
  });

  it('sum the tail into one entry', () => {
    const entries = ['a', 'b', 'c', 'd'].map((key, i) => ({ key, label: key, count: i + 1 }));
    expect(topWithOther(entries, 2, 'Khác')).toEqual([
      { key: 'd', label: 'd', count: 4 },
      { key: 'c', label: 'c', count: 3 },
      { key: '__other__', label: 'Khác', count: 3 },
    ]);
    expect(topWithOther(entries, 4, 'Khác')).toHaveLength(4);
  });

  it('compute shares to one decimal, zero of nothing', () => {
    expect(share(1, 3)).toBe(33.3);
    expect(share(0, 0)).toBe(0);
  });

  it('draw horizontal bars top-down in the given order', () => {
    const option = barOption(
      [
        { key: 'a', label: 'A', count: 3 },
        { key: 'b', label: 'B', count: 1 },
      ],
      true,
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['B', 'A']);
    expect((option.series as { data: number[] }[])[0]?.data).toEqual([1, 3]);
  });
});

describe('committee', () => {
  const terms = [
    {
      id: 't1',
      organizationId: 'o',
      name: '2010–2015',
      startsOn: '2010-06-01',
      endsOn: '2015-05-31',
      version: 1,
    },
    {
      id: 't2',
      organizationId: 'o',
      name: '2015–2020',
      startsOn: '2015-06-01',
      endsOn: '2020-05-31',
      version: 1,
    },
    {
      id: 't3',
      organizationId: 'o',
      name: '2020–2025',
      startsOn: '2020-06-01',
      endsOn: '2025-05-31',
      version: 1,
    },
  ];

  it('open on the term that holds the business date', () => {
    expect(currentTerm(terms, '2020-03-15')?.id).toBe('t2');
    expect(currentTerm(terms, '2009-01-01')?.id).toBe('t3');
    expect(currentTerm(terms, undefined)?.id).toBe('t3');
    expect(currentTerm([], '2020-03-15')).toBeUndefined();
  });

  it('rank the seats, secretary first', () => {
    const seats = [{ position: 'committee_member' }, { position: 'secretary' }, { position: 'odd' }];
    expect(sortSeats(seats, ['secretary', 'committee_member']).map((s) => s.position)).toEqual([
      'secretary',
      'committee_member',
      'odd',
    ]);
  });
});

describe('navigation', () => {
  it('gives the members pages their own menu entries', () => {
    expect(navKeyFor('/organizations/abc', null)).toBe('organizations');
    expect(navKeyFor('/members', null)).toBe('members');
    expect(navKeyFor('/members/import/123', null)).toBe('members/import');
    expect(navKeyFor('/members/statistics', null)).toBe('members/statistics');
    expect(navKeyFor('/members/m1', 'm1')).toBe('members/mine');
    expect(navKeyFor('/members/m2', 'm1')).toBe('members');
  });

  it('reads the linked member from the session user', () => {
    expect(linkedMemberId({ memberId: 'm1' })).toBe('m1');
    expect(linkedMemberId({ memberId: null })).toBeNull();
    expect(linkedMemberId({})).toBeNull();
  });
});

describe('member permissions', () => {
  const stc = { id: 'stc', ancestors: [{ id: 'province' }, { id: 'bloc' }] };
  const other = { id: 'vinh', ancestors: [{ id: 'province' }] };

  it('let the subtree roles read lists, a member only their own record', () => {
    for (const role of ['office', 'secretary', 'inspector'])
      expect(readsMembers([{ role, organizationId: 'bloc' }])).toBe(true);
    expect(readsMembers([{ role: 'admin', organizationId: null }])).toBe(true);
    expect(readsMembers([{ role: 'member', organizationId: 'stc' }])).toBe(false);
  });

  it('let office and secretary manage their subtree, the inspector only read', () => {
    const office = [{ role: 'office', organizationId: 'bloc' }];
    expect(canManageMembers(office)).toBe(true);
    expect(canManageMembers(office, stc)).toBe(true);
    expect(canManageMembers(office, other)).toBe(false);
    expect(canManageMembers([{ role: 'inspector', organizationId: 'bloc' }])).toBe(false);
    expect(canManageMembers([{ role: 'member', organizationId: 'stc' }], stc)).toBe(false);
    expect(canManageMembers([{ role: 'admin', organizationId: null }], other)).toBe(true);
  });

  it('leave account links to the administrator', () => {
    expect(canLinkMemberAccount([{ role: 'admin', organizationId: null }])).toBe(true);
    expect(canLinkMemberAccount([{ role: 'office', organizationId: 'bloc' }])).toBe(false);
  });
});
