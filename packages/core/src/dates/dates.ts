/**
 * Calendar dates as ISO strings 'YYYY-MM-DD' (years 0001–9999, proleptic Gregorian), computed by
 * arithmetic on day numbers so that no time zone or host clock is involved.
 */

interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VI_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const DAY_MS = 86_400_000;
// Viet Nam has kept UTC+7 without daylight saving since 1975.
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  const valid = year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1;
  return valid && day <= daysInMonth(year, month) ? { year, month, day } : null;
}

function parseIso(iso: string): CalendarDate | null {
  const match = ISO_DATE.exec(iso);
  return match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

function requireIso(iso: string): CalendarDate {
  const date = parseIso(iso);
  if (!date) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  return date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toIso({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
function dayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// Inverse of dayNumber (H. Hinnant's civil_from_days).
function fromDayNumber(days: number): CalendarDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function isoFromDayNumber(days: number): string {
  const date = fromDayNumber(days);
  if (!calendarDate(date.year, date.month, date.day))
    throw new RangeError('Date outside the years 0001–9999');
  return toIso(date);
}

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2020-02-30, 1980-13-01). */
export function isIsoDate(value: string): boolean {
  return parseIso(value) !== null;
}

/** '2020-03-15' → '15/03/2020'. Throws RangeError on anything but a valid ISO date. */
export function formatDateVi(iso: string): string {
  const { year, month, day } = requireIso(iso);
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`;
}

/** '15/03/2020' (also '15/3/2020', '15-03-2020', '15.03.2020') → '2020-03-15'; not a real date → null. */
export function parseDateVi(text: string): string | null {
  const match = VI_DATE.exec(text.trim());
  if (!match) return null;
  const date = calendarDate(Number(match[4]), Number(match[3]), Number(match[1]));
  return date ? toIso(date) : null;
}

/**
 * The place-and-date line of a Party document: 'Vinh, ngày 12 tháng 11 năm 2019'. Days below 10 and
 * the months 1 and 2 take a leading zero (Hướng dẫn 36-HD/VPTW, 3/4/2018): 'ngày 05 tháng 02', 'tháng 3'.
 */
export function formatDateLine(place: string, iso: string): string {
  const { year, month, day } = requireIso(iso);
  const monthText = month <= 2 ? pad(month) : String(month);
  return `${place.trim()}, ngày ${pad(day)} tháng ${monthText} năm ${year}`;
}

/** The date n days after (n < 0: before) an ISO date. */
export function addDays(iso: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return isoFromDayNumber(dayNumber(requireIso(iso)) + days);
}

/** Days from one ISO date to another: daysBetween('2020-06-01', '2020-06-30') = 29. */
export function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(requireIso(toIso)) - dayNumber(requireIso(fromIso));
}

/** -1, 0 or 1 as a is before, on or after b. */
export function compareIsoDates(a: string, b: string): number {
  return Math.sign(daysBetween(b, a));
}

/** The calendar date in Asia/Ho_Chi_Minh (UTC+7) at the given instant. */
export function todayInVietnam(now: Date): string {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return isoFromDayNumber(Math.floor((ms + VIETNAM_OFFSET_MS) / DAY_MS));
}

/**
 * Age in whole years on a date. Someone born on 29 February turns a year older on 1 March in common
 * years. Throws RangeError when onIso is before birthIso.
 */
export function ageOn(birthIso: string, onIso: string): number {
  const birth = requireIso(birthIso);
  const on = requireIso(onIso);
  if (daysBetween(birthIso, onIso) < 0) throw new RangeError(`${onIso} is before the birth date ${birthIso}`);
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}
