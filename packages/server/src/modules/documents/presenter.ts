import { documentTypeName } from '@daihoi/core';
import { z } from 'zod';
import { fileOut } from '../files/presenter.js';
import type { documentDistributions, documentNumbers, documents } from './tables.js';

const orgRefOut = z.object({ id: z.string(), name: z.string() });
const personOut = z.object({ id: z.string(), displayName: z.string() }).nullable();

/** What a list shows and what a link or a session names: number + date + issuer (RULES §0). */
export const documentRefOut = z.object({
  id: z.string(),
  type: z.string(),
  typeName: z.string(),
  number: z.string().nullable(),
  issuerName: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
});

export const documentOut = documentRefOut.extend({
  organization: orgRefOut,
  direction: z.enum(['incoming', 'outgoing']),
  sequence: z.number().nullable(),
  issuerCode: z.string().nullable(),
  signer: z.string().nullable(),
  signerPosition: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const documentLinkOut = z.object({
  kind: z.enum(['implements', 'guides', 'amends', 'replaces']),
  /** `to`: this document implements (guides…) the other; `from`: the other implements this one. */
  direction: z.enum(['to', 'from']),
  document: documentRefOut,
});

export const distributionSummaryOut = z.object({
  total: z.number(),
  received: z.number(),
  reported: z.number(),
  late: z.number(),
});

export const documentDetailOut = documentOut.extend({
  body: z.string().nullable(),
  recipients: z.string().nullable(),
  links: z.array(documentLinkOut),
  files: z.array(fileOut),
  distribution: distributionSummaryOut,
  /** What the actor may do here; the server checks again on each call. */
  abilities: z.object({ edit: z.boolean(), distribute: z.boolean() }),
  /** The committees through which the actor may send it down (the register, or ones that received it). */
  senders: z.array(orgRefOut),
});

export const documentNumberOut = z.object({
  id: z.string(),
  issuerOrganizationId: z.string(),
  term: orgRefOut,
  congress: z.boolean(),
  type: z.string(),
  sequence: z.number(),
  number: z.string(),
  status: z.enum(['reserved', 'used', 'cancelled']),
  documentId: z.string().nullable(),
  note: z.string().nullable(),
  reservedAt: z.string(),
  reservedBy: personOut,
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

export const distributionOut = z.object({
  id: z.string(),
  document: documentRefOut,
  organization: orgRefOut,
  /** The committee that sent it down. */
  sender: orgRefOut,
  status: z.enum(['sent', 'received', 'reported']),
  /** The report is due and not in. */
  late: z.boolean(),
  note: z.string().nullable(),
  dueOn: z.string().nullable(),
  sentAt: z.string(),
  receivedAt: z.string().nullable(),
  receivedBy: personOut,
  reportNumber: z.string().nullable(),
  reportDocumentId: z.string().nullable(),
  reportNote: z.string().nullable(),
  reportedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  abilities: z.object({ receive: z.boolean() }),
});

export type DocumentRow = typeof documents.$inferSelect;
export type NumberRow = typeof documentNumbers.$inferSelect;
export type DistributionRow = typeof documentDistributions.$inferSelect;
export type DocumentRef = z.infer<typeof documentRefOut>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentRef(
  d: Pick<DocumentRow, 'id' | 'type' | 'number' | 'issuerName' | 'issuedOn' | 'summary'>,
) {
  return {
    id: d.id,
    type: d.type,
    typeName: documentTypeName(d.type),
    number: d.number,
    issuerName: d.issuerName,
    issuedOn: d.issuedOn,
    summary: d.summary,
  };
}

export function presentDocument(d: DocumentRow, organization: { id: string; name: string }) {
  return {
    ...presentRef(d),
    organization,
    direction: d.direction as 'incoming' | 'outgoing',
    sequence: d.sequence,
    issuerCode: d.issuerCode,
    signer: d.signer,
    signerPosition: d.signerPosition,
    version: d.version,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function presentNumber(
  n: NumberRow,
  term: { id: string; name: string },
  reservedBy: { id: string; displayName: string } | null,
) {
  return {
    id: n.id,
    issuerOrganizationId: n.issuerOrganizationId,
    term,
    congress: n.sequenceKey === CONGRESS_SEQUENCE,
    type: n.type,
    sequence: n.sequence,
    number: n.number,
    status: n.status as 'reserved' | 'used' | 'cancelled',
    documentId: n.documentId,
    note: n.note,
    reservedAt: n.reservedAt.toISOString(),
    reservedBy,
    cancelledAt: iso(n.cancelledAt),
    cancelReason: n.cancelReason,
  };
}

/** The sequence key of congress documents, which share one sequence whatever their type. */
export const CONGRESS_SEQUENCE = '*congress';

export const distributionStatus = (d: Pick<DistributionRow, 'receivedAt' | 'reportedAt'>) =>
  d.reportedAt ? 'reported' : d.receivedAt ? 'received' : 'sent';

/** Late: a due date for the report has passed (the due day itself still counts) and no report is in. */
export const isLate = (d: Pick<DistributionRow, 'dueOn' | 'reportedAt'>, today: string) =>
  d.reportedAt === null && d.dueOn !== null && d.dueOn < today;

export function presentDistribution(
  d: DistributionRow,
  refs: {
    document: DocumentRef;
    organization: { id: string; name: string };
    sender: { id: string; name: string };
    receivedBy: { id: string; displayName: string } | null;
  },
  today: string,
  receive: boolean,
) {
  return {
    id: d.id,
    document: refs.document,
    organization: refs.organization,
    sender: refs.sender,
    status: distributionStatus(d) as 'sent' | 'received' | 'reported',
    late: isLate(d, today),
    note: d.note,
    dueOn: d.dueOn,
    sentAt: d.sentAt.toISOString(),
    receivedAt: iso(d.receivedAt),
    receivedBy: refs.receivedBy,
    reportNumber: d.reportNumber,
    reportDocumentId: d.reportDocumentId,
    reportNote: d.reportNote,
    reportedAt: iso(d.reportedAt),
    remindedAt: iso(d.remindedAt),
    abilities: { receive },
  };
}

/** The audit log's view of a document: its identity and what a clerk typed, not the long body. */
export const auditedDocument = (d: DocumentRow) => ({
  organizationId: d.organizationId,
  direction: d.direction,
  type: d.type,
  number: d.number,
  issuerName: d.issuerName,
  issuedOn: d.issuedOn,
  summary: d.summary,
  signer: d.signer,
  signerPosition: d.signerPosition,
  recipients: d.recipients,
  bodyLength: d.body?.length ?? 0,
});
