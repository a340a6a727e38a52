import { and, count, isNull, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PoolClient } from 'pg';
import { uuidv7 } from 'uuidv7';
import { type Actor, reachCondition } from '../packages/server/src/auth/policy.js';
import { makeClock } from '../packages/server/src/config.js';
import type { Db } from '../packages/server/src/db/client.js';
import * as schema from '../packages/server/src/db/schema.js';
import type { Ctx } from '../packages/server/src/http/context.js';
import { listOrganizations } from '../packages/server/src/modules/organizations/service.js';
import { organizations as o } from '../packages/server/src/modules/organizations/tables.js';
import { type Backend, settle } from './backend.js';
import { type CapturedQuery, captureQueries, explainAnalyze, inlineParams, pageQuery } from './explain.js';
import { time } from './stats.js';
import { buildTree, descendantCount, TIERS } from './tree.js';

export interface QueryOptions {
  samples: number;
  iterations: number;
  warmup: number;
}

export const QUERY_VARIANTS = [
  'service',
  'serviceSql',
  'raw',
  'rawSame',
  'countBuilder',
  'countRaw',
] as const;
export type QueryVariant = (typeof QUERY_VARIANTS)[number];

export interface QueryResult {
  backend: string;
  organizations: number;
  depthLevels: number;
  scopeDescendants: number;
  loadMs: number;
  /** Microseconds per call, one figure per sample. */
  samples: Record<QueryVariant, number[]>;
  checks: { samePage: boolean; count: number; expectedCount: number };
  /** Statements one `listOrganizations` call sends. */
  serviceStatements: number;
  /** Times the page query names the subtree's `path LIKE` (1: the scope condition is not doubled). */
  pageLikes: number;
  explain: Partial<Record<ExplainKey, { sql: string; plan: string }>>;
}

export type ExplainKey =
  | 'serviceUnder'
  | 'servicePage'
  | 'serviceCounts'
  | 'raw'
  | 'countBuilder'
  | 'countRaw';

/** The hand-written list, as one would write it knowing the subtree's path. */
export const RAW_LIST =
  "SELECT * FROM organizations WHERE path LIKE $1 || '%' ORDER BY sort_key, id LIMIT 51";
/** The hand-written pair that gives exactly the service's answer: the `under` lookup, then the page. */
const RAW_UNDER = "SELECT path FROM organizations WHERE id = $1 AND path LIKE $2 || '%'";
const RAW_SAME_LIST = `SELECT o.*, (SELECT count(*) FROM organizations c WHERE c.parent_id = o.id AND c.archived_at IS NULL) AS child_count
  FROM organizations o WHERE o.path LIKE $1 || '%' AND o.archived_at IS NULL ORDER BY o.sort_key, o.id LIMIT 51`;
export const RAW_COUNT = "SELECT count(*) FROM organizations WHERE path LIKE $1 || '%'";

type Raw = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** The application's drizzle client and a plain-SQL door, both on one and the same connection. */
async function oneConnection(backend: Backend): Promise<{ db: Db; raw: Raw; release(): void }> {
  const { pglite, pool } = backend.database;
  if (pglite) {
    return {
      db: backend.database.db,
      raw: async (text, params) => (await pglite.query<Record<string, unknown>>(text, params)).rows,
      release: () => undefined,
    };
  }
  const client: PoolClient = await pool!.connect();
  return {
    db: drizzlePg(client, { schema }) as unknown as Db,
    raw: async (text, params) => (await client.query(text, params)).rows as Record<string, unknown>[],
    release: () => client.release(),
  };
}

/**
 * (b) The first page of a ~5,000-organization subtree inside 50,000 organizations, through the service with
 * an office actor scoped to that subtree, against the same page by hand-written SQL on the same connection;
 * and the subtree's count both ways.
 */
