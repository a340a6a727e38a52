import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database } from '../db/client.js';
import { exportExpression, orderBy, readCatalog, type TableInfo } from './catalog.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupFile,
  type BackupHeader,
  type BackupTag,
  type BackupTrailer,
  backupName,
  pruneBackups,
} from './format.js';
import { schemaState } from './schema.js';
import { inSqlTransaction, quoteIdent, type SqlSession } from './sql.js';

export interface BackupResult {
  header: BackupHeader;
  trailer: BackupTrailer;
}

const CHUNK_BYTES = 1 << 20;

/**
 * Writes a backup of every application table to `out` (gzip'd JSON lines, see format.ts), read in one
 * REPEATABLE READ, READ ONLY transaction: one consistent snapshot while the application keeps writing.
 */
export async function writeBackup(
  database: Database,
  out: Writable,
  opts: { now?: Date } = {},
): Promise<BackupResult> {
  const now = opts.now ?? new Date();
  return inSnapshot(database, async (s) => {
    let result: BackupResult | undefined;
    await pipeline(
      backupLines(s, database.kind, now, (r) => {
        result = r;
      }),
      createGzip({ level: 6 }),
      out,
    );
    return result!;
  });
}

async function inSnapshot<T>(database: Database, work: (s: SqlSession) => Promise<T>): Promise<T> {
  return inSqlTransaction(database, 'ISOLATION LEVEL REPEATABLE READ, READ ONLY', async (s) => {
    // Timestamps render as ISO 8601 in UTC whatever the server's own time zone.
    await s.query(`SET LOCAL TimeZone = 'UTC'`);
    return work(s);
  });
}

async function* backupLines(
  s: SqlSession,
  kind: Database['kind'],
  now: Date,
  done: (r: BackupResult) => void,
): AsyncGenerator<Buffer> {
  const state = await schemaState(s);
  const tables = await readCatalog(s);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema: state.applied,
    schemaTag: state.latestTag,
    createdAt: now.toISOString(),
    database: kind,
    tables: tables.map((t) => ({
      name: t.name,
      columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
    })),
  };
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = () => {
    const chunk = Buffer.from(pending.join(''));
    hash.update(chunk);
    pending = [];
    pendingBytes = 0;
    return chunk;
  };
  const push = (line: string) => {
    pending.push(line, '\n');
    pendingBytes += line.length + 1;
  };

  push(JSON.stringify(header));
  for (const [i, t] of tables.entries()) {
    push(JSON.stringify({ table: t.name }));
    rows[t.name] = 0;
    const cursor = `daihoi_backup_${i}`;
    await s.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${selectLines(t)}`);
    // Rows holding files are large: fetch a few at a time.
    const batch = t.columns.some((c) => c.codec === 'binary') ? 2 : 1000;
    for (;;) {
      const fetched = await s.query<{ line: string }>(`FETCH FORWARD ${batch} FROM ${cursor}`);
      for (const r of fetched) push(r.line);
      rows[t.name]! += fetched.length;
      if (pendingBytes >= CHUNK_BYTES) yield flush();
      if (fetched.length < batch) break;
    }
    await s.query(`CLOSE ${cursor}`);
  }
  yield flush();
  const trailer: BackupTrailer = { end: true, rows, sha256: hash.digest('hex') };
  yield Buffer.from(`${JSON.stringify(trailer)}\n`);
  done({ header, trailer });
}

/** One JSON array per row; json_build_array takes at most 100 arguments, so wide tables join pieces. */
function selectLines(t: TableInfo): string {
  const exprs = t.columns.map(exportExpression);
  const pieces: string[] = [];
  for (let i = 0; i < exprs.length; i += 90)
    pieces.push(`json_build_array(${exprs.slice(i, i + 90).join(', ')})`);
  const line =
    pieces.length === 1 ? `${pieces[0]}::text` : `(${pieces.map((p) => `${p}::jsonb`).join(' || ')})::text`;
  return `SELECT ${line} AS line FROM ${quoteIdent(t.name)} ORDER BY ${orderBy(t)}`;
}

/**
 * A backup into `file`: written beside it first and renamed once complete and flushed to disk, so a crash
 * or a full disk never leaves a file that looks like a backup. Readable by the owner only (it holds
 * password hashes and every file).
 */
export async function backupToFile(
  database: Database,
  file: string,
  opts: { now?: Date } = {},
): Promise<BackupResult & { size: number }> {
  const partial = `${file}.partial`;
  try {
    const out = fs.createWriteStream(partial, { mode: 0o600 });
    const result = await writeBackup(database, out, opts);
    const fd = fs.openSync(partial, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
    syncDir(path.dirname(file));
    return { ...result, size: fs.statSync(file).size };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** A new backup in `dir` (e.g. DATA_DIR/backups), keeping only the newest `keep` when given. */
export async function createBackup(
  database: Database,
  dir: string,
  opts: { tag: BackupTag; now?: Date; keep?: number },
): Promise<BackupFile & BackupResult> {
  const now = opts.now ?? new Date();
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = backupName(now, opts.tag);
  const file = path.join(dir, name);
  const result = await backupToFile(database, file, { now });
  if (opts.keep !== undefined) await pruneBackups(dir, opts.keep);
  return { ...result, name, path: file, createdAt: fs.statSync(file).mtime };
}

function syncDir(dir: string) {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform lets a directory be synced; the rename itself is still atomic.
  }
}

/** Whether any application table holds a row (an empty database needs no backup before a migration). */
export async function databaseHasRows(database: Database): Promise<boolean> {
  return inSqlTransaction(database, 'READ ONLY', async (s) => {
    for (const t of await readCatalog(s)) {
      const [row] = await s.query<{ any: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(t.name)}) AS any`,
      );
      if (row?.any) return true;
    }
    return false;
  });
}
