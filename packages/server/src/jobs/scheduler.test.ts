import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../auth/tables.js';
import { listBackups } from '../backup/format.js';
import { loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { seedDemo } from '../demo/seed.js';
import { users } from '../modules/users/tables.js';
import { openTestDatabase } from '../test/harness.js';
import { platformJobs, registerPlatformJobs } from './platform.js';
import { lastRuns } from './runs.js';
import {
  createScheduler,
  InProcessScheduler,
  nextSlot,
  PgBossScheduler,
  type Scheduler,
  slotStart,
  toCron,
} from './scheduler.js';
import { jobRuns } from './tables.js';

describe('schedules', () => {
  it('place slots on Vietnam time and speak cron', () => {
    // 2020-03-15 09:30 in Vietnam.
    const now = new Date('2020-03-15T02:30:00Z');
    expect(slotStart({ dailyAt: '02:00' }, now).toISOString()).toBe('2020-03-14T19:00:00.000Z');
    expect(nextSlot({ dailyAt: '02:00' }, now).toISOString()).toBe('2020-03-15T19:00:00.000Z');
    expect(slotStart({ dailyAt: '10:00' }, now).toISOString()).toBe('2020-03-14T03:00:00.000Z');
    expect(slotStart({ everyMinutes: 60 }, now).toISOString()).toBe('2020-03-15T02:00:00.000Z');
    expect(nextSlot({ everyMinutes: 15 }, now).toISOString()).toBe('2020-03-15T02:45:00.000Z');
    // Six-hour slots start at 00, 06, 12, 18 o'clock in Vietnam: 06:00 here.
    expect(slotStart({ everyMinutes: 360 }, now).toISOString()).toBe('2020-03-14T23:00:00.000Z');
    expect(toCron({ dailyAt: '02:00' })).toBe('0 2 * * *');
    expect(toCron({ everyMinutes: 60 })).toBe('0 * * * *');
    expect(toCron({ everyMinutes: 5 })).toBe('*/5 * * * *');
    expect(toCron({ everyMinutes: 120 })).toBe('0 */2 * * *');
    expect(() => toCron({ everyMinutes: 7 })).toThrow();
    expect(() => toCron({ dailyAt: '24:00' })).toThrow();
  });
});

const onServer = process.env.DAIHOI_TEST_DB === 'pg' && !!process.env.TEST_DATABASE_URL;
let database: Database & { drop(): Promise<void> };
const extra: Database[] = [];
const started: Scheduler[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await database.migrate();
});

afterAll(async () => {
  for (const s of started) await s.stop();
  for (const d of extra) await d.close();
  await database.drop();
});

/** The in-process schedulers' clock runs this far ahead of real time (to reach the next slot). */
let clockAhead = 0;

/** A second scheduler instance on the same database: its own pool (another server), or the same PGlite. */
async function twoInstances(): Promise<[Scheduler, Scheduler]> {
  if (onServer) {
    const url = (database.pool!.options as { connectionString: string }).connectionString;
    const second = await openDatabase({ url });
    extra.push(second);
    return [
      new PgBossScheduler(database, { instance: 'a', pollingIntervalSeconds: 0.5 }),
      new PgBossScheduler(second, { instance: 'b', pollingIntervalSeconds: 0.5 }),
    ];
  }
  const clock = () => new Date(Date.now() + clockAhead);
  return [
    new InProcessScheduler(database.db, { instance: 'a', clock }),
    new InProcessScheduler(database.db, { instance: 'b', clock }),
  ];
}

const runsOf = (job: string) => database.db.select().from(jobRuns).where(eq(jobRuns.job, job));

