import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../packages/server/src/app.js';
import { SESSION_COOKIE } from '../packages/server/src/auth/sessions.js';
import { backupToFile } from '../packages/server/src/backup/backup.js';
import { readCatalog, type TableInfo } from '../packages/server/src/backup/catalog.js';
import { restoreBackup } from '../packages/server/src/backup/restore.js';
import { inSqlTransaction, quoteIdent } from '../packages/server/src/backup/sql.js';
import { type Config, loadConfig, makeClock } from '../packages/server/src/config.js';
import { seedDemo } from '../packages/server/src/demo/seed.js';
import type { Backend, BackendName } from './backend.js';

export interface BackupBenchOptions {
  /** Timed runs of each step (after one untimed warm-up call). */
  runs: number;
  /** Size of the file uploaded and downloaded through the files routes. */
  fileBytes?: number;
}

/**
 * The steps timed, in groups that take turns run by run (run i of a group visits its steps in a rotated
 * order), each application step with the baselines it is compared to.
 */
export const BACKUP_GROUPS = {
  backup: ['backup', 'readRows'],
  restore: ['restore', 'rewriteRows'],
  upload: ['upload', 'bareUpload', 'rawInsert'],
  download: ['download', 'bareDownload', 'rawSelect'],
  fileBackup: ['fileBackup', 'fileReadRows'],
} as const;
export type BackupStep = (typeof BACKUP_GROUPS)[keyof typeof BACKUP_GROUPS][number];

export interface BackupBenchResult {
  backend: BackendName;
  tables: number;
  /** Rows in the demo backup (every application table). */
  rows: number;
  backupBytes: number;
  fileBytes: number;
  /** Rows and size of the backup that holds one uploaded file. */
  fileBackupRows: number;
  fileBackupBytes: number;
  /** Milliseconds per call, one figure per run. */
  ms: Record<BackupStep, number[]>;
  checks: {
    /** The plain read saw as many rows as the backup wrote, both times. */
    sameRows: boolean;
    /** Every download, through the app, the bare route or SQL, gave back the uploaded bytes. */
    sameBytes: boolean;
  };
}

const DEMO_PASSWORD = 'bench-demo-password';
const FILE_NAME = 'bien-ban-dai-hoi.pdf';

/** A PDF by its signature (the files service checks the real type), random bytes inside. */
function pdfOf(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(bytes - head.length - tail.length), tail]);
}

async function sideBySide<K extends BackupStep>(
  runs: number,
  calls: Record<K, () => Promise<unknown>>,
  ms: Record<BackupStep, number[]>,
): Promise<void> {
  const steps = Object.keys(calls) as K[];
  for (const k of steps) await calls[k]();
  for (let i = 0; i < runs; i++) {
    const order = steps.map((_, j) => steps[(i + j) % steps.length]!);
    for (const k of order) {
      const started = performance.now();
      await calls[k]();
      ms[k].push(performance.now() - started);
    }
  }
}

const p50 = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Every application table read whole, `SELECT *`, in one snapshot: what a backup reads, and nothing more. */
async function readRows(backend: Backend, tables: readonly TableInfo[]): Promise<number> {
  return inSqlTransaction(backend.database, 'ISOLATION LEVEL REPEATABLE READ, READ ONLY', async (s) => {
    let n = 0;
    for (const t of tables) n += (await s.query(`SELECT * FROM ${quoteIdent(t.name)}`)).length;
    return n;
  });
}

/**
 * The same rows replaced in place in one transaction, as a restore does (user triggers off, every table
 * emptied children first, refilled parents first), but copied from temporary tables inside the database.
 */
