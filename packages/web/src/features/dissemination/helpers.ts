import { formatDate } from '../../app/format';
import type { RoleLike } from '../../app/permissions';
import type {
  AttendanceEntry,
  AttendanceFilterStatus,
  AttendanceRow,
  AttendanceStatus,
  DocumentRef,
  SessionDetail,
  SessionFilters,
  SessionInput,
  SessionPatch,
} from './api';

/** Vietnam keeps one offset all year (no daylight saving since 1975). */
export const VN_OFFSET = '+07:00';
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID_RE.test(v);

/** "35-CT/TW · 30/05/2019 · Bộ Chính trị"; a document without a number shows its type instead. */
export function documentLabel(
  d: Pick<DocumentRef, 'number' | 'typeName' | 'issuedOn' | 'issuerName'>,
): string {
  return [d.number || d.typeName, formatDate(d.issuedOn), d.issuerName].filter(Boolean).join(' · ');
}

// ---- Date and time of a conference.

/** A day ('YYYY-MM-DD') and a time of day ('HH:mm') in Vietnam as the ISO moment the server takes. */
export function toStartsAt(date: string, time: string): string {
  if (!DATE_RE.test(date)) throw new RangeError(`not a date: ${date}`);
  if (!TIME_RE.test(time)) throw new RangeError(`not a time: ${time}`);
  return `${date}T${time}:00${VN_OFFSET}`;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO moment as the day and time of day it is in Vietnam. */
export function splitStartsAt(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a moment: ${iso}`);
  const p = Object.fromEntries(partsFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Whether the conference's day in Vietnam comes after the business day (attendance is refused then). */
export function isBeforeSession(startsAt: string, today: string | undefined): boolean {
  if (!today) return false;
  return splitStartsAt(startsAt).date > today;
}

// ---- Percentages.

/** A share in percent with one decimal; 0 when there is nothing to count. */
export function percent(part: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.round((part / total) * 1000) / 10;
}

/** A share as the language writes it ("66,7" in Vietnamese, "66.7" in English), without the % sign. */
export function formatPercent(part: number, total: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 }).format(
    percent(part, total),
  );
}

// ---- Attendance being edited.

export interface AttendanceEdit {
  status: AttendanceStatus | null;
  reason: string | null;
}

/** Unsaved marks by member id, with the row each came from so that they stay visible. */
export type AttendanceEdits = Record<string, AttendanceEdit & { row: AttendanceRow }>;

const cleanReason = (r: string | null | undefined) => {
  const t = (r ?? '').trim();
  return t === '' ? null : t;
};

/** What a row shows: the unsaved mark when there is one, else what is recorded. */
export function effectiveMark(row: AttendanceRow, edits: AttendanceEdits): AttendanceEdit {
  const e = edits[row.member.id];
  return e ? { status: e.status, reason: e.reason } : { status: row.status, reason: row.reason };
}

const sameMark = (a: AttendanceEdit, b: AttendanceEdit) =>
  a.status === b.status && (a.status !== 'absent' || cleanReason(a.reason) === cleanReason(b.reason));

/** Sets one member's mark; marking it back to what is recorded drops the edit. */
export function setMark(edits: AttendanceEdits, row: AttendanceRow, mark: AttendanceEdit): AttendanceEdits {
  const next = { ...edits };
  const normalized: AttendanceEdit = {
    status: mark.status,
    reason: mark.status === 'absent' ? cleanReason(mark.reason) : null,
  };
  if (sameMark(normalized, { status: row.status, reason: row.reason })) delete next[row.member.id];
  else next[row.member.id] = { ...normalized, row };
  return next;
}

/** Marks present every editable row shown that has no mark yet; returns the edits and how many changed. */
export function markAllPresent(
  edits: AttendanceEdits,
  rows: readonly AttendanceRow[],
): { edits: AttendanceEdits; count: number } {
  let next = edits;
  let count = 0;
  for (const row of rows) {
    if (!row.editable) continue;
    if (effectiveMark(row, next).status !== null) continue;
    next = setMark(next, row, { status: 'present', reason: null });
    count++;
  }
  return { edits: next, count };
}

/** The PUT body's entries: only the rows whose mark differs from what is recorded. */
export function buildEntries(edits: AttendanceEdits): AttendanceEntry[] {
  return Object.entries(edits)
    .filter(([, e]) => !sameMark(e, { status: e.row.status, reason: e.row.reason }))
    .map(([memberId, e]) =>
      e.status === 'absent'
        ? { memberId, status: e.status, reason: cleanReason(e.reason) }
        : { memberId, status: e.status },
    );
}

/** Absent marks without a reason: the server refuses them all, so they are caught before sending. */
export function missingReasons(entries: readonly AttendanceEntry[]): string[] {
  return entries.filter((e) => e.status === 'absent' && !cleanReason(e.reason)).map((e) => e.memberId);
}

/**
 * The members a refused save concerns, by id, with the message for each: `details.memberIds`
 * (members outside scope) or schema paths `body.entries.<i>.<field>` pointing into the entries sent.
 */
export function rowErrorsOf(
  details: unknown,
  message: string,
  sent: readonly AttendanceEntry[],
): Record<string, string> {
  const out: Record<string, string> = {};
  if (details && typeof details === 'object' && !Array.isArray(details)) {
    const ids = (details as { memberIds?: unknown }).memberIds;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') out[id] = message;
  }
  if (Array.isArray(details)) {
    for (const d of details) {
      if (!d || typeof d !== 'object') continue;
      const { path, message: own, memberId } = d as { path?: unknown; message?: unknown; memberId?: unknown };
      const text = typeof own === 'string' && own ? own : message;
      if (typeof memberId === 'string') {
        out[memberId] = text;
        continue;
      }
      const segments = Array.isArray(path)
        ? path.map(String)
        : typeof path === 'string'
          ? path.split('.')
          : [];
      const rest = segments[0] === 'body' ? segments.slice(1) : segments;
      if (rest[0] !== 'entries') continue;
      const entry = sent[Number(rest[1])];
      if (entry) out[entry.memberId] = text;
    }
  }
  return out;
}

// ---- The session form.

export interface SessionFormValues {
  organizationId?: string | null;
  title?: string | null;
  /** 'YYYY-MM-DD' */
  date?: string | null;
  /** 'HH:mm' */
  time?: string | null;
  place?: string | null;
  chair?: string | null;
  guests?: string | null;
  conclusions?: string | null;
  documentIds?: string[];
  invitedOrganizationIds?: string[];
}

const TEXT_FIELDS = ['title', 'place', 'chair', 'guests', 'conclusions'] as const;
const LIST_FIELDS = ['documentIds', 'invitedOrganizationIds'] as const;

export function sessionToValues(s: SessionDetail): SessionFormValues {
  const { date, time } = splitStartsAt(s.startsAt);
  return {
    organizationId: s.organization.id,
    title: s.title,
    date,
    time,
    place: s.place,
    chair: s.chair,
    guests: s.guests,
    conclusions: s.conclusions,
    documentIds: s.documents.map((d) => d.id),
    invitedOrganizationIds: s.invitedOrganizations.map((o) => o.id),
  };
}

const text = (v: string | null | undefined) => (v ?? '').trim();
const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => {
  const x = [...(a ?? [])].sort();
  const y = [...(b ?? [])].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** The fields a user changed compared with `base` (the session as opened or as reloaded). */
export function changedValues(values: SessionFormValues, base: SessionFormValues): SessionFormValues {
  const out: SessionFormValues = {};
  for (const k of TEXT_FIELDS) if (text(values[k]) !== text(base[k])) out[k] = values[k] ?? null;
  for (const k of LIST_FIELDS) if (!sameList(values[k], base[k])) out[k] = values[k] ?? [];
  if ((values.date ?? null) !== (base.date ?? null) || (values.time ?? null) !== (base.time ?? null)) {
    out.date = values.date ?? null;
    out.time = values.time ?? null;
  }
  return out;
}

/** The PATCH body: only what changed, with the version it was edited from. */
export function sessionPatch(
  values: SessionFormValues,
  base: SessionFormValues,
  version: number,
): SessionPatch {
  const changed = changedValues(values, base);
  const patch: SessionPatch = { version };
  for (const k of TEXT_FIELDS) {
    if (!(k in changed)) continue;
    if (k === 'title') patch.title = text(changed.title);
    else patch[k] = text(changed[k]) || null;
  }
  for (const k of LIST_FIELDS) if (k in changed) patch[k] = changed[k] ?? [];
  if ('date' in changed && values.date && values.time) patch.startsAt = toStartsAt(values.date, values.time);
  return patch;
}

/** Where the server's refusal belongs in the session form. */
const FIELD_OF_CODE: Record<string, keyof SessionFormValues> = {
  SESSION_DOCUMENT_INVALID: 'documentIds',
  SESSION_DOCUMENTS_REQUIRED: 'documentIds',
  SESSION_ORGANIZATION_OUTSIDE: 'invitedOrganizationIds',
  SESSION_MAKEUP_INVALID: 'organizationId',
  ORG_NOT_FOUND: 'organizationId',
};

const FIELD_OF_PATH: Record<string, keyof SessionFormValues> = {
  organizationId: 'organizationId',
  makeupOf: 'organizationId',
  title: 'title',
  startsAt: 'date',
  place: 'place',
  chair: 'chair',
  guests: 'guests',
  conclusions: 'conclusions',
  documentIds: 'documentIds',
  invitedOrganizationIds: 'invitedOrganizationIds',
};

export interface FieldMessage {
  field: keyof SessionFormValues;
  message: string;
}

/** The server's messages under the session form's fields (schema paths or the error's code). */
export function sessionFieldMessages(code: string, message: string, details: unknown): FieldMessage[] {
  const out: FieldMessage[] = [];
  if (Array.isArray(details)) {
    for (const d of details) {
      if (!d || typeof d !== 'object') continue;
      const { path, field, message: own } = d as { path?: unknown; field?: unknown; message?: unknown };
      const raw = field ?? path;
      const segments = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split('.') : [];
      const rest = segments[0] === 'body' ? segments.slice(1) : segments;
      const name = rest[0] ? FIELD_OF_PATH[rest[0]] : undefined;
      if (name) out.push({ field: name, message: typeof own === 'string' && own ? own : message });
    }
  }
  const byCode = FIELD_OF_CODE[code];
  if (out.length === 0 && byCode) out.push({ field: byCode, message });
  return out;
}

// ---- Filters in the URL.

export function sessionFiltersFromSearch(params: URLSearchParams): SessionFilters {
  const out: SessionFilters = {};
  const org = params.get('organizationId');
  const doc = params.get('documentId');
  if (isUuid(org)) out.organizationId = org;
  if (isUuid(doc)) out.documentId = doc;
  return out;
}

export function sessionFiltersToSearch(f: SessionFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.organizationId) out.organizationId = f.organizationId;
  if (f.documentId) out.documentId = f.documentId;
  return out;
}

export const ATTENDANCE_FILTER_STATUSES: readonly AttendanceFilterStatus[] = [
  'present',
  'absent',
  'unrecorded',
];

// ---- Who sees the buttons (the server decides for real).

const MANAGING = new Set(['admin', 'office', 'secretary']);

/** Whether the actor may create conferences somewhere (office or secretary of some subtree, or admin). */
export function canCreateSessions(roles: readonly RoleLike[]): boolean {
  return roles.some((r) => MANAGING.has(r.role) && (r.role === 'admin' || r.organizationId !== null));
}

const optional = (v: string | null | undefined) => {
  const t = text(v);
  return t === '' ? undefined : t;
};

/** The POST body of a new conference (or make-up session); empty fields are left out. */
export function createBody(values: SessionFormValues, makeupOf?: string): SessionInput {
  if (!values.organizationId || !values.date || !values.time) throw new RangeError('incomplete session form');
  const body: SessionInput = {
    organizationId: values.organizationId,
    title: text(values.title),
    startsAt: toStartsAt(values.date, values.time),
  };
  if (makeupOf) body.makeupOf = makeupOf;
  for (const k of ['place', 'chair', 'guests', 'conclusions'] as const) {
    const v = optional(values[k]);
    if (v !== undefined) body[k] = v;
  }
  if (values.documentIds && values.documentIds.length > 0) body.documentIds = [...values.documentIds];
  if (values.invitedOrganizationIds && values.invitedOrganizationIds.length > 0)
    body.invitedOrganizationIds = [...values.invitedOrganizationIds];
  return body;
}
