import { calendarYears } from '@daihoi/core';
import { describe, expect, it } from 'vitest';
import type { CalendarYear } from './calendarApi';
import {
  CALENDAR_YEARS,
  calendarCounts,
  calendarDays,
  calendarMonths,
  calendarYearOr,
  defaultCalendarYear,
  proposedKind,
  shippedOf,
  statusOf,
  weekdayOf,
} from './calendarEdits';

/** A year as the server answers it: the shipped year of core, with the edits given. */
function year(y: number, edits: CalendarYear['edits'] = []): CalendarYear {
  const shipped = calendarYears.find((x) => x.year === y)!;
  return JSON.parse(JSON.stringify({ ...shipped, edits })) as CalendarYear;
}

const edit = (date: string, kind: 'day_off' | 'working' | 'plain', note: string | null = null) => ({
  date,
  kind,
  note,
  updatedAt: '2020-03-15T02:00:00.000Z',
});

describe('the years of the calendar', () => {
  it('run from 2019 to 2035; the page opens on the business year', () => {
    expect(CALENDAR_YEARS[0]).toBe(2019);
    expect(CALENDAR_YEARS.at(-1)).toBe(2035);
    expect(defaultCalendarYear('2020-03-15')).toBe(2020);
    expect(defaultCalendarYear('2040-01-01')).toBe(2035);
    expect(defaultCalendarYear(undefined)).toBe(2019);
    expect(calendarYearOr('2031', 2020)).toBe(2031);
    expect(calendarYearOr('2050', 2020)).toBe(2020);
    expect(calendarYearOr('abc', 2020)).toBe(2020);
  });

  it('tell the weekday from the date alone', () => {
    expect(weekdayOf('2020-03-15')).toBe(0);
    expect(weekdayOf('2020-05-04')).toBe(1);
    expect(weekdayOf('2019-05-04')).toBe(6);
  });
});

describe('a day after the edits', () => {
  it('is off or worked as the edit says, the plain rule going by the weekday', () => {
    expect(statusOf('2020-05-04', null, { kind: 'day_off' })).toBe('off');
    expect(statusOf('2019-05-04', null, { kind: 'working' })).toBe('working');
    expect(statusOf('2020-01-23', { type: 'off', kind: 'holiday', reasonVi: 'Tết' }, { kind: 'plain' })).toBe(
      'working',
    );
    expect(statusOf('2019-05-04', { type: 'working', reasonVi: 'Làm bù' }, { kind: 'plain' })).toBe('off');
    expect(statusOf('2019-05-04', { type: 'working', reasonVi: 'Làm bù' }, null)).toBe('working');
  });
});

describe('the year shown month by month', () => {
  it('lists the shipped days off and the weekends worked, with the edits merged in date order', () => {
    const data = year(2019, [edit('2019-05-06', 'day_off', 'Nghỉ bù theo quyết định địa phương')]);
    const days = calendarDays(data);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days.find((d) => d.date === '2019-05-04')).toMatchObject({
      shipped: { type: 'working' },
      status: 'working',
    });
    expect(days.find((d) => d.date === '2019-05-06')).toMatchObject({
      shipped: null,
      edit: { kind: 'day_off' },
      status: 'off',
    });
    expect(calendarCounts(days)).toEqual({
      daysOff: data.daysOff.length + 1,
      workingWeekends: data.workingWeekends.length,
      edits: 1,
    });
  });

  it('has twelve months, and the December before when the New Year break starts there', () => {
    const months = calendarMonths(year(2020));
    expect(months.map((m) => m.key)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`),
    );
    expect(months[0]!.days.map((d) => d.date)).toContain('2020-01-23');
    const withDecember: CalendarYear = {
      ...year(2020),
      daysOff: [
        { date: '2019-12-31', holiday: 'new_year', kind: 'swapped', reasonVi: 'Nghỉ hoán đổi' },
        ...year(2020).daysOff,
      ],
    };
    expect(calendarMonths(withDecember)[0]).toMatchObject({ key: '2019-12', year: 2019, month: 12 });
  });
});

describe('the edit dialog', () => {
  it('proposes what the day most likely needs', () => {
    const data = year(2020);
    expect(proposedKind('2020-01-23', data)).toBe('plain');
    expect(proposedKind('2020-05-04', data)).toBe('day_off');
    expect(proposedKind('2020-05-09', data)).toBe('working');
    expect(shippedOf(data, '2020-04-30')).toMatchObject({ type: 'off', kind: 'holiday' });
    expect(shippedOf(data, '2020-05-04')).toBeNull();
  });
});
