import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, failOnServerErrors, refusedWithoutWrite, rows } from '../../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../../test/harness.js';

interface Session {
  id: string;
  version: number;
  documents: { id: string; number: string | null }[];
  invitedOrganizations: { id: string }[];
  attendance: { expected: number; present: number; absent: number };
  proposals: { id: string; version: number; answer: string | null; answeredAt: string | null }[];
  makeups: { id: string }[];
  abilities: { edit: boolean; recordAttendance: boolean };
}
interface Coverage {
  total: number;
  studied: number;
  rows: { organization: { id: string; name: string }; total: number; studied: number; own: boolean }[];
  missing: { id: string; fullName: string }[];
  missingTotal: number;
}

const serverErrors = failOnServerErrors();
let t: TestApp;
let vanphong: Agent;
let bithuStc: Agent;
let dangvien: Agent;
const ids = new Map<string, string>();
const id = (code: string) => ids.get(code)!;
let directive: string;
let conference: Session;
/** The member of cell CB02 of Sở Tài chính who misses the conference. */
let absentee: string;

const membersOf = (code: string) =>
  rows<{ id: string }>(
    t,
    sql`SELECT m.id FROM members m JOIN organizations o ON m.organization_path LIKE o.path || '%'
         WHERE o.code = ${code} AND m.status IN ('probationary', 'full') ORDER BY m.sort_key, m.id`,
  ).then((r) => r.map((x) => x.id));

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [vanphong, bithuStc, dangvien] = (await Promise.all(
    ['vanphong', 'bithu.stc', 'dangvien'].map((u) => t.login(u)),
  )) as [Agent, Agent, Agent];
  for (const code of [
    'NA-DUK',
    'NA-DUK-STC',
    'NA-DUK-STC-CB02',
    'NA-DUK-SXD',
    'NA-DUK-SXD-CB01',
    'NA-VINH-LELOI',
  ]) {
    ids.set(code, await orgIdByCode(t, code));
  }
  const doc = await vanphong.post('/api/v1/documents', {
    organizationId: id('NA-DUK'),
    direction: 'incoming',
    type: 'CT',
    number: '35-CT/TW',
    issuerName: 'Bộ Chính trị',
    issuedOn: '2019-05-30',
    summary: 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
  });
  expect(doc.statusCode, doc.body).toBe(201);
  directive = doc.json().id;
  const res = await vanphong.post('/api/v1/dissemination-sessions', {
    organizationId: id('NA-DUK'),
    title: 'Hội nghị quán triệt Chỉ thị 35-CT/TW',
    startsAt: '2019-11-12T14:00:00+07:00',
    place: 'Hội trường Đảng ủy Khối',
    chair: 'Đồng chí Bí thư Đảng ủy Khối',
    documentIds: [directive],
    invitedOrganizationIds: [id('NA-DUK-STC'), id('NA-DUK-SXD')],
  });
  expect(res.statusCode, res.body).toBe(201);
  conference = res.json() as Session;
});
afterAll(() => t.close());

const attend = (agent: Agent, sessionId: string, entries: unknown[]) =>
  agent.request('PUT', `/api/v1/dissemination-sessions/${sessionId}/attendance`, { entries });

