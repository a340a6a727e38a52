import type { DocumentTypeCode } from '@daihoi/core';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError } from '../../app/api';
import { refusalAtFields } from '../../app/forms';
import type {
  CreateDocumentInput,
  Direction,
  DocumentDetail,
  LinkInput,
  LinkKind,
  UpdateDocumentInput,
} from './api';
import { carriesNumber, documentLabel } from './format';

export interface PickedDocument {
  value: string;
  label: string;
}

export interface LinkValue {
  kind?: LinkKind;
  target?: PickedDocument | null;
}

export type Numbering = 'next' | 'reserved';

/** What the document form holds; dates as dayjs for the DatePicker. */
export interface DocumentFormValues {
  organizationId?: string;
  type?: DocumentTypeCode;
  number?: string;
  numbering?: Numbering;
  numberId?: string;
  issuerName?: string;
  issuedOn?: Dayjs | null;
  signer?: string;
  signerPosition?: string;
  summary?: string;
  body?: string;
  recipients?: string;
  links?: LinkValue[];
}

const TEXT_FIELDS = ['issuerName', 'signer', 'signerPosition', 'summary', 'body', 'recipients'] as const;

export const FORM_FIELDS = [
  'organizationId',
  'type',
  'number',
  'numbering',
  'numberId',
  ...TEXT_FIELDS,
  'issuedOn',
  'links',
] as const;

const isoOf = (d: Dayjs | null | undefined) => (d?.isValid() ? d.format('YYYY-MM-DD') : undefined);
const trimmed = (s: string | null | undefined) => (s ?? '').trim();
const orNull = (s: string | null | undefined) => trimmed(s) || null;

/** The links as the server takes them: complete rows only, each target once per kind. */
export function linksOf(values: readonly LinkValue[] | undefined): LinkInput[] {
  const seen = new Set<string>();
  const out: LinkInput[] = [];
  for (const l of values ?? []) {
    if (!l?.kind || !l.target?.value) continue;
    const key = `${l.target.value} ${l.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ targetId: l.target.value, kind: l.kind });
  }
  return out;
}

/** A new document's body: optional fields only when given, numbering by direction and type. */
export function createBody(values: DocumentFormValues, direction: Direction): CreateDocumentInput {
  const body: CreateDocumentInput = {
    organizationId: values.organizationId ?? '',
    direction,
    type: values.type as DocumentTypeCode,
    issuedOn: isoOf(values.issuedOn) ?? '',
    summary: trimmed(values.summary),
  };
  const numbered = carriesNumber(values.type);
  if (direction === 'incoming') {
    if (numbered && trimmed(values.number)) body.number = trimmed(values.number);
    if (trimmed(values.issuerName)) body.issuerName = trimmed(values.issuerName);
  } else if (numbered && values.numbering === 'reserved' && values.numberId) {
    body.numberId = values.numberId;
  }
  for (const key of ['signer', 'signerPosition', 'body', 'recipients'] as const) {
    const v = orNull(values[key]);
    if (v) body[key] = v;
  }
  const links = linksOf(values.links);
  if (links.length > 0) body.links = links;
  return body;
}

/** The form's values of a stored document; only outgoing links ("this document implements…") are editable. */
export function detailToValues(d: DocumentDetail): DocumentFormValues {
  return {
    organizationId: d.organization.id,
    type: d.type as DocumentTypeCode,
    number: d.number ?? '',
    issuerName: d.issuerName,
    issuedOn: dayjs(d.issuedOn),
    signer: d.signer ?? '',
    signerPosition: d.signerPosition ?? '',
    summary: d.summary,
    body: d.body ?? '',
    recipients: d.recipients ?? '',
    links: d.links
      .filter((l) => l.direction === 'to')
      .map((l) => ({
        kind: l.kind,
        target: { value: l.document.id, label: documentLabel(l.document) },
      })),
  };
}

const sameLinks = (a: LinkInput[], b: LinkInput[]) => {
  const key = (l: LinkInput) => `${l.targetId} ${l.kind}`;
  const left = new Set(a.map(key));
  return left.size === new Set(b.map(key)).size && b.every((l) => left.has(key(l)));
};

/**
 * What the user changed against `base` (the document as opened or reloaded), as a PATCH body without
 * its version. An outgoing document's number is the register's and never sent.
 */
export function changesFrom(
  values: DocumentFormValues,
  base: DocumentFormValues,
  direction: Direction,
): Omit<UpdateDocumentInput, 'version'> {
  const patch: Omit<UpdateDocumentInput, 'version'> = {};
  if (direction === 'incoming' && trimmed(values.number) !== trimmed(base.number)) {
    patch.number = orNull(values.number);
  }
  if (direction === 'incoming' && trimmed(values.issuerName) !== trimmed(base.issuerName)) {
    patch.issuerName = trimmed(values.issuerName);
  }
  if (trimmed(values.summary) !== trimmed(base.summary)) patch.summary = trimmed(values.summary);
  const on = isoOf(values.issuedOn);
  if (on && on !== isoOf(base.issuedOn)) patch.issuedOn = on;
  for (const key of ['signer', 'signerPosition', 'body', 'recipients'] as const) {
    if (trimmed(values[key]) !== trimmed(base[key])) patch[key] = orNull(values[key]);
  }
  const links = linksOf(values.links);
  if (!sameLinks(links, linksOf(base.links))) patch.links = links;
  return patch;
}

/** Which form field a refusal belongs to when its details name none that the form knows. */
const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  DOCUMENT_NUMBER_INVALID: 'number',
  DOCUMENT_NUMBER_REQUIRED: 'number',
  DOCUMENT_NUMBER_NOT_ALLOWED: 'number',
  DOCUMENT_NUMBER_TYPE_MISMATCH: 'number',
  DOCUMENT_NUMBER_FIXED: 'number',
  DOCUMENT_DUPLICATE: 'number',
  DOCUMENT_DATE_FUTURE: 'issuedOn',
  DOCUMENT_DATE_BEFORE_ISSUER: 'issuedOn',
  DOCUMENT_NUMBER_MISMATCH: 'numberId',
  DOCUMENT_NUMBER_NOT_RESERVED: 'numberId',
  DOCUMENT_ISSUER_CODE_MISSING: 'numbering',
  DOCUMENT_TERM_MISSING: 'numbering',
  DOCUMENT_LINK_INVALID: 'links',
  ORG_NOT_FOUND: 'organizationId',
  DISTRIBUTION_DUE_INVALID: 'dueOn',
  DISTRIBUTION_OUTSIDE: 'organizationIds',
  DISTRIBUTION_REPORT_DOCUMENT_INVALID: 'documentId',
};

/**
 * The server's refusal with its details rewritten as the form's own field paths, so that the app's
 * form helpers put each message under its field. The code alone names the field when details do not.
 */
export function forForm(error: unknown, fields: readonly string[]): unknown {
  return refusalAtFields(error, fields, FIELD_OF_CODE);
}

/** Runs a request and hands its refusal to the form in the form's own field names. */
export async function withFormErrors<T>(run: () => Promise<T>, fields: readonly string[]): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw forForm(error, fields);
  }
}

/** The id of the document that already holds a number, when the server says so (DOCUMENT_DUPLICATE). */
export function duplicateOf(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'DOCUMENT_DUPLICATE') return null;
  const list: unknown[] = Array.isArray(error.details) ? error.details : [error.details];
  for (const d of list) {
    const id = (d as { documentId?: unknown } | null | undefined)?.documentId;
    if (typeof id === 'string') return id;
  }
  return null;
}
