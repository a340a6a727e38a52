import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { type Config, loadConfig, makeClock } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { seedDemo } from '../demo/seed.js';
import type { App } from '../http/route.js';

export const TEST_PASSWORD = 'test-password-1';

/**
 * A fresh database for one test file: PGlite in memory, or (project "server-pg") a new database on the
 * TEST_DATABASE_URL server, named after the base database so leftovers are easy to find, dropped at close.
 */
export async function openTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (process.env.DAIHOI_TEST_DB !== 'pg' || !url) {
    const db = await openDatabase({ dataDir: null });
    return { ...db, drop: () => db.close() };
  }
  const base = new URL(url);
  const name = `${base.pathname.slice(1) || 'daihoi'}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ url: target.toString() });
  return {
    ...db,
    drop: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  /** Signs in and returns a client that keeps the cookie and sends the CSRF header. */
  login(username: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

export async function startTestApp(
  opts: { demo?: boolean; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  await database.migrate();
  const config: Config = {
    ...loadConfig({ DAIHOI_TODAY: '2020-03-15', LOG_LEVEL: 'silent' }),
    webDist: undefined,
    demo: opts.demo ?? true,
    clock: makeClock('2020-03-15'),
    loginRatePerMinute: 10_000,
    scheduler: false,
    // Tests never write backups into the working tree.
    backupDir: fs.mkdtempSync(path.join(os.tmpdir(), 'daihoi-test-backups-')),
    ...opts.config,
  };
  if (opts.demo ?? true) await seedDemo(database.db, TEST_PASSWORD, config.clock.now());
  const app = await buildApp({ config, database, logger: false });
  return {
    app,
    database,
    config,
    login: (username, password = TEST_PASSWORD) => Agent.login(app, username, password),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

type Body = Record<string, unknown> | unknown[] | string;

export class Agent {
  private constructor(
    readonly app: App,
    readonly cookie: string,
    readonly csrfToken: string,
    readonly user: { id: string; username: string },
  ) {}

  static async login(app: App, username: string, password: string): Promise<Agent> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const body = res.json() as { user: { id: string; username: string }; csrfToken: string };
    return new Agent(app, `${SESSION_COOKIE}=${cookie.value}`, body.csrfToken, body.user);
  }

  request(
    method: InjectOptions['method'],
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method,
      url,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...headers },
      ...(body === undefined ? {} : { payload: body }),
    });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body: Body = {}) => this.request('POST', url, body);
  patch = (url: string, body: Body) => this.request('PATCH', url, body);
}

/** The id of a demo organization by its code, as an administrator sees it. */
export async function orgIdByCode(t: TestApp, code: string): Promise<string> {
  const rows = await t.database.db.query.organizations.findFirst({ where: (o, { eq }) => eq(o.code, code) });
  if (!rows) throw new Error(`no organization ${code}`);
  return rows.id;
}
