/**
 * The demo members: about 2,000 invented people in the cells of the demo tree, with their transfers,
 * the 2015–2020 committees and the demo accounts linked to their records; and the person generator
 * (names, dates, jobs) that the synthetic country-sized dataset uses as well.
 *
 * The builders are pure: no I/O, no clock. Each cell's people come from a PRNG seeded by the cell's
 * code, so the dataset is the same on every run. Names are drawn from common Vietnamese family,
 * middle and given names; every person is invented.
 */

import { foldVietnamese, vietnameseNameSortKey } from '@daihoi/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { newId } from '../db/columns.js';
import { committeeSeats, members, memberTransfers } from '../modules/members/tables.js';
import { committeeTerms } from '../modules/organizations/tables.js';
import { users } from '../modules/users/tables.js';
import { type DemoOrganization, demoAccounts, demoTree, flattenDemoTree } from './dataset.js';

export type Random = () => number;
export type DemoGender = 'male' | 'female';
export type DemoTheoryLevel = 'so_cap' | 'trung_cap' | 'cao_cap' | 'cu_nhan';

// ---------------------------------------------------------------------------------------------------
// Randomness

/** FNV-1a of a string: seeds a PRNG from a name, so each organization's people are independent. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: small, fast and good enough for invented data. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const seededRandom = (text: string): Random => mulberry32(hashSeed(text));

export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** A picker over weighted choices (binary search on the cumulative weights). */
export function weighted<T>(items: Weighted<T>): (random: Random) => T {
  const values = items.map(([value]) => value);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of items) {
    total += weight;
    cumulative.push(total);
  }
  return (random) => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}

/** "Nguyễn 38; Trần 11": choices and their weights, the weight last in each entry. */
export function table(text: string): Weighted<string> {
  return text.split(';').map((entry) => {
    const item = entry.trim();
    const at = item.lastIndexOf(' ');
    return [item.slice(0, at), Number(item.slice(at + 1))] as const;
  });
}

export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Dates (ISO strings; day numbers since 1970-01-01, no time zone involved)

// Arithmetic on the calendar (H. Hinnant's days_from_civil and civil_from_days) rather than Date: a
// million invented lives need tens of millions of these, and formatted days are cached and shared.

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

