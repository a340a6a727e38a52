import { compareVietnameseNames } from '@daihoi/core';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allPages,
  expectError,
  expectValidation,
  failOnServerErrors,
  refusedWithoutWrite,
  rows,
} from '../../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../../test/harness.js';
import { applyDueTransfers } from './service.js';

interface Member {
  id: string;
  organizationId: string;
  organizationName: string;
  fullName: string;
  cardNumber: string | null;
  gender: string;
  birthDate: string;
  admittedOn: string;
  fullMemberOn: string | null;
  status: string;
  isLeader: boolean;
  joinedOrganizationOn: string;
  age: number;
  warnings: { code: string; message: string }[];
  version: number;
  transfers: {
    id: string;
    fromOrganization: { id: string; name: string } | null;
    toOrganization: { id: string; name: string } | null;
    destination: string | null;
    transferredOn: string;
    reason: string | null;
    status: string;
  }[];
  committeeSeats: {
    id: string;
    organizationId: string;
    termId: string;
    termName: string;
    position: string;
  }[];
  account: { id: string; username: string } | null;
}

const serverErrors = failOnServerErrors();
let t: TestApp;
let admin: Agent;
let vanphong: Agent;
let vanphongTu: Agent;
let bithuStc: Agent;
let kiemtra: Agent;
let dangvien: Agent;
const ids = new Map<string, string>();
let serial = 0;

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [admin, vanphong, vanphongTu, bithuStc, kiemtra, dangvien] = (await Promise.all(
    ['admin', 'vanphong', 'vanphong.tu', 'bithu.stc', 'kiemtra', 'dangvien'].map((u) => t.login(u)),
  )) as [Agent, Agent, Agent, Agent, Agent, Agent];
  for (const code of [
    'NA',
    'NA-DUK',
    'NA-DUK-STC',
    'NA-DUK-STC-CB01',
    'NA-DUK-STC-CB02',
    'NA-DUK-SXD',
    'NA-VINH',
    'NA-VINH-LELOI',
  ]) {
    ids.set(code, await orgIdByCode(t, code));
  }
});
afterAll(() => t.close());

const id = (code: string) => {
  const v = ids.get(code);
  if (!v) throw new Error(`unknown code ${code}`);
  return v;
};

/** A unique 8-digit card number. */
// Ten digits: never one of the demo's eight-digit cards.
const card = () => String(9_000_000_000 + ++serial);

