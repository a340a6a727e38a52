import { defaultPreparationTemplate, type PreparationStep } from '@daihoi/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, failOnServerErrors, refusedWithoutWrite, rows } from '../../test/expect.js';
import { type Agent, orgIdByCode, startTestApp, type TestApp } from '../../test/harness.js';

interface TemplateView {
  inherited: { nameVi: string; organization: { id: string; name: string } | null; steps: PreparationStep[] };
  own: {
    draft: { nameVi: string; steps: PreparationStep[] } | null;
    published: { nameVi: string; sourceDocument: string | null; steps: PreparationStep[] } | null;
    version: number;
  } | null;
  abilities: { edit: boolean };
}

const serverErrors = failOnServerErrors();
let t: TestApp;
let vanphong: Agent;
let bithuStc: Agent;
let dangvien: Agent;
let bloc: string;
let stc: string;

const RULE_SET = 'ct35-2019';
const shipped = defaultPreparationTemplate(RULE_SET).steps.map(({ key, titleVi, owner, offset }) => ({
  key,
  titleVi,
  owner,
  offset,
}));
/** The bloc's own steps: the political report a week earlier, and a step of its own after the drafts. */
const blocSteps = [
  ...shipped.map((s) => (s.key === 'political_report_draft' ? { ...s, offset: { days: -82 } } : s)),
  {
    key: 'bloc_review',
    titleVi: 'Báo cáo Thường trực Đảng ủy Khối về dự thảo văn kiện',
    owner: 'committee',
    offset: { days: -55 },
    noteVi: 'Theo Kế hoạch 165-KH/ĐUK',
  },
];
const url = (org: string) => `/api/v1/organizations/${org}/congress-template`;
const view = async (agent: Agent, org: string): Promise<TemplateView> => {
  const res = await agent.get(`${url(org)}?ruleSetId=${RULE_SET}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const draft = (overrides: Record<string, unknown> = {}) => ({
  ruleSetId: RULE_SET,
  nameVi: 'Các bước chuẩn bị đại hội cơ sở (Kế hoạch 165-KH/ĐUK)',
  sourceDocument: 'Kế hoạch 165-KH/ĐUK ngày 31/10/2019',
  steps: blocSteps,
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp();
  serverErrors.watch(t.app);
  [vanphong, bithuStc, dangvien] = (await Promise.all(
    ['vanphong', 'bithu.stc', 'dangvien'].map((u) => t.login(u)),
  )) as [Agent, Agent, Agent];
  bloc = await orgIdByCode(t, 'NA-DUK');
  stc = await orgIdByCode(t, 'NA-DUK-STC');
});
afterAll(() => t.close());

describe("an upper committee's preparation template", () => {
  it('starts from the shipped template, inherited by the whole subtree', async () => {
    const own = await view(vanphong, bloc);
    expect(own.own).toBeNull();
    expect(own.inherited.organization).toBeNull();
    expect(own.inherited.steps.map((s) => s.key)).toEqual(shipped.map((s) => s.key));
    expect(own.abilities.edit).toBe(true);
    expect((await view(dangvien, await orgIdByCode(t, 'NA-DUK-STC-CB02'))).abilities.edit).toBe(false);
  });

  it('refuses a template that cannot be scheduled or loosens the announcement, naming the step', async () => {
    const noCongress = await refusedWithoutWrite(t, () =>
      vanphong.request(
        'PUT',
        url(bloc),
        draft({ steps: blocSteps.filter((s) => s.key !== 'congress_held') }),
      ),
    );
    expect(expectError(noCongress, 400, 'CONGRESS_TEMPLATE_INVALID').message).toContain('Tiến hành đại hội');
    const late = blocSteps.map((s) =>
      s.key === 'opening_announced' ? { ...s, offset: { workingDays: -20 } } : s,
    );
    const loosened = await refusedWithoutWrite(t, () =>
      vanphong.request('PUT', url(bloc), draft({ steps: late })),
    );
    const error = expectError(loosened, 400, 'CONGRESS_TEMPLATE_INVALID');
    expect(error.message).toContain('Thông báo ngày khai mạc đại hội');
    expect(error.message).toContain('ít nhất 30 ngày làm việc');
    const twice = await refusedWithoutWrite(t, () =>
      vanphong.request('PUT', url(bloc), draft({ steps: [...blocSteps, blocSteps[0]] })),
    );
    const details = expectError(twice, 400, 'CONGRESS_TEMPLATE_INVALID').details as { path: string }[];
    expect(details[0]?.path).toBe(`body.steps.${blocSteps.length}`);
    const fractional = await refusedWithoutWrite(t, () =>
      vanphong.request(
        'PUT',
        url(bloc),
        draft({ steps: blocSteps.map((s, i) => (i === 1 ? { ...s, offset: { days: -10.5 } } : s)) }),
      ),
    );
    expect(expectError(fractional, 400, 'CONGRESS_TEMPLATE_INVALID').message).toMatch(/^Bước 2 /u);
  });

  it('keeps a draft to itself until it is published, then the plans below take its steps', async () => {
    const saved = await vanphong.request('PUT', url(bloc), draft());
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await view(bithuStc, stc)).inherited.organization).toBeNull();
    const version = (saved.json() as TemplateView).own!.version;

    const stale = await refusedWithoutWrite(t, () =>
      vanphong.post(`${url(bloc)}/publish`, { ruleSetId: RULE_SET, version: version + 1 }),
    );
    expect(expectError(stale, 409, 'VERSION_CONFLICT').details).toEqual({ currentVersion: version });
    const published = await vanphong.post(`${url(bloc)}/publish`, { ruleSetId: RULE_SET, version });
    expect(published.statusCode, published.body).toBe(200);
    expect((published.json() as TemplateView).own).toMatchObject({
      draft: null,
      published: { nameVi: draft().nameVi },
    });

    const below = await view(bithuStc, stc);
    expect(below.inherited.organization?.id).toBe(bloc);
    expect(below.inherited.steps.map((s) => s.key)).toContain('bloc_review');
    const [told] = await rows<{ title: string }>(
      t,
      sql`SELECT n.title FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE u.username = 'bithu.stc' AND n.kind = 'congress.template'`,
    );
    expect(told?.title).toContain('Kế hoạch 165-KH/ĐUK');

    const [term] = await rows<{ id: string }>(
      t,
      sql`SELECT id FROM committee_terms WHERE organization_id = ${stc} AND name = '2020–2025'`,
    );
    const plan = await bithuStc.post('/api/v1/congress-plans', {
      organizationId: stc,
      termId: term!.id,
      plannedOn: '2020-06-10',
      durationDays: 1,
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const created = plan.json() as {
      template: { name: string; organizationId: string | null };
      tasks: { stepKey: string; dueOn: string }[];
    };
    expect(created.template).toEqual({ name: draft().nameVi, organizationId: bloc });
    const due = new Map(created.tasks.map((x) => [x.stepKey, x.dueOn]));
    // 82 days before Wednesday 10/06/2020 is Friday 20/03/2020; the shipped 75 would be 27/03.
    expect(due.get('political_report_draft')).toBe('2020-03-20');
    expect(due.get('bloc_review')).toBe('2020-04-16');

    const dashboard = await vanphong.get('/api/v1/congress-dashboard');
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect((dashboard.json() as { steps: { key: string }[] }).steps.map((s) => s.key)).toContain(
      'bloc_review',
    );
  });

  it('may be managed only by the committee itself, and is hidden outside scope', async () => {
    const again = await view(vanphong, bloc);
    const body = draft({ version: again.own!.version });
    const cell = await orgIdByCode(t, 'NA-DUK-STC-CB02');
    const member = await refusedWithoutWrite(t, () => dangvien.request('PUT', url(cell), body));
    expectError(member, 403, 'FORBIDDEN');
    // A grassroots secretary does not read the bloc's organization at all.
    const above = await refusedWithoutWrite(t, () => bithuStc.request('PUT', url(bloc), body));
    expectError(above, 404, 'ORG_NOT_FOUND');
    const vinh = await orgIdByCode(t, 'NA-VINH-LELOI');
    expectError(await vanphong.get(`${url(vinh)}?ruleSetId=${RULE_SET}`), 404, 'ORG_NOT_FOUND');
    const noDraft = await refusedWithoutWrite(t, () =>
      vanphong.post(`${url(bloc)}/publish`, { ruleSetId: RULE_SET, version: again.own!.version }),
    );
    expectError(noDraft, 400, 'CONGRESS_TEMPLATE_NO_DRAFT');
  });

  it('drops a draft, and given up, lets the subtree follow the shipped template again', async () => {
    const saved = await vanphong.request(
      'PUT',
      url(bloc),
      draft({ nameVi: 'Bản sửa', version: (await view(vanphong, bloc)).own!.version }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    let version = (saved.json() as TemplateView).own!.version;
    const dropped = await vanphong.request(
      'DELETE',
      `${url(bloc)}/draft?ruleSetId=${RULE_SET}&version=${version}`,
    );
    expect(dropped.statusCode, dropped.body).toBe(200);
    const kept = dropped.json() as TemplateView;
    expect(kept.own).toMatchObject({ draft: null, published: { nameVi: draft().nameVi } });
    version = kept.own!.version;
    const withdrawn = await vanphong.request(
      'DELETE',
      `${url(bloc)}?ruleSetId=${RULE_SET}&version=${version}`,
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((withdrawn.json() as TemplateView).own).toBeNull();
    expect((await view(bithuStc, stc)).inherited.organization).toBeNull();
    const [audited] = await rows<{ n: number }>(
      t,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE entity = 'congress_template' AND entity_id = ${bloc}`,
    );
    expect(audited?.n).toBe(5);
  });
});

