import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Db } from '../packages/server/src/db/client.js';
import * as schema from '../packages/server/src/db/schema.js';
import type { Backend } from './backend.js';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/** The statements `work` sends, through a drizzle client like the application's that also writes them down. */
export async function captureQueries(
  backend: Backend,
  work: (db: Db) => Promise<unknown>,
): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const logger: Logger = { logQuery: (sql, params) => captured.push({ sql, params }) };
  const { pglite, pool } = backend.database;
  const db = (pglite
    ? drizzlePglite(pglite, { schema, logger })
    : drizzlePg(pool!, { schema, logger })) as unknown as Db;
  await work(db);
  return captured;
}

/** EXPLAIN ANALYZE of one statement with its parameters, as the plan's text. */
export async function explainAnalyze(backend: Backend, q: CapturedQuery): Promise<string> {
  const rows = await backend.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE) ${q.sql}`, q.params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** A statement with its parameters written in, for a reader (not for running). */
export function inlineParams(q: CapturedQuery): string {
  return q.sql.replace(/\$(\d+)/g, (_m, n: string) => {
    const v = q.params[Number(n) - 1];
    return typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
  });
}

/** The page query among a list's statements: the one with the LIMIT. */
export const pageQuery = (captured: readonly CapturedQuery[]): CapturedQuery | undefined =>
  captured.find((q) => /\blimit\b/i.test(q.sql));
