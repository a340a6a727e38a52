import path from 'node:path';
import { z } from 'zod';
import { DEMO_REFERENCE_DATE } from './demo/dataset.js';

/** The business date ("today" for deadlines and ages) and the real time (sessions, audit) kept apart. */
export interface Clock {
  /** Business date, YYYY-MM-DD, in Asia/Ho_Chi_Minh. */
  today(): string;
  /** Real time: security timestamps always use this. */
  now(): Date;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DAIHOI_DEMO: flag,
  DAIHOI_DEMO_PASSWORD: z.string().min(8).default('daihoi2020'),
  DAIHOI_TODAY: isoDate.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  TRUST_PROXY: flag,
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().default('DaiHoi <daihoi@localhost>'),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  METRICS_TOKEN: z.string().min(16).optional(),
  FILE_MAX_MB: z.coerce.number().positive().max(1024).default(20),
  IMPORT_MAX_MB: z.coerce.number().positive().max(1024).default(50),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoPassword: string;
  logLevel: string;
  sessionTtlMs: number;
  trustProxy: boolean;
  /** Sign-in attempts allowed per address per minute. */
  loginRatePerMinute: number;
  /** Failed sign-ins in a row before an account is held back for `lockoutMs`. */
  maxFailedLogins: number;
  lockoutMs: number;
  /** Optional: e-mail digests of notifications go through this server. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** Automatic backups kept in DATA_DIR/backups. */
  backupKeep: number;
  backupDir: string;
  fileMaxBytes: number;
  /** The largest spreadsheet an import accepts (.xlsx or .csv). */
  importMaxBytes: number;
  /** When set, /metrics answers anyone with this bearer token; unset, loopback only. */
  metricsToken: string | undefined;
  /** Scheduled work runs in this process (off in tests that drive jobs by hand). */
  scheduler: boolean;
  /** Built web app served at /, when present. */
  webDist: string | undefined;
  clock: Clock;
  version: string;
}

/** A clock whose business date is fixed, or follows the real date in Vietnam. */
export function makeClock(pinnedToday?: string): Clock {
  return {
    today: () => pinnedToday ?? vietnamToday(new Date()),
    now: () => new Date(),
  };
}

function vietnamToday(now: Date): string {
  // Asia/Ho_Chi_Minh has had no daylight saving since 1975: UTC+7.
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ: ${fields}`);
  }
  const e = parsed.data;
  const root = path.resolve(import.meta.dirname, '../../..');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.DAIHOI_DEMO,
    demoPassword: e.DAIHOI_DEMO_PASSWORD,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    trustProxy: e.TRUST_PROXY,
    loginRatePerMinute: 20,
    maxFailedLogins: 5,
    lockoutMs: 15 * 60_000,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    backupKeep: e.BACKUP_KEEP,
    backupDir: path.join(path.resolve(e.DATA_DIR), 'backups'),
    metricsToken: e.METRICS_TOKEN,
    fileMaxBytes: Math.round(e.FILE_MAX_MB * 1024 * 1024),
    importMaxBytes: Math.round(e.IMPORT_MAX_MB * 1024 * 1024),
    scheduler: true,
    webDist: path.join(root, 'packages/web/dist'),
    clock: makeClock(e.DAIHOI_TODAY ?? (e.DAIHOI_DEMO ? DEMO_REFERENCE_DATE : undefined)),
    version: '0.1.0',
  };
}
