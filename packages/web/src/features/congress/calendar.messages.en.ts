import type { congressCalendarVi } from './calendar.messages.vi';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

/** The calendar of congress dates on the dashboard, with the level deadlines (`congressCalendar.*`). */
export const congressCalendarEn: Catalog<typeof congressCalendarVi> = {
  title: 'Congress calendar',
};
