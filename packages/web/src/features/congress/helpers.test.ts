import { foldVietnamese, STEP_STATUSES, type StepStatus } from '@daihoi/core';
import { describe, expect, it } from 'vitest';
import { canManageCongress, managingOrganizationIds, readsCongressPlans } from '../../app/permissions';
import type { Dashboard, DashboardRow } from './api';
import { countsChartOption } from './chart';
import {
  buildDashboardRows,
  congressEndsOn,
  countEntries,
  dashboardFiltersFromSearch,
  dashboardFiltersToSearch,
  defaultTermId,
  durationForm,
  durationOptions,
  filterRowsByName,
  halfDayNumber,
  isAfterDeadline,
  kindForLevel,
  kindNeedsReason,
  levelRuleSummary,
  narrowedRuleSet,
  planFiltersFromSearch,
  ruleSetForTerm,
  ruleSetIdForTerm,
  STEP_CELL,
  sortTasks,
  TASK_STATE_TAG,
  taskActionBody,
  taskActions,
  taskCounts,
  taskStateTag,
  termIdByName,
} from './helpers';

const uuid = (n: number) => `01a231d8-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

describe('duration', () => {
  it('offers half-day steps up to five days, keeping a longer value already chosen', () => {
    expect(durationOptions()).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    expect(durationOptions(2)).toEqual([0.5, 1, 1.5, 2]);
    expect(durationOptions(2, 3)).toEqual([0.5, 1, 1.5, 2, 2.5, 3]);
    expect(durationOptions().every((d) => Number.isInteger(d * 2))).toBe(true);
  });

  it('writes half days as offices do', () => {
    expect([0.5, 1, 1.5, 2, 2.5].map(halfDayNumber)).toEqual(['½', '1', '1½', '2', '2½']);
    expect([0.5, 1, 1.5, 2].map(durationForm)).toEqual(['one', 'one', 'other', 'other']);
  });
});

describe('states', () => {
  it('colours every task state as the brief says', () => {
    expect(TASK_STATE_TAG).toEqual({
      done: 'green',
      on_track: 'blue',
      due_soon: 'gold',
      overdue: 'red',
      not_started: 'default',
      skipped: '#8c8c8c',
    });
    expect(taskStateTag('unknown')).toBe('default');
  });

  it('gives every dashboard state a fill and a distinct glyph or none', () => {
    for (const s of STEP_STATUSES) expect(STEP_CELL[s].fill).toMatch(/^#[0-9a-f]{6}$/);
    const glyphs = STEP_STATUSES.map((s) => STEP_CELL[s].glyph).filter(Boolean);
    expect(new Set(glyphs).size).toBe(glyphs.length);
  });

  it('counts in the legend order with shares', () => {
    expect(countEntries({ done: 1, overdue: 3 })).toEqual([
      { status: 'done', value: 1, share: 25 },
      { status: 'on_track', value: 0, share: 0 },
      { status: 'due_soon', value: 0, share: 0 },
      { status: 'overdue', value: 3, share: 75 },
      { status: 'not_started', value: 0, share: 0 },
    ]);
  });

  it('draws the doughnut without empty states, in their colours', () => {
    const option = countsChartOption({ done: 2, overdue: 1 }, (s) => s, String);
    const series = (option.series as { data: { name: string; itemStyle: { color: string } }[] }[])[0];
    expect(series?.data.map((d) => d.name)).toEqual(['done', 'overdue']);
    expect(series?.data[1]?.itemStyle.color).toBe('#f5222d');
  });
});

describe('rule sets and terms', () => {
  it('finds the rule set by the term name, as the server does', () => {
    expect(ruleSetIdForTerm('2020–2025')).toBe('ct35-2019');
    expect(ruleSetIdForTerm('2025–2030')).toBe('ct45-2025');
    expect(ruleSetIdForTerm('2015–2020')).toBeNull();
    expect(ruleSetIdForTerm(undefined)).toBeNull();
    expect(ruleSetForTerm('2020–2025')?.name).toContain('35-CT/TW');
  });

  it('summarises the level rules with their sources', () => {
    const ct35 = ruleSetForTerm('2020–2025');
    if (!ct35) throw new Error('no rule set');
    const grassroots = levelRuleSummary(ct35, 'grassroots');
    expect(grassroots.deadline?.value).toBe('2020-06-30');
    expect(grassroots.earliestStart?.value).toBe('2020-04-01');
    expect(grassroots.maxDurationDays?.value).toBe(2);
    expect(grassroots.deadline?.source).toContain('Chỉ thị 35-CT/TW ngày 30/5/2019');
    expect(grassroots.unverified).toBe(false);
    expect(grassroots.allMemberBelow.value).toBe(200);
    const cell = levelRuleSummary(ct35, 'cell');
    expect(cell.maxDurationDays?.value).toBe(0.5);
    expect(cell.unverified).toBe(true);
    expect(levelRuleSummary(ct35, 'nonsense').deadline).toBeNull();
  });

  it('folds the narrowings of the committees above over the directive, citing their plans', () => {
    const ct35 = ruleSetForTerm('2020–2025');
    if (!ct35) throw new Error('no rule set');
    const bloc = {
      source: { document: 'Kế hoạch 165-KH/ĐUK', date: '2019-10-31' },
      levels: { grassroots: { deadline: '2020-06-15' } },
    };
    const grassroots = levelRuleSummary(narrowedRuleSet(ct35, [bloc]), 'grassroots');
    expect(grassroots.deadline).toMatchObject({
      value: '2020-06-15',
      source: 'Kế hoạch 165-KH/ĐUK ngày 31/10/2019',
      narrows: { value: '2020-06-30', source: 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị' },
    });
    expect(grassroots.earliestStart?.narrows).toBeNull();
    // A second committee lower down: the line still names the directive it tightens.
    const further = {
      source: { document: 'Kế hoạch 20-KH/ĐU', date: '2019-12-02' },
      levels: { grassroots: { deadline: '2020-06-10' } },
    };
    expect(levelRuleSummary(narrowedRuleSet(ct35, [bloc, further]), 'grassroots').deadline).toMatchObject({
      value: '2020-06-10',
      narrows: { value: '2020-06-30' },
    });
    // Without narrowings, or with one looser than the directive (set aside), the directive alone.
    expect(narrowedRuleSet(ct35, undefined)).toBe(ct35);
    expect(narrowedRuleSet(ct35, [])).toBe(ct35);
    expect(narrowedRuleSet(ct35, [{ ...bloc, levels: { grassroots: { deadline: '2020-07-15' } } }])).toBe(
      ct35,
    );
  });

  it('preselects the first term starting after the business date, else the latest', () => {
    const terms = [
      { id: 'b', name: '2020–2025', startsOn: '2020-06-20' },
      { id: 'a', name: '2015–2020', startsOn: '2015-06-20' },
    ];
    expect(defaultTermId(terms, '2020-03-15')).toBe('b');
    expect(defaultTermId(terms, '2021-01-01')).toBe('b');
    expect(defaultTermId(terms, '2010-01-01')).toBe('a');
    expect(defaultTermId([], '2020-03-15')).toBeUndefined();
    expect(termIdByName(terms, '2015–2020')).toBe('a');
    expect(termIdByName(terms, 'x')).toBeUndefined();
  });

  it('knows the kind a level gives without counting members', () => {
    expect(kindForLevel('cell')).toBe('all_member');
    expect(kindForLevel('sub_grassroots')).toBe('all_member');
    expect(kindForLevel('upper_grassroots')).toBe('delegates');
    expect(kindForLevel('grassroots')).toBeNull();
    expect(kindNeedsReason('auto', null)).toBe(false);
    expect(kindNeedsReason('delegates', 'delegates')).toBe(false);
    expect(kindNeedsReason('delegates', 'all_member')).toBe(true);
    expect(kindNeedsReason('all_member', null)).toBe(true);
  });
});

describe('dates', () => {
  it('counts the last day a congress sits', () => {
    expect(congressEndsOn('2020-04-07', 0.5)).toBe('2020-04-07');
    expect(congressEndsOn('2020-04-07', 1)).toBe('2020-04-07');
    expect(congressEndsOn('2020-04-07', 1.5)).toBe('2020-04-08');
    expect(congressEndsOn('2020-06-29', 2)).toBe('2020-06-30');
  });

  it('flags a congress that sits after the deadline', () => {
    expect(isAfterDeadline('2020-06-30', 1, '2020-06-30')).toBe(false);
    expect(isAfterDeadline('2020-06-30', 1.5, '2020-06-30')).toBe(true);
    expect(isAfterDeadline('2020-07-01', 1, '2020-06-30')).toBe(true);
    expect(isAfterDeadline(null, 1, '2020-06-30')).toBe(false);
    expect(isAfterDeadline('2020-07-01', 1, null)).toBe(false);
  });
});

describe('tasks', () => {
  const task = (id: string, dueOn: string | null, position: number, state = 'on_track') => ({
    id,
    dueOn,
    position,
    state,
  });

  it('sorts by due date, the undated last, then by position', () => {
    const sorted = sortTasks([
      task('c', null, 0),
      task('b', '2020-05-01', 2),
      task('a', '2020-04-01', 5),
      task('d', '2020-05-01', 1),
    ]);
    expect(sorted.map((t) => t.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('counts done, overdue, due soon and skipped', () => {
    expect(
      taskCounts([
        task('a', null, 0, 'done'),
        task('b', null, 0, 'overdue'),
        task('c', null, 0, 'overdue'),
        task('d', null, 0, 'due_soon'),
        task('e', null, 0, 'skipped'),
        task('f', null, 0, 'on_track'),
      ]),
    ).toEqual({ total: 6, done: 1, overdue: 2, dueSoon: 1, skipped: 1 });
  });

  it('offers done and skip while open, reopen otherwise, with the version', () => {
    expect(taskActions({ status: 'open' })).toEqual(['done', 'skip']);
    expect(taskActions({ status: 'done' })).toEqual(['reopen']);
    expect(taskActions({ status: 'skipped' })).toEqual(['reopen']);
    expect(taskActionBody({ version: 3 }, 'done')).toEqual({ version: 3, status: 'done' });
    expect(taskActionBody({ version: 3 }, 'skip')).toEqual({ version: 3, status: 'skipped' });
    expect(taskActionBody({ version: 3 }, 'reopen')).toEqual({ version: 3, status: 'open' });
  });
});

describe('filters', () => {
  it('reads the dashboard filters from the address bar and drops the malformed', () => {
    const id = uuid(1);
    const term = uuid(2);
    expect(
      dashboardFiltersFromSearch(
        new URLSearchParams({ organizationId: id, termId: term, level: 'grassroots', status: 'overdue' }),
      ),
    ).toEqual({ organizationId: id, termId: term, level: 'grassroots', status: 'overdue' });
    expect(
      dashboardFiltersFromSearch(
        new URLSearchParams({ organizationId: 'x', termId: term, level: 'planet', status: 'late' }),
      ),
    ).toEqual({});
    // A term belongs to the organization chosen: without one it is dropped.
    expect(dashboardFiltersToSearch({ termId: term, status: 'done' })).toEqual({ status: 'done' });
    const round = { organizationId: id, level: 'cell', status: 'due_soon' as StepStatus };
    expect(dashboardFiltersFromSearch(new URLSearchParams(dashboardFiltersToSearch(round)))).toEqual(round);
    expect(planFiltersFromSearch(new URLSearchParams({ organizationId: id }))).toEqual({
      organizationId: id,
    });
    expect(planFiltersFromSearch(new URLSearchParams({ organizationId: 'nope' }))).toEqual({});
  });
});

function fakeDashboard(orgCount: number): Pick<Dashboard, 'rows' | 'term' | 'steps'> {
  const steps = Array.from({ length: 15 }, (_, i) => ({ key: `s${i}`, title: `Bước ${i}` }));
  const rows: DashboardRow[] = [
    {
      organization: {
        id: uuid(0),
        name: 'Đảng bộ Khối',
        level: 'upper_grassroots',
        depth: 1,
        parentId: null,
      },
      planId: uuid(100000),
      plannedOn: '2020-08-18',
      durationDays: 2,
      deadline: '2020-08-31',
      cells: steps.map(() => 'on_track' as StepStatus),
    },
  ];
  // Grassroots organizations under the bloc, each with a few cells below it.
  for (let i = 1; i < orgCount; i++) {
    const grassroots = i % 10 === 1;
    const parent = grassroots ? uuid(0) : uuid(i - ((i - 1) % 10));
    rows.push({
      organization: {
        id: uuid(i),
        name: grassroots ? `Đảng bộ cơ sở số ${i}` : `Chi bộ ${i}`,
        level: grassroots ? 'grassroots' : 'cell',
        depth: grassroots ? 2 : 3,
        parentId: parent,
      },
      planId: i % 3 === 0 ? null : uuid(100000 + i),
      plannedOn: i % 3 === 0 ? null : i % 7 === 0 ? '2020-07-02' : '2020-05-10',
      durationDays: i % 3 === 0 ? null : 1,
      deadline: grassroots ? '2020-06-30' : '2020-03-31',
      cells: steps.map((_, j) => STEP_STATUSES[(i + j) % STEP_STATUSES.length] as StepStatus),
    });
  }
  return { rows, steps, term: { name: '2020–2025' } };
}

describe('dashboard rows', () => {
  it('builds 5,000 rows quickly, indented by depth, with where a click leads', () => {
    const data = fakeDashboard(5000);
    const started = performance.now();
    const rows = buildDashboardRows(data, { all: false, ids: new Set([uuid(11)]) });
    const elapsed = performance.now() - started;
    expect(rows).toHaveLength(5000);
    expect(elapsed).toBeLessThan(200);
    expect(rows[0]).toMatchObject({ indent: 0, target: `/congress-plans/${uuid(100000)}`, late: false });
    expect(rows[1]?.indent).toBe(1);
    expect(rows[2]?.indent).toBe(2);
    // A cell without a plan under the grassroots organization managed: the new-plan form, with the term.
    const managedChild = rows.find((r) => r.organizationId === uuid(12));
    expect(managedChild?.planId).toBeNull();
    expect(managedChild?.target).toBe(
      `/congress-plans/new?organizationId=${uuid(12)}&term=2020%E2%80%932025`,
    );
    // Elsewhere without a plan: nowhere to go.
    expect(rows.find((r) => r.organizationId === uuid(3))?.target).toBeNull();
    // After the level's deadline.
    expect(rows.find((r) => r.organizationId === uuid(7))?.late).toBe(true);
    expect(rows.every((r) => r.cells.length === 15)).toBe(true);
  });

  it('lets one who manages the whole subtree draw up any missing plan', () => {
    const rows = buildDashboardRows(fakeDashboard(30), { all: true, ids: new Set() });
    expect(rows.filter((r) => !r.planId).every((r) => r.target?.startsWith('/congress-plans/new'))).toBe(
      true,
    );
  });

  it('finds rows by name without diacritics', () => {
    const rows = buildDashboardRows(fakeDashboard(5000), { all: false, ids: new Set() });
    expect(filterRowsByName(rows, 'dang bo co so so 4911', foldVietnamese).map((r) => r.name)).toEqual([
      'Đảng bộ cơ sở số 4911',
    ]);
    expect(filterRowsByName(rows, '  ', foldVietnamese)).toBe(rows);
  });
});

describe('permissions', () => {
  it('lets every placed role read plans and only office and secretary manage them', () => {
    expect(readsCongressPlans([{ role: 'member', organizationId: 'stc' }])).toBe(true);
    expect(readsCongressPlans([{ role: 'inspector', organizationId: 'bloc' }])).toBe(true);
    expect(readsCongressPlans([{ role: 'admin', organizationId: null }])).toBe(true);
    expect(readsCongressPlans([])).toBe(false);
    expect(canManageCongress([{ role: 'member', organizationId: 'stc' }])).toBe(false);
    expect(canManageCongress([{ role: 'secretary', organizationId: 'stc' }])).toBe(true);
    expect(
      canManageCongress([{ role: 'office', organizationId: 'bloc' }], {
        id: 'stc',
        ancestors: [{ id: 'bloc' }],
      }),
    ).toBe(true);
    expect(
      canManageCongress([{ role: 'office', organizationId: 'bloc' }], { id: 'vinh', ancestors: [] }),
    ).toBe(false);
    expect([
      ...managingOrganizationIds([
        { role: 'office', organizationId: 'bloc' },
        { role: 'member', organizationId: 'stc' },
        { role: 'admin', organizationId: null },
      ]),
    ]).toEqual(['bloc']);
  });
});
