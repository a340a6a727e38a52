import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, rowVersion, textC, timestamps } from '../../db/columns.js';
import { committeeTerms, organizations } from '../organizations/tables.js';

/** Đảng viên: one row per person; `organizationId` is where they belong today (the business date). */
export const members = pgTable(
  'members',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The organization's materialized path, kept with the row so subtree lists need no join. */
    organizationPath: textC('organization_path').notNull(),
    fullName: text('full_name').notNull(),
    /** vietnameseNameSortKey(fullName): given name, middle names, family name. */
    sortKey: textC('sort_key').notNull(),
    /** foldVietnamese(fullName + card number) for diacritic-free search. */
    searchText: text('search_text').notNull(),
    /** Số thẻ đảng viên: unique across the system; a probationary member may not have one yet. */
    cardNumber: text('card_number'),
    gender: text('gender').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    ethnicity: text('ethnicity'),
    hometown: text('hometown'),
    admittedOn: date('admitted_on', { mode: 'string' }).notNull(),
    fullMemberOn: date('full_member_on', { mode: 'string' }),
    /** probationary | full | transferred_out | deceased | left */
    status: text('status').notNull(),
    educationLevel: text('education_level'),
    theoryLevel: text('theory_level'),
    jobTitle: text('job_title'),
    employer: text('employer'),
    phone: text('phone'),
    email: text('email'),
    /** Cán bộ lãnh đạo, quản lý: rated separately in reviews. */
    isLeader: boolean('is_leader').notNull().default(false),
    /** Since when the member belongs to `organizationId`. */
    joinedOrganizationOn: date('joined_organization_on', { mode: 'string' }).notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('members_card_number_key').on(t.cardNumber).where(sql`card_number IS NOT NULL`),
    index('members_path_sort_idx').on(t.organizationPath, t.sortKey, t.id),
    index('members_sort_idx').on(t.sortKey, t.id),
    index('members_org_idx').on(t.organizationId),
  ],
);

/** Chuyển sinh hoạt đảng: the history of where a member belonged. A future-dated one waits for its day. */
export const memberTransfers = pgTable(
  'member_transfers',
  {
    id: idColumn(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    fromOrganizationId: uuid('from_organization_id').references(() => organizations.id),
    toOrganizationId: uuid('to_organization_id').references(() => organizations.id),
    /** The day the member belongs to the new organization. */
    transferredOn: date('transferred_on', { mode: 'string' }).notNull(),
    /** Where a member leaving the system goes, when it is no organization of ours. */
    destination: text('destination'),
    reason: text('reason'),
    /** pending (dated after the business date) | applied */
    status: text('status').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('member_transfers_member_idx').on(t.memberId, t.transferredOn),
    index('member_transfers_due_idx').on(t.status, t.transferredOn),
  ],
);

/** Who sits on which committee body of an organization for a term (cấp ủy, BTV, bí thư, UBKT…). */
export const committeeSeats = pgTable(
  'committee_seats',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    termId: uuid('term_id')
      .notNull()
      .references(() => committeeTerms.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** committee_member | standing_committee | secretary | deputy_secretary | inspection_member | inspection_chair */
    position: text('position').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('committee_seats_unique').on(t.termId, t.memberId, t.position),
    index('committee_seats_org_idx').on(t.organizationId, t.termId),
  ],
);
