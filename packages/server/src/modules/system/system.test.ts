import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { auditEvents } from '../../audit/tables.js';
import { inspectBackup } from '../../backup/restore.js';
import type { App } from '../../http/route.js';
import { registerPlatformJobs } from '../../jobs/platform.js';
import { createScheduler, type Scheduler } from '../../jobs/scheduler.js';
import { Agent, startTestApp, TEST_PASSWORD, type TestApp } from '../../test/harness.js';

const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-system-'));
let t: TestApp;
let admin: Agent;
let office: Agent;
let member: Agent;

beforeAll(async () => {
  t = await startTestApp({ config: { backupDir, backupKeep: 3 } });
  admin = await t.login('admin');
  office = await t.login('vanphong');
  member = await t.login('dangvien');
});

afterAll(async () => {
  await t.close();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

describe('system routes', () => {
  it('answer administrators, refuse everyone else (403) and the anonymous (401)', async () => {
    const first = await admin.post('/api/v1/system/backups');
    expect(first.statusCode).toBe(201);
    const { name } = first.json() as { name: string };
    const routes: [string, string][] = [
      ['GET', '/api/v1/system/status'],
      ['POST', '/api/v1/system/backups'],
      ['GET', `/api/v1/system/backups/${name}`],
    ];
    for (const [method, url] of routes) {
      expect((await admin.request(method as 'GET', url)).statusCode, `${method} ${url}`).toBeLessThan(300);
      for (const agent of [office, member]) {
        const res = await agent.request(method as 'GET', url);
        expect(res.statusCode, `${agent.user.username} ${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      const anonymous = await t.app.inject({ method: method as 'GET', url });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('takes a backup on request, lists it, audits it, and serves it for download', async () => {
    const res = await admin.post('/api/v1/system/backups');
    expect(res.statusCode).toBe(201);
    const created = res.json() as { name: string; size: number; createdAt: string };
    expect(created.name).toMatch(/^daihoi-\d{8}-\d{6}-\d{3}-manual\.jsonl\.gz$/);
    expect(created.size).toBeGreaterThan(100);

    const status = (await admin.get('/api/v1/system/status')).json();
    expect(status).toMatchObject({
      version: t.config.version,
      database: t.database.kind,
      today: '2020-03-15',
    });
    expect(status.backups[0]).toEqual(created);
    expect(status.backups.length).toBeLessThanOrEqual(3);

    const download = await admin.get(`/api/v1/system/backups/${created.name}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/gzip');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${created.name}"`);
    expect(download.rawPayload.length).toBe(created.size);
    const header = JSON.parse(gunzipSync(download.rawPayload).toString('utf8').split('\n')[0]!);
    expect(header.format).toBe('daihoi-backup');

    const events = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, created.name));
    expect(events.map((e) => [e.action, e.actorUsername])).toEqual([
      ['system.backup', 'admin'],
      ['system.backup_download', 'admin'],
    ]);
  });

  it('refuses backup names that are not ours, path traversal included', async () => {
    for (const bad of [
      '..%2F..%2Fetc%2Fpasswd',
      '..%2Fdaihoi.lock',
      'daihoi-20200315-020000-000-auto.jsonl.gz%2F..',
      '.control-token',
      'daihoi-20200315-020000-000-auto.jsonl.gz.partial',
    ]) {
      const res = await admin.get(`/api/v1/system/backups/${bad}`);
      expect([400, 404], bad).toContain(res.statusCode);
      expect(res.body).not.toContain('root:');
    }
    const missing = await admin.get('/api/v1/system/backups/daihoi-19990101-000000-000-auto.jsonl.gz');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('BACKUP_NOT_FOUND');
  });

  it('lists the scheduled jobs and their last runs', async () => {
    const status = (await admin.get('/api/v1/system/status')).json();
    const names = status.jobs.map((j: { name: string }) => j.name);
    expect(names).toContain('sessions.sweep');
    expect(names).toContain('notifications.digest');
    expect(names.includes('backup.daily')).toBe(t.database.kind === 'embedded');
    expect(status.jobs.find((j: { name: string }) => j.name === 'sessions.sweep')).toMatchObject({
      schedule: { everyMinutes: 60 },
    });
  });
});

describe('system routes with a scheduler, a control token and a metrics token', () => {
  let app: App;
  let scheduler: Scheduler;

  beforeAll(async () => {
    scheduler = createScheduler(t.database, { instance: 'test', pollingIntervalSeconds: 0.5 });
    registerPlatformJobs(scheduler, { config: t.config, database: t.database });
    app = await buildApp({
      config: t.config,
      database: t.database,
      logger: false,
      system: { scheduler, controlToken: 'control-secret', metricsToken: 'metrics-secret' },
    });
    await scheduler.start();
  });

  afterAll(async () => {
    await scheduler.stop();
    await app.close();
  });

  it('shows the last run of a job', async () => {
    await scheduler.runNow('sessions.sweep');
    const agent = await Agent.login(app, 'admin', TEST_PASSWORD);
    const status = (await agent.get('/api/v1/system/status')).json();
    const sweep = status.jobs.find((j: { name: string }) => j.name === 'sessions.sweep');
    expect(sweep.lastRun).toMatchObject({ status: 'ok', message: null });
    expect(new Date(sweep.lastRun.finishedAt).getTime()).toBeGreaterThan(0);
  });

  it('takes a backup for the command line with the control token only', async () => {
    const url = '/api/v1/system/control/backups';
    expect((await app.inject({ method: 'POST', url })).statusCode).toBe(401);
    const wrong = await app.inject({ method: 'POST', url, headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { authorization: 'Bearer control-secret' },
    });
    expect(res.statusCode).toBe(201);
    const { name } = res.json() as { name: string };
    const info = await inspectBackup(path.join(backupDir, name));
    expect(info.trailer.rows.organizations).toBeGreaterThan(40);
    // Without a control token (tests, a server database) the endpoint does not exist.
    expect(
      (await t.app.inject({ method: 'POST', url, headers: { authorization: 'Bearer x' } })).statusCode,
    ).toBe(404);
  });

  it('serves /metrics with the bearer token: requests by route and status, job runs, db up', async () => {
    await app.inject({ method: 'GET', url: '/api/v1/system/info' });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const res = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer metrics-secret' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toMatch(
      /daihoi_http_requests_total\{method="GET",route="\/api\/v1\/system\/info",status="200"\} 1/,
    );
    expect(text).toContain('daihoi_http_request_duration_seconds_bucket{le="0.005",method="GET"');
    expect(text).toMatch(/daihoi_job_runs_total\{job="sessions.sweep",status="ok"\} 1/);
    expect(text).toContain(`daihoi_db_up{database="${t.database.kind}"} 1`);
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('without a metrics token, serves /metrics to this machine only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    const remote = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' });
    expect(remote.statusCode).toBe(403);
    const proxied = await t.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(proxied.statusCode).toBe(403);
  });
});
