import { addDays, compareIsoDates, formatDateVi } from '../dates/dates.js';
import { LUNAR_HOLIDAY_DATES } from './lunar.js';
import { dayOfWeek, isWeekend } from './weekday.js';

/**
 * The official days off of each year for offices on the five-day week (cán bộ, công chức, viên chức),
 * as fixed by the Labour Code and each year's decision of the Prime Minister, announced by the Ministry
 * of Labour (Bộ Lao động - Thương binh và Xã hội; from 2025 the Ministry of Home Affairs, Bộ Nội vụ).
 */

/**
 * `holiday`: a day the Labour Code gives off; `compensatory`: nghỉ bù, when a holiday falls on a weekly
 * rest day (Bộ luật Lao động 2012, Điều 115 khoản 3; 2019, Điều 111 khoản 3); `swapped`: hoán đổi, a
 * bridge day off worked back on a Saturday listed in `workingWeekends`.
 */
export type CalendarDayKind = 'holiday' | 'compensatory' | 'swapped';

/** The holidays of the Labour Code (2019, Điều 112 khoản 1). */
export const CALENDAR_HOLIDAYS = [
  'new_year',
  'tet',
  'hung_kings',
  'victory_day',
  'labour_day',
  'national_day',
] as const;
export type CalendarHoliday = (typeof CALENDAR_HOLIDAYS)[number];

export const CALENDAR_HOLIDAY_LABELS_VI: Readonly<Record<CalendarHoliday, string>> = {
  new_year: 'Tết Dương lịch',
  tet: 'Tết Âm lịch',
  hung_kings: 'Giỗ Tổ Hùng Vương',
  victory_day: 'Ngày Chiến thắng',
  labour_day: 'Ngày Quốc tế Lao động',
  national_day: 'Quốc khánh',
};

export interface CalendarDayOff {
  /** A Monday–Friday: weekends need no entry. */
  readonly date: string;
  /** The holiday whose break the day belongs to. */
  readonly holiday: CalendarHoliday;
  readonly kind: CalendarDayKind;
  readonly reasonVi: string;
}

export interface CalendarWorkingWeekend {
  /** A Saturday or Sunday worked (ngày làm bù). */
  readonly date: string;
  readonly reasonVi: string;
}

export interface CalendarSource {
  /** The document as numbered by its issuer, e.g. 'Thông báo số 4544/TB-LĐTBXH'. */
  readonly document: string;
  readonly date?: string;
  readonly issuer?: string;
  readonly article?: string;
  /** What it fixed, in Vietnamese. */
  readonly coversVi: string;
  /** Set where the number, date or symbol could not be checked against the document itself. */
  readonly unverified?: true;
  readonly noteVi?: string;
}

export interface CalendarYear {
  readonly year: number;
  /** True until the Prime Minister fixes the year: the days are computed from the Labour Code. */
  readonly provisional: boolean;
  /** May include the last days of the year before, when they belong to this year's New Year break. */
  readonly daysOff: readonly CalendarDayOff[];
  readonly workingWeekends: readonly CalendarWorkingWeekend[];
  readonly sources: readonly CalendarSource[];
  readonly noteVi?: string;
}

const MOLISA = 'Bộ Lao động - Thương binh và Xã hội';
const GOVERNMENT_OFFICE = 'Văn phòng Chính phủ';

const LABOUR_CODE_2012: CalendarSource = {
  document: 'Bộ luật Lao động số 10/2012/QH13',
  date: '2012-06-18',
  issuer: 'Quốc hội',
  article: 'Điều 115',
  coversVi:
    'Tết Dương lịch, Giỗ Tổ Hùng Vương, 30/4, 1/5 và Quốc khánh (1 ngày); nghỉ bù khi trùng ngày nghỉ hằng tuần',
};

const LABOUR_CODE_2019: CalendarSource = {
  document: 'Bộ luật Lao động số 45/2019/QH14',
  date: '2019-11-20',
  issuer: 'Quốc hội',
  article: 'Điều 112 khoản 1; Điều 111 khoản 3',
  coversVi: 'Các ngày lễ, tết (Quốc khánh 2 ngày từ năm 2021); nghỉ bù khi trùng ngày nghỉ hằng tuần',
};

