import PgBoss from 'pg-boss';
import type { Database, Db } from '../db/client.js';
import { claimSlot, finishRun, instanceName, startRun } from './runs.js';

/** When a job runs: every N minutes (N divides an hour, or whole hours dividing a day), or daily at HH:MM. */
export type Schedule = { everyMinutes: number } | { dailyAt: string };

export interface JobContext {
  now: Date;
}

/** A job's work; a string it returns is kept as the run's message (e.g. the name of the backup written). */
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface JobOptions {
  /**
   * On start, run a slot that passed while nothing ran (an office laptop is rarely on at 02:00). Only the
   * in-process scheduler needs it: a server's instances are up when the slot comes.
   */
  catchUp?: boolean;
}

export interface JobOutcome {
  status: 'ok' | 'failed';
  message: string | null;
}

export interface RunEvent extends JobOutcome {
  job: string;
  durationMs: number;
}

export interface Logger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Scheduled work, the same to its callers in-process (PGlite) and through pg-boss (PostgreSQL server). */
export interface Scheduler {
  readonly kind: 'in-process' | 'pg-boss';
  register(name: string, schedule: Schedule, handler: JobHandler, options?: JobOptions): void;
  start(log?: Logger): Promise<void>;
  stop(): Promise<void>;
  /** Runs the job once, now, on exactly one instance; resolves when that run has finished. */
  runNow(name: string): Promise<JobOutcome>;
  jobs(): { name: string; schedule: Schedule }[];
  /** Called after every run this instance makes (metrics). */
  onRun(listener: (e: RunEvent) => void): void;
}

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
// Asia/Ho_Chi_Minh has had no daylight saving since 1975: UTC+7.
const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

function parseDaily(at: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!m) throw new Error(`dailyAt must be HH:MM, got ${at}`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

export function validateSchedule(s: Schedule): void {
  if ('dailyAt' in s) {
    parseDaily(s.dailyAt);
    return;
  }
  const n = s.everyMinutes;
  const ok = Number.isInteger(n) && n >= 1 && (60 % n === 0 || (n % 60 === 0 && 24 % (n / 60) === 0));
  if (!ok) throw new Error(`everyMinutes must divide an hour or be whole hours dividing a day, got ${n}`);
}

/** The same schedule as a cron expression in Asia/Ho_Chi_Minh, for pg-boss. */
export function toCron(s: Schedule): string {
  validateSchedule(s);
  if ('dailyAt' in s) {
    const [h, m] = s.dailyAt.split(':').map(Number);
    return `${m} ${h} * * *`;
  }
  const n = s.everyMinutes;
  if (n < 60) return `*/${n} * * * *`;
  return n === 60 ? '0 * * * *' : `0 */${n / 60} * * *`;
}

/** Start of the slot `now` falls in: the latest scheduled moment at or before it (Vietnam's clock). */
export function slotStart(s: Schedule, now: Date): Date {
  const local = now.getTime() + OFFSET_MS;
  if ('dailyAt' in s) {
    const at = parseDaily(s.dailyAt);
    let slot = Math.floor(local / DAY_MS) * DAY_MS + at;
    if (slot > local) slot -= DAY_MS;
    return new Date(slot - OFFSET_MS);
  }
  const period = s.everyMinutes * 60_000;
  return new Date(Math.floor(local / period) * period - OFFSET_MS);
}

export function nextSlot(s: Schedule, now: Date): Date {
  const period = 'dailyAt' in s ? DAY_MS : s.everyMinutes * 60_000;
  return new Date(slotStart(s, now).getTime() + period);
}

interface Job {
  name: string;
  schedule: Schedule;
  handler: JobHandler;
  options: JobOptions;
}

const silent: Logger = { info: () => {}, error: () => {} };

abstract class BaseScheduler {
  protected readonly registry = new Map<string, Job>();
  protected readonly listeners: ((e: RunEvent) => void)[] = [];
  protected log: Logger = silent;

  constructor(
    protected readonly db: Db,
    protected readonly instance: string,
    protected readonly clock: () => Date,
  ) {}

  register(name: string, schedule: Schedule, handler: JobHandler, options: JobOptions = {}) {
    validateSchedule(schedule);
    if (this.registry.has(name)) throw new Error(`job ${name} registered twice`);
    this.registry.set(name, { name, schedule, handler, options });
  }

  jobs() {
    return [...this.registry.values()].map((j) => ({ name: j.name, schedule: j.schedule }));
  }

  onRun(listener: (e: RunEvent) => void) {
    this.listeners.push(listener);
  }

  protected job(name: string): Job {
    const job = this.registry.get(name);
    if (!job) throw new Error(`no job ${name}`);
    return job;
  }

  /** Runs the handler under a job_runs row already started (`runId`), and records how it ended. */
  protected async execute(job: Job, runId: string, startedAt: Date): Promise<JobOutcome> {
    let outcome: JobOutcome;
    try {
      const message = await job.handler({ now: startedAt });
      outcome = { status: 'ok', message: typeof message === 'string' && message ? message : null };
    } catch (err) {
      outcome = { status: 'failed', message: err instanceof Error ? err.message : String(err) };
      this.log.error({ err, job: job.name }, 'công việc định kỳ thất bại');
    }
    const finishedAt = this.clock();
    await finishRun(this.db, runId, outcome.status, outcome.message, finishedAt).catch((err: unknown) =>
      this.log.error({ err, job: job.name }, 'không ghi được kết quả công việc định kỳ'),
    );
    const event = { job: job.name, ...outcome, durationMs: finishedAt.getTime() - startedAt.getTime() };
    for (const l of this.listeners) l(event);
    return outcome;
  }
}

/**
 * Timers in this process, for the embedded database (one process per DATA_DIR). Each scheduled run first
 * claims its slot in job_runs, so that even two schedulers on one database run a slot once.
 */
export class InProcessScheduler extends BaseScheduler implements Scheduler {
  readonly kind = 'in-process' as const;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private started = false;

  constructor(
    db: Db,
    private readonly opts: { instance?: string; clock?: () => Date; catchUpDelayMs?: number } = {},
  ) {
    super(db, opts.instance ?? instanceName(), opts.clock ?? (() => new Date()));
  }

  async start(log?: Logger) {
    if (log) this.log = log;
    this.started = true;
    for (const job of this.registry.values()) {
      this.arm(job);
      if (job.options.catchUp) {
        const t = setTimeout(
          () => void this.runDue(job.name, slotStart(job.schedule, this.clock())),
          this.opts.catchUpDelayMs ?? 15_000,
        );
        t.unref();
        this.timers.set(`${job.name}#catch-up`, t);
      }
    }
  }

  private arm(job: Job) {
    if (!this.started) return;
    const next = nextSlot(job.schedule, this.clock());
    const t = setTimeout(
      () => void this.runDue(job.name, next).finally(() => this.arm(job)),
      Math.max(0, next.getTime() - this.clock().getTime()),
    );
    t.unref();
    this.timers.set(job.name, t);
  }

  /** The scheduled run of the slot that began at `slot`, unless it already ran (here or elsewhere). */
  async runDue(name: string, slot: Date): Promise<JobOutcome | null> {
    const job = this.job(name);
    const now = this.clock();
    const startedAt = now < slot ? slot : now;
    const work = (async () => {
      const runId = await claimSlot(this.db, name, slot, this.instance, startedAt);
      return runId ? this.execute(job, runId, startedAt) : null;
    })();
    return this.track(work).catch((err: unknown) => {
      this.log.error({ err, job: name }, 'không chạy được công việc định kỳ');
      return null;
    });
  }

  async runNow(name: string): Promise<JobOutcome> {
    const job = this.job(name);
    const startedAt = this.clock();
    return this.track(
      (async () => this.execute(job, await startRun(this.db, name, this.instance, startedAt), startedAt))(),
    );
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => {});
    return p;
  }

  async stop() {
    this.started = false;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }
}

