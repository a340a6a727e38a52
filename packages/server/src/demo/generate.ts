/**
 * A synthetic country-sized dataset for benchmarks and load tests: the central committee, 63 provinces,
 * their blocs, armed forces and districts, grassroots organizations (communes, wards, agencies,
 * companies) and their cells, scaled to the number of organizations asked for; members in every cell,
 * invented with the demo's person generator. Written by COPY on PGlite and by INSERT … SELECT FROM
 * unnest(…) on a server (COPY FROM STDIN needs a streaming driver the server package does not carry).
 *
 * The plan is pure and seeded: the same options give the same names and dates (ids are fresh UUIDs).
 */

import { foldVietnamese, vietnameseNameSortKey, vietnameseTextSortKey } from '@daihoi/core';
import { count } from 'drizzle-orm';
import type pg from 'pg';
import { recordAudit } from '../audit/service.js';
import type { Database } from '../db/client.js';
import { newId } from '../db/columns.js';
import { inTransaction } from '../db/tx.js';
import { members } from '../modules/members/tables.js';
import { organizations } from '../modules/organizations/tables.js';
import {
  type CellContext,
  cardNumberAt,
  cellContext,
  dateBetween,
  hashSeed,
  headTitles,
  inventMember,
  LOCALITY,
  localityLeaders,
  mulberry32,
  type PersonSlot,
  type Random,
  RESIDENTIAL,
  randomInt,
  table,
  weighted,
} from './members.js';

// ---------------------------------------------------------------------------------------------------
// Places

/** The 63 provinces and centrally-run cities (before the 2025 mergers), with population in millions (2019). */
const PROVINCES: readonly (readonly [name: string, city: boolean, weight: number])[] = [
  ['Hà Nội', true, 8.05],
  ['Hồ Chí Minh', true, 8.99],
  ['Hải Phòng', true, 2.03],
  ['Đà Nẵng', true, 1.13],
  ['Cần Thơ', true, 1.24],
  ...(
    [
      ['An Giang', 1.91],
      ['Bà Rịa - Vũng Tàu', 1.15],
      ['Bắc Giang', 1.8],
      ['Bắc Kạn', 0.31],
      ['Bạc Liêu', 0.91],
      ['Bắc Ninh', 1.37],
      ['Bến Tre', 1.29],
      ['Bình Định', 1.49],
      ['Bình Dương', 2.43],
      ['Bình Phước', 0.99],
      ['Bình Thuận', 1.23],
      ['Cà Mau', 1.19],
      ['Cao Bằng', 0.53],
      ['Đắk Lắk', 1.87],
      ['Đắk Nông', 0.62],
      ['Điện Biên', 0.6],
      ['Đồng Nai', 3.1],
      ['Đồng Tháp', 1.6],
      ['Gia Lai', 1.51],
      ['Hà Giang', 0.85],
      ['Hà Nam', 0.85],
      ['Hà Tĩnh', 1.29],
      ['Hải Dương', 1.89],
      ['Hậu Giang', 0.73],
      ['Hòa Bình', 0.85],
      ['Hưng Yên', 1.25],
      ['Khánh Hòa', 1.23],
      ['Kiên Giang', 1.72],
      ['Kon Tum', 0.54],
      ['Lai Châu', 0.46],
      ['Lâm Đồng', 1.3],
      ['Lạng Sơn', 0.78],
      ['Lào Cai', 0.73],
      ['Long An', 1.69],
      ['Nam Định', 1.78],
      ['Nghệ An', 3.33],
      ['Ninh Bình', 0.98],
      ['Ninh Thuận', 0.59],
      ['Phú Thọ', 1.46],
      ['Phú Yên', 0.87],
      ['Quảng Bình', 0.9],
      ['Quảng Nam', 1.5],
      ['Quảng Ngãi', 1.23],
      ['Quảng Ninh', 1.32],
      ['Quảng Trị', 0.63],
      ['Sóc Trăng', 1.2],
      ['Sơn La', 1.25],
      ['Tây Ninh', 1.17],
      ['Thái Bình', 1.86],
      ['Thái Nguyên', 1.29],
      ['Thanh Hóa', 3.64],
      ['Thừa Thiên Huế', 1.13],
      ['Tiền Giang', 1.76],
      ['Trà Vinh', 1.01],
      ['Tuyên Quang', 0.78],
      ['Vĩnh Long', 1.02],
      ['Vĩnh Phúc', 1.15],
      ['Yên Bái', 0.82],
    ] as const
  ).map(([name, weight]) => [name, false, weight] as const),
];