function off(
  date: string,
  holiday: CalendarHoliday,
  kind: CalendarDayKind = 'holiday',
  reasonVi: string = CALENDAR_HOLIDAY_LABELS_VI[holiday],
): CalendarDayOff {
  return { date, holiday, kind, reasonVi };
}
const tetDays = (...dates: string[]) => dates.map((date) => off(date, 'tet'));
const made = (date: string, holiday: CalendarHoliday, reasonVi: string) =>
  off(date, holiday, 'compensatory', reasonVi);
const swapped = (date: string, holiday: CalendarHoliday, reasonVi: string) =>
  off(date, holiday, 'swapped', reasonVi);

// Decided years, transcribed from the notices named in `sources`.
const DECIDED_YEARS: readonly CalendarYear[] = [
  {
    year: 2019,
    provisional: false,
    daysOff: [
      swapped('2018-12-31', 'new_year', 'Tết Dương lịch: hoán đổi, làm bù thứ Bảy 05/01/2019'),
      off('2019-01-01', 'new_year'),
      ...tetDays('2019-02-04', '2019-02-05', '2019-02-06', '2019-02-07', '2019-02-08'),
      made('2019-04-15', 'hung_kings', 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 14/04/2019)'),
      swapped('2019-04-29', 'victory_day', 'Hoán đổi, làm bù thứ Bảy 04/05/2019'),
      off('2019-04-30', 'victory_day'),
      off('2019-05-01', 'labour_day'),
      off('2019-09-02', 'national_day'),
    ],
    workingWeekends: [
      { date: '2019-01-05', reasonVi: 'Làm bù cho thứ Hai 31/12/2018' },
      { date: '2019-05-04', reasonVi: 'Làm bù cho thứ Hai 29/04/2019' },
    ],
    sources: [
      {
        document: 'Thông báo số 3238/TB-LĐTBXH',
        issuer: MOLISA,
        coversVi: 'Tết Dương lịch, Tết Âm lịch, 30/4 và 1/5 năm 2019',
        unverified: true,
        noteVi: 'Ban hành khoảng tháng 8–9/2018; ngày ký chưa đối chiếu.',
      },
      LABOUR_CODE_2012,
    ],
  },
  {
    year: 2020,
    provisional: false,
    daysOff: [
      off('2020-01-01', 'new_year'),
      ...tetDays('2020-01-23', '2020-01-24', '2020-01-27'),
      made('2020-01-28', 'tet', 'Nghỉ bù mùng 1 Tết (thứ Bảy 25/01/2020)'),
      made('2020-01-29', 'tet', 'Nghỉ bù mùng 2 Tết (Chủ nhật 26/01/2020)'),
      off('2020-04-02', 'hung_kings'),
      off('2020-04-30', 'victory_day'),
      off('2020-05-01', 'labour_day'),
      off('2020-09-02', 'national_day'),
    ],
    workingWeekends: [],
    sources: [
      {
        document: 'Thông báo số 4544/TB-LĐTBXH',
        date: '2019-10-25',
        issuer: MOLISA,
        coversVi: 'Tết Âm lịch 2020: nghỉ từ 23/01 đến hết 29/01/2020 (29 tháng Chạp đến mùng 5 Tết)',
      },
      LABOUR_CODE_2012,
    ],
  },
  {
    year: 2021,
    provisional: false,
    daysOff: [
      off('2021-01-01', 'new_year'),
      ...tetDays('2021-02-10', '2021-02-11', '2021-02-12'),
      made('2021-02-15', 'tet', 'Nghỉ bù mùng 2 Tết (thứ Bảy 13/02/2021)'),
      made('2021-02-16', 'tet', 'Nghỉ bù mùng 3 Tết (Chủ nhật 14/02/2021)'),
      off('2021-04-21', 'hung_kings'),
      off('2021-04-30', 'victory_day'),
      made('2021-05-03', 'labour_day', 'Nghỉ bù Ngày Quốc tế Lao động (thứ Bảy 01/05/2021)'),
      off('2021-09-02', 'national_day'),
      off('2021-09-03', 'national_day', 'holiday', 'Quốc khánh (ngày liền kề)'),
    ],
    workingWeekends: [],
    sources: [
      {
        document: 'Thông báo số 4875/TB-LĐTBXH',
        issuer: MOLISA,
        coversVi: 'Tết Âm lịch (10/02–16/02/2021) và Quốc khánh (02/09–05/09/2021)',
        unverified: true,
        noteVi: 'Ngày ký chưa đối chiếu (cuối năm 2020).',
      },
      LABOUR_CODE_2019,
    ],
  },
  {
    year: 2022,
    provisional: false,
    daysOff: [
      made('2022-01-03', 'new_year', 'Nghỉ bù Tết Dương lịch (thứ Bảy 01/01/2022)'),
      ...tetDays('2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'),
      made('2022-04-11', 'hung_kings', 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 10/04/2022)'),
      made('2022-05-02', 'victory_day', 'Nghỉ bù Ngày Chiến thắng (thứ Bảy 30/04/2022)'),
      made('2022-05-03', 'labour_day', 'Nghỉ bù Ngày Quốc tế Lao động (Chủ nhật 01/05/2022)'),
      off('2022-09-01', 'national_day', 'holiday', 'Quốc khánh (ngày liền kề)'),
      off('2022-09-02', 'national_day'),
    ],
    workingWeekends: [],
    sources: [
      {
        document: 'Công văn số 245/VPCP-KGVX',
        date: '2022-01-11',
        issuer: GOVERNMENT_OFFICE,
        coversVi: 'Tết Âm lịch (31/01–04/02/2022) và Quốc khánh (01/09–02/09/2022)',
        noteVi: 'Số thông báo của Bộ Lao động - Thương binh và Xã hội chưa tìm được.',
      },
      LABOUR_CODE_2019,
    ],
  },
  {
    year: 2023,
    provisional: false,
    daysOff: [
      made('2023-01-02', 'new_year', 'Nghỉ bù Tết Dương lịch (Chủ nhật 01/01/2023)'),
      ...tetDays('2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'),
      off('2023-05-01', 'labour_day'),
      made('2023-05-02', 'hung_kings', 'Nghỉ bù Giỗ Tổ Hùng Vương (thứ Bảy 29/04/2023)'),
      made('2023-05-03', 'victory_day', 'Nghỉ bù Ngày Chiến thắng (Chủ nhật 30/04/2023)'),
      off('2023-09-01', 'national_day', 'holiday', 'Quốc khánh (ngày liền kề)'),
      made('2023-09-04', 'national_day', 'Nghỉ bù Quốc khánh (thứ Bảy 02/09/2023)'),
    ],
    workingWeekends: [],
    sources: [
      {
        document: 'Công văn số 8056/VPCP-KGVX',
        date: '2022-12-01',
        issuer: GOVERNMENT_OFFICE,
        coversVi: 'Tết Âm lịch (20/01–26/01/2023) và Quốc khánh (01/09–04/09/2023)',
        noteVi: 'Số thông báo của Bộ Lao động - Thương binh và Xã hội chưa tìm được.',
      },
      LABOUR_CODE_2019,
    ],
  },
  {
    year: 2024,
    provisional: false,
    daysOff: [
      off('2024-01-01', 'new_year'),
      ...tetDays('2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'),
      off('2024-04-18', 'hung_kings'),
      swapped('2024-04-29', 'victory_day', 'Hoán đổi, làm bù thứ Bảy 04/05/2024'),
      off('2024-04-30', 'victory_day'),
      off('2024-05-01', 'labour_day'),
      off('2024-09-02', 'national_day'),
      off('2024-09-03', 'national_day', 'holiday', 'Quốc khánh (ngày liền kề)'),
    ],
    workingWeekends: [{ date: '2024-05-04', reasonVi: 'Làm bù cho thứ Hai 29/04/2024' }],
    sources: [
      {
        document: 'Văn bản số 8662/VPCP-KGVX',
        date: '2023-11-03',
        issuer: GOVERNMENT_OFFICE,
        coversVi: 'Tết Âm lịch (08/02–14/02/2024) và Quốc khánh (31/08–03/09/2024)',
      },
      {
        document: 'Văn bản số 2450/VPCP-KGVX',
        date: '2024-04-12',
        issuer: GOVERNMENT_OFFICE,
        coversVi: 'Hoán đổi thứ Hai 29/04/2024 sang thứ Bảy 04/05/2024',
      },
      LABOUR_CODE_2019,
    ],
  },
  {
    year: 2025,
    provisional: false,
    daysOff: [
      off('2025-01-01', 'new_year'),
      ...tetDays('2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'),
      off('2025-04-07', 'hung_kings'),
      off('2025-04-30', 'victory_day'),
      off('2025-05-01', 'labour_day'),
      swapped('2025-05-02', 'labour_day', 'Hoán đổi, làm bù thứ Bảy 26/04/2025'),
      off('2025-09-01', 'national_day', 'holiday', 'Quốc khánh (ngày liền kề)'),
      off('2025-09-02', 'national_day'),
    ],
    workingWeekends: [{ date: '2025-04-26', reasonVi: 'Làm bù cho thứ Sáu 02/05/2025' }],
    sources: [
      {
        document: 'Công văn số 8726/VPCP-KGVX',
        date: '2024-11-26',
        issuer: GOVERNMENT_OFFICE,
        coversVi:
          'Tết Âm lịch (25/01–02/02/2025), 30/4–1/5 (hoán đổi 02/05 sang 26/04) và Quốc khánh (30/08–02/09/2025)',
      },
      {
        document: 'Thông báo số 6150/TB-LĐTBXH',
        issuer: MOLISA,
        coversVi: 'Thông báo lịch nghỉ năm 2025 theo Công văn 8726/VPCP-KGVX',
        unverified: true,
        noteVi: 'Năm 2024; ngày ký và ký hiệu (có nơi ghi TB-BLĐTBXH) chưa đối chiếu.',
      },
      LABOUR_CODE_2019,
    ],
  },
  {
    year: 2026,
    provisional: false,
    daysOff: [
      off('2026-01-01', 'new_year'),
      swapped('2026-01-02', 'new_year', 'Tết Dương lịch: hoán đổi, làm bù thứ Bảy 10/01/2026'),
      ...tetDays('2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'),
      made('2026-04-27', 'hung_kings', 'Nghỉ bù Giỗ Tổ Hùng Vương (Chủ nhật 26/04/2026)'),
      off('2026-04-30', 'victory_day'),
      off('2026-05-01', 'labour_day'),
      swapped('2026-08-31', 'national_day', 'Quốc khánh: hoán đổi, làm bù thứ Bảy 22/08/2026'),
      off('2026-09-01', 'national_day', 'holiday', 'Quốc khánh (ngày liền kề)'),
      off('2026-09-02', 'national_day'),
    ],
    workingWeekends: [
      { date: '2026-01-10', reasonVi: 'Làm bù cho thứ Sáu 02/01/2026' },
      { date: '2026-08-22', reasonVi: 'Làm bù cho thứ Hai 31/08/2026' },
    ],
    sources: [
      {
        document: 'Văn bản số 12729/VPCP-KGVX',
        date: '2025-12-25',
        issuer: GOVERNMENT_OFFICE,
        coversVi: 'Tết Dương lịch 2026: nghỉ 01/01–04/01, hoán đổi 02/01 sang 10/01/2026',
      },
      {
        document: 'Văn bản số 9859/VPCP-KGVX',
        date: '2025-10-13',
        issuer: GOVERNMENT_OFFICE,
        coversVi:
          'Tết Âm lịch (14/02–22/02/2026) và Quốc khánh (29/08–02/09/2026, hoán đổi 31/08 sang 22/08)',
        unverified: true,
        noteVi: 'Số 9859 theo báo chí; ký hiệu sau số chưa đối chiếu.',
      },
      LABOUR_CODE_2019,
    ],
    noteVi:
      'Ngày Văn hóa Việt Nam (24/11) đã được Bộ Chính trị chủ trương là ngày nghỉ, nhưng chưa được bổ sung vào Bộ luật Lao động nên chưa có trong lịch; quản trị viên có thể thêm ngày nghỉ.',
  },
];

