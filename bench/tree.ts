import {
  foldVietnamese,
  type OrganizationKind,
  type OrganizationLevel,
  vietnameseTextSortKey,
} from '@daihoi/core';
import { uuidv7 } from 'uuidv7';

/** One organizations row, with every NOT NULL column the table has no default for. */
export interface OrgRow {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  code: string;
  name: string;
  searchText: string;
  sortKey: string;
  level: OrganizationLevel;
  kind: OrganizationKind;
}

type Rng = () => number;

/** mulberry32: a seeded generator, so every run loads the same names. */
function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const PLACES = [
  'An Bình',
  'An Phú',
  'Bình Minh',
  'Cẩm Giàng',
  'Châu Khê',
  'Đình Bảng',
  'Đoàn Kết',
  'Đông Hòa',
  'Đại Đồng',
  'Gia Bình',
  'Hạ Long',
  'Hòa Bình',
  'Hoàn Sơn',
  'Hưng Đạo',
  'Kinh Bắc',
  'Lạc Vệ',
  'Lê Lợi',
  'Lương Tài',
  'Minh Đạo',
  'Nguyễn Trãi',
  'Nội Duệ',
  'Ô Cách',
  'Phù Chẩn',
  'Phú Mỹ',
  'Quế Võ',
  'Quyết Thắng',
  'Sơn Tây',
  'Tân Lập',
  'Thống Nhất',
  'Thuận Thành',
  'Tiên Du',
  'Trần Phú',
  'Từ Sơn',
  'Ứng Hòa',
  'Việt Đoàn',
  'Vĩnh Phúc',
  'Xuân Thủy',
  'Yên Thế',
  'Ỷ Lan',
  'Ấp Bắc',
];
const BLOCS = [
  'các cơ quan tỉnh',
  'Doanh nghiệp tỉnh',
  'Dân chính Đảng',
  'Giáo dục',
  'Y tế',
  'Nông nghiệp',
  'Công nghiệp',
  'Thương mại',
  'Giao thông',
  'Văn hóa',
];
const GRASSROOTS = ['xã', 'phường', 'Công ty Cổ phần', 'Trường Đại học', 'Bệnh viện Đa khoa', 'Tổng công ty'];
const CELLS = [
  'Thôn',
  'Khu phố',
  'Tổ dân phố',
  'Xóm',
  'Ấp',
  'Bản',
  'Trường Tiểu học',
  'Trường THCS',
  'Trường Mầm non',
  'Trạm Y tế',
  'Phòng Kế toán',
  'Phân xưởng',
  'Đội sản xuất',
  'Công an xã',
  'Quân sự xã',
];

interface Tier {
  level: OrganizationLevel;
  kind: OrganizationKind;
  /** How many organizations the tier holds in all, spread evenly over the tier above. */
  count: number;
  codePrefix: string;
  name(r: Rng, index: number): string;
}

const numbered = (r: Rng, base: string) => (r() < 0.5 ? `${base} ${1 + Math.floor(r() * 20)}` : base);

export const TIERS = {
  root: {
    level: 'provincial',
    kind: 'provincial_organization',
    count: 1,
    codePrefix: 'T',
    name: () => 'Đảng bộ tỉnh Kinh Bắc',
  },
  upper: (count: number): Tier => ({
    level: 'upper_grassroots',
    kind: 'provincial_bloc',
    count,
    codePrefix: 'K',
    name: (_r, i) => `Đảng bộ Khối ${BLOCS[i % BLOCS.length]}${i >= BLOCS.length ? ` ${i + 1}` : ''}`,
  }),
  grassroots: (count: number): Tier => ({
    level: 'grassroots',
    kind: 'grassroots_organization',
    count,
    codePrefix: 'D',
    name: (r) => numbered(r, `Đảng bộ ${pick(r, GRASSROOTS)} ${pick(r, PLACES)}`),
  }),
  cells: (count: number): Tier => ({
    level: 'cell',
    kind: 'subordinate_cell',
    count,
    codePrefix: 'C',
    name: (r) => numbered(r, `Chi bộ ${pick(r, CELLS)} ${pick(r, PLACES)}`),
  }),
} satisfies Record<string, Tier | ((count: number) => Tier)>;

export interface Tree {
  rows: OrgRow[];
  /** The rows of each tier, top first. */
  tiers: OrgRow[][];
}

/**
 * A tree built tier by tier: each tier's organizations are spread as evenly as possible over the
 * organizations of the tier above, created parents first (the ids, UUID v7, follow that order).
 */
export function buildTree(tiers: readonly Tier[], seed = 2020): Tree {
  const r = rng(seed);
  const rows: OrgRow[] = [];
  const byTier: OrgRow[][] = [];
  let parents: (OrgRow | null)[] = [null];
  for (const tier of tiers) {
    const level: OrgRow[] = [];
    let index = 0;
    parents.forEach((parent, p) => {
      const share = Math.floor(tier.count / parents.length) + (p < tier.count % parents.length ? 1 : 0);
      for (let c = 0; c < share; c++, index++) {
        const id = uuidv7();
        const code = `${parent ? `${parent.code}.` : ''}${tier.codePrefix}${String(c + 1).padStart(3, '0')}`;
        const name = tier.name(r, index);
        level.push({
          id,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
          depth: (parent?.depth ?? -1) + 1,
          code,
          name,
          // The same text the organizations service stores (name, short name, code).
          searchText: foldVietnamese(`${name}  ${code}`),
          sortKey: vietnameseTextSortKey(name),
          level: tier.level,
          kind: tier.kind,
        });
      }
    });
    rows.push(...level);
    byTier.push(level);
    parents = level;
  }
  return { rows, tiers: byTier };
}

/** Descendants of `node` in the tree (the node itself excluded). */
export const descendantCount = (tree: Tree, node: OrgRow) =>
  tree.rows.filter((row) => row.path.startsWith(node.path) && row.id !== node.id).length;

export const ORG_COLUMNS = [
  'id',
  'parent_id',
  'path',
  'depth',
  'code',
  'name',
  'search_text',
  'sort_key',
  'level',
  'kind',
] as const;

const csvField = (v: string | number | null) => (v === null ? '' : `"${String(v).replaceAll('"', '""')}"`);

/** CSV in ORG_COLUMNS order; an unquoted empty field is NULL. */
export function toCsv(rows: readonly OrgRow[]): string {
  const lines = rows.map((o) =>
    [o.id, o.parentId, o.path, o.depth, o.code, o.name, o.searchText, o.sortKey, o.level, o.kind]
      .map(csvField)
      .join(','),
  );
  return `${lines.join('\n')}\n`;
}

/** One array per column, in ORG_COLUMNS order, for `INSERT … SELECT FROM unnest(…)`. */
export function toColumnArrays(rows: readonly OrgRow[]): unknown[][] {
  return [
    rows.map((o) => o.id),
    rows.map((o) => o.parentId),
    rows.map((o) => o.path),
    rows.map((o) => o.depth),
    rows.map((o) => o.code),
    rows.map((o) => o.name),
    rows.map((o) => o.searchText),
    rows.map((o) => o.sortKey),
    rows.map((o) => o.level),
    rows.map((o) => o.kind),
  ];
}