export function dayOf(iso: string): number {
  const year = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const month = digit(iso, 5) * 10 + digit(iso, 6);
  const day = digit(iso, 8) * 10 + digit(iso, 9);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

const ISO_CACHE_FROM = dayOf('1900-01-01');
const ISO_CACHE_TO = dayOf('2100-01-01');
const isoCache: string[] = [];

function formatDay(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function isoOf(day: number): string {
  if (day < ISO_CACHE_FROM || day >= ISO_CACHE_TO) return formatDay(day);
  const index = day - ISO_CACHE_FROM;
  let iso = isoCache[index];
  if (iso === undefined) {
    iso = formatDay(day);
    isoCache[index] = iso;
  }
  return iso;
}

export function dateBetween(random: Random, from: string, to: string): string {
  const a = dayOf(from);
  const b = dayOf(to);
  return isoOf(a + Math.floor(random() * (b - a + 1)));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The same day `years` later; 29 February becomes 1 March in a common year (the day the age turns). */
function yearsAfter(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  const rest = iso.slice(4);
  if (rest === '-02-29' && !isLeapYear(year)) return `${year}-03-01`;
  return `${year}${rest}`;
}

const minIso = (a: string, b: string) => (a < b ? a : b);
const maxIso = (a: string, b: string) => (a > b ? a : b);

// ---------------------------------------------------------------------------------------------------
// Names

/**
 * Family names with shares close to the national ones (Nguyễn about 38%), shifted to Nghệ An where
 * the region differs: Hồ and Võ are more common there, Huỳnh (a southern form of Hoàng) rare.
 */
const FAMILY_NAMES: Weighted<string> = table(
  'Nguyễn 38; Trần 11; Lê 9.5; Phạm 5; Hoàng 4.5; Huỳnh 0.4; Phan 4.5; Võ 3; Vũ 1; Đặng 2.1; Bùi 2; Đỗ 1.4; Hồ 2.5; Ngô 1.3; Dương 1; Lý 0.5; Đinh 1; Đào 0.8; Cao 0.8; Chu 0.4; Thái 0.5; Trương 0.6; Lưu 0.3; Tăng 0.3; Mai 0.4; Hà 0.5; Đoàn 0.5; Lương 0.4; Kiều 0.2; Tạ 0.2',
);

/** Family names of the ethnic minorities of western Nghệ An. */
const MINORITY_FAMILY_NAMES: Readonly<Record<string, Weighted<string>>> = {
  Thái: table('Lô 4; Lương 3; Vi 3; Lang 2; Sầm 1; Quang 1; Ngân 1; Hà 1; Kha 1; Lữ 1'),
  'Khơ Mú': table('Moong 3; Lo 2; Xồng 1; Cụt 1; Hủn 1'),
  Thổ: table('Trương 2; Nguyễn 3; Đinh 1; Hoàng 1; Lê 1'),
  Mường: table('Hà 2; Bùi 2; Đinh 2; Quách 1; Trương 1'),
};

const MALE_MIDDLE_NAMES: Weighted<string> = table(
  'Đức 8; Hữu 7; Quang 6; Minh 6; Xuân 5; Đình 5; Công 4; Thanh 4; Ngọc 3; Trọng 3; Tiến 2; Mạnh 2; Bá 2; Duy 2; Viết 2; Sỹ 2; Khắc 2; Thế 2; Hồng 2; Anh 2; Kim 1; Chí 1; Trung 1',
);

const FEMALE_MIDDLE_NAMES: Weighted<string> = table(
  'Ngọc 6; Thu 5; Thanh 5; Hồng 5; Minh 4; Thúy 3; Kim 3; Phương 3; Mai 2; Hoài 2; Diệu 2; Bích 2; Khánh 2; Lan 1; Hải 1; Quỳnh 1',
);

/** The second of two middle names, after Văn or Thị ("Nguyễn Thị Thanh Hương"). */
const MALE_SECOND_MIDDLE_NAMES: Weighted<string> = table(
  'Anh 2; Minh 2; Quang 2; Đức 1; Hoàng 1; Ngọc 1; Xuân 1; Trung 1',
);

const FEMALE_SECOND_MIDDLE_NAMES: Weighted<string> = table(
  'Thanh 3; Mai 2; Thu 2; Ngọc 2; Hồng 2; Kim 1; Thúy 1; Minh 1; Phương 1; Hoài 1; Bích 1; Diệu 1',
);

const MALE_GIVEN_NAMES: Weighted<string> = table(
  'An 2; Bình 3; Cường 3; Chiến 2; Công 1; Dũng 4; Đạt 2; Định 1; Đức 3; Giang 1; Hải 4; Hậu 1; Hiếu 2; Hòa 2; Hoàng 2; Hùng 4; Hưng 3; Huy 2; Khánh 2; Kiên 1; Lâm 1; Lợi 1; Long 3; Lực 1; Minh 4; Nam 3; Nghĩa 2; Phong 2; Phúc 1; Quang 2; Quân 2; Sáng 1; Sơn 4; Tài 1; Tâm 2; Thái 1; Thắng 3; Thành 4; Thanh 2; Thịnh 1; Thuận 1; Tiến 2; Toàn 2; Trung 3; Trường 2; Tú 1; Tuấn 4; Tùng 2; Việt 2; Vinh 2; Vũ 1',
);

const FEMALE_GIVEN_NAMES: Weighted<string> = table(
  'Anh 3; Chi 1; Dung 3; Duyên 1; Giang 2; Hà 3; Hải 1; Hằng 3; Hạnh 2; Hậu 1; Hiền 3; Hoa 3; Hòa 1; Hồng 2; Hương 4; Huyền 2; Lan 3; Liên 2; Linh 3; Loan 2; Lý 1; Mai 3; My 1; Nga 3; Ngọc 2; Nhung 2; Oanh 2; Phương 3; Quyên 1; Quỳnh 2; Tâm 1; Thảo 3; Thơ 1; Thu 2; Thủy 3; Trang 3; Trinh 1; Tuyết 1; Vân 2; Xuân 1; Yến 2',
);

const pickFamily = weighted(FAMILY_NAMES);
const pickMinorityFamily = Object.fromEntries(
  Object.entries(MINORITY_FAMILY_NAMES).map(([ethnicity, names]) => [ethnicity, weighted(names)]),
);
const pickMaleMiddle = weighted(MALE_MIDDLE_NAMES);
const pickFemaleMiddle = weighted(FEMALE_MIDDLE_NAMES);
const pickMaleSecond = weighted(MALE_SECOND_MIDDLE_NAMES);
const pickFemaleSecond = weighted(FEMALE_SECOND_MIDDLE_NAMES);
const pickMaleGiven = weighted(MALE_GIVEN_NAMES);
const pickFemaleGiven = weighted(FEMALE_GIVEN_NAMES);

/**
 * A full name: family name, one or two middle names, given name. Văn and Thị grow rarer among people
 * born from the mid-1980s on; the given name never repeats a middle name.
 */
export function vietnameseName(
  random: Random,
  gender: DemoGender,
  birthYear: number,
  ethnicity = 'Kinh',
): string {
  const family = (pickMinorityFamily[ethnicity] ?? pickFamily)(random);
  const young = birthYear >= 1985;
  const middle: string[] = [];
  if (gender === 'male') {
    middle.push(random() < (young ? 0.2 : 0.42) ? 'Văn' : pickMaleMiddle(random));
    if (random() < 0.05) middle.push(pickMaleSecond(random));
  } else {
    const first = random() < (young ? 0.35 : 0.62) ? 'Thị' : pickFemaleMiddle(random);
    middle.push(first);
    if (random() < (first === 'Thị' ? 0.26 : 0.04)) middle.push(pickFemaleSecond(random));
  }
  if (middle.length === 2 && middle[0] === middle[1]) middle.pop();
  const pickGiven = gender === 'male' ? pickMaleGiven : pickFemaleGiven;
  let given = pickGiven(random);
  while (middle.includes(given)) given = pickGiven(random);
  return [family, ...middle, given].join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Place and people of Nghệ An

const NGHE_AN_DISTRICTS: Weighted<string> = table(
  'thành phố Vinh 32; thị xã Cửa Lò 7.5; thị xã Thái Hòa 7; thị xã Hoàng Mai 11; huyện Quỳnh Lưu 28; huyện Diễn Châu 29; huyện Yên Thành 28; huyện Thanh Chương 23; huyện Nghi Lộc 19; huyện Đô Lương 20; huyện Hưng Nguyên 12; huyện Nam Đàn 16; huyện Anh Sơn 11; huyện Tân Kỳ 14; huyện Nghĩa Đàn 13; huyện Quỳ Hợp 13; huyện Con Cuông 7.5; huyện Tương Dương 8; huyện Kỳ Sơn 7.5; huyện Quế Phong 7; huyện Quỳ Châu 6',
);

const NEIGHBOURING_HOMETOWNS: Weighted<string> = table(
  'huyện Can Lộc, tỉnh Hà Tĩnh 2; huyện Đức Thọ, tỉnh Hà Tĩnh 2; huyện Hương Sơn, tỉnh Hà Tĩnh 1; huyện Nghi Xuân, tỉnh Hà Tĩnh 1; thành phố Hà Tĩnh, tỉnh Hà Tĩnh 1; huyện Tĩnh Gia, tỉnh Thanh Hóa 1; huyện Hoằng Hóa, tỉnh Thanh Hóa 1',
);

/** Where the ethnic minorities of Nghệ An live: their hometowns are in the western districts. */
const MINORITY_DISTRICTS: Readonly<Record<string, Weighted<string>>> = {
  Thái: table(
    'huyện Quế Phong 3; huyện Quỳ Châu 3; huyện Quỳ Hợp 2; huyện Con Cuông 2; huyện Tương Dương 2; huyện Kỳ Sơn 1',
  ),
  'Khơ Mú': table('huyện Kỳ Sơn 3; huyện Tương Dương 2; huyện Quế Phong 1'),
  Thổ: table('huyện Nghĩa Đàn 3; huyện Tân Kỳ 2; huyện Quỳ Hợp 2; thị xã Thái Hòa 1'),
  Mường: table('huyện Tân Kỳ 2; huyện Tương Dương 1'),
};

const pickDistrict = weighted(NGHE_AN_DISTRICTS);
const pickNeighbour = weighted(NEIGHBOURING_HOMETOWNS);
const pickMinorityDistrict = Object.fromEntries(
  Object.entries(MINORITY_DISTRICTS).map(([ethnicity, places]) => [ethnicity, weighted(places)]),
);

const pickNgheAnEthnicity = weighted<string>(table('Kinh 92.5; Thái 4.5; Thổ 1.5; Mường 0.8; Khơ Mú 0.7'));

/** A hometown ("huyện Nam Đàn, tỉnh Nghệ An"); `localDistrict` is favoured for people of a ward or commune. */
function ngheAnHometown(random: Random, ethnicity: string, localDistrict?: string): string {
  const minority = pickMinorityDistrict[ethnicity];
  if (minority) return `${minority(random)}, tỉnh Nghệ An`;
  if (localDistrict && random() < 0.55) return `${localDistrict}, tỉnh Nghệ An`;
  if (random() < 0.06) return pickNeighbour(random);
  return `${pickDistrict(random)}, tỉnh Nghệ An`;
}

const MOBILE_PREFIXES = [
  '090',
  '093',
  '089',
  '091',
  '094',
  '088',
  '096',
  '097',
  '098',
  '086',
  '032',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '039',
  '081',
  '082',
  '083',
  '084',
  '085',
  '070',
  '076',
  '077',
  '078',
  '079',
];

function mobilePhone(random: Random): string {
  const prefix = MOBILE_PREFIXES[Math.floor(random() * MOBILE_PREFIXES.length)]!;
  return prefix + String(Math.floor(random() * 10_000_000)).padStart(7, '0');
}

/**
 * The party card number of the index-th card issued: an 8-digit string, different for every index
 * below 90,000,000 (an affine permutation: 48271 is prime to 90,000,000).
 */
export function cardNumberAt(index: number): string {
  return String(10_000_000 + ((index * 48_271 + 1_234_567) % 90_000_000));
}

// ---------------------------------------------------------------------------------------------------
// Work: titles and employers that match the organization

/** The head's and a deputy's titles of an agency, department, school, company… from its name. */
const HEAD_TITLES: readonly (readonly [RegExp, readonly [string, string]])[] = [
  [/^Sở /, ['Giám đốc', 'Phó Giám đốc']],
  [/^Văn phòng Đăng ký/, ['Giám đốc', 'Phó Giám đốc']],
  [/^Văn phòng/, ['Chánh Văn phòng', 'Phó Chánh Văn phòng']],
  [/^Thanh tra/, ['Chánh Thanh tra', 'Phó Chánh Thanh tra']],
  [/^Chi cục/, ['Chi cục trưởng', 'Phó Chi cục trưởng']],
  [/^Cục /, ['Cục trưởng', 'Phó Cục trưởng']],
  [/^Tòa án/, ['Chánh án', 'Phó Chánh án']],
  [/^Tòa /, ['Chánh tòa', 'Phó Chánh tòa']],
  [/^Viện Kiểm sát/, ['Viện trưởng', 'Phó Viện trưởng']],
  [/^Ban Quản lý dự án/, ['Giám đốc', 'Phó Giám đốc']],
  [/^Ban /, ['Trưởng ban', 'Phó Trưởng ban']],
  [/^Báo /, ['Tổng Biên tập', 'Phó Tổng Biên tập']],
  [/^Trường /, ['Hiệu trưởng', 'Phó Hiệu trưởng']],
  [/^Khoa /, ['Trưởng khoa', 'Phó Trưởng khoa']],
  [/^Phòng /, ['Trưởng phòng', 'Phó Trưởng phòng']],
  [/^Đội /, ['Đội trưởng', 'Phó Đội trưởng']],
  [/^Trạm /, ['Trưởng trạm', 'Phó Trưởng trạm']],
  [/^Tỉnh Đoàn/, ['Bí thư Tỉnh Đoàn', 'Phó Bí thư Tỉnh Đoàn']],
  [/^(Ủy ban Mặt trận|Hội |Liên minh|Liên hiệp|Liên đoàn)/, ['Chủ tịch', 'Phó Chủ tịch']],
  [/^Công an/, ['Trưởng Công an', 'Phó Trưởng Công an']],
];

export function headTitles(name: string): readonly [string, string] {
  for (const [pattern, titles] of HEAD_TITLES) if (pattern.test(name)) return titles;
  return ['Giám đốc', 'Phó Giám đốc'];
}

export const RESIDENTIAL = /^(khối|xóm|thôn|bản|tổ dân phố) /;
export const LOCALITY = /^(phường|xã|thị trấn) /;

/** The people who lead a ward or commune: its party secretary, the people's committee, the front. */
export function localityLeaders(locality: string): { title: string; employer: string }[] {
  return [
    { title: 'Bí thư Đảng ủy', employer: `Đảng ủy ${locality}` },
    { title: 'Phó Bí thư Thường trực Đảng ủy', employer: `Đảng ủy ${locality}` },
    { title: 'Chủ tịch Ủy ban nhân dân', employer: `Ủy ban nhân dân ${locality}` },
    { title: 'Phó Chủ tịch Ủy ban nhân dân', employer: `Ủy ban nhân dân ${locality}` },
    { title: 'Chủ tịch Ủy ban Mặt trận Tổ quốc', employer: `Ủy ban Mặt trận Tổ quốc ${locality}` },
  ];
}

const STAFF_TITLE_RULES: readonly (readonly [(dept: string, unit: string) => boolean, Weighted<string>])[] = [
  [(d, u) => /^Khoa /.test(d) && /bệnh tật/.test(u), table('Bác sĩ 4; Kỹ thuật viên 3; Điều dưỡng 3')],
  [(d) => /^Khoa /.test(d), table('Giảng viên 6; Giảng viên chính 3')],
  [(d) => /^Bệnh viện/.test(d), table('Bác sĩ 4; Điều dưỡng 4; Dược sĩ 1; Kỹ thuật viên 1')],
  [(d, u) => /^Trường (Mầm non|Tiểu học|THCS|THPT)/.test(d || u), table('Giáo viên 9; Nhân viên 1')],
  [(d) => /^Tòa /.test(d), table('Thẩm phán 3; Thư ký Tòa án 5; Thẩm tra viên 2')],
  [(d, u) => /^Viện Kiểm sát/.test(u) && !/^Văn phòng/.test(d), table('Kiểm sát viên 6; Kiểm tra viên 4')],
  [
    (d, u) => /^Thanh tra/.test(d) || (/^Thanh tra/.test(u) && !/^Văn phòng/.test(d)),
    table('Thanh tra viên 6; Thanh tra viên chính 3; Chuyên viên 2'),
  ],
  [
    (d, u) => /^Cục Thuế/.test(u) && !/^Văn phòng/.test(d),
    table('Kiểm tra viên thuế 5; Kiểm tra viên chính thuế 2; Chuyên viên 3'),
  ],
  [
    (d, u) => /Hải quan/.test(u) && !/^Văn phòng/.test(d),
    table('Kiểm tra viên hải quan 6; Công chức hải quan 4'),
  ],
  [(d, u) => /^Đội /.test(d) || /^Công an/.test(u), table('Cán bộ 5; Điều tra viên 2; Trinh sát viên 3')],
  [(d, u) => /^(Báo|Đài)/.test(u) && /Kỹ thuật/.test(d), table('Kỹ thuật viên 6; Kỹ sư 4')],
  [
    (d, u) => /^(Báo|Đài)/.test(u) && !/Hành chính|Tổ chức/.test(d),
    table('Phóng viên 5; Biên tập viên 4; Kỹ thuật viên 1'),
  ],
  [(d) => /^Thư viện/.test(d), table('Thư viện viên 7; Viên chức 3')],
  [(d) => /^Bảo tàng/.test(d), table('Viên chức 6; Hướng dẫn viên 2')],
  [(d) => /Huấn luyện/.test(d), table('Huấn luyện viên 6; Viên chức 4')],
  [(d) => /^(Xí nghiệp|Điện lực)|Kỹ thuật/.test(d), table('Kỹ sư 4; Công nhân kỹ thuật 5; Nhân viên 1')],
  [(d) => /^Bưu điện|vận chuyển/.test(d), table('Nhân viên 5; Giao dịch viên 3; Bưu tá 2')],
  [
    (_d, u) => /^Ngân hàng Nông nghiệp/.test(u),
    table('Cán bộ tín dụng 4; Giao dịch viên 3; Kế toán 2; Chuyên viên 1'),
  ],
  [(d, u) => /Kiểm lâm|bảo vệ rừng/.test(d + u), table('Kiểm lâm viên 7; Chuyên viên 3')],
  [
    (_d, u) => /^(Công ty|Viễn thông|Bưu điện)/.test(u),
    table('Nhân viên 4; Kỹ sư 3; Kế toán 2; Chuyên viên 1'),
  ],
  [(d) => /^Văn phòng/.test(d), table('Chuyên viên 5; Kế toán 2; Văn thư 1; Nhân viên 2')],
];

const DEFAULT_STAFF_TITLES = weighted(table('Chuyên viên 7; Chuyên viên chính 2; Cán sự 1'));
const STAFF_TITLE_PICKERS = STAFF_TITLE_RULES.map(([test, items]) => [test, weighted(items)] as const);

const RETIRED_TITLES = weighted(table('Cán bộ hưu trí 3; Cựu chiến binh 1'));
const TOWN_TITLES = weighted(
  table('Kinh doanh 7; Lao động tự do 5; Công nhân 3; Giáo viên 2; Nhân viên văn phòng 3'),
);
const VILLAGE_TITLES = weighted(
  table('Nông dân 9; Lao động tự do 4; Kinh doanh 3; Giáo viên 2; Công nhân 2'),
);

/** The organization a person works in, as a member record writes it. */
export interface WorkPlace {
  /** The agency, company, school, ward or commune (its name without "Đảng bộ" / "Chi bộ"). */
  unit: string;
  /** The department of a subordinate cell ("Phòng Ngân sách"), or null for a chi bộ cơ sở. */
  department: string | null;
}

/** "Phòng Ngân sách, Sở Tài chính"; a school under a ward is an employer of its own. */
export function employerOf(place: WorkPlace): string {
  const unit = place.unit.replace(/^Cơ quan /, '');
  if (!place.department || RESIDENTIAL.test(place.department)) return unit;
  if (/^(Trường|Trạm) /.test(place.department)) return place.department;
  return `${place.department}, ${unit}`;
}

/** What a member of a residential cell (khối, xóm) does: retired, or work of the town or the village. */
function residentialTitle(random: Random, place: WorkPlace, retired: boolean): string {
  if (retired) return RETIRED_TITLES(random);
  return /^(xóm|thôn|bản) /.test(place.department ?? '') ? VILLAGE_TITLES(random) : TOWN_TITLES(random);
}

/** The share of women among the members of a unit, from what it does. */
function femaleShare(place: WorkPlace): number {
  const text = `${place.department ?? ''} ${place.unit}`;
  if (/Phụ nữ/.test(text)) return 0.9;
  if (/Trường (Mầm non|Tiểu học)/.test(text)) return 0.85;
  if (/Cựu chiến binh/.test(text)) return 0.05;
  if (/^Đội |Công an/.test(text)) return 0.12;
  if (/Điện lực|Thủy lợi|Xí nghiệp|Kiểm lâm|bảo vệ rừng|Hải quan|Kỹ thuật/.test(text)) return 0.22;
  if (/Trường|Y tế|bệnh|Bệnh viện|Điều dưỡng|Y khoa|Bảo hiểm|Kho bạc|Kế toán|Thư viện/.test(text)) return 0.6;
  if (place.department && RESIDENTIAL.test(place.department)) return 0.45;
  return 0.48;
}

// ---------------------------------------------------------------------------------------------------
// Education and political theory

export type Rank = 'head' | 'deputy' | 'department_head' | 'department_deputy' | 'staff';

const EDUCATION_BY_RANK: Readonly<Record<Rank, (random: Random) => string>> = {
  head: weighted(table('12/12, Thạc sĩ 50; 12/12, Tiến sĩ 15; 12/12, Đại học 35')),
  deputy: weighted(table('12/12, Thạc sĩ 50; 12/12, Tiến sĩ 8; 12/12, Đại học 42')),
  department_head: weighted(table('12/12, Thạc sĩ 40; 12/12, Tiến sĩ 4; 12/12, Đại học 56')),
  department_deputy: weighted(table('12/12, Thạc sĩ 30; 12/12, Đại học 68; 12/12, Cao đẳng 2')),
  staff: weighted(
    table(
      '12/12, Đại học 62; 12/12, Thạc sĩ 20; 12/12, Tiến sĩ 1; 12/12, Cao đẳng 7; 12/12, Trung cấp 7; 12/12 3',
    ),
  ),
};

const ACADEMIC_EDUCATION = weighted(table('12/12, Thạc sĩ 50; 12/12, Tiến sĩ 25; 12/12, Đại học 25'));
const WORKER_EDUCATION = weighted(
  table('12/12, Trung cấp 25; 12/12, Cao đẳng 20; 12/12, Đại học 45; 12/12 10'),
);
/** Before the 12-year school of 1981, the North schooled ten years: "10/10". */
const OLDER_RESIDENT_EDUCATION = weighted(
  table('10/10 40; 12/12 30; 12/12, Trung cấp 17; 12/12, Đại học 13'),
);
const RESIDENT_EDUCATION = weighted(
  table('12/12 40; 12/12, Trung cấp 20; 12/12, Cao đẳng 15; 12/12, Đại học 25'),
);

function educationOf(
  random: Random,
  rank: Rank,
  place: WorkPlace,
  birthYear: number,
  residential: boolean,
): string {
  if (residential && rank !== 'head' && rank !== 'deputy') {
    return birthYear <= 1966 ? OLDER_RESIDENT_EDUCATION(random) : RESIDENT_EDUCATION(random);
  }
  if (rank === 'staff') {
    if (/^Khoa /.test(place.department ?? '') || /^Trường (Chính trị|Đại học)/.test(place.unit))
      return ACADEMIC_EDUCATION(random);
    if (/^(Xí nghiệp|Điện lực|Bưu điện)/.test(place.department ?? '')) return WORKER_EDUCATION(random);
  }
  return EDUCATION_BY_RANK[rank](random);
}

/** Cao cấp for heads of agencies and their deputies; trung cấp for department heads; mostly sơ cấp below. */
const THEORY_BY_RANK: Readonly<Record<Rank, (random: Random) => DemoTheoryLevel | null>> = {
  head: weighted<DemoTheoryLevel>([
    ['cao_cap', 85],
    ['cu_nhan', 15],
  ]),
  deputy: weighted<DemoTheoryLevel>([
    ['cao_cap', 72],
    ['cu_nhan', 10],
    ['trung_cap', 18],
  ]),
  department_head: weighted<DemoTheoryLevel>([
    ['trung_cap', 55],
    ['cao_cap', 40],
    ['cu_nhan', 5],
  ]),
  department_deputy: weighted<DemoTheoryLevel>([
    ['trung_cap', 75],
    ['cao_cap', 13],
    ['so_cap', 12],
  ]),
  staff: weighted<DemoTheoryLevel | null>([
    ['so_cap', 52],
    ['trung_cap', 30],
    ['cao_cap', 4],
    ['cu_nhan', 2],
    [null, 12],
  ]),
};

const RESIDENT_THEORY = weighted<DemoTheoryLevel | null>([
  ['so_cap', 70],
  ['trung_cap', 12],
  [null, 18],
]);
const PROBATIONER_THEORY = weighted<DemoTheoryLevel | null>([
  [null, 80],
  ['so_cap', 20],
]);

function theoryLevelOf(
  random: Random,
  rank: Rank,
  residential: boolean,
  probationary: boolean,
): DemoTheoryLevel | null {
  if (probationary) return PROBATIONER_THEORY(random);
  if (residential && rank === 'staff') return RESIDENT_THEORY(random);
  return THEORY_BY_RANK[rank](random);
}

// ---------------------------------------------------------------------------------------------------
// A member's dates

/** Admitted by then, a member has been made full 12 months (and a few days) later, before the date. */
const LAST_FULL_ADMISSION = '2019-02-20';
const PROBATION_FROM = '2019-03-20';
const PROBATION_TO = '2020-02-28';
/** Admitted then and still probationary on 15/03/2020: more than 12 months, overdue. */
const OVERDUE_FROM = '2019-01-03';
const OVERDUE_TO = '2019-03-08';

export interface LifeDates {
  birthDate: string;
  admittedOn: string;
  fullMemberOn: string | null;
}

/** A birth year in [from, to], nearer `to` for skew < 1 and nearer `from` for skew > 1. */
function birthYearIn(random: Random, from: number, to: number, skew = 1): number {
  const triangular = (random() + random()) / 2;
  return from + Math.floor((to - from + 1) * triangular ** skew);
}

/**
 * Birth, admission at 18–40 (most in their twenties) and full membership 12 months later, with the
 * admission no later than `latestAdmission`. `probation`: still probationary on the reference date,
 * `overdue` past the 12 months.
 */
function lifeDates(
  random: Random,
  birthYear: number,
  opts: { latestAdmission?: string; probation?: 'current' | 'overdue' } = {},
): LifeDates {
  const firstDay = dayOf(`${birthYear}-01-01`);
  const birthDate = isoOf(firstDay + Math.floor(random() * (dayOf(`${birthYear + 1}-01-01`) - firstDay)));
  const earliest = yearsAfter(birthDate, 18);
  if (opts.probation) {
    const [from, to] =
      opts.probation === 'overdue' ? [OVERDUE_FROM, OVERDUE_TO] : [PROBATION_FROM, PROBATION_TO];
    const admittedOn = dateBetween(random, maxIso(from, earliest), to);
    return { birthDate, admittedOn, fullMemberOn: null };
  }
  const latest = minIso(opts.latestAdmission ?? LAST_FULL_ADMISSION, yearsAfter(birthDate, 40));
  // Most people are admitted in their twenties: a triangular draw bent towards the younger end.
  const age = 18 + 22 * ((random() + random()) / 2) ** 1.5;
  const drawn = isoOf(dayOf(earliest) + Math.floor((age - 18) * 365.25));
  const admittedOn = drawn > latest ? dateBetween(random, minIso(earliest, latest), latest) : drawn;
  const fullMemberOn = isoOf(dayOf(yearsAfter(admittedOn, 1)) + randomInt(random, 0, 20));
  return { birthDate, admittedOn: maxIso(admittedOn, earliest), fullMemberOn };
}

/** What one cell is, for the people invented in it: computed once per cell. */
export interface CellContext {
  place: WorkPlace;
  residential: boolean;
  foundedOn: string;
  femaleShare: number;
  employer: string;
  staffTitle: (random: Random) => string;
  ethnicity: (random: Random) => string;
  hometown: (random: Random, ethnicity: string) => string;
}

export function cellContext(
  place: WorkPlace,
  opts: Pick<CellContext, 'foundedOn' | 'ethnicity' | 'hometown'>,
): CellContext {
  const dept = place.department ?? '';
  const rule = STAFF_TITLE_PICKERS.find(([test]) => test(dept, place.unit));
  return {
    place,
    residential: RESIDENTIAL.test(dept),
    femaleShare: femaleShare(place),
    employer: employerOf(place),
    staffTitle: rule ? rule[1] : DEFAULT_STAFF_TITLES,
    ...opts,
  };
}

export interface PersonSlot {
  rank: Rank;
  /** The job, when the slot is a post (Giám đốc, Trưởng phòng, Trưởng khối…). */
  title?: string;
  employer?: string | null;
  fullName?: string;
  birthYear?: number;
  mayBeProbationary?: boolean;
}

export interface InventedMember {
  fullName: string;
  gender: DemoGender;
  birthYear: number;
  birthDate: string;
  ethnicity: string;
  hometown: string;
  admittedOn: string;
  fullMemberOn: string | null;
  status: 'full' | 'probationary';
  educationLevel: string;
  theoryLevel: DemoTheoryLevel | null;
  jobTitle: string | null;
  employer: string | null;
  phone: string | null;
  isLeader: boolean;
  joinedOrganizationOn: string;
}

const LATEST_ADMISSION: Readonly<Record<Rank, string>> = {
  head: '2000-12-31',
  deputy: '2006-12-31',
  department_head: '2009-12-31',
  department_deputy: '2011-12-31',
  staff: '2019-02-20',
};
/** Those who hold posts were elected in 2015: they had joined their organization before the congresses. */
const LAST_JOINING_BEFORE_CONGRESS = '2014-12-31';

/**
 * One invented member of a cell. Heads of agencies were born in the 1960s and hold cao cấp; residents of a
 * khối or xóm are older, many retired; some young staff are still probationary.
 */
export function inventMember(random: Random, cell: CellContext, slot: PersonSlot): InventedMember {
  const { rank } = slot;
  const { residential } = cell;
  const leading = rank === 'head' || rank === 'deputy';
  const residentOfficer = residential && (rank === 'department_head' || rank === 'department_deputy');
  const ethnicity = cell.ethnicity(random);
  const share = cell.femaleShare;
  const womenShare = leading ? share * 0.5 : rank === 'staff' ? Math.min(0.95, share * 1.1) : share * 0.8;
  const gender: DemoGender = slot.fullName
    ? slot.fullName.split(' ').includes('Thị')
      ? 'female'
      : 'male'
    : random() < womenShare
      ? 'female'
      : 'male';
  const female = gender === 'female';
  let birthYear: number;
  if (slot.birthYear !== undefined) birthYear = slot.birthYear;
  else if (rank === 'head') birthYear = birthYearIn(random, female ? 1965 : 1960, 1971);
  else if (rank === 'deputy') birthYear = birthYearIn(random, female ? 1965 : 1962, 1978);
  else if (residentOfficer && rank === 'department_head')
    birthYear = birthYearIn(random, 1958, female ? 1964 : 1960);
  else if (residentOfficer) birthYear = birthYearIn(random, 1960, 1978);
  else if (rank === 'department_head') birthYear = birthYearIn(random, female ? 1966 : 1964, 1982);
  else if (rank === 'department_deputy') birthYear = birthYearIn(random, female ? 1966 : 1964, 1987);
  else if (residential) birthYear = birthYearIn(random, 1958, 1992, 1.6);
  else birthYear = birthYearIn(random, female ? 1965 : 1960, 1997, 0.85);
  const probation =
    rank === 'staff' &&
    slot.mayBeProbationary !== false &&
    birthYear >= 1981 &&
    random() < (residential ? 0.06 : 0.1)
      ? ('current' as const)
      : undefined;
  const latestAdmission = residentOfficer ? '2008-12-31' : LATEST_ADMISSION[rank];
  const dates = lifeDates(random, birthYear, probation ? { probation } : { latestAdmission });
  const fullName = slot.fullName ?? vietnameseName(random, gender, birthYear, ethnicity);
  const retired = residential && rank !== 'department_deputy' && birthYear <= (female ? 1965 : 1960);
  let jobTitle: string | null;
  let employer: string | null;
  if (slot.title !== undefined) {
    jobTitle = slot.title;
    employer = slot.employer ?? null;
  } else if (residential) {
    jobTitle = residentialTitle(random, cell.place, retired || rank === 'department_head');
    employer = null;
  } else {
    jobTitle = cell.staffTitle(random);
    employer = cell.employer;
  }
  const joinedFrom = maxIso(dates.admittedOn, cell.foundedOn);
  let joinedOrganizationOn: string;
  if (probation) joinedOrganizationOn = dates.admittedOn;
  else if (rank !== 'staff')
    joinedOrganizationOn = dateBetween(random, joinedFrom, maxIso(joinedFrom, LAST_JOINING_BEFORE_CONGRESS));
  else
    joinedOrganizationOn =
      random() < 0.5 ? joinedFrom : dateBetween(random, joinedFrom, maxIso(joinedFrom, '2019-12-31'));
  return {
    fullName,
    gender,
    birthYear,
    birthDate: dates.birthDate,
    ethnicity,
    hometown: cell.hometown(random, ethnicity),
    admittedOn: dates.admittedOn,
    fullMemberOn: dates.fullMemberOn,
    status: probation ? 'probationary' : 'full',
    educationLevel: educationOf(random, residentOfficer ? 'staff' : rank, cell.place, birthYear, residential),
    theoryLevel: theoryLevelOf(
      random,
      residentOfficer ? 'department_deputy' : rank,
      residential,
      probation !== undefined,
    ),
    jobTitle,
    employer,
    phone: random() < 0.75 ? mobilePhone(random) : null,
    isLeader: leading || (!residential && rank !== 'staff'),
    joinedOrganizationOn,
  };
}

// ---------------------------------------------------------------------------------------------------
// The demo members: people for every cell of the demo tree, their transfers and the 2015–2020 committees

export type DemoMemberStatus = 'probationary' | 'full' | 'transferred_out';
export type DemoSeatPosition =
  | 'secretary'
  | 'deputy_secretary'
  | 'standing_committee'
  | 'committee_member'
  | 'inspection_chair'
  | 'inspection_member';

export interface DemoMember {
  /** Stable within the dataset: the cell's code and a serial ("NA-DUK-STC-CB02/07"). */
  key: string;
  organizationCode: string;
  fullName: string;
  cardNumber: string | null;
  gender: DemoGender;
  birthDate: string;
  ethnicity: string;
  hometown: string;
  admittedOn: string;
  fullMemberOn: string | null;
  status: DemoMemberStatus;
  educationLevel: string;
  theoryLevel: DemoTheoryLevel | null;
  jobTitle: string | null;
  employer: string | null;
  phone: string | null;
  isLeader: boolean;
  joinedOrganizationOn: string;
}

export interface DemoTransfer {
  memberKey: string;
  fromOrganizationCode: string;
  /** Null: the member left for an organization outside the system, named by `destination`. */
  toOrganizationCode: string | null;
  destination: string | null;
  transferredOn: string;
  reason: string;
  status: 'applied' | 'pending';
}

/**
 * One seat per position held: a committee member holds exactly one of secretary, deputy_secretary,
 * standing_committee (the standing committee's other members) and committee_member, and may also hold
 * inspection_chair or inspection_member; an inspection member need not sit on the committee.
 */
export interface DemoSeat {
  organizationCode: string;
  termName: string;
  memberKey: string;
  position: DemoSeatPosition;
}

export interface DemoMembers {
  members: DemoMember[];
  transfers: DemoTransfer[];
  seats: DemoSeat[];
  /** Demo accounts linked to their member record (users.member_id). */
  accountLinks: { username: string; memberKey: string }[];
}

export const DEMO_MEMBER_TARGET = 2000;
export const DEMO_CELL_MIN = 5;
export const DEMO_CELL_MAX = 40;
export const DEMO_COMMITTEE_TERM = '2015–2020';
const CELL_KINDS: ReadonlySet<string> = new Set(['subordinate_cell', 'grassroots_cell']);
const UNIT_KINDS: ReadonlySet<string> = new Set([
  'grassroots_organization',
  'grassroots_cell',
  'sub_grassroots_organization',
]);

/** People whose names the demo accounts carry: the accounts' holders, found in the registry too. */
const NAMED_PEOPLE: readonly { username: string; unitCode?: string; cellCode?: string; linked: boolean }[] = [
  { username: 'bithu.stc', unitCode: 'NA-DUK-STC', linked: true },
  { username: 'dangvien', cellCode: 'NA-DUK-STC-CB02', linked: true },
  { username: 'bithu', unitCode: 'NA-DUK-VPUB', linked: false },
  { username: 'kiemtra', unitCode: 'NA-DUK-TTT', linked: false },
];
const BLOC_CODE = 'NA-DUK';
const BLOC_SECRETARY_UNIT = 'NA-DUK-VPUB';
const BLOC_INSPECTION_CHAIR_UNIT = 'NA-DUK-TTT';

const pickMinority = weighted(table('Thái 5; Khơ Mú 2; Thổ 2; Mường 1'));

const TRANSFER_REASONS = [
  'Điều động công tác',
  'Chuyển công tác theo nguyện vọng cá nhân',
  'Luân chuyển cán bộ',
  'Tiếp nhận và bổ nhiệm cán bộ',
];
const LEAVING_FOR = ['Đảng bộ tỉnh Hà Tĩnh', 'Đảng bộ thành phố Hà Nội'];

interface Draft {
  member: DemoMember;
  rank: Rank;
  unitCode: string;
  /** The cell's secretary (0) or deputy secretary (1), when chosen for it. */
  cellOfficer: 0 | 1 | null;
  residential: boolean;
  named: boolean;
  birthYear: number;
  /** The unit's head is 0, its deputies follow in the order of their posts. */
  leaderOrder: number | null;
}

/** The name of the agency, department, ward… an organization stands for. */
export function unitNameOf(organizationName: string): string {
  return organizationName.replace(/^(Đảng bộ bộ phận|Đảng bộ|Chi bộ) /, '');
}

type Entry = ReturnType<typeof flattenDemoTree>[number];

function cellWeight(entry: Entry, firstOfUnit: boolean): number {
  const random = seededRandom(`${entry.org.code}/size`);
  const name = unitNameOf(entry.org.name);
  if (entry.org.kind === 'grassroots_cell')
    return /^Trường /.test(name) ? randomInt(random, 18, 28) : randomInt(random, 7, 16);
  if (RESIDENTIAL.test(name)) return randomInt(random, 24, 38);
  if (/^(Trường|Trạm) /.test(name)) return randomInt(random, 8, 14);
  if (/^Đội /.test(name)) return randomInt(random, 10, 20);
  if (firstOfUnit) return randomInt(random, 11, 18);
  if (
    /^(Chi cục|Trung tâm|Bệnh viện|Xí nghiệp|Điện lực|Bưu điện|Bảo tàng|Thư viện|Văn phòng Đăng ký)/.test(
      name,
    )
  )
    return randomInt(random, 10, 20);
  return randomInt(random, 6, 12);
}

/** Members per cell: weights by what the cell is, scaled to the target total, each within 5–40. */
function demoCellSizes(cells: readonly Entry[], firstCells: ReadonlySet<string>, target: number) {
  const weights = cells.map((cell) => cellWeight(cell, firstCells.has(cell.org.code)));
  const total = weights.reduce((a, b) => a + b, 0);
  const lower = cells.map((cell) => (firstCells.has(cell.org.code) ? 9 : DEMO_CELL_MIN));
  const sizes = weights.map((w, i) =>
    Math.min(DEMO_CELL_MAX, Math.max(lower[i]!, Math.round((w * target) / total))),
  );
  const order = weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let sum = sizes.reduce((a, b) => a + b, 0);
  while (sum !== target) {
    let moved = false;
    for (const [, i] of order) {
      if (sum === target) break;
      if (sum < target && sizes[i]! < DEMO_CELL_MAX) {
        sizes[i]! += 1;
        sum += 1;
        moved = true;
      } else if (sum > target && sizes[i]! > lower[i]!) {
        sizes[i]! -= 1;
        sum -= 1;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return new Map(cells.map((cell, i) => [cell.org.code, sizes[i]!]));
}

const termOf = (org: DemoOrganization) => org.terms.find((t) => t.name === DEMO_COMMITTEE_TERM)!;

/** Builds the demo members afresh: the same on every call. */
export function buildDemoMembers(tree: DemoOrganization = demoTree): DemoMembers {
  const flat = flattenDemoTree(tree);
  const children = new Map<string, Entry[]>();
  for (const entry of flat) {
    if (!entry.parentCode) continue;
    const list = children.get(entry.parentCode) ?? [];
    list.push(entry);
    children.set(entry.parentCode, list);
  }
  const units = flat.filter((entry) => UNIT_KINDS.has(entry.org.kind));
  const cellsOfUnit = new Map(
    units.map((unit) => [
      unit.org.code,
      unit.org.kind === 'grassroots_cell'
        ? [unit]
        : (children.get(unit.org.code) ?? []).filter((c) => c.org.kind === 'subordinate_cell'),
    ]),
  );
  const firstCells = new Set(
    units
      .filter((unit) => !LOCALITY.test(unitNameOf(unit.org.name)))
      .map((unit) => cellsOfUnit.get(unit.org.code)![0]?.org.code)
      .filter((code): code is string => code !== undefined),
  );
  const cells = flat.filter((entry) => CELL_KINDS.has(entry.org.kind));
  const sizes = demoCellSizes(cells, firstCells, DEMO_MEMBER_TARGET);
  const subtreeSize = (code: string): number =>
    (sizes.get(code) ?? 0) + (children.get(code) ?? []).reduce((n, c) => n + subtreeSize(c.org.code), 0);
  const accountName = (username: string) => demoAccounts.find((a) => a.username === username)!.displayName;

  const drafts: Draft[] = [];
  const draftsByUnit = new Map<string, Draft[]>();
  const draftsByCell = new Map<string, Draft[]>();

  for (const unit of units) {
    const unitName = unitNameOf(unit.org.name);
    const unitCells = cellsOfUnit.get(unit.org.code)!;
    if (unitCells.length === 0) continue;
    const upper = unit.org.code.split('-').slice(0, 2).join('-');
    const localDistrict =
      upper === 'NA-VINH' ? 'thành phố Vinh' : upper === 'NA-NGHILOC' ? 'huyện Nghi Lộc' : undefined;
    const employer = employerOf({ unit: unitName, department: null });
    const total = subtreeSize(unit.org.code);
    const locality = LOCALITY.test(unitName);
    const [headTitle, deputyTitle] = headTitles(unitName.replace(/^Cơ quan /, ''));
    const leaders = locality
      ? localityLeaders(unitName).map((l, i) => ({ rank: (i === 0 ? 'head' : 'deputy') as Rank, ...l }))
      : [
          { rank: 'head' as Rank, title: headTitle, employer },
          ...Array.from({ length: total >= 70 ? 3 : total >= 35 ? 2 : 1 }, () => ({
            rank: 'deputy' as Rank,
            title: deputyTitle,
            employer,
          })),
        ];
    // Leaders of an agency sit in its first cell; those of a ward or commune live in its residential cells.
    const homes = locality ? unitCells.filter((c) => RESIDENTIAL.test(unitNameOf(c.org.name))) : [];
    const leadersByCell = new Map<string, ((typeof leaders)[number] & { order: number })[]>();
    for (const [i, leader] of leaders.entries()) {
      const home = homes.length > 0 ? homes[i % homes.length]! : unitCells[0]!;
      leadersByCell.set(home.org.code, [
        ...(leadersByCell.get(home.org.code) ?? []),
        { ...leader, order: i },
      ]);
    }

    for (const cell of unitCells) {
      const random = seededRandom(`${cell.org.code}/members`);
      const grassrootsCell = cell.org.kind === 'grassroots_cell';
      const department = grassrootsCell ? null : unitNameOf(cell.org.name);
      const place: WorkPlace = { unit: unitName, department };
      const residential = department !== null && RESIDENTIAL.test(department);
      const size = sizes.get(cell.org.code)!;
      const [deptHeadTitle, deptDeputyTitle] = department ? headTitles(department) : ['', ''];
      const slots: {
        rank: Rank;
        title?: string;
        employer?: string;
        officer: 0 | 1 | null;
        order?: number;
        username?: string;
      }[] = [];
      for (const leader of leadersByCell.get(cell.org.code) ?? []) slots.push({ ...leader, officer: null });
      if (grassrootsCell) {
        slots[0]!.officer = 0;
        slots[1]!.officer = 1;
      } else if (residential) {
        const village = department!.split(' ')[0];
        slots.push({ rank: 'department_head', officer: 0 });
        slots.push({
          rank: 'department_deputy',
          title: `Trưởng ${village}`,
          employer: `${department}, ${unitName}`,
          officer: 1,
        });
      } else {
        const deptEmployer = employerOf(place);
        slots.push({ rank: 'department_head', title: deptHeadTitle, employer: deptEmployer, officer: 0 });
        slots.push({ rank: 'department_deputy', title: deptDeputyTitle, employer: deptEmployer, officer: 1 });
      }
      for (const named of NAMED_PEOPLE) {
        if (named.unitCode === unit.org.code && cell === unitCells[0]) {
          const head = slots.find((s) => s.rank === 'head');
          if (head) head.username = named.username;
        }
        if (named.cellCode === cell.org.code)
          slots.push({ rank: 'staff', officer: null, username: named.username });
      }
      while (slots.length < size) slots.push({ rank: 'staff', officer: null });

      const ctx = cellContext(place, {
        foundedOn: cell.org.foundedOn ?? '1990-01-01',
        ethnicity: (r) =>
          /Dân tộc/.test(unitName) && r() < 0.4
            ? pickMinority(r)
            : localDistrict && r() < 0.8
              ? 'Kinh'
              : pickNgheAnEthnicity(r),
        hometown: (r, ethnicity) => ngheAnHometown(r, ethnicity, localDistrict),
      });
      slots.forEach((slot, index) => {
        const { rank } = slot;
        const namedName = slot.username ? accountName(slot.username) : undefined;
        const dangvien = slot.username === 'dangvien';
        const { birthYear, ...person } = inventMember(random, ctx, {
          rank,
          ...(slot.title !== undefined ? { title: slot.title, employer: slot.employer ?? null } : {}),
          ...(dangvien ? { title: 'Chuyên viên', employer: ctx.employer, birthYear: 1988 } : {}),
          ...(namedName ? { fullName: namedName, mayBeProbationary: false } : {}),
        });
        const member: DemoMember = {
          key: `${cell.org.code}/${String(index + 1).padStart(2, '0')}`,
          organizationCode: cell.org.code,
          cardNumber: null,
          ...person,
        };
        const draft: Draft = {
          member,
          rank,
          unitCode: unit.org.code,
          cellOfficer: slot.officer,
          residential,
          named: slot.username !== undefined,
          birthYear,
          leaderOrder: slot.order ?? null,
        };
        drafts.push(draft);
        draftsByUnit.set(unit.org.code, [...(draftsByUnit.get(unit.org.code) ?? []), draft]);
        draftsByCell.set(cell.org.code, [...(draftsByCell.get(cell.org.code) ?? []), draft]);
      });
    }
  }

  // Two or three probationary members whose 12 months have passed without a decision.
  const overdueRandom = seededRandom('demo/probation-overdue');
  const probationers = drafts.filter((d) => d.member.status === 'probationary');
  for (const draft of shuffled(overdueRandom, probationers).slice(0, 3)) {
    const dates = lifeDates(overdueRandom, draft.birthYear, { probation: 'overdue' });
    draft.member.admittedOn = dates.admittedOn;
    draft.member.joinedOrganizationOn = dates.admittedOn;
  }

  const transfers = demoTransfers(drafts, cellsOfUnit);

  let cardIndex = 0;
  for (const draft of drafts) {
    if (draft.member.status !== 'probationary') draft.member.cardNumber = cardNumberAt(cardIndex++);
  }

  const seats = demoSeats(flat, draftsByUnit, draftsByCell, cellsOfUnit, children, subtreeSize);

  const accountLinks = NAMED_PEOPLE.filter((p) => p.linked).map((p) => ({
    username: p.username,
    memberKey: drafts.find((d) => d.named && d.member.fullName === accountName(p.username) && inScope(d, p))!
      .member.key,
  }));

  return { members: drafts.map((d) => d.member), transfers, seats, accountLinks };
}

function inScope(draft: Draft, person: (typeof NAMED_PEOPLE)[number]): boolean {
  return person.cellCode
    ? draft.member.organizationCode === person.cellCode
    : draft.unitCode === person.unitCode;
}

/** A handful of transfers between agencies of the bloc in 2018–2019, one pending, two leaving the province. */
function demoTransfers(drafts: readonly Draft[], cellsOfUnit: ReadonlyMap<string, Entry[]>): DemoTransfer[] {
  const random = seededRandom('demo/transfers');
  const grassrootsOf = (code: string) => code.split('-').slice(0, 3).join('-');
  const movable = (d: Draft) =>
    d.rank === 'staff' &&
    !d.named &&
    !d.residential &&
    d.member.status === 'full' &&
    d.member.admittedOn < '2017-01-01';
  const blocStaff = shuffled(
    random,
    drafts.filter((d) => movable(d) && d.member.organizationCode.startsWith(`${BLOC_CODE}-`)),
  );
  const otherCells = (exclude: string, prefix: string) =>
    [...cellsOfUnit.entries()]
      .filter(([unit]) => unit.startsWith(prefix) && grassrootsOf(unit) !== exclude)
      .flatMap(([, cells]) => cells.map((c) => c.org.code));
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const reason = () => pick(TRANSFER_REASONS);
  const out: DemoTransfer[] = [];
  const used = new Set<Draft>();

  // Applied: from an agency of the bloc (one from the enterprises' bloc) to where they are now.
  for (let i = 0; i < 7; i++) {
    const draft = blocStaff[i]!;
    used.add(draft);
    const here = grassrootsOf(draft.member.organizationCode);
    const from = pick(otherCells(here, i === 6 ? 'NA-DKDN-' : `${BLOC_CODE}-`));
    const transferredOn = dateBetween(random, '2018-01-15', '2019-11-29');
    if (i === 0) {
      // Two moves: 2018 into one agency, 2019 on into the present one.
      const first = pick(
        otherCells(grassrootsOf(from), `${BLOC_CODE}-`).filter((c) => grassrootsOf(c) !== here),
      );
      const firstOn = dateBetween(random, '2018-02-01', '2018-08-31');
      const secondOn = dateBetween(random, '2019-03-01', '2019-10-31');
      out.push({
        memberKey: draft.member.key,
        fromOrganizationCode: first,
        toOrganizationCode: from,
        destination: null,
        transferredOn: firstOn,
        reason: reason(),
        status: 'applied',
      });
      out.push({
        memberKey: draft.member.key,
        fromOrganizationCode: from,
        toOrganizationCode: draft.member.organizationCode,
        destination: null,
        transferredOn: secondOn,
        reason: reason(),
        status: 'applied',
      });
      draft.member.joinedOrganizationOn = secondOn;
      continue;
    }
    out.push({
      memberKey: draft.member.key,
      fromOrganizationCode: from,
      toOrganizationCode: draft.member.organizationCode,
      destination: null,
      transferredOn,
      reason: reason(),
      status: 'applied',
    });
    draft.member.joinedOrganizationOn = transferredOn;
  }

  // Pending: decided in March 2020, effective on 1 April; until then the member stays where they are.
  const pending = blocStaff[7]!;
  used.add(pending);
  out.push({
    memberKey: pending.member.key,
    fromOrganizationCode: pending.member.organizationCode,
    toOrganizationCode: pick(otherCells(grassrootsOf(pending.member.organizationCode), `${BLOC_CODE}-`)),
    destination: null,
    transferredOn: '2020-04-01',
    reason: 'Điều động công tác',
    status: 'pending',
  });

  // Leaving the province: the record stays with its last organization, status transferred_out.
  const leavers = shuffled(
    random,
    drafts.filter((d) => movable(d) && !used.has(d)),
  ).slice(0, 2);
  leavers.forEach((draft, i) => {
    draft.member.status = 'transferred_out';
    out.push({
      memberKey: draft.member.key,
      fromOrganizationCode: draft.member.organizationCode,
      toOrganizationCode: null,
      transferredOn: dateBetween(random, '2019-04-01', '2019-12-16'),
      destination: LEAVING_FOR[i % LEAVING_FOR.length]!,
      reason: 'Chuyển công tác ra ngoài tỉnh',
      status: 'applied',
    });
  });
  return out;
}

/** Committees of the 2015–2020 term: every cell, sub-grassroots and grassroots organization, and the bloc. */
function demoSeats(
  flat: readonly Entry[],
  draftsByUnit: ReadonlyMap<string, Draft[]>,
  draftsByCell: ReadonlyMap<string, Draft[]>,
  cellsOfUnit: ReadonlyMap<string, Entry[]>,
  children: ReadonlyMap<string, Entry[]>,
  subtreeSize: (code: string) => number,
): DemoSeat[] {
  const seats: DemoSeat[] = [];
  const add = (org: DemoOrganization, draft: Draft, position: DemoSeatPosition): void => {
    seats.push({
      organizationCode: org.code,
      termName: DEMO_COMMITTEE_TERM,
      memberKey: draft.member.key,
      position,
    });
  };
  const eligible = (org: DemoOrganization) => {
    const startsOn = termOf(org).startsOn;
    return (d: Draft) =>
      d.member.status === 'full' &&
      d.member.fullMemberOn !== null &&
      d.member.fullMemberOn < startsOn &&
      d.member.joinedOrganizationOn <= startsOn;
  };
  const unique = (drafts: readonly (Draft | undefined)[]) => [
    ...new Set(drafts.filter((d) => d !== undefined)),
  ];
  const leadersOf = (unitCode: string) => {
    const drafts = draftsByUnit.get(unitCode) ?? [];
    return {
      head: drafts.find((d) => d.rank === 'head'),
      deputies: drafts
        .filter((d) => d.rank === 'deputy')
        .sort((a, b) => (a.leaderOrder ?? 0) - (b.leaderOrder ?? 0)),
    };
  };
  const officersOf = (cellCodes: readonly string[], which: 0 | 1) =>
    cellCodes.flatMap((code) => (draftsByCell.get(code) ?? []).filter((d) => d.cellOfficer === which));

  for (const { org } of flat) {
    const ok = eligible(org);
    if (CELL_KINDS.has(org.kind)) {
      const drafts = draftsByCell.get(org.code) ?? [];
      const [secretary, deputy] = unique([
        ...drafts.filter((d) => d.cellOfficer === 0),
        ...drafts.filter((d) => d.cellOfficer === 1),
        ...drafts,
      ]).filter(ok);
      if (secretary) add(org, secretary, 'secretary');
      if (deputy) add(org, deputy, 'deputy_secretary');
      continue;
    }
    if (org.kind === 'sub_grassroots_organization') {
      const { head, deputies } = leadersOf(org.code);
      const cellCodes = (cellsOfUnit.get(org.code) ?? []).map((c) => c.org.code);
      const committee = unique([head, ...deputies, ...officersOf(cellCodes, 0), ...officersOf(cellCodes, 1)])
        .filter(ok)
        .slice(0, 5);
      for (const [i, d] of committee.entries())
        add(org, d, i === 0 ? 'secretary' : i === 1 ? 'deputy_secretary' : 'committee_member');
      continue;
    }
    if (org.kind !== 'grassroots_organization') continue;
    const { head, deputies } = leadersOf(org.code);
    const subs = (children.get(org.code) ?? []).filter((c) => c.org.kind === 'sub_grassroots_organization');
    const cellCodes = (cellsOfUnit.get(org.code) ?? []).map((c) => c.org.code);
    const candidates = unique([
      head,
      ...deputies,
      ...subs.map((s) => leadersOf(s.org.code).head),
      ...officersOf(cellCodes, 0),
      ...subs.flatMap((s) => leadersOf(s.org.code).deputies),
      ...officersOf(cellCodes, 1),
    ]).filter(ok);
    const members = subtreeSize(org.code);
    const size = Math.min(candidates.length, members < 50 ? 5 : members < 100 ? 7 : 9);
    const committee = candidates.slice(0, size);
    // A ward's or commune's people's committee chairman is its second deputy secretary.
    const deputySecretaries = LOCALITY.test(unitNameOf(org.name)) ? 2 : 1;
    const standing = size >= 9 ? 3 : 1 + deputySecretaries;
    for (const [i, d] of committee.entries()) {
      const position =
        i === 0
          ? 'secretary'
          : i <= deputySecretaries
            ? 'deputy_secretary'
            : i < standing
              ? 'standing_committee'
              : 'committee_member';
      add(org, d, position);
    }
    // Ủy ban kiểm tra: a chair from the committee (the inspectorate's head where there is one),
    // another committee member, and one member from outside the committee.
    const plain = committee.slice(standing);
    const chair =
      plain.find((d) => d.cellOfficer === 0 && /^Thanh tra/.test(d.member.employer ?? '')) ?? plain[0];
    if (!chair) continue;
    add(org, chair, 'inspection_chair');
    const inspectors = unique([
      plain.find((d) => d !== chair),
      candidates[size],
      ...(draftsByUnit.get(org.code) ?? []).filter((d) => d.rank === 'staff').filter(ok),
    ]).filter((d) => d !== chair);
    for (const d of inspectors.slice(0, 2)) add(org, d, 'inspection_member');
  }

  // The bloc's committee: heads of its grassroots organizations, the largest first.
  const bloc = flat.find((e) => e.org.code === BLOC_CODE)?.org;
  if (bloc) {
    const ok = eligible(bloc);
    const grassroots = (children.get(BLOC_CODE) ?? [])
      .map((c) => c.org.code)
      .sort((a, b) => subtreeSize(b) - subtreeSize(a) || (a < b ? -1 : 1));
    const head = (code: string) => leadersOf(code).head;
    const secretary = head(BLOC_SECRETARY_UNIT)!;
    const chair = head(BLOC_INSPECTION_CHAIR_UNIT)!;
    const others = unique(grassroots.map(head)).filter((d) => d !== secretary && d !== chair && ok(d));
    add(bloc, secretary, 'secretary');
    for (const d of others.slice(0, 2)) add(bloc, d, 'deputy_secretary');
    add(bloc, chair, 'standing_committee');
    for (const d of others.slice(2, 7)) add(bloc, d, 'standing_committee');
    for (const d of others.slice(7, 23)) add(bloc, d, 'committee_member');
    add(bloc, chair, 'inspection_chair');
    const inspectors = unique(
      [BLOC_INSPECTION_CHAIR_UNIT, ...grassroots.filter((c) => c !== BLOC_SECRETARY_UNIT)].map(
        (code) => leadersOf(code).deputies[0],
      ),
    ).filter(ok);
    for (const d of inspectors.slice(0, 4)) add(bloc, d, 'inspection_member');
  }
  return seats;
}

// ---------------------------------------------------------------------------------------------------
// Seeding

const INSERT_BATCH = 1000;

/**
 * Inserts the demo members, their transfers and committee seats, and links the demo accounts, inside
 * the seeding transaction. `organizations` maps each demo organization's code to its row.
 */
export async function seedDemoMembers(
  tx: Tx,
  organizations: ReadonlyMap<string, { id: string; path: string }>,
): Promise<{ members: number; transfers: number; seats: number }> {
  const data = buildDemoMembers();
  const org = (code: string) => organizations.get(code)!;
  const ids = new Map<string, string>();
  const rows = data.members.map((m) => {
    const id = newId();
    ids.set(m.key, id);
    const { id: organizationId, path } = org(m.organizationCode);
    return {
      id,
      organizationId,
      organizationPath: path,
      fullName: m.fullName,
      sortKey: vietnameseNameSortKey(m.fullName),
      searchText: foldVietnamese(`${m.fullName} ${m.cardNumber ?? ''}`),
      cardNumber: m.cardNumber,
      gender: m.gender,
      birthDate: m.birthDate,
      ethnicity: m.ethnicity,
      hometown: m.hometown,
      admittedOn: m.admittedOn,
      fullMemberOn: m.fullMemberOn,
      status: m.status,
      educationLevel: m.educationLevel,
      theoryLevel: m.theoryLevel,
      jobTitle: m.jobTitle,
      employer: m.employer,
      phone: m.phone,
      email: null,
      isLeader: m.isLeader,
      joinedOrganizationOn: m.joinedOrganizationOn,
    };
  });
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await tx.insert(members).values(rows.slice(i, i + INSERT_BATCH));
  }
  if (data.transfers.length > 0) {
    await tx.insert(memberTransfers).values(
      data.transfers.map((t) => ({
        memberId: ids.get(t.memberKey)!,
        fromOrganizationId: org(t.fromOrganizationCode).id,
        toOrganizationId: t.toOrganizationCode ? org(t.toOrganizationCode).id : null,
        destination: t.destination,
        transferredOn: t.transferredOn,
        reason: t.reason,
        status: t.status,
      })),
    );
  }
  const terms = await tx
    .select({
      id: committeeTerms.id,
      organizationId: committeeTerms.organizationId,
      name: committeeTerms.name,
    })
    .from(committeeTerms);
  const termIds = new Map(terms.map((t) => [`${t.organizationId}/${t.name}`, t.id]));
  const seatRows = data.seats.map((s) => {
    const organizationId = org(s.organizationCode).id;
    return {
      organizationId,
      termId: termIds.get(`${organizationId}/${s.termName}`)!,
      memberId: ids.get(s.memberKey)!,
      position: s.position,
    };
  });
  for (let i = 0; i < seatRows.length; i += INSERT_BATCH) {
    await tx.insert(committeeSeats).values(seatRows.slice(i, i + INSERT_BATCH));
  }
  for (const link of data.accountLinks) {
    await tx
      .update(users)
      .set({ memberId: ids.get(link.memberKey)! })
      .where(eq(users.username, link.username));
  }
  return { members: rows.length, transfers: data.transfers.length, seats: seatRows.length };
}