export const PROVINCE_COUNT = PROVINCES.length;

const FIRST_SYLLABLES = (
  'An Bình Phú Tân Hòa Thạch Yên Hưng Vĩnh Quảng Đông Tây Nam Bắc Kim Thanh Xuân Hồng Long Mỹ Thuận Đức ' +
  'Gia Hải Lộc Minh Ngọc Phúc Sơn Thái Thiệu Triệu Hoằng Nghi Diễn Quỳnh Cẩm Hương Lạc Châu Trung Đại'
).split(' ');
const SECOND_SYLLABLES = (
  'Hòa Bình Lộc Phú Thành Sơn Hưng Yên Lâm Hải Thịnh Phong An Định Lợi Tiến Khánh Long Thủy Trung Xuân ' +
  'Đông Tây Nam Bắc Thuận Điền Mỹ Quang Hợp Tân Vinh Phúc Liên Kiều Đồng'
).split(' ');

function placeName(random: Random): string {
  const first = FIRST_SYLLABLES[Math.floor(random() * FIRST_SYLLABLES.length)]!;
  let second = SECOND_SYLLABLES[Math.floor(random() * SECOND_SYLLABLES.length)]!;
  while (second === first) second = SECOND_SYLLABLES[Math.floor(random() * SECOND_SYLLABLES.length)]!;
  return `${first} ${second}`;
}

const AGENCIES = [
  'Văn phòng Ủy ban nhân dân',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Công Thương',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Tài nguyên và Môi trường',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Thông tin và Truyền thông',
  'Sở Khoa học và Công nghệ',
  'Thanh tra',
  'Kho bạc Nhà nước',
  'Cục Thuế',
  'Cục Thống kê',
  'Bảo hiểm xã hội',
  'Tòa án nhân dân',
  'Viện Kiểm sát nhân dân',
  'Cục Thi hành án dân sự',
  'Đài Phát thanh và Truyền hình',
  'Trường Chính trị',
  'Ban Dân tộc',
  'Hội Nông dân',
  'Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam',
  'Cơ quan Hội Liên hiệp Phụ nữ',
  'Cơ quan Liên đoàn Lao động',
  'Hội Cựu chiến binh',
];
const AGENCY_DEPARTMENTS = [
  'Văn phòng',
  'Phòng Tổ chức cán bộ',
  'Phòng Kế hoạch - Tài chính',
  'Thanh tra',
  'Phòng Tổng hợp',
  'Phòng Nghiệp vụ',
  'Phòng Pháp chế',
  'Trung tâm Dịch vụ',
  'Phòng Quản lý ngành',
];
const COMPANIES = [
  'Công ty Cổ phần Cấp nước',
  'Công ty Cổ phần Môi trường đô thị',
  'Công ty Cổ phần Xây dựng giao thông',
  'Công ty Cổ phần Dược phẩm',
  'Công ty Cổ phần Vận tải',
  'Công ty TNHH MTV Thủy lợi',
  'Công ty Điện lực',
  'Viễn thông',
  'Bưu điện',
  'Công ty Cổ phần Sách và Thiết bị trường học',
  'Công ty TNHH MTV Lâm nghiệp',
  'Công ty Cổ phần Lương thực',
];
const COMPANY_DEPARTMENTS = [
  'Văn phòng Công ty',
  'Phòng Kỹ thuật',
  'Phòng Kinh doanh',
  'Phòng Kế toán',
  'Xí nghiệp số 1',
  'Xí nghiệp số 2',
  'Xí nghiệp số 3',
];
const POLICE_DEPARTMENTS = ['Đội Tổng hợp', 'Đội Cảnh sát hình sự', 'Đội An ninh', 'Đội Cảnh sát giao thông'];
const DISTRICT_CELLS = [
  'Cơ quan Ủy ban nhân dân',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Tài chính - Kế hoạch',
  'Chi cục Thuế',
  'Kho bạc Nhà nước',
  'Bảo hiểm xã hội',
  'Trung tâm Y tế',
];
const pickEthnicity = weighted(
  table('Kinh 88; Tày 1.8; Thái 1.8; Mường 1.5; Khmer 1.2; Nùng 1; Mông 0.9; Hoa 0.6; Dao 0.7; Gia Rai 0.4'),
);

