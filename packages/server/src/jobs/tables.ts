import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns.js';

/** One row per run of a scheduled job, on both back-ends: what the system page shows. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: idColumn(),
    job: text('job').notNull(),
    /** 'running' | 'ok' | 'failed' */
    status: text('status').notNull(),
    message: text('message'),
    instance: text('instance').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.startedAt)],
);
