import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  compareIsoDates,
  daysBetween,
  formatDateLine,
  formatDateVi,
  isIsoDate,
  parseDateVi,
  todayInVietnam,
} from './dates.js';

const DAY_MS = 86_400_000;
// Day numbers (since 1970-01-01) of 0001-01-01 and 9999-12-31.
const FIRST_DAY = -719_162;
const LAST_DAY = 2_932_896;
// The host's own calendar arithmetic, used only as an oracle in these tests.
const oracleIso = (dayNumber: number) => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const isoDay = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2019-11-12')).toBe(true);
    expect(isIsoDate('2020-02-30')).toBe(false);
    expect(isIsoDate('2019-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1980-13-01')).toBe(false);
    expect(isIsoDate('1980-00-10')).toBe(false);
    expect(isIsoDate('1980-04-31')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
  });

  it('accepts only the exact form YYYY-MM-DD', () => {
    for (const text of ['2020-3-15', '15/03/2020', '2020-03-15T00:00:00Z', ' 2020-03-15', '20200315', '']) {
      expect(isIsoDate(text)).toBe(false);
    }
  });

  it('agrees with the calendar on any year, month and day', () => {
    const part = (max: number) => fc.integer({ min: 0, max });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), part(13), part(32), (year, month, day) => {
        const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        const date = new Date(0);
        date.setUTCFullYear(year, month - 1, day);
        const real = month >= 1 && day >= 1 && date.toISOString().slice(0, 10) === iso;
        expect(isIsoDate(iso)).toBe(real);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatDateVi and parseDateVi', () => {
  it('writes and reads dd/mm/yyyy (RULES.md §5)', () => {
    expect(formatDateVi('2020-03-15')).toBe('15/03/2020');
    expect(formatDateVi('2025-01-05')).toBe('05/01/2025');
    expect(parseDateVi('15/03/2020')).toBe('2020-03-15');
    expect(parseDateVi('5/1/2025')).toBe('2025-01-05');
    expect(parseDateVi(' 05-01-2025 ')).toBe('2025-01-05');
    expect(parseDateVi('05.01.2025')).toBe('2025-01-05');
  });

  it('rejects dates that do not exist and malformed text', () => {
    for (const text of [
      '31/02/1980',
      '29/02/2019',
      '00/01/2020',
      '10/13/2020',
      '15/03/20',
      '15/03-2020',
      '',
    ]) {
      expect(parseDateVi(text)).toBeNull();
    }
    expect(() => formatDateVi('2020-02-30')).toThrow(RangeError);
  });

  it('round-trips every date', () => {
    fc.assert(
      fc.property(isoDay, (day) => {
        const iso = oracleIso(day);
        expect(parseDateVi(formatDateVi(iso))).toBe(iso);
      }),
    );
  });
});

describe('formatDateLine', () => {
  it('writes the place-and-date line of a Party document (RULES.md §4)', () => {
    expect(formatDateLine('Vinh', '2019-11-12')).toBe('Vinh, ngày 12 tháng 11 năm 2019');
  });

  it('puts a zero before days below 10 and the months 1 and 2 only (Hướng dẫn 36-HD/VPTW)', () => {
    expect(formatDateLine('Hà Nội', '2025-04-14')).toBe('Hà Nội, ngày 14 tháng 4 năm 2025');
    expect(formatDateLine('Hà Nội', '2025-01-18')).toBe('Hà Nội, ngày 18 tháng 01 năm 2025');
    expect(formatDateLine('Hà Nội', '2025-02-05')).toBe('Hà Nội, ngày 05 tháng 02 năm 2025');
    expect(formatDateLine('Nghệ An', '2018-03-03')).toBe('Nghệ An, ngày 03 tháng 3 năm 2018');
    expect(formatDateLine(' Vinh ', '2019-10-10')).toBe('Vinh, ngày 10 tháng 10 năm 2019');
  });
});

describe('addDays, daysBetween, compareIsoDates', () => {
  it('moves across months, leap days and years', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(daysBetween('2020-06-01', '2020-06-30')).toBe(29);
    expect(daysBetween('2020-06-30', '2020-06-01')).toBe(-29);
    expect(compareIsoDates('2020-06-30', '2020-08-31')).toBe(-1);
    expect(compareIsoDates('2020-08-31', '2020-06-30')).toBe(1);
    expect(compareIsoDates('2020-06-30', '2020-06-30')).toBe(0);
  });

  it('refuses bad input and results outside 0001–9999', () => {
    expect(() => addDays('2020-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2020-02-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });

  it('agrees with the calendar for any date and offset', () => {
    fc.assert(
      fc.property(isoDay, isoDay, (from, to) => {
        const [a, b] = [oracleIso(from), oracleIso(to)];
        expect(addDays(a, to - from)).toBe(b);
        expect(daysBetween(a, b)).toBe(to - from);
        expect(compareIsoDates(a, b)).toBe(Math.sign(from - to));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('todayInVietnam', () => {
  it('is the calendar date at UTC+7', () => {
    expect(todayInVietnam(new Date('2019-11-11T16:59:59.999Z'))).toBe('2019-11-11');
    expect(todayInVietnam(new Date('2019-11-11T17:00:00.000Z'))).toBe('2019-11-12');
    expect(todayInVietnam(new Date('2020-12-31T17:00:00.000Z'))).toBe('2021-01-01');
    expect(todayInVietnam(new Date('1960-06-30T23:00:00.000Z'))).toBe('1960-07-01');
    expect(() => todayInVietnam(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('agrees with the UTC date seven hours later, for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2e12, max: 4e12 }), (ms) => {
        expect(todayInVietnam(new Date(ms))).toBe(new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, a year older on the birthday', () => {
    expect(ageOn('1965-09-15', '2020-09-14')).toBe(54);
    expect(ageOn('1965-09-15', '2020-09-15')).toBe(55);
    expect(ageOn('1965-09-15', '1965-09-15')).toBe(0);
    expect(ageOn('1985-04-30', '2025-04-01')).toBe(39);
  });

  it('makes someone born on 29 February a year older on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('refuses a date before the birth date', () => {
    expect(() => ageOn('2000-05-01', '2000-04-30')).toThrow(RangeError);
  });

  it('is the number of birthdays passed', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 120 * 366 }), (born, days) => {
        fc.pre(born + days <= LAST_DAY);
        const [birth, on] = [oracleIso(born), oracleIso(born + days)];
        const age = ageOn(birth, on);
        expect(age).toBeGreaterThanOrEqual(0);
        const yearsLater = (n: number) => `${pad(Number(birth.slice(0, 4)) + n, 4)}${birth.slice(4)}`;
        const birthday = (n: number) =>
          isIsoDate(yearsLater(n)) ? yearsLater(n) : `${yearsLater(n).slice(0, 5)}03-01`;
        expect(on >= birthday(age)).toBe(true);
        expect(age + Number(birth.slice(0, 4)) >= 9999 || on < birthday(age + 1)).toBe(true);
      }),
    );
  });
});
