import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../app/api';
import { refusalAtFields } from '../../app/forms';
import type {
  CongressKind,
  CongressPlanDetail,
  CongressTask,
  CreatePlanInput,
  CreateTaskInput,
  UpdatePlanInput,
  UpdateTaskInput,
} from './api';

/** The kind field: 'auto' leaves it to the membership (the server derives it). */
export type KindChoice = CongressKind | 'auto';

export interface PlanFormValues {
  organizationId?: string;
  termId?: string;
  plannedOn?: Dayjs | null;
  durationDays?: number;
  congressKind?: KindChoice;
  congressKindReason?: string;
  note?: string;
}

export const PLAN_FIELDS = [
  'organizationId',
  'termId',
  'plannedOn',
  'durationDays',
  'congressKind',
  'congressKindReason',
  'note',
] as const;

export interface TaskFormValues {
  title?: string;
  ownerKind?: string;
  ownerName?: string;
  dueOn?: Dayjs | null;
  doneOn?: Dayjs | null;
  note?: string;
}

export const TASK_FIELDS = ['title', 'ownerKind', 'ownerName', 'dueOn', 'doneOn', 'note', 'status'] as const;

export const isoOf = (d: Dayjs | null | undefined) => (d?.isValid() ? d.format('YYYY-MM-DD') : undefined);
const trimmed = (s: string | null | undefined) => (s ?? '').trim();
const orNull = (s: string | null | undefined) => trimmed(s) || null;
const dayOf = (iso: string | null | undefined) => (iso ? dayjs(iso) : null);

/** A new plan's body: the kind only when chosen, the reason only with a chosen kind. */
export function createPlanBody(values: PlanFormValues): CreatePlanInput {
  const body: CreatePlanInput = {
    organizationId: values.organizationId ?? '',
    termId: values.termId ?? '',
    durationDays: values.durationDays ?? 1,
  };
  const on = isoOf(values.plannedOn);
  if (on) body.plannedOn = on;
  if (values.congressKind && values.congressKind !== 'auto') {
    body.congressKind = values.congressKind;
    const reason = orNull(values.congressKindReason);
    if (reason) body.congressKindReason = reason;
  }
  const note = orNull(values.note);
  if (note) body.note = note;
  return body;
}

export function planToValues(plan: CongressPlanDetail): PlanFormValues {
  return {
    organizationId: plan.organization.id,
    termId: plan.term.id,
    plannedOn: dayOf(plan.plannedOn),
    durationDays: plan.durationDays,
    congressKind: plan.congressKind,
    congressKindReason: plan.congressKindReason ?? '',
    note: plan.note ?? '',
  };
}

/** What the user changed against `base` (the plan as opened or reloaded), as a PATCH body without its version. */
export function planChanges(values: PlanFormValues, base: PlanFormValues): Omit<UpdatePlanInput, 'version'> {
  const patch: Omit<UpdatePlanInput, 'version'> = {};
  const on = isoOf(values.plannedOn) ?? null;
  if (on !== (isoOf(base.plannedOn) ?? null)) patch.plannedOn = on;
  if (values.durationDays !== undefined && values.durationDays !== base.durationDays)
    patch.durationDays = values.durationDays;
  const kind = values.congressKind;
  if (kind && kind !== 'auto' && kind !== base.congressKind) patch.congressKind = kind;
  if (trimmed(values.congressKindReason) !== trimmed(base.congressKindReason))
    patch.congressKindReason = orNull(values.congressKindReason);
  // A new kind is checked with its reason: send the reason the form holds along with it.
  if (patch.congressKind && patch.congressKindReason === undefined && trimmed(values.congressKindReason))
    patch.congressKindReason = trimmed(values.congressKindReason);
  if (trimmed(values.note) !== trimmed(base.note)) patch.note = orNull(values.note);
  return patch;
}

