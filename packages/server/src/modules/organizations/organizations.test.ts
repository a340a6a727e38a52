import { compareVietnameseText } from '@daihoi/core';
import { sql } from 'drizzle-orm';
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

interface Org {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: string;
  kind: string;
  archived: boolean;
  depth: number;
  childCount: number;
  version: number;
  ancestors: { id: string; code: string; name: string }[];
  terms: { id: string; name: string; startsOn: string; endsOn: string; version: number }[];
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

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [admin, vanphong, vanphongTu, bithuStc, kiemtra, dangvien] = (await Promise.all(
    ['admin', 'vanphong', 'vanphong.tu', 'bithu.stc', 'kiemtra', 'dangvien'].map((u) => t.login(u)),
  )) as [Agent, Agent, Agent, Agent, Agent, Agent];
  for (const code of [
    'NA',
    'NA-DUK',
    'NA-DKDN',
    'NA-VINH',
    'NA-VINH-LELOI',
    'NA-DUK-STC',
    'NA-DUK-STC-CB01',
    'NA-DUK-STC-CB02',
    'NA-DUK-STC-CB06',
    'NA-DUK-SXD',
    'NA-DUK-SYT',
    'NA-DUK-SYT-BP01',
    'NA-DUK-SYT-BP01-CB01',
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
const read = async (agent: Agent, orgId: string): Promise<Org> => {
  const res = await agent.get(`/api/v1/organizations/${orgId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const list = async (agent: Agent, query: string): Promise<Org[]> => {
  const res = await agent.get(`/api/v1/organizations?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};
const pathOf = async (orgId: string) =>
  (await t.database.db.query.organizations.findFirst({ where: (o, { eq }) => eq(o.id, orgId) }))!.path;
/** Ids of the active organizations in a subtree, straight from the table. */
const subtreeIds = async (rootId: string) => {
  const path = await pathOf(rootId);
  const found = await rows<{ id: string }>(
    t,
    sql`SELECT id FROM organizations WHERE path LIKE ${`${path}%`} AND archived_at IS NULL`,
  );
  return found.map((r) => r.id).sort();
};
const auditTrail = async (entity: string, entityId: string) => {
  const res = await admin.get(`/api/v1/audit-events?entity=${entity}&entityId=${entityId}&limit=500`);
  expect(res.statusCode).toBe(200);
  return res.json().items as {
    action: string;
    actor: { username: string } | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
};

describe('list', () => {
  it('walks a subtree page by page: every organization exactly once, in Vietnamese name order', async () => {
    const walked = await allPages<Org>(vanphong, `/api/v1/organizations?under=${id('NA-DUK')}&limit=7`);
    const walkedIds = walked.map((o) => o.id);
    expect(new Set(walkedIds).size).toBe(walkedIds.length);
    expect([...walkedIds].sort()).toEqual(await subtreeIds(id('NA-DUK')));
    expect(walked.length).toBeGreaterThan(150);
    const names = walked.map((o) => o.name);
    expect(names).toEqual([...names].sort(compareVietnameseText));
    // The data tells the two apart: code-point order would put these names elsewhere.
    expect(names).not.toEqual([...names].sort());
    // One page of 500 gives the same sequence as the walk.
    const whole = await list(vanphong, `under=${id('NA-DUK')}&limit=500`);
    expect(whole.map((o) => o.id)).toEqual(walkedIds);
  });

  it('lists the direct children of the province in Vietnamese name order', async () => {
    const names = (await list(admin, `parentId=${id('NA')}`)).map((o) => o.name);
    expect(names).toEqual([
      'Đảng bộ huyện Nghi Lộc',
      'Đảng bộ Khối Các cơ quan tỉnh',
      'Đảng bộ Khối Doanh nghiệp tỉnh',
      'Đảng bộ thành phố Vinh',
    ]);
    expect(names).toEqual([...names].sort(compareVietnameseText));
  });

  it('finds by name without diacritics or case, and by code', async () => {
    for (const q of ['so tai chinh', 'SỞ TÀI CHÍNH', 'dang bo so tai chinh', 'Đảng bộ Sở Tài chính']) {
      const found = await list(admin, `q=${encodeURIComponent(q)}`);
      expect(
        found.map((o) => o.name),
        q,
      ).toEqual(['Đảng bộ Sở Tài chính']);
    }
    // "đ" and "d" are the same letter for search.
    const withD = await list(admin, `q=${encodeURIComponent('đảng bộ khối')}&limit=500`);
    const plain = await list(admin, `q=${encodeURIComponent('dang bo khoi')}&limit=500`);
    expect(withD.map((o) => o.code).sort()).toEqual(['NA-DKDN', 'NA-DUK']);
    expect(plain.map((o) => o.id)).toEqual(withD.map((o) => o.id));
    expect((await list(admin, 'q=na-duk-stc-cb02')).map((o) => o.code)).toEqual(['NA-DUK-STC-CB02']);
    // LIKE wildcards in a query are plain characters.
    expect(await list(admin, `q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await list(admin, 'q=_')).toEqual([]);
  });

  it('searches only within the actor’s reach', async () => {
    expect(await list(vanphong, `q=${encodeURIComponent('phuong le loi')}`)).toEqual([]);
    expect((await list(admin, `q=${encodeURIComponent('phuong le loi')}`)).map((o) => o.code)).toEqual([
      'NA-VINH-LELOI',
    ]);
  });

  it('parentId gives the direct children only', async () => {
    const children = await list(admin, `parentId=${id('NA-DUK-STC')}`);
    expect(children.map((o) => o.code).sort()).toEqual([
      'NA-DUK-STC-CB01',
      'NA-DUK-STC-CB02',
      'NA-DUK-STC-CB03',
      'NA-DUK-STC-CB04',
      'NA-DUK-STC-CB05',
      'NA-DUK-STC-CB06',
    ]);
    for (const c of children) expect(c).toMatchObject({ parentId: id('NA-DUK-STC'), level: 'cell' });
    const stc = (await list(admin, `parentId=${id('NA-DUK')}&limit=500`)).find(
      (o) => o.code === 'NA-DUK-STC',
    );
    expect(stc?.childCount).toBe(6);
  });

  it('scopeRoots gives the topmost organizations each actor reaches', async () => {
    const roots = async (agent: Agent) => (await list(agent, 'scopeRoots=true')).map((o) => o.code);
    expect(await roots(admin)).toEqual(['NA']);
    expect(await roots(vanphong)).toEqual(['NA-DUK']);
    expect(await roots(kiemtra)).toEqual(['NA-DUK']);
    expect(await roots(bithuStc)).toEqual(['NA-DUK-STC']);
    expect(await roots(dangvien)).toEqual(['NA-DUK-STC-CB02']);
    expect(await roots(vanphongTu)).toEqual(['NA']);
  });

  it('scopeRoots keeps each organization reached on its own, even when nested in another one', async () => {
    const res = await admin.post('/api/v1/users', {
      username: 'hai.vai.tro',
      displayName: 'Hai vai trò',
      password: 'mat-khau-hai-vai',
      roles: [
        { role: 'member', organizationId: id('NA-DUK-STC') },
        { role: 'member', organizationId: id('NA-DUK-STC-CB01') },
        { role: 'inspector', organizationId: id('NA-DKDN') },
        { role: 'member', organizationId: id('NA-DKDN') },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const agent = await t.login('hai.vai.tro', 'mat-khau-hai-vai');
    const roots = (await list(agent, 'scopeRoots=true')).map((o) => o.code);
    expect(roots.sort()).toEqual(['NA-DKDN', 'NA-DUK-STC', 'NA-DUK-STC-CB01']);
    const all = await allPages<Org>(agent, '/api/v1/organizations?limit=500');
    expect(all.map((o) => o.id).sort()).toEqual(
      [...(await subtreeIds(id('NA-DKDN'))), id('NA-DUK-STC'), id('NA-DUK-STC-CB01')].sort(),
    );
  });

  it('a member sees their own cell and nothing else', async () => {
    const all = await allPages<Org>(dangvien, '/api/v1/organizations?limit=500');
    expect(all.map((o) => o.code)).toEqual(['NA-DUK-STC-CB02']);
    expectError(await dangvien.get(`/api/v1/organizations/${id('NA-DUK-STC')}`), 404, 'ORG_NOT_FOUND');
    expectError(await dangvien.get(`/api/v1/organizations?under=${id('NA-DUK-STC')}`), 404, 'ORG_NOT_FOUND');
  });

  it('refuses limit 0 and 501, a bad cursor and an out-of-scope filter', async () => {
    expectValidation(await admin.get('/api/v1/organizations?limit=0'), 'querystring.limit');
    expectValidation(await admin.get('/api/v1/organizations?limit=501'), 'querystring.limit');
    expectValidation(await admin.get('/api/v1/organizations?level=commune'), 'querystring.level');
    expectError(await admin.get('/api/v1/organizations?cursor=not-a-cursor'), 400, 'INVALID_CURSOR');
    const forged = Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url');
    expectError(await admin.get(`/api/v1/organizations?cursor=${forged}`), 400, 'INVALID_CURSOR');
    expectError(await vanphong.get(`/api/v1/organizations?parentId=${id('NA-VINH')}`), 404, 'ORG_NOT_FOUND');
  });

  it('reads one organization with its ancestors (root first) and terms', async () => {
    const cb02 = await read(dangvien, id('NA-DUK-STC-CB02'));
    expect(cb02.ancestors.map((a) => a.code)).toEqual(['NA', 'NA-DUK', 'NA-DUK-STC']);
    expect(cb02).toMatchObject({ depth: 3, level: 'cell', kind: 'subordinate_cell', childCount: 0 });
    expect(cb02.terms.map((x) => x.name)).toEqual(['2015–2020', '2020–2025']);
    expectError(
      await admin.get('/api/v1/organizations/01890000-0000-7000-8000-000000000000'),
      404,
      'ORG_NOT_FOUND',
    );
    expectValidation(await admin.get('/api/v1/organizations/not-a-uuid'), 'params.id');
  });
});

const grassrootsBody = (code: string, name: string, parentId = id('NA-DUK')) => ({
  parentId,
  code,
  name,
  placeName: 'Vinh',
  foundedOn: '2019-01-02',
  level: 'grassroots',
  kind: 'grassroots_organization',
});
let created: Org;
let createdCell: Org;

describe('create', () => {
  it('an office creates a grassroots organization in its subtree: 201 with path, depth and ancestors', async () => {
    const res = await vanphong.post('/api/v1/organizations', {
      ...grassrootsBody('NA-DUK-STN', 'Đảng bộ Sở Thử nghiệm'),
      shortName: 'ĐB Sở Thử nghiệm',
    });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(created).toMatchObject({
      parentId: id('NA-DUK'),
      code: 'NA-DUK-STN',
      name: 'Đảng bộ Sở Thử nghiệm',
      foundedOn: '2019-01-02',
      level: 'grassroots',
      archived: false,
      depth: 2,
      childCount: 0,
      version: 1,
      terms: [],
    });
    expect(created.ancestors.map((a) => a.code)).toEqual(['NA', 'NA-DUK']);
    expect(await pathOf(created.id)).toBe(`${await pathOf(id('NA-DUK'))}${created.id}/`);

    const cell = await vanphong.post('/api/v1/organizations', {
      parentId: created.id,
      code: 'NA-DUK-STN-CB01',
      name: 'Chi bộ Văn phòng',
      level: 'cell',
      kind: 'subordinate_cell',
    });
    expect(cell.statusCode, cell.body).toBe(201);
    createdCell = cell.json();
    expect(createdCell.depth).toBe(3);
    expect(createdCell.ancestors.map((a) => a.code)).toEqual(['NA', 'NA-DUK', 'NA-DUK-STN']);
    expect(await pathOf(createdCell.id)).toBe(`${await pathOf(created.id)}${createdCell.id}/`);
    expect((await read(vanphong, created.id)).childCount).toBe(1);
    // It is found at once, in its place in the order.
    expect((await list(vanphong, 'q=so thu nghiem')).map((o) => o.code)).toEqual(['NA-DUK-STN']);
  });

  it('refuses a level the parent cannot hold (a provincial organization under a cell)', async () => {
    const res = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/organizations', {
        parentId: id('NA-DUK-STC-CB01'),
        code: 'NA-BAD-1',
        name: 'Đảng bộ tỉnh Thử',
        level: 'provincial',
        kind: 'provincial_organization',
      }),
    );
    expectError(res, 400, 'ORG_LEVEL_NOT_ALLOWED');
  });

  it('refuses a kind that does not stand at the level', async () => {
    const res = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/organizations', {
        ...grassrootsBody('NA-BAD-2', 'Chi bộ Thử'),
        kind: 'subordinate_cell',
      }),
    );
    expectError(res, 400, 'ORG_KIND_NOT_ALLOWED');
  });

  it('refuses a code already in use with 409', async () => {
    const res = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/organizations', grassrootsBody('NA-DUK-STC', 'Đảng bộ Sở Trùng mã')),
    );
    expectError(res, 409, 'ORG_CODE_TAKEN');
  });

  it('gives one 201 and one 409 when the same code is sent twice at once', async () => {
    const body = grassrootsBody('NA-DUK-DOUBLE', 'Đảng bộ Bấm hai lần');
    const answers = await Promise.all([
      admin.post('/api/v1/organizations', body),
      admin.post('/api/v1/organizations', body),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expectError(answers.find((r) => r.statusCode === 409)!, 409, 'ORG_CODE_TAKEN');
    expect((await list(admin, 'q=NA-DUK-DOUBLE')).length).toBe(1);
  });

  it('refuses unknown fields and malformed values with 400 naming them', async () => {
    const extra = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/organizations', { ...grassrootsBody('NA-BAD-3', 'Đảng bộ Thừa'), secret: 1 }),
    );
    expect(expectValidation(extra, 'body').details).toEqual([
      { path: 'body', message: expect.stringContaining('secret') },
    ]);
    const short = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/organizations', grassrootsBody('NA-BAD-4', 'Đ')),
    );
    expectValidation(short, 'body.name');
    const badDate = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/organizations', {
        ...grassrootsBody('NA-BAD-5', 'Đảng bộ Ngày sai'),
        foundedOn: '2019-02-30',
      }),
    );
    expectValidation(badDate, 'body.foundedOn');
    const badCode = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/organizations', grassrootsBody('NA DUK Ư', 'Đảng bộ Mã sai')),
    );
    expectValidation(badCode, 'body.code');
    const nul = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/organizations', grassrootsBody('NA-BAD-6', 'Đảng bộ\u0000Rỗng')),
    );
    expectValidation(nul, 'body.name');
  });

  it('lets only an administrator create a root (403), and hides parents out of reach (404)', async () => {
    const root = await refusedWithoutWrite(t, () =>
      vanphongTu.post('/api/v1/organizations', {
        parentId: null,
        code: 'HT',
        name: 'Đảng bộ tỉnh Hà Tĩnh',
        level: 'provincial',
        kind: 'provincial_organization',
      }),
    );
    expectError(root, 403, 'ORG_ROOT_ADMIN_ONLY');
    const outside = await refusedWithoutWrite(t, () =>
      vanphong.post('/api/v1/organizations', grassrootsBody('NA-VINH-X', 'Đảng bộ Ngoài', id('NA-VINH'))),
    );
    expectError(outside, 404, 'ORG_PARENT_NOT_FOUND');
    const inspector = await refusedWithoutWrite(t, () =>
      kiemtra.post('/api/v1/organizations', grassrootsBody('NA-DUK-KT', 'Đảng bộ Kiểm tra')),
    );
    expectError(inspector, 403, 'FORBIDDEN');
  });

  it('an administrator creates a root', async () => {
    const res = await admin.post('/api/v1/organizations', {
      parentId: null,
      code: 'HT',
      name: 'Đảng bộ tỉnh Hà Tĩnh',
      level: 'provincial',
      kind: 'provincial_organization',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ parentId: null, depth: 0, ancestors: [] });
    expect(await pathOf(res.json().id)).toBe(`/${res.json().id}/`);
    expect((await list(admin, 'scopeRoots=true')).map((o) => o.code)).toEqual(['HT', 'NA']);
  });
});

describe('update', () => {
  it('renames with the current version: version + 1, found under the new name', async () => {
    const res = await vanphong.patch(`/api/v1/organizations/${created.id}`, {
      version: 1,
      name: 'Đảng bộ Sở Thí điểm',
      shortName: 'ĐB Sở Thí điểm',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Đảng bộ Sở Thí điểm',
      shortName: 'ĐB Sở Thí điểm',
      version: 2,
      code: 'NA-DUK-STN',
    });
    expect((await list(vanphong, 'q=so thi diem')).map((o) => o.id)).toEqual([created.id]);
    expect(await list(vanphong, 'q=so thu nghiem')).toEqual([]);
  });

  it('answers a stale version with 409 and the current version, and changes nothing', async () => {
    const before = await read(admin, created.id);
    const res = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${created.id}`, { version: 1, name: 'Tên cũ ghi đè' }),
    );
    expect(expectError(res, 409, 'VERSION_CONFLICT').details).toEqual({ currentVersion: 2 });
    expect(await read(admin, created.id)).toEqual(before);
  });

  it('refuses a taken code, a level that no longer holds the children, and writes out of reach', async () => {
    const version = (await read(admin, created.id)).version;
    const taken = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${created.id}`, { version, code: 'NA-DUK-STC' }),
    );
    expectError(taken, 409, 'ORG_CODE_TAKEN');
    const level = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${created.id}`, {
        version,
        level: 'sub_grassroots',
        kind: 'sub_grassroots_organization',
      }),
    );
    expectError(level, 400, 'ORG_LEVEL_NOT_ALLOWED');
    const kind = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${created.id}`, { version, kind: 'provincial_bloc' }),
    );
    expectError(kind, 400, 'ORG_KIND_NOT_ALLOWED');
    const inspector = await refusedWithoutWrite(t, () =>
      kiemtra.patch(`/api/v1/organizations/${created.id}`, { version, name: 'Đảng bộ Đổi tên' }),
    );
    expectError(inspector, 403, 'FORBIDDEN');
    const lelois = (await read(admin, id('NA-VINH-LELOI'))).version;
    const outside = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${id('NA-VINH-LELOI')}`, { version: lelois, name: 'Đổi' }),
    );
    expectError(outside, 404, 'ORG_NOT_FOUND');
    const unknown = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${created.id}`, { version, parentId: id('NA') }),
    );
    expectValidation(unknown, 'body');
    const noVersion = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${created.id}`, { name: 'Đảng bộ Không phiên bản' }),
    );
    expectValidation(noVersion, 'body.version');
  });
});