async function rewriteRows(backend: Backend, tables: readonly TableInfo[]): Promise<void> {
  await inSqlTransaction(backend.database, 'ISOLATION LEVEL READ COMMITTED', async (s) => {
    for (const t of tables)
      for (const tr of t.triggers)
        await s.query(`ALTER TABLE ${quoteIdent(t.name)} DISABLE TRIGGER ${quoteIdent(tr)}`);
    const columns = (t: TableInfo) => t.columns.map((c) => quoteIdent(c.name)).join(', ');
    for (const [i, t] of tables.entries())
      await s.query(
        `CREATE TEMP TABLE bench_rows_${i} ON COMMIT DROP AS SELECT ${columns(t)} FROM ${quoteIdent(t.name)}`,
      );
    for (const t of [...tables].reverse()) await s.query(`DELETE FROM ${quoteIdent(t.name)}`);
    for (const [i, t] of tables.entries())
      await s.query(
        `INSERT INTO ${quoteIdent(t.name)} (${columns(t)}) SELECT ${columns(t)} FROM bench_rows_${i}`,
      );
    for (const t of tables)
      for (const tr of t.triggers)
        await s.query(`ALTER TABLE ${quoteIdent(t.name)} ENABLE TRIGGER ${quoteIdent(tr)}`);
  });
}

/**
 * Backup and restore of the demo dataset (seedDemo) on a fresh, migrated back-end, each against the plain
 * SQL that reads or rewrites the same rows; then a 20 MiB file uploaded and downloaded over HTTP through the
 * files routes, against a bare Fastify route in this process that only consumes or sends the same bytes and
 * against the plain INSERT or SELECT of the bytea; and the backup once more with that one file in it.
 */
