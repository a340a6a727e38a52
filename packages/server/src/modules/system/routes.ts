import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordAudit } from '../../audit/service.js';
import { type Actor, can } from '../../auth/policy.js';
import { createBackup } from '../../backup/backup.js';
import { bearerMatches } from '../../backup/control.js';
import { BACKUP_NAME_RE, type BackupFile, findBackup, listBackups } from '../../backup/format.js';
import { inTransaction } from '../../db/tx.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { type App, ctxOf, type Deps } from '../../http/route.js';
import { platformJobs } from '../../jobs/platform.js';
import { lastRuns } from '../../jobs/runs.js';
import type { Scheduler } from '../../jobs/scheduler.js';
import { createMetrics } from './metrics.js';

const tags = ['Hệ thống'];

const infoOut = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  today: z.string(),
  database: z.enum(['embedded', 'server']),
});

const backupOut = z.object({ name: z.string(), size: z.number(), createdAt: z.string() });

const statusOut = z.object({
  version: z.string(),
  database: z.enum(['embedded', 'server']),
  today: z.string(),
  backups: z.array(backupOut),
  jobs: z.array(
    z.object({
      name: z.string(),
      schedule: z.union([z.object({ everyMinutes: z.number() }), z.object({ dailyAt: z.string() })]),
      lastRun: z
        .object({
          status: z.enum(['running', 'ok', 'failed']),
          startedAt: z.string(),
          finishedAt: z.string().nullable(),
          message: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
});

const backupName = z.object({ name: z.string().regex(BACKUP_NAME_RE, 'tên bản sao lưu không hợp lệ') });

export interface SystemOptions {
  /** The scheduler this process runs (main.ts); without one the status lists the jobs a deployment runs. */
  scheduler?: Scheduler | undefined;
  /** The token of DATA_DIR/.control-token, for `npm run backup` while the server runs (see backup/control.ts). */
  controlToken?: string | undefined;
  /** With a token, /metrics wants `Authorization: Bearer <token>`; without one it answers loopback only. */
  metricsToken?: string | undefined;
}

const presentBackup = (b: BackupFile) => ({
  name: b.name,
  size: b.size,
  createdAt: b.createdAt.toISOString(),
});

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** A request straight from this machine: loopback socket, and not relayed by a proxy on this machine. */
const fromLoopback = (req: FastifyRequest) =>
  LOOPBACK.has(req.socket.remoteAddress ?? '') && !req.headers['x-forwarded-for'] && !req.headers.forwarded;

export function systemRoutes(app: App, deps: Deps & SystemOptions) {
  const { config, database, scheduler } = deps;
  const metrics = createMetrics(database, scheduler);
  app.addHook('onResponse', async (req, reply) => metrics.observe(req, reply));

  app.get('/healthz', { config: { action: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/api/v1/system/info',
    { config: { action: 'public' }, schema: { tags, response: { 200: infoOut } } },
    async () => ({
      name: 'DaiHoi',
      version: config.version,
      demo: config.demo,
      today: config.clock.today(),
      database: database.kind,
    }),
  );
  app.get('/api/openapi.json', { config: { action: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  app.get(
    '/api/v1/system/status',
    { config: { action: 'system.read' }, schema: { tags, response: { 200: statusOut } } },
    async (req) => {
      if (!can(ctxOf(deps, req).actor, 'system.read', null)) throw forbidden();
      const jobs = scheduler?.jobs() ?? platformJobs(database.kind);
      const runs = await lastRuns(
        database.db,
        jobs.map((j) => j.name),
      );
      return {
        version: config.version,
        database: database.kind,
        today: config.clock.today(),
        backups: (await listBackups(config.backupDir)).map(presentBackup),
        jobs: jobs.map((j) => {
          const run = runs.get(j.name);
          return {
            name: j.name,
            schedule: j.schedule,
            lastRun: run
              ? {
                  status: run.status as 'running' | 'ok' | 'failed',
                  startedAt: run.startedAt.toISOString(),
                  finishedAt: run.finishedAt?.toISOString() ?? null,
                  message: run.message,
                }
              : null,
          };
        }),
      };
    },
  );

  const backupNow = async (actor: Actor | null, via: 'web' | 'cli') => {
    const b = await createBackup(database, config.backupDir, { tag: 'manual', keep: config.backupKeep });
    await inTransaction(database.db, (tx) =>
      recordAudit(
        tx,
        actor,
        {
          action: 'system.backup',
          entity: 'backup',
          entityId: b.name,
          organizationId: null,
          after: { name: b.name, size: b.size, via },
        },
        config.clock.now(),
      ),
    );
    return presentBackup(b);
  };

  app.post(
    '/api/v1/system/backups',
    { config: { action: 'system.backup' }, schema: { tags, response: { 201: backupOut } } },
    async (req, reply) => {
      const { actor } = ctxOf(deps, req);
      if (!can(actor, 'system.backup', null)) throw forbidden();
      return reply.code(201).send(await backupNow(actor, 'web'));
    },
  );

  app.get(
    '/api/v1/system/backups/:name',
    { config: { action: 'system.backup' }, schema: { tags, params: backupName } },
    async (req, reply) => {
      const { actor } = ctxOf(deps, req);
      if (!can(actor, 'system.backup', null)) throw forbidden();
      const b = await findBackup(config.backupDir, req.params.name);
      if (!b) throw notFound('BACKUP_NOT_FOUND');
      // A backup holds everything (password hashes, restricted files): who took a copy is on record.
      await inTransaction(database.db, (tx) =>
        recordAudit(
          tx,
          actor,
          {
            action: 'system.backup_download',
            entity: 'backup',
            entityId: b.name,
            organizationId: null,
          },
          config.clock.now(),
        ),
      );
      return reply
        .header('content-type', 'application/gzip')
        .header('content-length', b.size)
        .header('content-disposition', `attachment; filename="${b.name}"`)
        .send(fs.createReadStream(b.path));
    },
  );

  // `npm run backup` while this server holds the embedded database (see backup/control.ts).
  app.post(
    '/api/v1/system/control/backups',
    { config: { action: 'public' }, schema: { hide: true, response: { 201: backupOut } } },
    async (req, reply) => {
      if (!deps.controlToken) throw notFound();
      if (!bearerMatches(req.headers.authorization, deps.controlToken))
        throw new AppError(401, 'UNAUTHENTICATED');
      return reply.code(201).send(await backupNow(null, 'cli'));
    },
  );

  app.get('/metrics', { config: { action: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (deps.metricsToken) {
      if (!bearerMatches(req.headers.authorization, deps.metricsToken))
        throw new AppError(401, 'UNAUTHENTICATED');
    } else if (!fromLoopback(req)) throw forbidden();
    return reply.header('content-type', metrics.contentType).send(await metrics.text());
  });
}
