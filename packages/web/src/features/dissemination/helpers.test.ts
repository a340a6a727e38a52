import { describe, expect, it } from 'vitest';
import type { AttendanceRow, CoverageRow, Proposal, SessionDetail } from './api';
import { coverageBars } from './coverage';
import {
  buildEntries,
  changedValues,
  createBody,
  documentLabel,
  effectiveMark,
  formatPercent,
  isBeforeSession,
  markAllPresent,
  missingReasons,
  percent,
  rowErrorsOf,
  type SessionFormValues,
  sessionFieldMessages,
  sessionFiltersFromSearch,
  sessionPatch,
  sessionToValues,
  setMark,
  splitStartsAt,
  toStartsAt,
} from './helpers';
import { proposalFieldMessages, proposalPatch } from './proposals';

const ORG = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const DOC = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

const row = (
  id: string,
  status: AttendanceRow['status'] = null,
  reason: string | null = null,
  editable = true,
) =>
  ({
    member: { id, fullName: `Member ${id}`, organization: { id: ORG, name: 'Chi bộ 1' } },
    status,
    reason,
    recordedAt: status ? '2019-11-12T09:00:00.000Z' : null,
    editable,
  }) satisfies AttendanceRow;

describe('documentLabel', () => {
  it('names a document by number, date and issuer (RULES §0)', () => {
    expect(
      documentLabel({
        number: '35-CT/TW',
        typeName: 'Chỉ thị',
        issuedOn: '2019-05-30',
        issuerName: 'Bộ Chính trị',
      }),
    ).toBe('35-CT/TW · 30/05/2019 · Bộ Chính trị');
  });

  it('shows the type when a document carries no number', () => {
    expect(
      documentLabel({
        number: null,
        typeName: 'Thư kêu gọi',
        issuedOn: '2020-01-02',
        issuerName: 'Ban Thường vụ',
      }),
    ).toBe('Thư kêu gọi · 02/01/2020 · Ban Thường vụ');
  });
});

describe('conference time', () => {
  it('joins a day and a time of day with Vietnam’s offset', () => {
    expect(toStartsAt('2019-11-12', '14:00')).toBe('2019-11-12T14:00:00+07:00');
    expect(toStartsAt('2020-01-01', '07:05')).toBe('2020-01-01T07:05:00+07:00');
  });

  it('refuses what is not a day or a time', () => {
    expect(() => toStartsAt('12/11/2019', '14:00')).toThrow(RangeError);
    expect(() => toStartsAt('2019-11-12', '24:00')).toThrow(RangeError);
    expect(() => toStartsAt('2019-11-12', '9:00')).toThrow(RangeError);
  });

  it('reads a stored moment back as the day and time in Vietnam, whatever the offset it comes with', () => {
    expect(splitStartsAt('2019-11-12T07:00:00.000Z')).toEqual({ date: '2019-11-12', time: '14:00' });
    expect(splitStartsAt('2019-11-11T18:30:00.000Z')).toEqual({ date: '2019-11-12', time: '01:30' });
    expect(splitStartsAt(toStartsAt('2019-11-12', '14:00'))).toEqual({ date: '2019-11-12', time: '14:00' });
  });

  it('knows when a conference has not taken place yet (by Vietnam’s day)', () => {
    expect(isBeforeSession('2019-11-12T18:00:00.000Z', '2019-11-12')).toBe(true);
    expect(isBeforeSession('2019-11-12T07:00:00.000Z', '2019-11-12')).toBe(false);
    expect(isBeforeSession('2019-11-12T07:00:00.000Z', undefined)).toBe(false);
  });
});

describe('percent', () => {
  it('keeps one decimal and is 0 for an empty organization', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });

  it('writes the decimal comma in Vietnamese and the point in English', () => {
    expect(formatPercent(2, 3, 'vi')).toBe('66,7');
    expect(formatPercent(2, 3, 'en')).toBe('66.7');
    expect(formatPercent(1, 2, 'vi')).toBe('50');
  });
});

