import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, verifyAuditChain } from '../audit/service.js';
import { type Database, openDatabase } from '../db/client.js';
import { inTransaction } from '../db/tx.js';
import { seedDemo } from '../demo/seed.js';
import { AppError } from '../http/errors.js';
import { jobRuns } from '../jobs/tables.js';
import { files } from '../modules/files/tables.js';
import { notifications } from '../modules/notifications/tables.js';
import { organizations } from '../modules/organizations/tables.js';
import { users } from '../modules/users/tables.js';
import { openTestDatabase } from '../test/harness.js';
import { backupToFile, createBackup } from './backup.js';
import { tableDigests } from './digest.js';
import { listBackups } from './format.js';
import { inspectBackup, restoreBackup } from './restore.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-backup-'));
const now = new Date('2020-03-15T03:00:00.000Z');
const opened: { drop(): Promise<void> }[] = [];

async function freshDatabase() {
  const database = await openTestDatabase();
  opened.push(database);
  await database.migrate();
  return database;
}

async function freshPglite() {
  const database = await openDatabase({ dataDir: null });
  opened.push({ drop: () => database.close() });
  await database.migrate();
  return database;
}

/** The demo dataset plus rows that test the format's edges: binary content, odd text, exact timestamps. */
async function fill(database: Database) {
  await seedDemo(database.db, 'demo-password-1', now);
  const [org] = await database.db.select().from(organizations).limit(1);
  const [user] = await database.db.select().from(users).limit(1);
  const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const content = Buffer.concat([everyByte, randomBytes(300_000)]);
  await database.db.insert(files).values({
    organizationId: org!.id,
    name: 'Biên bản "đại hội"\n\\ 🎉.pdf',
    type: 'application/pdf',
    size: content.length,
    sha256: 'x'.repeat(64),
    content,
    restricted: true,
  });
  await database.db.insert(files).values({
    organizationId: org!.id,
    name: 'rỗng.txt',
    type: 'text/plain',
    size: 0,
    sha256: 'y'.repeat(64),
    content: Buffer.alloc(0),
  });
  await database.db.insert(notifications).values({
    userId: user!.id,
    organizationId: null,
    kind: 'congress.deadline',
    title: "Hạn nộp báo cáo chính trị — 'quan trọng'",
    body: 'Dòng 1\nDòng 2\t\u0001 ký tự điều khiển',
    link: null,
  });
  await database.db.insert(jobRuns).values({
    job: 'sessions.sweep',
    status: 'ok',
    message: null,
    instance: 'test:1',
    startedAt: now,
    finishedAt: null,
  });
  // Microseconds survive (Date would keep only milliseconds).
  await database.db.execute(
    sql`UPDATE organizations SET updated_at = '2020-03-15 01:02:03.123456+00' WHERE id = ${org!.id}`,
  );
  await inTransaction(database.db, (tx) =>
    recordAudit(
      tx,
      null,
      {
        action: 'test.edge',
        entity: 'organization',
        entityId: org!.id,
        organizationId: org!.id,
        before: { n: 1.5, big: '9007199254740993', nested: [null, true, 'a\nb'] },
        after: { text: 'Đảng bộ "Khối" \\ 🎉' },
      },
      now,
    ),
  );
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
};

/** Rewrites a backup's decompressed lines (to forge damage that still decompresses). */
function rewrite(file: string, out: string, edit: (lines: string[]) => string[]) {
  const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
  fs.writeFileSync(out, gzipSync(Buffer.from(edit(lines).join('\n'))));
}

let source: Database;
let sourceFile: string;
let sourceDigest: Awaited<ReturnType<typeof tableDigests>>;

beforeAll(async () => {
  source = await freshDatabase();
  await fill(source);
  sourceFile = path.join(dir, 'source.jsonl.gz');
  await backupToFile(source, sourceFile, { now });
  sourceDigest = await tableDigests(source);
});

