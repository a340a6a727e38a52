import { type App, ctxOf, type Deps } from '../../http/route.js';
import { calendarDateParams, calendarEditBody, calendarYearParams } from './schema.js';
import { calendarYear, editCalendarDay } from './service.js';

const tags = ['Lịch ngày nghỉ'];

export function calendarRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/calendar/:year',
    { config: { action: 'calendar.read' }, schema: { tags, params: calendarYearParams } },
    (req) => calendarYear(deps.database.db, req.params.year),
  );
  app.put(
    '/api/v1/calendar/edits/:date',
    {
      config: { action: 'calendar.manage' },
      schema: { tags, params: calendarDateParams, body: calendarEditBody },
    },
    (req) => editCalendarDay(ctxOf(deps, req), req.params.date, req.body),
  );
  app.delete(
    '/api/v1/calendar/edits/:date',
    { config: { action: 'calendar.manage' }, schema: { tags, params: calendarDateParams } },
    (req) => editCalendarDay(ctxOf(deps, req), req.params.date, null),
  );
}
