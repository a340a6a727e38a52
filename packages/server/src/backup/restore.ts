import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { type VerifyResult, verifyAuditChain } from '../audit/service.js';
import type { Database } from '../db/client.js';
import { AppError, type ErrorCode } from '../http/errors.js';
import { importExpression, readCatalog, type TableInfo } from './catalog.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupTrailer,
  headerSchema,
  sectionSchema,
  trailerSchema,
} from './format.js';
import { buildMigrations, schemaState } from './schema.js';
import { inSqlTransaction, quoteIdent, type SqlSession } from './sql.js';

/** Any constant: every restore takes it, so that a second one is refused instead of interleaving. */
const RESTORE_LOCK_KEY = 734_1972;

const refuse = (code: ErrorCode, message?: string, details?: unknown) =>
  new AppError(422, code, details, message);

/** Lines of a gzip'd file as they are decompressed; a damaged or cut gzip stream surfaces as our errors. */
async function* readLines(file: string): AsyncGenerator<Buffer> {
  const source = fs.createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  let parts: Buffer[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let start = 0;
      for (;;) {
        const nl = chunk.indexOf(10, start);
        if (nl === -1) break;
        parts.push(chunk.subarray(start, nl));
        yield parts.length === 1 ? parts[0]! : Buffer.concat(parts);
        parts = [];
        start = nl + 1;
      }
      if (start < chunk.length) parts.push(chunk.subarray(start));
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
      throw refuse('BACKUP_FILE_UNREADABLE', undefined, { file, reason: code });
    if (code === 'Z_BUF_ERROR') throw refuse('BACKUP_TRUNCATED');
    throw refuse('BACKUP_CORRUPT', undefined, { reason: (err as Error).message });
  } finally {
    source.destroy();
  }
  // A last line without its newline: the file was cut mid-line.
  if (parts.length > 0) yield Buffer.concat(parts);
}

type BackupEvent = { kind: 'section'; table: string } | { kind: 'row'; table: string; line: string };

export interface BackupInfo {
  header: BackupHeader;
  trailer: BackupTrailer;
  size: number;
}

/**
 * Reads a backup from end to end, checking everything a restore relies on: gzip intact, our header, a schema
 * this build knows, sections in the header's order, the trailer present and last, its row counts and the
 * sha256 of the content. Yields sections and rows as it goes; throws (a clear Vietnamese refusal) at the
 * first fault, which may be at the very end: a restore that consumes it runs in one transaction.
 */
async function* readBackup(file: string, found: Partial<BackupInfo>): AsyncGenerator<BackupEvent> {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  let table: string | undefined;
  let nextTable = 0;
  for await (const raw of readLines(file)) {
    if (trailer) throw refuse('BACKUP_CORRUPT', undefined, { reason: 'content after the trailer' });
    const first = raw[0];
    if (!header) {
      header = parseHeader(raw);
      found.header = header;
      hash.update(raw).update('\n');
      continue;
    }
    if (first === 0x5b /* [ */) {
      if (!table) throw refuse('BACKUP_CORRUPT', undefined, { reason: 'row outside a table' });
      hash.update(raw).update('\n');
      counts[table]! += 1;
      yield { kind: 'row', table, line: raw.toString('utf8') };
      continue;
    }
    const value = first === 0x7b /* { */ ? parseJson(raw) : undefined;
    const section = sectionSchema.safeParse(value);
    if (section.success) {
      if (header.tables[nextTable]?.name !== section.data.table)
        throw refuse('BACKUP_CORRUPT', undefined, { reason: `unexpected table ${section.data.table}` });
      nextTable++;
      table = section.data.table;
      counts[table] = 0;
      hash.update(raw).update('\n');
      yield { kind: 'section', table };
      continue;
    }
    const end = trailerSchema.safeParse(value);
    if (!end.success) throw refuse('BACKUP_CORRUPT', undefined, { reason: 'unreadable line' });
    trailer = end.data;
  }
  if (!header) throw refuse('BACKUP_TRUNCATED', undefined, { reason: 'empty file' });
  if (!trailer) throw refuse('BACKUP_TRUNCATED', undefined, { reason: 'no trailer' });
  if (nextTable !== header.tables.length)
    throw refuse('BACKUP_CORRUPT', undefined, { reason: 'tables missing before the trailer' });
  for (const t of header.tables) {
    if (trailer.rows[t.name] !== counts[t.name])
      throw refuse('BACKUP_CORRUPT', undefined, {
        reason: `row count of ${t.name}`,
        expected: trailer.rows[t.name],
        found: counts[t.name],
      });
  }
  if (hash.digest('hex') !== trailer.sha256)
    throw refuse('BACKUP_CORRUPT', undefined, { reason: 'checksum mismatch' });
  found.trailer = trailer;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

function parseHeader(raw: Buffer): BackupHeader {
  const value = parseJson(raw) as { format?: unknown; version?: unknown } | undefined;
  if (value?.format !== BACKUP_FORMAT)
    throw refuse('BACKUP_CORRUPT', undefined, { reason: 'not a DaiHoi backup' });
  if (typeof value.version === 'number' && value.version > BACKUP_VERSION)
    throw refuse('BACKUP_SCHEMA_NEWER', undefined, {
      formatVersion: value.version,
      supported: BACKUP_VERSION,
    });
  const header = headerSchema.safeParse(value);
  if (!header.success) throw refuse('BACKUP_CORRUPT', undefined, { reason: 'header' });
  const known = buildMigrations().length;
  if (header.data.schema > known)
    throw refuse(
      'BACKUP_SCHEMA_NEWER',
      `Tệp sao lưu được tạo bởi một phiên bản DaiHoi mới hơn (lược đồ dữ liệu số ${header.data.schema}, ` +
        `phiên bản này chỉ biết đến số ${known}). Hãy cập nhật DaiHoi rồi khôi phục lại; ` +
        'dữ liệu hiện tại được giữ nguyên.',
      { backupSchema: header.data.schema, knownSchema: known },
    );
  return header.data;
}

/** Checks a backup file completely without touching any database. */
export async function inspectBackup(file: string): Promise<BackupInfo> {
  const found: Partial<BackupInfo> = {};
  for await (const _ of readBackup(file, found)) {
    // Reading is checking.
  }
  return { header: found.header!, trailer: found.trailer!, size: fs.statSync(file).size };
}

export interface RestoreResult {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  audit: VerifyResult;
}

const restoring = new WeakSet<Database>();

const ROWS_PER_INSERT = 1000;
const BYTES_PER_INSERT = 8 << 20;

/**
 * Replaces every row of the application's tables with the rows of a backup, in one transaction: the file is
 * checked in full first, and any fault found while loading rolls everything back, so the data is either the
 * backup's or exactly as it was. The database must be migrated to this build's schema.
 */
export async function restoreBackup(database: Database, file: string): Promise<RestoreResult> {
  if (restoring.has(database)) throw refuse('RESTORE_IN_PROGRESS');
  restoring.add(database);
  try {
    const info = await inspectBackup(file);
    const tables = await inSqlTransaction(database, 'ISOLATION LEVEL READ COMMITTED', async (s) => {
      const [lock] = await s.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1::bigint) AS ok', [
        RESTORE_LOCK_KEY,
      ]);
      if (!lock?.ok) throw refuse('RESTORE_IN_PROGRESS');
      const state = await schemaState(s);
      if (state.pending > 0) throw new Error('the database must be migrated before a restore');
      const catalog = await readCatalog(s);
      checkCompatible(info.header, catalog);
      return load(s, catalog, file);
    });
    if (database.pglite) await database.pglite.exec('VACUUM ANALYZE');
    else await database.db.execute(sql`ANALYZE`);
    return { header: info.header, tables, audit: await verifyAuditChain(database.db) };
  } finally {
    restoring.delete(database);
  }
}

