import { foldVietnamese, vietnameseNameSortKey } from '@daihoi/core';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../modules/members/tables.js';
import { dataDigest, expectError, failOnServerErrors, refusedWithoutWrite, rows } from '../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../test/harness.js';
import { csvOf, HEADERS, member, preview, readWorkbook, settled, uploadImport, xlsxOf } from './fixtures.js';
import { failStaleImports } from './pipeline.js';
import { importJobs, importRows } from './tables.js';

const serverErrors = failOnServerErrors();
let t: TestApp;
let office: Agent; // office of NA-DUK
let secretary: Agent; // secretary of NA-DUK
let secretarySTC: Agent; // secretary of NA-DUK-STC
let inspector: Agent;
let memberRole: Agent; // member of NA-DUK-STC-CB02
let admin: Agent;
let duk: string;
let stc: string;
let cb02: string;
let lelois: string;

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [office, secretary, secretarySTC, inspector, memberRole, admin] = (await Promise.all(
    ['vanphong', 'bithu', 'bithu.stc', 'kiemtra', 'dangvien', 'admin'].map((u) => t.login(u)),
  )) as [Agent, Agent, Agent, Agent, Agent, Agent];
  [duk, stc, cb02, lelois] = (await Promise.all(
    ['NA-DUK', 'NA-DUK-STC', 'NA-DUK-STC-CB02', 'NA-VINH-LELOI'].map((c) => orgIdByCode(t, c)),
  )) as [string, string, string, string];
});
afterAll(() => t.close());

/** Digest of the tables an import writes (import bookkeeping aside). */
async function written(): Promise<string> {
  const parts: string[] = [];
  for (const table of ['members', 'audit_events']) {
    const [row] = await rows<{ d: string | null }>(
      t,
      sql`SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) AS d FROM ${sql.identifier(table)} r`,
    );
    parts.push(`${table}:${row?.d}`);
  }
  return parts.join(' ');
}

const memberByCard = async (card: string) =>
  (await rows<Record<string, unknown>>(t, sql`SELECT * FROM members WHERE card_number = ${card}`))[0];
const count = async (query: SQL) => Number((await rows<{ n: number }>(t, query))[0]!.n);
const commit = (agent: Agent, id: string) => agent.post(`/api/v1/member-imports/${id}/commit`);

