/**
 * Test oracle only (imported by lunar.test.ts, never by the library): the lunar-to-solar conversion of
 * Hồ Ngọc Đức's published method for the Vietnamese calendar — new moons and solar terms from low-precision
 * formulas after J. Meeus, days reckoned in a given time zone. It checks the LUNAR_HOLIDAY_DATES table
 * independently of whoever typed it; the table, not this code, is what the calendar uses.
 */

const SYNODIC_MONTH = 29.530588853;
// The Julian date of the first new moon of 1900, the origin of the new-moon count k.
const NEW_MOON_ORIGIN = 2415021.076998695;
const RAD = Math.PI / 180;

function julianDayNumber(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return (
    day +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

function isoFromJulianDayNumber(jdn: number): string {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local day number of the k-th new moon after 1900-01-01. */
function newMoonDay(k: number, timeZone: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean =
    2415020.75933 +
    SYNODIC_MONTH * k +
    0.0001178 * t2 -
    0.000000155 * t3 +
    0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * RAD);
  const sun = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * RAD;
  const moon = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * RAD;
  const latitude = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * RAD;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sun) +
    0.0021 * Math.sin(2 * sun) -
    0.4068 * Math.sin(moon) +
    0.0161 * Math.sin(2 * moon) -
    0.0004 * Math.sin(3 * moon) +
    0.0104 * Math.sin(2 * latitude) -
    0.0051 * Math.sin(sun + moon) -
    0.0074 * Math.sin(sun - moon) +
    0.0004 * Math.sin(2 * latitude + sun) -
    0.0004 * Math.sin(2 * latitude - sun) -
    0.0006 * Math.sin(2 * latitude + moon) +
    0.001 * Math.sin(2 * latitude - moon) +
    0.0005 * Math.sin(2 * moon + sun);
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return Math.floor(mean + correction - deltaT + 0.5 + timeZone / 24);
}

/** The sun's longitude at the start of a local day, as the index 0–11 of its 30° sector. */
function sunSector(jdn: number, timeZone: number): number {
  const t = (jdn - 2451545.5 - timeZone / 24) / 36525;
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * RAD;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const center =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) +
    0.00029 * Math.sin(3 * anomaly);
  let longitude = (meanLongitude + center) * RAD;
  longitude -= 2 * Math.PI * Math.floor(longitude / (2 * Math.PI));
  return Math.floor((longitude / Math.PI) * 6);
}

/** The first day of the lunar month holding the winter solstice of a Gregorian year (tháng 11 âm lịch). */
function month11Start(year: number, timeZone: number): number {
  const k = Math.floor((julianDayNumber(31, 12, year) - 2415021) / SYNODIC_MONTH);
  const start = newMoonDay(k, timeZone);
  return sunSector(start, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : start;
}

/** How many months after month 11 the leap month falls, in a year of 13 months. */
function leapMonthOffset(month11: number, timeZone: number): number {
  const k = Math.floor((month11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + 1, timeZone), timeZone);
  let previous: number;
  do {
    previous = sector;
    i += 1;
    sector = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (sector !== previous && i < 14);
  return i - 1;
}

/** The Gregorian date of a day of a regular (not leap) lunar month, as ISO. */
export function lunarToSolar(day: number, month: number, lunarYear: number, timeZone: number): string {
  const from = month < 11 ? lunarYear - 1 : lunarYear;
  const a11 = month11Start(from, timeZone);
  const b11 = month11Start(from + 1, timeZone);
  const k = Math.floor(0.5 + (a11 - NEW_MOON_ORIGIN) / SYNODIC_MONTH);
  let offset = (month - 11 + 12) % 12;
  if (b11 - a11 > 365 && offset >= leapMonthOffset(a11, timeZone)) offset += 1;
  return isoFromJulianDayNumber(newMoonDay(k + offset, timeZone) + day - 1);
}
