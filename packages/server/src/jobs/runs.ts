import os from 'node:os';
import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { newId } from '../db/columns.js';
import { jobRuns } from './tables.js';

export type RunStatus = 'running' | 'ok' | 'failed';

/** Which process ran a job: several server instances share one job_runs table. */
export const instanceName = () => `${os.hostname()}:${process.pid}`;

export async function startRun(db: Db, job: string, instance: string, at: Date): Promise<string> {
  const id = newId();
  await db.insert(jobRuns).values({ id, job, status: 'running', instance, startedAt: at });
  return id;
}

export async function finishRun(
  db: Db,
  id: string,
  status: 'ok' | 'failed',
  message: string | null,
  at: Date,
) {
  await db
    .update(jobRuns)
    .set({ status, message: message?.slice(0, 2000) ?? null, finishedAt: at })
    .where(eq(jobRuns.id, id));
}

/**
 * Claims the run of `job` for the slot that began at `slot` (e.g. today 02:00): one claimant per slot, on
 * one database, however many schedulers ask. Returns the run's id, or null when the slot already ran.
 */
export async function claimSlot(db: Db, job: string, slot: Date, instance: string, at: Date) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`daihoi.job:${job}`}))`);
    const [done] = await tx
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job), gte(jobRuns.startedAt, slot)))
      .limit(1);
    if (done) return null;
    const id = newId();
    await tx.insert(jobRuns).values({ id, job, status: 'running', instance, startedAt: at });
    return id;
  });
}

export type JobRun = typeof jobRuns.$inferSelect;

/** The latest run of each job named. */
export async function lastRuns(db: Db, jobs: string[]): Promise<Map<string, JobRun>> {
  if (jobs.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([jobRuns.job])
    .from(jobRuns)
    .where(inArray(jobRuns.job, jobs))
    .orderBy(jobRuns.job, desc(jobRuns.startedAt));
  return new Map(rows.map((r) => [r.job, r]));
}
