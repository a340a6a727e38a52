import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { type Page, request } from '../../app/api';

export interface AuditEvent {
  id: string;
  seq: number;
  occurredAt: string;
  actor: { id: string; username: string; displayName: string } | null;
  action: string;
  entity: string;
  entityId: string;
  organizationId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  organizationId?: string;
}

export type VerifyResult =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: { seq: number; id: string } };

export const AUDIT_KEY = 'audit';
const PAGE_SIZE = 50;

export const auditEventsQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: [AUDIT_KEY, 'events', filter],
    queryFn: ({ pageParam, signal }) =>
      request<Page<AuditEvent>>('/audit-events', {
        query: { ...filter, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const verifyQuery = () =>
  queryOptions({
    queryKey: [AUDIT_KEY, 'verify'],
    queryFn: () => request<VerifyResult>('/audit-events/verify'),
    enabled: false,
    staleTime: 0,
    gcTime: 0,
  });
