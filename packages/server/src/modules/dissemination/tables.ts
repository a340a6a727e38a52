import { type AnyPgColumn, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, rowVersion, timestamps } from '../../db/columns.js';
import { documents } from '../documents/tables.js';
import { members } from '../members/tables.js';
import { organizations } from '../organizations/tables.js';

/**
 * A dissemination conference (hội nghị quán triệt), or a cell's make-up session for those who missed it
 * (`makeupOf` names the conference).
 */
export const disseminationSessions = pgTable(
  'dissemination_sessions',
  {
    id: idColumn(),
    /** The host; scope follows it. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    makeupOf: uuid('makeup_of').references((): AnyPgColumn => disseminationSessions.id),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    place: text('place'),
    chair: text('chair'),
    /** Guests from outside the registry (leaders of the upper committee, reporters), one per line. */
    guests: text('guests'),
    conclusions: text('conclusions'),
    createdBy: uuid('created_by'),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index('dissemination_sessions_org_idx').on(t.organizationId, t.startsAt)],
);

export const sessionDocuments = pgTable(
  'dissemination_session_documents',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => disseminationSessions.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.documentId] }),
    index('dissemination_session_documents_doc_idx').on(t.documentId),
  ],
);

/** The organizations whose members are expected: each invited organization with its whole subtree. */
export const sessionOrganizations = pgTable(
  'dissemination_session_organizations',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => disseminationSessions.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.organizationId] })],
);

/** Present, or absent with a reason. A member who was present has studied the session's documents. */
export const sessionAttendance = pgTable(
  'dissemination_attendance',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => disseminationSessions.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    status: text('status').notNull(),
    reason: text('reason'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.memberId] }),
    index('dissemination_attendance_member_idx').on(t.memberId, t.status),
  ],
);

/** The delegates' proposals and recommendations (kiến nghị, đề xuất), with who answers them. */
export const sessionProposals = pgTable(
  'dissemination_proposals',
  {
    id: idColumn(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => disseminationSessions.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    proposedBy: text('proposed_by'),
    /** The body or person who is to answer it. */
    assignedTo: text('assigned_to'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [index('dissemination_proposals_session_idx').on(t.sessionId)],
);
