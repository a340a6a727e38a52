import { randomBytes } from 'node:crypto';
import { foldVietnamese } from '@daihoi/core';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../packages/server/src/auth/passwords.js';
import { type Database, openDatabase } from '../packages/server/src/db/client.js';
import { ORG_COLUMNS, type OrgRow, toColumnArrays, toCsv } from './tree.js';

export type BackendName = 'PGlite' | 'PostgreSQL server';

/** A fresh, migrated database on one back-end, with a plain-SQL door beside the application's. */
export interface Backend {
  name: BackendName;
  database: Database;
  version: string;
  /** How organizations are bulk-loaded here, for the report. */
  loadMethod: string;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  loadOrganizations(rows: readonly OrgRow[]): Promise<number>;
  close(): Promise<void>;
}

const columns = ORG_COLUMNS.join(', ');

export async function openPglite(): Promise<Backend> {
  const database = await openDatabase({ dataDir: null });
  await database.migrate();
  const pglite = database.pglite!;
  const query = async <T>(text: string, params: unknown[] = []) => (await pglite.query<T>(text, params)).rows;
  const [v] = await query<{ version: string }>('SELECT version()');
  return {
    name: 'PGlite',
    database,
    version: v!.version,
    loadMethod: "one `COPY organizations (…) FROM '/dev/blob' WITH (FORMAT csv)`",
    query,
    loadOrganizations: async (rows) => {
      const started = performance.now();
      await pglite.query(`COPY organizations (${columns}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([toCsv(rows)]),
      });
      return performance.now() - started;
    },
    close: () => database.close(),
  };
}

/** Tells whether a server answers at `url` (the benchmarks on it are skipped otherwise). */
export async function serverReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Waits (up to two seconds) until no session is connected to database `name`. */
async function waitForNoSessions(url: string, name: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let i = 0; i < 40; i++) {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

/** A new database `daihoi_bench_<random>` on the server at `url`, dropped on close. */
export async function openServer(url: string): Promise<Backend> {
  const name = `daihoi_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE "${name}"`);
  const drop = () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ url: target.toString() });
    await database.migrate();
  } catch (error) {
    await drop();
    throw error;
  }
  const pool = database.pool!;
  const query = async <T>(text: string, params: unknown[] = []) =>
    (await pool.query(text, params)).rows as T[];
  const [v] = await query<{ version: string }>('SELECT version()');
  const types = ['uuid', 'uuid', 'text', 'int', 'text', 'text', 'text', 'text', 'text', 'text'];
  const unnest = types.map((t, i) => `$${i + 1}::${t}[]`).join(', ');
  return {
    name: 'PostgreSQL server',
    database,
    version: v!.version,
    loadMethod: 'one `INSERT INTO organizations (…) SELECT * FROM unnest($1::uuid[], …)` with column arrays',
    query,
    loadOrganizations: async (rows) => {
      const started = performance.now();
      await pool.query(`INSERT INTO organizations (${columns}) SELECT * FROM unnest(${unnest})`, [
        ...toColumnArrays(rows),
      ]);
      return performance.now() - started;
    },
    close: async () => {
      // pool.end() resolves before its connections have closed; the forced drop may then cut them, and a
      // pool with no 'error' listener would take the process down with it.
      pool.on('error', () => undefined);
      await database.close();
      await waitForNoSessions(url, name);
      await drop();
    },
  };
}

export const BENCH_PASSWORD = 'bench-password-1';

/** An account with one role assignment (organization null: the whole system), as the admin CLI would make. */
export async function createAccount(
  backend: Backend,
  username: string,
  role: 'admin' | 'office',
  organizationId: string | null,
): Promise<string> {
  const id = uuidv7();
  const displayName = `Bench ${role}`;
  await backend.query(
    `INSERT INTO users (id, username, display_name, search_text, password_hash) VALUES ($1, $2, $3, $4, $5)`,
    [
      id,
      username,
      displayName,
      foldVietnamese(`${displayName} ${username}`),
      await hashPassword(BENCH_PASSWORD),
    ],
  );
  await backend.query(
    'INSERT INTO role_assignments (id, user_id, role, organization_id) VALUES ($1, $2, $3, $4)',
    [uuidv7(), id, role, organizationId],
  );
  return id;
}

/** Makes the statistics and the visibility map current, the same way on both back-ends. */
export async function settle(backend: Backend) {
  await backend.query('VACUUM ANALYZE');
}
