import { quoteIdent, type SqlSession } from './sql.js';

/** How a column travels in a backup line. */
export type ColumnCodec = 'binary' | 'json' | 'text' | 'plain';

export interface ColumnInfo {
  name: string;
  /** The SQL type as format_type gives it (e.g. 'timestamp with time zone', 'text[]'). */
  type: string;
  codec: ColumnCodec;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Tables this one references (besides itself). */
  parents: string[];
  selfReferencing: boolean;
  /** User triggers (e.g. the audit log's append-only guard), which a restore switches off meanwhile. */
  triggers: string[];
  /** Sequences owned by a column, reset to the column's maximum after a restore. */
  sequences: { sequence: string; column: string }[];
}

/**
 * Every table of the application's schema ('public'), parents before children. Other schemas (the
 * migrator's ledger, pg-boss's queue) are not the office's data and are not backed up.
 */
export async function readCatalog(s: SqlSession): Promise<TableInfo[]> {
  const columns = await s.query<{
    table: string;
    name: string;
    type: string;
    typname: string;
    category: string;
  }>(`
    SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           coalesce(b.typname, t.typname) AS typname, coalesce(b.typcategory, t.typcategory)::text AS category
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type b ON t.typtype = 'd' AND b.oid = t.typbasetype
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`);
  const keys = await s.query<{ table: string; name: string }>(`
    SELECT c.relname AS "table", a.attname AS name
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
    WHERE i.indisprimary AND n.nspname = 'public'
    ORDER BY c.relname, array_position(i.indkey::int2[], a.attnum)`);
  const references = await s.query<{ child: string; parent: string }>(`
    SELECT cc.relname AS child, pc.relname AS parent
    FROM pg_constraint k
    JOIN pg_class cc ON cc.oid = k.conrelid
    JOIN pg_class pc ON pc.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = cc.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public'`);
  const triggers = await s.query<{ table: string; name: string }>(`
    SELECT c.relname AS "table", t.tgname AS name
    FROM pg_trigger t
    JOIN pg_class c ON c.oid = t.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND n.nspname = 'public' AND t.tgenabled <> 'D'
    ORDER BY c.relname, t.tgname`);
  const sequences = await s.query<{ table: string; column: string; sequence: string }>(`
    SELECT c.relname AS "table", a.attname AS "column", q.relname AS sequence
    FROM pg_class q
    JOIN pg_namespace n ON n.oid = q.relnamespace
    JOIN pg_depend d ON d.objid = q.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    JOIN pg_class c ON c.oid = d.refobjid
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
    WHERE q.relkind = 'S' AND n.nspname = 'public'`);

  const tables = new Map<string, TableInfo>();
  const table = (name: string) => {
    let t = tables.get(name);
    if (!t) {
      t = {
        name,
        columns: [],
        primaryKey: [],
        parents: [],
        selfReferencing: false,
        triggers: [],
        sequences: [],
      };
      tables.set(name, t);
    }
    return t;
  };
  for (const c of columns)
    table(c.table).columns.push({ name: c.name, type: c.type, codec: codecOf(c.typname, c.category) });
  for (const k of keys) tables.get(k.table)?.primaryKey.push(k.name);
  for (const r of references) {
    const t = tables.get(r.child);
    if (!t || !tables.has(r.parent)) continue;
    if (r.parent === r.child) t.selfReferencing = true;
    else if (!t.parents.includes(r.parent)) t.parents.push(r.parent);
  }
  for (const tr of triggers) tables.get(tr.table)?.triggers.push(tr.name);
  for (const q of sequences) tables.get(q.table)?.sequences.push({ sequence: q.sequence, column: q.column });
  return dependencyOrder([...tables.values()]);
}

function codecOf(typname: string, category: string): ColumnCodec {
  if (typname === 'bytea') return 'binary';
  if (typname === 'json' || typname === 'jsonb') return 'json';
  // Arrays, composites and ranges travel as their SQL literal: their JSON form does not cast back.
  if (category === 'A' || category === 'C' || category === 'R') return 'text';
  return 'plain';
}

/** Parents before children (Kahn's algorithm, ties by name so that every backup lists tables alike). */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const pending = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (pending.length > 0) {
    const i = pending.findIndex((t) => t.parents.every((p) => done.has(p) || !byName.has(p)));
    // A cycle between tables cannot be ordered: take the first one and let the constraints speak.
    const [next] = pending.splice(i === -1 ? 0 : i, 1);
    ordered.push(next!);
    done.add(next!.name);
  }
  return ordered;
}

/** The expression that renders one column into a backup line (inside json_build_array). */
export function exportExpression(c: ColumnInfo): string {
  const col = quoteIdent(c.name);
  switch (c.codec) {
    case 'binary':
      return `translate(encode(${col}, 'base64'), E'\\n', '')`;
    case 'json':
      // jsonb's text has no line breaks, json's may have.
      return `${col}::jsonb`;
    case 'text':
      return `${col}::text`;
    default:
      return col;
  }
}

/** The expression that reads element `i` of a backup line `r` back into a column of type `c.type`. */
export function importExpression(c: ColumnInfo, i: number): string {
  switch (c.codec) {
    case 'binary':
      return `decode(r->>${i}, 'base64')`;
    case 'json':
      return `CASE WHEN json_typeof(r->${i}) = 'null' THEN NULL ELSE (r->${i})::${c.type} END`;
    default:
      return `(r->>${i})::${c.type}`;
  }
}

/** Rows in a stable order; a tree's parents before their children (by `depth` where the table keeps one). */
export function orderBy(t: TableInfo): string {
  const keys = t.primaryKey.length > 0 ? t.primaryKey : t.columns.slice(0, 1).map((c) => c.name);
  const depth = t.selfReferencing && t.columns.some((c) => c.name === 'depth') ? ['depth'] : [];
  return [...depth, ...keys].map(quoteIdent).join(', ');
}
