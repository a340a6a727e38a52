import { foldVietnamese } from '@daihoi/core';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** `column` (already folded) contains the folded query; LIKE's wildcards in the query are taken literally. */
export function containsFolded(column: AnyPgColumn, query: string): SQL {
  const escaped = foldVietnamese(query).replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} LIKE ${`%${escaped}%`}`;
}
