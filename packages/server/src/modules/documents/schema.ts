import { DOCUMENT_TYPE_CODES, type DocumentTypeCode } from '@daihoi/core';
import { z } from 'zod';
import { flag, idList, isoDate, optionalText, text } from '../../http/fields.js';
import { pageQuery } from '../../http/paging.js';

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export const LINK_KINDS = ['implements', 'guides', 'amends', 'replaces'] as const;
export const DISTRIBUTION_STATUSES = ['sent', 'received', 'reported'] as const;

const documentType = z.enum(DOCUMENT_TYPE_CODES as [DocumentTypeCode, ...DocumentTypeCode[]]);
/** The number as written on paper; core's parser checks the Party notation. */
const numberText = text().trim().max(60);
const links = z
  .array(z.strictObject({ targetId: z.uuid(), kind: z.enum(LINK_KINDS) }))
  .max(50)
  .optional();

const editable = {
  issuerName: text().trim().min(1).max(300),
  issuedOn: isoDate,
  summary: text().trim().min(1).max(2000),
  signer: optionalText(200),
  signerPosition: optionalText(200),
  body: optionalText(100_000),
  recipients: optionalText(5000),
  links,
};

export const createDocumentBody = z.strictObject({
  /** The committee whose register holds the document. */
  organizationId: z.uuid(),
  direction: z.enum(DIRECTIONS),
  type: documentType,
  /** Incoming: the number it carries ("35-CT/TW"). Outgoing documents take theirs from the sequence. */
  number: numberText.optional(),
  /** Outgoing: a number reserved earlier; without it the next number is taken. */
  numberId: z.uuid().optional(),
  ...editable,
  // The issuer of an outgoing document is the committee itself.
  issuerName: editable.issuerName.optional(),
});

export const updateDocumentBody = z.strictObject({
  version: z.number().int().positive(),
  number: numberText.nullable().optional(),
  issuerName: editable.issuerName.optional(),
  issuedOn: editable.issuedOn.optional(),
  summary: editable.summary.optional(),
  signer: editable.signer,
  signerPosition: editable.signerPosition,
  body: editable.body,
  recipients: editable.recipients,
  links,
});

export const listDocumentsQuery = z.strictObject({
  ...pageQuery,
  q: text().trim().max(200).optional(),
  organizationId: z.uuid().optional(),
  direction: z.enum(DIRECTIONS).optional(),
  type: documentType.optional(),
  /** The issuer's code in the number, e.g. "TW", "ĐUK". */
  issuer: text().trim().max(30).optional(),
  year: z.coerce.number().int().min(1930).max(9999).optional(),
});

export const documentParams = z.strictObject({ id: z.uuid() });

export const reserveNumberBody = z.strictObject({
  issuerOrganizationId: z.uuid(),
  type: documentType,
  /** Congress documents share one sequence for all types (RULES §4). */
  congress: z.boolean().optional(),
  note: optionalText(500),
});

export const cancelNumberBody = z.strictObject({ reason: text().trim().min(1).max(500) });

export const listNumbersQuery = z.strictObject({
  ...pageQuery,
  issuerOrganizationId: z.uuid(),
  termId: z.uuid().optional(),
});

export const distributeBody = z.strictObject({
  /** Passing down a document the organization received; the register's committee when omitted. */
  fromOrganizationId: z.uuid().optional(),
  organizationIds: idList(5000).refine((ids) => ids.length > 0, 'Hãy chọn ít nhất một tổ chức nhận.'),
  /** The day the implementation report is due. */
  dueOn: isoDate.nullable().optional(),
  note: optionalText(2000),
});

export const listDistributionsQuery = z.strictObject({
  ...pageQuery,
  /** The receiving organization (its inbox). */
  organizationId: z.uuid().optional(),
  status: z.enum(DISTRIBUTION_STATUSES).optional(),
  late: flag.optional(),
});

export const reportBody = z
  .strictObject({
    /** The receiving organization's own document, e.g. its plan "12-KH/ĐU". */
    number: numberText.optional(),
    documentId: z.uuid().optional(),
    note: optionalText(2000),
  })
  .refine((b) => b.number || b.documentId || b.note, {
    message: 'Hãy ghi số văn bản triển khai, chọn văn bản, hoặc ghi nội dung báo cáo.',
    path: ['note'],
  });

export type CreateDocumentInput = z.infer<typeof createDocumentBody>;
export type UpdateDocumentInput = z.infer<typeof updateDocumentBody>;
export type ListDocumentsQuery = z.infer<typeof listDocumentsQuery>;
export type ReserveNumberInput = z.infer<typeof reserveNumberBody>;
export type ListNumbersQuery = z.infer<typeof listNumbersQuery>;
export type DistributeInput = z.infer<typeof distributeBody>;
export type ListDistributionsQuery = z.infer<typeof listDistributionsQuery>;
export type ReportInput = z.infer<typeof reportBody>;
