import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.js';
import { CONTROL_FILE } from './control.js';
import { listBackups } from './format.js';
import { inspectBackup } from './restore.js';

// The backup and restore commands and the damaged-data message, on real processes and the embedded
// database (a server's own processes do not concern PGlite: this file is left out of the server-pg project).
const root = path.resolve(import.meta.dirname, '../../../..');
const src = path.join(root, 'packages/server/src');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-cli-'));
const backupDir = path.join(dataDir, 'backups');
const port = 30_000 + Math.floor(Math.random() * 20_000);
const children: ChildProcess[] = [];

const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DAIHOI_DEMO: '1',
  DAIHOI_DEMO_PASSWORD: 'demo-password-1',
  LOG_LEVEL: 'warn',
};
delete (env as Record<string, unknown>).DATABASE_URL;

function run(script: string, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(src, 'cli', script), ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
}

function start() {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(src, 'main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady(server: ReturnType<typeof start>) {
  for (let i = 0; i < 600; i++) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

async function organizationsSeen() {
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo-password-1' }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/organizations?limit=500&q=`, {
    headers: { cookie },
  });
  return ((await res.json()) as { items: unknown[] }).items.length;
}

async function relationFile(table: string) {
  const database = await openDatabase({ dataDir });
  try {
    const [row] = (
      await database.pglite!.query<{ p: string }>('SELECT pg_relation_filepath($1) AS p', [table])
    ).rows;
    return path.join(dataDir, 'pgdata', row!.p);
  } finally {
    await database.close();
  }
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('backup and restore commands', () => {
  let organizations = 0;

  it('backs up while the server runs (through the server), refuses a restore meanwhile', async () => {
    const server = start();
    await waitReady(server);
    organizations = await organizationsSeen();
    expect(organizations).toBeGreaterThan(40);
    const control = path.join(dataDir, CONTROL_FILE);
    expect(fs.statSync(control).mode & 0o777).toBe(0o600);

    const out = path.join(dataDir, 'copy.jsonl.gz');
    const backup = run('backup.ts', ['--out', out]);
    expect(backup.stdout).toContain('Máy chủ đang chạy đã sao lưu dữ liệu vào');
    expect(backup.status).toBe(0);
    const info = await inspectBackup(out);
    expect(info.header.database).toBe('embedded');
    expect(info.trailer.rows.organizations).toBe(organizations);

    const restore = run('restore.ts', [out]);
    expect(restore.status).toBe(2);
    expect(restore.stderr).toContain('Hãy dừng máy chủ DaiHoi trước khi khôi phục dữ liệu.');

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(control)).toBe(false);
  }, 120_000);

  it('backs up with no server running, into DATA_DIR/backups', async () => {
    const res = run('backup.ts');
    expect(res.stdout).toMatch(/Đã sao lưu \d+ dòng dữ liệu vào .*backups.*manual\.jsonl\.gz/);
    expect(res.status).toBe(0);
    expect((await listBackups(backupDir))[0]?.name).toMatch(/manual/);
  }, 60_000);

  it('refuses a damaged backup file with a clear message', () => {
    const bad = path.join(dataDir, 'bad.jsonl.gz');
    const good = fs.readFileSync(path.join(dataDir, 'copy.jsonl.gz'));
    fs.writeFileSync(bad, good.subarray(0, good.length - 40));
    const res = run('restore.ts', [bad]);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('Tệp sao lưu không trọn vẹn');
  });

  it('names the exact restore command when the data directory is damaged, and that command works', async () => {
    fs.writeFileSync(path.join(dataDir, 'pgdata/global/pg_control'), Buffer.alloc(8192, 0x41));
    const broken = start();
    expect(await broken.exited).toBe(3);
    const message = broken.output();
    expect(message).toContain('DaiHoi không khởi động được: dữ liệu trong thư mục');
    expect(message).toContain('bị hỏng');
    const latest = (await listBackups(backupDir))[0]!;
    const command = `DATA_DIR=${dataDir} npm run restore -- ${latest.path}`;
    expect(message).toContain(`    ${command}\n`);

    const restored = spawnSync('sh', ['-c', command], { cwd: root, env, encoding: 'utf8' });
    expect(restored.stdout).toContain('đã cất nguyên thư mục sang');
    expect(restored.stdout).toContain('Đã khôi phục');
    expect(restored.stdout).toContain('Chuỗi nhật ký nguyên vẹn');
    expect(restored.status).toBe(0);
    expect(fs.readdirSync(dataDir).some((n) => n.startsWith('pgdata-hong-'))).toBe(true);

    const again = start();
    await waitReady(again);
    expect(await organizationsSeen()).toBe(organizations);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 180_000);

  it('reports a damaged relation file (the migrations ledger) the same way', async () => {
    fs.writeFileSync(await relationFile('drizzle.__drizzle_migrations'), Buffer.alloc(8192, 0x41));
    const broken = start();
    expect(await broken.exited).toBe(3);
    expect(broken.output()).toContain('bị hỏng');
    expect(broken.output()).toContain('npm run restore -- ');
  }, 120_000);
});
