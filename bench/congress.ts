import http from 'node:http';
import { defaultPreparationTemplate, STEP_DUE_SOON_DAYS, STEP_STATUSES, type StepStatus } from '@daihoi/core';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.js';
import type { Actor } from '../packages/server/src/auth/policy.js';
import { loadAssignments, SESSION_COOKIE } from '../packages/server/src/auth/sessions.js';
import { type Config, loadConfig } from '../packages/server/src/config.js';
import { congressDashboard } from '../packages/server/src/modules/congress/dashboard.js';
import { type DashboardOut, dashboardOut } from '../packages/server/src/modules/congress/dashboard-schema.js';
import { type Backend, type BackendName, BENCH_PASSWORD } from './backend.js';
import { type BrowserResult, dashboardInChromium } from './congress-browser.js';
import { type Seeded, seedProvince, TERM, TODAY } from './congress-seed.js';
import { type CapturedQuery, captureQueries, explainAnalyze, inlineParams } from './explain.js';
import { quantile } from './stats.js';

export interface CongressOptions {
  /** Organizations below the bloc whose dashboard is read, per back-end. */
  organizations: Record<BackendName, number>;
  /** Blocs of that size in the province; the dashboard reads the first. */
  blocs: number;
  /** Timed rounds (each one call of every variant) after `warmup` untimed ones. */
  requests: number;
  warmup: number;
  /** Page loads in Chromium per back-end, after one untimed one (0: none). */
  browserRuns: number;
  /** The built web app (a temporary directory); null leaves Chromium out. */
  webDist: string | null;
}

/**
 * How the dashboard is read: over HTTP, through the service function, the service's own statements sent
 * by hand, the hand-written statement, and (on the server) the same statement with JIT compilation and
 * parallel workers off for its transaction.
 */
export const DASHBOARD_VARIANTS = ['http', 'service', 'serviceSql', 'raw', 'rawTuned'] as const;
export type DashboardVariant = (typeof DASHBOARD_VARIANTS)[number];

export interface CongressResult {
  backend: BackendName;
  version: string;
  anchorName: string;
  seeded: Omit<Seeded, 'clock' | 'anchor'>;
  rows: number;
  /** Steps of the template the dashboard follows. */
  steps: number;
  responseBytes: number;
  counts: Record<StepStatus, number>;
  /** Milliseconds per call; rawTuned only on the server. */
  series: Partial<Record<DashboardVariant, number[]>>;
  /**
   * The answer's two steps in the route's serializer, timed alone on the service's result: the check
   * against the response schema (`safeEncode`), then `JSON.stringify`.
   */
  answer: { encode: number[]; json: number[] };
  /** Each timed request cut at the app's hooks, milliseconds. */
  httpPhases: Record<HttpPhase, number[]>;
  /** The service's statements, each with its milliseconds per call when sent by hand. */
  statements: { sql: string; ms: number[] }[];
  checks: { sameRows: boolean; apiRows: number; rawRows: number; differing: number };
  explain: { label: string; sql: string; plan: string }[];
  browser: BrowserResult | null;
}

/**
 * The hand-written answer in one statement: each organization of the subtree with its plan for the term
 * (joined by the term's name, as the dashboard does) and the states of the plan's template tasks in their
 * order, computed in SQL with the rules of core's `stepStatus` (a skipped step counts as done). The tasks
 * come from `congress_tasks_plan_idx` already in position order, which for generated tasks is the
 * template's; an organization without a plan gets an empty array (every step not started).
 */
export const RAW_DASHBOARD = `SELECT o.id, o.name, o.level, o.depth, o.parent_id, p.id AS plan_id, p.planned_on,
    p.duration_half_days,
    ARRAY(SELECT CASE WHEN k.status = 'skipped' OR k.done_on <= $3::date THEN 'done'
                      WHEN k.due_on IS NULL THEN 'not_started'
                      WHEN k.due_on < $3::date THEN 'overdue'
                      WHEN k.due_on <= $3::date + ${STEP_DUE_SOON_DAYS} THEN 'due_soon'
                      ELSE 'on_track' END
            FROM congress_tasks k
           WHERE k.plan_id = p.id AND k.step_key IS NOT NULL
           ORDER BY k.position) AS states
  FROM organizations o
  LEFT JOIN committee_terms ct ON ct.organization_id = o.id AND ct.name = $2
  LEFT JOIN congress_plans p ON p.organization_id = o.id AND p.term_id = ct.id
 WHERE o.path LIKE $1 AND o.archived_at IS NULL
 ORDER BY o.sort_key, o.id`;

