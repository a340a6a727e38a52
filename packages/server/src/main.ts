import { count } from 'drizzle-orm';
import { buildApp } from './app.js';
import { deleteExpiredSessions } from './auth/sessions.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError, lockDataDir } from './db/lock.js';
import { seedDemo } from './demo/seed.js';
import { users } from './modules/users/tables.js';

/** Process entry: configuration, lock, migrations, demo seed, listen; a clean close on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  if (config.demo) await seedDemo(database.db, config.demoPassword, config.clock.now());
  const app = await buildApp({ config, database });
  const [accounts] = await database.db.select({ n: count() }).from(users);
  if (!accounts?.n)
    app.log.warn(
      'Chưa có tài khoản nào: tạo quản trị viên đầu tiên bằng "npm run admin:create -- --username <tên>".',
    );
  // Expired sessions are only dead rows; clear them hourly.
  const sweep = setInterval(
    () => void deleteExpiredSessions(database.db, config.clock.now()).catch(() => {}),
    3600_000,
  );
  sweep.unref();

  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'đang dừng máy chủ');
    clearInterval(sweep);
    await app.close();
    await database.close();
    unlock();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: database.kind, demo: config.demo, today: config.clock.today() },
    `DaiHoi sẵn sàng tại http://localhost:${config.port}`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
