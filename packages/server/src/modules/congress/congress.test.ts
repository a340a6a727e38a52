import { addWorkingDays } from '@daihoi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../exports/docx-text.js';
import { expectError, failOnServerErrors, refusedWithoutWrite, rows } from '../../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../../test/harness.js';
import { pdf } from '../files/fixtures.js';
import { remindCongressTasks } from './reminders.js';

interface Task {
  id: string;
  stepKey: string | null;
  dueOn: string | null;
  status: string;
  doneOn: string | null;
  state: string;
  version: number;
}
interface Plan {
  id: string;
  version: number;
  congressKind: string;
  derivedKind: { kind: string; memberCount: number; threshold: number };
  ruleSet: { id: string; name: string };
  plannedOn: string | null;
  durationDays: number;
  tasks: Task[];
  abilities: { edit: boolean };
}

const serverErrors = failOnServerErrors();
let t: TestApp;
let bithuStc: Agent;
let vanphong: Agent;
let kiemtra: Agent;
let dangvien: Agent;
let stc: string;
let term2020: string;
let plan: Plan;

const termOf = async (orgId: string, name: string) =>
  (
    await rows<{ id: string }>(
      t,
      sql`SELECT id FROM committee_terms WHERE organization_id = ${orgId} AND name = ${name}`,
    )
  )[0]!.id;

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [bithuStc, vanphong, kiemtra, dangvien] = (await Promise.all(
    ['bithu.stc', 'vanphong', 'kiemtra', 'dangvien'].map((u) => t.login(u)),
  )) as [Agent, Agent, Agent, Agent];
  stc = await orgIdByCode(t, 'NA-DUK-STC');
  term2020 = await termOf(stc, '2020–2025');
});
afterAll(() => t.close());

const body = (overrides: Record<string, unknown> = {}) => ({
  organizationId: stc,
  termId: term2020,
  plannedOn: '2020-05-20',
  durationDays: 1.5,
  ...overrides,
});
const task = (key: string) => plan.tasks.find((x) => x.stepKey === key)!;

