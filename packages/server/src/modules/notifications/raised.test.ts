import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgIdByCode, startTestApp, type TestApp } from '../../test/harness.js';
import { pdf } from '../files/fixtures.js';

// The platform's own events that people are told of: a new file at an organization they oversee, and a
// change of their own roles.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function kinds(username: string) {
  const agent = await t.login(username);
  const res = await agent.get('/api/v1/notifications?unread=true');
  expect(res.statusCode).toBe(200);
  return (res.json().items as { kind: string; title: string; link: string }[]).map((n) => ({ ...n }));
}

describe('notifications raised by the platform', () => {
  it('tells the office and secretaries above an organization of a new file there, not the uploader', async () => {
    const stc = await orgIdByCode(t, 'NA-DUK-STC');
    const uploader = await t.login('bithu.stc');
    const body = new FormData();
    body.append('organizationId', stc);
    body.append(
      'file',
      new Blob([new Uint8Array(pdf())], { type: 'application/pdf' }),
      'Kế hoạch đại hội.pdf',
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { cookie: uploader.cookie, 'x-csrf-token': uploader.csrfToken },
      payload: body,
    });
    expect(res.statusCode).toBe(201);
    for (const username of ['vanphong', 'bithu', 'vanphong.tu']) {
      const got = (await kinds(username)).filter((n) => n.kind === 'file.uploaded');
      expect(got).toHaveLength(1);
      expect(got[0]!.title).toContain('Kế hoạch đại hội.pdf');
      expect(got[0]!.link).toBe(`/organizations/${stc}`);
    }
    for (const username of ['bithu.stc', 'dangvien', 'kiemtra']) {
      expect((await kinds(username)).filter((n) => n.kind === 'file.uploaded')).toEqual([]);
    }
  });

  it('tells a person that their roles changed', async () => {
    const admin = await t.login('admin');
    const target = await t.login('kiemtra');
    const user = (await admin.get(`/api/v1/users/${target.user.id}`)).json();
    const vinh = await orgIdByCode(t, 'NA-VINH');
    const res = await admin.patch(`/api/v1/users/${user.id}`, {
      version: user.version,
      roles: [
        ...user.roles.map((r: { role: string; organizationId: string }) => ({
          role: r.role,
          organizationId: r.organizationId,
        })),
        { role: 'inspector', organizationId: vinh },
      ],
    });
    expect(res.statusCode).toBe(200);
    const got = (await kinds('kiemtra')).filter((n) => n.kind === 'user.roles_changed');
    expect(got).toHaveLength(1);
    expect(got[0]!.title).toBe('Vai trò của bạn đã thay đổi');
    expect((await kinds('admin')).filter((n) => n.kind === 'user.roles_changed')).toEqual([]);
  });
});
