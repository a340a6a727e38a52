import { describe, expect, it } from 'vitest';
import { canManageDocuments, readsDocumentRegisters } from '../../app/permissions';
import { documentsNavKey } from './nav';
import { ownCommitteeId } from './scope';
import { directChildren, subtreeNodes } from './tree';

const org = (id: string, parentId: string | null, archived = false) => ({
  id,
  parentId,
  name: `Đảng bộ ${id}`,
  code: id.toUpperCase(),
  archived,
});

describe('subtreeNodes', () => {
  const orgs = [
    org('duk', 'tinh'),
    org('stc', 'duk'),
    org('cb01', 'stc'),
    org('sxd', 'duk'),
    org('old', 'duk', true),
    org('other', 'tinh'),
  ];

  it('offers what lies below the register, not the register itself nor archived organizations', () => {
    const nodes = subtreeNodes(orgs, 'duk');
    expect(nodes.map((n) => n.value)).toEqual(['stc', 'sxd']);
    expect(nodes[0]?.children?.map((n) => n.value)).toEqual(['cb01']);
    expect(nodes[0]?.search).toBe('Đảng bộ stc STC');
  });

  it('shows who has the document already, without offering it again', () => {
    const nodes = subtreeNodes(orgs, 'duk', new Set(['stc']), 'đã nhận');
    expect(nodes[0]).toMatchObject({ value: 'stc', title: 'Đảng bộ stc (đã nhận)', disabled: true });
    expect(directChildren(nodes).map((n) => n.value)).toEqual(['sxd']);
  });
});

describe('ownCommitteeId', () => {
  it('prefers the office or secretary role', () => {
    expect(
      ownCommitteeId([
        { role: 'inspector', organizationId: 'a' },
        { role: 'secretary', organizationId: 'b' },
      ]),
    ).toBe('b');
    expect(ownCommitteeId([{ role: 'member', organizationId: 'c' }])).toBe('c');
    expect(ownCommitteeId([{ role: 'admin', organizationId: null }])).toBeNull();
  });
});

describe('document permissions', () => {
  const cell = { id: 'cell', ancestors: [{ id: 'duk' }, { id: 'stc' }] };
  it('let office and secretary manage registers of their subtree', () => {
    expect(canManageDocuments([{ role: 'office', organizationId: 'duk' }], cell)).toBe(true);
    expect(canManageDocuments([{ role: 'inspector', organizationId: 'duk' }], cell)).toBe(false);
    expect(canManageDocuments([{ role: 'member', organizationId: 'cell' }])).toBe(false);
    expect(readsDocumentRegisters([{ role: 'inspector', organizationId: 'duk' }])).toBe(true);
    expect(readsDocumentRegisters([{ role: 'member', organizationId: 'cell' }])).toBe(false);
  });
});

describe('documentsNavKey', () => {
  it('gives the register’s pages their own menu entries', () => {
    expect(documentsNavKey('/documents')).toBe('documents');
    expect(documentsNavKey('/documents/0190-abc')).toBe('documents');
    expect(documentsNavKey('/documents/incoming')).toBe('documents/incoming');
    expect(documentsNavKey('/documents/numbers')).toBe('documents/numbers');
    expect(documentsNavKey('/dissemination-sessions/new')).toBeNull();
    expect(documentsNavKey('/members')).toBeNull();
  });
});
