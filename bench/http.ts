import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import Fastify from 'fastify';
import { buildApp } from '../packages/server/src/app.js';
import type { Actor } from '../packages/server/src/auth/policy.js';
import { loadAssignments, resolveSession, SESSION_COOKIE } from '../packages/server/src/auth/sessions.js';
import { type Config, loadConfig, makeClock } from '../packages/server/src/config.js';
import { listOrganizations } from '../packages/server/src/modules/organizations/service.js';
import { type Backend, BENCH_PASSWORD, createAccount, settle } from './backend.js';
import { captureQueries, explainAnalyze, inlineParams, pageQuery } from './explain.js';
import { time } from './stats.js';
import { buildTree, TIERS } from './tree.js';

export interface HttpOptions {
  runs: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Calls per figure when the request's parts are timed alone, one after another. */
  probeIterations: number;
}

export interface CannonRun {
  /** Mean requests per second over the run. */
  rps: number;
  latencyMean: number;
  latencyP99: number;
  requests: number;
  /** Non-2xx answers, socket errors and timeouts. */
  failures: number;
}

export const HTTP_TARGETS = ['bareHello', 'appHello', 'office', 'admin'] as const;
export type HttpTarget = (typeof HTTP_TARGETS)[number];

export interface HttpResult {
  backend: string;
  organizations: number;
  loadMs: number;
  /** Items in one page as each actor gets it, checked before the load starts. */
  pageItems: { office: number; admin: number };
  runs: Record<HttpTarget, CannonRun[]>;
  /** Microseconds per call of the request's database parts, timed alone (no HTTP, no concurrency). */
  alone: { session: number; officeService: number; adminService: number };
  /** Statements sent by resolving a session and by each actor's `listOrganizations`. */
  statements: { session: number; office: number; admin: number };
  /** The office's page query is the admin's, word for word (no scope condition added). */
  samePageSql: boolean;
  explainOffice: { sql: string; plan: string } | null;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** One autocannon run in its own process, so the load generator does not share the server's event loop. */
function cannon(url: string, seconds: number, connections: number, cookie?: string): Promise<CannonRun> {
  const args = [autocannonBin, '-j', '-n', '-c', String(connections), '-d', String(seconds)];
  if (cookie) args.push('-H', `cookie:${cookie}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) return reject(new Error(`autocannon exited ${code}: ${err}`));
      const r = JSON.parse(line) as {
        requests: { average: number; total: number };
        latency: { average: number; p99: number };
        non2xx: number;
        errors: number;
        timeouts: number;
      };
      resolve({
        rps: r.requests.average,
        latencyMean: r.latency.average,
        latencyP99: r.latency.p99,
        requests: r.requests.total,
        failures: r.non2xx + r.errors + r.timeouts,
      });
    });
  });
}

const hello = async () => ({ hello: 'world' });

/**
 * (a) The authenticated first page of a 5,000-organization subtree over HTTP, for an office actor (scope
 * filter in SQL) and for the admin, against a hello-world route on the same app and on a bare Fastify
 * instance, both in this process.
 */
export async function httpBenchmark(
  backend: Backend,
  opts: HttpOptions,
  log: (s: string) => void,
): Promise<HttpResult> {
  const tree = buildTree([TIERS.root, TIERS.grassroots(50), TIERS.cells(4_949)]);
  const root = tree.tiers[0]![0]!;
  const loadMs = await backend.loadOrganizations(tree.rows);
  await settle(backend);
  const adminId = await createAccount(backend, 'bench_admin', 'admin', null);
  const officeId = await createAccount(backend, 'bench_office', 'office', root.id);
  log(`  ${tree.rows.length} organizations loaded in ${loadMs.toFixed(0)} ms`);

  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }),
    webDist: undefined,
    clock: makeClock(),
    loginRatePerMinute: 10_000,
  };
  const app = await buildApp({ config, database: backend.database, logger: false });
  app.get('/bench/hello', { config: { action: 'public' } }, hello);
  const bare = Fastify({ logger: false });
  bare.get('/bench/hello', hello);
  const appBase = await app.listen({ host: '127.0.0.1', port: 0 });
  const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });

  try {
    const login = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: BENCH_PASSWORD },
      });
      const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
      if (res.statusCode !== 200 || !cookie)
        throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return cookie.value;
    };
    const tokens = { office: await login('bench_office'), admin: await login('bench_admin') };
    const cookies = {
      office: `${SESSION_COOKIE}=${tokens.office}`,
      admin: `${SESSION_COOKIE}=${tokens.admin}`,
    };
    const listPath = `/api/v1/organizations?under=${root.id}&limit=50`;
    const pageItems = { office: 0, admin: 0 };
    for (const who of ['office', 'admin'] as const) {
      const res = await app.inject({ method: 'GET', url: listPath, headers: { cookie: cookies[who] } });
      if (res.statusCode !== 200) throw new Error(`${who} list: ${res.statusCode} ${res.body}`);
      pageItems[who] = (res.json() as { items: unknown[] }).items.length;
    }

    const db = backend.database.db;
    const actorOf = async (userId: string, username: string): Promise<Actor> => ({
      userId,
      username,
      displayName: username,
      mustChangePassword: false,
      assignments: await loadAssignments(db, userId),
    });
    const actor = await actorOf(officeId, 'bench_office');
    const admin = await actorOf(adminId, 'bench_admin');
    const query = { under: root.id, limit: 50 };
    const alone = async (call: () => Promise<unknown>) => {
      await time(Math.ceil(opts.probeIterations / 4), call);
      return time(opts.probeIterations, call);
    };
    const aloneTimes = {
      session: await alone(() => resolveSession(db, tokens.office, config.clock.now())),
      officeService: await alone(() => listOrganizations({ db, actor, clock: config.clock }, query)),
      adminService: await alone(() => listOrganizations({ db, actor: admin, clock: config.clock }, query)),
    };
    const captured = await captureQueries(backend, (capturing) =>
      listOrganizations({ db: capturing, actor, clock: config.clock }, query),
    );
    const capturedAdmin = await captureQueries(backend, (capturing) =>
      listOrganizations({ db: capturing, actor: admin, clock: config.clock }, query),
    );
    const capturedSession = await captureQueries(backend, (capturing) =>
      resolveSession(capturing, tokens.office, config.clock.now()),
    );
    const listQuery = pageQuery(captured);
    const statements = {
      session: capturedSession.length,
      office: captured.length,
      admin: capturedAdmin.length,
    };
    const samePageSql = listQuery !== undefined && listQuery.sql === pageQuery(capturedAdmin)?.sql;
    const explainOffice = listQuery
      ? { sql: inlineParams(listQuery), plan: await explainAnalyze(backend, listQuery) }
      : null;

    const hit = (t: HttpTarget, seconds: number) => {
      if (t === 'bareHello') return cannon(`${bareBase}/bench/hello`, seconds, opts.connections);
      if (t === 'appHello') return cannon(`${appBase}/bench/hello`, seconds, opts.connections);
      return cannon(`${appBase}${listPath}`, seconds, opts.connections, cookies[t]);
    };
    for (const t of HTTP_TARGETS) await hit(t, opts.warmupSeconds);

    const runs: Record<HttpTarget, CannonRun[]> = { bareHello: [], appHello: [], office: [], admin: [] };
    for (let i = 0; i < opts.runs; i++) {
      // Each run visits the targets in a rotated order, so a drift in the machine's load spreads evenly.
      const order = HTTP_TARGETS.map((_, k) => HTTP_TARGETS[(i + k) % HTTP_TARGETS.length]!);
      for (const t of order) runs[t].push(await hit(t, opts.seconds));
      log(
        `  run ${i + 1}/${opts.runs}: ${HTTP_TARGETS.map((t) => `${t} ${Math.round(runs[t].at(-1)!.rps)}`).join(', ')} req/s`,
      );
    }
    return {
      backend: backend.name,
      organizations: tree.rows.length,
      loadMs,
      pageItems,
      runs,
      alone: aloneTimes,
      statements,
      samePageSql,
      explainOffice,
    };
  } finally {
    await bare.close();
    await app.close();
  }
}