// ---------------------------------------------------------------------------------------------------
// The plan

export interface SyntheticOrganization {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  code: string;
  name: string;
  shortName: string | null;
  issuerCode: string | null;
  placeName: string;
  foundedOn: string;
  level: string;
  kind: string;
}

interface Holder {
  org: SyntheticOrganization;
  cell: CellContext;
  /** The posts of the first members, in order: head, deputies, the cell's officers. */
  posts: PersonSlot[];
  weight: number;
}

export interface SyntheticPlan {
  organizations: SyntheticOrganization[];
  holders: Holder[];
  memberCounts: number[];
}

/** Integers proportional to `weights`, each at least `min`, summing to `total`. */
function apportion(total: number, weights: readonly number[], min = 0): number[] {
  if (weights.length === 0) return [];
  const spare = total - min * weights.length;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (spare * w) / sum);
  const out = exact.map((x) => min + Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

type UpperKind = 'bloc_agencies' | 'bloc_companies' | 'police' | 'military' | 'district';

/**
 * The tree and, for every cell, its member count. `rootCode` prefixes every code (codes stay unique
 * when a second dataset is appended).
 */
export function planDataset(opts: {
  organizations: number;
  members: number;
  seed: number;
  rootCode: string;
}): SyntheticPlan {
  const total = opts.organizations;
  if (!Number.isInteger(total) || total < 10) throw new RangeError('At least 10 organizations');
  const random = mulberry32(hashSeed(`generate/${opts.seed}`));
  const orgs: SyntheticOrganization[] = [];
  const holders: Holder[] = [];
  const add = (
    parent: SyntheticOrganization | null,
    o: Omit<SyntheticOrganization, 'id' | 'parentId' | 'path' | 'depth'>,
  ) => {
    const id = newId();
    const org: SyntheticOrganization = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      ...o,
    };
    orgs.push(org);
    return org;
  };

  const root = add(null, {
    code: opts.rootCode,
    name: 'Ban Chấp hành Trung ương Đảng',
    shortName: 'BCH TW',
    issuerCode: 'TW',
    placeName: 'Hà Nội',
    foundedOn: '1930-02-03',
    level: 'central',
    kind: 'central_committee',
  });
  const provinceCount = Math.min(PROVINCES.length, Math.max(1, Math.floor((total - 1) / 150)));
  const provinces = PROVINCES.slice(0, provinceCount);
  const upperCount = Math.max(provinceCount, Math.round((total - 1 - provinceCount) / 55));
  const uppersPer = apportion(
    upperCount,
    provinces.map(([, , w]) => w),
    1,
  );
  const grassrootsBudget = total - 1 - provinceCount - upperCount;

  interface Upper {
    org: SyntheticOrganization;
    kind: UpperKind;
    place: string;
    scope: string;
    provinceLabel: string;
    urban: boolean;
    weight: number;
  }
  const uppers: Upper[] = [];
  provinces.forEach(([name, city], p) => {
    const scope = city ? 'thành phố' : 'tỉnh';
    const label = name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : `${scope} ${name}`;
    const province = add(root, {
      code: `${opts.rootCode}-T${pad(p + 1, 2)}`,
      name: `Đảng bộ ${label}`,
      shortName: null,
      issuerCode: city ? 'ThU' : 'TU',
      placeName: name,
      foundedOn: dateBetween(random, '1930-02-03', '1947-12-31'),
      level: 'provincial',
      kind: 'provincial_organization',
    });
    const n = uppersPer[p]!;
    const kinds: UpperKind[] = Array.from({ length: n }, (_, i) =>
      i === 0 ? 'bloc_agencies' : i === 2 ? 'bloc_companies' : 'district',
    );
    if (n >= 7) {
      kinds[n - 1] = 'police';
      kinds[n - 2] = 'military';
    }
    kinds.forEach((kind, i) => {
      const place = placeName(random);
      const code = `${province.code}-H${pad(i + 1, 2)}`;
      const base = { code, placeName: name, level: 'upper_grassroots', shortName: null };
      let org: SyntheticOrganization;
      let weight = 0.6 + random() * 0.8;
      let urban = city;
      if (kind === 'bloc_agencies' || kind === 'bloc_companies') {
        const what = kind === 'bloc_agencies' ? 'Các cơ quan' : 'Doanh nghiệp';
        org = add(province, {
          ...base,
          name: `Đảng bộ Khối ${what} ${scope}`,
          issuerCode: 'ĐUK',
          foundedOn: dateBetween(random, '1990-01-01', '2008-12-31'),
          kind: 'provincial_bloc',
        });
        weight = kind === 'bloc_agencies' ? 1.1 : 0.5;
      } else if (kind === 'police' || kind === 'military') {
        org = add(province, {
          ...base,
          name: `Đảng bộ ${kind === 'police' ? 'Công an' : 'Quân sự'} ${scope}`,
          issuerCode: 'ĐU',
          foundedOn: dateBetween(random, '1946-01-01', '1976-12-31'),
          kind: 'armed_forces_organization',
        });
        weight = 0.3;
      } else {
        const style =
          i === 1
            ? 'thành phố'
            : city
              ? random() < 0.6
                ? 'quận'
                : 'huyện'
              : random() < 0.12
                ? 'thị xã'
                : 'huyện';
        urban = style !== 'huyện';
        const issuer = { 'thành phố': 'ThU', quận: 'QU', 'thị xã': 'TXU', huyện: 'HU' }[style];
        org = add(province, {
          ...base,
          name: `Đảng bộ ${style} ${place}`,
          issuerCode: issuer,
          placeName: place,
          foundedOn: dateBetween(random, '1930-03-01', '1985-12-31'),
          kind: 'district_organization',
        });
      }
      uppers.push({ org, kind, place, scope, provinceLabel: label, urban, weight });
    });
  });

  const budgets = apportion(
    grassrootsBudget,
    uppers.map((u) => u.weight),
    1,
  );
  const hometownOf = (upper: Upper) => {
    const local =
      upper.kind === 'district' ? `${upper.org.name.replace(/^Đảng bộ /, '')}, ${upper.provinceLabel}` : null;
    return (r: Random) => {
      if (local && r() < 0.7) return local;
      const [name, city] = PROVINCES[Math.floor(r() * PROVINCES.length)]!;
      return `huyện ${placeName(r)}, ${name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : `${city ? 'thành phố' : 'tỉnh'} ${name}`}`;
    };
  };

  uppers.forEach((upper, u) => {
    let left = budgets[u]!;
    const hometown = hometownOf(upper);
    const context = (unit: string, department: string | null, foundedOn: string) =>
      cellContext(
        { unit, department },
        { foundedOn, ethnicity: pickEthnicity, hometown: (r) => hometown(r) },
      );
    for (let g = 0; left > 0; g++) {
      const code = `${upper.org.code}-CS${pad(g + 1, 3)}`;
      const foundedOn = dateBetween(random, maxDate(upper.org.foundedOn, '1945-09-02'), '2012-12-31');
      const place = placeName(random);
      // What kind of grassroots organization, its unit's name, and the departments of its cells.
      let unit: string;
      let departments: string[];
      const cells = randomInt(random, 3, 8);
      if (upper.kind === 'bloc_agencies') {
        const agency = AGENCIES[g % AGENCIES.length]!;
        // A department (Sở) is the province's without saying so; other agencies name their scope.
        unit =
          g >= AGENCIES.length
            ? `Bệnh viện Đa khoa khu vực ${place}`
            : agency.startsWith('Sở ')
              ? agency
              : `${agency} ${upper.scope}`;
        departments = random() < 0.35 ? [] : AGENCY_DEPARTMENTS.slice(0, cells);
      } else if (upper.kind === 'bloc_companies') {
        unit = `${COMPANIES[g % COMPANIES.length]!} ${g < COMPANIES.length ? upper.scope : place}`;
        departments = random() < 0.3 ? [] : COMPANY_DEPARTMENTS.slice(0, Math.min(cells, 6));
      } else if (upper.kind === 'police') {
        unit = `Công an huyện ${place}`;
        departments = POLICE_DEPARTMENTS.slice(0, Math.min(cells, 4));
      } else if (upper.kind === 'military') {
        unit = `Ban Chỉ huy Quân sự huyện ${place}`;
        departments = ['Tham mưu', 'Chính trị', 'Hậu cần - Kỹ thuật'].map((d) => `Ban ${d}`);
      } else {
        const roll = random();
        const locality = upper.urban ? 'phường' : g === 0 ? 'thị trấn' : 'xã';
        if (roll < 0.68) {
          unit = `${locality} ${place}`;
          const village =
            locality === 'xã' ? (random() < 0.5 ? 'xóm' : 'thôn') : random() < 0.5 ? 'khối' : 'tổ dân phố';
          const k = randomInt(random, 5, 14);
          const institutions = [
            `Trường Tiểu học ${place}`,
            `Trường THCS ${place}`,
            `Trạm Y tế ${locality} ${place}`,
          ];
          const homes = Math.max(1, k - institutions.length);
          departments = [
            ...Array.from({ length: homes }, (_, i) => `${village} ${i + 1}`),
            ...institutions.slice(0, k - homes),
          ];
        } else if (roll < 0.95) {
          const cell = DISTRICT_CELLS[g % DISTRICT_CELLS.length]!;
          unit =
            roll < 0.82
              ? `Trường ${random() < 0.5 ? 'THPT' : 'THCS'} ${place}`
              : `${cell} ${upper.org.name.replace(/^Đảng bộ /, '')}`;
          departments = [];
        } else {
          unit = `Công an ${upper.org.name.replace(/^Đảng bộ /, '')}`;
          departments = POLICE_DEPARTMENTS.slice(0, 3);
        }
      }
      if (departments.length > left - 1) departments = departments.slice(0, left - 1);
      const single = departments.length === 0;
      if (single && LOCALITY.test(unit)) unit = `Trường Tiểu học ${place}`;
      const grassroots = add(upper.org, {
        code,
        name: `${single ? 'Chi bộ' : 'Đảng bộ'} ${unit}`,
        shortName: null,
        issuerCode: single ? 'CB' : 'ĐU',
        placeName: LOCALITY.test(unit) ? place : upper.place,
        foundedOn,
        level: 'grassroots',
        kind: single ? 'grassroots_cell' : 'grassroots_organization',
      });
      left -= 1 + departments.length;
      const [headTitle, deputyTitle] = headTitles(unit.replace(/^Cơ quan /, ''));
      if (single) {
        const cell = context(unit, null, foundedOn);
        holders.push({
          org: grassroots,
          cell,
          posts: [
            { rank: 'head', title: headTitle, employer: cell.employer },
            { rank: 'deputy', title: deputyTitle, employer: cell.employer },
          ],
          weight: 0.9,
        });
        continue;
      }
      const locality = LOCALITY.test(unit);
      departments.forEach((department, d) => {
        const cellOrg = add(grassroots, {
          code: `${code}-CB${pad(d + 1, 2)}`,
          name: `Chi bộ ${department}`,
          shortName: null,
          issuerCode: null,
          placeName: grassroots.placeName,
          foundedOn: dateBetween(random, foundedOn, '2014-12-31'),
          level: 'cell',
          kind: 'subordinate_cell',
        });
        const cell = context(unit, department, cellOrg.foundedOn);
        const posts: PersonSlot[] = [];
        if (d === 0 && locality) {
          const [secretary, , chairman] = localityLeaders(unit);
          posts.push({ rank: 'head', title: secretary!.title, employer: secretary!.employer });
          posts.push({ rank: 'deputy', title: chairman!.title, employer: chairman!.employer });
        } else if (d === 0) {
          posts.push({ rank: 'head', title: headTitle, employer: employerOfUnit(unit) });
          posts.push({ rank: 'deputy', title: deputyTitle, employer: employerOfUnit(unit) });
        }
        if (RESIDENTIAL.test(department)) {
          posts.push({ rank: 'department_head' });
          posts.push({
            rank: 'department_deputy',
            title: `Trưởng ${department.replace(/ \d+$/, '')}`,
            employer: `${department}, ${unit}`,
          });
        } else {
          const [deptHead, deptDeputy] = headTitles(department);
          posts.push({ rank: 'department_head', title: deptHead, employer: cell.employer });
          posts.push({ rank: 'department_deputy', title: deptDeputy, employer: cell.employer });
        }
        holders.push({
          org: cellOrg,
          cell,
          posts,
          weight: RESIDENTIAL.test(department) ? 1.5 : 1,
        });
      });
    }
  });

  const weights = holders.map((h) => h.weight * (0.6 + random() * 0.8));
  const memberCounts = apportion(opts.members, weights);
  return { organizations: orgs, holders, memberCounts };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const employerOfUnit = (unit: string) => unit.replace(/^Cơ quan /, '');

// ---------------------------------------------------------------------------------------------------
// Rows

/** The columns of `organizations` in the order of `organizationRow`, each with its SQL type. */
export const ORGANIZATION_TABLE_COLUMNS = [
  ['id', 'uuid'],
  ['parent_id', 'uuid'],
  ['path', 'text'],
  ['depth', 'int'],
  ['code', 'text'],
  ['name', 'text'],
  ['search_text', 'text'],
  ['sort_key', 'text'],
  ['short_name', 'text'],
  ['issuer_code', 'text'],
  ['place_name', 'text'],
  ['founded_on', 'date'],
  ['level', 'text'],
  ['kind', 'text'],
] as const;

/** The columns of `members` in the order of the rows `memberBatches` yields, each with its SQL type. */
export const MEMBER_TABLE_COLUMNS = [
  ['id', 'uuid'],
  ['organization_id', 'uuid'],
  ['organization_path', 'text'],
  ['full_name', 'text'],
  ['sort_key', 'text'],
  ['search_text', 'text'],
  ['card_number', 'text'],
  ['gender', 'text'],
  ['birth_date', 'date'],
  ['ethnicity', 'text'],
  ['hometown', 'text'],
  ['admitted_on', 'date'],
  ['full_member_on', 'date'],
  ['status', 'text'],
  ['education_level', 'text'],
  ['theory_level', 'text'],
  ['job_title', 'text'],
  ['employer', 'text'],
  ['phone', 'text'],
  ['email', 'text'],
  ['is_leader', 'boolean'],
  ['joined_organization_on', 'date'],
] as const;

export type Cell = string | number | boolean | null;
export type Row = Cell[];

/** An organization as a row of `ORGANIZATION_TABLE_COLUMNS`. */
export function organizationRow(o: SyntheticOrganization): Row {
  return [
    o.id,
    o.parentId,
    o.path,
    o.depth,
    o.code,
    o.name,
    foldVietnamese(`${o.name} ${o.shortName ?? ''} ${o.code}`),
    vietnameseTextSortKey(o.name),
    o.shortName,
    o.issuerCode,
    o.placeName,
    o.foundedOn,
    o.level,
    o.kind,
  ];
}

/** Sort keys and folded names repeat a lot across a million people: computed once per distinct name. */
class NameKeys {
  private cache = new Map<string, [string, string]>();
  get(fullName: string): [string, string] {
    let keys = this.cache.get(fullName);
    if (!keys) {
      if (this.cache.size > 400_000) this.cache.clear();
      keys = [vietnameseNameSortKey(fullName), foldVietnamese(fullName)];
      this.cache.set(fullName, keys);
    }
    return keys;
  }
}

/** Member rows in batches of `size`, cell after cell; card numbers continue from `cardBase`. */
export function* memberBatches(
  plan: SyntheticPlan,
  seed: number,
  cardBase: number,
  size: number,
): Generator<Row[]> {
  const random = mulberry32(hashSeed(`generate/${seed}/members`));
  const names = new NameKeys();
  let card = cardBase;
  let batch: Row[] = [];
  for (const [h, holder] of plan.holders.entries()) {
    const n = plan.memberCounts[h]!;
    for (let i = 0; i < n; i++) {
      const slot = holder.posts[i] ?? { rank: 'staff' as const };
      const m = inventMember(random, holder.cell, slot);
      const cardNumber = m.status === 'probationary' ? null : cardNumberAt(card++);
      const [sortKey, folded] = names.get(m.fullName);
      batch.push([
        newId(),
        holder.org.id,
        holder.org.path,
        m.fullName,
        sortKey,
        cardNumber ? `${folded} ${cardNumber}` : folded,
        cardNumber,
        m.gender,
        m.birthDate,
        m.ethnicity,
        m.hometown,
        m.admittedOn,
        m.fullMemberOn,
        m.status,
        m.educationLevel,
        m.theoryLevel,
        m.jobTitle,
        m.employer,
        m.phone,
        null,
        m.isLeader,
        m.joinedOrganizationOn,
      ]);
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

// ---------------------------------------------------------------------------------------------------
// Writing: COPY on PGlite, INSERT … SELECT FROM unnest on a server

function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return `"${value.replaceAll('"', '""')}"`;
}

/** Rows as CSV for `COPY … WITH (FORMAT csv)`: strings quoted, booleans as t/f, nulls empty. */
export function toCsv(rows: readonly Row[]): string {
  let out = '';
  for (const row of rows) out += `${row.map(csvField).join(',')}\n`;
  return out;
}

interface Writer {
  write(
    table: 'organizations' | 'members',
    columns: readonly (readonly [string, string])[],
    rows: Row[],
  ): Promise<void>;
  query<T>(text: string): Promise<T[]>;
}

async function withWriter(database: Database, work: (writer: Writer) => Promise<void>): Promise<void> {
  if (database.pglite) {
    await database.pglite.transaction(async (tx) => {
      await work({
        async write(table, columns, rows) {
          const names = columns.map(([name]) => name).join(', ');
          await tx.query(`COPY ${table} (${names}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
            blob: new Blob([toCsv(rows)]),
          });
        },
        query: async <T>(text: string) => (await tx.query<T>(text)).rows,
      });
    });
    return;
  }
  const client: pg.PoolClient = await database.pool!.connect();
  try {
    await client.query('BEGIN');
    await work({
      async write(table, columns, rows) {
        const names = columns.map(([name]) => name).join(', ');
        const params = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
        const values = columns.map((_, i) => rows.map((row) => row[i]));
        await client.query({
          name: `demo-generate-${table}`,
          text: `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${params})`,
          values,
        });
      },
      query: async <T>(text: string) => (await client.query(text)).rows as T[],
    });
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Drops the table's secondary indexes (not those behind a constraint) and returns a function that
 * builds them again from their own definitions: one sort per index instead of a million insertions.
 * Both happen inside the writing transaction, so a failure leaves the indexes as they were.
 */
async function deferIndexes(writer: Writer, table: string): Promise<() => Promise<void>> {
  const indexes = await writer.query<{ name: string; definition: string }>(`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    WHERE t.relname = '${table}' AND t.relnamespace = current_schema()::regnamespace
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`);
  for (const index of indexes) await writer.query(`DROP INDEX "${index.name}"`);
  return async () => {
    for (const index of indexes) await writer.query(index.definition);
  };
}

export class DatabaseNotEmptyError extends Error {
  constructor(organizationCount: number, memberCount: number) {
    super(
      `Cơ sở dữ liệu đã có dữ liệu (${organizationCount.toLocaleString('vi-VN')} tổ chức đảng, ` +
        `${memberCount.toLocaleString('vi-VN')} đảng viên). ` +
        'Dùng một cơ sở dữ liệu trống, hoặc thêm --append để ghi thêm vào dữ liệu đang có.',
    );
    this.name = 'DatabaseNotEmptyError';
  }
}

const SLICE_ROWS = 1_000;

export interface GenerateOptions {
  organizations: number;
  members: number;
  seed?: number;
  /** Write into a database that already holds data. */
  append?: boolean;
  /** Rows per COPY (PGlite). */
  copyRows?: number;
  /** Rows per INSERT (server). */
  insertRows?: number;
  onProgress?: (progress: {
    table: 'organizations' | 'members';
    done: number;
    total: number;
    ms: number;
  }) => void;
  now?: Date;
}

export interface GenerateResult {
  organizations: number;
  members: number;
  rootCode: string;
  ms: number;
}

/** Writes a synthetic dataset in one transaction; refuses a database that holds data unless `append`. */
export async function generateDataset(database: Database, options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const [orgCount] = await database.db.select({ n: count() }).from(organizations);
  const [memberCount] = await database.db.select({ n: count() }).from(members);
  const existingOrgs = Number(orgCount?.n ?? 0);
  const existingMembers = Number(memberCount?.n ?? 0);
  if (!options.append && (existingOrgs > 0 || existingMembers > 0)) {
    throw new DatabaseNotEmptyError(existingOrgs, existingMembers);
  }
  const rootCode = existingOrgs > 0 ? `TW${existingOrgs}` : 'TW';
  const plan = planDataset({
    organizations: options.organizations,
    members: options.members,
    seed,
    rootCode,
  });
  const batchSize = database.pglite ? (options.copyRows ?? 50_000) : (options.insertRows ?? 10_000);
  const progress = (table: 'organizations' | 'members', done: number, total: number) =>
    options.onProgress?.({ table, done, total, ms: performance.now() - started });

  let membersWritten = 0;
  await withWriter(database, async (writer) => {
    let done = 0;
    for (const batch of chunks(plan.organizations, batchSize)) {
      await writer.write('organizations', ORGANIZATION_TABLE_COLUMNS, batch.map(organizationRow));
      done += batch.length;
      progress('organizations', done, plan.organizations.length);
    }
    // The next batch is invented while the database writes the last one; between slices of it the
    // event loop runs, so a server keeps receiving. Card numbers continue after those already issued,
    // so an appended dataset never repeats one.
    const rebuildIndexes = existingMembers === 0 ? await deferIndexes(writer, 'members') : async () => {};
    let pending: Promise<void> | undefined;
    const flush = async (batch: Row[]) => {
      await pending;
      const write = writer.write('members', MEMBER_TABLE_COLUMNS, batch).then(() => {
        membersWritten += batch.length;
        progress('members', membersWritten, options.members);
      });
      write.catch(() => {});
      pending = write;
    };
    let batch: Row[] = [];
    for (const slice of memberBatches(plan, seed, existingMembers, SLICE_ROWS)) {
      for (const row of slice) batch.push(row);
      if (batch.length >= batchSize) {
        const full = batch.length === batchSize ? batch : batch.slice(0, batchSize);
        batch = batch.length === batchSize ? [] : batch.slice(batchSize);
        await flush(full);
      } else if (pending) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (batch.length > 0) await flush(batch);
    await pending;
    await rebuildIndexes();
  });
  await inTransaction(database.db, (tx) =>
    recordAudit(
      tx,
      null,
      {
        action: 'demo.generate',
        entity: 'system',
        entityId: rootCode,
        organizationId: plan.organizations[0]!.id,
        after: {
          organizations: plan.organizations.length,
          members: membersWritten,
          seed,
          append: !!options.append,
        },
      },
      options.now ?? new Date(),
    ),
  );
  return {
    organizations: plan.organizations.length,
    members: membersWritten,
    rootCode,
    ms: performance.now() - started,
  };
}
