import { type DocumentTypeCode, isDocumentType } from '@daihoi/core';
import type { Query } from '../../app/api';

/** The filters of the document register; kept in the page's URL. */
export interface DocumentFilters {
  q?: string;
  organizationId?: string;
  direction?: 'incoming' | 'outgoing';
  type?: DocumentTypeCode;
  /** The issuer's code in the number: "TW", "ĐUK". */
  issuer?: string;
  year?: number;
}

export const FILTER_KEYS = ['q', 'organizationId', 'direction', 'type', 'issuer', 'year'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MIN_YEAR = 1930;
const MAX_YEAR = 9999;

export const isUuid = (value: string | null | undefined): value is string => !!value && UUID.test(value);

/** An issuer code as numbers write it: upper case, NFC ("đuk" finds "ĐUK"). */
export function normalizeIssuer(text: string): string {
  return text.normalize('NFC').trim().toLocaleUpperCase('vi').slice(0, 30);
}

/** Reads the filters from a URL query, dropping values the server would refuse. */
export function filtersFromSearch(params: URLSearchParams): DocumentFilters {
  const filters: DocumentFilters = {};
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 200);
  const org = params.get('organizationId');
  if (isUuid(org)) filters.organizationId = org;
  const direction = params.get('direction');
  if (direction === 'incoming' || direction === 'outgoing') filters.direction = direction;
  const type = params.get('type');
  if (type && isDocumentType(type)) filters.type = type;
  const issuer = params.get('issuer');
  if (issuer?.trim()) filters.issuer = normalizeIssuer(issuer);
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR) filters.year = year;
  return filters;
}

/** The API query of a set of filters: only what is set. */
export function filtersToQuery(filters: DocumentFilters): Query {
  const query: Query = {};
  if (filters.q?.trim()) query.q = filters.q.trim();
  if (filters.organizationId) query.organizationId = filters.organizationId;
  if (filters.direction) query.direction = filters.direction;
  if (filters.type) query.type = filters.type;
  if (filters.issuer?.trim()) query.issuer = normalizeIssuer(filters.issuer);
  if (filters.year) query.year = filters.year;
  return query;
}

/** The URL query of a set of filters; empty values are left out so the URL stays short. */
export function filtersToSearch(filters: DocumentFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filtersToQuery(filters))) {
    if (value !== undefined && value !== null && value !== '') out[key] = String(value);
  }
  return out;
}

/** How many filters besides the search text are active (shown on the phone's filter button). */
export function activeFilterCount(filters: DocumentFilters): number {
  return FILTER_KEYS.filter((k) => k !== 'q' && filters[k] !== undefined).length;
}