export function createTaskBody(values: TaskFormValues): CreateTaskInput {
  const body: CreateTaskInput = {
    title: trimmed(values.title),
    ownerKind: values.ownerKind ?? 'committee',
    dueOn: isoOf(values.dueOn) ?? '',
  };
  const ownerName = orNull(values.ownerName);
  if (ownerName) body.ownerName = ownerName;
  const note = orNull(values.note);
  if (note) body.note = note;
  return body;
}

export function taskToValues(task: CongressTask): TaskFormValues {
  return {
    title: task.title,
    ownerKind: task.ownerKind,
    ownerName: task.ownerName ?? '',
    dueOn: dayOf(task.dueOn),
    doneOn: dayOf(task.doneOn),
    note: task.note ?? '',
  };
}

/**
 * The edit modal's changes against `base`, as a PATCH body without its version: the title only for a task
 * added by hand, the day done only for a task that is done.
 */
export function taskChanges(
  values: TaskFormValues,
  base: TaskFormValues,
  task: Pick<CongressTask, 'stepKey' | 'status'>,
): Omit<UpdateTaskInput, 'version'> {
  const patch: Omit<UpdateTaskInput, 'version'> = {};
  if (!task.stepKey && trimmed(values.title) && trimmed(values.title) !== trimmed(base.title))
    patch.title = trimmed(values.title);
  if (trimmed(values.ownerName) !== trimmed(base.ownerName)) patch.ownerName = orNull(values.ownerName);
  const due = isoOf(values.dueOn);
  if (due && due !== isoOf(base.dueOn)) patch.dueOn = due;
  if (task.status === 'done') {
    const done = isoOf(values.doneOn);
    if (done && done !== isoOf(base.doneOn)) patch.doneOn = done;
  }
  if (trimmed(values.note) !== trimmed(base.note)) patch.note = orNull(values.note);
  return patch;
}

/** Which field a refusal belongs to when its details name none that the form knows. */
const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  CONGRESS_SCHEDULE_INVALID: 'plannedOn',
  CONGRESS_KIND_REASON_REQUIRED: 'congressKindReason',
  CONGRESS_TERM_MISMATCH: 'termId',
  CONGRESS_RULE_SET_MISSING: 'termId',
  CONGRESS_PLAN_EXISTS: 'termId',
  ORG_NOT_FOUND: 'organizationId',
  CONGRESS_TASK_DUE_BEFORE_PLAN: 'dueOn',
  CONGRESS_TASK_DONE_IN_FUTURE: 'doneOn',
};

/**
 * The server's refusal with its details rewritten as the form's own field names, so that the app's form
 * helpers put each message under its field (a refused date: the directive's words under the date).
 */
export function forForm(error: unknown, fields: readonly string[]): unknown {
  return refusalAtFields(error, fields, FIELD_OF_CODE);
}

export async function withFormErrors<T>(run: () => Promise<T>, fields: readonly string[]): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw forForm(error, fields);
  }
}

/** The plan that already exists for the organization and term (409 CONGRESS_PLAN_EXISTS). */
export function existingPlanId(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'CONGRESS_PLAN_EXISTS') return null;
  const d = error.details;
  const found = (Array.isArray(d) ? d : [d]).find(
    (x): x is { planId: string } => typeof (x as { planId?: unknown } | null)?.planId === 'string',
  );
  return found?.planId ?? null;
}

/**
 * After a stale save: fields the user left alone take the newest values; what they typed stays.
 * Values compare by their JSON (dates as ISO days).
 */
export function mergeFresh<T extends object>(current: T, base: T, fresh: T): T {
  const norm = (v: unknown) => JSON.stringify(dayjs.isDayjs(v) ? isoOf(v) : (v ?? null));
  const merged = { ...current } as Record<string, unknown>;
  const cur = current as Record<string, unknown>;
  const old = base as Record<string, unknown>;
  for (const [key, value] of Object.entries(fresh)) {
    if (norm(cur[key]) === norm(old[key]) || !(key in cur)) merged[key] = value;
  }
  return merged as T;
}
