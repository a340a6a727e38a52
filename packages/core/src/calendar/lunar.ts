/**
 * Gregorian dates of the two lunar holidays of the Labour Code: Tết Nguyên đán (mùng 1 tháng Giêng) and
 * Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch). Kept as a table rather than computed: Viet Nam reckons its
 * lunar calendar at UTC+7, so it departs from the Chinese calendar (UTC+8) in some years (Tết 2030 is
 * 2 February here, 3 February in China), and a hand-written astronomical algorithm would be one more
 * thing to get wrong. lunar.test.ts checks every entry against an astronomical computation at UTC+7
 * and against the dates named in the official holiday notices of 2019–2026.
 *
 * The lunar new year's eve (giao thừa) is the day before `tet`.
 */
export interface LunarHolidayDates {
  /** Mùng 1 tháng Giêng. */
  readonly tet: string;
  /** 10 tháng 3 âm lịch (the regular third month; 2031 also has a leap third month after it). */
  readonly hungKings: string;
}

export const LUNAR_HOLIDAY_DATES: Readonly<Record<number, LunarHolidayDates>> = {
  2019: { tet: '2019-02-05', hungKings: '2019-04-14' },
  2020: { tet: '2020-01-25', hungKings: '2020-04-02' },
  2021: { tet: '2021-02-12', hungKings: '2021-04-21' },
  2022: { tet: '2022-02-01', hungKings: '2022-04-10' },
  2023: { tet: '2023-01-22', hungKings: '2023-04-29' },
  2024: { tet: '2024-02-10', hungKings: '2024-04-18' },
  2025: { tet: '2025-01-29', hungKings: '2025-04-07' },
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  2030: { tet: '2030-02-02', hungKings: '2030-04-12' },
  2031: { tet: '2031-01-23', hungKings: '2031-04-01' },
  2032: { tet: '2032-02-11', hungKings: '2032-04-19' },
  2033: { tet: '2033-01-31', hungKings: '2033-04-09' },
  2034: { tet: '2034-02-19', hungKings: '2034-04-28' },
  2035: { tet: '2035-02-08', hungKings: '2035-04-17' },
};
