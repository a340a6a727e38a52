import type { Database } from '../db/client.js';
import { readCatalog } from './catalog.js';
import { inSqlTransaction, quoteIdent } from './sql.js';

/**
 * Row count and a content hash of every application table, comparable across PGlite and a server (UTC,
 * byte order): two databases with equal digests hold the same data.
 */
export async function tableDigests(
  database: Database,
): Promise<Record<string, { rows: number; md5: string }>> {
  return inSqlTransaction(database, 'ISOLATION LEVEL REPEATABLE READ, READ ONLY', async (s) => {
    await s.query(`SET LOCAL TimeZone = 'UTC'`);
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const t of await readCatalog(s)) {
      const [row] = await s.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x, E'\\n' ORDER BY x COLLATE "C"), '')) AS md5
         FROM (SELECT (t.*)::text AS x FROM ${quoteIdent(t.name)} t) s`,
      );
      out[t.name] = row!;
    }
    return out;
  });
}