describe('attendance edits', () => {
  it('send only the rows that differ from what is recorded', () => {
    const a = row('a');
    const b = row('b', 'present');
    const c = row('c', 'absent', 'Ốm');
    let edits = setMark({}, a, { status: 'present', reason: null });
    edits = setMark(edits, b, { status: 'absent', reason: '  Đi công tác ' });
    edits = setMark(edits, c, { status: null, reason: null });
    expect(buildEntries(edits)).toEqual([
      { memberId: 'a', status: 'present' },
      { memberId: 'b', status: 'absent', reason: 'Đi công tác' },
      { memberId: 'c', status: null },
    ]);
  });

  it('drop an edit that puts the recorded mark back', () => {
    const c = row('c', 'absent', 'Ốm');
    let edits = setMark({}, c, { status: 'present', reason: null });
    expect(Object.keys(edits)).toEqual(['c']);
    edits = setMark(edits, c, { status: 'absent', reason: 'Ốm ' });
    expect(edits).toEqual({});
    expect(buildEntries(setMark({}, c, { status: 'absent', reason: 'Việc gia đình' }))).toEqual([
      { memberId: 'c', status: 'absent', reason: 'Việc gia đình' },
    ]);
  });

  it('show the unsaved mark over the recorded one', () => {
    const b = row('b', 'present');
    const edits = setMark({}, b, { status: 'absent', reason: 'Ốm' });
    expect(effectiveMark(b, edits)).toEqual({ status: 'absent', reason: 'Ốm' });
    expect(effectiveMark(row('x', 'present'), edits)).toEqual({ status: 'present', reason: null });
  });

  it('mark all present only the editable rows shown without a mark', () => {
    const rows = [row('a'), row('b', 'absent', 'Ốm'), row('c', null, null, false), row('d')];
    const first = setMark({}, rows[3] as AttendanceRow, { status: 'absent', reason: 'Ốm' });
    const { edits, count } = markAllPresent(first, rows);
    expect(count).toBe(1);
    expect(buildEntries(edits)).toEqual([
      { memberId: 'd', status: 'absent', reason: 'Ốm' },
      { memberId: 'a', status: 'present' },
    ]);
    expect(markAllPresent(edits, rows).count).toBe(0);
  });

  it('catch absences without a reason before sending', () => {
    const edits = setMark({}, row('a'), { status: 'absent', reason: '   ' });
    expect(missingReasons(buildEntries(edits))).toEqual(['a']);
  });

  it('point a refusal at the rows it concerns', () => {
    const sent = [
      { memberId: 'a', status: 'present' as const },
      { memberId: 'b', status: 'absent' as const, reason: null },
    ];
    expect(rowErrorsOf({ memberIds: ['b'] }, 'Hãy ghi lý do vắng mặt.', sent)).toEqual({
      b: 'Hãy ghi lý do vắng mặt.',
    });
    expect(rowErrorsOf([{ path: 'body.entries.1.reason', message: 'Quá dài' }], 'x', sent)).toEqual({
      b: 'Quá dài',
    });
    expect(rowErrorsOf(undefined, 'x', sent)).toEqual({});
  });
});

const detail: SessionDetail = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60',
  organization: { id: ORG, name: 'Đảng bộ Khối' },
  makeupOf: null,
  title: 'Hội nghị quán triệt Chỉ thị 35-CT/TW',
  startsAt: '2019-11-12T07:00:00.000Z',
  place: 'Hội trường',
  chair: null,
  documents: [
    {
      id: DOC,
      type: 'CT',
      typeName: 'Chỉ thị',
      number: '35-CT/TW',
      issuerName: 'Bộ Chính trị',
      issuedOn: '2019-05-30',
      summary: 'Về đại hội đảng bộ các cấp',
    },
  ],
  invitedOrganizations: [],
  version: 3,
  createdAt: '2019-11-01T00:00:00.000Z',
  updatedAt: '2019-11-01T00:00:00.000Z',
  guests: null,
  conclusions: null,
  attendance: { expected: 10, present: 0, absent: 0 },
  proposals: [],
  makeups: [],
  abilities: { edit: true, recordAttendance: true },
};

