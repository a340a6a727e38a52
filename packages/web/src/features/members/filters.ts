import {
  type AgeBand,
  type Gender,
  isAgeBand,
  isGender,
  isMemberStatus,
  type MemberStatus,
} from '@daihoi/core';
import type { Query } from '../../app/api';

/** The filters of the member list, the export and the print view; kept in the page's URL. */
export interface MemberFilters {
  q?: string;
  organizationId?: string;
  status?: MemberStatus;
  gender?: Gender;
  ageBand?: AgeBand;
  joinYear?: number;
  isLeader?: boolean;
}

export const FILTER_KEYS = [
  'q',
  'organizationId',
  'status',
  'gender',
  'ageBand',
  'joinYear',
  'isLeader',
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MIN_JOIN_YEAR = 1930;

/** Reads the filters from a URL query, dropping values the server would refuse. */
export function filtersFromSearch(params: URLSearchParams): MemberFilters {
  const filters: MemberFilters = {};
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 200);
  const org = params.get('organizationId');
  if (org && UUID.test(org)) filters.organizationId = org;
  const status = params.get('status');
  if (status && isMemberStatus(status)) filters.status = status;
  const gender = params.get('gender');
  if (gender && isGender(gender)) filters.gender = gender;
  const band = params.get('ageBand');
  if (band && isAgeBand(band)) filters.ageBand = band;
  const year = Number(params.get('joinYear'));
  if (Number.isInteger(year) && year >= MIN_JOIN_YEAR && year <= 2200) filters.joinYear = year;
  if (params.get('isLeader') === 'true') filters.isLeader = true;
  return filters;
}

/** The URL query of a set of filters; empty values are left out so the URL stays short. */
export function filtersToSearch(filters: MemberFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filtersToQuery(filters))) {
    if (value !== undefined && value !== null && value !== '') out[key] = String(value);
  }
  return out;
}

/** The API query of a set of filters (list, export): only what is set. */
export function filtersToQuery(filters: MemberFilters): Query {
  const query: Query = {};
  if (filters.q?.trim()) query.q = filters.q.trim();
  if (filters.organizationId) query.organizationId = filters.organizationId;
  if (filters.status) query.status = filters.status;
  if (filters.gender) query.gender = filters.gender;
  if (filters.ageBand) query.ageBand = filters.ageBand;
  if (filters.joinYear) query.joinYear = filters.joinYear;
  if (filters.isLeader) query.isLeader = true;
  return query;
}

/** How many filters besides the search text are active (shown on the phone's filter button). */
export function activeFilterCount(filters: MemberFilters): number {
  return FILTER_KEYS.filter((k) => k !== 'q' && filters[k] !== undefined).length;
}
