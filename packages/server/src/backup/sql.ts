import type { Database } from '../db/client.js';

/** Plain SQL on one connection inside one transaction, the same on PGlite and on a server. */
export interface SqlSession {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/**
 * Runs `work` in one transaction (`mode` as in `BEGIN <mode>`, e.g. 'ISOLATION LEVEL REPEATABLE READ, READ
 * ONLY'); commits when it returns, rolls back when it throws. Backups and restores speak SQL directly rather
 * than through Drizzle: they work on whatever tables the catalog holds, row lines stay text end to end.
 */
export async function inSqlTransaction<T>(
  database: Database,
  mode: string,
  work: (s: SqlSession) => Promise<T>,
): Promise<T> {
  if (database.pglite) {
    return database.pglite.transaction(async (tx) => {
      if (mode) await tx.query(`SET TRANSACTION ${mode}`);
      return work({ query: async (text, params) => (await tx.query(text, params ?? [])).rows as never });
    });
  }
  if (!database.pool) throw new Error('database has neither a PGlite instance nor a pool');
  const client = await database.pool.connect();
  let broken = false;
  try {
    await client.query(`BEGIN ${mode}`);
    const result = await work({
      query: async (text, params) => (await client.query(text, params)).rows,
    });
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    // A connection that could not even roll back is not given back to the pool.
    client.release(broken);
  }
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