describe('move', () => {
  let originalPaths: Map<string, string>;
  const sytSubtree = async () =>
    rows<{ id: string; code: string; path: string; depth: number }>(
      t,
      sql`SELECT id, code, path, depth FROM organizations WHERE path LIKE ${`${await pathOf(id('NA-DUK-SYT'))}%`}`,
    );

  it('moves a subtree: every organization below gets the new ancestors, paths and depths', async () => {
    originalPaths = new Map((await sytSubtree()).map((r) => [r.id, r.path]));
    expect(originalPaths.size).toBeGreaterThan(5);
    const dukChildren = (await read(admin, id('NA-DUK'))).childCount;
    const syt = await read(admin, id('NA-DUK-SYT'));
    const res = await admin.post(`/api/v1/organizations/${syt.id}/move`, {
      parentId: id('NA'),
      version: syt.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ parentId: id('NA'), depth: 1, version: syt.version + 1 });
    expect(res.json().ancestors.map((a: { code: string }) => a.code)).toEqual(['NA']);

    const cell = await read(admin, id('NA-DUK-SYT-BP01-CB01'));
    expect(cell.ancestors.map((a) => a.code)).toEqual(['NA', 'NA-DUK-SYT', 'NA-DUK-SYT-BP01']);
    expect(cell.depth).toBe(3);
    const naPath = await pathOf(id('NA'));
    for (const r of await sytSubtree()) {
      expect(r.path.startsWith(`${naPath}${id('NA-DUK-SYT')}/`)).toBe(true);
      expect(r.path).not.toContain(id('NA-DUK'));
      expect(r.depth).toBe(r.path.split('/').filter(Boolean).length - 1);
    }
    // Scope follows the tree: the bloc's office no longer reaches it.
    expect((await read(admin, id('NA-DUK'))).childCount).toBe(dukChildren - 1);
    expect((await subtreeIds(id('NA-DUK'))).includes(id('NA-DUK-SYT-BP01-CB01'))).toBe(false);
    expectError(await vanphong.get(`/api/v1/organizations/${id('NA-DUK-SYT')}`), 404, 'ORG_NOT_FOUND');
    const blocList = await allPages<Org>(vanphong, `/api/v1/organizations?under=${id('NA-DUK')}&limit=500`);
    expect(blocList.some((o) => o.code.startsWith('NA-DUK-SYT'))).toBe(false);
  });

  it('moves it back: the paths are the original ones again', async () => {
    const syt = await read(admin, id('NA-DUK-SYT'));
    const res = await admin.post(`/api/v1/organizations/${syt.id}/move`, {
      parentId: id('NA-DUK'),
      version: syt.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(new Map((await sytSubtree()).map((r) => [r.id, r.path]))).toEqual(originalPaths);
    expect((await read(vanphong, id('NA-DUK-SYT-BP01-CB01'))).depth).toBe(4);
  });

  it('refuses a move into its own subtree (ORG_MOVE_CYCLE) and leaves every path as it was', async () => {
    const duk = await read(admin, id('NA-DUK'));
    const into = await refusedWithoutWrite(t, () =>
      admin.post(`/api/v1/organizations/${duk.id}/move`, {
        parentId: id('NA-DUK-STC'),
        version: duk.version,
      }),
    );
    expectError(into, 400, 'ORG_MOVE_CYCLE');
    const self = await refusedWithoutWrite(t, () =>
      admin.post(`/api/v1/organizations/${duk.id}/move`, { parentId: duk.id, version: duk.version }),
    );
    expectError(self, 400, 'ORG_MOVE_CYCLE');
    expect((await read(admin, id('NA-DUK-STC-CB01'))).ancestors.map((a) => a.code)).toEqual([
      'NA',
      'NA-DUK',
      'NA-DUK-STC',
    ]);
  });

  it('refuses a move into a cell (ORG_LEVEL_NOT_ALLOWED), a stale version, and moves beyond reach', async () => {
    const sxd = await read(admin, id('NA-DUK-SXD'));
    const cell = await refusedWithoutWrite(t, () =>
      admin.post(`/api/v1/organizations/${sxd.id}/move`, {
        parentId: id('NA-DUK-STC-CB01'),
        version: sxd.version,
      }),
    );
    expectError(cell, 400, 'ORG_LEVEL_NOT_ALLOWED');
    const stale = await refusedWithoutWrite(t, () =>
      admin.post(`/api/v1/organizations/${sxd.id}/move`, {
        parentId: id('NA-DKDN'),
        version: sxd.version + 5,
      }),
    );
    expect(expectError(stale, 409, 'VERSION_CONFLICT').details).toEqual({ currentVersion: sxd.version });
    const outside = await refusedWithoutWrite(t, () =>
      vanphong.post(`/api/v1/organizations/${sxd.id}/move`, {
        parentId: id('NA-VINH'),
        version: sxd.version,
      }),
    );
    expectError(outside, 404, 'ORG_PARENT_NOT_FOUND');
    const duk = await read(admin, id('NA-DUK'));
    const ownCommittee = await refusedWithoutWrite(t, () =>
      vanphong.post(`/api/v1/organizations/${duk.id}/move`, { parentId: id('NA'), version: duk.version }),
    );
    expectError(ownCommittee, 403, 'FORBIDDEN');
    const unknown = await refusedWithoutWrite(t, () =>
      admin.post(`/api/v1/organizations/${sxd.id}/move`, {
        parentId: '01890000-0000-7000-8000-000000000000',
        version: sxd.version,
      }),
    );
    expectError(unknown, 404, 'ORG_PARENT_NOT_FOUND');
  });
});

describe('archive', () => {
  it('refuses to archive an organization with active children', async () => {
    const stc = await read(admin, id('NA-DUK-STC'));
    const res = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${stc.id}`, { version: stc.version, archived: true }),
    );
    expectError(res, 409, 'ORG_HAS_ACTIVE_CHILDREN');
    expect((await read(admin, stc.id)).archived).toBe(false);
  });

  it('archives a leaf: gone from the default lists, shown with includeArchived=true', async () => {
    const cb06 = await read(vanphong, id('NA-DUK-STC-CB06'));
    const res = await vanphong.patch(`/api/v1/organizations/${cb06.id}`, {
      version: cb06.version,
      archived: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ archived: true, version: cb06.version + 1 });
    const active = await list(vanphong, `parentId=${id('NA-DUK-STC')}`);
    expect(active.map((o) => o.code)).not.toContain('NA-DUK-STC-CB06');
    expect(active).toHaveLength(5);
    const all = await list(vanphong, `parentId=${id('NA-DUK-STC')}&includeArchived=true`);
    expect(all.find((o) => o.code === 'NA-DUK-STC-CB06')).toMatchObject({ archived: true });
    expect((await read(vanphong, id('NA-DUK-STC'))).childCount).toBe(5);
    const subtree = await allPages<Org>(vanphong, `/api/v1/organizations?under=${id('NA-DUK')}&limit=500`);
    expect(subtree.map((o) => o.code)).not.toContain('NA-DUK-STC-CB06');
    expect((await read(vanphong, cb06.id)).archived).toBe(true);
  });

  it('refuses to edit, move or add terms to an archived organization (ORG_ARCHIVED)', async () => {
    const cb06 = await read(admin, id('NA-DUK-STC-CB06'));
    const rename = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${cb06.id}`, { version: cb06.version, name: 'Chi bộ Đổi tên' }),
    );
    expectError(rename, 409, 'ORG_ARCHIVED');
    const again = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${cb06.id}`, {
        version: cb06.version,
        archived: true,
        name: 'Chi bộ Lưu trữ đổi tên',
      }),
    );
    expectError(again, 409, 'ORG_ARCHIVED');
    const move = await refusedWithoutWrite(t, () =>
      vanphong.post(`/api/v1/organizations/${cb06.id}/move`, {
        parentId: id('NA-DUK-SXD'),
        version: cb06.version,
      }),
    );
    expectError(move, 409, 'ORG_ARCHIVED');
    const term = await refusedWithoutWrite(t, () =>
      vanphong.post(`/api/v1/organizations/${cb06.id}/terms`, {
        name: '2025–2030',
        startsOn: '2030-01-01',
        endsOn: '2034-12-31',
      }),
    );
    expectError(term, 409, 'ORG_ARCHIVED');
    const termPatch = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${cb06.id}/terms/${cb06.terms[0]!.id}`, {
        version: cb06.terms[0]!.version,
        name: '2014–2019',
      }),
    );
    expectError(termPatch, 409, 'ORG_ARCHIVED');
    expect(await read(admin, cb06.id)).toEqual(cb06);
  });

  it('unarchives: back in the lists and editable', async () => {
    const cb06 = await read(admin, id('NA-DUK-STC-CB06'));
    const res = await vanphong.patch(`/api/v1/organizations/${cb06.id}`, {
      version: cb06.version,
      archived: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ archived: false, version: cb06.version + 1 });
    expect((await list(vanphong, `parentId=${id('NA-DUK-STC')}`)).map((o) => o.code)).toContain(
      'NA-DUK-STC-CB06',
    );
    const rename = await vanphong.patch(`/api/v1/organizations/${cb06.id}`, {
      version: cb06.version + 1,
      placeName: 'Thành phố Vinh',
    });
    expect(rename.statusCode, rename.body).toBe(200);
  });

  it('keeps the archived tree consistent: no children under, nor unarchiving below, an archived parent', async () => {
    const cell = await read(admin, createdCell.id);
    expect(
      (await vanphong.patch(`/api/v1/organizations/${cell.id}`, { version: cell.version, archived: true }))
        .statusCode,
    ).toBe(200);
    const parent = await read(admin, created.id);
    expect(
      (
        await vanphong.patch(`/api/v1/organizations/${parent.id}`, {
          version: parent.version,
          archived: true,
        })
      ).statusCode,
    ).toBe(200);
    const child = await refusedWithoutWrite(t, () =>
      vanphong.post('/api/v1/organizations', {
        parentId: parent.id,
        code: 'NA-DUK-STN-CB02',
        name: 'Chi bộ Mới',
        level: 'cell',
        kind: 'subordinate_cell',
      }),
    );
    expectError(child, 400, 'ORG_PARENT_ARCHIVED');
    const unarchive = await refusedWithoutWrite(t, () =>
      vanphong.patch(`/api/v1/organizations/${cell.id}`, { version: cell.version + 1, archived: false }),
    );
    expectError(unarchive, 409, 'ORG_PARENT_ARCHIVED');
  });
});

