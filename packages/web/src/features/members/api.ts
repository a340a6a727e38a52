import type { AgeBand, Gender, MemberRecord, MemberStatus, TheoryLevel } from '@daihoi/core';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { buildUrl, type Page, request } from '../../app/api';
import { uploadWithProgress } from '../../app/upload';
import { filtersToQuery, type MemberFilters } from './filters';

export type { AgeBand, Gender, MemberStatus, TheoryLevel };

export const COMMITTEE_POSITIONS = [
  'secretary',
  'deputy_secretary',
  'standing_committee',
  'committee_member',
  'inspection_chair',
  'inspection_member',
] as const;
export type CommitteePosition = (typeof COMMITTEE_POSITIONS)[number];

export interface MemberWarning {
  code: string;
  message: string;
}

export interface Member extends MemberRecord {
  id: string;
  organizationId: string;
  organizationName: string;
  isLeader: boolean;
  joinedOrganizationOn: string;
  age: number;
  warnings: MemberWarning[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationLink {
  id: string;
  name: string;
}

export interface Transfer {
  id: string;
  fromOrganization: OrganizationLink | null;
  toOrganization: OrganizationLink | null;
  destination: string | null;
  transferredOn: string;
  reason: string | null;
  status: 'pending' | 'applied';
}

export interface CommitteeSeat {
  id: string;
  organizationId: string;
  organizationName: string;
  termId: string;
  termName: string;
  position: CommitteePosition;
}

export interface MemberDetail extends Member {
  transfers: Transfer[];
  committeeSeats: CommitteeSeat[];
  account: { id: string; username: string } | null;
}

/** The fields a clerk writes; the organization only on creation (afterwards through transfers). */
export interface MemberInput {
  organizationId?: string;
  fullName: string;
  cardNumber?: string | null;
  gender: Gender;
  birthDate: string;
  ethnicity?: string | null;
  hometown?: string | null;
  admittedOn: string;
  fullMemberOn?: string | null;
  status: MemberStatus;
  educationLevel?: string | null;
  theoryLevel?: TheoryLevel | null;
  jobTitle?: string | null;
  employer?: string | null;
  phone?: string | null;
  email?: string | null;
  isLeader?: boolean;
}

export interface TransferInput {
  toOrganizationId?: string;
  destination?: string;
  transferredOn: string;
  reason?: string;
}

export interface MemberStatistics {
  total: number;
  byStatus: Record<string, number>;
  byGender: Record<string, number>;
  byAgeBand: Record<string, number>;
  byEthnicity: { key: string; count: number }[];
  byTheoryLevel: Record<string, number>;
  byOrganization: { organizationId: string; name: string; count: number }[];
}

export interface CommitteeEntry {
  id: string;
  memberId: string;
  fullName: string;
  position: CommitteePosition;
  termId: string;
  termName: string;
}

export type ImportStatus = 'parsing' | 'preview' | 'committing' | 'committed' | 'failed' | 'cancelled';

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportJob {
  id: string;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  counts: ImportCounts;
  errors: ImportRowError[];
  message?: string | null;
  fileName?: string;
  organizationId?: string;
}

export const MEMBERS_KEY = 'members';
export const MEMBER_IMPORTS_KEY = 'member-imports';
const PAGE_SIZE = 50;

const memberPath = (id: string) => `/members/${encodeURIComponent(id)}`;

export function listMembers(
  filters: MemberFilters,
  cursor?: string,
  limit = PAGE_SIZE,
  signal?: AbortSignal,
) {
  return request<Page<Member>>('/members', {
    query: { ...filtersToQuery(filters), cursor, limit },
    signal,
  });
}

export const membersQuery = (filters: MemberFilters, limit = PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: [MEMBERS_KEY, 'list', filters, limit],
    queryFn: ({ pageParam, signal }) => listMembers(filters, pageParam, limit, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const memberQuery = (id: string) =>
  queryOptions({
    queryKey: [MEMBERS_KEY, 'detail', id],
    queryFn: ({ signal }) => request<MemberDetail>(memberPath(id), { signal }),
  });

export const statisticsQuery = (organizationId: string | undefined) =>
  queryOptions({
    queryKey: [MEMBERS_KEY, 'statistics', organizationId ?? null],
    queryFn: ({ signal }) =>
      request<MemberStatistics>('/members/statistics', { query: { organizationId }, signal }),
  });

export const committeeQuery = (organizationId: string, termId: string | undefined) =>
  queryOptions({
    queryKey: [MEMBERS_KEY, 'committee', organizationId, termId ?? null],
    queryFn: ({ signal }) =>
      request<{ items: CommitteeEntry[] }>(`/organizations/${encodeURIComponent(organizationId)}/committee`, {
        query: { termId },
        signal,
      }),
  });

const RUNNING: readonly ImportStatus[] = ['parsing', 'committing'];

export const importJobQuery = (id: string) =>
  queryOptions({
    queryKey: [MEMBER_IMPORTS_KEY, id],
    queryFn: ({ signal }) => request<ImportJob>(`/member-imports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data && RUNNING.includes(query.state.data.status) ? 800 : false),
    staleTime: 0,
  });

export const exportUrl = (filters: MemberFilters) =>
  buildUrl('/members/export.xlsx', filtersToQuery(filters));
export const statisticsXlsxUrl = (organizationId: string | undefined) =>
  buildUrl('/members/statistics.xlsx', { organizationId });
export const templateUrl = () => buildUrl('/member-imports/template.xlsx');
export const importErrorsUrl = (id: string) =>
  buildUrl(`/member-imports/${encodeURIComponent(id)}/errors.xlsx`);

export function createMember(input: MemberInput) {
  return request<MemberDetail>('/members', { method: 'POST', body: input });
}

export function updateMember(id: string, patch: Partial<MemberInput> & { version: number }) {
  return request<MemberDetail>(memberPath(id), { method: 'PATCH', body: patch });
}

export function transferMember(id: string, input: TransferInput) {
  return request<MemberDetail>(`${memberPath(id)}/transfers`, { method: 'POST', body: input });
}

export function addCommitteeSeat(
  organizationId: string,
  input: { termId: string; memberId: string; position: CommitteePosition },
) {
  return request<CommitteeEntry>(`/organizations/${encodeURIComponent(organizationId)}/committee-seats`, {
    method: 'POST',
    body: input,
  });
}

export function removeCommitteeSeat(id: string) {
  return request<void>(`/committee-seats/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function commitImport(id: string) {
  return request<{ id: string; status: 'committed'; counts: ImportCounts }>(
    `/member-imports/${encodeURIComponent(id)}/commit`,
    { method: 'POST' },
  );
}

export function linkAccount(userId: string, memberId: string | null, version: number) {
  return request<unknown>(`/users/${encodeURIComponent(userId)}`, {
    method: 'PATCH',
    body: { version, memberId },
  });
}

export interface ImportUpload {
  file: File;
  organizationId: string;
  csrfToken: string | null;
  onProgress: (percent: number) => void;
}

export function uploadImport(req: ImportUpload, signal?: AbortSignal): Promise<ImportJob> {
  const { file, organizationId, csrfToken, onProgress } = req;
  return uploadWithProgress<ImportJob>('/member-imports', {
    fields: { organizationId },
    file,
    filename: file.name,
    csrfToken,
    onProgress,
    signal,
  });
}