const FIRST_YEAR = 2019;
const LAST_YEAR = 2035;

const iso = (year: number, monthDay: string) => `${year}-${monthDay}`;

// The Prime Minister picks the day beside 2 September (Bộ luật Lao động 2019, Điều 112 khoản 3); the
// pick of 2021–2026 joins it to a weekend: the day before, except on a Monday, Thursday or Sunday.
function nationalDayNeighbour(year: number): string {
  const weekday = dayOfWeek(iso(year, '09-02'));
  return [0, 1, 4].includes(weekday) ? iso(year, '09-03') : iso(year, '09-01');
}

interface Holiday {
  readonly date: string;
  readonly holiday: CalendarHoliday;
  readonly reasonVi: string;
}

function legalHolidays(year: number): Holiday[] {
  const lunar = LUNAR_HOLIDAY_DATES[year];
  if (!lunar) throw new RangeError(`Chưa có bảng ngày âm lịch cho năm ${year}`);
  const day = (date: string, holiday: CalendarHoliday, reasonVi = CALENDAR_HOLIDAY_LABELS_VI[holiday]) => ({
    date,
    holiday,
    reasonVi,
  });
  return [
    day(iso(year, '01-01'), 'new_year'),
    ...[-1, 0, 1, 2, 3].map((offset) => day(addDays(lunar.tet, offset), 'tet')),
    day(lunar.hungKings, 'hung_kings'),
    day(iso(year, '04-30'), 'victory_day'),
    day(iso(year, '05-01'), 'labour_day'),
    day(nationalDayNeighbour(year), 'national_day', 'Quốc khánh (ngày liền kề)'),
    day(iso(year, '09-02'), 'national_day'),
  ].sort((a, b) => compareIsoDates(a.date, b.date));
}