export async function backupBenchmark(
  backend: Backend,
  opts: BackupBenchOptions,
  log: (s: string) => void,
): Promise<BackupBenchResult> {
  const database = backend.database;
  await seedDemo(database.db, DEMO_PASSWORD, new Date());
  const tables = await inSqlTransaction(database, 'READ ONLY', readCatalog);
  const ms = Object.fromEntries(
    Object.values(BACKUP_GROUPS)
      .flat()
      .map((k) => [k, [] as number[]]),
  ) as Record<BackupStep, number[]>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-bench-backup-'));
  const file = path.join(dir, 'demo.jsonl.gz');
  const checks = { sameRows: true, sameBytes: true };
  const rowsOf = (r: { trailer: { rows: Record<string, number> } }) =>
    Object.values(r.trailer.rows).reduce((a, b) => a + b, 0);
  try {
    let last = await backupToFile(database, file);
    const rows = rowsOf(last);
    await sideBySide(
      opts.runs,
      {
        backup: async () => {
          last = await backupToFile(database, file);
        },
        readRows: async () => {
          if ((await readRows(backend, tables)) !== rows) checks.sameRows = false;
        },
      },
      ms,
    );
    const backupBytes = last.size;
    log(
      `  backup of ${rows} rows: ${p50(ms.backup).toFixed(0)} ms (plain read ${p50(ms.readRows).toFixed(0)} ms), ` +
        `${(backupBytes / 1024).toFixed(0)} KiB`,
    );
    await sideBySide(
      opts.runs,
      { restore: () => restoreBackup(database, file), rewriteRows: () => rewriteRows(backend, tables) },
      ms,
    );
    log(`  restore: ${p50(ms.restore).toFixed(0)} ms (plain rewrite ${p50(ms.rewriteRows).toFixed(0)} ms)`);

    const fileBytes = opts.fileBytes ?? 20 * 1024 * 1024;
    const content = pdfOf(fileBytes);
    const sha256 = createHash('sha256').update(content).digest('hex');
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
    const bare = Fastify({ logger: false, bodyLimit: 2 * fileBytes });
    bare.addContentTypeParser('multipart/form-data', (_req, payload, done) => {
      let n = 0;
      payload.on('data', (chunk: Buffer) => {
        n += chunk.length;
      });
      payload.on('end', () => done(null, n));
      payload.on('error', (err) => done(err));
    });
    bare.post('/bench/files', async (req, reply) => reply.code(201).send({ bytes: req.body }));
    bare.get('/bench/files', async (_req, reply) => reply.type('application/pdf').send(content));
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
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
      const organizationId = orgs.items[0]!.id;
      const form = () => {
        const f = new FormData();
        f.set('organizationId', organizationId);
        f.set('file', new Blob([content], { type: 'application/pdf' }), FILE_NAME);
        return f;
      };
      const sameBytes = (body: Uint8Array) => {
        if (body.length !== fileBytes || !content.equals(body)) checks.sameBytes = false;
      };

      const uploaded: string[] = [];
      const inserted: string[] = [];
      await sideBySide(
        opts.runs,
        {
          upload: async () => {
            const res = await fetch(`${base}/api/v1/files`, {
              method: 'POST',
              headers: { cookie, 'x-csrf-token': csrfToken },
              body: form(),
            });
            if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
            uploaded.push(((await res.json()) as { id: string }).id);
          },
          bareUpload: async () => {
            const res = await fetch(`${bareBase}/bench/files`, { method: 'POST', body: form() });
            const { bytes } = (await res.json()) as { bytes: number };
            if (res.status !== 201 || bytes < fileBytes)
              throw new Error(`bare upload: ${res.status} ${bytes}`);
          },
          rawInsert: async () => {
            const id = uuidv7();
            await backend.query(
              'INSERT INTO files (id, organization_id, name, type, size, sha256, content) VALUES ($1, $2, $3, $4, $5, $6, $7)',
              [id, organizationId, FILE_NAME, 'application/pdf', fileBytes, sha256, content],
            );
            inserted.push(id);
          },
        },
        ms,
      );
      const id = uploaded[0]!;
      await sideBySide(
        opts.runs,
        {
          download: async () => {
            const res = await fetch(`${base}/api/v1/files/${id}`, { headers: { cookie } });
            if (res.status !== 200) throw new Error(`download: ${res.status}`);
            sameBytes(new Uint8Array(await res.arrayBuffer()));
          },
          bareDownload: async () => {
            const res = await fetch(`${bareBase}/bench/files`);
            if (res.status !== 200) throw new Error(`bare download: ${res.status}`);
            sameBytes(new Uint8Array(await res.arrayBuffer()));
          },
          rawSelect: async () => {
            const [row] = await backend.query<{ content: Uint8Array }>(
              'SELECT content FROM files WHERE id = $1',
              [inserted[0]],
            );
            sameBytes(row!.content);
          },
        },
        ms,
      );
      const mib = fileBytes / 2 ** 20;
      log(
        `  ${mib} MiB file: upload ${p50(ms.upload).toFixed(0)} ms (bare route ${p50(ms.bareUpload).toFixed(0)}, ` +
          `INSERT ${p50(ms.rawInsert).toFixed(0)}), download ${p50(ms.download).toFixed(0)} ms ` +
          `(bare route ${p50(ms.bareDownload).toFixed(0)}, SELECT ${p50(ms.rawSelect).toFixed(0)})`,
      );

      // One file stays, so that the backup below holds the same 20 MiB whatever the number of runs.
      await backend.query('DELETE FROM files WHERE id <> $1', [id]);
      await backend.query('VACUUM files');
      let withFile = await backupToFile(database, file);
      const fileBackupRows = rowsOf(withFile);
      await sideBySide(
        opts.runs,
        {
          fileBackup: async () => {
            withFile = await backupToFile(database, file);
          },
          fileReadRows: async () => {
            if ((await readRows(backend, tables)) !== fileBackupRows) checks.sameRows = false;
          },
        },
        ms,
      );
      log(
        `  backup with one such file: ${p50(ms.fileBackup).toFixed(0)} ms ` +
          `(plain read ${p50(ms.fileReadRows).toFixed(0)} ms), ${(withFile.size / 2 ** 20).toFixed(1)} MiB`,
      );
      return {
        backend: backend.name,
        tables: tables.length,
        rows,
        backupBytes,
        fileBytes,
        fileBackupRows,
        fileBackupBytes: withFile.size,
        ms,
        checks,
      };
    } finally {
      await bare.close();
      await app.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
