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

/** The key the editor's writes (save, publish, delete the draft) run under, so that the rows wait for them. */
export const templateWriteKey = (organizationId: string, ruleSetId: string) =>
  [...TEMPLATE_KEY, 'write', organizationId, ruleSetId] as const;

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

/** What a publication with `applyToPlans` changed in the plans below still in preparation. */
export interface TemplateApplied {
  plans: number;
  /** Tasks added for steps a plan lacked. */
  added: number;
  /** Tasks rewritten: an open one's new title, owner or deadline, a place in the order, the skipped ones. */
  changed: number;
  /** Open tasks of steps the template dropped, now "not carried out" with the reason. */
  skipped: number;
}

export interface PublishedTemplateView extends CongressTemplateView {
  /** Null unless the publication was applied to the plans already adopted. */
  applied?: TemplateApplied | null;
}

export interface PublishTemplateInput {
  version: number;
  /** Also bring the plans adopted below that have not held their congress to the new steps. */
  applyToPlans: boolean;
}

export function publishCongressTemplate(
  organizationId: string,
  ruleSetId: string,
  { version, applyToPlans }: PublishTemplateInput,
) {
  return request<PublishedTemplateView>(`${templatePath(organizationId)}/publish`, {
    method: 'POST',
    body: { ruleSetId, version, ...(applyToPlans ? { applyToPlans } : {}) },
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
 * inherit and the dashboard's columns, so those are read again; one applied to the plans below changes
 * their tasks as well. The audit tab follows every write.
 */
export function useApplyTemplate(organizationId: string, ruleSetId: string) {
  const queryClient = useQueryClient();
  return ({ applied, ...view }: PublishedTemplateView, subtreeChanged: boolean) => {
    queryClient.setQueryData(congressTemplateQuery(organizationId, ruleSetId).queryKey, view);
    if (subtreeChanged) {
      void queryClient.invalidateQueries({
        queryKey: TEMPLATE_KEY,
        predicate: (q) => q.queryKey[2] !== organizationId,
      });
      void queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY, 'dashboard'] });
    }
    if (applied)
      for (const key of ['plans', 'plan'])
        void queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY, key] });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
  };
}
