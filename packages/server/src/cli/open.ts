import { type Config, loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { lockDataDir } from '../db/lock.js';

/** The database a command-line tool works on, migrated, with the same DATA_DIR lock as the server. */
export async function openForCli(): Promise<{ config: Config; database: Database; done(): Promise<void> }> {
  const config = loadConfig();
  const unlock = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  return {
    config,
    database,
    done: async () => {
      await database.close();
      unlock();
    },
  };
}

/** Runs a tool, printing its failure in one readable line instead of a stack trace. */
export function runCli(main: () => Promise<number>) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(2);
    },
  );
}
