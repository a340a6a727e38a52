/**
 * The demo dataset: Đảng bộ tỉnh Nghệ An with its Đảng bộ Khối Các cơ quan tỉnh (about forty grassroots
 * organizations of provincial agencies), the enterprises bloc, the city of Vinh and the district of
 * Nghi Lộc, as they stood on 15/03/2020, when the 2020–2025 congresses were being prepared.
 *
 * Pure data: no I/O, no clock. Dates that would be tedious to list (founding dates of subordinate cells,
 * congress days of grassroots organizations) come from a PRNG seeded by each organization's code, so
 * the dataset is the same on every run and adding an organization does not move the others' dates.
 *
 * The organizations and their departments are modelled on the kinds of bodies a province has; the
 * dates and all people are invented.
 */

import type { OrganizationKind, OrganizationLevel, Role } from '@daihoi/core';

export const DEMO_REFERENCE_DATE = '2020-03-15';

export interface DemoTerm {
  name: string;
  startsOn: string;
  endsOn: string;
}

export type DemoLevel = OrganizationLevel;
export type DemoKind = OrganizationKind;

export interface DemoOrganization {
  code: string;
  name: string;
  shortName: string | null;
  issuerCode: string | null;
  placeName: string;
  foundedOn: string | null;
  level: DemoLevel;
  kind: DemoKind;
  terms: DemoTerm[];
  children: DemoOrganization[];
}

export type DemoRole = Role;

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: { role: DemoRole; organizationCode: string | null }[];
}

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness and dates