function checkCompatible(header: BackupHeader, catalog: TableInfo[]) {
  const byName = new Map(catalog.map((t) => [t.name, t]));
  for (const t of header.tables) {
    const target = byName.get(t.name);
    const missing = target ? t.columns.filter((c) => !target.columns.some((x) => x.name === c.name)) : [];
    if (!target || missing.length > 0)
      throw refuse('BACKUP_INCOMPATIBLE', undefined, {
        table: t.name,
        columns: missing.map((c) => c.name),
      });
  }
}

async function load(s: SqlSession, catalog: TableInfo[], file: string) {
  const all = catalog.map((t) => quoteIdent(t.name)).join(', ');
  await s.query(`SET LOCAL lock_timeout = '60s'`);
  await s.query(`SET LOCAL TimeZone = 'UTC'`);
  if (catalog.length > 0) await s.query(`LOCK TABLE ${all} IN ACCESS EXCLUSIVE MODE`);
  // The audit log refuses DELETE and TRUNCATE by trigger; a restore replaces it wholesale, so its guards
  // (and any other user trigger) are off for this transaction only and back on before it commits.
  for (const t of catalog)
    for (const tr of t.triggers)
      await s.query(`ALTER TABLE ${quoteIdent(t.name)} DISABLE TRIGGER ${quoteIdent(tr)}`);
  for (const t of [...catalog].reverse()) await s.query(`DELETE FROM ${quoteIdent(t.name)}`);

  const found: Partial<BackupInfo> = {};
  const byName = new Map(catalog.map((t) => [t.name, t]));
  const restored: { name: string; rows: number }[] = [];
  let batch: string[] = [];
  let batchBytes = 0;
  let insert = '';
  const flush = async () => {
    if (batch.length === 0) return;
    await s.query(insert, [`[${batch.join(',')}]`]);
    batch = [];
    batchBytes = 0;
  };
  for await (const event of readBackup(file, found)) {
    if (event.kind === 'section') {
      await flush();
      const columns = found.header!.tables.find((t) => t.name === event.table)!.columns;
      const target = byName.get(event.table)!;
      const exprs = columns.map((c, i) =>
        importExpression(target.columns.find((x) => x.name === c.name)!, i),
      );
      insert =
        `INSERT INTO ${quoteIdent(event.table)} (${columns.map((c) => quoteIdent(c.name)).join(', ')}) ` +
        `SELECT ${exprs.join(', ')} FROM json_array_elements($1::json) AS e(r)`;
      restored.push({ name: event.table, rows: 0 });
      continue;
    }
    batch.push(event.line);
    batchBytes += event.line.length;
    restored.at(-1)!.rows++;
    if (batch.length >= ROWS_PER_INSERT || batchBytes >= BYTES_PER_INSERT) await flush();
  }
  await flush();

  for (const t of catalog)
    for (const q of t.sequences) {
      const col = quoteIdent(q.column);
      await s.query(
        `SELECT setval($1::regclass, coalesce(max(${col}), 1), max(${col}) IS NOT NULL) FROM ${quoteIdent(t.name)}`,
        [`${quoteIdent('public')}.${quoteIdent(q.sequence)}`],
      );
    }
  for (const t of catalog)
    for (const tr of t.triggers)
      await s.query(`ALTER TABLE ${quoteIdent(t.name)} ENABLE TRIGGER ${quoteIdent(tr)}`);
  return restored;
}
