import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, rowVersion, timestamps } from '../../db/columns.js';
import { members } from '../members/tables.js';
import { organizations } from '../organizations/tables.js';

export const users = pgTable('users', {
  id: idColumn(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  searchText: text('search_text').notNull(),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  /** The member record of the person who signs in with this account (own self-assessment, pledges…). */
  memberId: uuid('member_id')
    .unique()
    .references(() => members.id),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  version: rowVersion(),
  ...timestamps(),
});

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: idColumn(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** Null only for `admin`, which reaches the whole system. */
    organizationId: uuid('organization_id').references(() => organizations.id),
  },
  (t) => [index('role_assignments_user_idx').on(t.userId)],
);
