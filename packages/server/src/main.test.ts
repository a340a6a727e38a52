import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The embedded database's guards, on a real server process: the lock, a clean stop, and no acknowledged
// write lost when the process is killed outright.
const root = path.resolve(import.meta.dirname, '../../..');
const entry = path.join(root, 'packages/server/src/main.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-main-'));
const children: ChildProcess[] = [];

const env = (port: number) => ({
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DAIHOI_DEMO: '0',
  LOG_LEVEL: 'warn',
});

function start(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: root,
    env: env(port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady(port: number) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

async function signIn(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'root', password: 'root-password-1' }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded database guards', () => {
  const port = 30_000 + Math.floor(Math.random() * 20_000);

  it('creates the first administrator from standard input', () => {
    const res = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'packages/server/src/cli/admin-create.ts'), '--username', 'root'],
      {
        cwd: root,
        env: env(port),
        input: 'root-password-1\n',
        encoding: 'utf8',
      },
    );
    expect(res.stdout).toContain('Đã tạo tài khoản quản trị "root"');
    expect(res.status).toBe(0);
  });

  it('keeps every acknowledged write through SIGKILL, refuses a second process, and stops cleanly', async () => {
    const first = start(port);
    await waitReady(port);

    const second = start(port + 1);
    expect(await second.exited).toBe(2);
    expect(second.output()).toContain('đang được một tiến trình DaiHoi khác sử dụng');

    const { cookie, csrfToken } = await signIn(port);
    const acknowledged: string[] = [];
    const deadline = Date.now() + 1500;
    for (let i = 0; Date.now() < deadline; i++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/organizations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          parentId: null,
          code: `KILL-${i}`,
          name: `Đảng bộ thử ${i}`,
          level: 'provincial',
          kind: 'provincial_organization',
        }),
      });
      expect(res.status).toBe(201);
      acknowledged.push(((await res.json()) as { id: string }).id);
    }
    first.child.kill('SIGKILL');
    await first.exited;
    expect(acknowledged.length).toBeGreaterThan(5);

    const again = start(port);
    await waitReady(port);
    const session = await signIn(port);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/organizations?limit=500&scopeRoots=true`, {
      headers: { cookie: session.cookie },
    });
    const ids = new Set(((await res.json()) as { items: { id: string }[] }).items.map((o) => o.id));
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);

    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'daihoi.lock'))).toBe(false);
  }, 120_000);
});
