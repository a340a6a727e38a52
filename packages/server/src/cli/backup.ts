import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupToFile, createBackup } from '../backup/backup.js';
import { readControlFile } from '../backup/control.js';
import { formatSize } from '../backup/startup.js';
import { type Config, loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { DataDirLockedError, lockDataDir } from '../db/lock.js';
import { runCli } from './open.js';

/** Paths on the command line are the user's: npm runs scripts from the repository root. */
const userPath = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

async function backupHere(database: Database, config: Config, out: string | undefined) {
  if (out) {
    const r = await backupToFile(database, out);
    const rows = Object.values(r.trailer.rows).reduce((a, b) => a + b, 0);
    return { file: out, size: r.size, rows };
  }
  const b = await createBackup(database, config.backupDir, { tag: 'manual', keep: config.backupKeep });
  return { file: b.path, size: b.size, rows: Object.values(b.trailer.rows).reduce((a, n) => a + n, 0) };
}

/** The running server holds the embedded database: it writes the backup, and we copy it where asked. */
async function backupThroughServer(config: Config, out: string | undefined, lock: DataDirLockedError) {
  const control = readControlFile(config.dataDir);
  if (!control) {
    console.error(lock.message);
    return 2;
  }
  const res = await fetch(`${control.url}/api/v1/system/control/backups`, {
    method: 'POST',
    headers: { authorization: `Bearer ${control.token}` },
  }).catch((err: unknown) => {
    throw new Error(`Không liên lạc được với máy chủ DaiHoi đang chạy tại ${control.url}: ${String(err)}`);
  });
  if (res.status !== 201) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    console.error(`Máy chủ DaiHoi không sao lưu được: ${body?.error?.message ?? `HTTP ${res.status}`}`);
    return 1;
  }
  const { name, size } = (await res.json()) as { name: string; size: number };
  let file = path.join(config.backupDir, name);
  if (out) {
    fs.copyFileSync(file, `${out}.partial`);
    fs.renameSync(`${out}.partial`, out);
    file = out;
  }
  console.log(`Máy chủ đang chạy đã sao lưu dữ liệu vào ${file} (${formatSize(size)}).`);
  return 0;
}

// npm run backup -- [--out FILE]: a consistent backup, also while the server runs. Without --out it goes to
// DATA_DIR/backups like the automatic ones.
runCli(async () => {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ? userPath(values.out) : undefined;
  const config = loadConfig();
  let unlock = () => {};
  if (!config.databaseUrl) {
    try {
      unlock = lockDataDir(config.dataDir);
    } catch (err) {
      if (err instanceof DataDirLockedError) return backupThroughServer(config, out, err);
      throw err;
    }
  }
  try {
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
    try {
      const r = await backupHere(database, config, out);
      console.log(`Đã sao lưu ${r.rows} dòng dữ liệu vào ${r.file} (${formatSize(r.size)}).`);
      return 0;
    } finally {
      await database.close();
    }
  } finally {
    unlock();
  }
});