export async function queryBenchmark(
  backend: Backend,
  opts: QueryOptions,
  log: (s: string) => void,
): Promise<QueryResult> {
  const tiers = [TIERS.root, TIERS.upper(10), TIERS.grassroots(500), TIERS.cells(49_489)];
  const tree = buildTree(tiers);
  const loadMs = await backend.loadOrganizations(tree.rows);
  await settle(backend);
  const mid = tree.tiers[1]![0]!;
  const scopeDescendants = descendantCount(tree, mid);
  log(
    `  ${tree.rows.length} organizations loaded in ${loadMs.toFixed(0)} ms; scope holds ${scopeDescendants}`,
  );

  const actor: Actor = {
    userId: uuidv7(),
    username: 'bench_office',
    displayName: 'Bench office',
    mustChangePassword: false,
    assignments: [{ role: 'office', organizationId: mid.id, path: mid.path }],
  };
  const conn = await oneConnection(backend);
  try {
    const ctx: Ctx = { db: conn.db, actor, clock: makeClock() };
    const query = { under: mid.id, limit: 50 };
    const subtree = sql`${o.path} LIKE ${`${mid.path}%`}`;
    const countBuilder = (db: Db) =>
      db
        .select({ n: count() })
        .from(o)
        .where(and(reachCondition(actor, 'organization.read', o.path, o.id), isNull(o.archivedAt), subtree));
    const serviceSql = await captureQueries(backend, (db) => listOrganizations({ ...ctx, db }, query));
    const [countSql] = await captureQueries(backend, countBuilder);
    const calls: Record<QueryVariant, () => Promise<unknown>> = {
      service: () => listOrganizations(ctx, query),
      serviceSql: async () => {
        for (const q of serviceSql) await conn.raw(q.sql, q.params);
      },
      raw: () => conn.raw(RAW_LIST, [mid.path]),
      rawSame: async () => {
        const [under] = await conn.raw(RAW_UNDER, [mid.id, mid.path]);
        return conn.raw(RAW_SAME_LIST, [under!.path]);
      },
      countBuilder: () =>
        conn.db
          .select({ n: count() })
          .from(o)
          .where(
            and(reachCondition(actor, 'organization.read', o.path, o.id), isNull(o.archivedAt), subtree),
          ),
      countRaw: () => conn.raw(RAW_COUNT, [mid.path]),
    };

    const page = await listOrganizations(ctx, query);
    const rawRows = await conn.raw(RAW_LIST, [mid.path]);
    const [counted] = await conn.raw(RAW_COUNT, [mid.path]);
    const checks = {
      samePage:
        page.items.length === 50 &&
        page.items.every((item, i) => item.id === rawRows[i]?.id) &&
        page.nextCursor !== null,
      count: Number(counted?.count),
      expectedCount: scopeDescendants + 1,
    };

    for (const v of QUERY_VARIANTS) await time(opts.warmup, calls[v]);
    const samples: Record<QueryVariant, number[]> = {
      service: [],
      serviceSql: [],
      raw: [],
      rawSame: [],
      countBuilder: [],
      countRaw: [],
    };
    for (let s = 0; s < opts.samples; s++) {
      const order = QUERY_VARIANTS.map((_, k) => QUERY_VARIANTS[(s + k) % QUERY_VARIANTS.length]!);
      for (const v of order) samples[v].push(await time(opts.iterations, calls[v]));
      log(
        `  sample ${s + 1}/${opts.samples}: ${QUERY_VARIANTS.map((v) => `${v} ${samples[v].at(-1)!.toFixed(0)} µs`).join(', ')}`,
      );
    }

    const servicePage = pageQuery(serviceSql);
    const statements: Record<ExplainKey, CapturedQuery | undefined> = {
      serviceUnder: serviceSql[0] !== servicePage ? serviceSql[0] : undefined,
      servicePage,
      serviceCounts: serviceSql.find((q) => /\bgroup by\b/i.test(q.sql)),
      raw: { sql: RAW_LIST, params: [mid.path] },
      countBuilder: countSql,
      countRaw: { sql: RAW_COUNT, params: [mid.path] },
    };
    const explain: QueryResult['explain'] = {};
    for (const [key, q] of Object.entries(statements) as [ExplainKey, CapturedQuery | undefined][]) {
      if (q) explain[key] = { sql: inlineParams(q), plan: await explainAnalyze(backend, q) };
    }
    return {
      backend: backend.name,
      organizations: tree.rows.length,
      depthLevels: tiers.length,
      scopeDescendants,
      loadMs,
      samples,
      checks,
      serviceStatements: serviceSql.length,
      pageLikes: servicePage?.sql.match(/"path" LIKE/g)?.length ?? 0,
      explain,
    };
  } finally {
    conn.release();
  }
}
