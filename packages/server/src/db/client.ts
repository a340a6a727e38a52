import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** One type for both drivers: services never know which database they run on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'embedded' | 'server';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance (embedded mode), for bulk COPY. */
  pglite?: PGlite;
  /** The pool (server mode). */
  pool?: pg.Pool;
}

const migrationsFolder = path.join(import.meta.dirname, 'migrations');

/** PGlite in `dataDir` (or in memory when null), or the PostgreSQL server at `url`. */
export async function openDatabase(opts: {
  url?: string | undefined;
  dataDir?: string | null;
}): Promise<Database> {
  if (opts.url) return openServer(opts.url);
  return openEmbedded(opts.dataDir ?? null);
}

async function openEmbedded(dataDir: string | null): Promise<Database> {
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pgdata');
    fs.mkdirSync(dir, { recursive: true });
  }
  // pg_trgm serves diacritic-free substring search (members' folded names) from a GIN index.
  const client = await PGlite.create({ ...(dir ? { dataDir: dir } : {}), extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'embedded',
    pglite: client,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

async function openServer(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client cut off by the server (restart, a dropped test database) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'server',
    pool,
    migrate: () => migratePg(db as never, { migrationsFolder }),
    close: () => pool.end(),
  };
}