function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a tiny PRNG, seeded per organization so each one's dates are independent of the rest. */
function prng(seed: string): () => number {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

const DAY_MS = 86_400_000;

function toDay(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return fromDay(toDay(iso) + days);
}

function inYear(iso: string, year: number): string {
  return `${year}${iso.slice(4)}`;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** The 2015–2020 and 2020–2025 terms of a committee whose 2015 congress closed the day before `startsOn`. */
function fiveYearTerms(startsOn2015: string): DemoTerm[] {
  const startsOn2020 = inYear(startsOn2015, 2020);
  return [
    { name: '2015–2020', startsOn: startsOn2015, endsOn: addDays(startsOn2020, -1) },
    { name: '2020–2025', startsOn: startsOn2020, endsOn: addDays(inYear(startsOn2015, 2025), -1) },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Specification of the tree; terms and derived dates are filled in by `build`

const VINH = 'Vinh';
const NGHI_LOC = 'Nghi Lộc';

/** Grassroots congresses of 2015 were held from April to June; subordinate cells went first. */
const GRASSROOTS_CONGRESS_FROM = '2015-05-04';
const GRASSROOTS_CONGRESS_TO = '2015-06-25';
const CELL_CONGRESS_FROM = '2015-04-01';
const LAST_FOUNDING_DAY = '2014-12-31';

interface SubSpec {
  unit: string;
  shortUnit?: string;
  cells: string[];
}

interface GrassrootsSpec {
  code: string;
  /** The agency, ward or commune the organization belongs to, e.g. 'Sở Tài chính', 'phường Hưng Bình'. */
  unit: string;
  shortUnit?: string;
  /** An organization of a whole agency with its own subordinate cells (đảng bộ cơ sở) or a cell (chi bộ cơ sở). */
  cell?: boolean;
  foundedOn: string;
  placeName?: string;
  cells?: string[];
  subs?: SubSpec[];
}

interface UpperSpec {
  code: string;
  name: string;
  shortName: string;
  issuerCode: string;
  placeName: string;
  foundedOn: string;
  kind: DemoKind;
  termStartsOn: string;
  grassroots: GrassrootsSpec[];
}

const agencies: GrassrootsSpec[] = [
  {
    code: 'STC',
    unit: 'Sở Tài chính',
    foundedOn: '1991-09-20',
    cells: [
      'Văn phòng Sở',
      'Phòng Ngân sách',
      'Phòng Tài chính đầu tư',
      'Phòng Quản lý giá và Công sản',
      'Phòng Tài chính hành chính sự nghiệp',
      'Thanh tra Sở',
    ],
  },
  {
    code: 'SKHDT',
    unit: 'Sở Kế hoạch và Đầu tư',
    shortUnit: 'Sở KH&ĐT',
    foundedOn: '1991-09-25',
    cells: [
      'Văn phòng Sở',
      'Phòng Tổng hợp, quy hoạch',
      'Phòng Kinh tế ngành',
      'Phòng Đăng ký kinh doanh',
      'Thanh tra Sở',
    ],
  },
  {
    code: 'VPUB',
    unit: 'Văn phòng Ủy ban nhân dân tỉnh',
    shortUnit: 'Văn phòng UBND tỉnh',
    foundedOn: '1991-09-05',
    cells: [
      'Phòng Tổng hợp',
      'Phòng Kinh tế',
      'Phòng Nội chính',
      'Phòng Hành chính - Tổ chức',
      'Trung tâm Công báo - Tin học',
      'Ban Tiếp công dân tỉnh',
    ],
  },
  {
    code: 'SGDDT',
    unit: 'Sở Giáo dục và Đào tạo',
    shortUnit: 'Sở GD&ĐT',
    foundedOn: '1991-10-02',
    cells: [
      'Văn phòng Sở',
      'Phòng Giáo dục trung học',
      'Phòng Giáo dục mầm non và tiểu học',
      'Phòng Khảo thí và Kiểm định chất lượng giáo dục',
      'Thanh tra Sở',
    ],
  },
  {
    code: 'SYT',
    unit: 'Sở Y tế',
    foundedOn: '1991-09-28',
    cells: ['Văn phòng Sở', 'Phòng Nghiệp vụ Y', 'Chi cục An toàn vệ sinh thực phẩm'],
    subs: [
      {
        unit: 'Trung tâm Kiểm soát bệnh tật tỉnh',
        shortUnit: 'Trung tâm KSBT tỉnh',
        cells: ['Phòng Tổ chức - Hành chính', 'Khoa Phòng, chống bệnh truyền nhiễm', 'Khoa Xét nghiệm'],
      },
    ],
  },
  {
    code: 'SNNPTNT',
    unit: 'Sở Nông nghiệp và Phát triển nông thôn',
    shortUnit: 'Sở NN&PTNT',
    foundedOn: '1991-10-10',
    cells: ['Văn phòng Sở', 'Phòng Kế hoạch - Tài chính', 'Thanh tra Sở'],
    subs: [
      {
        unit: 'Chi cục Kiểm lâm',
        cells: ['Văn phòng Chi cục', 'Phòng Quản lý bảo vệ rừng và bảo tồn thiên nhiên'],
      },
    ],
  },
  {
    code: 'STNMT',
    unit: 'Sở Tài nguyên và Môi trường',
    shortUnit: 'Sở TN&MT',
    foundedOn: '2003-06-16',
    cells: [
      'Văn phòng Sở',
      'Chi cục Bảo vệ môi trường',
      'Văn phòng Đăng ký đất đai',
      'Trung tâm Quan trắc tài nguyên và môi trường',
    ],
  },
  {
    code: 'SXD',
    unit: 'Sở Xây dựng',
    foundedOn: '1991-10-15',
    cells: ['Văn phòng Sở', 'Phòng Quản lý xây dựng', 'Phòng Quy hoạch - Kiến trúc', 'Thanh tra Sở'],
  },
  {
    code: 'SGTVT',
    unit: 'Sở Giao thông vận tải',
    shortUnit: 'Sở GTVT',
    foundedOn: '1991-10-08',
    cells: [
      'Văn phòng Sở',
      'Phòng Quản lý vận tải, phương tiện và người lái',
      'Phòng Quản lý kết cấu hạ tầng giao thông',
      'Thanh tra Sở',
    ],
  },
  {
    code: 'SCT',
    unit: 'Sở Công Thương',
    foundedOn: '2008-04-01',
    cells: [
      'Văn phòng Sở',
      'Phòng Quản lý công nghiệp',
      'Phòng Quản lý thương mại',
      'Trung tâm Khuyến công và Tư vấn phát triển công nghiệp',
    ],
  },
  {
    code: 'SLDTBXH',
    unit: 'Sở Lao động - Thương binh và Xã hội',
    shortUnit: 'Sở LĐ-TB&XH',
    foundedOn: '1991-10-12',
    cells: ['Văn phòng Sở', 'Phòng Người có công', 'Phòng Lao động - Việc làm', 'Trung tâm Dịch vụ việc làm'],
  },
  {
    code: 'SVHTT',
    unit: 'Sở Văn hóa và Thể thao',
    shortUnit: 'Sở VH&TT',
    foundedOn: '2008-05-05',
    cells: [
      'Văn phòng Sở',
      'Phòng Quản lý văn hóa',
      'Bảo tàng Nghệ An',
      'Thư viện tỉnh',
      'Trung tâm Huấn luyện và Thi đấu thể dục thể thao',
    ],
  },
  {
    code: 'SNV',
    unit: 'Sở Nội vụ',
    foundedOn: '1991-11-04',
    cells: ['Văn phòng Sở', 'Ban Thi đua - Khen thưởng', 'Ban Tôn giáo', 'Chi cục Văn thư - Lưu trữ'],
  },
  {
    code: 'STP',
    unit: 'Sở Tư pháp',
    foundedOn: '1991-11-20',
    cells: ['Văn phòng Sở', 'Phòng Hành chính tư pháp', 'Trung tâm Trợ giúp pháp lý nhà nước'],
  },
  {
    code: 'TTT',
    unit: 'Thanh tra tỉnh',
    foundedOn: '1991-11-12',
    cells: ['Văn phòng', 'Phòng Thanh tra kinh tế - xã hội', 'Phòng Tiếp công dân và Xử lý đơn thư'],
  },
  {
    code: 'KBNN',
    unit: 'Kho bạc Nhà nước tỉnh',
    shortUnit: 'KBNN tỉnh',
    foundedOn: '1991-10-01',
    cells: ['Văn phòng', 'Phòng Kiểm soát chi', 'Phòng Kế toán nhà nước', 'Phòng Thanh tra - Kiểm tra'],
  },
  {
    code: 'CTHUE',
    unit: 'Cục Thuế tỉnh',
    foundedOn: '1991-10-01',
    cells: [
      'Văn phòng Cục',
      'Phòng Kê khai và Kế toán thuế',
      'Phòng Kiểm tra thuế số 1',
      'Phòng Thanh tra - Kiểm tra thuế số 1',
      'Phòng Tuyên truyền - Hỗ trợ người nộp thuế',
      'Phòng Quản lý nợ và Cưỡng chế nợ thuế',
    ],
  },
  {
    code: 'BHXH',
    unit: 'Bảo hiểm xã hội tỉnh',
    shortUnit: 'BHXH tỉnh',
    foundedOn: '1995-10-16',
    cells: [
      'Văn phòng',
      'Phòng Quản lý thu',
      'Phòng Giám định bảo hiểm y tế',
      'Phòng Chế độ bảo hiểm xã hội',
      'Phòng Kế hoạch - Tài chính',
    ],
  },
  {
    code: 'TAND',
    unit: 'Tòa án nhân dân tỉnh',
    shortUnit: 'TAND tỉnh',
    foundedOn: '1991-09-18',
    cells: ['Văn phòng', 'Tòa Hình sự', 'Tòa Dân sự', 'Tòa Hành chính'],
  },
  {
    code: 'VKSND',
    unit: 'Viện Kiểm sát nhân dân tỉnh',
    shortUnit: 'VKSND tỉnh',
    foundedOn: '1991-09-18',
    cells: [
      'Văn phòng',
      'Phòng Thực hành quyền công tố và kiểm sát điều tra án hình sự',
      'Phòng Kiểm sát giải quyết các vụ, việc dân sự',
      'Thanh tra',
    ],
  },
  {
    code: 'CTHADS',
    unit: 'Cục Thi hành án dân sự tỉnh',
    shortUnit: 'Cục THADS tỉnh',
    foundedOn: '1993-07-01',
    cells: [
      'Văn phòng Cục',
      'Phòng Nghiệp vụ và Tổ chức thi hành án',
      'Phòng Kiểm tra, giải quyết khiếu nại, tố cáo',
    ],
  },
  {
    code: 'CHQ',
    unit: 'Cục Hải quan tỉnh',
    foundedOn: '1994-02-21',
    cells: [
      'Văn phòng Cục',
      'Phòng Nghiệp vụ',
      'Chi cục Hải quan cửa khẩu cảng Cửa Lò',
      'Đội Kiểm soát Hải quan',
    ],
  },
  {
    code: 'NHNN',
    unit: 'Ngân hàng Nhà nước chi nhánh tỉnh',
    shortUnit: 'NHNN chi nhánh tỉnh',
    foundedOn: '1991-10-01',
    cells: [
      'Phòng Tổng hợp - Kiểm soát nội bộ',
      'Thanh tra, giám sát ngân hàng',
      'Phòng Tiền tệ - Kho quỹ và Hành chính',
    ],
  },
  {
    code: 'BQLKKT',
    unit: 'Ban Quản lý Khu kinh tế Đông Nam',
    shortUnit: 'BQL KKT Đông Nam',
    foundedOn: '2008-03-10',
    cells: ['Văn phòng Ban', 'Phòng Quản lý đầu tư', 'Phòng Quy hoạch và Xây dựng'],
  },
  {
    code: 'BNA',
    unit: 'Báo Nghệ An',
    foundedOn: '1991-09-12',
    cells: [
      'Ban Thư ký tòa soạn',
      'Ban Thời sự',
      'Ban Kinh tế',
      'Ban Văn hóa - Xã hội',
      'Phòng Hành chính - Trị sự',
    ],
  },
  {
    code: 'DPTTH',
    unit: 'Đài Phát thanh và Truyền hình tỉnh',
    shortUnit: 'Đài PT-TH tỉnh',
    foundedOn: '1991-09-15',
    cells: [
      'Phòng Thời sự',
      'Phòng Biên tập',
      'Phòng Chuyên đề',
      'Phòng Kỹ thuật - Công nghệ',
      'Phòng Tổ chức - Hành chính',
    ],
  },
  {
    code: 'TCT',
    unit: 'Trường Chính trị tỉnh',
    foundedOn: '1991-11-01',
    cells: [
      'Khoa Xây dựng Đảng',
      'Khoa Lý luận cơ sở',
      'Khoa Nhà nước và Pháp luật',
      'Phòng Quản lý đào tạo',
      'Phòng Tổ chức - Hành chính',
    ],
  },
  {
    code: 'DHYKV',
    unit: 'Trường Đại học Y khoa Vinh',
    shortUnit: 'Trường ĐH Y khoa Vinh',
    foundedOn: '1996-03-08',
    cells: ['Khoa Y học cơ sở', 'Khoa Điều dưỡng', 'Phòng Đào tạo đại học', 'Bệnh viện Trường'],
  },
  { code: 'BDT', unit: 'Ban Dân tộc tỉnh', cell: true, foundedOn: '1992-04-15' },
  {
    code: 'LMHTX',
    unit: 'Liên minh Hợp tác xã tỉnh',
    shortUnit: 'Liên minh HTX tỉnh',
    cell: true,
    foundedOn: '1993-11-20',
  },
  { code: 'HND', unit: 'Hội Nông dân tỉnh', cell: true, foundedOn: '1991-10-20' },
  { code: 'SNGV', unit: 'Sở Ngoại vụ', cell: true, foundedOn: '2005-08-15' },
  {
    code: 'SKHCN',
    unit: 'Sở Khoa học và Công nghệ',
    shortUnit: 'Sở KH&CN',
    cell: true,
    foundedOn: '1992-06-03',
  },
  {
    code: 'STTTT',
    unit: 'Sở Thông tin và Truyền thông',
    shortUnit: 'Sở TT&TT',
    cell: true,
    foundedOn: '2008-06-20',
  },
  {
    code: 'VPHDND',
    unit: 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh',
    shortUnit: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh',
    cell: true,
    foundedOn: '2004-03-01',
  },
  { code: 'CTK', unit: 'Cục Thống kê tỉnh', cell: true, foundedOn: '1991-10-05' },
  {
    code: 'MTTQ',
    unit: 'Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    shortUnit: 'Cơ quan UBMTTQ tỉnh',
    cell: true,
    foundedOn: '1991-10-18',
  },
  {
    code: 'HLHPN',
    unit: 'Cơ quan Hội Liên hiệp Phụ nữ tỉnh',
    shortUnit: 'Cơ quan Hội LHPN tỉnh',
    cell: true,
    foundedOn: '1991-10-18',
  },
  { code: 'TDOAN', unit: 'Cơ quan Tỉnh Đoàn', cell: true, foundedOn: '1991-10-22' },
  {
    code: 'LDLD',
    unit: 'Cơ quan Liên đoàn Lao động tỉnh',
    shortUnit: 'Cơ quan LĐLĐ tỉnh',
    cell: true,
    foundedOn: '1991-10-25',
  },
  { code: 'HCCB', unit: 'Hội Cựu chiến binh tỉnh', cell: true, foundedOn: '1992-05-12' },
  {
    code: 'LHHKHKT',
    unit: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh',
    shortUnit: 'Liên hiệp các Hội KH&KT tỉnh',
    cell: true,
    foundedOn: '2000-12-05',
  },
];

const enterprises: GrassrootsSpec[] = [
  {
    code: 'PCNA',
    unit: 'Công ty Điện lực Nghệ An',
    foundedOn: '1992-01-15',
    cells: ['Văn phòng Công ty', 'Phòng Kỹ thuật', 'Phòng Kinh doanh', 'Điện lực thành phố Vinh'],
  },
  {
    code: 'VNPT',
    unit: 'Viễn thông Nghệ An',
    foundedOn: '2008-01-10',
    cells: ['Văn phòng', 'Trung tâm Điều hành thông tin', 'Trung tâm Viễn thông Vinh'],
  },
  {
    code: 'BUUDIEN',
    unit: 'Bưu điện tỉnh',
    foundedOn: '2008-01-10',
    cells: ['Văn phòng', 'Bưu điện thành phố Vinh', 'Trung tâm Khai thác vận chuyển'],
  },
  {
    code: 'AGRIBANK',
    unit: 'Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh',
    shortUnit: 'Agribank chi nhánh tỉnh',
    foundedOn: '1992-03-26',
    cells: ['Văn phòng', 'Phòng Kế hoạch - Kinh doanh', 'Phòng Kế toán - Ngân quỹ'],
  },
  {
    code: 'TLBNA',
    unit: 'Công ty TNHH MTV Thủy lợi Bắc Nghệ An',
    shortUnit: 'Công ty Thủy lợi Bắc Nghệ An',
    foundedOn: '1993-05-20',
    cells: ['Văn phòng Công ty', 'Xí nghiệp Thủy lợi Nghi Lộc', 'Xí nghiệp Thủy lợi Diễn Châu'],
  },
  {
    code: 'CAPNUOC',
    unit: 'Công ty Cổ phần Cấp nước Nghệ An',
    shortUnit: 'Công ty CP Cấp nước Nghệ An',
    foundedOn: '1995-06-01',
    cells: ['Văn phòng Công ty', 'Xí nghiệp Sản xuất nước Hưng Vĩnh', 'Phòng Kinh doanh'],
  },
  {
    code: 'SACHTB',
    unit: 'Công ty Cổ phần Sách và Thiết bị trường học Nghệ An',
    shortUnit: 'Công ty CP Sách và TBTH Nghệ An',
    cell: true,
    foundedOn: '1997-09-09',
  },
];

const vinh: GrassrootsSpec[] = [
  {
    code: 'HUNGBINH',
    unit: 'phường Hưng Bình',
    placeName: 'Hưng Bình',
    foundedOn: '1955-03-10',
    cells: ['khối 1', 'khối 2', 'khối 3', 'khối 4', 'Trường Tiểu học Hưng Bình'],
  },
  {
    code: 'LELOI',
    unit: 'phường Lê Lợi',
    placeName: 'Lê Lợi',
    foundedOn: '1955-03-10',
    cells: ['khối 1', 'khối 2', 'khối 3'],
  },
  {
    code: 'QUANGTRUNG',
    unit: 'phường Quang Trung',
    placeName: 'Quang Trung',
    foundedOn: '1955-03-10',
    cells: ['khối 1', 'khối 2', 'khối 5'],
  },
  {
    code: 'TRUONGTHI',
    unit: 'phường Trường Thi',
    placeName: 'Trường Thi',
    foundedOn: '1955-03-10',
    cells: ['khối 2', 'khối 6', 'Trường Tiểu học Trường Thi'],
  },
  {
    code: 'NGHIPHU',
    unit: 'xã Nghi Phú',
    placeName: 'Nghi Phú',
    foundedOn: '1948-07-20',
    cells: ['xóm 1', 'xóm 2', 'xóm 3', 'Trường Mầm non Nghi Phú'],
  },
  {
    code: 'CATP',
    unit: 'Công an thành phố Vinh',
    shortUnit: 'Công an TP Vinh',
    foundedOn: '1976-05-15',
    cells: ['Đội Tổng hợp', 'Đội Cảnh sát hình sự', 'Đội An ninh', 'Đội Cảnh sát giao thông - trật tự'],
  },
  {
    code: 'BQLDA',
    unit: 'Ban Quản lý dự án đầu tư xây dựng thành phố Vinh',
    shortUnit: 'Ban QLDA ĐTXD TP Vinh',
    cell: true,
    foundedOn: '2004-09-01',
  },
  {
    code: 'THCSDTM',
    unit: 'Trường THCS Đặng Thai Mai',
    cell: true,
    foundedOn: '1999-08-20',
  },
];

const nghiLoc: GrassrootsSpec[] = [
  {
    code: 'QUANHANH',
    unit: 'thị trấn Quán Hành',
    placeName: 'Quán Hành',
    foundedOn: '1986-06-02',
    cells: ['khối 1', 'khối 2', 'khối 3', 'Trường Tiểu học Quán Hành'],
  },
  {
    code: 'NGHILONG',
    unit: 'xã Nghi Long',
    placeName: 'Nghi Long',
    foundedOn: '1947-02-03',
    cells: ['xóm 1', 'xóm 2', 'xóm 3', 'xóm 4'],
  },
  {
    code: 'NGHIXA',
    unit: 'xã Nghi Xá',
    placeName: 'Nghi Xá',
    foundedOn: '1947-05-19',
    cells: ['xóm 1', 'xóm 2', 'xóm 3'],
  },
  {
    code: 'NGHITRUNG',
    unit: 'xã Nghi Trung',
    placeName: 'Nghi Trung',
    foundedOn: '1948-03-26',
    cells: ['xóm 1', 'xóm 2', 'Trường THCS Nghi Trung'],
  },
  {
    code: 'NGHITHUAN',
    unit: 'xã Nghi Thuận',
    placeName: 'Nghi Thuận',
    foundedOn: '1947-09-02',
    cells: ['xóm 1', 'xóm 2', 'xóm 3'],
  },
  {
    code: 'CAH',
    unit: 'Công an huyện Nghi Lộc',
    foundedOn: '1976-05-15',
    cells: ['Đội Tổng hợp', 'Đội Cảnh sát điều tra tội phạm về trật tự xã hội', 'Đội An ninh'],
  },
  {
    code: 'THPTNL1',
    unit: 'Trường THPT Nghi Lộc 1',
    cell: true,
    foundedOn: '1995-09-05',
  },
];

const upperSpecs: UpperSpec[] = [
  {
    code: 'DUK',
    name: 'Đảng bộ Khối Các cơ quan tỉnh',
    shortName: 'ĐB Khối CCQ tỉnh',
    issuerCode: 'ĐUK',
    placeName: VINH,
    foundedOn: '1991-10-24',
    kind: 'provincial_bloc',
    termStartsOn: '2015-08-01',
    grassroots: agencies,
  },
  {
    code: 'DKDN',
    name: 'Đảng bộ Khối Doanh nghiệp tỉnh',
    shortName: 'ĐB Khối DN tỉnh',
    issuerCode: 'ĐUK',
    placeName: VINH,
    foundedOn: '2006-11-14',
    kind: 'provincial_bloc',
    termStartsOn: '2015-07-24',
    grassroots: enterprises,
  },
  {
    code: 'VINH',
    name: 'Đảng bộ thành phố Vinh',
    shortName: 'ĐB TP Vinh',
    issuerCode: 'ThU',
    placeName: VINH,
    foundedOn: '1930-08-01',
    kind: 'district_organization',
    termStartsOn: '2015-08-08',
    grassroots: vinh,
  },
  {
    code: 'NGHILOC',
    name: 'Đảng bộ huyện Nghi Lộc',
    shortName: 'ĐB huyện Nghi Lộc',
    issuerCode: 'HU',
    placeName: NGHI_LOC,
    foundedOn: '1930-06-15',
    kind: 'district_organization',
    termStartsOn: '2015-07-18',
    grassroots: nghiLoc,
  },
];

// ---------------------------------------------------------------------------------------------------
// Building

function congressDayBefore(code: string, parentStartsOn: string, minGap: number, maxGap: number): string {
  const random = prng(`${code}/congress`);
  return maxDate(CELL_CONGRESS_FROM, addDays(parentStartsOn, -randomInt(random, minGap, maxGap)));
}

/** A subordinate unit's founding day: some time after its parent's, and before the 2015 congresses. */
function cellFoundedOn(code: string, parentFoundedOn: string): string {
  const random = prng(`${code}/founded`);
  const day = fromDay(toDay(parentFoundedOn) + randomInt(random, 0, 15 * 365));
  return maxDate(parentFoundedOn, minDate(day, LAST_FOUNDING_DAY));
}

function serial(index: number): string {
  return String(index + 1).padStart(2, '0');
}

function buildCell(
  code: string,
  name: string,
  parent: { foundedOn: string; startsOn: string; placeName: string },
) {
  const startsOn = congressDayBefore(code, parent.startsOn, 8, 30);
  return {
    code,
    name: `Chi bộ ${name}`,
    shortName: null,
    issuerCode: 'CB',
    placeName: parent.placeName,
    foundedOn: cellFoundedOn(code, parent.foundedOn),
    level: 'cell',
    kind: 'subordinate_cell',
    terms: fiveYearTerms(startsOn),
    children: [],
  } satisfies DemoOrganization;
}

function buildGrassroots(spec: GrassrootsSpec, parentCode: string, parentPlace: string): DemoOrganization {
  const code = `${parentCode}-${spec.code}`;
  const random = prng(`${code}/congress`);
  const startsOn = addDays(
    GRASSROOTS_CONGRESS_FROM,
    randomInt(random, 0, toDay(GRASSROOTS_CONGRESS_TO) - toDay(GRASSROOTS_CONGRESS_FROM)),
  );
  const placeName = spec.placeName ?? parentPlace;
  const shortUnit = spec.shortUnit ?? spec.unit;
  const self = { foundedOn: spec.foundedOn, startsOn, placeName };

  if (spec.cell) {
    return {
      code,
      name: `Chi bộ ${spec.unit}`,
      shortName: `CB ${shortUnit}`,
      issuerCode: 'CB',
      placeName,
      foundedOn: spec.foundedOn,
      level: 'grassroots',
      kind: 'grassroots_cell',
      terms: fiveYearTerms(startsOn),
      children: [],
    };
  }

  const cells = (spec.cells ?? []).map((cell, index) => buildCell(`${code}-CB${serial(index)}`, cell, self));
  const subs = (spec.subs ?? []).map((sub, index): DemoOrganization => {
    const subCode = `${code}-BP${serial(index)}`;
    const subStartsOn = congressDayBefore(subCode, startsOn, 6, 14);
    const subFoundedOn = cellFoundedOn(subCode, spec.foundedOn);
    const subSelf = { foundedOn: subFoundedOn, startsOn: subStartsOn, placeName };
    return {
      code: subCode,
      name: `Đảng bộ bộ phận ${sub.unit}`,
      shortName: `ĐBBP ${sub.shortUnit ?? sub.unit}`,
      issuerCode: 'ĐU',
      placeName,
      foundedOn: subFoundedOn,
      level: 'sub_grassroots',
      kind: 'sub_grassroots_organization',
      terms: fiveYearTerms(subStartsOn),
      children: sub.cells.map((cell, cellIndex) =>
        buildCell(`${subCode}-CB${serial(cellIndex)}`, cell, subSelf),
      ),
    };
  });

  return {
    code,
    name: `Đảng bộ ${spec.unit}`,
    shortName: `ĐB ${shortUnit}`,
    issuerCode: 'ĐU',
    placeName,
    foundedOn: spec.foundedOn,
    level: 'grassroots',
    kind: 'grassroots_organization',
    terms: fiveYearTerms(startsOn),
    children: [...cells, ...subs],
  };
}

const ROOT_CODE = 'NA';

/** Builds the demo tree afresh; `demoTree` is its result, kept for callers that only read. */
export function buildDemoTree(): DemoOrganization {
  return {
    code: ROOT_CODE,
    name: 'Đảng bộ tỉnh Nghệ An',
    shortName: 'ĐB tỉnh Nghệ An',
    issuerCode: 'TU',
    placeName: VINH,
    foundedOn: '1930-04-09',
    level: 'provincial',
    kind: 'provincial_organization',
    terms: [
      { name: '2015–2020', startsOn: '2015-10-16', endsOn: '2020-10-15' },
      { name: '2020–2025', startsOn: '2020-10-16', endsOn: '2025-10-15' },
    ],
    children: upperSpecs.map((upper): DemoOrganization => {
      const code = `${ROOT_CODE}-${upper.code}`;
      return {
        code,
        name: upper.name,
        shortName: upper.shortName,
        issuerCode: upper.issuerCode,
        placeName: upper.placeName,
        foundedOn: upper.foundedOn,
        level: 'upper_grassroots',
        kind: upper.kind,
        terms: fiveYearTerms(upper.termStartsOn),
        children: upper.grassroots.map((spec) => buildGrassroots(spec, code, upper.placeName)),
      };
    }),
  };
}

export const demoTree: DemoOrganization = buildDemoTree();

/** Depth-first, parents before children, children in their listed order; the root has depth 0. */
export function flattenDemoTree(
  root: DemoOrganization = demoTree,
): { org: DemoOrganization; parentCode: string | null; depth: number }[] {
  const out: { org: DemoOrganization; parentCode: string | null; depth: number }[] = [];
  const visit = (org: DemoOrganization, parentCode: string | null, depth: number): void => {
    out.push({ org, parentCode, depth });
    for (const child of org.children) visit(child, org.code, depth + 1);
  };
  visit(root, null, 0);
  return out;
}

export const demoAccounts: DemoAccount[] = [
  {
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    roles: [{ role: 'admin', organizationCode: null }],
  },
  {
    username: 'vanphong',
    displayName: 'Nguyễn Thị Thanh Hương',
    roles: [{ role: 'office', organizationCode: 'NA-DUK' }],
  },
  {
    username: 'bithu',
    displayName: 'Hồ Đức Thắng',
    roles: [{ role: 'secretary', organizationCode: 'NA-DUK' }],
  },
  {
    username: 'bithu.stc',
    displayName: 'Lê Văn Quang',
    roles: [{ role: 'secretary', organizationCode: 'NA-DUK-STC' }],
  },
  {
    username: 'kiemtra',
    displayName: 'Phan Văn Thành',
    roles: [{ role: 'inspector', organizationCode: 'NA-DUK' }],
  },
  {
    username: 'dangvien',
    displayName: 'Trần Thị Mai Anh',
    roles: [{ role: 'member', organizationCode: 'NA-DUK-STC-CB02' }],
  },
  {
    username: 'vanphong.tu',
    displayName: 'Võ Thị Hoài Thu',
    roles: [{ role: 'office', organizationCode: 'NA' }],
  },
];
