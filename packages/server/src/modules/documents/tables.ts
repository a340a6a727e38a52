import type { DocumentTypeCode } from '@daihoi/core';
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, rowVersion, timestamps } from '../../db/columns.js';
import { committeeTerms, organizations } from '../organizations/tables.js';

/**
 * The register of documents a committee holds: those it received from above (incoming) and those it issued
 * (outgoing). A document is known by number + date + issuer (RULES §0): the same number from the same issuer
 * in another year is another document.
 */
export const documents = pgTable(
  'documents',
  {
    id: idColumn(),
    /** The committee whose register holds it; scope follows this organization. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    direction: text('direction').notNull(),
    /** A Party type code from core (KH, CT, QĐi…); TKG and MHD carry no number. */
    type: text('type').$type<DocumentTypeCode>().notNull(),
    sequence: integer('sequence'),
    /** The issuer's code in the number ("ĐUK" of 165-KH/ĐUK); null when the document carries no number. */
    issuerCode: text('issuer_code'),
    /** The formatted number, "165-KH/ĐUK". */
    number: text('number'),
    /** The issuing body as a reader names it: "Bộ Chính trị", "Đảng ủy Khối Các cơ quan tỉnh". */
    issuerName: text('issuer_name').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    /** The year of issue, part of a document's identity. */
    issuedYear: integer('issued_year').notNull(),
    summary: text('summary').notNull(),
    signer: text('signer'),
    signerPosition: text('signer_position'),
    /** Filled for outgoing documents, which the .docx is generated from. */
    body: text('body'),
    recipients: text('recipients'),
    /** The reserved number an outgoing document took. */
    numberId: uuid('number_id'),
    /** foldVietnamese(number + summary + issuer name) for diacritic-free search. */
    searchText: text('search_text').notNull(),
    createdBy: uuid('created_by'),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    index('documents_org_idx').on(t.organizationId, t.issuedOn, t.id),
    index('documents_issued_idx').on(t.issuedOn, t.id),
    uniqueIndex('documents_identity_key')
      .on(t.organizationId, t.issuerCode, t.type, t.sequence, t.issuedYear)
      .where(sql`sequence IS NOT NULL`),
  ],
);

/** implements, guides, amends, replaces: "this document implements that one". */
export const documentLinks = pgTable(
  'document_links',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    targetId: uuid('target_id')
      .notNull()
      .references(() => documents.id),
    kind: text('kind').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.targetId, t.kind] }),
    index('document_links_target_idx').on(t.targetId),
  ],
);

/**
 * The last number taken in each sequence: per issuer, committee term and type, or one sequence for all
 * congress documents of a term (RULES §4). Taking a number increments this row under its lock.
 */
export const documentSequences = pgTable(
  'document_sequences',
  {
    issuerOrganizationId: uuid('issuer_organization_id')
      .notNull()
      .references(() => organizations.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => committeeTerms.id),
    /** The type code, or '*congress' for the congress sequence. */
    sequenceKey: text('sequence_key').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuerOrganizationId, t.termId, t.sequenceKey] })],
);

/** Every number ever taken, with what became of it: reserved, used by a document, or cancelled (never reused). */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    id: idColumn(),
    issuerOrganizationId: uuid('issuer_organization_id')
      .notNull()
      .references(() => organizations.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => committeeTerms.id),
    sequenceKey: text('sequence_key').notNull(),
    type: text('type').$type<DocumentTypeCode>().notNull(),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    status: text('status').notNull(),
    documentId: uuid('document_id'),
    note: text('note'),
    reservedBy: uuid('reserved_by'),
    reservedAt: timestamp('reserved_at', { withTimezone: true, mode: 'date' }).notNull(),
    cancelledBy: uuid('cancelled_by'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    cancelReason: text('cancel_reason'),
  },
  (t) => [
    unique('document_numbers_sequence_key').on(t.issuerOrganizationId, t.termId, t.sequenceKey, t.sequence),
    index('document_numbers_issuer_idx').on(t.issuerOrganizationId, t.reservedAt),
  ],
);

/** A document sent down to one organization, with its receipt and its report of implementation. */
export const documentDistributions = pgTable(
  'document_distributions',
  {
    id: idColumn(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** Who sent it: the register's committee, or a committee that received it and passes it down. */
    senderOrganizationId: uuid('sender_organization_id')
      .notNull()
      .references(() => organizations.id),
    note: text('note'),
    /** The day the implementation report is due, if the sender set one. */
    dueOn: date('due_on', { mode: 'string' }),
    sentBy: uuid('sent_by'),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedBy: uuid('received_by'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }),
    /** The receiving organization's own document that implements it, e.g. its plan "12-KH/ĐU". */
    reportNumber: text('report_number'),
    reportDocumentId: uuid('report_document_id').references(() => documents.id),
    reportNote: text('report_note'),
    reportedBy: uuid('reported_by'),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }),
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    unique('document_distributions_key').on(t.documentId, t.organizationId),
    index('document_distributions_org_idx').on(t.organizationId, t.sentAt),
    index('document_distributions_sender_idx').on(t.senderOrganizationId, t.documentId),
  ],
);
