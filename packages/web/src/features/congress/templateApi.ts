import type { StepOffset } from '@daihoi/core';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { request } from '../../app/api';
import { CONGRESS_KEY } from './api';

/** A step as the server shows it; `source` and `unverified` only on the shipped template's steps. */
export interface TemplateStep {
  key: string;
  titleVi: string;
  owner: string;
  offset: StepOffset;
  submission?: string;
  source?: { document: string; date?: string; issuer?: string; article?: string };
  unverified?: boolean;
  noteVi?: string;
}

export interface StoredTemplate {
  nameVi: string;
  sourceDocument: string | null;
  steps: TemplateStep[];
}

export interface CongressTemplateView {
  ruleSet: { id: string; name: string };
  organization: { id: string; name: string };
  /** What the organization inherits from above: the nearest published template, or the shipped one. */
  inherited: {
    nameVi: string;
    /** The committee above that published it; null for the shipped template. */
    organization: { id: string; name: string } | null;
    publishedAt: string | null;
    steps: TemplateStep[];
  };
  /** The organization's own template; null until it saves a draft. */
  own: {
    draft: StoredTemplate | null;
    published: StoredTemplate | null;
    publishedAt: string | null;
    version: number;
  } | null;
  abilities: { edit: boolean };
}

/** A step as the committee types it: the server keeps no source or mark of its own. */
export interface TemplateStepInput {
  key: string;
  titleVi: string;
  owner: string;
  offset: StepOffset;
  submission?: string;
  noteVi?: string;
}

export interface PutTemplateInput {
  ruleSetId: string;
  nameVi: string;
  sourceDocument?: string;
  steps: TemplateStepInput[];
  /** The template row's version; omitted for the committee's first draft. */
  version?: number;
}

const templatePath = (organizationId: string) =>
  `/organizations/${encodeURIComponent(organizationId)}/congress-template`;

export const TEMPLATE_KEY = [CONGRESS_KEY, 'template'] as const;

export const congressTemplateQuery = (organizationId: string, ruleSetId: string) =>
  queryOptions({
    queryKey: [...TEMPLATE_KEY, organizationId, ruleSetId],
    queryFn: ({ signal }) =>
      request<CongressTemplateView>(templatePath(organizationId), { query: { ruleSetId }, signal }),
  });

// Every write answers with the organization's template as it now stands.

export function putCongressTemplate(organizationId: string, input: PutTemplateInput) {
  return request<CongressTemplateView>(templatePath(organizationId), { method: 'PUT', body: input });
}

export function publishCongressTemplate(organizationId: string, ruleSetId: string, version: number) {
  return request<CongressTemplateView>(`${templatePath(organizationId)}/publish`, {
    method: 'POST',
    body: { ruleSetId, version },
  });
}

export function discardCongressTemplateDraft(organizationId: string, ruleSetId: string, version: number) {
  return request<CongressTemplateView>(`${templatePath(organizationId)}/draft`, {
    method: 'DELETE',
    query: { ruleSetId, version },
  });
}

export function withdrawCongressTemplate(organizationId: string, ruleSetId: string, version: number) {
  return request<CongressTemplateView>(templatePath(organizationId), {
    method: 'DELETE',
    query: { ruleSetId, version },
  });
}

/**
 * Takes in what a write answered. A publication or withdrawal changes what the organizations below
 * inherit and the dashboard's columns, so those are read again; the audit tab follows every write.
 */
export function useApplyTemplate(organizationId: string, ruleSetId: string) {
  const queryClient = useQueryClient();
  return (view: CongressTemplateView, subtreeChanged: boolean) => {
    queryClient.setQueryData(congressTemplateQuery(organizationId, ruleSetId).queryKey, view);
    if (subtreeChanged) {
      void queryClient.invalidateQueries({
        queryKey: TEMPLATE_KEY,
        predicate: (q) => q.queryKey[2] !== organizationId,
      });
      void queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY, 'dashboard'] });
    }
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}