describe('terms', () => {
  let na: Org;
  let next: Org['terms'][number];

  it('adds the 2025–2030 term after 2020–2025', async () => {
    na = await read(vanphongTu, id('NA'));
    expect(na.terms.map((x) => [x.name, x.startsOn, x.endsOn])).toEqual([
      ['2015–2020', '2015-10-16', '2020-10-15'],
      ['2020–2025', '2020-10-16', '2025-10-15'],
    ]);
    const res = await vanphongTu.post(`/api/v1/organizations/${na.id}/terms`, {
      name: '2025–2030',
      startsOn: '2025-10-16',
      endsOn: '2030-10-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    next = res.json();
    expect(next).toMatchObject({ organizationId: na.id, name: '2025–2030', version: 1 });
    expect((await read(dangvien, id('NA-DUK-STC-CB02'))).terms).toHaveLength(2);
    expect((await read(admin, na.id)).terms.map((x) => x.name)).toEqual([
      '2015–2020',
      '2020–2025',
      '2025–2030',
    ]);
  });

  it('refuses an overlapping term (TERM_OVERLAP) and an end before the start (TERM_DATES_INVALID)', async () => {
    const overlap = await refusedWithoutWrite(t, () =>
      vanphongTu.post(`/api/v1/organizations/${na.id}/terms`, {
        name: '2028–2033',
        startsOn: '2028-01-01',
        endsOn: '2032-12-31',
      }),
    );
    expectError(overlap, 409, 'TERM_OVERLAP');
    const backwards = await refusedWithoutWrite(t, () =>
      vanphongTu.post(`/api/v1/organizations/${na.id}/terms`, {
        name: '2030–2035',
        startsOn: '2035-10-15',
        endsOn: '2030-10-16',
      }),
    );
    expectError(backwards, 400, 'TERM_DATES_INVALID');
    const sameDay = await refusedWithoutWrite(t, () =>
      vanphongTu.post(`/api/v1/organizations/${na.id}/terms`, {
        name: '2030–2035',
        startsOn: '2030-10-16',
        endsOn: '2030-10-16',
      }),
    );
    expectError(sameDay, 400, 'TERM_DATES_INVALID');
    const badName = await refusedWithoutWrite(t, () =>
      vanphongTu.post(`/api/v1/organizations/${na.id}/terms`, {
        name: 'nhiệm kỳ mới',
        startsOn: '2030-10-16',
        endsOn: '2035-10-15',
      }),
    );
    expectValidation(badName, 'body.name');
    const badDate = await refusedWithoutWrite(t, () =>
      vanphongTu.post(`/api/v1/organizations/${na.id}/terms`, {
        name: '2030–2035',
        startsOn: '2030-13-01',
        endsOn: '2035-10-15',
      }),
    );
    expectValidation(badDate, 'body.startsOn');
    const member = await refusedWithoutWrite(t, () =>
      dangvien.post(`/api/v1/organizations/${id('NA-DUK-STC-CB02')}/terms`, {
        name: '2030–2035',
        startsOn: '2030-10-16',
        endsOn: '2035-10-15',
      }),
    );
    expectError(member, 403, 'FORBIDDEN');
  });

  it('normalizes a name typed with a hyphen: "2030-2035" and "2035 - 2040" become en-dashed', async () => {
    const a = await vanphongTu.post(`/api/v1/organizations/${na.id}/terms`, {
      name: '2030-2035',
      startsOn: '2030-10-16',
      endsOn: '2035-10-15',
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().name).toBe('2030–2035');
    const b = await vanphongTu.post(`/api/v1/organizations/${na.id}/terms`, {
      name: ' 2035 - 2040 ',
      startsOn: '2035-10-16',
      endsOn: '2040-10-15',
    });
    expect(b.statusCode, b.body).toBe(201);
    expect(b.json().name).toBe('2035–2040');
    const dup = await refusedWithoutWrite(t, () =>
      vanphongTu.post(`/api/v1/organizations/${na.id}/terms`, {
        name: '2035-2040',
        startsOn: '2045-10-16',
        endsOn: '2050-10-15',
      }),
    );
    expectError(dup, 409, 'TERM_NAME_TAKEN');
  });

  it('updates with the current version, refuses a stale one (409) and changes nothing then', async () => {
    const res = await vanphongTu.patch(`/api/v1/organizations/${na.id}/terms/${next.id}`, {
      version: 1,
      endsOn: '2030-10-14',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ endsOn: '2030-10-14', version: 2 });
    const before = await read(admin, na.id);
    const stale = await refusedWithoutWrite(t, () =>
      vanphongTu.patch(`/api/v1/organizations/${na.id}/terms/${next.id}`, {
        version: 1,
        endsOn: '2030-10-15',
      }),
    );
    expect(expectError(stale, 409, 'VERSION_CONFLICT').details).toEqual({ currentVersion: 2 });
    const overlap = await refusedWithoutWrite(t, () =>
      vanphongTu.patch(`/api/v1/organizations/${na.id}/terms/${next.id}`, {
        version: 2,
        endsOn: '2031-01-01',
      }),
    );
    expectError(overlap, 409, 'TERM_OVERLAP');
    const elsewhere = await refusedWithoutWrite(t, () =>
      admin.patch(`/api/v1/organizations/${id('NA-DUK')}/terms/${next.id}`, {
        version: 2,
        endsOn: '2030-10-13',
      }),
    );
    expectError(elsewhere, 404, 'TERM_NOT_FOUND');
    expect(await read(admin, na.id)).toEqual(before);
  });

  it('gives one 201 and one 409 when two overlapping terms arrive at once', async () => {
    const orgId = id('NA-DUK-SXD');
    const answers = await Promise.all([
      admin.post(`/api/v1/organizations/${orgId}/terms`, {
        name: '2060–2065',
        startsOn: '2060-01-01',
        endsOn: '2064-12-31',
      }),
      admin.post(`/api/v1/organizations/${orgId}/terms`, {
        name: '2061–2066',
        startsOn: '2061-01-01',
        endsOn: '2065-12-31',
      }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expectError(answers.find((r) => r.statusCode === 409)!, 409, 'TERM_OVERLAP');
    const terms = (await read(admin, orgId)).terms.filter((x) => x.startsOn >= '2060-01-01');
    expect(terms).toHaveLength(1);
  });
});

describe('audit trail', () => {
  it('records every write of an organization with before and after', async () => {
    const trail = await auditTrail('organization', created.id);
    expect(trail.map((e) => e.action)).toEqual([
      'organization.archive',
      'organization.update',
      'organization.create',
    ]);
    const [archive, rename, create] = trail;
    expect(create).toMatchObject({ actor: { username: 'vanphong' }, before: null });
    expect(create!.after).toMatchObject({ code: 'NA-DUK-STN', name: 'Đảng bộ Sở Thử nghiệm', version: 1 });
    expect(rename!.before).toMatchObject({ name: 'Đảng bộ Sở Thử nghiệm', version: 1 });
    expect(rename!.after).toMatchObject({ name: 'Đảng bộ Sở Thí điểm', version: 2 });
    expect(archive!.before).toMatchObject({ archivedAt: null });
    expect(archive!.after!.archivedAt).toEqual(expect.any(String));

    const moves = await auditTrail('organization', id('NA-DUK-SYT'));
    expect(moves.map((e) => e.action)).toEqual(['organization.move', 'organization.move']);
    expect(moves[1]).toMatchObject({
      actor: { username: 'admin' },
      before: { parentId: id('NA-DUK') },
      after: { parentId: id('NA') },
    });
    expect(moves[0]).toMatchObject({ before: { parentId: id('NA') }, after: { parentId: id('NA-DUK') } });
    expect(String(moves[1]!.after!.path)).toBe(`${await pathOf(id('NA'))}${id('NA-DUK-SYT')}/`);

    const cb06 = await auditTrail('organization', id('NA-DUK-STC-CB06'));
    expect(cb06.map((e) => e.action)).toEqual([
      'organization.update',
      'organization.unarchive',
      'organization.archive',
    ]);
    expect(cb06[0]).toMatchObject({
      before: { placeName: expect.any(String) },
      after: { placeName: 'Thành phố Vinh' },
    });
  });

  it('records term writes with before and after, under the organization', async () => {
    const na = await read(admin, id('NA'));
    const term = na.terms.find((x) => x.name === '2025–2030')!;
    const trail = await auditTrail('term', term.id);
    expect(trail.map((e) => e.action)).toEqual(['term.update', 'term.create']);
    expect(trail[1]).toMatchObject({
      actor: { username: 'vanphong.tu' },
      before: null,
      after: { name: '2025–2030' },
    });
    expect(trail[0]).toMatchObject({ before: { endsOn: '2030-10-15' }, after: { endsOn: '2030-10-14' } });
    const res = await admin.get(`/api/v1/audit-events?organizationId=${na.id}&entity=term&limit=500`);
    expect(res.json().items.map((e: { entityId: string }) => e.entityId)).toContain(term.id);
  });
});
