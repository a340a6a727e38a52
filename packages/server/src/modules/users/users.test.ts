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

interface User {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  roles: { role: string; organizationId: string | null; organizationName: string | null }[];
  version: number;
}

const serverErrors = failOnServerErrors();
let t: TestApp;
let admin: Agent;
let dkdn: string;
let vinh: string;
let duk: string;
const PASSWORD = 'mat-khau-rat-dai-1';

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  admin = await t.login('admin');
  [dkdn, vinh, duk] = (await Promise.all(['NA-DKDN', 'NA-VINH', 'NA-DUK'].map((c) => orgIdByCode(t, c)))) as [
    string,
    string,
    string,
  ];
});
afterAll(() => t.close());

const anonLogin = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const readUser = async (userId: string): Promise<User> => {
  const res = await admin.get(`/api/v1/users/${userId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** Codes of every organization an agent can list, and of the ones on top. */
const scopeOf = async (agent: Agent) => ({
  roots: (await allPages<{ code: string }>(agent, '/api/v1/organizations?scopeRoots=true')).map(
    (o) => o.code,
  ),
  all: (await allPages<{ code: string }>(agent, '/api/v1/organizations?limit=500')).map((o) => o.code).sort(),
});
const codesUnder = async (code: string) =>
  (
    await rows<{ code: string }>(
      t,
      sql`SELECT c.code FROM organizations c, organizations p
           WHERE p.code = ${code} AND c.path LIKE p.path || '%' AND c.archived_at IS NULL`,
    )
  )
    .map((r) => r.code)
    .sort();

let created: User;

describe('create', () => {
  it('creates an account with roles: 201, username in lower case, no password in the answer', async () => {
    const res = await admin.post('/api/v1/users', {
      username: '  Nguyen.Van.An ',
      displayName: 'Nguyễn Văn An',
      password: PASSWORD,
      roles: [{ role: 'office', organizationId: dkdn }],
    });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(created).toMatchObject({
      username: 'nguyen.van.an',
      displayName: 'Nguyễn Văn An',
      active: true,
      mustChangePassword: false,
      version: 1,
      roles: [{ role: 'office', organizationId: dkdn, organizationName: 'Đảng bộ Khối Doanh nghiệp tỉnh' }],
    });
    expect(Object.keys(created).sort()).toEqual([
      'active',
      'createdAt',
      'displayName',
      'id',
      'memberId',
      'mustChangePassword',
      'roles',
      'updatedAt',
      'username',
      'version',
    ]);
    expect(res.body).not.toContain(PASSWORD);
    expect(res.body).not.toMatch(/password_?hash|\$argon2/i);
    expect(await readUser(created.id)).toEqual(created);
  });

  it('refuses a username already taken, whatever its case (409 USERNAME_TAKEN)', async () => {
    const res = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users', {
        username: 'NGUYEN.VAN.AN',
        displayName: 'Người khác',
        password: PASSWORD,
      }),
    );
    expectError(res, 409, 'USERNAME_TAKEN');
    const demo = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users', { username: 'vanphong', displayName: 'Trùng', password: PASSWORD }),
    );
    expectError(demo, 409, 'USERNAME_TAKEN');
  });

  it('gives one 201 and one 409 when the same username is sent twice at once', async () => {
    const body = { username: 'bam.hai.lan', displayName: 'Bấm hai lần', password: PASSWORD };
    const answers = await Promise.all([admin.post('/api/v1/users', body), admin.post('/api/v1/users', body)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expectError(answers.find((r) => r.statusCode === 409)!, 409, 'USERNAME_TAKEN');
    const found = await admin.get('/api/v1/users?q=bam.hai.lan');
    expect(found.json().items).toHaveLength(1);
  });

  it('refuses an invalid username (USERNAME_INVALID) and a short password (PASSWORD_TOO_SHORT)', async () => {
    for (const username of ['ab', 'nguyễn.an', 'hai tu', '.dau-cham', 'x'.repeat(65)]) {
      const res = await refusedWithoutWrite(t, () =>
        admin.post('/api/v1/users', { username, displayName: 'Tên sai', password: PASSWORD }),
      );
      if (username.length > 64) expectValidation(res, 'body.username');
      else expectError(res, 400, 'USERNAME_INVALID');
    }
    const short = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users', { username: 'mat.khau.ngan', displayName: 'Ngắn', password: 'ngan123' }),
    );
    expectError(short, 400, 'PASSWORD_TOO_SHORT');
  });

  it('checks each role: an organization where needed, none for admin, known organizations only', async () => {
    const body = (roles: unknown[]) => ({
      username: 'vai.tro',
      displayName: 'Vai trò',
      password: PASSWORD,
      roles,
    });
    const office = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users', body([{ role: 'office' }])),
    );
    expect(expectError(office, 400, 'ROLE_ORG_REQUIRED').details).toEqual([
      { path: 'roles.0.organizationId', message: expect.any(String) },
    ]);
    const member = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users', body([{ role: 'admin' }, { role: 'member', organizationId: null }])),
    );
    expect(expectError(member, 400, 'ROLE_ORG_REQUIRED').details).toEqual([
      { path: 'roles.1.organizationId', message: expect.any(String) },
    ]);
    const adminWithOrg = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users', body([{ role: 'admin', organizationId: duk }])),
    );
    expectError(adminWithOrg, 400, 'ROLE_ORG_NOT_ALLOWED');
    const unknown = await refusedWithoutWrite(t, () =>
      admin.post(
        '/api/v1/users',
        body([{ role: 'office', organizationId: '01890000-0000-7000-8000-000000000000' }]),
      ),
    );
    expect(expectError(unknown, 400, 'ORG_NOT_FOUND').details).toEqual([
      { path: 'roles.0.organizationId', message: expect.any(String) },
    ]);
    const duplicate = await refusedWithoutWrite(t, () =>
      admin.post(
        '/api/v1/users',
        body([
          { role: 'office', organizationId: duk },
          { role: 'office', organizationId: duk },
        ]),
      ),
    );
    expectError(duplicate, 400, 'ROLE_DUPLICATE');
    const badRole = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users', body([{ role: 'chairman', organizationId: duk }])),
    );
    expectValidation(badRole, 'body.roles.0.role');
    const extra = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users', { ...body([]), passwordHash: 'x' }),
    );
    expectValidation(extra, 'body');
    const nul = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users', { ...body([]), displayName: 'Vai\u0000trò' }),
    );
    expectValidation(nul, 'body.displayName');
  });

  it('is for administrators only', async () => {
    const office = await t.login('vanphong');
    const res = await refusedWithoutWrite(t, () =>
      office.post('/api/v1/users', { username: 'tu.tao', displayName: 'Tự tạo', password: PASSWORD }),
    );
    expectError(res, 403, 'FORBIDDEN');
    expectError(await office.get('/api/v1/users'), 403, 'FORBIDDEN');
    expectError(await office.get(`/api/v1/users/${created.id}`), 403, 'FORBIDDEN');
  });
});

describe('the new account', () => {
  let session: Agent;

  it('signs in and sees exactly its scope', async () => {
    session = await t.login('nguyen.van.an', PASSWORD);
    const scope = await scopeOf(session);
    expect(scope.roots).toEqual(['NA-DKDN']);
    expect(scope.all).toEqual(await codesUnder('NA-DKDN'));
    expectError(await session.get(`/api/v1/organizations/${duk}`), 404, 'ORG_NOT_FOUND');
  });

  it('a role change takes effect on the next request of a session already open', async () => {
    const res = await admin.patch(`/api/v1/users/${created.id}`, {
      version: created.version,
      roles: [
        { role: 'secretary', organizationId: vinh },
        { role: 'member', organizationId: await orgIdByCode(t, 'NA-DUK-STC-CB01') },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(created.version + 1);
    expect(
      res
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['member', 'secretary']);
    const scope = await scopeOf(session);
    expect(scope.roots.sort()).toEqual(['NA-DUK-STC-CB01', 'NA-VINH']);
    expect(scope.all).toEqual([...(await codesUnder('NA-VINH')), 'NA-DUK-STC-CB01'].sort());
    expectError(await session.get(`/api/v1/organizations/${dkdn}`), 404, 'ORG_NOT_FOUND');
    const me = await session.get('/api/v1/auth/me');
    expect(
      me
        .json()
        .roles.map((r: { role: string }) => r.role)
        .sort(),
    ).toEqual(['member', 'secretary']);
  });

  it('answers a stale version with 409 and the current version, and changes nothing', async () => {
    const before = await readUser(created.id);
    const res = await refusedWithoutWrite(t, () =>
      admin.patch(`/api/v1/users/${created.id}`, { version: created.version, displayName: 'Tên cũ' }),
    );
    expect(expectError(res, 409, 'VERSION_CONFLICT').details).toEqual({ currentVersion: before.version });
    expect(await readUser(created.id)).toEqual(before);
  });

  it('gives one 200 and one 409 when two updates carry the same version at once', async () => {
    const { version } = await readUser(created.id);
    const answers = await Promise.all([
      admin.patch(`/api/v1/users/${created.id}`, { version, displayName: 'Nguyễn Văn An (A)' }),
      admin.patch(`/api/v1/users/${created.id}`, { version, displayName: 'Nguyễn Văn An (B)' }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.statusCode === 200)!.json();
    expect(await readUser(created.id)).toMatchObject({
      version: version + 1,
      displayName: winner.displayName,
    });
  });

  it('refuses bad role changes and leaves the account as it was', async () => {
    const before = await readUser(created.id);
    const res = await refusedWithoutWrite(t, () =>
      admin.patch(`/api/v1/users/${created.id}`, { version: before.version, roles: [{ role: 'inspector' }] }),
    );
    expectError(res, 400, 'ROLE_ORG_REQUIRED');
    const unknown = await refusedWithoutWrite(t, () =>
      admin.patch('/api/v1/users/01890000-0000-7000-8000-000000000000', {
        version: 1,
        displayName: 'Không có',
      }),
    );
    expectError(unknown, 404, 'USER_NOT_FOUND');
    expect(await readUser(created.id)).toEqual(before);
  });

  it('deactivating ends its sessions at once and it cannot sign in; reactivating lets it back', async () => {
    const { version } = await readUser(created.id);
    const res = await admin.patch(`/api/v1/users/${created.id}`, { version, active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, version: version + 1 });
    expectError(await session.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(await session.get('/api/v1/organizations'), 401, 'UNAUTHENTICATED');
    expectError(await anonLogin('nguyen.van.an', PASSWORD), 401, 'INVALID_CREDENTIALS');
    const back = await admin.patch(`/api/v1/users/${created.id}`, { version: version + 1, active: true });
    expect(back.statusCode, back.body).toBe(200);
    expect((await anonLogin('nguyen.van.an', PASSWORD)).statusCode).toBe(200);
  });

  it('an administrator cannot lock themself out (USER_SELF_LOCKOUT)', async () => {
    const self = await readUser(admin.user.id);
    const off = await refusedWithoutWrite(t, () =>
      admin.patch(`/api/v1/users/${self.id}`, { version: self.version, active: false }),
    );
    expectError(off, 400, 'USER_SELF_LOCKOUT');
    const demote = await refusedWithoutWrite(t, () =>
      admin.patch(`/api/v1/users/${self.id}`, {
        version: self.version,
        roles: [{ role: 'office', organizationId: duk }],
      }),
    );
    expectError(demote, 400, 'USER_SELF_LOCKOUT');
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('list', () => {
  it('finds accounts without diacritics or case, by name or username', async () => {
    const find = async (q: string) =>
      (await admin.get(`/api/v1/users?q=${encodeURIComponent(q)}`)).json().items.map((u: User) => u.username);
    expect(await find('nguyen thi thanh huong')).toEqual(['vanphong']);
    expect(await find('HƯƠNG')).toEqual(['vanphong']);
    expect(await find('hồ đức thắng')).toEqual(['bithu']);
    expect(await find('ho duc thang')).toEqual(['bithu']);
    expect(await find('bithu')).toEqual(['bithu', 'bithu.stc']);
    expect(await find('%')).toEqual([]);
    expectValidation(await admin.get('/api/v1/users?q=%00'), 'querystring.q');
  });

  it('walks every account exactly once, ordered by username', async () => {
    const walked = await allPages<User>(admin, '/api/v1/users?limit=2');
    const usernames = walked.map((u) => u.username);
    const stored = await rows<{ username: string }>(t, sql`SELECT username FROM users ORDER BY username`);
    expect(usernames).toEqual(stored.map((r) => r.username));
    expect(new Set(usernames).size).toBe(usernames.length);
    expect(usernames).toEqual([...usernames].sort());
    expect(JSON.stringify(walked)).not.toMatch(/password_?hash|\$argon2/i);
    expectValidation(await admin.get('/api/v1/users?limit=0'), 'querystring.limit');
    expectError(await admin.get('/api/v1/users?cursor=%%%'), 400, 'INVALID_CURSOR');
    const forged = Buffer.from(JSON.stringify([7])).toString('base64url');
    expectError(await admin.get(`/api/v1/users?cursor=${forged}`), 400, 'INVALID_CURSOR');
  });

  it('answers an unknown account with 404', async () => {
    expectError(await admin.get('/api/v1/users/01890000-0000-7000-8000-000000000000'), 404, 'USER_NOT_FOUND');
    expectValidation(await admin.get('/api/v1/users/12'), 'params.id');
  });
});

describe('password reset', () => {
  it('gives a temporary password, ends the sessions and forces a change', async () => {
    const session = await t.login('nguyen.van.an', PASSWORD);
    const res = await admin.post(`/api/v1/users/${created.id}/password-reset`);
    expect(res.statusCode, res.body).toBe(200);
    const { temporaryPassword } = res.json();
    expect(temporaryPassword).toMatch(/^[a-z2-9]{12}$/);
    expectError(await session.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expect((await readUser(created.id)).mustChangePassword).toBe(true);
    expectError(await anonLogin('nguyen.van.an', PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await anonLogin('nguyen.van.an', temporaryPassword)).statusCode).toBe(200);
    const unknown = await refusedWithoutWrite(t, () =>
      admin.post('/api/v1/users/01890000-0000-7000-8000-000000000000/password-reset'),
    );
    expectError(unknown, 404, 'USER_NOT_FOUND');
  });
});

describe('audit', () => {
  it('records account writes without any password or hash', async () => {
    const res = await admin.get(`/api/v1/audit-events?entity=user&entityId=${created.id}&limit=500`);
    const actions = res.json().items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => !a.startsWith('auth.'))).toEqual([
      'user.password_reset',
      'user.update',
      'user.update',
      'user.update',
      'user.update',
      'user.create',
    ]);
    expect(res.body).not.toContain(PASSWORD);
    expect(res.body).not.toMatch(/password_?hash|\$argon2/i);
    const update = res.json().items.find((e: { action: string }) => e.action === 'user.update');
    expect(update.before.active).toBe(false);
    expect(update.after.active).toBe(true);
  });
});