describe('preview, confirm, re-import', () => {
  // Thirty members of two cells of NA-DUK, and three rows the clerk got wrong.
  const good = Array.from({ length: 30 }, (_, i) =>
    member(i, { organizationCode: i % 2 === 0 ? 'NA-DUK-STC-CB02' : 'NA-DUK-STC-CB03' }),
  );
  const bad = [
    member(100, { birthDate: '31/02/1980' }),
    member(101, { admittedOn: '1980-13-01' }),
    member(102, { gender: 'Không rõ', theoryLevel: 'Thạc sĩ' }),
  ];
  let file: Buffer;
  let importId: string;

  it('previews every row without writing anything', async () => {
    file = await xlsxOf([
      ...good.slice(0, 10),
      bad[0]!,
      ...good.slice(10, 20),
      bad[1]!,
      bad[2]!,
      ...good.slice(20),
    ]);
    const before = await written();
    const res = await uploadImport(t, office, duk, 'Danh sách đảng viên.xlsx', file);
    expect(res.statusCode, res.body).toBe(202);
    const accepted = res.json();
    expect(accepted).toMatchObject({
      status: 'parsing',
      organizationId: duk,
      fileName: 'Danh sách đảng viên.xlsx',
    });
    expect(accepted.totalRows).toBe(33);
    const job = await settled(office, accepted.id);
    importId = job.id;
    expect(job).toMatchObject({ status: 'preview', totalRows: 33, processedRows: 33 });
    expect(job.counts).toEqual({ new: 30, changed: 0, unchanged: 0, rejected: 3 });
    // Row numbers as the spreadsheet shows them: the header is row 1.
    expect(job.errors.map((e) => [e.row, e.field])).toEqual([
      [12, 'Ngày sinh'],
      [23, 'Ngày vào Đảng'],
      [24, 'Giới tính'],
      [24, 'Lý luận chính trị'],
    ]);
    expect(job.errors[0]!.message).toContain('«31/02/1980» không phải là ngày có thật');
    expect(job.errors[1]!.message).toContain('«1980-13-01» không phải là ngày có thật');
    expect(job.errors[2]!.message).toContain('«Không rõ»');
    expect(await written()).toBe(before);
  });

  it('gives the rejected rows back as a workbook with a "Lỗi" column', async () => {
    const res = await office.get(`/api/v1/member-imports/${importId}/errors.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const sheet = (await readWorkbook(res.rawPayload)).get('Đảng viên')!;
    expect(sheet[0]).toEqual(['Dòng', ...HEADERS, 'Lỗi']);
    expect(sheet.map((r) => r[0])).toEqual(['Dòng', 12, 23, 24]);
    const lastColumn = HEADERS.length + 1;
    expect(sheet[1]![HEADERS.indexOf('Ngày sinh') + 1]).toBe('31/02/1980');
    expect(sheet[1]![lastColumn]).toMatch(/^Ngày sinh: «31\/02\/1980» không phải là ngày có thật/);
    expect(String(sheet[3]![lastColumn]).split('\n')).toEqual([
      expect.stringMatching(/^Giới tính: «Không rõ»/),
      expect.stringMatching(/^Lý luận chính trị: «Thạc sĩ»/),
    ]);
  });

  it('writes the new rows in one transaction with one audit event', async () => {
    const eventsBefore = await count(sql`SELECT count(*) AS n FROM audit_events`);
    const membersBefore = await count(sql`SELECT count(*) AS n FROM members`);
    const res = await commit(office, importId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      id: importId,
      status: 'committed',
      counts: { new: 30, changed: 0, unchanged: 0, rejected: 3 },
    });
    expect(await count(sql`SELECT count(*) AS n FROM members`)).toBe(membersBefore + 30);
    const events = await rows<{ action: string; entity_id: string; organization_id: string; after: unknown }>(
      t,
      sql`SELECT action, entity_id, organization_id, after FROM audit_events ORDER BY seq DESC LIMIT 1`,
    );
    expect(await count(sql`SELECT count(*) AS n FROM audit_events`)).toBe(eventsBefore + 1);
    expect(events[0]).toMatchObject({
      action: 'member.import',
      entity_id: importId,
      organization_id: duk,
      after: { importId, counts: { new: 30, changed: 0, unchanged: 0, rejected: 3 } },
    });
    const first = good[0]!;
    const stored = (await memberByCard(String(first.cardNumber)))!;
    const cellPath = (
      await rows<{ path: string }>(t, sql`SELECT path FROM organizations WHERE id = ${cb02}`)
    )[0]!.path;
    expect(stored).toMatchObject({
      full_name: first.fullName,
      sort_key: vietnameseNameSortKey(String(first.fullName)),
      search_text: foldVietnamese(`${first.fullName} ${first.cardNumber}`),
      organization_id: cb02,
      organization_path: cellPath,
      gender: 'male',
      status: 'full',
      theory_level: 'trung_cap',
      version: 1,
      is_leader: false,
    });
    expect(String(stored.birth_date)).toContain('1960');
    // The job is done; a second confirmation is refused.
    expectError(await commit(office, importId), 409, 'IMPORT_NOT_READY');
    expect((await office.get(`/api/v1/member-imports/${importId}`)).json().status).toBe('committed');
  });

  it('re-importing the same file (as .xlsx or .csv) finds every row unchanged and writes nothing', async () => {
    for (const [name, content] of [
      ['lai.xlsx', file],
      ['lai.csv', csvOf([...good.slice(0, 10), bad[0]!, ...good.slice(10)], { delimiter: ';', bom: true })],
    ] as const) {
      const job = await preview(t, office, duk, name, content);
      expect(job.counts).toMatchObject({ new: 0, changed: 0, unchanged: 30 });
      const before = await written();
      const res = await commit(office, job.id);
      expect(res.statusCode, res.body).toBe(200);
      expect(await written()).toBe(before);
    }
  });

  it('a changed row updates that member only', async () => {
    const edited = good.map((r, i) =>
      i === 4 ? { ...r, employer: 'Kho bạc Nhà nước tỉnh', status: '' } : r,
    );
    const job = await preview(t, office, duk, 'sua.csv', csvOf(edited));
    expect(job.counts).toEqual({ new: 0, changed: 1, unchanged: 29, rejected: 0 });
    expect((await commit(office, job.id)).statusCode).toBe(200);
    const changed = (await memberByCard(String(good[4]!.cardNumber)))!;
    expect(changed).toMatchObject({ employer: 'Kho bạc Nhà nước tỉnh', status: 'full', version: 2 });
    const other = (await memberByCard(String(good[5]!.cardNumber)))!;
    expect(other).toMatchObject({ employer: 'Sở Tài chính', version: 1 });
  });

  it('a column the file lacks keeps the stored values', async () => {
    const keys = ['fullName', 'gender', 'birthDate', 'cardNumber', 'admittedOn'];
    const job = await preview(t, office, duk, 'it-cot.xlsx', await xlsxOf(good.slice(0, 5), { keys }));
    expect(job.counts).toEqual({ new: 0, changed: 0, unchanged: 5, rejected: 0 });
    const moved = good.slice(0, 2).map((r) => ({ ...r, fullName: `${r.fullName} Hồng` }));
    const renamed = await preview(t, office, duk, 'doi-ten.xlsx', await xlsxOf(moved, { keys }));
    expect(renamed.counts).toEqual({ new: 0, changed: 2, unchanged: 0, rejected: 0 });
    expect((await commit(office, renamed.id)).statusCode).toBe(200);
    const stored = (await memberByCard(String(good[0]!.cardNumber)))!;
    expect(stored).toMatchObject({
      full_name: `${good[0]!.fullName} Hồng`,
      sort_key: vietnameseNameSortKey(`${good[0]!.fullName} Hồng`),
      employer: 'Sở Tài chính',
      email: good[0]!.email,
      organization_id: cb02,
    });
  });
});

describe('members without a card yet', () => {
  it('are recognised by name and date of birth, and get their card later', async () => {
    const probationary = member(300, {
      cardNumber: '',
      fullName: 'Trịnh Thị Dự Bị',
      admittedOn: '10/10/2019',
      fullMemberOn: '',
      status: 'Dự bị',
    });
    const job = await preview(t, office, duk, 'du-bi.csv', csvOf([probationary]));
    expect(job.counts).toEqual({ new: 1, changed: 0, unchanged: 0, rejected: 0 });
    expect((await commit(office, job.id)).statusCode).toBe(200);
    const again = await preview(t, office, duk, 'du-bi.csv', csvOf([probationary]));
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 1, rejected: 0 });
    const carded = await preview(
      t,
      office,
      duk,
      'co-the.csv',
      csvOf([{ ...probationary, cardNumber: '900000300' }]),
    );
    expect(carded.counts).toEqual({ new: 0, changed: 1, unchanged: 0, rejected: 0 });
    expect((await commit(office, carded.id)).statusCode).toBe(200);
    const stored = await rows<{ card_number: string; status: string }>(
      t,
      sql`SELECT card_number, status FROM members WHERE full_name = 'Trịnh Thị Dự Bị'`,
    );
    expect(stored).toEqual([{ card_number: '900000300', status: 'probationary' }]);
    // The card is known now: the same row without it is not taken for a second person.
    const blank = await preview(t, office, duk, 'du-bi.csv', csvOf([probationary]));
    expect(blank.counts).toEqual({ new: 0, changed: 0, unchanged: 0, rejected: 1 });
    expect(blank.errors[0]).toMatchObject({ field: 'Số thẻ đảng viên' });
    expect(blank.errors[0]!.message).toContain('«900000300»');
  });
});

describe('duplicates', () => {
  it('a card number twice in the file: the later row is refused, naming the first', async () => {
    const job = await preview(
      t,
      office,
      duk,
      'trung.xlsx',
      await xlsxOf([member(400), member(401), member(402, { cardNumber: String(member(400).cardNumber) })]),
    );
    expect(job.counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 1 });
    expect(job.errors).toEqual([
      {
        row: 4,
        field: 'Số thẻ đảng viên',
        message: 'Số thẻ đảng viên «900000400» trùng với dòng 2 của tệp.',
      },
    ]);
  });

  it('a card number of a member outside the chosen organization is refused', async () => {
    const [outside] = await rows<{ card_number: string }>(
      t,
      sql`SELECT m.card_number FROM members m JOIN organizations o ON o.id = m.organization_id
           WHERE m.card_number IS NOT NULL AND o.path LIKE (SELECT path FROM organizations WHERE id = ${lelois}) || '%'
           LIMIT 1`,
    );
    expect(outside).toBeDefined();
    const job = await preview(
      t,
      office,
      duk,
      'ngoai.csv',
      csvOf([member(410, { cardNumber: outside!.card_number })]),
    );
    expect(job.counts.rejected).toBe(1);
    expect(job.errors[0]).toMatchObject({ row: 2, field: 'Số thẻ đảng viên' });
    expect(job.errors[0]!.message).toContain('ngoài «Đảng bộ Khối Các cơ quan tỉnh»');
  });

  it('a card number of a member in another cell asks for a transfer instead', async () => {
    const row = member(420, { organizationCode: 'NA-DUK-STC-CB02' });
    const first = await preview(t, office, duk, 'cb02.csv', csvOf([row]));
    expect((await commit(office, first.id)).statusCode).toBe(200);
    const job = await preview(
      t,
      office,
      duk,
      'cb03.csv',
      csvOf([{ ...row, organizationCode: 'NA-DUK-STC-CB03' }]),
    );
    expect(job.counts.rejected).toBe(1);
    expect(job.errors[0]).toMatchObject({ field: 'Mã tổ chức' });
    expect(job.errors[0]!.message).toContain('chuyển sinh hoạt');
  });
});

describe('scope', () => {
  it('uploading needs the right to manage members of the organization', async () => {
    const content = csvOf([member(500)]);
    for (const [agent, org, status, code] of [
      [office, lelois, 404, 'ORG_NOT_FOUND'],
      [inspector, duk, 403, 'FORBIDDEN'],
      [memberRole, cb02, 403, 'FORBIDDEN'],
    ] as const) {
      const res = await refusedWithoutWrite(t, () => uploadImport(t, agent, org, 'ds.csv', content));
      expectError(res, status, code);
    }
  });

  it('rows of organizations outside the chosen one, or unknown, are refused alike', async () => {
    const job = await preview(
      t,
      secretarySTC,
      stc,
      'ngoai.xlsx',
      await xlsxOf([
        member(510, { organizationCode: 'NA-VINH-LELOI' }),
        member(511, { organizationCode: 'NA-DUK' }),
        member(512, { organizationCode: 'KHONG-CO-MA-NAY' }),
        member(513, { organizationCode: 'na-duk-stc-cb02' }),
        member(514, { organizationCode: '' }),
      ]),
    );
    expect(job.counts).toEqual({ new: 2, changed: 0, unchanged: 0, rejected: 3 });
    expect(job.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'Mã tổ chức'],
      [3, 'Mã tổ chức'],
      [4, 'Mã tổ chức'],
    ]);
    expect(job.errors[0]!.message).toBe(
      'Không có tổ chức mã «NA-VINH-LELOI» trong «Đảng bộ Sở Tài chính» và các tổ chức trực thuộc.',
    );
    expect(job.errors[2]!.message).toContain('«KHONG-CO-MA-NAY»');
  });

  it('only the creator or an administrator sees an import', async () => {
    const job = await preview(t, office, duk, 'rieng.csv', csvOf([member(520)]));
    for (const url of [`/api/v1/member-imports/${job.id}`, `/api/v1/member-imports/${job.id}/errors.xlsx`]) {
      expectError(await secretary.get(url), 404, 'IMPORT_NOT_FOUND');
      expectError(await inspector.get(url), 404, 'IMPORT_NOT_FOUND');
      expect((await admin.get(url)).statusCode).toBe(200);
    }
    expectError(await refusedWithoutWrite(t, () => commit(secretary, job.id)), 404, 'IMPORT_NOT_FOUND');
    expectError(
      await office.get('/api/v1/member-imports/01a23133-66e7-751d-83f1-60b48d714be3'),
      404,
      'IMPORT_NOT_FOUND',
    );
  });

  it("the importer's reach is checked again at commit", async () => {
    const job = await preview(t, office, duk, 'vai-tro.csv', csvOf([member(530)]));
    const officeId = office.user.id;
    const account = (await admin.get(`/api/v1/users/${officeId}`)).json();
    const removed = await admin.patch(`/api/v1/users/${officeId}`, { version: account.version, roles: [] });
    expect(removed.statusCode, removed.body).toBe(200);
    expectError(await refusedWithoutWrite(t, () => commit(office, job.id)), 404, 'IMPORT_NOT_FOUND');
    const back = await admin.patch(`/api/v1/users/${officeId}`, {
      version: removed.json().version,
      roles: [{ role: 'office', organizationId: duk }],
    });
    expect(back.statusCode, back.body).toBe(200);
    expect((await commit(office, job.id)).statusCode).toBe(200);
  });

  it('an organization moved out of the subtree since the preview rolls the import back', async () => {
    const job = await preview(
      t,
      office,
      duk,
      'chuyen.csv',
      csvOf([member(540), member(541, { organizationCode: '' })]),
    );
    expect(job.counts.new).toBe(2);
    const dkdn = await orgIdByCode(t, 'NA-DKDN');
    const org = (await admin.get(`/api/v1/organizations/${stc}`)).json();
    const moved = await admin.post(`/api/v1/organizations/${stc}/move`, {
      parentId: dkdn,
      version: org.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    try {
      expectError(await refusedWithoutWrite(t, () => commit(office, job.id)), 409, 'IMPORT_STALE');
    } finally {
      const back = await admin.post(`/api/v1/organizations/${stc}/move`, {
        parentId: duk,
        version: moved.json().version,
      });
      expect(back.statusCode, back.body).toBe(200);
    }
  });
});

describe('an interrupted commit leaves the database as it was', () => {
  it('a card number taken concurrently after the preview: nothing is written', async () => {
    const file = csvOf([member(600), member(601), member(602)]);
    const job = await preview(t, office, duk, 'dong-thoi.csv', file);
    expect(job.counts.new).toBe(3);
    const org = (await rows<{ path: string }>(t, sql`SELECT path FROM organizations WHERE id = ${cb02}`))[0]!;
    await t.database.db.insert(members).values({
      organizationId: cb02,
      organizationPath: org.path,
      fullName: 'Người Nhập Trước',
      sortKey: vietnameseNameSortKey('Người Nhập Trước'),
      searchText: 'nguoi nhap truoc 900000602',
      cardNumber: '900000602',
      gender: 'male',
      birthDate: '1970-01-01',
      admittedOn: '2000-01-01',
      fullMemberOn: '2001-01-01',
      status: 'full',
      joinedOrganizationOn: '2000-01-01',
    });
    const before = await dataDigest(t);
    const res = await commit(office, job.id);
    expectError(res, 409, 'IMPORT_STALE');
    expect(await dataDigest(t)).toBe(before);
    expect(await memberByCard('900000600')).toBeUndefined();
  });

  it('a member edited after the preview: nothing is written', async () => {
    const row = member(610);
    const first = await preview(t, office, duk, 'a.csv', csvOf([row, member(611)]));
    expect((await commit(office, first.id)).statusCode).toBe(200);
    const job = await preview(t, office, duk, 'b.csv', csvOf([{ ...row, phone: '0987654321' }, member(612)]));
    expect(job.counts).toEqual({ new: 1, changed: 1, unchanged: 0, rejected: 0 });
    await t.database.db.execute(
      sql`UPDATE members SET version = version + 1, email = 'moi@example.vn' WHERE card_number = ${row.cardNumber as string}`,
    );
    const before = await dataDigest(t);
    expectError(await commit(office, job.id), 409, 'IMPORT_STALE');
    expect(await dataDigest(t)).toBe(before);
  });
});

describe('the template', () => {
  it('has the Vietnamese headers, an example row and a sheet explaining each column', async () => {
    const res = await office.get('/api/v1/member-imports/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const sheets = await readWorkbook(res.rawPayload);
    expect([...sheets.keys()]).toEqual(['Đảng viên', 'Hướng dẫn']);
    const data = sheets.get('Đảng viên')!;
    expect(data[0]).toEqual(HEADERS);
    expect(data).toHaveLength(2);
    const help = sheets.get('Hướng dẫn')!;
    for (const header of HEADERS) expect(help.map((r) => r[0])).toContain(header);
    // The template itself imports: its example row is a valid member of a cell of NA-DUK.
    const job = await preview(t, office, duk, 'Mẫu.xlsx', res.rawPayload);
    expect(job.counts).toEqual({ new: 1, changed: 0, unchanged: 0, rejected: 0 });
    expectError(await inspector.get('/api/v1/member-imports/template.xlsx'), 403, 'FORBIDDEN');
  });
});

describe('a restart', () => {
  it('shows an import left being read as failed, and drops its rows', async () => {
    const [user] = await rows<{ id: string }>(t, sql`SELECT id FROM users WHERE username = 'vanphong'`);
    const [job] = await t.database.db
      .insert(importJobs)
      .values({
        kind: 'members',
        organizationId: duk,
        fileName: 'dang-doc.xlsx',
        sha256: 'x',
        status: 'parsing',
        createdBy: user!.id,
      })
      .returning();
    await t.database.db
      .insert(importRows)
      .values({ importId: job!.id, rowNumber: 2, action: 'new', data: {} });
    expect(await failStaleImports(t.database.db)).toBe(1);
    const shown = (await office.get(`/api/v1/member-imports/${job!.id}`)).json();
    expect(shown.status).toBe('failed');
    expect(shown.message).toContain('khởi động lại');
    expect(await count(sql`SELECT count(*) AS n FROM import_rows WHERE import_id = ${job!.id}`)).toBe(0);
    expect(await failStaleImports(t.database.db)).toBe(0);
  });
});
