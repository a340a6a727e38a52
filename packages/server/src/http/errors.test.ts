import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dataDigest,
  expectError,
  expectValidation,
  failOnServerErrors,
  servedRoutes,
} from '../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../test/harness.js';

const serverErrors = failOnServerErrors();
let t: TestApp;
let admin: Agent;
let duk: string;
let backupDir: string;

beforeAll(async () => {
  backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-errors-'));
  t = await startTestApp({ config: { backupDir } });
  serverErrors.watch(t.app);
  admin = await t.login('admin');
  duk = await orgIdByCode(t, 'NA-DUK');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

const anonymous = (method: 'GET' | 'POST' | 'DELETE', url: string) => t.app.inject({ method, url });
const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('unknown routes', () => {
  it('answer 404 with the JSON error, signed in or not', async () => {
    const answers: LightMyRequestResponse[] = [
      await anonymous('GET', '/api/v1/khong-co'),
      await anonymous('GET', '/api/v2/organizations'),
      await anonymous('POST', '/api/v1/organizations/abc/def/ghi'),
      await admin.get('/api/v1/khong-co'),
      await admin.get('/api/'),
      await admin.request('DELETE', `/api/v1/organizations/${duk}`),
      await admin.request('PUT', `/api/v1/organizations/${duk}`, {}),
    ];
    for (const res of answers) {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expectError(res, 404, 'NOT_FOUND');
    }
  });

  it('outside /api too, when no web app is built', async () => {
    expectError(await anonymous('GET', '/to-chuc/abc'), 404, 'NOT_FOUND');
  });
});

/** The command-line tool's door to a running server, not part of the API a client uses. */
const UNDOCUMENTED = ['POST /api/v1/system/control/backups'];

describe('OpenAPI', () => {
  it('is an OpenAPI 3 document naming every /api/v1 route, each with its answers', async () => {
    const res = await anonymous('GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { tags?: string[]; responses?: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'DaiHoi API', version: t.config.version });
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const api = servedRoutes(t.app).filter(
      (r) => r.includes(' /api/v1/') && !r.startsWith('HEAD ') && !UNDOCUMENTED.includes(r),
    );
    expect(api.length).toBeGreaterThanOrEqual(20);
    expect(documented.sort()).toEqual(api.sort());
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.tags?.length, `${method} ${path} has a tag`).toBeGreaterThan(0);
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path} has answers`).toBeGreaterThan(0);
      }
    }
  });
});

describe('validation', () => {
  it('names the query field of a wrong type: limit=abc → querystring.limit', async () => {
    const error = expectValidation(await admin.get('/api/v1/organizations?limit=abc'), 'querystring.limit');
    expect(error.details).toEqual([{ path: 'querystring.limit', message: expect.any(String) }]);
    expectValidation(await admin.get('/api/v1/users?limit=abc'), 'querystring.limit');
    expectValidation(await admin.get('/api/v1/audit-events?limit=abc'), 'querystring.limit');
    expectValidation(await admin.get('/api/v1/organizations?limit=2.5'), 'querystring.limit');
    expectValidation(await admin.get('/api/v1/organizations?limit=1&limit=2'), 'querystring.limit');
    expectValidation(await admin.get('/api/v1/organizations?parentId=NA-DUK'), 'querystring.parentId');
    expectValidation(
      await admin.get('/api/v1/organizations?includeArchived=maybe'),
      'querystring.includeArchived',
    );
    expectValidation(await admin.get('/api/v1/organizations?sort=name'), 'querystring');
    expectValidation(await admin.get('/api/v1/audit-events?cursor=abc'), 'querystring.cursor');
  });

  it('names the path and body fields of a wrong type, and writes nothing', async () => {
    const before = await dataDigest(t);
    expectValidation(await admin.get('/api/v1/organizations/NA-DUK'), 'params.id');
    expectValidation(await admin.patch(`/api/v1/organizations/${duk}`, { version: '1' }), 'body.version');
    expectValidation(
      await admin.patch(`/api/v1/organizations/${duk}`, { version: 1, archived: 'true' }),
      'body.archived',
    );
    expectValidation(await admin.patch(`/api/v1/organizations/${duk}`, { version: 0 }), 'body.version');
    expectValidation(
      await admin.post('/api/v1/users', {
        username: 'x',
        displayName: 'X',
        password: 'xxxxxxxxxx',
        roles: 'admin',
      }),
      'body.roles',
    );
    expectValidation(
      await admin.post(`/api/v1/organizations/${duk}/move`, { parentId: duk }),
      'body.version',
    );
    expect(await dataDigest(t)).toBe(before);
  });

  it('refuses bodies that are not JSON objects', async () => {
    const post = (payload: string, contentType = 'application/json') =>
      admin.request('POST', '/api/v1/organizations', payload, { 'content-type': contentType });
    expectError(await post('{"parentId":'), 400, 'INVALID_JSON');
    expectError(await post(''), 400, 'INVALID_JSON');
    expectValidation(await post('[]'), 'body');
    expectValidation(await post('null'), 'body');
    expectValidation(await post('"Đảng bộ"'), 'body');
    expectValidation(await post('parentId=1', 'text/plain'), 'body');
    expectError(await post('<parentId/>', 'application/xml'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await post(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) })), 413, 'BODY_TOO_LARGE');
  });

  it('refuses text the database cannot store (NUL) and forged cursors with 400, not 500', async () => {
    expectValidation(await admin.get('/api/v1/organizations?q=%00'), 'querystring.q');
    expectValidation(await admin.get('/api/v1/users?q=a%00b'), 'querystring.q');
    expectValidation(await admin.get('/api/v1/audit-events?entityId=%00'), 'querystring.entityId');
    expectValidation(
      await admin.patch(`/api/v1/organizations/${duk}`, { version: 1, placeName: 'Vinh\u0000' }),
      'body.placeName',
    );
    for (const forged of [['a', 'b'], ['a\u0000', duk], [1, 2], ['a']]) {
      expectError(await admin.get(`/api/v1/organizations?cursor=${cursorOf(forged)}`), 400, 'INVALID_CURSOR');
    }
    for (const forged of [[1], ['\u0000'], ['a', 'b']]) {
      expectError(await admin.get(`/api/v1/users?cursor=${cursorOf(forged)}`), 400, 'INVALID_CURSOR');
    }
  });
});

describe('no input gives a 5xx', () => {
  const UNKNOWN_ID = '01890000-0000-7000-8000-000000000000';
  const PARAMS = [
    'abc',
    '0',
    '00000000-0000-0000-0000-000000000000',
    UNKNOWN_ID,
    '%00',
    'x'.repeat(100),
    "'%20OR%201=1",
  ];
  const QUERIES = [
    '',
    '?limit=abc',
    '?limit=-1',
    '?limit=1e999',
    '?cursor=',
    '?cursor=%00',
    `?cursor=${cursorOf(['a', 'b'])}`,
    `?cursor=${cursorOf([1])}`,
    `?cursor=${cursorOf([{}])}`,
    `?cursor=${cursorOf(['2020-03-15T00:00:00.000Z', 'x'])}`,
    '?q=%00',
    `?q=${encodeURIComponent('đ'.repeat(300))}`,
    '?limit[]=1',
    '?q[a]=1',
    '?khong=1',
  ];
  const BODIES = [
    '{}',
    '[]',
    'null',
    '"chuỗi"',
    '123',
    '{"version":"1"}',
    '{"version":1e308}',
    '{"version":-1,"name":null}',
    '{"__proto__":{"admin":true},"version":1}',
    '{"constructor":{"prototype":{"x":1}}}',
    `${'{"a":'.repeat(200)}1${'}'.repeat(200)}`,
    JSON.stringify({ version: 1, name: 'a\u0000b', displayName: '\u0000', organizationId: '\u0000' }),
    JSON.stringify({
      parentId: UNKNOWN_ID,
      version: 2147483648,
      roles: [{ role: 'admin', organizationId: 1 }],
    }),
  ];
  /** Routes that end the session they are called in would cut the sweep short. */
  const SESSION_ENDING = ['POST /api/v1/auth/logout', 'POST /api/v1/auth/password'];

  it('sweeps every route with malformed parameters, queries and bodies: always a 4xx or a success', async () => {
    const routes = servedRoutes(t.app).filter((r) => !r.startsWith('HEAD ') && !SESSION_ENDING.includes(r));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const sweeper = await t.login('admin');
    const failures: string[] = [];
    const check = async (method: string, url: string, body?: string) => {
      const res = await sweeper.request(
        method as 'GET',
        url,
        body,
        body === undefined ? {} : { 'content-type': 'application/json' },
      );
      if (res.statusCode >= 500) failures.push(`${method} ${url} ${body ?? ''} → ${res.statusCode}`);
      else if (res.statusCode >= 400 && !res.json().error?.message)
        failures.push(`${method} ${url}: no message`);
    };
    for (const route of routes) {
      const [method, template] = route.split(' ') as [string, string];
      const withParam = (value: string) => template.replace(/\{\w+\}/g, value);
      const hasBody = method !== 'GET' && method !== 'DELETE';
      for (const value of template.includes('{') ? PARAMS : []) {
        await check(method, withParam(value), hasBody ? '{}' : undefined);
      }
      const url = withParam(UNKNOWN_ID);
      if (method === 'GET') for (const query of QUERIES) await check(method, `${url}${query}`);
      if (hasBody) for (const body of BODIES) await check(method, url, body);
    }
    expect(failures.join('\n')).toBe('');
    // The sweep broke nothing: the administrator's session and the audit chain are whole.
    expect((await sweeper.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/audit-events/verify')).json()).toMatchObject({ ok: true });
  });

  it('anonymous callers with bad input get a 4xx in the error shape, never a 5xx', async () => {
    const routes = servedRoutes(t.app).filter((r) => !r.startsWith('HEAD '));
    for (const route of routes) {
      const [method, template] = route.split(' ') as [string, string];
      const res = await t.app.inject({
        method: method as 'GET',
        url: `${template.replace(/\{\w+\}/g, 'abc')}?limit=abc`,
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: { extra: '\u0000' } }),
      });
      expect(res.statusCode, route).toBeLessThan(500);
      if (res.statusCode >= 400) expect(res.json().error?.message, route).toEqual(expect.any(String));
    }
  });
});
