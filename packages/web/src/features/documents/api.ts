import type { DocumentTypeCode } from '@daihoi/core';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ApiError, buildUrl, type Page, request } from '../../app/api';
import { i18next } from '../../app/i18n';
import { uploadWithProgress } from '../../app/upload';
import type { StoredFile, UploadedFile } from '../files/api';
import { type DocumentFilters, filtersToQuery } from './filters';

export type { DocumentTypeCode };

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const LINK_KINDS = ['implements', 'guides', 'amends', 'replaces'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const DISTRIBUTION_STATUSES = ['sent', 'received', 'reported'] as const;
export type DistributionStatus = (typeof DISTRIBUTION_STATUSES)[number];

export const NUMBER_STATUSES = ['reserved', 'used', 'cancelled'] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

interface NamedRef {
  id: string;
  name: string;
}

type Person = { id: string; displayName: string } | null;

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

export interface DocumentItem extends DocumentRef {
  organization: NamedRef;
  direction: Direction;
  sequence: number | null;
  issuerCode: string | null;
  signer: string | null;
  signerPosition: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentLink {
  kind: LinkKind;
  /** `to`: this document implements (guides…) the other; `from`: the other implements this one. */
  direction: 'to' | 'from';
  document: DocumentRef;
}

export interface DistributionSummary {
  total: number;
  received: number;
  reported: number;
  late: number;
}

export interface DocumentDetail extends DocumentItem {
  body: string | null;
  recipients: string | null;
  links: DocumentLink[];
  files: StoredFile[];
  distribution: DistributionSummary;
  abilities: { edit: boolean; distribute: boolean };
  /** The committees through which the actor may send it down: the register, or ones that received it. */
  senders: NamedRef[];
}

export interface LinkInput {
  targetId: string;
  kind: LinkKind;
}

export interface CreateDocumentInput {
  organizationId: string;
  direction: Direction;
  type: DocumentTypeCode;
  number?: string;
  numberId?: string;
  issuerName?: string;
  issuedOn: string;
  summary: string;
  signer?: string | null;
  signerPosition?: string | null;
  body?: string | null;
  recipients?: string | null;
  links?: LinkInput[];
}

export interface UpdateDocumentInput {
  version: number;
  number?: string | null;
  issuerName?: string;
  issuedOn?: string;
  summary?: string;
  signer?: string | null;
  signerPosition?: string | null;
  body?: string | null;
  recipients?: string | null;
  links?: LinkInput[];
}

export interface DocumentNumberEntry {
  id: string;
  issuerOrganizationId: string;
  term: NamedRef;
  congress: boolean;
  type: string;
  sequence: number;
  number: string;
  status: NumberStatus;
  documentId: string | null;
  note: string | null;
  reservedAt: string;
  reservedBy: Person;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export interface Distribution {
  id: string;
  document: DocumentRef;
  organization: NamedRef;
  /** The committee that sent it down. */
  sender: NamedRef;
  status: DistributionStatus;
  /** The report is due and not in. */
  late: boolean;
  note: string | null;
  dueOn: string | null;
  sentAt: string;
  receivedAt: string | null;
  receivedBy: Person;
  reportNumber: string | null;
  reportDocumentId: string | null;
  reportNote: string | null;
  reportedAt: string | null;
  remindedAt: string | null;
  abilities: { receive: boolean };
}

export interface InboxFilters {
  organizationId?: string;
  status?: DistributionStatus;
  late?: boolean;
}

export const DOCUMENTS_KEY = 'documents';
export const DOCUMENT_NUMBERS_KEY = 'document-numbers';
export const DISTRIBUTIONS_KEY = 'document-distributions';
const PAGE_SIZE = 50;
/** The number register shows one issuer's numbers, newest first; the server answers at most this many. */
const NUMBERS_LIMIT = 500;

const documentPath = (id: string) => `/documents/${encodeURIComponent(id)}`;

export function listDocuments(
  filters: DocumentFilters,
  cursor?: string,
  limit = PAGE_SIZE,
  signal?: AbortSignal,
) {
  return request<Page<DocumentItem>>('/documents', {
    query: { ...filtersToQuery(filters), cursor, limit },
    signal,
  });
}

export const documentsQuery = (filters: DocumentFilters, limit = PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: [DOCUMENTS_KEY, 'list', filters, limit],
    queryFn: ({ pageParam, signal }) => listDocuments(filters, pageParam, limit, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Documents found by number or words of the summary (the link picker, the report's own document). */
export const documentSearchQuery = (q: string, organizationId?: string) =>
  queryOptions({
    queryKey: [DOCUMENTS_KEY, 'search', q, organizationId ?? null],
    queryFn: ({ signal }) => listDocuments({ q: q || undefined, organizationId }, undefined, 20, signal),
  });

export const documentQuery = (id: string) =>
  queryOptions({
    queryKey: [DOCUMENTS_KEY, 'detail', id],
    queryFn: ({ signal }) => request<DocumentDetail>(documentPath(id), { signal }),
  });

export const numbersQuery = (issuerOrganizationId: string) =>
  queryOptions({
    queryKey: [DOCUMENT_NUMBERS_KEY, issuerOrganizationId],
    queryFn: ({ signal }) =>
      request<Page<DocumentNumberEntry>>('/document-numbers', {
        query: { issuerOrganizationId, limit: NUMBERS_LIMIT },
        signal,
      }),
  });

export const documentDistributionsQuery = (documentId: string) =>
  queryOptions({
    queryKey: [DISTRIBUTIONS_KEY, 'document', documentId],
    queryFn: ({ signal }) =>
      request<{ items: Distribution[] }>(`${documentPath(documentId)}/distributions`, { signal }),
  });

export const inboxQuery = (filters: InboxFilters) =>
  infiniteQueryOptions({
    queryKey: [DISTRIBUTIONS_KEY, 'inbox', filters],
    queryFn: ({ pageParam, signal }) =>
      request<Page<Distribution>>('/document-distributions', {
        query: {
          organizationId: filters.organizationId,
          status: filters.status,
          late: filters.late ? true : undefined,
          cursor: pageParam,
          limit: PAGE_SIZE,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const docxUrl = (id: string) => buildUrl(`${documentPath(id)}.docx`);

export function createDocument(input: CreateDocumentInput) {
  return request<DocumentDetail>('/documents', { method: 'POST', body: input });
}

export function updateDocument(id: string, patch: UpdateDocumentInput) {
  return request<DocumentDetail>(documentPath(id), { method: 'PATCH', body: patch });
}

export function reserveNumber(input: {
  issuerOrganizationId: string;
  type: DocumentTypeCode;
  congress?: boolean;
  note?: string | null;
}) {
  return request<DocumentNumberEntry>('/document-numbers', { method: 'POST', body: input });
}

export function cancelNumber(id: string, reason: string) {
  return request<DocumentNumberEntry>(`/document-numbers/${encodeURIComponent(id)}/cancel`, {
    method: 'POST',
    body: { reason },
  });
}

export function distributeDocument(
  id: string,
  input: {
    organizationIds: string[];
    dueOn?: string | null;
    note?: string | null;
    /** Passing down a document this committee received. */
    fromOrganizationId?: string;
  },
) {
  return request<{ sent: number; alreadySent: number }>(`${documentPath(id)}/distributions`, {
    method: 'POST',
    body: input,
  });
}

export function remindLate(id: string) {
  return request<{ reminded: number }>(`${documentPath(id)}/reminders`, { method: 'POST' });
}

export function confirmReceipt(distributionId: string) {
  return request<Distribution>(`/document-distributions/${encodeURIComponent(distributionId)}/receipt`, {
    method: 'POST',
  });
}

export function reportImplementation(
  distributionId: string,
  input: { number?: string; documentId?: string; note?: string },
) {
  return request<Distribution>(`/document-distributions/${encodeURIComponent(distributionId)}/report`, {
    method: 'POST',
    body: input,
  });
}

export interface DocumentUpload {
  file: File;
  csrfToken: string | null;
  onProgress: (percent: number) => void;
}

export function uploadDocumentFile(id: string, req: DocumentUpload, signal?: AbortSignal) {
  return uploadWithProgress<UploadedFile>(`${documentPath(id)}/files`, {
    fields: {},
    file: req.file,
    filename: req.file.name,
    csrfToken: req.csrfToken,
    onProgress: req.onProgress,
    signal,
  });
}

/**
 * The .docx of a document, fetched rather than linked: a refusal (no signer yet) comes back as JSON
 * with a message to show, which a plain link would open as a page of raw text.
 */
export async function downloadDocx(id: string): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(docxUrl(id), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('errors.network'));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as
      | { error?: { code?: unknown; message?: unknown } }
      | undefined;
    const code = typeof body?.error?.code === 'string' ? body.error.code : `HTTP_${response.status}`;
    const message =
      typeof body?.error?.message === 'string' && body.error.message
        ? body.error.message
        : i18next.t('errors.unexpected');
    throw new ApiError(response.status, code, message);
  }
  const blob = await response.blob();
  return { blob, fileName: fileNameFrom(response.headers.get('content-disposition')) ?? 'document.docx' };
}

/** The file name of a Content-Disposition header: the UTF-8 form first, then the plain one. */
export function fileNameFrom(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // falls back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || null;
}
