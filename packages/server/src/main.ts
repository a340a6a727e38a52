import { count } from 'drizzle-orm';
import { buildApp } from './app.js';
import { controlUrl, newControlToken, writeControlFile } from './backup/control.js';
import { DamagedDataDirError, openAndMigrate } from './backup/startup.js';
import { loadConfig } from './config.js';
import { DataDirLockedError, lockDataDir } from './db/lock.js';
import { seedDemo } from './demo/seed.js';
import { failStaleImports } from './imports/pipeline.js';
import { registerPlatformJobs } from './jobs/platform.js';
import { createScheduler } from './jobs/scheduler.js';
import { users } from './modules/users/tables.js';

/** Process entry: configuration, lock, migrations, demo seed, listen; a clean close on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  // Embedded: a backup before pending migrations; damaged files stop here with the restore command.
  const database = await openAndMigrate(config, {
    onBackup: (b) => console.log(`Đã sao lưu dữ liệu trước khi nâng cấp lược đồ: ${b.path}`),
  }).catch((err: unknown) => {
    unlock();
    throw err;
  });
  // An import whose parsing died with the previous process can never finish: say so to its owner.
  await failStaleImports(database.db, config.clock.now());
  if (config.demo) await seedDemo(database.db, config.demoPassword, config.clock.now());
  const scheduler = config.scheduler ? createScheduler(database) : undefined;
  if (scheduler) registerPlatformJobs(scheduler, { config, database });
  const controlToken = config.databaseUrl ? undefined : newControlToken();
  const app = await buildApp({
    config,
    database,
    system: { scheduler, controlToken, metricsToken: config.metricsToken },
  });
  const [accounts] = await database.db.select({ n: count() }).from(users);
  if (!accounts?.n)
    app.log.warn(
      'Chưa có tài khoản nào: tạo quản trị viên đầu tiên bằng "npm run admin:create -- --username <tên>".',
    );

  let removeControl = () => {};
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'đang dừng máy chủ');
    await scheduler?.stop();
    removeControl();
    await app.close();
    await database.close();
    unlock();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (controlToken) {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    removeControl = writeControlFile(config.dataDir, controlUrl(config.host, port), controlToken);
  }
  await scheduler?.start(app.log);
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
  if (err instanceof DamagedDataDirError) {
    console.error(err.message);
    process.exit(3);
  }
  console.error(err);
  process.exit(1);
});
