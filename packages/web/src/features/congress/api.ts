import type { StepStatus } from '@daihoi/core';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { buildUrl, type Page, request } from '../../app/api';
import { uploadWithProgress } from '../../app/upload';
import type { UploadedFile } from '../files/api';
import type { CongressSubmission, PlanAbilities } from './budgetApi';

export const CONGRESS_KINDS = ['all_member', 'delegates'] as const;
export type CongressKind = (typeof CONGRESS_KINDS)[number];

export const TASK_STATUSES = ['open', 'done', 'skipped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A task's colour: the dashboard's five states, and "skipped" for a step the committee leaves out. */
export type TaskState = StepStatus | 'skipped';

interface NamedRef {
  id: string;
  name: string;
}

export interface CongressTask {
  id: string;
  /** The template step it came from; null for a task added by hand. */
  stepKey: string | null;
  title: string;
  ownerKind: string;
  ownerName: string | null;
  dueOn: string | null;
  status: TaskStatus;
  doneOn: string | null;
  state: TaskState | string;
  note: string | null;
  position: number;
  version: number;
}

export interface PlanWarning {
  code: string;
  message: string;
}

export interface CongressPlan {
  id: string;
  organization: NamedRef & { level: string };
  term: NamedRef;
  ruleSet: NamedRef;
  congressKind: CongressKind;
  congressKindReason: string | null;
  derivedKind: { kind: CongressKind | string; memberCount: number; threshold: number };
  plannedOn: string | null;
  durationDays: number;
  adoptedOn: string;
  /** The template the plan's tasks came from; organizationId null for the shipped one. */
  template: { name: string; organizationId: string | null };
  note: string | null;
  warnings: PlanWarning[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CongressSubcommittee {
  id: string;
  kind: string;
  name: string;
  duties: string | null;
  version: number;
  members: { memberId: string; fullName: string; role: string; duties: string | null }[];
}

export interface CongressPlanDetail extends CongressPlan {
  tasks: CongressTask[];
  subcommittees: CongressSubcommittee[];
  submissions: CongressSubmission[];
  /** edit: the organization's own managers; decide: the committees above, on what is submitted. */
  abilities: PlanAbilities;
}

export interface CreatePlanInput {
  organizationId: string;
  termId: string;
  plannedOn?: string | null;
  durationDays: number;
  congressKind?: CongressKind;
  congressKindReason?: string | null;
  note?: string | null;
}

export interface UpdatePlanInput {
  version: number;
  plannedOn?: string | null;
  durationDays?: number;
  congressKind?: CongressKind;
  congressKindReason?: string | null;
  note?: string | null;
}

export interface CreateTaskInput {
  title: string;
  ownerKind: string;
  ownerName?: string | null;
  dueOn: string;
  note?: string | null;
}

export interface UpdateTaskInput {
  version: number;
  title?: string;
  ownerName?: string | null;
  dueOn?: string;
  status?: TaskStatus;
  doneOn?: string | null;
  note?: string | null;
}

export interface PlanFilters {
  organizationId?: string;
}

export interface DashboardRow {
  organization: NamedRef & { level: string; depth: number; parentId: string | null };
  planId: string | null;
  plannedOn: string | null;
  durationDays: number | null;
  /** The level's last allowed day under the rule set, if it has one. */
  deadline: string | null;
  /** One state per step, in the order of `steps`. */
  cells: StepStatus[];
}

export interface Dashboard {
  organization: NamedRef;
  term: { name: string };
  ruleSet: NamedRef;
  today: string;
  steps: { key: string; title: string }[];
  rows: DashboardRow[];
  counts: Record<StepStatus, number>;
}

export interface DashboardQuery {
  organizationId?: string;
  termId?: string;
  level?: string;
  status?: StepStatus;
}

export const CONGRESS_KEY = 'congress';
const PAGE_SIZE = 20;

const planPath = (id: string) => `/congress-plans/${encodeURIComponent(id)}`;
const taskPath = (id: string) => `/congress-tasks/${encodeURIComponent(id)}`;

export const plansQuery = (filters: PlanFilters, limit = PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: [CONGRESS_KEY, 'plans', filters, limit],
    queryFn: ({ pageParam, signal }) =>
      request<Page<CongressPlan>>('/congress-plans', {
        query: { organizationId: filters.organizationId, cursor: pageParam, limit },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The plans of one organization (any term): whether the term chosen in the form already has one. */
export const organizationPlansQuery = (organizationId: string) =>
  queryOptions({
    queryKey: [CONGRESS_KEY, 'plans', 'of', organizationId],
    queryFn: ({ signal }) =>
      request<Page<CongressPlan>>('/congress-plans', { query: { organizationId, limit: 100 }, signal }),
  });

export const planQuery = (id: string) =>
  queryOptions({
    queryKey: [CONGRESS_KEY, 'plan', id],
    queryFn: ({ signal }) => request<CongressPlanDetail>(planPath(id), { signal }),
  });

export const dashboardQuery = (q: DashboardQuery) =>
  queryOptions({
    queryKey: [CONGRESS_KEY, 'dashboard', q],
    queryFn: ({ signal }) => request<Dashboard>('/congress-dashboard', { query: { ...q }, signal }),
  });

export const dashboardXlsxUrl = (q: DashboardQuery) => buildUrl('/congress-dashboard.xlsx', { ...q });

export function createPlan(input: CreatePlanInput) {
  return request<CongressPlanDetail>('/congress-plans', { method: 'POST', body: input });
}

export function updatePlan(id: string, patch: UpdatePlanInput) {
  return request<CongressPlanDetail>(planPath(id), { method: 'PATCH', body: patch });
}

export function addTask(planId: string, input: CreateTaskInput) {
  return request<CongressTask>(`${planPath(planId)}/tasks`, { method: 'POST', body: input });
}

export function updateTask(id: string, patch: UpdateTaskInput) {
  return request<CongressTask>(taskPath(id), { method: 'PATCH', body: patch });
}

export interface EvidenceUpload {
  file: File;
  csrfToken: string | null;
  onProgress: (percent: number) => void;
}

export function uploadEvidence(taskId: string, req: EvidenceUpload, signal?: AbortSignal) {
  return uploadWithProgress<UploadedFile>(`${taskPath(taskId)}/files`, {
    fields: {},
    file: req.file,
    filename: req.file.name,
    csrfToken: req.csrfToken,
    onProgress: req.onProgress,
    signal,
  });
}

/** The entity name under which the files service keeps a task's evidence. */
export const TASK_FILE_ENTITY = 'congress_task';
