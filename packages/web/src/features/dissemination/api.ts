import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { buildUrl, type Page, request } from '../../app/api';

export interface OrgRef {
  id: string;
  name: string;
}

/** What names a document everywhere: number + date + issuer (RULES §0). */
export interface DocumentRef {
  id: string;
  type: string;
  typeName: string;
  number: string | null;
  issuerName: string;
  issuedOn: string;
  summary: string;
}

export interface DocumentListItem extends DocumentRef {
  organization: OrgRef;
  direction: 'incoming' | 'outgoing';
}

export interface AttendanceCounts {
  expected: number;
  present: number;
  absent: number;
}

export interface SessionRef {
  id: string;
  title: string;
  startsAt: string;
}

export interface Session {
  id: string;
  organization: OrgRef;
  makeupOf: SessionRef | null;
  title: string;
  startsAt: string;
  place: string | null;
  chair: string | null;
  documents: DocumentRef[];
  invitedOrganizations: OrgRef[];
  /** The list may carry the counts; the detail always does. */
  attendance?: AttendanceCounts;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Proposal {
  id: string;
  content: string;
  proposedBy: string | null;
  assignedTo: string | null;
  answer: string | null;
  answeredAt: string | null;
  version: number;
}

export interface SessionDetail extends Session {
  guests: string | null;
  conclusions: string | null;
  attendance: AttendanceCounts;
  proposals: Proposal[];
  makeups: (SessionRef & { organization: OrgRef })[];
  abilities: { edit: boolean; recordAttendance: boolean };
}

export type AttendanceStatus = 'present' | 'absent';
export type AttendanceFilterStatus = AttendanceStatus | 'unrecorded';

export interface AttendanceRow {
  member: { id: string; fullName: string; organization: OrgRef };
  status: AttendanceStatus | null;
  reason: string | null;
  recordedAt: string | null;
  editable: boolean;
}

export interface AttendanceEntry {
  memberId: string;
  status: AttendanceStatus | null;
  reason?: string | null;
}

export interface AttendanceResult {
  present: number;
  absent: number;
  cleared: number;
}

export interface CoverageCounts {
  total: number;
  studied: number;
}

export interface CoverageRow extends CoverageCounts {
  organization: OrgRef;
  /** The organization's own members, not those of a child. */
  own: boolean;
}

export interface Coverage extends CoverageCounts {
  document: DocumentRef;
  organization: OrgRef;
  rows: CoverageRow[];
  missing: { id: string; fullName: string; organization: OrgRef }[];
  missingTotal: number;
}

export interface SessionInput {
  organizationId: string;
  makeupOf?: string;
  title: string;
  /** ISO with its offset, "2019-11-12T14:00:00+07:00". */
  startsAt: string;
  place?: string | null;
  chair?: string | null;
  guests?: string | null;
  conclusions?: string | null;
  documentIds?: string[];
  invitedOrganizationIds?: string[];
}

export type SessionPatch = Partial<Omit<SessionInput, 'organizationId' | 'makeupOf'>> & { version: number };

export interface ProposalInput {
  content: string;
  proposedBy?: string | null;
  assignedTo?: string | null;
  answer?: string | null;
}

export interface SessionFilters {
  organizationId?: string;
  documentId?: string;
}

export interface AttendanceFilters {
  organizationId?: string;
  status?: AttendanceFilterStatus;
  q?: string;
}

export const SESSIONS_KEY = 'dissemination-sessions';
export const COVERAGE_KEY = 'dissemination-coverage';
const DOCUMENTS_PICK_KEY = 'dissemination-documents';
const PAGE_SIZE = 50;
export const ATTENDANCE_PAGE_SIZE = 100;

const sessionPath = (id: string) => `/dissemination-sessions/${encodeURIComponent(id)}`;
const documentPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

export const sessionsQuery = (filters: SessionFilters, limit = PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: [SESSIONS_KEY, 'list', filters, limit],
    queryFn: ({ pageParam, signal }) =>
      request<Page<Session>>('/dissemination-sessions', {
        query: { ...filters, cursor: pageParam, limit },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: [SESSIONS_KEY, 'detail', id],
    queryFn: ({ signal }) => request<SessionDetail>(sessionPath(id), { signal }),
  });

export const attendanceQuery = (
  sessionId: string,
  filters: AttendanceFilters,
  limit = ATTENDANCE_PAGE_SIZE,
) =>
  infiniteQueryOptions({
    queryKey: [SESSIONS_KEY, 'attendance', sessionId, filters, limit],
    queryFn: ({ pageParam, signal }) =>
      request<Page<AttendanceRow>>(`${sessionPath(sessionId)}/attendance`, {
        query: { ...filters, cursor: pageParam, limit },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const coverageQuery = (documentId: string, organizationId: string | undefined) =>
  queryOptions({
    queryKey: [COVERAGE_KEY, documentId, organizationId ?? null],
    queryFn: ({ signal }) =>
      request<Coverage>(`${documentPath(documentId)}/coverage`, { query: { organizationId }, signal }),
  });

export const coverageXlsxUrl = (documentId: string, organizationId: string | undefined) =>
  buildUrl(`${documentPath(documentId)}/coverage.xlsx`, { organizationId });

export const documentSearchQuery = (q: string) =>
  queryOptions({
    queryKey: [DOCUMENTS_PICK_KEY, 'search', q],
    queryFn: ({ signal }) =>
      request<Page<DocumentListItem>>('/documents', { query: { q: q || undefined, limit: 20 }, signal }),
  });

/** One document's reference, for a filter chosen before (from the URL). */
export const documentRefQuery = (id: string) =>
  queryOptions({
    queryKey: [DOCUMENTS_PICK_KEY, 'ref', id],
    queryFn: ({ signal }) => request<DocumentListItem>(documentPath(id), { signal }),
    staleTime: 5 * 60_000,
  });

export function createSession(input: SessionInput) {
  return request<SessionDetail>('/dissemination-sessions', { method: 'POST', body: input });
}

export function updateSession(id: string, patch: SessionPatch) {
  return request<SessionDetail>(sessionPath(id), { method: 'PATCH', body: patch });
}

export function saveAttendance(id: string, entries: AttendanceEntry[]) {
  return request<AttendanceResult>(`${sessionPath(id)}/attendance`, { method: 'PUT', body: { entries } });
}

export function createProposal(sessionId: string, input: ProposalInput) {
  return request<Proposal>(`${sessionPath(sessionId)}/proposals`, { method: 'POST', body: input });
}

export function updateProposal(id: string, patch: Partial<ProposalInput> & { version: number }) {
  return request<Proposal>(`/dissemination-proposals/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: patch,
  });
}

/** Whatever a write changes shows again everywhere: lists, the session, the coverage of its documents. */
export function useInvalidateDissemination() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: [SESSIONS_KEY] });
    void queryClient.invalidateQueries({ queryKey: [COVERAGE_KEY] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useSaveAttendance(sessionId: string) {
  const invalidate = useInvalidateDissemination();
  return useMutation({
    mutationFn: (entries: AttendanceEntry[]) => saveAttendance(sessionId, entries),
    meta: { silent: true },
    onSuccess: () => invalidate(),
  });
}
