import { queryOptions } from '@tanstack/react-query';
import { type Page, request } from '../../app/api';

export interface Organization {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  shortName: string | null;
  issuerCode: string | null;
  placeName: string | null;
  foundedOn: string | null;
  level: string;
  kind: string;
  archived: boolean;
  depth: number;
  childCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationRef {
  id: string;
  code: string;
  name: string;
}

export interface Term {
  id: string;
  organizationId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  version: number;
}

export interface OrganizationDetail extends Organization {
  ancestors: OrganizationRef[];
  terms: Term[];
}

export interface OrganizationInput {
  code: string;
  name: string;
  shortName?: string | null;
  issuerCode?: string | null;
  placeName?: string | null;
  foundedOn?: string | null;
  level: string;
  kind: string;
}

export interface TermInput {
  name: string;
  startsOn: string;
  endsOn: string;
}

export interface OrganizationListQuery {
  q?: string;
  parentId?: string;
  under?: string;
  scopeRoots?: boolean;
  level?: string;
  includeArchived?: boolean;
  limit?: number;
  cursor?: string;
}

export const ORG_KEY = 'organizations';

export function listOrganizations(query: OrganizationListQuery, signal?: AbortSignal) {
  return request<Page<Organization>>('/organizations', { query: { ...query }, signal });
}

export const rootsQuery = () =>
  queryOptions({
    queryKey: [ORG_KEY, 'roots'],
    queryFn: ({ signal }) =>
      listOrganizations({ scopeRoots: true, includeArchived: true, limit: 500 }, signal),
  });

export const childrenQuery = (parentId: string) =>
  queryOptions({
    queryKey: [ORG_KEY, 'children', parentId],
    queryFn: ({ signal }) => listOrganizations({ parentId, includeArchived: true, limit: 500 }, signal),
  });

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: [ORG_KEY, 'search', q],
    queryFn: ({ signal }) => listOrganizations({ q, includeArchived: true, limit: 50 }, signal),
    enabled: q.trim().length > 0,
  });

export const detailQuery = (id: string) =>
  queryOptions({
    queryKey: [ORG_KEY, 'detail', id],
    queryFn: ({ signal }) =>
      request<OrganizationDetail>(`/organizations/${encodeURIComponent(id)}`, { signal }),
  });

export function createOrganization(input: OrganizationInput & { parentId: string }) {
  return request<Organization>('/organizations', { method: 'POST', body: input });
}

export function updateOrganization(
  id: string,
  patch: Partial<OrganizationInput> & { version: number; archived?: boolean },
) {
  return request<Organization>(`/organizations/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });
}

export function moveOrganization(id: string, parentId: string, version: number) {
  return request<Organization>(`/organizations/${encodeURIComponent(id)}/move`, {
    method: 'POST',
    body: { parentId, version },
  });
}

export function createTerm(organizationId: string, input: TermInput) {
  return request<Term>(`/organizations/${encodeURIComponent(organizationId)}/terms`, {
    method: 'POST',
    body: input,
  });
}

export function updateTerm(
  organizationId: string,
  termId: string,
  patch: Partial<TermInput> & { version: number },
) {
  return request<Term>(
    `/organizations/${encodeURIComponent(organizationId)}/terms/${encodeURIComponent(termId)}`,
    {
      method: 'PATCH',
      body: patch,
    },
  );
}