describe('a dissemination conference', () => {
  it('expects the members of the invited organizations', async () => {
    const expected = (await membersOf('NA-DUK-STC')).length + (await membersOf('NA-DUK-SXD')).length;
    expect(conference.attendance).toEqual({ expected, present: 0, absent: 0 });
    expect(conference.documents.map((d) => d.number)).toEqual(['35-CT/TW']);
  });

  it('refuses organizations outside the host and documents the host cannot read', async () => {
    const outside = await refusedWithoutWrite(t, () =>
      vanphong.post('/api/v1/dissemination-sessions', {
        organizationId: id('NA-DUK-STC'),
        title: 'Sai phạm vi',
        startsAt: '2019-11-20T08:00:00+07:00',
        documentIds: [directive],
        invitedOrganizationIds: [id('NA-DUK-SXD')],
      }),
    );
    expectError(outside, 400, 'SESSION_ORGANIZATION_OUTSIDE');
    const none = await refusedWithoutWrite(t, () =>
      vanphong.post('/api/v1/dissemination-sessions', {
        organizationId: id('NA-DUK'),
        title: 'Không văn bản',
        startsAt: '2019-11-20T08:00:00+07:00',
        documentIds: [],
      }),
    );
    expectError(none, 400, 'SESSION_DOCUMENTS_REQUIRED');
  });

  it('records attendance all or nothing: a reason for every absence, no one outside the invitation', async () => {
    const stc = await membersOf('NA-DUK-STC');
    const [leloi] = await membersOf('NA-VINH-LELOI');
    const noReason = await refusedWithoutWrite(t, () =>
      attend(vanphong, conference.id, [
        { memberId: stc[0], status: 'present' },
        { memberId: stc[1], status: 'absent' },
      ]),
    );
    expect(expectError(noReason, 400, 'ATTENDANCE_REASON_REQUIRED').details).toEqual({ memberIds: [stc[1]] });
    const outside = await refusedWithoutWrite(t, () =>
      attend(vanphong, conference.id, [
        { memberId: stc[0], status: 'present' },
        { memberId: leloi, status: 'present' },
      ]),
    );
    expect(expectError(outside, 400, 'ATTENDANCE_MEMBER_OUTSIDE').details).toEqual({ memberIds: [leloi] });

    absentee = (await membersOf('NA-DUK-STC-CB02'))[0]!;
    const entries = stc.map((memberId) =>
      memberId === absentee
        ? { memberId, status: 'absent', reason: 'Đi công tác' }
        : { memberId, status: 'present' },
    );
    const saved = await attend(vanphong, conference.id, entries);
    expect(saved.json()).toEqual({ present: stc.length - 1, absent: 1, cleared: 0 });
    const detail = (await vanphong.get(`/api/v1/dissemination-sessions/${conference.id}`)).json() as Session;
    expect(detail.attendance).toMatchObject({ present: stc.length - 1, absent: 1 });
    const absent = (
      await vanphong.get(`/api/v1/dissemination-sessions/${conference.id}/attendance?status=absent`)
    ).json();
    expect(absent.items).toMatchObject([
      { member: { id: absentee }, status: 'absent', reason: 'Đi công tác', editable: true },
    ]);
  });

  it('lets an invited secretary record their own members only, and hides the session from others', async () => {
    const [sxd] = await membersOf('NA-DUK-SXD');
    const stc = (await membersOf('NA-DUK-STC')).find((m) => m !== absentee);
    const read = (await bithuStc.get(`/api/v1/dissemination-sessions/${conference.id}`)).json() as Session;
    expect(read.abilities).toEqual({ edit: false, recordAttendance: true });
    expectError(
      await refusedWithoutWrite(t, () =>
        attend(bithuStc, conference.id, [{ memberId: sxd, status: 'present' }]),
      ),
      400,
      'ATTENDANCE_MEMBER_OUTSIDE',
    );
    expect((await attend(bithuStc, conference.id, [{ memberId: stc, status: 'present' }])).statusCode).toBe(
      200,
    );
    expectError(
      await bithuStc.patch(`/api/v1/dissemination-sessions/${conference.id}`, {
        version: read.version,
        place: 'x',
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await dangvien.get(`/api/v1/dissemination-sessions/${conference.id}`),
      404,
      'SESSION_NOT_FOUND',
    );
  });

  it('refuses attendance before the session has taken place', async () => {
    const later = await vanphong.post('/api/v1/dissemination-sessions', {
      organizationId: id('NA-DUK'),
      title: 'Hội nghị tháng 4',
      startsAt: '2020-04-02T08:00:00+07:00',
      documentIds: [directive],
    });
    const [member] = await membersOf('NA-DUK');
    expectError(
      await refusedWithoutWrite(t, () =>
        attend(vanphong, later.json().id, [{ memberId: member, status: 'present' }]),
      ),
      400,
      'ATTENDANCE_BEFORE_SESSION',
    );
  });

  it('takes proposals and their answers, with optimistic locking', async () => {
    const added = await vanphong.post(`/api/v1/dissemination-sessions/${conference.id}/proposals`, {
      content: 'Đề nghị sớm ban hành hướng dẫn về nhân sự cấp ủy',
      proposedBy: 'Đảng bộ Sở Tài chính',
      assignedTo: 'Ban Tổ chức Đảng ủy Khối',
    });
    expect(added.statusCode, added.body).toBe(201);
    const answered = await vanphong.patch(`/api/v1/dissemination-proposals/${added.json().id}`, {
      version: 1,
      answer: 'Ban Tổ chức sẽ ban hành trong tháng 12/2019.',
    });
    expect(answered.json()).toMatchObject({
      version: 2,
      answer: 'Ban Tổ chức sẽ ban hành trong tháng 12/2019.',
    });
    expect(answered.json().answeredAt).not.toBeNull();
    expectError(
      await refusedWithoutWrite(t, () =>
        vanphong.patch(`/api/v1/dissemination-proposals/${added.json().id}`, { version: 1, answer: 'muộn' }),
      ),
      409,
      'VERSION_CONFLICT',
    );
  });
});

describe('make-up sessions and coverage', () => {
  it('a cell holds a make-up session for those absent; it studies the same documents', async () => {
    const makeup = await bithuStc.post('/api/v1/dissemination-sessions', {
      organizationId: id('NA-DUK-STC-CB02'),
      makeupOf: conference.id,
      title: 'Học tập bù Chỉ thị 35-CT/TW',
      startsAt: '2019-11-20T16:00:00+07:00',
    });
    expect(makeup.statusCode, makeup.body).toBe(201);
    expect((makeup.json() as Session).documents.map((d) => d.id)).toEqual([directive]);
    const early = await refusedWithoutWrite(t, () =>
      bithuStc.post('/api/v1/dissemination-sessions', {
        organizationId: id('NA-DUK-STC-CB02'),
        makeupOf: conference.id,
        title: 'Trước hội nghị',
        startsAt: '2019-11-01T08:00:00+07:00',
      }),
    );
    expectError(early, 400, 'SESSION_MAKEUP_INVALID');
    const parent = (await vanphong.get(`/api/v1/dissemination-sessions/${conference.id}`)).json() as Session;
    expect(parent.makeups.map((m) => m.id)).toEqual([makeup.json().id]);
  });

  it('shows coverage down the tree, with the missing names, matching the records', async () => {
    const coverage = (await vanphong.get(`/api/v1/documents/${directive}/coverage`)).json() as Coverage;
    const [truth] = await rows<{ total: number; studied: number }>(
      t,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE m.id IN (
            SELECT a.member_id FROM dissemination_attendance a JOIN dissemination_session_documents sd ON sd.session_id = a.session_id
             WHERE sd.document_id = ${directive} AND a.status = 'present'))::int AS studied
            FROM members m JOIN organizations o ON o.code = 'NA-DUK' WHERE m.organization_path LIKE o.path || '%' AND m.status IN ('probationary', 'full')`,
    );
    expect({ total: coverage.total, studied: coverage.studied }).toEqual(truth);
    const stcMembers = await membersOf('NA-DUK-STC');
    const stcRow = coverage.rows.find((r) => r.organization.id === id('NA-DUK-STC'))!;
    expect(stcRow).toMatchObject({ total: stcMembers.length, studied: stcMembers.length - 1, own: false });
    expect(coverage.rows.find((r) => r.organization.id === id('NA-DUK-SXD'))!.studied).toBe(0);
    expect(coverage.missingTotal).toBe(truth!.total - truth!.studied);
    expect(coverage.missing.map((m) => m.id)).toContain(absentee);

    // The absent member studies at the cell's make-up session and leaves the missing list.
    const makeups = (
      await bithuStc.get(
        `/api/v1/dissemination-sessions?documentId=${directive}&organizationId=${id('NA-DUK-STC-CB02')}`,
      )
    ).json();
    expect(makeups.items).toHaveLength(1);
    expect(
      (await attend(bithuStc, makeups.items[0].id, [{ memberId: absentee, status: 'present' }])).statusCode,
    ).toBe(200);
    const after = (
      await bithuStc.get(`/api/v1/documents/${directive}/coverage?organizationId=${id('NA-DUK-STC')}`)
    ).json() as Coverage;
    expect(after).toMatchObject({
      total: stcMembers.length,
      studied: stcMembers.length,
      missingTotal: 0,
      missing: [],
    });
  });

  it('exports the coverage as .xlsx with every missing name', async () => {
    const coverage = (await vanphong.get(`/api/v1/documents/${directive}/coverage`)).json() as Coverage;
    const res = await vanphong.get(`/api/v1/documents/${directive}/coverage.xlsx`);
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('Tổng hợp')!;
    expect(String(summary.getCell('A1').value)).toContain('35-CT/TW');
    expect(summary.getRow(5).values).toEqual(expect.arrayContaining([coverage.total, coverage.studied]));
    const missing = workbook.getWorksheet('Chưa học tập')!;
    expect(missing.actualRowCount - 1).toBe(coverage.missingTotal);
  });
});
