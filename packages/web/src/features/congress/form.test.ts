import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import type { CongressPlanDetail, CongressTask } from './api';
import {
  createPlanBody,
  createTaskBody,
  existingPlanId,
  forForm,
  mergeFresh,
  PLAN_FIELDS,
  planChanges,
  planToValues,
  TASK_FIELDS,
  taskChanges,
  taskToValues,
} from './form';

const plan: CongressPlanDetail = {
  id: 'p1',
  organization: { id: 'o1', name: 'Đảng bộ Sở Tài chính', level: 'grassroots' },
  term: { id: 't1', name: '2020–2025' },
  ruleSet: { id: 'ct35-2019', name: 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị' },
  congressKind: 'all_member',
  congressKindReason: null,
  derivedKind: { kind: 'all_member', memberCount: 42, threshold: 200 },
  plannedOn: '2020-05-20',
  durationDays: 1.5,
  adoptedOn: '2020-03-15',
  template: { name: 'Các bước chuẩn bị đại hội (mẫu chung)', organizationId: null },
  note: null,
  warnings: [],
  version: 4,
  createdAt: '2020-03-15T02:00:00.000Z',
  updatedAt: '2020-03-15T02:00:00.000Z',
  tasks: [],
  subcommittees: [],
  submissions: [],
  abilities: { edit: true, decide: false },
};

const task: CongressTask = {
  id: 'k1',
  stepKey: 'plan_adopted',
  title: 'Ban hành kế hoạch tổ chức đại hội',
  ownerKind: 'committee',
  ownerName: null,
  dueOn: '2020-03-20',
  status: 'open',
  doneOn: null,
  state: 'due_soon',
  note: null,
  position: 0,
  version: 2,
};

describe('plan form bodies', () => {
  it('leaves the kind to the membership unless one is chosen', () => {
    expect(
      createPlanBody({
        organizationId: 'o1',
        termId: 't1',
        plannedOn: dayjs('2020-05-20'),
        durationDays: 1,
        congressKind: 'auto',
        congressKindReason: 'ignored',
        note: '  ',
      }),
    ).toEqual({ organizationId: 'o1', termId: 't1', plannedOn: '2020-05-20', durationDays: 1 });
    expect(
      createPlanBody({
        organizationId: 'o1',
        termId: 't1',
        plannedOn: null,
        durationDays: 0.5,
        congressKind: 'delegates',
        congressKindReason: ' Công văn 12-CV/ĐUK đồng ý ',
        note: 'Họp tại hội trường Sở',
      }),
    ).toEqual({
      organizationId: 'o1',
      termId: 't1',
      durationDays: 0.5,
      congressKind: 'delegates',
      congressKindReason: 'Công văn 12-CV/ĐUK đồng ý',
      note: 'Họp tại hội trường Sở',
    });
  });

  it('sends only what changed, the reason with a new kind, a cleared date as null', () => {
    const base = planToValues(plan);
    expect(planChanges(base, base)).toEqual({});
    expect(planChanges({ ...base, plannedOn: dayjs('2020-06-02'), durationDays: 2 }, base)).toEqual({
      plannedOn: '2020-06-02',
      durationDays: 2,
    });
    expect(planChanges({ ...base, plannedOn: null }, base)).toEqual({ plannedOn: null });
    expect(
      planChanges({ ...base, congressKind: 'delegates', congressKindReason: 'Cấp trên đồng ý' }, base),
    ).toEqual({ congressKind: 'delegates', congressKindReason: 'Cấp trên đồng ý' });
    expect(planChanges({ ...base, note: ' Ghi chú ' }, base)).toEqual({ note: 'Ghi chú' });
  });
});

describe('task form bodies', () => {
  it('builds a new task with its optional fields only when given', () => {
    expect(
      createTaskBody({
        title: ' Chuẩn bị hội trường ',
        ownerKind: 'logistics_subcommittee',
        dueOn: dayjs('2020-05-10'),
      }),
    ).toEqual({ title: 'Chuẩn bị hội trường', ownerKind: 'logistics_subcommittee', dueOn: '2020-05-10' });
    expect(
      createTaskBody({
        title: 'A',
        ownerKind: 'office',
        ownerName: 'Đ/c Hương',
        dueOn: dayjs('2020-05-10'),
        note: 'x',
      }),
    ).toEqual({ title: 'A', ownerKind: 'office', ownerName: 'Đ/c Hương', dueOn: '2020-05-10', note: 'x' });
  });

  it('changes owner, due date and note; the title only of a task added by hand; the day done only when done', () => {
    const base = taskToValues(task);
    const values = {
      ...base,
      title: 'Renamed',
      ownerName: 'Đ/c Quang',
      dueOn: dayjs('2020-03-25'),
      doneOn: dayjs('2020-03-10'),
    };
    expect(taskChanges(values, base, task)).toEqual({ ownerName: 'Đ/c Quang', dueOn: '2020-03-25' });
    expect(taskChanges(values, base, { stepKey: null, status: 'done' })).toEqual({
      title: 'Renamed',
      ownerName: 'Đ/c Quang',
      dueOn: '2020-03-25',
      doneOn: '2020-03-10',
    });
    expect(taskChanges({ ...base, ownerName: '' }, { ...base, ownerName: 'X' }, task)).toEqual({
      ownerName: null,
    });
  });
});

describe('refusals beside their fields', () => {
  it('puts a refused date under the date field with the directive named', () => {
    const message = 'Đại hội đảng bộ cơ sở phải xong trước 30/06/2020 (Chỉ thị 35-CT/TW ngày 30/5/2019).';
    const error = forForm(
      new ApiError(400, 'CONGRESS_SCHEDULE_INVALID', message, [
        { path: 'body.plannedOn', code: 'after_deadline', message },
      ]),
      PLAN_FIELDS,
    ) as ApiError;
    expect(error.fieldIssues).toEqual([{ path: ['plannedOn'], message }]);
    const long = forForm(
      new ApiError(400, 'CONGRESS_SCHEDULE_INVALID', 'quá dài', [
        { path: 'body.durationDays', message: 'quá dài' },
      ]),
      PLAN_FIELDS,
    ) as ApiError;
    expect(long.fieldIssues).toEqual([{ path: ['durationDays'], message: 'quá dài' }]);
  });

  it('names the field from the code when the details do not', () => {
    const reason = forForm(
      new ApiError(400, 'CONGRESS_KIND_REASON_REQUIRED', 'Hãy ghi lý do', [
        { path: 'body.congressKindReason', message: 'Hãy ghi lý do' },
      ]),
      PLAN_FIELDS,
    ) as ApiError;
    expect(reason.fieldIssues).toEqual([{ path: ['congressKindReason'], message: 'Hãy ghi lý do' }]);
    const due = forForm(
      new ApiError(400, 'CONGRESS_TASK_DUE_BEFORE_PLAN', 'Hạn sớm'),
      TASK_FIELDS,
    ) as ApiError;
    expect(due.fieldIssues).toEqual([{ path: ['dueOn'], message: 'Hạn sớm' }]);
  });

  it('keeps the existing plan to link to', () => {
    const exists = forForm(
      new ApiError(409, 'CONGRESS_PLAN_EXISTS', 'Đã có kế hoạch', { planId: 'p9' }),
      PLAN_FIELDS,
    ) as ApiError;
    expect(existingPlanId(exists)).toBe('p9');
    expect(existingPlanId(new ApiError(409, 'CONGRESS_PLAN_EXISTS', 'x', { planId: 'p9' }))).toBe('p9');
    expect(existingPlanId(new ApiError(400, 'OTHER', 'x'))).toBeNull();
  });
});

describe('reload after a conflict', () => {
  it('keeps what was typed and takes the newest values elsewhere', () => {
    const base = planToValues(plan);
    const typed = { ...base, note: 'Đang gõ' };
    const fresh = { ...base, plannedOn: dayjs('2020-06-01'), note: 'Bản của người khác' };
    const merged = mergeFresh(typed, base, fresh);
    expect(merged.note).toBe('Đang gõ');
    expect(merged.plannedOn?.format('YYYY-MM-DD')).toBe('2020-06-01');
  });
});
