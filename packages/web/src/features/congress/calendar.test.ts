import { addDays } from '@daihoi/core';
import { describe, expect, it } from 'vitest';
import type { Dashboard, DashboardRow } from './api';
import {
  buildCongressCalendar,
  type CalendarRow,
  congressDays,
  dayKind,
  daysOffOf,
  deadlineMarks,
  monthWeeks,
  splitOverflow,
  viewFromSearch,
  viewToSearch,
  weekColumn,
  weekday,
  yearsOf,
} from './calendar';
import { buildDashboardRows, congressEndsOn, isAfterDeadline } from './helpers';

const GRASSROOTS = '2020-06-30';
const UPPER = '2020-08-31';

let serial = 0;
function row(over: Partial<CalendarRow> = {}): CalendarRow {
  serial++;
  const base = {
    key: `org-${serial}`,
    name: `Đảng bộ ${serial}`,
    level: 'grassroots',
    planId: `plan-${serial}`,
    plannedOn: null,
    durationDays: 1,
    deadline: GRASSROOTS,
    target: `/congress-plans/plan-${serial}`,
    ...over,
  };
  return { ...base, late: over.late ?? isAfterDeadline(base.plannedOn, base.durationDays, base.deadline) };
}

describe('the view in the address bar', () => {
  it('is the table unless the calendar is asked for, and leaves the default out', () => {
    expect(viewFromSearch(new URLSearchParams(''))).toBe('table');
    expect(viewFromSearch(new URLSearchParams('view=calendar&level=grassroots'))).toBe('calendar');
    expect(viewFromSearch(new URLSearchParams('view=gantt'))).toBe('table');
    expect(viewToSearch('table')).toEqual({});
    expect(viewToSearch('calendar')).toEqual({ view: 'calendar' });
  });
});

describe('days', () => {
  it('knows the weekday without the host clock, and puts Monday first', () => {
    expect(weekday('1970-01-01')).toBe(4);
    expect(weekday('2020-05-20')).toBe(3);
    expect(weekday('2020-05-24')).toBe(0);
    expect(weekColumn('2020-05-18')).toBe(0);
    expect(weekColumn('2020-05-24')).toBe(6);
    expect(weekday('1969-12-31')).toBe(3);
  });

  it('lays a month out in Monday-first weeks, padded at both ends', () => {
    const may = monthWeeks('2020-05');
    expect(may).toHaveLength(5);
    expect(may[0]).toEqual([null, null, null, null, '2020-05-01', '2020-05-02', '2020-05-03']);
    expect(may[4]).toEqual([
      '2020-05-25',
      '2020-05-26',
      '2020-05-27',
      '2020-05-28',
      '2020-05-29',
      '2020-05-30',
      '2020-05-31',
    ]);
    // February 2021 starts on a Monday and fills four weeks exactly; February 2020 has 29 days.
    expect(monthWeeks('2021-02')).toHaveLength(4);
    expect(monthWeeks('2020-02').flat().filter(Boolean)).toHaveLength(29);
    expect(monthWeeks('2020-12').flat().at(-4)).toBe('2020-12-31');
  });
});

describe('a congress on the calendar', () => {
  it('sits every day of its length, the half day last', () => {
    expect(congressDays('2020-04-07', 0.5)).toEqual([{ date: '2020-04-07', day: 1, of: 1, half: true }]);
    expect(congressDays('2020-04-07', 1)).toEqual([{ date: '2020-04-07', day: 1, of: 1, half: false }]);
    expect(congressDays('2020-04-07', 1.5)).toEqual([
      { date: '2020-04-07', day: 1, of: 2, half: false },
      { date: '2020-04-08', day: 2, of: 2, half: true },
    ]);
    expect(congressDays('2020-05-31', 2).map((d) => d.date)).toEqual(['2020-05-31', '2020-06-01']);
    expect(congressDays('2020-05-31', null)).toHaveLength(1);
  });

  it('ends on the day the plan says it ends', () => {
    for (const length of [0.5, 1, 1.5, 2, 2.5, 3, 4])
      expect(congressDays('2020-06-29', length).at(-1)?.date).toBe(congressEndsOn('2020-06-29', length));
  });
});

describe('deadline marks', () => {
  it('marks each level and deadline once, by date and then from the highest level down', () => {
    const rows = [
      row({ level: 'grassroots' }),
      row({ level: 'upper_grassroots', deadline: UPPER }),
      row({ level: 'grassroots' }),
      row({ level: 'cell', deadline: GRASSROOTS }),
      row({ level: 'sub_grassroots', deadline: null }),
    ];
    expect(deadlineMarks(rows)).toEqual([
      { date: GRASSROOTS, level: 'grassroots' },
      { date: GRASSROOTS, level: 'cell' },
      { date: UPPER, level: 'upper_grassroots' },
    ]);
  });
});

