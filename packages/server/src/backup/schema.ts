import fs from 'node:fs';
import path from 'node:path';
import type { SqlSession } from './sql.js';

const journalFile = path.join(import.meta.dirname, '../db/migrations/meta/_journal.json');

export interface Migration {
  tag: string;
  /** The journal's timestamp, which the migrator stores as created_at. */
  when: number;
}

/** The migrations this build carries, in order. */
export function buildMigrations(): Migration[] {
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: Migration[] };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

export interface SchemaState {
  /** Migrations applied to this database (the migrator's ledger). */
  applied: number;
  /** Tag of the latest applied migration, when this build knows it. */
  latestTag: string | null;
  /** Migrations of this build not applied yet. */
  pending: number;
  /** Application tables exist (the database is not a fresh one). */
  hasTables: boolean;
}

export async function schemaState(s: SqlSession): Promise<SchemaState> {
  const migrations = buildMigrations();
  const [ledger] = await s.query<{ present: boolean }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  const [tables] = await s.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
  );
  let applied = 0;
  let last: number | null = null;
  if (ledger?.present) {
    const [row] = await s.query<{ n: number; last: string | null }>(
      `SELECT count(*)::int AS n, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`,
    );
    applied = row?.n ?? 0;
    last = row?.last ? Number(row.last) : null;
  }
  return {
    applied,
    latestTag: last === null ? null : (migrations.find((m) => m.when === last)?.tag ?? null),
    pending: migrations.filter((m) => last === null || m.when > last).length,
    hasTables: (tables?.n ?? 0) > 0,
  };
}
