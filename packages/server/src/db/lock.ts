import fs from 'node:fs';
import path from 'node:path';

/**
 * One process per DATA_DIR: two writers corrupt a PGlite directory. The lock file holds the owner's pid,
 * so a lock left by a killed process is recognised and taken over at once (a time-based stale check would
 * keep a restarted server waiting).
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'daihoi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, 0);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Thư mục dữ liệu ${dataDir} đang được một tiến trình DaiHoi khác sử dụng (pid ${pid}). ` +
        'Hãy dừng tiến trình đó trước, hoặc chọn DATA_DIR khác.',
    );
  }
}