describe('the calendar of the wave', () => {
  const early = row({ name: 'Sớm', plannedOn: '2020-04-07', durationDays: 1.5 });
  const may = row({ name: 'Tháng năm', plannedOn: '2020-05-20', durationDays: 1 });
  const late = row({ name: 'Sau hạn', plannedOn: '2020-06-30', durationDays: 2 });
  const undated = row({ name: 'Chưa có ngày', planId: 'p', target: '/congress-plans/p' });
  const noPlan = row({ name: 'Chưa có kế hoạch', planId: null, target: null });
  const bloc = row({
    name: 'Khối',
    level: 'upper_grassroots',
    deadline: UPPER,
    plannedOn: '2020-08-18',
    durationDays: 2,
  });
  const sameDay = row({ name: 'Cùng ngày', plannedOn: '2020-06-30', durationDays: 1 });
  const calendar = buildCongressCalendar([early, may, sameDay, late, undated, noPlan, bloc]);

  it('spans from the earliest congress to the latest deadline', () => {
    expect(calendar.from).toBe('2020-04-07');
    expect(calendar.to).toBe(UPPER);
  });

  it('puts a congress on each of its days, late ones first on a day', () => {
    expect(calendar.byDay.get('2020-04-07')?.map((e) => [e.row.name, e.day, e.of])).toEqual([['Sớm', 1, 2]]);
    expect(calendar.byDay.get('2020-04-08')?.map((e) => [e.row.name, e.day, e.half])).toEqual([
      ['Sớm', 2, true],
    ]);
    expect(calendar.byDay.get('2020-06-30')?.map((e) => e.row.name)).toEqual(['Sau hạn', 'Cùng ngày']);
    expect(calendar.byDay.get('2020-07-01')?.map((e) => e.row.name)).toEqual(['Sau hạn']);
    expect(calendar.byDay.has('2020-04-09')).toBe(false);
  });

  it('marks the deadlines on their days', () => {
    expect(calendar.deadlines.get(GRASSROOTS)).toEqual([{ date: GRASSROOTS, level: 'grassroots' }]);
    expect(calendar.deadlines.get(UPPER)).toEqual([{ date: UPPER, level: 'upper_grassroots' }]);
  });

  it('lists what needs attention: the late congresses and the organizations without a date', () => {
    expect(calendar.late.map((r) => r.name)).toEqual(['Sau hạn']);
    expect(calendar.undated.map((r) => r.name)).toEqual(['Chưa có ngày', 'Chưa có kế hoạch']);
    expect(calendar.dated).toBe(5);
  });

  it('shows the wave month by month', () => {
    // July holds only the second day of the late congress: a month of its own all the same.
    expect(calendar.sections.map((s) => (s.kind === 'month' ? s.month.key : 'gap'))).toEqual([
      '2020-04',
      '2020-05',
      '2020-06',
      '2020-07',
      '2020-08',
    ]);
    const june = calendar.sections[2];
    expect(june?.kind === 'month' && june.month.busyDays).toEqual(['2020-06-30']);
    expect(june?.kind === 'month' && june.month.opening).toBe(2);
    const april = calendar.sections[0];
    // A congress that goes on into the next day counts once, in the month it opens.
    expect(april?.kind === 'month' && [april.month.opening, april.month.busyDays]).toEqual([
      1,
      ['2020-04-07', '2020-04-08'],
    ]);
  });

  it('folds a run of empty months into one gap', () => {
    const far = buildCongressCalendar([
      row({ plannedOn: '2020-04-07' }),
      row({ plannedOn: '2021-01-05', deadline: null }),
    ]);
    expect(far.sections.map((s) => (s.kind === 'gap' ? [s.gap.from, s.gap.to] : s.month.key))).toEqual([
      '2020-04',
      ['2020-05', '2020-05'],
      '2020-06',
      ['2020-07', '2020-12'],
      '2021-01',
    ]);
  });

  it('is empty without a date or a deadline', () => {
    const none = buildCongressCalendar([row({ deadline: null })]);
    expect([none.from, none.to, none.sections, none.undated.length]).toEqual([null, null, [], 1]);
  });

  it('takes the rows the dashboard builds, with their links and the late flag', () => {
    const uuid = (n: number) => `01a231d8-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
    const dashboardRow = (n: number, plannedOn: string | null, parentId: string | null): DashboardRow => ({
      organization: { id: uuid(n), name: `Tổ chức ${n}`, level: 'grassroots', depth: 2, parentId },
      planId: plannedOn ? uuid(100 + n) : null,
      plannedOn,
      durationDays: plannedOn ? 2 : null,
      deadline: GRASSROOTS,
      cells: [],
    });
    const data: Pick<Dashboard, 'rows' | 'term'> = {
      term: { name: '2020–2025' },
      rows: [dashboardRow(1, '2020-06-30', null), dashboardRow(2, null, uuid(1))],
    };
    const rows = buildDashboardRows(data, { all: true, ids: new Set() });
    const built = buildCongressCalendar(rows);
    expect(built.late.map((r) => r.target)).toEqual([`/congress-plans/${uuid(101)}`]);
    expect(built.undated[0]?.target).toMatch(/^\/congress-plans\/new\?organizationId=/);
  });
});

describe('a busy day', () => {
  it('shows what fits and counts the rest', () => {
    expect(splitOverflow([1, 2, 3], 3)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(splitOverflow([1, 2, 3, 4], 3)).toEqual({ shown: [1, 2], more: 2 });
    expect(splitOverflow([], 3)).toEqual({ shown: [], more: 0 });
    expect(splitOverflow([1, 2], 1)).toEqual({ shown: [], more: 2 });
  });

  it('keeps 5,000 organizations to a few lines a day, quickly', () => {
    const rows = Array.from({ length: 5000 }, (_, i) =>
      row({
        plannedOn: i % 10 === 0 ? null : addDays('2020-04-01', (i * 7919) % 90),
        durationDays: [0.5, 1, 1.5, 2][i % 4] ?? 1,
      }),
    );
    const started = performance.now();
    const built = buildCongressCalendar(rows);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    expect(built.undated).toHaveLength(500);
    const sitting = [...built.byDay.values()].reduce((n, entries) => n + entries.length, 0);
    const expected = rows.reduce((n, r) => n + (r.plannedOn ? Math.ceil(r.durationDays ?? 1) : 0), 0);
    expect(sitting).toBe(expected);
    const lines = [...built.byDay.values()].map((entries) => {
      const { shown, more } = splitOverflow(entries, 3);
      return shown.length + (more > 0 ? 1 : 0);
    });
    expect(Math.max(...lines)).toBeLessThanOrEqual(3);
    const opening = built.sections.reduce((n, s) => n + (s.kind === 'month' ? s.month.opening : 0), 0);
    expect(opening).toBe(4500);
  });
});

describe('days off', () => {
  const year = {
    year: 2020,
    daysOff: [
      { date: '2020-04-30', holiday: 'victory_day', kind: 'holiday', reasonVi: 'Ngày Chiến thắng' },
      { date: '2020-05-01', holiday: 'labour_day', kind: 'holiday', reasonVi: 'Ngày Quốc tế Lao động' },
    ],
    workingWeekends: [{ date: '2020-05-09', reasonVi: 'Làm bù' }],
    edits: [
      { date: '2020-05-01', kind: 'plain', note: null },
      { date: '2020-05-04', kind: 'day_off', note: 'Nghỉ bù theo quyết định địa phương' },
      { date: '2020-05-16', kind: 'working', note: null },
    ],
  };

  it('shades holidays, weekends and weekends worked, with the administrator’s corrections', () => {
    const days = daysOffOf([year]);
    expect(dayKind('2020-04-30', days)).toBe('day_off');
    expect(days.off.get('2020-04-30')).toEqual({
      holiday: 'victory_day',
      kind: 'holiday',
      reason: 'Ngày Chiến thắng',
    });
    expect(dayKind('2020-05-01', days)).toBe('working');
    expect(dayKind('2020-05-04', days)).toBe('day_off');
    expect(days.off.get('2020-05-04')).toEqual({
      holiday: null,
      kind: 'added',
      reason: 'Nghỉ bù theo quyết định địa phương',
    });
    expect(dayKind('2020-05-09', days)).toBe('working_weekend');
    expect(dayKind('2020-05-16', days)).toBe('working_weekend');
    expect(dayKind('2020-05-17', days)).toBe('weekend');
    expect(dayKind('2020-05-20', days)).toBe('working');
  });

  it('shades only weekends without the year, and asks for every year the wave touches', () => {
    const none = daysOffOf([]);
    expect([dayKind('2020-04-30', none), dayKind('2020-05-02', none)]).toEqual(['working', 'weekend']);
    expect(yearsOf('2020-11-01', '2021-02-01')).toEqual([2020, 2021]);
    expect(yearsOf(null, null)).toEqual([]);
  });
});
