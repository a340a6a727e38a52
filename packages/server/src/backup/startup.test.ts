import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../config.js';
import { seedDemo } from '../demo/seed.js';
import { listBackups } from './format.js';
import { inspectBackup } from './restore.js';
import { DamagedDataDirError, isDamage, openAndMigrate, restoreCommand } from './startup.js';

// The embedded database's start: whatever project runs it, this is PGlite in a data directory.
const dirs: string[] = [];
function embeddedConfig(): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-start-'));
  dirs.push(dataDir);
  return {
    ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir }),
    databaseUrl: undefined,
    backupKeep: 5,
  };
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('start of the embedded database', () => {
  it('backs up before pending migrations when it holds data, and only then', async () => {
    const config = embeddedConfig();
    // A fresh database: migrations pending, nothing to save.
    let database = await openAndMigrate(config);
    expect(await listBackups(config.backupDir)).toEqual([]);
    await seedDemo(database.db, 'demo-password-1', new Date());
    await database.close();
    // Nothing pending: no backup either.
    database = await openAndMigrate(config);
    expect(await listBackups(config.backupDir)).toEqual([]);
    // Roll the last migration (congress templates) back by hand, as if this data came from the
    // previous release.
    await database.pglite!.exec(`
      DROP TABLE congress_templates;
      ALTER TABLE congress_plans DROP COLUMN template_organization_id, DROP COLUMN template_name;
      DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations);`);
    await database.close();

    const seen: string[] = [];
    database = await openAndMigrate(config, { onBackup: (b) => seen.push(b.name) });
    const [backup] = await listBackups(config.backupDir);
    expect(backup?.name).toMatch(/-pre-migrate\.jsonl\.gz$/);
    expect(seen).toEqual([backup!.name]);
    const info = await inspectBackup(backup!.path);
    const journal = JSON.parse(
      fs.readFileSync(path.join(import.meta.dirname, '../db/migrations/meta/_journal.json'), 'utf8'),
    ) as { entries: { tag: string }[] };
    expect(info.header.schema).toBe(journal.entries.length - 1);
    expect(info.header.schemaTag).toBe(journal.entries.at(-2)!.tag);
    expect(journal.entries.at(-1)!.tag).toBe('0008_congress_templates');
    expect(info.trailer.rows.organizations).toBeGreaterThan(40);
    // And the migration ran.
    const index = await database.pglite!.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'congress_templates'",
    );
    expect(index.rows).toEqual([{ n: 1 }]);
    await database.close();
  });

  it('reports damaged files with the latest backup and the exact command', async () => {
    const config = embeddedConfig();
    const database = await openAndMigrate(config);
    await seedDemo(database.db, 'demo-password-1', new Date());
    await database.close();
    fs.writeFileSync(path.join(config.dataDir, 'pgdata/global/pg_control'), Buffer.alloc(8192, 0x41));
    const err = await openAndMigrate(config).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DamagedDataDirError);
    const damaged = err as DamagedDataDirError;
    expect(damaged.latest).toBeNull();
    expect(damaged.message).toContain('bị hỏng');
    expect(damaged.message).toContain('Không tìm thấy bản sao lưu nào');

    fs.mkdirSync(config.backupDir, { recursive: true });
    const file = path.join(config.backupDir, 'daihoi-20200315-020000-000-auto.jsonl.gz');
    fs.writeFileSync(file, 'x');
    const again = (await openAndMigrate(config).catch((e: unknown) => e)) as DamagedDataDirError;
    expect(again.restoreCommand).toBe(`DATA_DIR=${config.dataDir} npm run restore -- ${file}`);
    expect(again.message).toContain(`    ${again.restoreCommand}`);
  });

  it('tells damage from other failures', () => {
    expect(isDamage(new Error('PGlite failed to initialize properly'))).toBe(true);
    expect(isDamage(Object.assign(new Error('invalid page in block 0'), { code: 'XX001' }))).toBe(true);
    expect(isDamage({ message: 'Failed query', cause: { code: '58P01' } })).toBe(true);
    expect(isDamage(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(
      restoreCommand({ dataDir: path.resolve(import.meta.dirname, '../../../../data') }, '/b/x y.gz'),
    ).toBe("npm run restore -- '/b/x y.gz'");
  });
});
