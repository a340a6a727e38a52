import { describe, expect, it } from 'vitest';
import { canDeleteFile, canUploadTo } from './permissions';

const org = { id: 'cb02', ancestors: [{ id: 'na' }, { id: 'duk' }, { id: 'stc' }] };

describe('file permissions', () => {
  it('lets office, secretary and inspector upload in their subtree, a member in their own organization', () => {
    expect(canUploadTo([{ role: 'inspector', organizationId: 'duk' }], org)).toBe(true);
    expect(canUploadTo([{ role: 'office', organizationId: 'other' }], org)).toBe(false);
    expect(canUploadTo([{ role: 'member', organizationId: 'cb02' }], org)).toBe(true);
    expect(canUploadTo([{ role: 'member', organizationId: 'stc' }], org)).toBe(false);
    expect(canUploadTo([{ role: 'admin', organizationId: null }], org)).toBe(true);
  });

  it('lets the uploader or a managing role delete', () => {
    const file = { uploadedBy: { id: 'u1' } };
    expect(canDeleteFile([{ role: 'member', organizationId: 'cb02' }], org, file, 'u1')).toBe(true);
    expect(canDeleteFile([{ role: 'inspector', organizationId: 'duk' }], org, file, 'u2')).toBe(false);
    expect(canDeleteFile([{ role: 'secretary', organizationId: 'stc' }], org, file, 'u2')).toBe(true);
  });
});
