import { describe, expect, it } from 'vitest';
import { formatSize, scheduleText } from './format';

describe('system page formats', () => {
  it('write sizes with the language number format', () => {
    expect(formatSize(512, 'vi')).toBe('512 B');
    expect(formatSize(1536, 'vi')).toBe('1,5 KB');
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(20 * 1024 * 1024, 'vi')).toBe('20 MB');
  });

  it('describe schedules', () => {
    expect(scheduleText({ dailyAt: '02:00' })).toEqual({
      key: 'system.schedule.daily',
      values: { time: '02:00' },
    });
    expect(scheduleText({ everyMinutes: 60 }).key).toBe('system.schedule.hourly');
    expect(scheduleText({ everyMinutes: 120 })).toEqual({
      key: 'system.schedule.everyHours',
      values: { count: 2 },
    });
    expect(scheduleText({ everyMinutes: 15 })).toEqual({
      key: 'system.schedule.everyMinutes',
      values: { count: 15 },
    });
  });
});