describe(`scheduler (${onServer ? 'pg-boss on PostgreSQL' : 'in-process on PGlite'})`, () => {
  it('runs a job triggered once exactly once, with two instances on one database', async () => {
    const calls: string[] = [];
    const instances = await twoInstances();
    for (const [i, s] of instances.entries()) {
      s.register('test.once', { everyMinutes: 60 }, async () => {
        calls.push(i === 0 ? 'a' : 'b');
        await new Promise((r) => setTimeout(r, 300));
        return 'xong';
      });
      await s.start();
      started.push(s);
    }
    const [a, b] = instances;
    expect(await a.runNow('test.once')).toEqual({ status: 'ok', message: 'xong' });
    if (!onServer) {
      // Both instances' timers fire for the same slot: one claims it, the other finds it taken.
      clockAhead = 3600_000;
      const slot = slotStart({ everyMinutes: 60 }, new Date(Date.now() + clockAhead));
      const due = await Promise.all([
        (a as InProcessScheduler).runDue('test.once', slot),
        (b as InProcessScheduler).runDue('test.once', slot),
      ]);
      expect(due.filter((d) => d !== null)).toHaveLength(1);
    }
    // Give every worker time to poll (and, wrongly, pick the job up a second time).
    await new Promise((r) => setTimeout(r, 2000));
    const expected = onServer ? 1 : 2;
    expect(calls).toHaveLength(expected);
    const runs = await runsOf('test.once');
    expect(runs).toHaveLength(expected);
    for (const r of runs) {
      expect(r.status).toBe('ok');
      expect(r.message).toBe('xong');
      expect(['a', 'b']).toContain(r.instance);
      expect(r.finishedAt!.getTime()).toBeGreaterThanOrEqual(r.startedAt.getTime());
    }
    expect(await b.runNow('test.once')).toEqual({ status: 'ok', message: 'xong' });
    expect(calls).toHaveLength(expected + 1);
  });

  it('records a failed run with its message and tells listeners', async () => {
    const scheduler = createScheduler(database, { instance: 'c', pollingIntervalSeconds: 0.5 });
    expect(scheduler.kind).toBe(onServer ? 'pg-boss' : 'in-process');
    const events: string[] = [];
    scheduler.onRun((e) => events.push(`${e.job}:${e.status}`));
    scheduler.register('test.fails', { dailyAt: '03:00' }, async () => {
      throw new Error('ổ đĩa đầy');
    });
    await scheduler.start();
    started.push(scheduler);
    const outcome = await scheduler.runNow('test.fails');
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toContain('ổ đĩa đầy');
    const last = (await lastRuns(database.db, ['test.fails'])).get('test.fails');
    expect(last).toMatchObject({ status: 'failed', message: 'ổ đĩa đầy', instance: 'c' });
    expect(events).toEqual(['test.fails:failed']);
  });

  it('runs the platform jobs: session sweep, digest, and (embedded) the daily backup', async () => {
    const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-jobs-'));
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), backupDir, backupKeep: 2 };
    await seedDemo(database.db, 'demo-password-1', new Date());
    const [user] = await database.db.select().from(users).limit(1);
    const past = new Date(Date.now() - 3600_000);
    await database.db.insert(sessions).values([
      { id: 'expired', userId: user!.id, csrfToken: 'x', createdAt: past, expiresAt: past },
      {
        id: 'live',
        userId: user!.id,
        csrfToken: 'y',
        createdAt: past,
        expiresAt: new Date(Date.now() + 3600_000),
      },
    ]);
    const scheduler = createScheduler(database, { instance: 'd', pollingIntervalSeconds: 0.5 });
    registerPlatformJobs(scheduler, { config, database });
    expect(scheduler.jobs().map((j) => j.name)).toEqual(platformJobs(database.kind).map((j) => j.name));
    await scheduler.start();
    started.push(scheduler);

    expect((await scheduler.runNow('sessions.sweep')).status).toBe('ok');
    expect((await database.db.select().from(sessions)).map((s) => s.id)).toEqual(['live']);
    expect(await scheduler.runNow('notifications.digest')).toEqual({
      status: 'ok',
      message: 'chưa cấu hình SMTP_URL',
    });
    if (database.kind === 'embedded') {
      for (let i = 0; i < 3; i++) expect((await scheduler.runNow('backup.daily')).status).toBe('ok');
      const kept = await listBackups(backupDir);
      expect(kept).toHaveLength(2);
      expect((await lastRuns(database.db, ['backup.daily'])).get('backup.daily')?.message).toContain(
        kept[0]!.name,
      );
    } else {
      // A server is backed up by its operators (pg_dump or the backup command); no timer writes files here.
      expect(scheduler.jobs().map((j) => j.name)).not.toContain('backup.daily');
      expect(fs.readdirSync(backupDir)).toEqual([]);
    }
    fs.rmSync(backupDir, { recursive: true, force: true });
  });
});
