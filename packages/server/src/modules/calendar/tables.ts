import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * An administrator's correction of the shipped calendar of days off: a day off the release does not know
 * (a decision published after it), a Saturday worked in exchange, or a day set back to the plain rule.
 */
export const calendarEdits = pgTable('calendar_edits', {
  date: date('date', { mode: 'string' }).primaryKey(),
  /** day_off, working, or plain (Monday–Friday working, weekends off). */
  kind: text('kind').notNull(),
  note: text('note'),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
