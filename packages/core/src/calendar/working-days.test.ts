import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, daysBetween } from '../dates/dates.js';
import {
  addWorkingDays,
  calendarWithEdits,
  isWorkingDay,
  VIETNAM_CALENDAR,
  type WorkingCalendar,
  withCalendarEdits,
  workingDaysBetween,
} from './working-days.js';

// Dates well inside the shipped calendar (2019–2035): 200 working days are at most about 300 calendar
// days, so every walk below stays in it.
const FIRST = '2020-03-01';
const daysInRange = daysBetween(FIRST, '2034-06-30');
const dayInRange = fc.integer({ min: 0, max: daysInRange }).map((n) => addDays(FIRST, n));
const workingDay = dayInRange.filter((date) => isWorkingDay(date));
const count = fc.integer({ min: -200, max: 200 });
const PLAIN: WorkingCalendar = { daysOff: new Set() };

describe('isWorkingDay (the shipped calendar)', () => {
  it('takes weekends off', () => {
    expect(isWorkingDay('2020-06-13')).toBe(false);
    expect(isWorkingDay('2020-06-14')).toBe(false);
    expect(isWorkingDay('2020-06-15')).toBe(true);
  });

  it('takes the Tết Canh Tý break off, 23/1–29/1/2020 (Thông báo 4544/TB-LĐTBXH)', () => {
    const days = Array.from({ length: 9 }, (_, i) => addDays('2020-01-22', i));
    expect(days.map((day) => [day, isWorkingDay(day)])).toEqual([
      ['2020-01-22', true],
      ['2020-01-23', false],
      ['2020-01-24', false],
      ['2020-01-25', false],
      ['2020-01-26', false],
      ['2020-01-27', false],
      ['2020-01-28', false],
      ['2020-01-29', false],
      ['2020-01-30', true],
    ]);
  });

  it('works the swapped Saturdays (ngày làm bù): 4/5/2019, 4/5/2024, 26/4/2025, 10/1 and 22/8/2026', () => {
    for (const date of ['2019-05-04', '2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22']) {
      expect(isWorkingDay(date), date).toBe(true);
    }
    for (const date of ['2019-04-29', '2024-04-29', '2025-05-02', '2026-01-02', '2026-08-31']) {
      expect(isWorkingDay(date), date).toBe(false);
    }
  });

  it('refuses a malformed date and one outside the shipped years 2019–2035', () => {
    expect(() => isWorkingDay('2020-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('15/06/2020')).toThrow(RangeError);
    expect(() => isWorkingDay('2018-12-28')).toThrow(/từ 01\/01\/2019 đến 31\/12\/2035/);
    expect(() => isWorkingDay('2036-01-01')).toThrow(RangeError);
    expect(isWorkingDay('2036-01-01', PLAIN)).toBe(true);
  });
});

describe('addWorkingDays', () => {
  it('counts 30 working days back from a congress on Monday 15/6/2020 over weekends only', () => {
    expect(addWorkingDays('2020-06-15', -30)).toBe('2020-05-04');
  });

  it('skips 1/5 and 30/4/2020 and the weekend between, one day further back', () => {
    expect(addWorkingDays('2020-06-15', -31)).toBe('2020-04-29');
    expect(addWorkingDays('2020-04-29', 1)).toBe('2020-05-04');
  });

  it('steps over the Tết break in both directions', () => {
    expect(addWorkingDays('2020-01-22', 1)).toBe('2020-01-30');
    expect(addWorkingDays('2020-01-30', -1)).toBe('2020-01-22');
    expect(addWorkingDays('2020-01-25', 1)).toBe('2020-01-30');
  });

  it('counts a swapped Saturday as a working day', () => {
    expect(addWorkingDays('2019-05-03', 1)).toBe('2019-05-04');
    expect(addWorkingDays('2019-04-26', 1)).toBe('2019-05-02');
  });

  it('returns the date itself for n = 0, even on a day off', () => {
    expect(addWorkingDays('2020-06-15', 0)).toBe('2020-06-15');
    expect(addWorkingDays('2020-01-25', 0)).toBe('2020-01-25');
  });

  it('refuses a malformed date, a fractional n and a walk out of the calendar', () => {
    expect(() => addWorkingDays('2020-13-01', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2020-06-15', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2020-06-15', Number.NaN)).toThrow(RangeError);
    expect(() => addWorkingDays('2019-01-10', -30)).toThrow(RangeError);
  });

  it('lands on a working day, and moves strictly further with every extra working day', () => {
    fc.assert(
      fc.property(dayInRange, count, count, (date, a, b) => {
        fc.pre(a !== 0 && a < b);
        const [first, second] = [addWorkingDays(date, a), addWorkingDays(date, b)];
        expect(isWorkingDay(first)).toBe(true);
        expect(compareIsoDates(first, second)).toBe(-1);
      }),
    );
  });

  it('never moves backwards when the start moves forwards', () => {
    fc.assert(
      fc.property(dayInRange, fc.integer({ min: 0, max: 60 }), count, (date, later, n) => {
        expect(
          compareIsoDates(addWorkingDays(date, n), addWorkingDays(addDays(date, later), n)),
        ).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('round-trips from a working day: n forward then n back returns it', () => {
    fc.assert(
      fc.property(workingDay, count, (date, n) => {
        expect(addWorkingDays(addWorkingDays(date, n), -n)).toBe(date);
      }),
    );
  });
});

describe('workingDaysBetween', () => {
  it('counts the days after the start up to the end', () => {
    expect(workingDaysBetween('2020-05-04', '2020-06-15')).toBe(30);
    expect(workingDaysBetween('2020-06-15', '2020-05-04')).toBe(-30);
    expect(workingDaysBetween('2020-01-22', '2020-01-30')).toBe(1);
    expect(workingDaysBetween('2020-06-15', '2020-06-15')).toBe(0);
    expect(workingDaysBetween('2020-06-15', '2020-06-14')).toBe(0);
  });

  it('is what addWorkingDays adds between two working days', () => {
    fc.assert(
      fc.property(workingDay, count, (date, n) => {
        const other = addWorkingDays(date, n);
        expect(workingDaysBetween(date, other)).toBe(n);
      }),
    );
  });
});

describe('calendarWithEdits', () => {
  it("applies an administrator's corrections, one kind per date, over the shipped calendar", () => {
    expect(calendarWithEdits([])).toBe(VIETNAM_CALENDAR);
    const edited = calendarWithEdits([
      // A local day off, a Saturday worked, and Giỗ Tổ 2020 (02/04) back to an ordinary Thursday.
      { date: '2020-06-01', kind: 'day_off' },
      { date: '2020-05-09', kind: 'working' },
      { date: '2020-04-02', kind: 'plain' },
    ]);
    expect(isWorkingDay('2020-06-01', edited)).toBe(false);
    expect(isWorkingDay('2020-05-09', edited)).toBe(true);
    expect(isWorkingDay('2020-04-02', VIETNAM_CALENDAR)).toBe(false);
    expect(isWorkingDay('2020-04-02', edited)).toBe(true);
  });
});

describe('withCalendarEdits', () => {
  it('adds days off, gives days back and makes weekends working days', () => {
    const edited = withCalendarEdits(VIETNAM_CALENDAR, {
      add: ['2020-06-16'],
      remove: ['2020-04-30'],
      working: ['2020-06-20'],
    });
    expect(isWorkingDay('2020-06-16', edited)).toBe(false);
    expect(isWorkingDay('2020-04-30', edited)).toBe(true);
    expect(isWorkingDay('2020-06-20', edited)).toBe(true);
    expect(isWorkingDay('2020-06-16')).toBe(true);
    expect(addWorkingDays('2020-06-15', 1, edited)).toBe('2020-06-17');
    expect(edited.covers).toEqual(VIETNAM_CALENDAR.covers);
  });

  it('puts a removed swapped Saturday back to rest and a marked holiday back to work', () => {
    const edited = withCalendarEdits(VIETNAM_CALENDAR, { remove: ['2019-05-04'], working: ['2019-04-29'] });
    expect(isWorkingDay('2019-05-04', edited)).toBe(false);
    expect(isWorkingDay('2019-04-29', edited)).toBe(true);
  });

  it('refuses a malformed date and a day both off and working', () => {
    expect(() => withCalendarEdits(VIETNAM_CALENDAR, { add: ['2020-02-30'] })).toThrow(RangeError);
    expect(() =>
      withCalendarEdits(VIETNAM_CALENDAR, { add: ['2020-06-20'], working: ['2020-06-20'] }),
    ).toThrow(/20\/06\/2020/);
  });

  it('does not change the calendar it starts from', () => {
    const before = VIETNAM_CALENDAR.daysOff.size;
    withCalendarEdits(VIETNAM_CALENDAR, { add: ['2020-06-16'] });
    expect(VIETNAM_CALENDAR.daysOff.size).toBe(before);
  });
});