describe('adopting a congress plan', () => {
  it('refuses a date after the level deadline or a congress longer than allowed, naming the directive', async () => {
    const late = await refusedWithoutWrite(t, () =>
      bithuStc.post('/api/v1/congress-plans', body({ plannedOn: '2020-07-10' })),
    );
    expect(expectError(late, 400, 'CONGRESS_SCHEDULE_INVALID').message).toContain('35-CT/TW');
    expect(expectError(late, 400, 'CONGRESS_SCHEDULE_INVALID').message).toContain('30/06/2020');
    const long = await refusedWithoutWrite(t, () =>
      bithuStc.post('/api/v1/congress-plans', body({ durationDays: 3 })),
    );
    expectError(long, 400, 'CONGRESS_SCHEDULE_INVALID');
    const half = await refusedWithoutWrite(t, () =>
      bithuStc.post('/api/v1/congress-plans', body({ durationDays: 1.3 })),
    );
    expectError(half, 400, 'VALIDATION_FAILED');
  });

  it('derives the kind from the membership and wants a reason for another', async () => {
    const other = await refusedWithoutWrite(t, () =>
      bithuStc.post('/api/v1/congress-plans', body({ congressKind: 'delegates' })),
    );
    expectError(other, 400, 'CONGRESS_KIND_REASON_REQUIRED');
    const wrongTerm = await refusedWithoutWrite(t, () =>
      bithuStc.post(
        '/api/v1/congress-plans',
        body({ termId: term2020.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }),
      ),
    );
    expectError(wrongTerm, 400, 'CONGRESS_TERM_MISMATCH');
    const oldTerm = await refusedWithoutWrite(t, async () =>
      bithuStc.post('/api/v1/congress-plans', body({ termId: await termOf(stc, '2015–2020') })),
    );
    expectError(oldTerm, 400, 'CONGRESS_RULE_SET_MISSING');
  });

  it('generates the tasks of the template counted back from the congress date', async () => {
    const res = await bithuStc.post('/api/v1/congress-plans', body());
    expect(res.statusCode, res.body).toBe(201);
    plan = res.json() as Plan;
    expect(plan.ruleSet.id).toBe('ct35-2019');
    expect(plan.derivedKind).toMatchObject({ kind: 'all_member', threshold: 200 });
    expect(plan.congressKind).toBe('all_member');
    expect(plan.tasks).toHaveLength(15);
    expect(task('congress_held').dueOn).toBe('2020-05-20');
    // RULES §1.3: the opening date is announced 30 working days ahead.
    expect(task('opening_announced').dueOn).toBe(addWorkingDays('2020-05-20', -30));
    // Adopting the plan is its first step; on 15/03/2020 the next ones (110 days before) are already late.
    expect(task('plan_adopted')).toMatchObject({ status: 'done', doneOn: '2020-03-15', state: 'done' });
    expect(task('subcommittees_formed').state).toBe('overdue');
    expect(task('congress_held').state).toBe('on_track');
    const again = await refusedWithoutWrite(t, () => bithuStc.post('/api/v1/congress-plans', body()));
    expectError(again, 409, 'CONGRESS_PLAN_EXISTS');
  });

  it('recomputes the open tasks when the date moves, and keeps what is done', async () => {
    const done = await bithuStc.patch(`/api/v1/congress-tasks/${task('plan_adopted').id}`, {
      version: task('plan_adopted').version,
      status: 'done',
    });
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2020-03-15', state: 'done' });
    const doneDue = task('plan_adopted').dueOn;
    const moved = await bithuStc.patch(`/api/v1/congress-plans/${plan.id}`, {
      version: plan.version,
      plannedOn: '2020-06-05',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    plan = moved.json() as Plan;
    expect(task('congress_held').dueOn).toBe('2020-06-05');
    expect(task('opening_announced').dueOn).toBe(addWorkingDays('2020-06-05', -30));
    expect(task('plan_adopted')).toMatchObject({ dueOn: doneDue, status: 'done' });
    const stale = await refusedWithoutWrite(t, () =>
      bithuStc.patch(`/api/v1/congress-plans/${plan.id}`, { version: 1, plannedOn: '2020-06-06' }),
    );
    expect(expectError(stale, 409, 'VERSION_CONFLICT').details).toEqual({ currentVersion: plan.version });
    const late = await refusedWithoutWrite(t, () =>
      bithuStc.patch(`/api/v1/congress-plans/${plan.id}`, { version: plan.version, plannedOn: '2020-07-01' }),
    );
    expectError(late, 400, 'CONGRESS_SCHEDULE_INVALID');
  });

  it('refuses a task due before the plan existed, or done in the future', async () => {
    const subcommittees = task('subcommittees_formed');
    expectError(
      await refusedWithoutWrite(t, () =>
        bithuStc.patch(`/api/v1/congress-tasks/${subcommittees.id}`, {
          version: subcommittees.version,
          dueOn: '2020-03-01',
        }),
      ),
      400,
      'CONGRESS_TASK_DUE_BEFORE_PLAN',
    );
    expectError(
      await refusedWithoutWrite(t, () =>
        bithuStc.patch(`/api/v1/congress-tasks/${subcommittees.id}`, {
          version: subcommittees.version,
          status: 'done',
          doneOn: '2020-03-20',
        }),
      ),
      400,
      'CONGRESS_TASK_DONE_IN_FUTURE',
    );
    const added = await bithuStc.post(`/api/v1/congress-plans/${plan.id}/tasks`, {
      title: 'Tổng duyệt đại hội',
      ownerKind: 'office',
      dueOn: '2020-06-03',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ stepKey: null, position: 15, state: 'on_track' });
  });

  it('prints the plan as a .docx in the Party frame, its tasks as a table', async () => {
    const res = await bithuStc.get(`/api/v1/congress-plans/${plan.id}.docx`);
    expect(res.statusCode).toBe(200);
    const text = await docxText(res.rawPayload);
    for (const part of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'ĐẢNG ỦY SỞ TÀI CHÍNH',
      'KẾ HOẠCH',
      'Tổ chức đại hội Đảng bộ Sở Tài chính, nhiệm kỳ 2020–2025',
      '05/06/2020',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('keeps evidence files on a task', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf())]), 'Nghị quyết thành lập tiểu ban.pdf');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/congress-tasks/${task('subcommittees_formed').id}/files`,
      headers: { cookie: bithuStc.cookie, 'x-csrf-token': bithuStc.csrfToken },
      payload: form,
    });
    expect(res.statusCode, res.body).toBe(201);
    const files = (
      await bithuStc.get(`/api/v1/files?entity=congress_task&entityId=${task('subcommittees_formed').id}`)
    ).json();
    expect(files.items.map((f: { name: string }) => f.name)).toEqual(['Nghị quyết thành lập tiểu ban.pdf']);
  });

  it('is read by the committees above, edited by their offices, hidden from others', async () => {
    const listed = (
      await vanphong.get(`/api/v1/congress-plans?organizationId=${await orgIdByCode(t, 'NA-DUK')}`)
    ).json() as { items: Plan[] };
    expect(listed.items.map((p) => p.id)).toContain(plan.id);
    expect(((await vanphong.get(`/api/v1/congress-plans/${plan.id}`)).json() as Plan).abilities.edit).toBe(
      true,
    );
    expectError(
      await kiemtra.patch(`/api/v1/congress-plans/${plan.id}`, { version: plan.version, note: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectError(await dangvien.get(`/api/v1/congress-plans/${plan.id}`), 404, 'CONGRESS_PLAN_NOT_FOUND');
  });
});

interface Dashboard {
  organization: { id: string };
  term: { name: string };
  steps: { key: string }[];
  rows: {
    organization: { id: string; level: string };
    planId: string | null;
    deadline: string | null;
    cells: string[];
  }[];
  counts: Record<string, number>;
}

describe('the congress dashboard', () => {
  it('shows every organization of the subtree × every step, for the next congress wave by default', async () => {
    const duk = await orgIdByCode(t, 'NA-DUK');
    const board = (await vanphong.get('/api/v1/congress-dashboard')).json() as Dashboard;
    expect(board.organization.id).toBe(duk);
    expect(board.term.name).toBe('2020–2025');
    expect(board.steps).toHaveLength(15);
    const [subtree] = await rows<{ n: number }>(
      t,
      sql`SELECT count(*)::int AS n FROM organizations c, organizations p WHERE p.id = ${duk} AND c.path LIKE p.path || '%' AND c.archived_at IS NULL`,
    );
    expect(board.rows).toHaveLength(subtree!.n);
    expect(board.rows[0]!.organization.id).toBe(duk);
    const stcRow = board.rows.find((r) => r.organization.id === stc)!;
    expect(stcRow).toMatchObject({ planId: plan.id, deadline: '2020-06-30' });
    expect(stcRow.cells[board.steps.findIndex((s) => s.key === 'plan_adopted')]).toBe('done');
    const total = Object.values(board.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(board.rows.length * 15);
  });

  it('filters by level and status, and exports the same rows as .xlsx', async () => {
    const overdue = (await vanphong.get('/api/v1/congress-dashboard?status=overdue')).json() as Dashboard;
    expect(overdue.rows.length).toBeGreaterThan(0);
    for (const r of overdue.rows) expect(r.cells).toContain('overdue');
    const cells = (await vanphong.get('/api/v1/congress-dashboard?level=cell')).json() as Dashboard;
    for (const r of cells.rows) expect(r.organization.level).toBe('cell');
    const res = await vanphong.get('/api/v1/congress-dashboard.xlsx?status=overdue');
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.actualRowCount).toBe(overdue.rows.length + 3);
    expect(String(sheet.getCell('A1').value)).toContain('2020–2025');
  });

  it('answers 404 for a subtree out of reach and starts a secretary at their own organization', async () => {
    const vinh = await orgIdByCode(t, 'NA-VINH');
    expectError(
      await vanphong.get(`/api/v1/congress-dashboard?organizationId=${vinh}`),
      404,
      'ORG_NOT_FOUND',
    );
    const own = (await bithuStc.get('/api/v1/congress-dashboard')).json() as Dashboard;
    expect(own.organization.id).toBe(stc);
  });
});

describe('reminders', () => {
  it("tell the organization's own office and secretary once a day of late and coming tasks", async () => {
    const raised = await remindCongressTasks(t.database.db, '2020-03-15', new Date());
    expect(raised).toBeGreaterThan(0);
    const mine = await rows<{ username: string; kind: string; title: string }>(
      t,
      sql`SELECT u.username, n.kind, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.link = ${`/congress-plans/${plan.id}`}`,
    );
    expect(mine.map((n) => n.username)).toEqual(['bithu.stc']);
    expect(mine[0]).toMatchObject({ kind: 'congress.overdue' });
    expect(mine[0]!.title).toMatch(/việc quá hạn/);
  });
});

interface Budget {
  budget: {
    id: string;
    versionNo: number;
    status: string;
    version: number;
    total: number;
    totalInWords: string;
    byCategory: Record<string, number>;
  } | null;
  versions: { versionNo: number; status: string }[];
}
interface Submission {
  id: string;
  kind: string;
  round: number;
  status: string;
  comment: string | null;
}

const lines = [
  {
    category: 'venue_decoration',
    description: 'Thuê hội trường, trang trí khánh tiết',
    quantity: 1,
    unit: 'trọn gói',
    unitPrice: 200_000_000,
  },
  {
    category: 'meals_accommodation',
    description: 'Ăn trưa đại biểu',
    quantity: 200,
    unit: 'suất',
    unitPrice: 5_000_000,
  },
];

describe('the budget estimate and submissions to the committee above', () => {
  it('refuses negative or fractional money and totals above 10^15 đồng, writing nothing', async () => {
    const put = (body: unknown) =>
      bithuStc.request('PUT', `/api/v1/congress-plans/${plan.id}/budget`, body as Record<string, unknown>);
    const negative = await refusedWithoutWrite(t, () => put({ lines: [{ ...lines[0], unitPrice: -1 }] }));
    expect(expectError(negative, 400, 'CONGRESS_BUDGET_INVALID').details).toMatchObject([
      { path: 'body.lines.0.unitPrice' },
    ]);
    expectError(
      await refusedWithoutWrite(t, () => put({ lines: [{ ...lines[0], unitPrice: 10.5 }] })),
      400,
      'CONGRESS_BUDGET_INVALID',
    );
    const huge = await refusedWithoutWrite(t, () =>
      put({ lines: [{ ...lines[1], quantity: 1000, unitPrice: 2_000_000_000_000 }] }),
    );
    expectError(huge, 400, 'CONGRESS_BUDGET_INVALID');
  });

  it('totals by category and writes the total in words', async () => {
    const res = await bithuStc.request('PUT', `/api/v1/congress-plans/${plan.id}/budget`, { lines });
    expect(res.statusCode, res.body).toBe(200);
    const budget = (res.json() as Budget).budget!;
    expect(budget).toMatchObject({
      versionNo: 1,
      status: 'draft',
      total: 1_200_000_000,
      totalInWords: 'Một tỷ hai trăm triệu đồng',
    });
    expect(budget.byCategory.meals_accommodation).toBe(1_000_000_000);
  });

  it('goes up, is returned with a comment, resubmitted and approved — never by its own author', async () => {
    const sent = await bithuStc.post(`/api/v1/congress-plans/${plan.id}/submissions`, {
      kind: 'budget',
      note: 'Kính trình',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const [first] = sent.json() as Submission[];
    expect(first).toMatchObject({ kind: 'budget', round: 1, status: 'submitted' });
    expectError(
      await bithuStc.request('PUT', `/api/v1/congress-plans/${plan.id}/budget`, { version: 2, lines }),
      409,
      'CONGRESS_BUDGET_LOCKED',
    );
    expectError(
      await bithuStc.post(`/api/v1/congress-plans/${plan.id}/submissions`, { kind: 'budget' }),
      409,
      'CONGRESS_SUBMISSION_PENDING',
    );
    expectError(
      await refusedWithoutWrite(t, () =>
        bithuStc.post(`/api/v1/congress-submissions/${first!.id}/approve`, {}),
      ),
      403,
      'CONGRESS_SELF_APPROVAL',
    );
    expectError(
      await refusedWithoutWrite(t, () =>
        kiemtra.post(`/api/v1/congress-submissions/${first!.id}/approve`, {}),
      ),
      403,
      'FORBIDDEN',
    );
    expectError(
      await refusedWithoutWrite(t, () =>
        vanphong.post(`/api/v1/congress-submissions/${first!.id}/return`, { comment: ' ' }),
      ),
      400,
      'VALIDATION_FAILED',
    );

    const returned = await vanphong.post(`/api/v1/congress-submissions/${first!.id}/return`, {
      comment: 'Giảm chi phí trang trí',
    });
    expect((returned.json() as Submission[])[0]).toMatchObject({
      status: 'returned',
      comment: 'Giảm chi phí trang trí',
    });
    const heard = await rows<{ kind: string }>(
      t,
      sql`SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'bithu.stc' AND n.kind = 'congress.returned'`,
    );
    expect(heard).toHaveLength(1);
    // Until it goes up again, the daily reminder says so.
    await remindCongressTasks(t.database.db, '2020-03-16', new Date());
    const reminded = await rows<{ title: string }>(
      t,
      sql`SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE u.username = 'bithu.stc' AND n.link = ${`/congress-plans/${plan.id}`} ORDER BY n.created_at DESC LIMIT 1`,
    );
    expect(reminded[0]?.title).toContain('1 hồ sơ bị cấp trên trả lại chưa trình lại');

    const current = (await bithuStc.get(`/api/v1/congress-plans/${plan.id}/budget`)).json() as Budget;
    expect(current.budget!.status).toBe('returned');
    const cheaper = [{ ...lines[0], unitPrice: 150_000_000 }, lines[1]];
    expect(
      (
        await bithuStc.request('PUT', `/api/v1/congress-plans/${plan.id}/budget`, {
          version: current.budget!.version,
          lines: cheaper,
        })
      ).statusCode,
    ).toBe(200);
    const again = (
      await bithuStc.post(`/api/v1/congress-plans/${plan.id}/submissions`, { kind: 'budget' })
    ).json() as Submission[];
    const second = again.find((x) => x.round === 2)!;
    expect(second.status).toBe('submitted');
    const approved = (
      await vanphong.post(`/api/v1/congress-submissions/${second.id}/approve`, { comment: 'Đồng ý' })
    ).json() as Submission[];
    expect(approved.map((x) => [x.round, x.status])).toEqual([
      [1, 'returned'],
      [2, 'approved'],
    ]);
    expectError(
      await vanphong.post(`/api/v1/congress-submissions/${second.id}/approve`, {}),
      409,
      'CONGRESS_SUBMISSION_DECIDED',
    );
  });

  it('never edits an approved budget in place: a new version starts from it', async () => {
    const approved = (await bithuStc.get(`/api/v1/congress-plans/${plan.id}/budget`)).json() as Budget;
    expect(approved.budget).toMatchObject({ status: 'approved', total: 1_150_000_000 });
    expectError(
      await refusedWithoutWrite(t, () =>
        bithuStc.request('PUT', `/api/v1/congress-plans/${plan.id}/budget`, {
          version: approved.budget!.version,
          lines,
        }),
      ),
      409,
      'CONGRESS_BUDGET_LOCKED',
    );
    const next = await bithuStc.post(`/api/v1/congress-plans/${plan.id}/budget/versions`);
    expect(next.statusCode, next.body).toBe(201);
    expect((next.json() as Budget).budget).toMatchObject({
      versionNo: 2,
      status: 'draft',
      total: 1_150_000_000,
    });
    expect((next.json() as Budget).versions.map((v) => [v.versionNo, v.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    expectError(
      await bithuStc.post(`/api/v1/congress-plans/${plan.id}/budget/versions`),
      409,
      'CONGRESS_BUDGET_DRAFT_EXISTS',
    );
  });
});

describe('subcommittees', () => {
  const membersOf = (code: string) =>
    rows<{ id: string }>(
      t,
      sql`SELECT m.id FROM members m JOIN organizations o ON m.organization_path LIKE o.path || '%' WHERE o.code = ${code} AND m.status IN ('probationary', 'full') ORDER BY m.sort_key LIMIT 3`,
    ).then((r) => r.map((x) => x.id));

  it('draws members from the organization only, with roles and duties', async () => {
    const [head, deputy] = await membersOf('NA-DUK-STC');
    const [outsider] = await membersOf('NA-DUK-SXD');
    const outside = await refusedWithoutWrite(t, () =>
      bithuStc.post(`/api/v1/congress-plans/${plan.id}/subcommittees`, {
        kind: 'personnel',
        members: [{ memberId: outsider, role: 'head' }],
      }),
    );
    expect(expectError(outside, 400, 'CONGRESS_SUBCOMMITTEE_MEMBER_OUTSIDE').details).toEqual({
      memberIds: [outsider],
    });
    const created = await bithuStc.post(`/api/v1/congress-plans/${plan.id}/subcommittees`, {
      kind: 'documents',
      duties: 'Xây dựng dự thảo báo cáo chính trị',
      members: [
        { memberId: head, role: 'head', duties: 'Chỉ đạo chung' },
        { memberId: deputy, role: 'deputy' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const [group] = created.json() as {
      id: string;
      name: string;
      version: number;
      members: { memberId: string; role: string }[];
    }[];
    expect(group).toMatchObject({
      name: 'Tiểu ban Văn kiện',
      members: [
        { memberId: head, role: 'head' },
        { memberId: deputy, role: 'deputy' },
      ],
    });
    const stale = await refusedWithoutWrite(t, () =>
      bithuStc.patch(`/api/v1/congress-subcommittees/${group!.id}`, { version: 9, name: 'x' }),
    );
    expectError(stale, 409, 'VERSION_CONFLICT');
    const detail = (await vanphong.get(`/api/v1/congress-plans/${plan.id}`)).json() as {
      subcommittees: { id: string }[];
    };
    expect(detail.subcommittees.map((x) => x.id)).toEqual([group!.id]);
    expect((await bithuStc.request('DELETE', `/api/v1/congress-subcommittees/${group!.id}`)).statusCode).toBe(
      204,
    );
  });
});

describe("an upper committee's narrower rules", () => {
  const rules = (agent: Agent, orgId: string, body: Record<string, unknown>) =>
    agent.request('PUT', `/api/v1/organizations/${orgId}/congress-rules`, {
      ruleSetId: 'ct35-2019',
      sourceDocument: 'Kế hoạch 165-KH/ĐUK',
      sourceDate: '2019-10-31',
      ...body,
    });

  it('tightens the directive for the subtree but never loosens it', async () => {
    const duk = await orgIdByCode(t, 'NA-DUK');
    const looser = await refusedWithoutWrite(t, () =>
      rules(vanphong, duk, {
        levels: { grassroots: { deadline: '2020-07-15' }, cell: { maxDurationDays: 0.5 } },
      }),
    );
    // The one looser value is named by its field; the tighter one beside it is not.
    expect(expectError(looser, 400, 'CONGRESS_RULES_LOOSENED').details).toEqual([
      { path: 'body.levels.grassroots.deadline', message: expect.stringContaining('35-CT/TW') },
    ]);
    expectError(
      await refusedWithoutWrite(t, () =>
        rules(bithuStc, duk, { levels: { grassroots: { deadline: '2020-06-15' } } }),
      ),
      404,
      'ORG_NOT_FOUND',
    );
    const set = await rules(vanphong, duk, { levels: { grassroots: { deadline: '2020-06-15' } } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().levels.grassroots.deadline).toMatchObject({
      value: '2020-06-15',
      source: 'Kế hoạch 165-KH/ĐUK ngày 31/10/2019',
    });
    // The bloc's own congress stays under the directive; below it, the bloc's plan binds.
    expect(set.json().above.grassroots.deadline.value).toBe('2020-06-30');
    const below = (
      await bithuStc.get(`/api/v1/organizations/${stc}/congress-rules?ruleSetId=ct35-2019`)
    ).json();
    expect(below.above.grassroots.deadline.value).toBe('2020-06-15');
    expect(below.narrowings).toEqual([
      {
        source: { document: 'Kế hoạch 165-KH/ĐUK', date: '2019-10-31' },
        levels: { grassroots: { deadline: '2020-06-15' } },
      },
    ]);
  });

  it('refuses a narrowing that leaves no day, and lets a stricter rule set above later prevail', async () => {
    const noDay = await refusedWithoutWrite(t, () =>
      rules(bithuStc, stc, {
        levels: { cell: { earliestStart: '2020-03-25', deadline: '2020-03-20' } },
      }),
    );
    expect(expectError(noDay, 400, 'CONGRESS_RULES_NO_DAY_LEFT').details).toEqual([
      { path: 'body.levels.cell.deadline', message: expect.stringContaining('không để lại ngày nào') },
    ]);
    const own = await rules(bithuStc, stc, { levels: { cell: { deadline: '2020-03-25' } } });
    expect(own.statusCode, own.body).toBe(200);
    // The bloc then narrows its cells further than the grassroots committee had.
    const duk = await orgIdByCode(t, 'NA-DUK');
    const current = (
      await vanphong.get(`/api/v1/organizations/${duk}/congress-rules?ruleSetId=ct35-2019`)
    ).json();
    const stricter = await rules(vanphong, duk, {
      version: current.own.version,
      levels: { grassroots: { deadline: '2020-06-15' }, cell: { deadline: '2020-03-20' } },
    });
    expect(stricter.statusCode, stricter.body).toBe(200);
    const below = await bithuStc.get(`/api/v1/organizations/${stc}/congress-rules?ruleSetId=ct35-2019`);
    expect(below.statusCode, below.body).toBe(200);
    expect(below.json().levels.cell.deadline).toMatchObject({ value: '2020-03-20' });
    expect(below.json().overruled).toEqual([expect.stringContaining('25/03/2020')]);
    const undo = await rules(vanphong, duk, {
      version: current.own.version + 1,
      levels: { grassroots: { deadline: '2020-06-15' } },
    });
    expect(undo.statusCode, undo.body).toBe(200);
  });

  it("checks the grassroots plans below against it, naming the bloc's plan", async () => {
    const current = (await bithuStc.get(`/api/v1/congress-plans/${plan.id}`)).json() as Plan;
    const late = await refusedWithoutWrite(t, () =>
      bithuStc.patch(`/api/v1/congress-plans/${plan.id}`, {
        version: current.version,
        plannedOn: '2020-06-22',
      }),
    );
    expect(expectError(late, 400, 'CONGRESS_SCHEDULE_INVALID').message).toContain('165-KH/ĐUK');
    expect(
      (
        await bithuStc.patch(`/api/v1/congress-plans/${plan.id}`, {
          version: current.version,
          plannedOn: '2020-06-12',
        })
      ).statusCode,
    ).toBe(200);
  });
});