describe('session form', () => {
  it('builds the POST body with the offset and without empty fields', () => {
    const values: SessionFormValues = {
      organizationId: ORG,
      title: '  Hội nghị quán triệt ',
      date: '2019-11-12',
      time: '14:00',
      place: '',
      chair: ' Đồng chí Bí thư ',
      guests: null,
      documentIds: [DOC],
      invitedOrganizationIds: [],
    };
    expect(createBody(values)).toEqual({
      organizationId: ORG,
      title: 'Hội nghị quán triệt',
      startsAt: '2019-11-12T14:00:00+07:00',
      chair: 'Đồng chí Bí thư',
      documentIds: [DOC],
    });
    expect(createBody(values, detail.id).makeupOf).toBe(detail.id);
  });

  it('patches only what the user changed, a moved time with its offset', () => {
    const base = sessionToValues(detail);
    expect(base.date).toBe('2019-11-12');
    expect(base.time).toBe('14:00');
    expect(sessionPatch(base, base, 3)).toEqual({ version: 3 });
    expect(sessionPatch({ ...base, time: '08:30', place: '  ', chair: 'Bí thư' }, base, 3)).toEqual({
      version: 3,
      startsAt: '2019-11-12T08:30:00+07:00',
      place: null,
      chair: 'Bí thư',
    });
    expect(sessionPatch({ ...base, documentIds: [DOC] }, base, 3)).toEqual({ version: 3 });
    expect(changedValues({ ...base, invitedOrganizationIds: [ORG] }, base)).toEqual({
      invitedOrganizationIds: [ORG],
    });
  });

  it('puts the server’s messages under the fields', () => {
    expect(
      sessionFieldMessages('VALIDATION_FAILED', 'x', [{ path: 'body.startsAt', message: 'Sai' }]),
    ).toEqual([{ field: 'date', message: 'Sai' }]);
    expect(
      sessionFieldMessages('SESSION_DOCUMENTS_REQUIRED', 'Chọn văn bản', [{ path: 'body.documentIds' }]),
    ).toEqual([{ field: 'documentIds', message: 'Chọn văn bản' }]);
    expect(
      sessionFieldMessages('SESSION_ORGANIZATION_OUTSIDE', 'Ngoài phạm vi', { organizationIds: [ORG] }),
    ).toEqual([{ field: 'invitedOrganizationIds', message: 'Ngoài phạm vi' }]);
    expect(sessionFieldMessages('SESSION_MAKEUP_INVALID', 'Sai', [{ path: 'body.makeupOf' }])).toEqual([
      { field: 'organizationId', message: 'Sai' },
    ]);
  });

  it('reads the list filters from the URL, dropping what is not an id', () => {
    expect(sessionFiltersFromSearch(new URLSearchParams({ organizationId: ORG, documentId: 'x' }))).toEqual({
      organizationId: ORG,
    });
  });
});

describe('proposals', () => {
  const p: Proposal = {
    id: 'p',
    content: 'Đề nghị tăng thời lượng thảo luận',
    proposedBy: 'Chi bộ 2',
    assignedTo: null,
    answer: null,
    answeredAt: null,
    version: 2,
  };

  it('patch the fields that changed; an emptied field clears it', () => {
    expect(proposalPatch({ ...p, answer: ' Đã bố trí thêm ' }, p)).toEqual({
      version: 2,
      answer: 'Đã bố trí thêm',
    });
    expect(proposalPatch({ ...p, proposedBy: '' }, p)).toEqual({ version: 2, proposedBy: null });
  });

  it('put schema messages under their fields', () => {
    expect(proposalFieldMessages('x', [{ path: 'body.content', message: 'Trống' }])).toEqual([
      { field: 'content', message: 'Trống' },
    ]);
  });
});

describe('coverage bars', () => {
  it('show a share per organization with members, the own members named', () => {
    const rows: CoverageRow[] = [
      { organization: { id: ORG, name: 'Đảng bộ Khối' }, own: true, total: 3, studied: 1 },
      { organization: { id: 'c1', name: 'Chi bộ 1' }, own: false, total: 4, studied: 4 },
      { organization: { id: 'c2', name: 'Chi bộ 2' }, own: false, total: 0, studied: 0 },
    ];
    expect(coverageBars(rows, (n) => `own ${n}`)).toEqual([
      { key: `own:${ORG}`, label: 'own Đảng bộ Khối', value: 33.3, studied: 1, total: 3 },
      { key: 'c1', label: 'Chi bộ 1', value: 100, studied: 4, total: 4 },
    ]);
  });
});
