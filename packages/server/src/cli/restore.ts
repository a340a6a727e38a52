import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, databaseHasRows } from '../backup/backup.js';
import { inspectBackup, restoreBackup } from '../backup/restore.js';
import { DamagedDataDirError, formatSize, openAndMigrate, vietnamTime } from '../backup/startup.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { DataDirLockedError, lockDataDir } from '../db/lock.js';
import { AppError } from '../http/errors.js';
import { runCli } from './open.js';

const userPath = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

function refusal(err: AppError): string {
  const reason = (err.details as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? `${err.message} (chi tiết: ${reason})` : err.message;
}

// npm run restore -- FILE: replaces all data with the backup's. The embedded database's server must be
// stopped; a damaged data directory is set aside (never deleted) and a fresh one takes the backup.
runCli(async () => {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) {
    console.error('Cách dùng: npm run restore -- <tệp sao lưu .jsonl.gz>');
    return 2;
  }
  const file = userPath(positionals[0]!);
  const config = loadConfig();
  try {
    const info = await inspectBackup(file);
    const rows = Object.values(info.trailer.rows).reduce((a, b) => a + b, 0);
    console.log(
      `Tệp sao lưu hợp lệ: tạo lúc ${vietnamTime(new Date(info.header.createdAt))}, ` +
        `${info.header.tables.length} bảng, ${rows} dòng, ` +
        `${formatSize(info.size)}.`,
    );
  } catch (err) {
    if (err instanceof AppError) {
      console.error(refusal(err));
      return 1;
    }
    throw err;
  }

  let unlock = () => {};
  if (!config.databaseUrl) {
    try {
      unlock = lockDataDir(config.dataDir);
    } catch (err) {
      if (!(err instanceof DataDirLockedError)) throw err;
      console.error(`${err.message}\nHãy dừng máy chủ DaiHoi trước khi khôi phục dữ liệu.`);
      return 2;
    }
  }
  try {
    let database: Database;
    try {
      database = await openAndMigrate(config);
    } catch (err) {
      if (!(err instanceof DamagedDataDirError)) throw err;
      const damaged = path.join(config.dataDir, 'pgdata');
      const stamp = new Date().toISOString().replaceAll(/[-:]/g, '').slice(0, 15);
      const aside = path.join(config.dataDir, `pgdata-hong-${stamp}`);
      fs.renameSync(damaged, aside);
      console.log(`Dữ liệu cũ bị hỏng (${err.reason}); đã cất nguyên thư mục sang ${aside}.`);
      database = await openAndMigrate(config);
    }
    try {
      if (await databaseHasRows(database)) {
        // Never pruned: the backup being restored may be the oldest one kept.
        const safety = await createBackup(database, config.backupDir, { tag: 'pre-restore' });
        console.log(`Dữ liệu hiện tại đã được sao lưu vào ${safety.path} trước khi khôi phục.`);
      }
      const result = await restoreBackup(database, file);
      const total = result.tables.reduce((a, t) => a + t.rows, 0);
      console.log(`Đã khôi phục ${total} dòng dữ liệu của ${result.tables.length} bảng từ ${file}.`);
      if (result.audit.ok) console.log(`Chuỗi nhật ký nguyên vẹn: ${result.audit.events} sự kiện.`);
      else
        console.log(
          `Cảnh báo: chuỗi nhật ký trong bản sao lưu bị phá vỡ tại sự kiện số ${result.audit.brokenAt.seq}.`,
        );
      return 0;
    } catch (err) {
      if (err instanceof AppError) {
        console.error(refusal(err));
        return 1;
      }
      throw err;
    } finally {
      await database.close();
    }
  } finally {
    unlock();
  }
});
