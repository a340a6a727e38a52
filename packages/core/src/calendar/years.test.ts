import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from '../dates/dates.js';
import { LUNAR_HOLIDAY_DATES } from './lunar.js';
import { dayOfWeek, isWeekend } from './weekday.js';
import { type CalendarYear, calendarYears, provisionalCalendarYear } from './years.js';

const yearOf = (year: number): CalendarYear => {
  const found = calendarYears.find((entry) => entry.year === year);
  if (!found) throw new Error(`no calendar year ${year}`);
  return found;
};
const datesOff = (year: number) => yearOf(year).daysOff.map((day) => day.date);
const lunar = (year: number) => LUNAR_HOLIDAY_DATES[year] ?? { tet: '', hungKings: '' };

describe('dayOfWeek', () => {
  it('counts from Sunday = 0', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2020-01-25')).toBe(6);
    expect(dayOfWeek('2020-06-15')).toBe(1);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });
});

describe('calendarYears', () => {
  it('ships 2019–2026 as decided and 2027–2035 as provisional', () => {
    expect(calendarYears.map((year) => [year.year, year.provisional])).toEqual(
      Array.from({ length: 17 }, (_, i) => [2019 + i, 2019 + i > 2026]),
    );
  });

  it('lists weekdays off and weekend working days only, each with a reason', () => {
    for (const year of calendarYears) {
      for (const day of year.daysOff) {
        expect(isIsoDate(day.date) && !isWeekend(day.date), day.date).toBe(true);
        expect(day.reasonVi.length).toBeGreaterThan(0);
      }
      for (const day of year.workingWeekends) expect(isWeekend(day.date), day.date).toBe(true);
      expect(new Set(year.daysOff.map((day) => day.date)).size).toBe(year.daysOff.length);
    }
  });

  it('names the right weekday wherever a reason names one', () => {
    const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];
    const named = /(Chủ nhật|thứ Hai|thứ Ba|thứ Tư|thứ Năm|thứ Sáu|thứ Bảy) (\d{2})\/(\d{2})\/(\d{4})/g;
    let checked = 0;
    for (const year of calendarYears) {
      for (const { reasonVi } of [...year.daysOff, ...year.workingWeekends]) {
        for (const [, weekday, day, month, yyyy] of reasonVi.matchAll(named)) {
          expect(WEEKDAYS[dayOfWeek(`${yyyy}-${month}-${day}`)], reasonVi).toBe(weekday);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('names a source for every year', () => {
    for (const year of calendarYears) {
      expect(year.sources.length).toBeGreaterThan(0);
      for (const source of year.sources) expect(source.document.length).toBeGreaterThan(0);
    }
  });

  it('gives 10 days a year under the Labour Code 2012 and 11 from 2021 (Điều 115; Điều 112), swaps aside', () => {
    for (const year of calendarYears) {
      const own = year.daysOff.filter((day) => day.kind !== 'swapped');
      expect(own.length, String(year.year)).toBe(year.year <= 2020 ? 10 : 11);
    }
  });

  it('works back every swapped day on a weekend', () => {
    for (const year of calendarYears) {
      const swapped = year.daysOff.filter((day) => day.kind === 'swapped');
      expect(swapped.length, String(year.year)).toBe(year.workingWeekends.length);
    }
  });

  it('gives each fixed holiday and Giỗ Tổ off, or the next free weekday when it falls on a weekend', () => {
    for (const { year } of calendarYears) {
      const offDays = datesOff(year);
      const fixed = ['01-01', '04-30', '05-01', '09-02'].map((md) => `${year}-${md}`);
      for (const holiday of [...fixed, lunar(year).hungKings]) {
        if (isWeekend(holiday)) {
          let next = addDays(holiday, 1);
          while (isWeekend(next)) next = addDays(next, 1);
          expect(offDays, `${holiday} compensated`).toContain(next);
        } else {
          expect(offDays, holiday).toContain(holiday);
        }
      }
    }
  });

  it('puts five Tết weekdays off within a week of the lunar new year', () => {
    for (const { year } of calendarYears) {
      const tet = yearOf(year).daysOff.filter((day) => day.holiday === 'tet');
      expect(tet.length, String(year)).toBe(5);
      for (const day of tet) {
        expect(day.date >= addDays(lunar(year).tet, -5) && day.date <= addDays(lunar(year).tet, 7)).toBe(
          true,
        );
      }
    }
  });
});

describe('the decided years', () => {
  it('2019: Thông báo 3238/TB-LĐTBXH — 4–8/2, 29/4–1/5 with Saturday 4/5 worked; Giỗ Tổ made up 15/4', () => {
    const days = datesOff(2019);
    for (const date of ['2019-02-04', '2019-02-08', '2019-04-15', '2019-04-29', '2019-09-02']) {
      expect(days).toContain(date);
    }
    expect(yearOf(2019).workingWeekends.map((day) => day.date)).toEqual(['2019-01-05', '2019-05-04']);
  });

  it('2020: Thông báo 4544/TB-LĐTBXH (25/10/2019) — Tết from Thursday 23/1 to Wednesday 29/1/2020', () => {
    expect(datesOff(2020).filter((date) => date.startsWith('2020-01-2'))).toEqual([
      '2020-01-23',
      '2020-01-24',
      '2020-01-27',
      '2020-01-28',
      '2020-01-29',
    ]);
    expect(yearOf(2020).sources[0]?.document).toBe('Thông báo số 4544/TB-LĐTBXH');
  });

  it('2023: Công văn 8056/VPCP-KGVX — Giỗ Tổ (Sat 29/4) and 30/4 (Sun) made up on 2 and 3/5', () => {
    expect(datesOff(2023)).toEqual(expect.arrayContaining(['2023-05-01', '2023-05-02', '2023-05-03']));
    expect(datesOff(2023)).toEqual(expect.arrayContaining(['2023-09-01', '2023-09-04']));
  });

  it('2024: 2450/VPCP-KGVX — Monday 29/4 off, Saturday 4/5 worked', () => {
    expect(datesOff(2024)).toContain('2024-04-29');
    expect(yearOf(2024).workingWeekends.map((day) => day.date)).toEqual(['2024-05-04']);
  });

  it('2025: 8726/VPCP-KGVX — Tết 27–31/1, Friday 2/5 off for Saturday 26/4, Quốc khánh 1–2/9', () => {
    expect(datesOff(2025)).toEqual(
      expect.arrayContaining(['2025-01-27', '2025-01-31', '2025-05-02', '2025-09-01', '2025-09-02']),
    );
    expect(yearOf(2025).workingWeekends.map((day) => day.date)).toEqual(['2025-04-26']);
  });

  it('2026: 12729/VPCP-KGVX and 9859/VPCP — 2/1 and 31/8 off for Saturdays 10/1 and 22/8', () => {
    expect(datesOff(2026)).toEqual(
      expect.arrayContaining(['2026-01-02', '2026-02-16', '2026-02-20', '2026-04-27', '2026-08-31']),
    );
    expect(yearOf(2026).workingWeekends.map((day) => day.date)).toEqual(['2026-01-10', '2026-08-22']);
  });
});

describe('provisionalCalendarYear (Bộ luật Lao động 2019, Điều 111 khoản 3, Điều 112)', () => {
  it('takes the eve and mùng 1–4 of Tết, moving weekend days to the next free weekdays', () => {
    // Tết Đinh Mùi 2027 is Saturday 6/2: eve Friday 5/2, mùng 3–4 Monday and Tuesday, two days made up.
    const tet = provisionalCalendarYear(2027).daysOff.filter((day) => day.date.startsWith('2027-02'));
    expect(tet.map((day) => [day.date, day.kind])).toEqual([
      ['2027-02-05', 'holiday'],
      ['2027-02-08', 'holiday'],
      ['2027-02-09', 'holiday'],
      ['2027-02-10', 'compensatory'],
      ['2027-02-11', 'compensatory'],
    ]);
  });

  it('joins the day beside 2/9 to a weekend, as the decisions of 2021–2026 did', () => {
    expect(datesOff(2027)).toEqual(expect.arrayContaining(['2027-09-02', '2027-09-03'])); // Thursday
    expect(datesOff(2028)).toEqual(expect.arrayContaining(['2028-09-01', '2028-09-04'])); // Saturday
    expect(datesOff(2029)).toEqual(expect.arrayContaining(['2029-09-03', '2029-09-04'])); // Sunday
    expect(datesOff(2030)).toEqual(expect.arrayContaining(['2030-09-02', '2030-09-03'])); // Monday
  });

  it('reproduces a decided year where the Prime Minister followed the Code (2021)', () => {
    expect(provisionalCalendarYear(2021).daysOff.map((day) => day.date)).toEqual([
      '2021-01-01',
      '2021-02-11',
      '2021-02-12',
      '2021-02-15',
      '2021-02-16',
      '2021-02-17',
      '2021-04-21',
      '2021-04-30',
      '2021-05-03',
      '2021-09-02',
      '2021-09-03',
    ]);
  });

  it('refuses a year outside the lunar table', () => {
    expect(() => provisionalCalendarYear(2036)).toThrow(RangeError);
  });
});
