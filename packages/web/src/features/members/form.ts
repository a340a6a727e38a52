import {
  type Gender,
  isGender,
  isMemberStatus,
  isTheoryLevel,
  MEMBER_RECORD_FIELDS,
  type MemberFieldError,
  type MemberStatus,
  type TheoryLevel,
  validateMember,
} from '@daihoi/core';
import dayjs, { type Dayjs } from 'dayjs';
import type { Member, MemberInput } from './api';

/** What the member form holds: dates as dayjs values (the DatePicker's), text as typed. */
export interface MemberFormValues {
  organizationId?: string | null;
  fullName?: string;
  cardNumber?: string;
  gender?: Gender;
  birthDate?: Dayjs | null;
  ethnicity?: string;
  hometown?: string;
  admittedOn?: Dayjs | null;
  fullMemberOn?: Dayjs | null;
  status?: MemberStatus;
  educationLevel?: string;
  theoryLevel?: TheoryLevel | null;
  jobTitle?: string;
  employer?: string;
  phone?: string;
  email?: string;
  isLeader?: boolean;
}

export const DATE_FIELDS = ['birthDate', 'admittedOn', 'fullMemberOn'] as const;
export const TEXT_FIELDS = [
  'fullName',
  'cardNumber',
  'ethnicity',
  'hometown',
  'educationLevel',
  'jobTitle',
  'employer',
  'phone',
  'email',
] as const;
/** Every field the form edits (and a PATCH may carry), in the order the form shows them. */
export const MEMBER_FIELDS = ['organizationId', ...MEMBER_RECORD_FIELDS, 'isLeader'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

const ISO = 'YYYY-MM-DD';
const text = (s: string | undefined | null) => (s?.trim() ? s.trim().replace(/\s+/g, ' ') : null);
const iso = (d: Dayjs | null | undefined) => (d?.isValid() ? d.format(ISO) : null);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 'YYYY-MM-DD' → a dayjs value, or null. */
export const fromIso = (s: string | null | undefined): Dayjs | null => {
  if (!s || !ISO_DATE.test(s)) return null;
  const d = dayjs(s);
  return d.isValid() && d.format(ISO) === s ? d : null;
};

/** The request body of the form's values; empty text becomes null. */
export function toInput(v: MemberFormValues): MemberInput {
  return {
    ...(v.organizationId ? { organizationId: v.organizationId } : {}),
    fullName: text(v.fullName) ?? '',
    cardNumber: text(v.cardNumber),
    gender: v.gender as Gender,
    birthDate: iso(v.birthDate) ?? '',
    ethnicity: text(v.ethnicity),
    hometown: text(v.hometown),
    admittedOn: iso(v.admittedOn) ?? '',
    fullMemberOn: iso(v.fullMemberOn),
    status: v.status as MemberStatus,
    educationLevel: text(v.educationLevel),
    theoryLevel: v.theoryLevel ?? null,
    jobTitle: text(v.jobTitle),
    employer: text(v.employer),
    phone: text(v.phone),
    email: text(v.email),
    isLeader: v.isLeader ?? false,
  };
}

/** A new member's body: the optional fields only when given. */
export function createBody(v: MemberFormValues): MemberInput {
  const input = toInput(v);
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null)) as MemberInput;
}

export function memberToValues(m: Member): MemberFormValues {
  const day = fromIso;
  return {
    organizationId: m.organizationId,
    fullName: m.fullName,
    cardNumber: m.cardNumber ?? undefined,
    gender: m.gender,
    birthDate: day(m.birthDate),
    ethnicity: m.ethnicity ?? undefined,
    hometown: m.hometown ?? undefined,
    admittedOn: day(m.admittedOn),
    fullMemberOn: day(m.fullMemberOn),
    status: m.status,
    educationLevel: m.educationLevel ?? undefined,
    theoryLevel: m.theoryLevel,
    jobTitle: m.jobTitle ?? undefined,
    employer: m.employer ?? undefined,
    phone: m.phone ?? undefined,
    email: m.email ?? undefined,
    isLeader: m.isLeader,
  };
}

/** Only the fields that differ from the stored record, so an edit never overwrites what it did not touch. */
export function changedFields(before: Member, after: MemberInput): Partial<MemberInput> {
  const patch: Partial<MemberInput> = {};
  for (const key of Object.keys(after) as (keyof MemberInput)[]) {
    if (key === 'organizationId') continue;
    const was = (before as unknown as Record<string, unknown>)[key] ?? null;
    const now = after[key] ?? null;
    if (was !== now) Object.assign(patch, { [key]: now });
  }
  return patch;
}

export function pick<T extends object>(record: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => keys.includes(k))) as Partial<T>;
}

/** The core's checks on what the form holds, on the business date: the server runs the same ones. */
export function clientErrors(v: MemberFormValues, today: string): MemberFieldError[] {
  return validateMember({ ...toInput(v) }, today).errors;
}

export interface FieldMessage {
  field: string;
  message: string;
}

const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  MEMBER_CARD_TAKEN: 'cardNumber',
  MEMBER_CARD_INVALID: 'cardNumber',
  MEMBER_NAME_INVALID: 'fullName',
  MEMBER_TOO_YOUNG_AT_ADMISSION: 'admittedOn',
  MEMBER_FULL_BEFORE_ADMISSION: 'fullMemberOn',
  MEMBER_FULL_DATE_REQUIRED: 'fullMemberOn',
  MEMBER_GENDER_INVALID: 'gender',
  MEMBER_STATUS_INVALID: 'status',
};

