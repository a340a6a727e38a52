import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../packages/server/src/app.js';
import { SESSION_COOKIE } from '../packages/server/src/auth/sessions.js';
import { backupToFile } from '../packages/server/src/backup/backup.js';
import { restoreBackup } from '../packages/server/src/backup/restore.js';
import { type Config, loadConfig, makeClock } from '../packages/server/src/config.js';
import { seedDemo } from '../packages/server/src/demo/seed.js';
import type { Backend, BackendName } from './backend.js';
import { type Summary, summarize } from './stats.js';

export interface BackupBenchOptions {
  /** Timed runs of each step. */
  runs: number;
  /** Size of the file uploaded and downloaded through the files routes. */
  fileBytes?: number;
}

export interface BackupBenchResult {
  backend: BackendName;
  tables: number;
  rows: number;
  /** Milliseconds for a backup of the demo dataset (one consistent snapshot, gzip'd JSON lines). */
  backupMs: Summary;
  backupBytes: number;
  /** Milliseconds to restore that backup over the same database (one transaction). */
  restoreMs: Summary;
  file: {
    bytes: number;
    uploadMs: Summary;
    downloadMs: Summary;
    /** The demo backup again, now holding the uploaded file. */
    backupMs: Summary;
    backupBytes: number;
  };
}

const DEMO_PASSWORD = 'bench-demo-password';

async function timed(runs: number, call: () => Promise<unknown>): Promise<Summary> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  return summarize(ms);
}

/** A PDF by its signature (the files service checks the real type), random bytes inside. */
function pdfOf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(bytes - head.length - tail.length), tail]);
}

/**
 * Backup and restore of the demo dataset (seedDemo) on a fresh, migrated back-end, then a 20 MB file
 * uploaded and downloaded over HTTP through the files routes, and the backup once more with that file in it.
 */
export async function backupBenchmark(
  backend: Backend,
  opts: BackupBenchOptions,
  log: (s: string) => void,
): Promise<BackupBenchResult> {
  const database = backend.database;
  await seedDemo(database.db, DEMO_PASSWORD, new Date());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-bench-backup-'));
  const file = path.join(dir, 'demo.jsonl.gz');
  try {
    let last = await backupToFile(database, file);
    const backupMs = await timed(opts.runs, async () => {
      last = await backupToFile(database, file);
    });
    const rows = Object.values(last.trailer.rows).reduce((a, b) => a + b, 0);
    const backupBytes = last.size;
    log(`  backup of ${rows} rows: ${backupMs.p50.toFixed(0)} ms, ${(backupBytes / 1024).toFixed(0)} KiB`);
    const restoreMs = await timed(opts.runs, () => restoreBackup(database, file));
    log(`  restore: ${restoreMs.p50.toFixed(0)} ms`);

    const fileBytes = opts.fileBytes ?? 20 * 1024 * 1024;
    const config: Config = {
      ...loadConfig({ LOG_LEVEL: 'silent' }),
      webDist: undefined,
      clock: makeClock(),
      loginRatePerMinute: 10_000,
      scheduler: false,
      fileMaxBytes: fileBytes + 1024 * 1024,
      backupDir: dir,
    };
    const app = await buildApp({ config, database, logger: false });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
      });
      const cookie = login.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${SESSION_COOKIE}=`))!
        .split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const orgs = (await (
        await fetch(`${base}/api/v1/organizations?scopeRoots=true&limit=1`, { headers: { cookie } })
      ).json()) as { items: { id: string }[] };
      const content = pdfOf(fileBytes);
      const ids: string[] = [];
      const uploadMs = await timed(opts.runs, async () => {
        const form = new FormData();
        form.set('organizationId', orgs.items[0]!.id);
        form.set('file', new Blob([content], { type: 'application/pdf' }), 'bien-ban-dai-hoi.pdf');
        const res = await fetch(`${base}/api/v1/files`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken },
          body: form,
        });
        if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
        ids.push(((await res.json()) as { id: string }).id);
      });
      const downloadMs = await timed(opts.runs, async () => {
        const res = await fetch(`${base}/api/v1/files/${ids[0]}`, { headers: { cookie } });
        const body = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200 || body.length !== fileBytes) throw new Error(`download: ${res.status}`);
      });
      log(
        `  ${fileBytes / 2 ** 20} MiB file: upload ${uploadMs.p50.toFixed(0)} ms, download ${downloadMs.p50.toFixed(0)} ms`,
      );
      let withFile = last;
      const fileBackupMs = await timed(opts.runs, async () => {
        withFile = await backupToFile(database, file);
      });
      log(`  backup with ${ids.length} such files: ${fileBackupMs.p50.toFixed(0)} ms`);
      return {
        backend: backend.name,
        tables: Object.keys(last.trailer.rows).length,
        rows,
        backupMs,
        backupBytes,
        restoreMs,
        file: { bytes: fileBytes, uploadMs, downloadMs, backupMs: fileBackupMs, backupBytes: withFile.size },
      };
    } finally {
      await app.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
