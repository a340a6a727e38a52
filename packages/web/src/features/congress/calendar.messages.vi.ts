/** The calendar of congress dates on the dashboard, with the level deadlines (`congressCalendar.*`). */
export const congressCalendarVi = {
  title: 'Lịch đại hội',
};
