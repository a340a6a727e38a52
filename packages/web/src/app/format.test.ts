import { describe, expect, it } from 'vitest';
import { formatDate, formatTimestamp } from './format';

describe('formatDate', () => {
  it('writes dates as dd/mm/yyyy', () => {
    expect(formatDate('2020-03-15')).toBe('15/03/2020');
    expect(formatDate(null)).toBe('');
    expect(formatDate('15/03/2020')).toBe('15/03/2020');
  });
});

describe('formatTimestamp', () => {
  it('shows the time in Asia/Ho_Chi_Minh (UTC+7)', () => {
    expect(formatTimestamp('2020-03-15T01:30:00Z')).toBe('15/03/2020 08:30');
    expect(formatTimestamp('2020-03-14T17:05:00.000Z')).toBe('15/03/2020 00:05');
    expect(formatTimestamp('2020-03-14T16:59:00Z')).toBe('14/03/2020 23:59');
  });

  it('leaves unreadable input alone', () => {
    expect(formatTimestamp('later')).toBe('later');
    expect(formatTimestamp(undefined)).toBe('');
  });
});
