import { request } from '../../app/api';
import type { CongressSubcommittee } from './api';

export const SUBCOMMITTEE_KINDS = ['documents', 'personnel', 'logistics', 'other'] as const;
export type SubcommitteeKind = (typeof SUBCOMMITTEE_KINDS)[number];

/** The three subcommittees every congress forms (RULES §1.3): the quick button forms the missing ones. */
export const STANDARD_SUBCOMMITTEE_KINDS = ['documents', 'personnel', 'logistics'] as const;

export const SUBCOMMITTEE_ROLES = ['head', 'deputy', 'member'] as const;
export type SubcommitteeRole = (typeof SUBCOMMITTEE_ROLES)[number];

export interface SubcommitteeMemberInput {
  memberId: string;
  role: SubcommitteeRole;
  duties?: string | null;
}

export interface CreateSubcommitteeInput {
  kind: SubcommitteeKind;
  /** Omitted: the kind's usual name ("Tiểu ban Văn kiện"). */
  name?: string;
  duties?: string | null;
  members: SubcommitteeMemberInput[];
}

export interface UpdateSubcommitteeInput {
  version: number;
  name?: string;
  /** null clears it. */
  duties?: string | null;
  /** Replaces the whole list, in this order. */
  members?: SubcommitteeMemberInput[];
}

const planPath = (id: string) => `/congress-plans/${encodeURIComponent(id)}`;
const subcommitteePath = (id: string) => `/congress-subcommittees/${encodeURIComponent(id)}`;

/** Every write answers with the plan's subcommittees as they now stand. */
export function createSubcommittee(planId: string, input: CreateSubcommitteeInput) {
  return request<CongressSubcommittee[]>(`${planPath(planId)}/subcommittees`, {
    method: 'POST',
    body: input,
  });
}

export function updateSubcommittee(id: string, input: UpdateSubcommitteeInput) {
  return request<CongressSubcommittee[]>(subcommitteePath(id), { method: 'PATCH', body: input });
}

export function deleteSubcommittee(id: string) {
  return request<void>(subcommitteePath(id), { method: 'DELETE' });
}