/**
 * A year not yet fixed by the Prime Minister, from the Labour Code 2019: Tết as the lunar new year's eve
 * and the first four days of the year (the usual pattern; the Prime Minister decides every year), and
 * each holiday that falls on a weekend, or on another holiday, moved to the next day that is neither
 * (Điều 111 khoản 3). No swapped days: those are decided case by case. Years 2019–2035 only.
 */
export function provisionalCalendarYear(year: number): CalendarYear {
  const holidays = legalHolidays(year);
  const taken = new Set(holidays.filter((h) => !isWeekend(h.date)).map((h) => h.date));
  const daysOff: CalendarDayOff[] = [];
  const given = new Set<string>();
  for (const { date, holiday, reasonVi } of holidays) {
    if (!isWeekend(date) && !given.has(date)) {
      given.add(date);
      daysOff.push(off(date, holiday, 'holiday', reasonVi));
      continue;
    }
    let next = addDays(date, 1);
    while (isWeekend(next) || taken.has(next)) next = addDays(next, 1);
    taken.add(next);
    daysOff.push(made(next, holiday, `Nghỉ bù ${reasonVi} (${formatDateVi(date)})`));
  }
  return {
    year,
    provisional: true,
    daysOff: daysOff.sort((a, b) => compareIsoDates(a.date, b.date)),
    workingWeekends: [],
    sources: [LABOUR_CODE_2019],
    noteVi:
      'Dự kiến theo Bộ luật Lao động: Thủ tướng Chính phủ quyết định cụ thể ngày nghỉ Tết Âm lịch và ngày nghỉ liền kề Quốc khánh (Điều 112 khoản 3) và có thể hoán đổi ngày làm việc; cập nhật khi có thông báo chính thức.',
  };
}

/** Every year the shipped calendar knows, oldest first: decided years, then provisional ones. */
export const calendarYears: readonly CalendarYear[] = [
  ...DECIDED_YEARS,
  ...Array.from(
    { length: LAST_YEAR - (FIRST_YEAR + DECIDED_YEARS.length) + 1 },
    (_, i) => FIRST_YEAR + DECIDED_YEARS.length + i,
  ).map(provisionalCalendarYear),
];
