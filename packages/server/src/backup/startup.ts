import path from 'node:path';
import type { Config } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { createBackup, databaseHasRows } from './backup.js';
import { type BackupFile, listBackups } from './format.js';
import { schemaState } from './schema.js';
import { inSqlTransaction } from './sql.js';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** The embedded database cannot be opened or migrated because its files are damaged. */
export class DamagedDataDirError extends Error {
  constructor(
    readonly dataDir: string,
    readonly reason: string,
    readonly latest: BackupFile | null,
    readonly restoreCommand: string | null,
  ) {
    super(damagedMessage(dataDir, reason, latest, restoreCommand));
  }
}

/** PGlite refusing to start, WebAssembly aborting, or PostgreSQL reporting damaged data or files. */
export function isDamage(err: unknown): boolean {
  const e = err as { name?: unknown; message?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  // WebAssembly.RuntimeError: the PostgreSQL inside PGlite aborted.
  if (e?.name === 'RuntimeError') return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (/PGlite failed to initialize|Aborted\(/.test(message)) return true;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : '';
  // SQLSTATE class XX: internal error, data or index corrupted; class 58: files missing or unreadable.
  return /^(XX|58)/.test(code);
}

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`);

/** The exact command that restores `file` into the data directory of `config`. */
export function restoreCommand(config: Pick<Config, 'dataDir'>, file: string): string {
  const defaultDir = path.join(repoRoot, 'data');
  const env = path.resolve(config.dataDir) === defaultDir ? '' : `DATA_DIR=${shellQuote(config.dataDir)} `;
  return `${env}npm run restore -- ${shellQuote(file)}`;
}

/** 'HH:MM ngày dd/mm/yyyy' in Vietnam's time. */
export function vietnamTime(d: Date): string {
  const l = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${l.slice(11, 16)} ngày ${l.slice(8, 10)}/${l.slice(5, 7)}/${l.slice(0, 4)}`;
}

export function formatSize(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ${units[u]}`;
}

function damagedMessage(dataDir: string, reason: string, latest: BackupFile | null, command: string | null) {
  const lines = [
    `DaiHoi không khởi động được: dữ liệu trong thư mục ${path.join(dataDir, 'pgdata')} bị hỏng`,
    `(chi tiết kỹ thuật: ${reason}).`,
    'Chưa có gì bị xóa hay ghi đè.',
    '',
  ];
  if (latest && command) {
    lines.push(
      `Bản sao lưu gần nhất: ${latest.path}`,
      `(lúc ${vietnamTime(latest.createdAt)}, ${formatSize(latest.size)}).`,
      'Để khôi phục dữ liệu từ bản sao lưu này, hãy chạy lệnh:',
      '',
      `    ${command}`,
      '',
      'Lệnh này cất thư mục hỏng sang một thư mục bên cạnh (pgdata-hong-<thời điểm>, không xóa), tạo cơ sở dữ',
      'liệu mới và nạp lại dữ liệu từ bản sao lưu. Những thay đổi sau thời điểm sao lưu sẽ không có.',
      'Sau đó khởi động lại DaiHoi như thường lệ.',
    );
  } else {
    lines.push(
      `Không tìm thấy bản sao lưu nào trong ${path.join(dataDir, 'backups')}.`,
      'Nếu có bản sao lưu ở nơi khác (ổ USB, máy khác), hãy chạy lệnh:',
      '',
      `    ${restoreCommand({ dataDir }, '<đường dẫn tệp sao lưu>')}`,
    );
  }
  return lines.join('\n');
}

async function damaged(config: Config, err: unknown): Promise<DamagedDataDirError> {
  const reason = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  const [latest] = await listBackups(config.backupDir).catch(() => []);
  return new DamagedDataDirError(
    config.dataDir,
    reason,
    latest ?? null,
    latest ? restoreCommand(config, latest.path) : null,
  );
}

/**
 * The database, migrated to this build. On the embedded database: a backup first when migrations are
 * pending and it holds data (DATA_DIR/backups, tag pre-migrate), and damaged files reported as
 * DamagedDataDirError, with the command that restores the latest backup.
 */
export async function openAndMigrate(
  config: Config,
  opts: { onBackup?: (b: BackupFile) => void } = {},
): Promise<Database> {
  if (config.databaseUrl) {
    const database = await openDatabase({ url: config.databaseUrl });
    await database.migrate();
    return database;
  }
  let database: Database;
  try {
    database = await openDatabase({ dataDir: config.dataDir });
  } catch (err) {
    throw await damaged(config, err);
  }
  try {
    const state = await inSqlTransaction(database, 'READ ONLY', schemaState);
    if (state.hasTables && state.applied === 0)
      throw new LedgerMissingError('the migrations ledger is missing while application tables exist');
    if (state.pending > 0 && state.applied > 0 && (await databaseHasRows(database))) {
      const b = await createBackup(database, config.backupDir, {
        tag: 'pre-migrate',
        keep: config.backupKeep,
      });
      opts.onBackup?.(b);
    }
    await database.migrate();
    return database;
  } catch (err) {
    await database.close().catch(() => {});
    if (err instanceof LedgerMissingError || isDamage(err)) throw await damaged(config, err);
    throw err;
  }
}

class LedgerMissingError extends Error {}
