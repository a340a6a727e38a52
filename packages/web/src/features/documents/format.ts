import {
  DocumentNumberError,
  documentTypeCarriesNumber,
  formatDocumentNumber,
  isDocumentType,
  parseDocumentNumber,
} from '@daihoi/core';
import { formatDate, formatTimestamp } from '../../app/format';
import type { DistributionStatus, DocumentRef } from './api';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Number + date + issuer, the way a document is told apart from another of the same number (RULES §0). */
export function documentLabel(
  ref: Pick<DocumentRef, 'number' | 'issuedOn' | 'issuerName' | 'typeName'>,
): string {
  return [ref.number ?? ref.typeName, formatDate(ref.issuedOn), ref.issuerName].filter(Boolean).join(' · ');
}

/** "Kế hoạch số 165-KH/ĐUK ngày 31/10/2019 của Đảng ủy Khối…", in the catalog's words. */
export function documentHeading(
  ref: Pick<DocumentRef, 'number' | 'issuedOn' | 'issuerName'>,
  typeName: string,
  t: Translate,
): string {
  const values = {
    type: typeName,
    number: ref.number,
    date: formatDate(ref.issuedOn),
    issuer: ref.issuerName,
  };
  return ref.number ? t('documents.heading', values) : t('documents.headingNoNumber', values);
}

/** Whether documents of this type take a number; an unknown code is assumed to. */
export function carriesNumber(type: string | null | undefined): boolean {
  return !type || !isDocumentType(type) || documentTypeCarriesNumber(type);
}

export type NumberCheck =
  | { ok: true; canonical: string }
  | { ok: false; reason: 'invalid'; message: string }
  | { ok: false; reason: 'type_mismatch'; found: string };

/**
 * A number as typed, checked the way the server checks it: core's parser (its Vietnamese message), then
 * the type code against the chosen type.
 */
export function checkNumber(text: string, type: string | null | undefined): NumberCheck {
  let parsed: ReturnType<typeof parseDocumentNumber>;
  try {
    parsed = parseDocumentNumber(text);
  } catch (error) {
    if (error instanceof DocumentNumberError) return { ok: false, reason: 'invalid', message: error.message };
    throw error;
  }
  if (type && parsed.type !== type) return { ok: false, reason: 'type_mismatch', found: parsed.type };
  return { ok: true, canonical: formatDocumentNumber(parsed) };
}

/** The lines of a multi-line field, without list marks or blanks ("- Như trên," → "Như trên,"). */
export function lines(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*[-–•+]\s*/, '').trim())
    .filter(Boolean);
}

/** The paragraphs of a body: a blank line starts a new one; single line breaks stay inside it. */
export function paragraphs(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export const DISTRIBUTION_STATUS_COLORS: Readonly<Record<DistributionStatus, string>> = {
  sent: 'default',
  received: 'blue',
  reported: 'green',
};

export const NUMBER_STATUS_COLORS: Readonly<Record<string, string>> = {
  reserved: 'gold',
  used: 'green',
  cancelled: 'default',
};

/** The counts of a document's distribution in one line for its tab. */
export function distributionSummaryText(
  summary: { total: number; received: number; reported: number; late: number },
  t: Translate,
): string {
  const parts = [
    t('documents.distribution.summaryTotal', { count: summary.total }),
    t('documents.distribution.summaryReceived', { count: summary.received }),
    t('documents.distribution.summaryReported', { count: summary.reported }),
  ];
  if (summary.late > 0) parts.push(t('documents.distribution.summaryLate', { count: summary.late }));
  return parts.join(' · ');
}

/** The day of a timestamp in Vietnam's time zone, dd/mm/yyyy. */
export const dayOf = (iso: string | null | undefined): string => formatTimestamp(iso).slice(0, 10);