describe('publishing with the plans already adopted', () => {
  it('brings the plans in preparation to the new steps and keeps what was done', async () => {
    const before = await rows<{ plan_id: string; step_key: string; status: string; done_on: string | null }>(
      t,
      sql`SELECT k.plan_id, k.step_key, k.status, k.done_on::text FROM congress_tasks k
          JOIN congress_plans p ON p.id = k.plan_id JOIN organizations o ON o.id = p.organization_id
          WHERE o.path LIKE (SELECT path FROM organizations WHERE id = ${bloc}) || '%' AND o.id <> ${bloc}`,
    );
    const plans = new Set(before.map((r) => r.plan_id));
    const openSelfReviews = before.filter((r) => r.step_key === 'self_review_draft' && r.status === 'open');
    expect(openSelfReviews.length).toBeGreaterThan(0);
    // The bloc folds the committee's self-review into the political report.
    const steps = blocSteps.filter((s) => s.key !== 'self_review_draft');
    const saved = await vanphong.request('PUT', url(bloc), draft({ steps }));
    expect(saved.statusCode, saved.body).toBe(200);
    const version = (saved.json() as TemplateView).own!.version;
    const published = await vanphong.post(`${url(bloc)}/publish`, {
      ruleSetId: RULE_SET,
      version,
      applyToPlans: true,
    });
    expect(published.statusCode, published.body).toBe(200);
    // Sở Tài chính's plan came from the bloc's first template and has the bloc's step already.
    const lacking = [...plans].filter(
      (id) => !before.some((r) => r.plan_id === id && r.step_key === 'bloc_review'),
    );
    expect(lacking.length).toBe(plans.size - 1);
    expect(published.json().applied).toMatchObject({
      plans: plans.size,
      added: lacking.length,
      skipped: openSelfReviews.length,
    });

    const after = await rows<{
      plan_id: string;
      step_key: string;
      status: string;
      done_on: string | null;
      note: string | null;
    }>(
      t,
      sql`SELECT plan_id, step_key, status, done_on::text, note FROM congress_tasks WHERE plan_id = ANY(${`{${[...plans].join(',')}}`}::uuid[])`,
    );
    const find = (plan: string, key: string) => after.find((r) => r.plan_id === plan && r.step_key === key);
    for (const plan of plans) expect(find(plan, 'bloc_review')?.status).toBe('open');
    for (const done of before.filter((r) => r.status === 'done'))
      expect(find(done.plan_id, done.step_key)).toMatchObject({ status: 'done', done_on: done.done_on });
    for (const open of openSelfReviews) {
      const skipped = find(open.plan_id, 'self_review_draft');
      expect(skipped?.status).toBe('skipped');
      expect(skipped?.note).toContain('Bước không còn trong mẫu của');
    }
    const [audited] = await rows<{ n: number }>(
      t,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'congress.plan.template'`,
    );
    expect(audited?.n).toBe(plans.size);
  });
});

describe("the dashboard's deadlines", () => {
  it("show the level's last day as the committee above narrowed it", async () => {
    const narrowed = await vanphong.request('PUT', `/api/v1/organizations/${bloc}/congress-rules`, {
      ruleSetId: RULE_SET,
      sourceDocument: 'Kế hoạch 165-KH/ĐUK',
      sourceDate: '2019-10-31',
      levels: { grassroots: { deadline: '2020-06-15' } },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    const dashboard = (await vanphong.get('/api/v1/congress-dashboard')).json() as {
      rows: { organization: { level: string }; deadline: string | null }[];
    };
    const grassroots = dashboard.rows.filter((r) => r.organization.level === 'grassroots');
    expect(grassroots.length).toBeGreaterThan(3);
    expect(new Set(grassroots.map((r) => r.deadline))).toEqual(new Set(['2020-06-15']));
  });
});
