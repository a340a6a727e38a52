import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns.js';
import { organizations } from '../modules/organizations/tables.js';

/** One upload → validate → preview → confirm run of any importer (members, ratings, pledges…). */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: idColumn(),
    /** Which importer: 'members', later 'ratings', 'pledges'… */
    kind: text('kind').notNull(),
    /** The scope the importer chose; every row must fall inside it. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    /** parsing | preview | committing | committed | failed | cancelled */
    status: text('status').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    /** {new, changed, unchanged, rejected} */
    counts: jsonb('counts').notNull().default({}),
    message: text('message'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('import_jobs_creator_idx').on(t.createdBy, t.createdAt)],
);

/** Each parsed row with its verdict, so the preview, the error report and the commit read the same thing. */
export const importRows = pgTable(
  'import_rows',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    /** new | changed | unchanged | rejected */
    action: text('action').notNull(),
    /** The importer's normalized record, ready to write. */
    data: jsonb('data'),
    /** [{field, message}] */
    errors: jsonb('errors'),
    /** The existing row a 'changed' verdict will update. */
    targetId: uuid('target_id'),
  },
  (t) => [index('import_rows_pk').on(t.importId, t.rowNumber)],
);