afterAll(async () => {
  for (const d of opened) await d.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes a header with the schema, every table, and a trailer with counts', async () => {
    const info = await inspectBackup(sourceFile);
    const journal = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, '../db/migrations/meta/_journal.json'), 'utf8'),
    ) as { entries: { tag: string }[] };
    expect(info.header).toMatchObject({
      format: 'daihoi-backup',
      version: 1,
      schema: journal.entries.length,
    });
    expect(info.header.schemaTag).toBe(journal.entries.at(-1)!.tag);
    expect(info.header.database).toBe(source.kind);
    const names = info.header.tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(Object.keys(sourceDigest)));
    expect(names.length).toBe(Object.keys(sourceDigest).length);
    // Parents before children.
    expect(names.indexOf('organizations')).toBeLessThan(names.indexOf('files'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('sessions'));
    for (const [name, d] of Object.entries(sourceDigest)) expect(info.trailer.rows[name]).toBe(d.rows);
    expect(sourceDigest.files!.rows).toBe(2);
    expect(sourceDigest.audit_events!.rows).toBeGreaterThan(1);
  });

  it('restores every table exactly into another database, and the audit chain verifies', async () => {
    const target = await freshDatabase();
    await seedDemo(target.db, 'other-password', new Date());
    const result = await restoreBackup(target, sourceFile);
    expect(await tableDigests(target)).toEqual(sourceDigest);
    expect(result.audit.ok).toBe(true);
    expect(await verifyAuditChain(target.db)).toEqual({ ok: true, events: sourceDigest.audit_events!.rows });
    // The audit log is append-only again after the restore.
    await expect(target.db.execute(sql`DELETE FROM audit_events`)).rejects.toThrow();
    // And the restored data is what the application reads.
    const [file] = await target.db.select().from(files).where(sql`size > 0`);
    expect(file!.content.subarray(0, 256)).toEqual(Buffer.from(Array.from({ length: 256 }, (_, i) => i)));
  });

  it('round-trips PGlite → the other back-end → PGlite unchanged', async () => {
    const embedded = await freshPglite();
    await fill(embedded);
    const before = await tableDigests(embedded);
    const first = path.join(dir, 'embedded.jsonl.gz');
    await backupToFile(embedded, first);
    // In the server-pg project this is the PostgreSQL server; otherwise a second PGlite.
    const middle = await freshDatabase();
    await restoreBackup(middle, first);
    expect(await tableDigests(middle)).toEqual(before);
    const second = path.join(dir, 'middle.jsonl.gz');
    await backupToFile(middle, second);
    expect((await inspectBackup(second)).header.database).toBe(middle.kind);
    const back = await freshPglite();
    const result = await restoreBackup(back, second);
    expect(await tableDigests(back)).toEqual(before);
    expect(result.audit.ok).toBe(true);
  });

  it('refuses a truncated file and leaves the data as it was', async () => {
    const target = await freshDatabase();
    await seedDemo(target.db, 'other-password', now);
    const before = await tableDigests(target);
    const bytes = fs.readFileSync(sourceFile);
    const cut = path.join(dir, 'cut.jsonl.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect((await refusal(restoreBackup(target, cut))).code).toBe('BACKUP_TRUNCATED');
    // Decompresses fine, but the trailer line is gone.
    const noTrailer = path.join(dir, 'no-trailer.jsonl.gz');
    rewrite(sourceFile, noTrailer, (lines) => lines.slice(0, -2));
    const err = await refusal(restoreBackup(target, noTrailer));
    expect(err.code).toBe('BACKUP_TRUNCATED');
    expect(err.message).toMatch(/không trọn vẹn.*Dữ liệu hiện tại được giữ nguyên/);
    expect(await tableDigests(target)).toEqual(before);
  });

  it('refuses a corrupt file (a changed row, not gzip at all) and leaves the data as it was', async () => {
    const target = await freshDatabase();
    await seedDemo(target.db, 'other-password', now);
    const before = await tableDigests(target);
    const changed = path.join(dir, 'changed.jsonl.gz');
    rewrite(sourceFile, changed, (lines) =>
      lines.map((l) => (l.includes('Đảng bộ Khối') && l.startsWith('[') ? l.replace('Khối', 'Khoi') : l)),
    );
    const err = await refusal(restoreBackup(target, changed));
    expect(err.code).toBe('BACKUP_CORRUPT');
    expect(err.message).toMatch(/bị hỏng/);
    const text = path.join(dir, 'text.jsonl.gz');
    fs.writeFileSync(text, 'không phải gzip');
    expect((await refusal(restoreBackup(target, text))).code).toBe('BACKUP_CORRUPT');
    const missing = path.join(dir, 'missing.jsonl.gz');
    expect((await refusal(restoreBackup(target, missing))).code).toBe('BACKUP_FILE_UNREADABLE');
    expect(await tableDigests(target)).toEqual(before);
  });

  it('refuses a backup from a newer schema and leaves the data as it was', async () => {
    const target = await freshDatabase();
    await seedDemo(target.db, 'other-password', now);
    const before = await tableDigests(target);
    const newer = path.join(dir, 'newer.jsonl.gz');
    rewrite(sourceFile, newer, ([head, ...rest]) => [
      JSON.stringify({ ...JSON.parse(head!), schema: 99, schemaTag: '0098_future' }),
      ...rest,
    ]);
    const err = await refusal(restoreBackup(target, newer));
    expect(err.code).toBe('BACKUP_SCHEMA_NEWER');
    expect(err.message).toContain('mới hơn');
    expect(err.message).toContain('99');
    expect(await tableDigests(target)).toEqual(before);
  });

  it('refuses a restore while another restore runs', async () => {
    const target = await freshDatabase();
    const results = await Promise.allSettled([
      restoreBackup(target, sourceFile),
      restoreBackup(target, sourceFile),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === 'rejected');
    expect((rejected!.reason as AppError).code).toBe('RESTORE_IN_PROGRESS');
    expect(await tableDigests(target)).toEqual(sourceDigest);

    // Another process (a second restore command) holds the restore lock on the same database.
    await seedDemo(target.db, 'unused', now);
    await target.db.execute(sql`DELETE FROM sessions`);
    const before = await tableDigests(target);
    if (target.pool) {
      const other = new pg.Client({
        connectionString: (target.pool.options as { connectionString: string }).connectionString,
      });
      await other.connect();
      try {
        await other.query('SELECT pg_advisory_lock(7341972)');
        expect((await refusal(restoreBackup(target, sourceFile))).code).toBe('RESTORE_IN_PROGRESS');
      } finally {
        await other.end();
      }
    } else {
      // One PGlite has one connection: a second command cannot reach it, the DATA_DIR lock keeps it out
      // (see cli.test.ts); in this process the restore in flight is what refuses.
      const running = restoreBackup(target, sourceFile);
      expect((await refusal(restoreBackup(target, sourceFile))).code).toBe('RESTORE_IN_PROGRESS');
      await running;
    }
    expect(await tableDigests(target)).toEqual(target.pool ? before : sourceDigest);
  });

  it('keeps the newest BACKUP_KEEP backups in the backup folder', async () => {
    const folder = path.join(dir, 'kept');
    for (let i = 0; i < 4; i++)
      await createBackup(source, folder, { tag: 'auto', keep: 3, now: new Date(now.getTime() + i * 1000) });
    const kept = await listBackups(folder);
    expect(kept.map((b) => b.name)).toEqual([
      'daihoi-20200315-100003-000-auto.jsonl.gz',
      'daihoi-20200315-100002-000-auto.jsonl.gz',
      'daihoi-20200315-100001-000-auto.jsonl.gz',
    ]);
    expect(fs.statSync(kept[0]!.path).mode & 0o777).toBe(0o600);
  });
});