/** A fresh cell under `parentCode`, so that each test reads only the members it made. */
async function newCell(
  parentCode = 'NA-DUK-STC',
  level = 'cell',
  kind = 'subordinate_cell',
): Promise<string> {
  const n = ++serial;
  const res = await admin.post('/api/v1/organizations', {
    parentId: ids.get(parentCode) ?? parentCode,
    code: `DV-${n}`,
    name: `Chi bộ Thử nghiệm ${n}`,
    level,
    kind,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const person = (organizationId: string, overrides: Record<string, unknown> = {}) => ({
  organizationId,
  fullName: 'Nguyễn Thị Lan',
  cardNumber: card(),
  gender: 'female',
  birthDate: '1980-03-02',
  admittedOn: '2005-05-19',
  fullMemberOn: '2006-05-19',
  status: 'full',
  ...overrides,
});

async function create(organizationId: string, overrides: Record<string, unknown> = {}, agent = admin) {
  const res = await agent.post('/api/v1/members', person(organizationId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Member;
}

const read = async (memberId: string, agent = admin): Promise<Member> => {
  const res = await agent.get(`/api/v1/members/${memberId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const list = async (query: string, agent = admin): Promise<Member[]> =>
  allPages<Member>(agent, `/api/v1/members?${query}`);

const names = (items: { fullName: string }[]) => items.map((m) => m.fullName);

describe('a member record', () => {
  it('is created, read back with age, organization and history, and audited', async () => {
    const cell = await newCell();
    const created = await create(cell, { ethnicity: 'Kinh', theoryLevel: 'trung_cap', isLeader: true });
    expect(created).toMatchObject({
      organizationId: cell,
      organizationName: expect.stringContaining('Chi bộ Thử nghiệm'),
      fullName: 'Nguyễn Thị Lan',
      gender: 'female',
      birthDate: '1980-03-02',
      status: 'full',
      isLeader: true,
      theoryLevel: 'trung_cap',
      joinedOrganizationOn: '2005-05-19',
      age: 40,
      warnings: [],
      version: 1,
      transfers: [],
      committeeSeats: [],
      account: null,
    });
    expect(await read(created.id)).toEqual(created);
    const [event] = await rows<{ action: string; organization_id: string }>(
      t,
      sql`SELECT action, organization_id FROM audit_events WHERE entity = 'member' AND entity_id = ${created.id}`,
    );
    expect(event).toEqual({ action: 'member.create', organization_id: cell });
  });

  it('refuses each rule of the rule set with its Vietnamese message, naming the field, writing nothing', async () => {
    const cell = await newCell();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ birthDate: '1990-01-01' }, 'MEMBER_TOO_YOUNG_AT_ADMISSION', 'admittedOn'],
      [{ fullMemberOn: '2004-12-31' }, 'MEMBER_FULL_BEFORE_ADMISSION', 'fullMemberOn'],
      [
        { admittedOn: '2020-03-16', fullMemberOn: null, status: 'probationary' },
        'MEMBER_DATE_IN_FUTURE',
        'admittedOn',
      ],
      [{ fullMemberOn: null }, 'MEMBER_FULL_DATE_REQUIRED', 'fullMemberOn'],
      [{ cardNumber: '12-34' }, 'MEMBER_CARD_INVALID', 'cardNumber'],
      [{ fullName: '1234' }, 'MEMBER_NAME_INVALID', 'fullName'],
    ];
    for (const [overrides, code, field] of cases) {
      const res = await refusedWithoutWrite(t, () => admin.post('/api/v1/members', person(cell, overrides)));
      const error = expectError(res, 400, code);
      expect(error.details).toContainEqual(expect.objectContaining({ path: field, code }));
      if (code === 'MEMBER_TOO_YOUNG_AT_ADMISSION')
        expect(error.message).toContain('Điều lệ Đảng (2011), Điều 1');
    }
    for (const [overrides, path] of [
      [{ gender: 'x' }, 'body.gender'],
      [{ birthDate: '1980-02-30' }, 'body.birthDate'],
      [{ birthDate: '15/03/1980' }, 'body.birthDate'],
      [{ status: 'active' }, 'body.status'],
      [{ organizationId: 'NA-DUK' }, 'body.organizationId'],
      [{ khac: 1 }, 'body'],
    ] as const) {
      await refusedWithoutWrite(t, async () => {
        const res = await admin.post('/api/v1/members', person(cell, overrides));
        expectValidation(res, path);
        return res;
      });
    }
    expect(await list(`organizationId=${cell}`)).toEqual([]);
  });

  it('keeps the card number unique across the system (409), on create and on edit', async () => {
    const a = await create(await newCell());
    const b = await create(await newCell('NA-VINH-LELOI'));
    const taken = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/members', person(id('NA-DUK-SXD'), { cardNumber: a.cardNumber })),
    );
    expect(expectError(taken, 409, 'MEMBER_CARD_TAKEN').details).toEqual([
      expect.objectContaining({ path: 'cardNumber' }),
    ]);
    const edit = await refusedWithoutWrite(t, () =>
      admin.patch(`/api/v1/members/${b.id}`, { version: b.version, cardNumber: a.cardNumber }),
    );
    expectError(edit, 409, 'MEMBER_CARD_TAKEN');
    // Members without a card yet are not in conflict with each other.
    const cell = await newCell();
    await create(cell, {
      cardNumber: null,
      status: 'probationary',
      fullMemberOn: null,
      admittedOn: '2019-06-01',
    });
    await create(cell, {
      cardNumber: '',
      status: 'probationary',
      fullMemberOn: null,
      admittedOn: '2019-06-01',
    });
  });

  it('is edited with its version (409 when stale), re-checked against the rules', async () => {
    const m = await create(await newCell(), {
      status: 'probationary',
      fullMemberOn: null,
      admittedOn: '2019-06-01',
    });
    const res = await admin.patch(`/api/v1/members/${m.id}`, {
      version: 1,
      status: 'full',
      fullMemberOn: '2020-06-01',
    });
    expectError(res, 400, 'MEMBER_DATE_IN_FUTURE');
    const ok = await admin.patch(`/api/v1/members/${m.id}`, {
      version: 1,
      status: 'full',
      fullMemberOn: '2020-03-01',
      fullName: 'Đặng Thị Hồng Nhung',
      phone: '0912345678',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, status: 'full', fullName: 'Đặng Thị Hồng Nhung' });
    const stale = await refusedWithoutWrite(t, () =>
      admin.patch(`/api/v1/members/${m.id}`, { version: 1, phone: '0987654321' }),
    );
    expect(expectError(stale, 409, 'VERSION_CONFLICT').details).toEqual({ currentVersion: 2 });
    // The organization changes only through a transfer; so does leaving the system.
    expectValidation(
      await admin.patch(`/api/v1/members/${m.id}`, { version: 2, organizationId: id('NA-DUK-SXD') }),
      'body',
    );
    expectError(
      await admin.patch(`/api/v1/members/${m.id}`, { version: 2, status: 'transferred_out' }),
      400,
      'MEMBER_STATUS_VIA_TRANSFER',
    );
    // The new name is found by its folded form.
    const found = await list(`q=${encodeURIComponent('dang thi hong nhung')}`);
    expect(found.map((x) => x.id)).toContain(m.id);
  });

  it('warns when a probationary member is past the 12 months of probation', async () => {
    const m = await create(await newCell(), {
      status: 'probationary',
      fullMemberOn: null,
      admittedOn: '2019-03-14',
    });
    expect(m.warnings).toEqual([expect.objectContaining({ code: 'PROBATION_OVERDUE' })]);
    expect(m.warnings[0]!.message).toContain('Điều lệ Đảng (2011), Điều 5');
    const onTime = await create(await newCell(), {
      status: 'probationary',
      fullMemberOn: null,
      admittedOn: '2019-03-15',
    });
    expect(onTime.warnings).toEqual([]);
  });
});

describe('finding members', () => {
  let cell: string;
  const people = [
    'Nguyễn Thị Lan',
    'Nguyễn Văn An',
    'Đặng Văn Đức',
    'Trần Văn Dũng',
    'Lê Thị Ánh',
    'Hồ Sỹ Anh',
    'Phan Đình Bảo',
    'Nguyễn Thị Lân',
    'Võ Thị Lan',
    'Bùi An',
  ];
  const created = new Map<string, Member>();

  beforeAll(async () => {
    cell = await newCell();
    for (const [i, fullName] of people.entries()) {
      const member = await create(cell, {
        fullName,
        gender: i % 2 ? 'male' : 'female',
        birthDate: `${1960 + i * 4}-01-15`,
        admittedOn: `${1990 + i * 3}-06-01`,
        fullMemberOn: `${1991 + i * 3}-06-01`,
        isLeader: i < 3,
        status: i === 9 ? 'deceased' : 'full',
      });
      created.set(fullName, member);
    }
  });

  it('searches without diacritics: "nguyen thi lan" finds "Nguyễn Thị Lan", đ ≈ d', async () => {
    const q = async (text: string) =>
      names(await list(`organizationId=${cell}&q=${encodeURIComponent(text)}`));
    expect(await q('nguyen thi lan')).toEqual(['Nguyễn Thị Lan', 'Nguyễn Thị Lân']);
    expect(await q('NGUYỄN THỊ LAN')).toEqual(['Nguyễn Thị Lan', 'Nguyễn Thị Lân']);
    expect(await q('dang van duc')).toEqual(['Đặng Văn Đức']);
    expect(await q('đức')).toEqual(['Đặng Văn Đức']);
    expect((await q('dung')).sort()).toEqual(['Trần Văn Dũng']);
    // Words in any order, any part of the name.
    expect(await q('lan nguyen')).toEqual(['Nguyễn Thị Lan', 'Nguyễn Thị Lân']);
    expect(await q('thi lan')).toEqual(['Nguyễn Thị Lan', 'Võ Thị Lan', 'Nguyễn Thị Lân']);
    // A card number, whole or in part; LIKE's wildcards are plain characters.
    const duc = created.get('Đặng Văn Đức')!;
    expect(await q(duc.cardNumber!)).toEqual(['Đặng Văn Đức']);
    expect(await q('%')).toEqual([]);
    expect(await q('_')).toEqual([]);
  });

  it('lists in Vietnamese name order (given name, middle, family)', async () => {
    const listed = names(await list(`organizationId=${cell}`));
    expect(listed).toEqual([...people].sort(compareVietnameseNames));
    expect(listed.slice(0, 3)).toEqual(['Bùi An', 'Nguyễn Văn An', 'Hồ Sỹ Anh']);
  });

  it('pages on the server with a cursor, without gaps or repeats', async () => {
    const whole = await list(`organizationId=${cell}&limit=500`);
    const first = await admin.get(`/api/v1/members?organizationId=${cell}&limit=3`);
    expect(first.json().items).toHaveLength(3);
    expect(first.json().nextCursor).toEqual(expect.any(String));
    const paged = await list(`organizationId=${cell}&limit=3`);
    expect(paged.map((m) => m.id)).toEqual(whole.map((m) => m.id));
    expectError(
      await admin.get(`/api/v1/members?cursor=${Buffer.from('["a","b"]').toString('base64url')}`),
      400,
      'INVALID_CURSOR',
    );
    expectValidation(await admin.get('/api/v1/members?limit=501'), 'querystring.limit');
  });

  it('filters by status, gender, age band, join year and leadership, in SQL', async () => {
    const f = async (query: string) => names(await list(`organizationId=${cell}&${query}`)).sort();
    expect(await f('status=deceased')).toEqual(['Bùi An']);
    expect((await f('gender=male')).length).toBe(5);
    // Born 1960 + 4i on 15 January; on 15/03/2020: 60, 56, 52, 48, 44, 40, 36, 32, 28, 24.
    expect(await f('ageBand=60_plus')).toEqual(['Nguyễn Thị Lan']);
    expect(await f('ageBand=40_49')).toEqual(['Hồ Sỹ Anh', 'Lê Thị Ánh', 'Trần Văn Dũng'].sort());
    expect(await f('ageBand=under_30')).toEqual(['Bùi An', 'Võ Thị Lan'].sort());
    expect(await f('joinYear=1996')).toEqual(['Đặng Văn Đức']);
    expect(await f('isLeader=true')).toEqual(['Nguyễn Thị Lan', 'Nguyễn Văn An', 'Đặng Văn Đức'].sort());
    expect(await f('gender=female&isLeader=true')).toEqual(['Nguyễn Thị Lan', 'Đặng Văn Đức'].sort());
    expectValidation(await admin.get('/api/v1/members?ageBand=old'), 'querystring.ageBand');
    expectValidation(await admin.get('/api/v1/members?joinYear=abc'), 'querystring.joinYear');
  });
});

describe('scope', () => {
  let vinhMember: Member;
  let dukMember: Member;
  let ownMember: Member;
  let neighbour: Member;

  beforeAll(async () => {
    vinhMember = await create(id('NA-VINH-LELOI'), { fullName: 'Cao Thị Tuyệt Mật' });
    dukMember = await create(id('NA-DUK-STC-CB01'), { fullName: 'Lò Văn Tuyệt Mật' });
    ownMember = await create(id('NA-DUK-STC-CB02'), { fullName: 'Trần Thị Mai Anh' });
    neighbour = await create(id('NA-DUK-STC-CB02'), { fullName: 'Mạc Thị Hàng Xóm' });
  });

  it('an office of NA-DUK cannot see a member of NA-VINH: 404, and never in a list', async () => {
    expectError(await vanphong.get(`/api/v1/members/${vinhMember.id}`), 404, 'MEMBER_NOT_FOUND');
    expectError(
      await vanphong.patch(`/api/v1/members/${vinhMember.id}`, { version: 1, phone: '1' }),
      404,
      'MEMBER_NOT_FOUND',
    );
    expectError(
      await vanphong.post(`/api/v1/members/${vinhMember.id}/transfers`, {
        toOrganizationId: id('NA-DUK-SXD'),
        transferredOn: '2020-03-01',
      }),
      404,
      'MEMBER_NOT_FOUND',
    );
    expectError(await vanphong.get(`/api/v1/members?organizationId=${id('NA-VINH')}`), 404, 'ORG_NOT_FOUND');
    for (const agent of [vanphong, kiemtra, bithuStc]) {
      const all = await list('limit=500', agent);
      expect(all.map((m) => m.id)).not.toContain(vinhMember.id);
      const searched = names(await list(`q=${encodeURIComponent('tuyet mat')}`, agent));
      expect(searched).toEqual(['Lò Văn Tuyệt Mật']);
      for (const m of all) expect(m.organizationId).not.toBe(id('NA-VINH-LELOI'));
    }
    expect(names(await list(`q=${encodeURIComponent('tuyet mat')}`, vanphongTu)).sort()).toEqual(
      ['Cao Thị Tuyệt Mật', 'Lò Văn Tuyệt Mật'].sort(),
    );
    expectError(await vanphong.post('/api/v1/members', person(id('NA-VINH-LELOI'))), 404, 'ORG_NOT_FOUND');
  });

  it('an inspector reads but does not write', async () => {
    expect((await read(dukMember.id, kiemtra)).fullName).toBe('Lò Văn Tuyệt Mật');
    expectError(
      await kiemtra.patch(`/api/v1/members/${dukMember.id}`, { version: 1, phone: '1' }),
      403,
      'FORBIDDEN',
    );
    expectError(await kiemtra.post('/api/v1/members', person(id('NA-DUK-STC-CB01'))), 403, 'FORBIDDEN');
  });

  it('a member sees only their own record, once the account is linked to it', async () => {
    // Unlinked, the account reads no member at all.
    const account = (await admin.get(`/api/v1/users/${dangvien.user.id}`)).json();
    const unlinked = await admin.patch(`/api/v1/users/${dangvien.user.id}`, {
      version: account.version,
      memberId: null,
    });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(unlinked.json().memberId).toBeNull();
    expect(await list('', dangvien)).toEqual([]);
    expectError(await dangvien.get(`/api/v1/members/${ownMember.id}`), 404, 'MEMBER_NOT_FOUND');
    const linked = await admin.patch(`/api/v1/users/${dangvien.user.id}`, {
      version: unlinked.json().version,
      memberId: ownMember.id,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().memberId).toBe(ownMember.id);

    expect((await list('', dangvien)).map((m) => m.id)).toEqual([ownMember.id]);
    expect((await list(`organizationId=${id('NA-DUK-STC-CB02')}`, dangvien)).map((m) => m.id)).toEqual([
      ownMember.id,
    ]);
    expect((await read(ownMember.id, dangvien)).account).toEqual({
      id: dangvien.user.id,
      username: 'dangvien',
    });
    expectError(await dangvien.get(`/api/v1/members/${neighbour.id}`), 404, 'MEMBER_NOT_FOUND');
    expectError(await dangvien.get(`/api/v1/members/${dukMember.id}`), 404, 'MEMBER_NOT_FOUND');
    expectError(
      await dangvien.patch(`/api/v1/members/${ownMember.id}`, { version: 1, phone: '1' }),
      403,
      'FORBIDDEN',
    );
    expectError(await dangvien.get('/api/v1/members/statistics'), 403, 'FORBIDDEN');
    expectError(await dangvien.get('/api/v1/members/export.xlsx'), 403, 'FORBIDDEN');
  });

  it('links one account per member, to a member that exists', async () => {
    const other = (await admin.get(`/api/v1/users?q=vanphong.tu`)).json().items[0];
    const twice = await refusedWithoutWrite(t, () =>
      admin.patch(`/api/v1/users/${other.id}`, { version: other.version, memberId: ownMember.id }),
    );
    expectError(twice, 409, 'MEMBER_ACCOUNT_TAKEN');
    const missing = await admin.patch(`/api/v1/users/${other.id}`, {
      version: other.version,
      memberId: '01890000-0000-7000-8000-000000000000',
    });
    expect(expectError(missing, 400, 'MEMBER_NOT_FOUND').details).toEqual([
      expect.objectContaining({ path: 'memberId' }),
    ]);
    expectValidation(
      await admin.patch(`/api/v1/users/${other.id}`, { version: other.version, memberId: 'x' }),
      'body.memberId',
    );
  });
});

describe('transfers (chuyển sinh hoạt)', () => {
  it('applies a transfer dated on or before the business date at once, and keeps the history', async () => {
    const from = await newCell();
    const m = await create(from, { fullName: 'Quách Thị Chuyển' });
    const res = await admin.post(`/api/v1/members/${m.id}/transfers`, {
      toOrganizationId: id('NA-VINH-LELOI'),
      transferredOn: '2020-03-15',
      reason: 'Chuyển công tác',
    });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json() as Member;
    expect(moved).toMatchObject({
      organizationId: id('NA-VINH-LELOI'),
      joinedOrganizationOn: '2020-03-15',
      version: 2,
      status: 'full',
    });
    expect(moved.transfers).toEqual([
      {
        id: expect.any(String),
        fromOrganization: { id: from, name: expect.stringContaining('Chi bộ Thử nghiệm') },
        toOrganization: { id: id('NA-VINH-LELOI'), name: expect.any(String) },
        destination: null,
        transferredOn: '2020-03-15',
        reason: 'Chuyển công tác',
        status: 'applied',
      },
    ]);
    // The sending office no longer sees the member; the new organization's readers do.
    expectError(await vanphong.get(`/api/v1/members/${m.id}`), 404, 'MEMBER_NOT_FOUND');
    expect(await list(`organizationId=${from}`)).toEqual([]);
    expect((await list(`organizationId=${id('NA-VINH')}&q=${m.cardNumber}`)).map((x) => x.id)).toEqual([
      m.id,
    ]);
    const [path] = await rows<{ organization_path: string }>(
      t,
      sql`SELECT organization_path FROM members WHERE id = ${m.id}`,
    );
    const [target] = await rows<{ path: string }>(
      t,
      sql`SELECT path FROM organizations WHERE id = ${id('NA-VINH-LELOI')}`,
    );
    expect(path!.organization_path).toBe(target!.path);
  });

  it('keeps a transfer dated after the business date pending until its day (the daily job)', async () => {
    const from = await newCell();
    const to = await newCell('NA-DUK-SXD');
    const m = await create(from, { fullName: 'Kiều Văn Chờ' });
    const res = await vanphong.post(`/api/v1/members/${m.id}/transfers`, {
      toOrganizationId: to,
      transferredOn: '2020-04-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ organizationId: from, transfers: [{ status: 'pending' }] });
    expectError(
      await vanphong.post(`/api/v1/members/${m.id}/transfers`, {
        toOrganizationId: to,
        transferredOn: '2020-05-01',
      }),
      409,
      'TRANSFER_PENDING_EXISTS',
    );
    expect((await list(`organizationId=${from}`)).map((x) => x.id)).toEqual([m.id]);
    expect(await list(`organizationId=${to}`)).toEqual([]);

    // Whatever else was due by the day before (the demo has a pending transfer too) leaves this one waiting.
    await applyDueTransfers(t.database.db, '2020-04-19');
    expect((await read(m.id)).organizationId).toBe(from);
    expect(await applyDueTransfers(t.database.db, '2020-04-20')).toBe(1);
    expect(await applyDueTransfers(t.database.db, '2020-04-21')).toBe(0);
    const after = await read(m.id);
    expect(after).toMatchObject({ organizationId: to, joinedOrganizationOn: '2020-04-20', version: 2 });
    expect(after.transfers.map((x) => x.status)).toEqual(['applied']);
    const events = await rows<{ action: string; actor_id: string | null }>(
      t,
      sql`SELECT action, actor_id FROM audit_events WHERE entity = 'member' AND entity_id = ${m.id} ORDER BY seq`,
    );
    expect(events.map((e) => e.action)).toEqual([
      'member.create',
      'member.transfer',
      'member.transfer_applied',
    ]);
    expect(events[2]!.actor_id).toBeNull();
    expect((await admin.get('/api/v1/audit-events/verify')).json()).toMatchObject({ ok: true });
  });

  it('records a transfer out of the system with its destination', async () => {
    const m = await create(await newCell(), { fullName: 'Lương Thị Đi Xa' });
    const res = await admin.post(`/api/v1/members/${m.id}/transfers`, {
      destination: 'Đảng bộ tỉnh Hà Tĩnh',
      transferredOn: '2020-03-10',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'transferred_out',
      transfers: [{ toOrganization: null, destination: 'Đảng bộ tỉnh Hà Tĩnh', status: 'applied' }],
    });
    expectError(
      await admin.post(`/api/v1/members/${m.id}/transfers`, {
        toOrganizationId: id('NA-DUK-SXD'),
        transferredOn: '2020-03-11',
      }),
      409,
      'MEMBER_NOT_ACTIVE',
    );
  });

  it('refuses a transfer without exactly one destination, to its own organization, or dated too early', async () => {
    const cell = await newCell();
    const m = await create(cell, { fullName: 'Tạ Văn Sai' });
    const post = (body: Record<string, unknown>) =>
      refusedWithoutWrite(t, () => admin.post(`/api/v1/members/${m.id}/transfers`, body));
    expectError(await post({ transferredOn: '2020-03-01' }), 400, 'TRANSFER_TARGET_REQUIRED');
    expectError(
      await post({ toOrganizationId: id('NA-DUK-SXD'), destination: 'Hà Tĩnh', transferredOn: '2020-03-01' }),
      400,
      'TRANSFER_TARGET_REQUIRED',
    );
    expectError(
      await post({ toOrganizationId: cell, transferredOn: '2020-03-01' }),
      400,
      'TRANSFER_SAME_ORGANIZATION',
    );
    expectError(
      await post({ toOrganizationId: '01890000-0000-7000-8000-000000000000', transferredOn: '2020-03-01' }),
      400,
      'TRANSFER_TARGET_NOT_FOUND',
    );
    expectError(
      await post({ toOrganizationId: id('NA-DUK-SXD'), transferredOn: '2005-05-18' }),
      400,
      'TRANSFER_DATE_INVALID',
    );
    expectValidation(
      await post({ toOrganizationId: id('NA-DUK-SXD'), transferredOn: '2020-02-30' }),
      'body.transferredOn',
    );
    expectError(
      await kiemtra.post(`/api/v1/members/${m.id}/transfers`, {
        toOrganizationId: id('NA-DUK-SXD'),
        transferredOn: '2020-03-01',
      }),
      403,
      'FORBIDDEN',
    );
  });
});

describe('moving an organization', () => {
  it('rewrites the paths of its members in the same transaction', async () => {
    const cell = await newCell('NA-DUK-STC');
    const m = await create(cell, { fullName: 'Đoàn Văn Dời' });
    const org = (await admin.get(`/api/v1/organizations/${cell}`)).json();
    const res = await admin.post(`/api/v1/organizations/${cell}/move`, {
      parentId: id('NA-DUK-SXD'),
      version: org.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [check] = await rows<{ same: boolean }>(
      t,
      sql`SELECT m.organization_path = o.path AS same FROM members m JOIN organizations o ON o.id = m.organization_id
           WHERE m.id = ${m.id}`,
    );
    expect(check!.same).toBe(true);
    expect((await list(`organizationId=${id('NA-DUK-SXD')}&q=${m.cardNumber}`)).map((x) => x.id)).toEqual([
      m.id,
    ]);
    expect(await list(`organizationId=${id('NA-DUK-STC')}&q=${m.cardNumber}`)).toEqual([]);
    // Every member's path is its organization's path, everywhere.
    const [stale] = await rows<{ n: number }>(
      t,
      sql`SELECT count(*)::int AS n FROM members m JOIN organizations o ON o.id = m.organization_id
           WHERE m.organization_path <> o.path`,
    );
    expect(stale!.n).toBe(0);
  });
});

describe('statistics', () => {
  let parent: string;
  let cellA: string;
  let cellB: string;

  beforeAll(async () => {
    parent = await newCell('NA-DUK-STC', 'sub_grassroots', 'sub_grassroots_organization');
    cellA = await newCell(parent);
    cellB = await newCell(parent);
    await create(cellA, {
      birthDate: '1995-01-01',
      admittedOn: '2015-01-01',
      fullMemberOn: '2016-01-01',
      ethnicity: 'Kinh',
    });
    await create(cellA, { birthDate: '1975-01-01', ethnicity: 'Kinh', theoryLevel: 'cao_cap' });
    await create(cellA, {
      gender: 'male',
      birthDate: '1990-06-01',
      admittedOn: '2019-06-01',
      fullMemberOn: null,
      status: 'probationary',
      ethnicity: 'Thái',
    });
    await create(cellB, {
      gender: 'male',
      birthDate: '1950-01-01',
      admittedOn: '1975-01-01',
      fullMemberOn: '1976-01-01',
      status: 'deceased',
    });
    await create(cellB, {
      gender: 'male',
      birthDate: '1960-03-15',
      admittedOn: '1985-01-01',
      fullMemberOn: '1986-01-01',
      theoryLevel: 'trung_cap',
    });
    await create(parent, { birthDate: '1985-01-01' });
  });

  it('counts a subtree by status, gender, age band, ethnicity, theory level and organization', async () => {
    const res = await vanphong.get(`/api/v1/members/statistics?organizationId=${parent}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.total).toBe(5);
    expect(s.byStatus).toEqual({ probationary: 1, full: 4, transferred_out: 0, deceased: 1, left: 0 });
    expect(s.byGender).toEqual({ male: 2, female: 3 });
    // On 15/03/2020: 25, 45, 29, 60 (born 15/03/1960: 60 that day), 35.
    expect(s.byAgeBand).toEqual({ under_30: 2, '30_39': 1, '40_49': 1, '50_59': 0, '60_plus': 1 });
    expect(s.byEthnicity).toEqual([
      { key: 'Kinh', count: 2 },
      { key: null, count: 2 },
      { key: 'Thái', count: 1 },
    ]);
    expect(s.byTheoryLevel).toEqual({ so_cap: 0, trung_cap: 1, cao_cap: 1, cu_nhan: 0, none: 3 });
    expect(
      s.byOrganization.map((r: { organizationId: string; count: number }) => [r.organizationId, r.count]),
    ).toEqual([
      [parent, 1],
      [cellA, 3],
      [cellB, 1],
    ]);
    // The same through a cell.
    const a = (await vanphong.get(`/api/v1/members/statistics?organizationId=${cellA}`)).json();
    expect(a.total).toBe(3);
    expectError(
      await vanphong.get(`/api/v1/members/statistics?organizationId=${id('NA-VINH')}`),
      404,
      'ORG_NOT_FOUND',
    );
    const mine = (await vanphong.get('/api/v1/members/statistics')).json();
    expect(mine.total).toBeGreaterThanOrEqual(5);
    expect(mine.byOrganization.map((r: { name: string }) => r.name)).toContain(
      (await admin.get(`/api/v1/organizations/${id('NA-DUK-STC')}`)).json().name,
    );
  });

  it('exports the statistics as .xlsx, audited', async () => {
    const res = await vanphong.get(`/api/v1/members/statistics.xlsx?organizationId=${parent}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const wb = await workbook(res);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Thống kê đảng viên');
    const cells = sheetValues(ws);
    expect(cells).toContainEqual(['Tổng số đảng viên (dự bị và chính thức)', 5]);
    expect(cells).toContainEqual(['Đảng viên chính thức', 4, 66.7]);
    expect(cells).toContainEqual(['Từ 60 tuổi trở lên', 1, 20]);
  });
});

async function workbook(res: LightMyRequestResponse) {
  expect(res.headers['content-type']).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('export.xlsx', () => {
  it('is a real workbook with Vietnamese headers and dd/mm/yyyy dates, filtered like the list, and audited', async () => {
    const cell = await newCell();
    await create(cell, { fullName: 'Nguyễn Thị Lan', birthDate: '1980-03-02', isLeader: true });
    await create(cell, { fullName: 'Đỗ Văn Bình', gender: 'male' });
    await create(cell, { fullName: 'Âu Thị Cúc', status: 'left' });
    const before = await rows<{ n: number }>(
      t,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'member.export'`,
    );
    const res = await vanphong.get(`/api/v1/members/export.xlsx?organizationId=${cell}&status=full`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.xlsx"/);
    const ws = (await workbook(res)).worksheets[0]!;
    const values = sheetValues(ws);
    expect(values[0]!.slice(0, 4)).toEqual(['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh']);
    expect(values[0]).toContain('Số thẻ đảng viên');
    expect(values[0]).toContain('Tổ chức đảng');
    expect(values.slice(1).map((r) => r[1])).toEqual(['Đỗ Văn Bình', 'Nguyễn Thị Lan']);
    const lan = values[2]!;
    expect(lan[0]).toBe(2);
    expect(lan[2]).toBe('Nữ');
    expect(lan[3]).toBe('02/03/1980');
    expect(lan[7]).toBe('19/05/2005');
    expect(lan[9]).toBe('Đảng viên chính thức');
    expect(lan).toContain('Có');

    const events = await rows<{
      action: string;
      actor_username: string;
      organization_id: string;
      after: { rows: number };
    }>(
      t,
      sql`SELECT action, actor_username, organization_id, after FROM audit_events WHERE action = 'member.export' ORDER BY seq`,
    );
    expect(events.length).toBe(before[0]!.n + 1);
    expect(events.at(-1)).toMatchObject({
      actor_username: 'vanphong',
      organization_id: cell,
      after: { kind: 'members.xlsx', rows: 2, filters: { organizationId: cell, status: 'full' } },
    });
    expectError(
      await vanphong.get(`/api/v1/members/export.xlsx?organizationId=${id('NA-VINH')}`),
      404,
      'ORG_NOT_FOUND',
    );
  });

  it('streams a list longer than one page', async () => {
    const cell = await newCell();
    const values = Array.from({ length: 520 }, (_, i) => ({
      id: crypto.randomUUID(),
      fullName: `Thành Viên Số ${i}`,
    }));
    const [org] = await rows<{ path: string }>(t, sql`SELECT path FROM organizations WHERE id = ${cell}`);
    for (const v of values) {
      await t.database.db.execute(sql`
        INSERT INTO members (id, organization_id, organization_path, full_name, sort_key, search_text, gender,
                             birth_date, admitted_on, status, joined_organization_on)
        VALUES (${v.id}, ${cell}, ${org!.path}, ${v.fullName}, ${v.fullName}, ${v.fullName.toLowerCase()}, 'male',
                '1980-01-01', '2005-01-01', 'probationary', '2005-01-01')`);
    }
    const res = await admin.get(`/api/v1/members/export.xlsx?organizationId=${cell}`);
    expect(res.statusCode).toBe(200);
    const ws = (await workbook(res)).worksheets[0]!;
    expect(ws.rowCount).toBe(521);
  });
});

describe('committee seats', () => {
  let term: { id: string; name: string };
  let otherTerm: string;
  let insider: Member;
  let insider2: Member;
  let outsider: Member;

  beforeAll(async () => {
    const stc = (await admin.get(`/api/v1/organizations/${id('NA-DUK-STC')}`)).json();
    // The demo seats the 2015–2020 committees; this term starts empty.
    term = stc.terms.find((x: { name: string }) => x.name === '2020–2025');
    otherTerm = (await admin.get(`/api/v1/organizations/${id('NA-DUK-SXD')}`)).json().terms[0].id;
    insider = await create(id('NA-DUK-STC-CB01'), { fullName: 'Hà Văn Bí Thư' });
    insider2 = await create(id('NA-DUK-STC-CB02'), { fullName: 'Hà Thị Ủy Viên' });
    outsider = await create(id('NA-DUK-SXD'), { fullName: 'Hà Văn Ngoài' });
  });

  const seat = (agent: Agent, body: Record<string, unknown>, org = id('NA-DUK-STC')) =>
    agent.post(`/api/v1/organizations/${org}/committee-seats`, body);

  it('seats members of the subtree for a term of the organization, and lists them', async () => {
    const res = await seat(bithuStc, { termId: term.id, memberId: insider.id, position: 'secretary' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: expect.any(String),
      memberId: insider.id,
      fullName: 'Hà Văn Bí Thư',
      position: 'secretary',
      termId: term.id,
      termName: '2020–2025',
    });
    expect(
      (await seat(bithuStc, { termId: term.id, memberId: insider2.id, position: 'committee_member' }))
        .statusCode,
    ).toBe(201);
    const committee = (
      await kiemtra.get(`/api/v1/organizations/${id('NA-DUK-STC')}/committee?termId=${term.id}`)
    ).json();
    // A member reads the committee of their own cell only.
    expectError(
      await dangvien.get(`/api/v1/organizations/${id('NA-DUK-STC')}/committee`),
      404,
      'ORG_NOT_FOUND',
    );
    expect((await dangvien.get(`/api/v1/organizations/${id('NA-DUK-STC-CB02')}/committee`)).statusCode).toBe(
      200,
    );
    expect(
      committee.items.map((x: { fullName: string; position: string }) => [x.fullName, x.position]),
    ).toEqual([
      ['Hà Văn Bí Thư', 'secretary'],
      ['Hà Thị Ủy Viên', 'committee_member'],
    ]);
    expect((await read(insider.id)).committeeSeats).toEqual([
      expect.objectContaining({
        organizationId: id('NA-DUK-STC'),
        termName: '2020–2025',
        position: 'secretary',
      }),
    ]);
  });

  it('refuses a second secretary, a repeated seat, a member from outside and a term of another organization', async () => {
    const refused = (body: Record<string, unknown>, agent = bithuStc) =>
      refusedWithoutWrite(t, () => seat(agent, body));
    expectError(
      await refused({ termId: term.id, memberId: insider2.id, position: 'secretary' }),
      409,
      'COMMITTEE_POSITION_TAKEN',
    );
    expectError(
      await refused({ termId: term.id, memberId: insider2.id, position: 'committee_member' }),
      409,
      'COMMITTEE_SEAT_TAKEN',
    );
    expectError(
      await refused({ termId: term.id, memberId: outsider.id, position: 'committee_member' }),
      400,
      'COMMITTEE_MEMBER_OUTSIDE',
    );
    expectError(
      await refused({ termId: otherTerm, memberId: insider2.id, position: 'standing_committee' }),
      400,
      'COMMITTEE_TERM_MISMATCH',
    );
    expectError(
      await refused({ termId: term.id, memberId: insider2.id, position: 'chairman' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await refused({ termId: term.id, memberId: insider2.id, position: 'standing_committee' }, kiemtra),
      403,
      'FORBIDDEN',
    );
    expectError(
      await refusedWithoutWrite(t, () =>
        seat(
          vanphong,
          { termId: term.id, memberId: insider2.id, position: 'standing_committee' },
          id('NA-VINH-LELOI'),
        ),
      ),
      404,
      'ORG_NOT_FOUND',
    );
    expectError(
      await admin.get(`/api/v1/organizations/${id('NA-DUK-STC')}/committee?termId=${otherTerm}`),
      400,
      'COMMITTEE_TERM_MISMATCH',
    );
  });

  it('removes a seat (204), audited; then it is gone', async () => {
    const created = (
      await seat(vanphong, { termId: term.id, memberId: insider2.id, position: 'standing_committee' })
    ).json();
    expectError(await kiemtra.request('DELETE', `/api/v1/committee-seats/${created.id}`), 403, 'FORBIDDEN');
    expectError(
      await vanphongTu.request('DELETE', `/api/v1/committee-seats/01890000-0000-7000-8000-000000000000`),
      404,
      'COMMITTEE_SEAT_NOT_FOUND',
    );
    const res = await vanphong.request('DELETE', `/api/v1/committee-seats/${created.id}`);
    expect(res.statusCode, res.body).toBe(204);
    expectError(
      await vanphong.request('DELETE', `/api/v1/committee-seats/${created.id}`),
      404,
      'COMMITTEE_SEAT_NOT_FOUND',
    );
    const events = await rows<{ action: string }>(
      t,
      sql`SELECT action FROM audit_events WHERE entity = 'committee_seat' AND entity_id = ${created.id} ORDER BY seq`,
    );
    expect(events.map((e) => e.action)).toEqual(['committee_seat.create', 'committee_seat.delete']);
  });
});
