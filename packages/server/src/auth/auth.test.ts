import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ config: { maxFailedLogins: 3 } });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('gives the user, a CSRF token and an httpOnly SameSite=Lax session cookie', async () => {
    const res = await login('vanphong', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.username).toBe('vanphong');
    expect(body.user.roles[0]).toMatchObject({
      role: 'office',
      organizationName: 'Đảng bộ Khối Các cơ quan tỉnh',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.user).not.toHaveProperty('passwordHash');
    const cookie = res.cookies.find((c) => c.name === 'daihoi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('refuses a wrong password with 401 and a Vietnamese message', async () => {
    const res = await login('bithu', 'wrong-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect((await login('nobody-here', 'whatever1')).statusCode).toBe(401);
  });

  it('holds an account back after repeated failures, even with the right password', async () => {
    for (let i = 0; i < 2; i++) expect((await login('kiemtra', 'bad-guess')).statusCode).toBe(401);
    expect((await login('kiemtra', 'bad-guess')).statusCode).toBe(429);
    const res = await login('kiemtra', TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('validates the body: unknown fields and wrong types are 400 with the fields named', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 1, extra: true },
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details.map((d: { path: string }) => d.path).join(' ')).toMatch(/body/);
  });

  it('answers malformed JSON with 400 and an oversized body with 413', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_JSON');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x'.repeat(2 * 1024 * 1024), password: 'y' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('BODY_TOO_LARGE');
  });
});

describe('session', () => {
  it('me answers the user, roles and csrfToken; without a cookie 401', async () => {
    const a = await t.login('bithu');
    const me = await a.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: 'bithu' },
      roles: [{ role: 'secretary' }],
      csrfToken: a.csrfToken,
    });
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a state-changing request without the CSRF header (403) and changes nothing', async () => {
    const a = await t.login('admin');
    const res = await a.request('POST', '/api/v1/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const a = await t.login('bithu.stc');
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a new sign-in starts a new session (rotation)', async () => {
    const a = await t.login('vanphong.tu');
    const b = await t.login('vanphong.tu');
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.csrfToken).not.toBe(b.csrfToken);
  });
});

describe('passwords', () => {
  it('an administrator reset forces a change at the next sign-in', async () => {
    const admin = await t.login('admin');
    const target = await t.login('dangvien');
    const reset = await admin.post(`/api/v1/users/${target.user.id}/password-reset`);
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json();
    expect((await target.get('/api/v1/auth/me')).statusCode).toBe(401);
    const fresh = await t.login('dangvien', temporaryPassword);
    const blocked = await fresh.get('/api/v1/organizations?scopeRoots=true');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const short = await fresh.post('/api/v1/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('PASSWORD_TOO_SHORT');
    const changed = await fresh.post('/api/v1/auth/password', {
      currentPassword: temporaryPassword,
      newPassword: 'mat-khau-moi-2020',
    });
    expect(changed.statusCode).toBe(204);
    expect((await fresh.get('/api/v1/organizations?scopeRoots=true')).statusCode).toBe(200);
    expect((await login('dangvien', 'mat-khau-moi-2020')).statusCode).toBe(200);
    expect((await login('dangvien', temporaryPassword)).statusCode).toBe(401);
  });

  it('refuses a wrong current password', async () => {
    const a = await t.login('vanphong');
    const res = await a.post('/api/v1/auth/password', {
      currentPassword: 'not-it',
      newPassword: 'another-pass-1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PASSWORD_WRONG');
  });
});
