import { z } from 'zod';
import { isoDate, optionalText } from '../../http/fields.js';

export const calendarYearParams = z.strictObject({ year: z.coerce.number().int().min(2019).max(2035) });
export const calendarDateParams = z.strictObject({ date: isoDate });
export const calendarEditBody = z.strictObject({
  kind: z.enum(['day_off', 'working', 'plain']),
  /** Why: the decision that changed the day, e.g. "Công văn …/VPCP-KGVX". */
  note: optionalText(500),
});

export type CalendarEditInput = z.infer<typeof calendarEditBody>;
