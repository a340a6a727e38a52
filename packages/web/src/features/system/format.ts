import type { Schedule } from './api';

/** Bytes as an office reads them: 1 KB = 1024 bytes, one decimal past KB, in the language's number format. */
export function formatSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const locale = language === 'en' ? 'en-GB' : 'vi-VN';
  const digits = unit === 0 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** The i18n key and values that describe a schedule. */
export function scheduleText(s: Schedule): { key: string; values: Record<string, string | number> } {
  if ('dailyAt' in s) return { key: 'system.schedule.daily', values: { time: s.dailyAt } };
  if (s.everyMinutes % 60 === 0) {
    const hours = s.everyMinutes / 60;
    return hours === 1
      ? { key: 'system.schedule.hourly', values: {} }
      : { key: 'system.schedule.everyHours', values: { count: hours } };
  }
  return { key: 'system.schedule.everyMinutes', values: { count: s.everyMinutes } };
}