/**
 * pg-boss 10 on a PostgreSQL server (its own schema `pgboss`): cron schedules in Asia/Ho_Chi_Minh and queues
 * that hand each job to exactly one worker, however many server instances run.
 */
export class PgBossScheduler extends BaseScheduler implements Scheduler {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;

  constructor(
    database: Database,
    private readonly opts: { instance?: string; pollingIntervalSeconds?: number; schema?: string } = {},
  ) {
    super(database.db, opts.instance ?? instanceName(), () => new Date());
    const pool = database.pool;
    if (!pool) throw new Error('pg-boss needs a PostgreSQL server');
    this.boss = new PgBoss({
      db: { executeSql: async (text, values) => pool.query(text, values) },
      schema: opts.schema ?? 'pgboss',
    });
  }

  async start(log?: Logger) {
    if (log) this.log = log;
    this.boss.on('error', (err) => this.log.error({ err }, 'lỗi hàng đợi công việc (pg-boss)'));
    await this.boss.start();
    for (const job of this.registry.values()) {
      // One job of a kind active at a time; a failed run waits for its next slot instead of retrying.
      await this.boss.createQueue(job.name, {
        name: job.name,
        policy: 'singleton',
        retryLimit: 0,
        expireInSeconds: 3600,
      });
      await this.boss.schedule(job.name, toCron(job.schedule), {}, { tz: TIME_ZONE, retryLimit: 0 });
      await this.boss.work(
        job.name,
        { pollingIntervalSeconds: this.opts.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async ([task]) => {
          const startedAt = this.clock();
          const runId = await startRun(this.db, job.name, this.instance, startedAt);
          const outcome = await this.execute(job, runId, startedAt);
          if (outcome.status === 'failed') throw new Error(outcome.message ?? 'failed');
          return { message: outcome.message, id: task?.id };
        },
      );
    }
  }

  async runNow(name: string): Promise<JobOutcome> {
    this.job(name);
    const id = await this.boss.send(name, {}, { retryLimit: 0 });
    if (!id) throw new Error(`pg-boss refused a job for ${name}`);
    const deadline = Date.now() + 3600_000;
    while (Date.now() < deadline) {
      const job = await this.boss.getJobById<object>(name, id, { includeArchive: true });
      const output = (job?.output ?? {}) as { message?: string | null };
      if (job?.state === 'completed') return { status: 'ok', message: output.message ?? null };
      if (job?.state === 'failed' || job?.state === 'cancelled')
        return { status: 'failed', message: output.message ?? job.state };
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`job ${name} did not finish in time`);
  }

  async stop() {
    await this.boss.stop({ graceful: true, wait: true, timeout: 20_000, close: false });
  }
}

/** In-process timers on the embedded database, pg-boss on a server. */
export function createScheduler(
  database: Database,
  opts: { instance?: string; pollingIntervalSeconds?: number } = {},
): Scheduler {
  return database.kind === 'server'
    ? new PgBossScheduler(database, opts)
    : new InProcessScheduler(database.db, opts);
}