/**
 * A request's parts, cut by hooks added to the app after its own: from sending to the first hook after
 * the session's (the socket, routing, the session), the handler, the serializer (schema check and JSON),
 * writing the answer, and the client's reading of its last byte.
 */
export const HTTP_PHASES = ['session', 'handler', 'serialize', 'write', 'receive'] as const;
export type HttpPhase = (typeof HTTP_PHASES)[number];

// --------------------------------------------------------------------------------------------------
// Reading rows as the app's driver does: arrays, dates and timestamps left as text.

type Lean = (text: string, params: unknown[], tuned?: boolean) => Promise<unknown[][]>;

const TEXT_TYPES = [1082, 1114, 1184, 1186];

function leanQuery(backend: Backend): Lean {
  const { pglite, pool } = backend.database;
  if (pglite) {
    const parsers = Object.fromEntries(TEXT_TYPES.map((t) => [t, (v: string) => v]));
    return async (text, params) =>
      (await pglite.query<unknown[]>(text, params, { rowMode: 'array', parsers })).rows;
  }
  const types = {
    getTypeParser: ((id: number, format?: 'text' | 'binary') =>
      TEXT_TYPES.includes(id) ? (v: string) => v : pg.types.getTypeParser(id, format as 'text')) as never,
  };
  const config = (text: string, values: unknown[]): pg.QueryArrayConfig => ({
    text,
    values,
    rowMode: 'array',
    types,
  });
  return async (text, values, tuned) => {
    if (!tuned) return (await pool!.query(config(text, values))).rows;
    const client = await pool!.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL jit = off');
      await client.query('SET LOCAL max_parallel_workers_per_gather = 0');
      const { rows } = await client.query(config(text, values));
      await client.query('COMMIT');
      return rows;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
}

// --------------------------------------------------------------------------------------------------
// A keep-alive client over a real socket, signed in through the login route.

async function signedInClient(base: URL, username: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const headers: Record<string, string> = {};
  const send = (method: string, path: string, body?: unknown) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path,
          agent,
          headers: payload
            ? { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) }
            : headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const login = await send('POST', '/api/v1/auth/login', { username, password: BENCH_PASSWORD });
  const cookie = (login.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (login.status !== 200 || !cookie) throw new Error(`login ${username}: ${login.status} ${login.body}`);
  headers.cookie = cookie.split(';')[0]!;
  return {
    get: async (path: string) => {
      const res = await send('GET', path);
      if (res.status !== 200)
        throw new Error(`GET ${path}: ${res.status} ${res.body.toString().slice(0, 500)}`);
      return res.body;
    },
    close: () => agent.destroy(),
  };
}

// --------------------------------------------------------------------------------------------------

type RawRow = [
  string,
  string,
  string,
  number,
  string | null,
  string | null,
  string | null,
  number | null,
  string[],
];

/** The API's rows against the hand-written statement's, organization by organization. */
function compareRows(api: DashboardOut, raw: readonly unknown[][]) {
  const byId = new Map((raw as RawRow[]).map((r) => [r[0], r]));
  const steps = api.steps.length;
  let differing = 0;
  for (const row of api.rows) {
    const r = byId.get(row.organization.id);
    const states = r && (r[8].length === 0 ? Array<string>(steps).fill('not_started') : r[8]);
    const same =
      r !== undefined &&
      r[1] === row.organization.name &&
      r[2] === row.organization.level &&
      r[3] === row.organization.depth &&
      r[4] === row.organization.parentId &&
      r[5] === row.planId &&
      r[6] === row.plannedOn &&
      (r[7] === null ? null : r[7] / 2) === row.durationDays &&
      states!.join() === row.cells.join();
    if (!same) differing++;
  }
  return {
    sameRows: differing === 0 && api.rows.length === raw.length,
    apiRows: api.rows.length,
    rawRows: raw.length,
    differing,
  };
}

const isOrgsStatement = (q: CapturedQuery) => /left join "committee_terms"/i.test(q.sql);
const isTasksStatement = (q: CapturedQuery) => /from "congress_tasks"/i.test(q.sql);

/** Every variant once per round, in a rotated order; the service's statements also timed one by one. */
async function timeDashboard(
  opts: CongressOptions,
  calls: Partial<Record<DashboardVariant, () => Promise<unknown>>>,
  statements: { q: CapturedQuery; ms: number[] }[],
  lean: Lean,
) {
  const kinds = DASHBOARD_VARIANTS.filter((k) => calls[k]);
  const series: Partial<Record<DashboardVariant, number[]>> = Object.fromEntries(kinds.map((k) => [k, []]));
  const serviceSql = async (record: boolean) => {
    for (const s of statements) {
      const started = performance.now();
      await lean(s.q.sql, s.q.params);
      if (record) s.ms.push(performance.now() - started);
    }
  };
  for (let i = 0; i < opts.warmup; i++) for (const k of kinds) await calls[k]!();
  for (let i = 0; i < opts.requests; i++) {
    for (const k of kinds.map((_, j) => kinds[(i + j) % kinds.length]!)) {
      const started = performance.now();
      if (k === 'serviceSql') await serviceSql(true);
      else await calls[k]!();
      series[k]!.push(performance.now() - started);
    }
  }
  return series;
}

async function dashboardOnBackend(
  backend: Backend,
  size: number,
  opts: CongressOptions,
  log: (s: string) => void,
): Promise<CongressResult> {
  const seeded = await seedProvince(backend, size, opts.blocs, log);
  const { anchor, termId, officeId, clock } = seeded;
  const config: Config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }),
    webDist: opts.webDist ?? undefined,
    clock,
    loginRatePerMinute: 10_000,
    scheduler: false,
  };
  const app = await buildApp({ config, database: backend.database, logger: false });
  const at = { onRequest: 0, preSerialization: 0, onSend: 0, onResponse: 0 };
  app.addHook('onRequest', async () => {
    at.onRequest = performance.now();
  });
  app.addHook('preSerialization', async () => {
    at.preSerialization = performance.now();
  });
  app.addHook('onSend', async () => {
    at.onSend = performance.now();
  });
  app.addHook('onResponse', async () => {
    at.onResponse = performance.now();
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const client = await signedInClient(new URL(base), 'bench_office');
  try {
    const path = `/api/v1/congress-dashboard?organizationId=${anchor.id}&termId=${termId}`;
    const first = await client.get(path);
    const api = JSON.parse(first.toString()) as DashboardOut;
    const db = backend.database.db;
    const actor: Actor = {
      userId: officeId,
      username: 'bench_office',
      displayName: 'bench_office',
      mustChangePassword: false,
      assignments: await loadAssignments(db, officeId),
    };
    const query = { organizationId: anchor.id, termId };
    const captured = await captureQueries(backend, (capturing) =>
      congressDashboard({ db: capturing, actor, clock }, query),
    );
    const lean = leanQuery(backend);
    const steps = defaultPreparationTemplate('ct35-2019').steps.map((s) => s.key);
    if (steps.join() !== api.steps.map((s) => s.key).join())
      log('  the dashboard follows another template than the default one');
    const rawParams = [`${anchor.path}%`, TERM, TODAY];
    const checks = compareRows(api, await lean(RAW_DASHBOARD, rawParams));
    log(
      `  ${api.rows.length} rows, ${first.length} bytes; hand-written rows equal the API's: ${checks.sameRows}`,
    );
    const statements = captured.map((q) => ({ q, ms: [] as number[] }));
    const server = backend.database.pool !== undefined;
    const httpPhases = Object.fromEntries(HTTP_PHASES.map((k) => [k, [] as number[]])) as Record<
      HttpPhase,
      number[]
    >;
    const series = await timeDashboard(
      opts,
      {
        http: async () => {
          const started = performance.now();
          await client.get(path);
          const ended = performance.now();
          // The hook on the response's end may run just after the client has read the last byte.
          await new Promise((resolve) => setImmediate(resolve));
          const phases: Record<HttpPhase, number> = {
            session: at.onRequest - started,
            handler: at.preSerialization - at.onRequest,
            serialize: at.onSend - at.preSerialization,
            write: at.onResponse - at.onSend,
            receive: ended - Math.min(ended, at.onResponse),
          };
          for (const k of HTTP_PHASES) httpPhases[k].push(phases[k]);
        },
        service: () => congressDashboard({ db, actor, clock }, query),
        serviceSql: async () => {
          for (const s of statements) await lean(s.q.sql, s.q.params);
        },
        raw: () => lean(RAW_DASHBOARD, rawParams),
        ...(server ? { rawTuned: () => lean(RAW_DASHBOARD, rawParams, true) } : {}),
      },
      statements,
      lean,
    );
    const p50 = (k: DashboardVariant) => quantile(series[k] ?? [], 0.5).toFixed(1);
    log(
      `  dashboard p50: http ${p50('http')} ms, service ${p50('service')} ms, its SQL ${p50('serviceSql')} ms, ` +
        `raw ${p50('raw')} ms${server ? `, raw without JIT and parallel workers ${p50('rawTuned')} ms` : ''}`,
    );
    const answer = { encode: [] as number[], json: [] as number[] };
    const out = await congressDashboard({ db, actor, clock }, query);
    for (let i = 0; i < opts.warmup + opts.requests; i++) {
      let started = performance.now();
      const encoded = dashboardOut.safeEncode(out);
      const encodeMs = performance.now() - started;
      started = performance.now();
      JSON.stringify(encoded.data);
      const jsonMs = performance.now() - started;
      if (i < opts.warmup) continue;
      answer.encode.push(encodeMs);
      answer.json.push(jsonMs);
    }
    const explain: CongressResult['explain'] = [];
    const targets = [
      { label: 'service, the organizations with their plans', q: captured.find(isOrgsStatement) },
      { label: "service, the plans' tasks", q: captured.find(isTasksStatement) },
      { label: 'hand-written statement (baseline)', q: { sql: RAW_DASHBOARD, params: rawParams } },
    ];
    for (const t of targets)
      if (t.q)
        explain.push({ label: t.label, sql: inlineParams(t.q), plan: await explainAnalyze(backend, t.q) });

    let browser: BrowserResult | null = null;
    if (opts.webDist && opts.browserRuns > 0) {
      log(`  Chromium: /congress-dashboard with ${api.rows.length} rows`);
      browser = await dashboardInChromium({
        base,
        path: `/congress-dashboard?organizationId=${anchor.id}&termId=${termId}`,
        username: 'bench_office',
        runs: opts.browserRuns,
        rows: api.rows.length,
        lastKey: api.rows.at(-1)!.organization.id,
        counts: STEP_STATUSES.map((s) => api.counts[s]),
        log,
      });
    }
    const { clock: _clock, anchor: _anchor, ...rest } = seeded;
    return {
      backend: backend.name,
      version: backend.version,
      anchorName: anchor.name,
      seeded: rest,
      rows: api.rows.length,
      steps: api.steps.length,
      responseBytes: first.length,
      counts: api.counts,
      series,
      answer,
      httpPhases: Object.fromEntries(
        HTTP_PHASES.map((k) => [k, httpPhases[k].slice(-opts.requests)]),
      ) as Record<HttpPhase, number[]>,
      statements: statements.map((s) => ({ sql: s.q.sql, ms: s.ms })),
      checks,
      explain,
      browser,
    };
  } finally {
    client.close();
    await app.close();
  }
}

/**
 * (f) The congress dashboard of a bloc: through the API, the service and its statements against one
 * hand-written statement for the same rows, and the page in Chromium (time to data on screen, scrolling
 * the virtual table to its end).
 */
export function congressBenchmark(
  backendName: BackendName,
  withFresh: <T>(work: (b: Backend) => Promise<T>) => Promise<T>,
  opts: CongressOptions,
  log: (s: string) => void,
): Promise<CongressResult> {
  return withFresh((b) => dashboardOnBackend(b, opts.organizations[backendName], opts, log));
}
