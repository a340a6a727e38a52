export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping columns that change on every write and say nothing to a reader. */
const HIDDEN_FIELDS = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'version',
  'searchText',
  'sortKey',
  'path',
  'depth',
  'passwordHash',
]);

/** The order a reader expects; fields not listed follow in the order the event gives them. */
const FIELD_ORDER = [
  'name',
  'displayName',
  'username',
  'code',
  'shortName',
  'issuerCode',
  'placeName',
  'foundedOn',
  'startsOn',
  'endsOn',
  'level',
  'kind',
  'parentId',
  'roles',
  'active',
  'archived',
  'archivedAt',
];

function fieldRank(field: string): number {
  const i = FIELD_ORDER.indexOf(field);
  return i < 0 ? FIELD_ORDER.length : i;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** Structural equality of JSON values, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  return [...keys].every((k) => sameJson(ra[k], rb[k]));
}

/** The fields an event changed, in reading order (then after's order, then those only before had). */
export function auditDiff(before: unknown, after: unknown): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields
    .map((field, i) => ({ field, i }))
    .sort((x, y) => fieldRank(x.field) - fieldRank(y.field) || x.i - y.i)
    .map((x) => x.field)
    .filter((field) => !HIDDEN_FIELDS.has(field) && !sameJson(b[field], a[field]))
    .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
}

/** A readable name for what an event touched: the organization's, term's or account's name. */
export function entitySummary(before: unknown, after: unknown): string | null {
  for (const source of [asRecord(after), asRecord(before)]) {
    for (const key of ['name', 'displayName', 'username', 'code']) {
      const value = source[key];
      if (typeof value === 'string' && value) return value;
    }
  }
  return null;
}
