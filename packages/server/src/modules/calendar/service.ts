import { calendarWithEdits, calendarYears, type WorkingCalendar } from '@daihoi/core';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import type { CalendarEditInput } from './schema.js';
import { calendarEdits } from './tables.js';

const e = calendarEdits;

/** The calendar that working days are counted on: the shipped one with the administrator's edits. */
export async function workingCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  return calendarWithEdits(await db.select({ date: e.date, kind: e.kind }).from(e));
}

/** A year of the calendar: its official days off with their sources (or provisional), and the edits. */
export async function calendarYear(db: DbOrTx, year: number) {
  const shipped = calendarYears.find((y) => y.year === year);
  if (!shipped) throw notFound();
  const edits = await db
    .select()
    .from(e)
    .where(and(gte(e.date, `${year}-01-01`), lte(e.date, `${year}-12-31`)))
    .orderBy(asc(e.date));
  return {
    ...shipped,
    edits: edits.map((x) => ({
      date: x.date,
      kind: x.kind,
      note: x.note,
      updatedAt: x.updatedAt.toISOString(),
    })),
  };
}

/** Sets (or, with `null`, removes) the administrator's edit of one day; audited. */
export async function editCalendarDay(ctx: Ctx, date: string, input: CalendarEditInput | null) {
  if (!can(ctx.actor, 'calendar.manage', null)) throw forbidden();
  const now = ctx.clock.now();
  await inTransaction(ctx.db, async (tx) => {
    const [before] = await tx.select().from(e).where(eq(e.date, date));
    if (input) {
      const values = {
        kind: input.kind,
        note: input.note ?? null,
        updatedBy: ctx.actor.userId,
        updatedAt: now,
      };
      await tx
        .insert(e)
        .values({ date, ...values })
        .onConflictDoUpdate({ target: e.date, set: values });
    } else {
      if (!before) throw notFound();
      await tx.delete(e).where(eq(e.date, date));
    }
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'calendar.edit',
        entity: 'calendar_day',
        entityId: date,
        organizationId: null,
        before: before ? { kind: before.kind, note: before.note } : null,
        after: input ? { kind: input.kind, note: input.note ?? null } : null,
      },
      now,
    );
  });
  return calendarYear(ctx.db, Number(date.slice(0, 4)));
}
