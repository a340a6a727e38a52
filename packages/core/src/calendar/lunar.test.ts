import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../dates/dates.js';
import { LUNAR_HOLIDAY_DATES } from './lunar.js';
import { lunarToSolar } from './lunar.oracle.js';

const VIETNAM = 7;
const CHINA = 8;
const years = Object.keys(LUNAR_HOLIDAY_DATES).map(Number);

describe('the lunar oracle', () => {
  it('reproduces the years Viet Nam and China are known to differ (timeanddate, python-holidays)', () => {
    expect(lunarToSolar(1, 1, 1985, VIETNAM)).toBe('1985-01-21');
    expect(lunarToSolar(1, 1, 1985, CHINA)).toBe('1985-02-20');
    expect(lunarToSolar(1, 1, 2007, VIETNAM)).toBe('2007-02-17');
    expect(lunarToSolar(1, 1, 2007, CHINA)).toBe('2007-02-18');
  });
});

describe('LUNAR_HOLIDAY_DATES', () => {
  it('covers every year 2019–2035', () => {
    expect(years).toEqual(Array.from({ length: 17 }, (_, i) => 2019 + i));
  });

  it('matches the astronomical computation at UTC+7 for Tết and Giỗ Tổ (10/3 âm lịch)', () => {
    for (const year of years) {
      const entry = LUNAR_HOLIDAY_DATES[year];
      expect({ year, ...entry }).toEqual({
        year,
        tet: lunarToSolar(1, 1, year, VIETNAM),
        hungKings: lunarToSolar(10, 3, year, VIETNAM),
      });
    }
  });

  it('keeps the Vietnamese Tết of 2030 (2 February), a day before the Chinese one', () => {
    expect(LUNAR_HOLIDAY_DATES[2030]?.tet).toBe('2030-02-02');
    expect(lunarToSolar(1, 1, 2030, CHINA)).toBe('2030-02-03');
  });

  it('agrees with the dates named in the official notices', () => {
    // 4544/TB-LĐTBXH: mùng 1 and mùng 2 Tết Canh Tý are Saturday 25 and Sunday 26/1/2020.
    expect(LUNAR_HOLIDAY_DATES[2020]?.tet).toBe('2020-01-25');
    // 4875/TB-LĐTBXH: mùng 2 and mùng 3 Tết Tân Sửu are 13 and 14/2/2021.
    expect(addDays(LUNAR_HOLIDAY_DATES[2021]?.tet ?? '', 1)).toBe('2021-02-13');
    // 9859/VPCP-KGVX: 14/2/2026 is 27 tháng Chạp and 22/2/2026 mùng 6 tháng Giêng Bính Ngọ.
    expect(addDays(LUNAR_HOLIDAY_DATES[2026]?.tet ?? '', 5)).toBe('2026-02-22');
    // Giỗ Tổ on a weekend, made up the next Monday: 14/4/2019, 10/4/2022, 26/4/2026; Saturday 29/4/2023.
    expect(LUNAR_HOLIDAY_DATES[2019]?.hungKings).toBe('2019-04-14');
    expect(LUNAR_HOLIDAY_DATES[2022]?.hungKings).toBe('2022-04-10');
    expect(LUNAR_HOLIDAY_DATES[2023]?.hungKings).toBe('2023-04-29');
    expect(LUNAR_HOLIDAY_DATES[2026]?.hungKings).toBe('2026-04-26');
  });

  it('puts Tết between 21 January and 20 February and Giỗ Tổ 67–98 days after it (longer with a leap first or second month, as in 2023)', () => {
    for (const year of years) {
      const { tet, hungKings } = LUNAR_HOLIDAY_DATES[year] ?? { tet: '', hungKings: '' };
      expect(tet >= `${year}-01-21` && tet <= `${year}-02-20`).toBe(true);
      const gap = daysBetween(tet, hungKings);
      expect(gap).toBeGreaterThanOrEqual(67);
      expect(gap).toBeLessThanOrEqual(98);
    }
  });
});
