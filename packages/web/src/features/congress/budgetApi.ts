import type { BudgetLine } from '@daihoi/core';
import { queryOptions } from '@tanstack/react-query';
import { request } from '../../app/api';
import { CONGRESS_KEY } from './api';

export const BUDGET_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

export const SUBMISSION_KINDS = ['plan', 'congress_date', 'budget', 'personnel'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_STATUSES = ['submitted', 'approved', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

type Person = { id: string; displayName: string } | null;

/** A stored line with its amount, as the server computed it. */
export interface BudgetLineOut {
  category: string;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  amount: number;
}

/** The newest version of a plan's budget estimate. */
export interface CongressBudget {
  id: string;
  versionNo: number;
  status: BudgetStatus | string;
  /** The row version for optimistic locking (PUT sends it back). */
  version: number;
  lines: BudgetLineOut[];
  byCategory: Record<string, number>;
  total: number;
  totalInWords: string;
}

export interface BudgetVersion {
  id: string;
  versionNo: number;
  status: BudgetStatus | string;
}

export interface BudgetResponse {
  budget: CongressBudget | null;
  /** Every version, oldest first. */
  versions: BudgetVersion[];
}

export interface PutBudgetInput {
  /** Omitted while the plan has no budget yet. */
  version?: number;
  lines: BudgetLine[];
}

/** One round of one part of the plan sent to the committee above. */
export interface CongressSubmission {
  id: string;
  kind: SubmissionKind | string;
  round: number;
  status: SubmissionStatus;
  budgetId: string | null;
  note: string | null;
  submittedAt: string;
  submittedBy: Person;
  decidedAt: string | null;
  decidedBy: Person;
  comment: string | null;
}

/** edit: the organization's own managers; decide: the committees above, on what is submitted. */
export interface PlanAbilities {
  edit: boolean;
  decide: boolean;
}

const planPath = (id: string) => `/congress-plans/${encodeURIComponent(id)}`;
const submissionPath = (id: string) => `/congress-submissions/${encodeURIComponent(id)}`;

export const budgetQueryKey = (planId: string) => [CONGRESS_KEY, 'budget', planId] as const;

export const budgetQuery = (planId: string) =>
  queryOptions({
    queryKey: budgetQueryKey(planId),
    queryFn: ({ signal }) => request<BudgetResponse>(`${planPath(planId)}/budget`, { signal }),
  });

export function putBudget(planId: string, input: PutBudgetInput) {
  return request<BudgetResponse>(`${planPath(planId)}/budget`, { method: 'PUT', body: input });
}

/** Starts the next version from the submitted or approved one (its lines copied). */
export function createBudgetVersion(planId: string) {
  return request<BudgetResponse>(`${planPath(planId)}/budget/versions`, { method: 'POST' });
}

export function submitToUpper(planId: string, input: { kind: SubmissionKind; note?: string }) {
  return request<CongressSubmission[]>(`${planPath(planId)}/submissions`, { method: 'POST', body: input });
}

export function approveSubmission(id: string, input: { comment?: string }) {
  return request<CongressSubmission[]>(`${submissionPath(id)}/approve`, { method: 'POST', body: input });
}

export function returnSubmission(id: string, input: { comment: string }) {
  return request<CongressSubmission[]>(`${submissionPath(id)}/return`, { method: 'POST', body: input });
}
