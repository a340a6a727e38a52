import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import type { CongressSubcommittee } from './api';
import {
  createSubcommitteeBody,
  defaultRole,
  emptySubcommittee,
  forSubcommitteeForm,
  missingStandardKinds,
  nextKind,
  outsideMemberIds,
  subcommitteeChanges,
  subcommitteeToValues,
  withMember,
} from './subcommittees';

const documents: CongressSubcommittee = {
  id: 's1',
  kind: 'documents',
  name: 'Tiểu ban Văn kiện',
  duties: 'Xây dựng dự thảo báo cáo chính trị',
  version: 3,
  members: [
    { memberId: 'm1', fullName: 'Lê Văn Quang', role: 'head', duties: 'Chỉ đạo chung' },
    { memberId: 'm2', fullName: 'Trần Thị Mai Anh', role: 'deputy', duties: null },
  ],
};

describe('the standard subcommittees', () => {
  it('are the documents, personnel and logistics ones, formed in that order', () => {
    expect(missingStandardKinds([])).toEqual(['documents', 'personnel', 'logistics']);
    expect(missingStandardKinds([{ kind: 'personnel' }, { kind: 'other' }])).toEqual([
      'documents',
      'logistics',
    ]);
    expect(nextKind([{ kind: 'documents' }])).toBe('personnel');
    expect(nextKind([{ kind: 'documents' }, { kind: 'personnel' }, { kind: 'logistics' }])).toBe('other');
  });
});

describe('the members of a subcommittee', () => {
  it('make the first one picked the head, the next ones members, never the same person twice', () => {
    expect(defaultRole([])).toBe('head');
    const one = withMember([], { memberId: 'm1', fullName: 'Lê Văn Quang' });
    expect(one).toEqual([{ memberId: 'm1', fullName: 'Lê Văn Quang', role: 'head', duties: '' }]);
    const two = withMember(one, { memberId: 'm2', fullName: 'Trần Thị Mai Anh' });
    expect(two.map((r) => r.role)).toEqual(['head', 'member']);
    expect(withMember(two, { memberId: 'm1', fullName: 'Lê Văn Quang' })).toEqual(two);
  });
});

describe('the bodies sent', () => {
  it('leave the name to the server when empty and send duties only when written', () => {
    const values = {
      ...emptySubcommittee('logistics'),
      members: [{ memberId: 'm1', fullName: 'Lê Văn Quang', role: 'head' as const, duties: '  ' }],
    };
    expect(createSubcommitteeBody(values)).toEqual({
      kind: 'logistics',
      members: [{ memberId: 'm1', role: 'head' }],
    });
    expect(
      createSubcommitteeBody({ ...values, name: ' Tiểu ban Tuyên truyền ', duties: 'Khánh tiết' }),
    ).toEqual({
      kind: 'logistics',
      name: 'Tiểu ban Tuyên truyền',
      duties: 'Khánh tiết',
      members: [{ memberId: 'm1', role: 'head' }],
    });
  });

  it('patch only what changed: a cleared duty as null, the member list whole when it changed', () => {
    const base = subcommitteeToValues(documents);
    expect(subcommitteeChanges(base, base)).toEqual({});
    expect(subcommitteeChanges({ ...base, name: '' }, base)).toEqual({});
    expect(subcommitteeChanges({ ...base, duties: ' ' }, base)).toEqual({ duties: null });
    const reordered = { ...base, members: [base.members[1]!, base.members[0]!] };
    expect(subcommitteeChanges(reordered, base)).toEqual({
      members: [
        { memberId: 'm2', role: 'deputy' },
        { memberId: 'm1', role: 'head', duties: 'Chỉ đạo chung' },
      ],
    });
  });
});

describe('the server refusals beside their fields', () => {
  const outside = new ApiError(
    400,
    'CONGRESS_SUBCOMMITTEE_MEMBER_OUTSIDE',
    'Thành viên tiểu ban phải là đảng viên đang sinh hoạt tại tổ chức đảng này hoặc các tổ chức trực thuộc.',
    { memberIds: ['m2'] },
  );

  it('put a member outside the organization under that member', () => {
    expect(outsideMemberIds(outside)).toEqual(['m2']);
    const rows = subcommitteeToValues(documents).members;
    const mapped = forSubcommitteeForm(outside, rows) as ApiError;
    expect(mapped.code).toBe('CONGRESS_SUBCOMMITTEE_MEMBER_OUTSIDE');
    expect(mapped.fieldIssues).toEqual([{ path: ['members', 1, 'memberId'], message: outside.message }]);
  });

  it('put a validation message under the member duty or field it names, and leave others alone', () => {
    const tooLong = new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', [
      { path: 'body.members.0.duties', message: 'Quá lớn: mong đợi string có <=1000 ký tự' },
      { path: 'body.name', message: 'Quá nhỏ' },
    ]);
    expect((forSubcommitteeForm(tooLong, []) as ApiError).fieldIssues).toEqual([
      { path: ['members', 0, 'duties'], message: 'Quá lớn: mong đợi string có <=1000 ký tự' },
      { path: ['name'], message: 'Quá nhỏ' },
    ]);
    const conflict = new ApiError(409, 'VERSION_CONFLICT', 'Dữ liệu đã thay đổi', { currentVersion: 4 });
    expect(forSubcommitteeForm(conflict, [])).toBe(conflict);
    expect(outsideMemberIds(conflict)).toEqual([]);
  });
});
