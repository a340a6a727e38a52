import { deleteExpiredSessions } from '../auth/sessions.js';
import { createBackup } from '../backup/backup.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { remindCongressTasks } from '../modules/congress/reminders.js';
import { applyDueTransfers } from '../modules/members/service.js';
import { sendNotificationDigests } from '../modules/notifications/service.js';
import type { Schedule, Scheduler } from './scheduler.js';

/** The platform's scheduled work and when it runs (Asia/Ho_Chi_Minh). */
export const PLATFORM_JOBS = {
  'sessions.sweep': { everyMinutes: 60 },
  'backup.daily': { dailyAt: '02:00' },
  'notifications.digest': { dailyAt: '07:00' },
  // Transfers dated today take effect in the first minutes of the day.
  'members.transfers': { dailyAt: '00:05' },
  // Before the digest, so that the morning's e-mail carries the day's congress reminders.
  'congress.reminders': { dailyAt: '06:30' },
} as const satisfies Record<string, Schedule>;

export type PlatformJob = keyof typeof PLATFORM_JOBS;

/** The jobs this deployment runs: the daily backup belongs to the embedded database only. */
export function platformJobs(kind: Database['kind']): { name: PlatformJob; schedule: Schedule }[] {
  return (Object.keys(PLATFORM_JOBS) as PlatformJob[])
    .filter((name) => name !== 'backup.daily' || kind === 'embedded')
    .map((name) => ({ name, schedule: PLATFORM_JOBS[name] }));
}

export function registerPlatformJobs(scheduler: Scheduler, deps: { config: Config; database: Database }) {
  const { config, database } = deps;
  const handlers: Record<PlatformJob, Parameters<Scheduler['register']>[2]> = {
    // Expired sessions are only dead rows.
    'sessions.sweep': async () => {
      await deleteExpiredSessions(database.db, config.clock.now());
    },
    'backup.daily': async ({ now }) => {
      const b = await createBackup(database, config.backupDir, { tag: 'auto', keep: config.backupKeep, now });
      return `${b.name} (${b.size} byte)`;
    },
    'notifications.digest': async ({ now }) => {
      const sent = await sendNotificationDigests(database.db, config, now);
      return config.smtpUrl ? `${sent} thư` : 'chưa cấu hình SMTP_URL';
    },
    'members.transfers': async ({ now }) => {
      const applied = await applyDueTransfers(database.db, config.clock.today(), now);
      return `${applied} lượt chuyển sinh hoạt`;
    },
    'congress.reminders': async ({ now }) => {
      const raised = await remindCongressTasks(database.db, config.clock.today(), now);
      return `${raised} thông báo nhắc việc chuẩn bị đại hội`;
    },
  };
  for (const { name, schedule } of platformJobs(database.kind))
    scheduler.register(name, schedule, handlers[name], { catchUp: true });
}
