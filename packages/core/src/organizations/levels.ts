/** The levels of the Party organization, highest first. */
export const ORGANIZATION_LEVELS = [
  'central',
  'provincial',
  'upper_grassroots',
  'grassroots',
  'sub_grassroots',
  'cell',
] as const;

export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];

interface OrganizationKindDefinition {
  readonly code: string;
  /** The levels an organization of this kind may stand at. */
  readonly levels: readonly OrganizationLevel[];
  /** False for cells: a chi bộ has party groups (tổ đảng), not organizations, under it. */
  readonly holdsOrganizations: boolean;
}

export const ORGANIZATION_KINDS = [
  { code: 'central_committee', levels: ['central'], holdsOrganizations: true },
  { code: 'provincial_organization', levels: ['provincial'], holdsOrganizations: true },
  { code: 'central_bloc', levels: ['provincial'], holdsOrganizations: true },
  { code: 'provincial_bloc', levels: ['upper_grassroots'], holdsOrganizations: true },
  { code: 'district_organization', levels: ['upper_grassroots'], holdsOrganizations: true },
  { code: 'armed_forces_organization', levels: ['upper_grassroots'], holdsOrganizations: true },
  // Since 1/7/2025 communes and wards stand directly under the province.
  { code: 'commune_organization', levels: ['grassroots', 'upper_grassroots'], holdsOrganizations: true },
  { code: 'grassroots_organization', levels: ['grassroots'], holdsOrganizations: true },
  { code: 'grassroots_cell', levels: ['grassroots'], holdsOrganizations: false },
  { code: 'sub_grassroots_organization', levels: ['sub_grassroots'], holdsOrganizations: true },
  { code: 'subordinate_cell', levels: ['cell'], holdsOrganizations: false },
] as const satisfies readonly OrganizationKindDefinition[];

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]['code'];

/** The levels an organization may hold directly under it, by its own level. */
export const ORGANIZATION_CHILD_LEVELS: Readonly<Record<OrganizationLevel, readonly OrganizationLevel[]>> = {
  central: ['provincial'],
  // Grassroots directly under the province: communes and wards since 1/7/2025, and a few others before.
  provincial: ['upper_grassroots', 'grassroots'],
  upper_grassroots: ['grassroots'],
  grassroots: ['sub_grassroots', 'cell'],
  sub_grassroots: ['cell'],
  cell: [],
};

export const ORGANIZATION_LEVEL_LABELS_VI: Readonly<Record<OrganizationLevel, string>> = {
  central: 'Cấp Trung ương',
  provincial: 'Cấp tỉnh',
  upper_grassroots: 'Cấp trên cơ sở',
  grassroots: 'Cấp cơ sở',
  sub_grassroots: 'Đảng bộ bộ phận',
  cell: 'Chi bộ trực thuộc',
};

export const ORGANIZATION_KIND_LABELS_VI: Readonly<Record<OrganizationKind, string>> = {
  central_committee: 'Ban Chấp hành Trung ương Đảng',
  provincial_organization: 'Đảng bộ tỉnh, thành phố trực thuộc Trung ương',
  central_bloc: 'Đảng bộ khối trực thuộc Trung ương',
  provincial_bloc: 'Đảng bộ khối trực thuộc tỉnh ủy, thành ủy',
  district_organization: 'Đảng bộ quận, huyện, thị xã, thành phố thuộc tỉnh',
  armed_forces_organization: 'Đảng bộ Quân sự, Đảng bộ Công an tỉnh, thành phố',
  commune_organization: 'Đảng bộ xã, phường, thị trấn, đặc khu',
  grassroots_organization: 'Đảng bộ cơ sở',
  grassroots_cell: 'Chi bộ cơ sở',
  sub_grassroots_organization: 'Đảng bộ bộ phận',
  subordinate_cell: 'Chi bộ trực thuộc',
};

const KINDS_BY_CODE = new Map<string, OrganizationKindDefinition>(
  ORGANIZATION_KINDS.map((kind) => [kind.code, kind]),
);

export function isOrganizationLevel(value: string): value is OrganizationLevel {
  return (ORGANIZATION_LEVELS as readonly string[]).includes(value);
}

export function isOrganizationKind(value: string): value is OrganizationKind {
  return KINDS_BY_CODE.has(value);
}

/** May an organization of this kind stand at this level? */
export function isKindAllowedAtLevel(kind: OrganizationKind, level: OrganizationLevel): boolean {
  return KINDS_BY_CODE.get(kind)?.levels.includes(level) ?? false;
}

/** May an organization at parentLevel hold one at childLevel directly under it? */
export function canContain(parentLevel: OrganizationLevel, childLevel: OrganizationLevel): boolean {
  return ORGANIZATION_CHILD_LEVELS[parentLevel]?.includes(childLevel) ?? false;
}

/** False for kinds that hold no organizations under them (grassroots and subordinate cells). */
export function kindHoldsOrganizations(kind: OrganizationKind): boolean {
  return KINDS_BY_CODE.get(kind)?.holdsOrganizations ?? false;
}