function fieldName(raw: unknown, fields: readonly string[]): string | null {
  const segments = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw.split(/[.[\]/]+/).filter(Boolean)
      : [];
  // Schema errors name their place in the request ("body.fullName"); the form knows only the field.
  const rest = segments[0] === 'body' ? segments.slice(1) : segments;
  const name = rest[0];
  return name && fields.includes(name) ? name : null;
}

/**
 * The server's refusal as messages under the form's fields. Details may be `[{field|path, message}]`
 * (the core's errors or a schema's) or absent, when the code alone names the field.
 */
export function serverFieldMessages(
  code: string,
  message: string,
  details: unknown,
  fields: readonly string[] = MEMBER_FIELDS,
  fieldOfCode: Readonly<Record<string, string>> = FIELD_OF_CODE,
): FieldMessage[] {
  const out: FieldMessage[] = [];
  const list = Array.isArray(details) ? details : details && typeof details === 'object' ? [details] : [];
  for (const d of list) {
    if (!d || typeof d !== 'object') continue;
    const { field, path, message: own } = d as { field?: unknown; path?: unknown; message?: unknown };
    const name = fieldName(field ?? path, fields);
    if (name) out.push({ field: name, message: typeof own === 'string' && own ? own : message });
  }
  const byCode = fieldOfCode[code];
  if (out.length === 0 && byCode && fields.includes(byCode)) out.push({ field: byCode, message });
  return out;
}

// ---- Drafts: the form saved in this browser as the user types (DESIGN.md, "Long forms").

export type DraftValues = Partial<Record<MemberField, string | boolean | null>>;

export interface MemberDraft {
  savedAt: string;
  /** The record's version the draft started from; null for a new member. */
  baseVersion: number | null;
  values: DraftValues;
}

const DRAFT_PREFIX = 'daihoi.draft.member';
/** A draft older than this is not offered again. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export function draftKey(userId: string, memberId: string | 'new'): string {
  return `${DRAFT_PREFIX}.${userId}.${memberId}`;
}

export function valuesToDraft(v: MemberFormValues): DraftValues {
  const out: DraftValues = {};
  for (const key of MEMBER_FIELDS) {
    const value = v[key];
    if (value === undefined) continue;
    if ((DATE_FIELDS as readonly string[]).includes(key)) out[key] = iso(value as Dayjs | null);
    else out[key] = value as string | boolean | null;
  }
  return out;
}

export function draftToValues(d: DraftValues): MemberFormValues {
  const out: Record<string, unknown> = {};
  for (const key of MEMBER_FIELDS) {
    const value = d[key];
    if (value === undefined) continue;
    if ((DATE_FIELDS as readonly string[]).includes(key)) {
      out[key] = typeof value === 'string' ? fromIso(value) : null;
    } else if (key === 'isLeader') out[key] = value === true;
    else if (key === 'gender') out[key] = typeof value === 'string' && isGender(value) ? value : undefined;
    else if (key === 'status')
      out[key] = typeof value === 'string' && isMemberStatus(value) ? value : undefined;
    else if (key === 'theoryLevel')
      out[key] = typeof value === 'string' && isTheoryLevel(value) ? value : null;
    else out[key] = typeof value === 'string' ? value : undefined;
  }
  return out as MemberFormValues;
}

const same = (a: string | boolean | null | undefined, b: string | boolean | null | undefined) =>
  (a === '' || a === undefined ? null : a) === (b === '' || b === undefined ? null : b);

/** Whether the draft differs from the values the form started from. */
export function differsFrom(d: DraftValues, base: DraftValues): boolean {
  return MEMBER_FIELDS.some((key) => !same(d[key], base[key]));
}

/**
 * Only what the user changed against `base`. A draft keeps just these, so that restoring it (or
 * reloading after someone else's save) takes every other field from the newest record.
 */
export function changesFrom(d: DraftValues, base: DraftValues): DraftValues {
  const out: DraftValues = {};
  for (const key of MEMBER_FIELDS) if (key in d && !same(d[key], base[key])) out[key] = d[key] ?? null;
  return out;
}

export function serializeDraft(values: DraftValues, baseVersion: number | null, now: Date): string {
  const draft: MemberDraft = { savedAt: now.toISOString(), baseVersion, values };
  return JSON.stringify(draft);
}

/** A stored draft, or null when there is none, it is unreadable or too old. */
export function parseDraft(text: string | null, now: Date): MemberDraft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Partial<MemberDraft>;
    if (!d || typeof d !== 'object' || typeof d.savedAt !== 'string' || !d.values) return null;
    const saved = Date.parse(d.savedAt);
    if (Number.isNaN(saved) || now.getTime() - saved > DRAFT_MAX_AGE_MS) return null;
    if (typeof d.values !== 'object' || Array.isArray(d.values)) return null;
    return {
      savedAt: d.savedAt,
      baseVersion: typeof d.baseVersion === 'number' ? d.baseVersion : null,
      values: d.values,
    };
  } catch {
    return null;
  }
}
