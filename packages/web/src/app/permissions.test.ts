import { describe, expect, it } from 'vitest';
import {
  canManageUsers,
  canVerifyAudit,
  managesOrganization,
  organizationAbilities,
  readsOrganization,
} from './permissions';

const bloc = { id: 'bloc', ancestors: [{ id: 'province' }] };
const department = { id: 'stc', ancestors: [{ id: 'province' }, { id: 'bloc' }] };
const cell = { id: 'cell', ancestors: [{ id: 'province' }, { id: 'bloc' }, { id: 'stc' }] };
const other = { id: 'vinh', ancestors: [{ id: 'province' }] };

describe('permissions', () => {
  it('lets an admin do everything', () => {
    const roles = [{ role: 'admin', organizationId: null }];
    expect(organizationAbilities(roles, other)).toEqual({
      createChild: true,
      edit: true,
      archive: true,
      move: true,
      manageTerms: true,
    });
    expect(canManageUsers(roles)).toBe(true);
    expect(canVerifyAudit(roles)).toBe(true);
  });

  it('lets office and secretary manage their subtree only', () => {
    for (const role of ['office', 'secretary']) {
      const roles = [{ role, organizationId: 'bloc' }];
      expect(managesOrganization(roles, bloc)).toBe(true);
      expect(managesOrganization(roles, department)).toBe(true);
      expect(managesOrganization(roles, cell)).toBe(true);
      expect(managesOrganization(roles, other)).toBe(false);
      expect(canManageUsers(roles)).toBe(false);
    }
  });

  it('moves only what lies strictly below the role organization', () => {
    const roles = [{ role: 'secretary', organizationId: 'stc' }];
    expect(organizationAbilities(roles, department).move).toBe(false);
    expect(organizationAbilities(roles, department).edit).toBe(true);
    expect(organizationAbilities(roles, cell).move).toBe(true);
  });

  it('keeps member and inspector read-only', () => {
    const roles = [
      { role: 'member', organizationId: 'cell' },
      { role: 'inspector', organizationId: 'bloc' },
    ];
    expect(organizationAbilities(roles, cell)).toEqual({
      createChild: false,
      edit: false,
      archive: false,
      move: false,
      manageTerms: false,
    });
    expect(canVerifyAudit(roles)).toBe(false);
  });

  it('lets inspectors read their subtree and members only their own organization', () => {
    const inspector = [{ role: 'inspector', organizationId: 'bloc' }];
    expect(readsOrganization(inspector, cell)).toBe(true);
    expect(readsOrganization(inspector, { id: 'province' })).toBe(false);
    const member = [{ role: 'member', organizationId: 'cell' }];
    expect(readsOrganization(member, cell)).toBe(true);
    expect(readsOrganization(member, department)).toBe(false);
    expect(readsOrganization([{ role: 'admin', organizationId: null }], other)).toBe(true);
  });

  it('handles an organization without ancestors', () => {
    expect(managesOrganization([{ role: 'office', organizationId: 'province' }], { id: 'province' })).toBe(
      true,
    );
    expect(
      organizationAbilities([{ role: 'office', organizationId: 'province' }], { id: 'province' }).move,
    ).toBe(false);
  });
});
