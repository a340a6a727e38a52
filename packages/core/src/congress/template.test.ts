import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  VIETNAM_CALENDAR,
  type WorkingCalendar,
  workingDaysBetween,
} from '../calendar/working-days.js';
import { addDays, compareIsoDates, daysBetween } from '../dates/dates.js';
import { formatRuleSource } from '../rules/format.js';
import { getRuleSet, RULE_SET_IDS } from '../rules/index.js';
import {
  CONGRESS_HELD_STEP,
  DEFAULT_PREPARATION_TEMPLATE,
  defaultPreparationTemplate,
  OPENING_ANNOUNCED_STEP,
  PREPARATION_OWNER_LABELS_VI,
  PREPARATION_OWNERS,
  type PreparationStep,
  type PreparationTemplate,
  type ScheduledStep,
  STEP_STATUS_LABELS_VI,
  STEP_STATUSES,
  scheduleSteps,
  stepStatus,
  templateRuleErrors,
  validateTemplate,
} from './template.js';

const ct35 = defaultPreparationTemplate('ct35-2019');
const ct45 = defaultPreparationTemplate('ct45-2025');

// Congress dates whose whole preparation (−120 days to +20 days) lies inside the shipped calendar.
const FIRST = '2019-06-01';
const congressDate = fc
  .integer({ min: 0, max: daysBetween(FIRST, '2035-11-30') })
  .map((n) => addDays(FIRST, n));
// Rule set ids rather than templates, so that a counterexample prints short.
const ruleSetId = fc.constantFrom(...RULE_SET_IDS);

/** Weekends off, no holidays, no limit of years. */
const WEEKENDS_ONLY: WorkingCalendar = { daysOff: new Set() };
/** Every day a working day: the arithmetic of offsets with nothing to move. */
const EVERY_DAY: WorkingCalendar = {
  daysOff: new Set(),
  workingWeekends: { has: () => true } as unknown as ReadonlySet<string>,
};

const dueOf = (schedule: readonly ScheduledStep[]) => new Map(schedule.map(({ key, dueOn }) => [key, dueOn]));
const step = (overrides: Partial<PreparationStep>): PreparationStep => ({
  key: 'plan_adopted',
  titleVi: 'Ban hành kế hoạch tổ chức đại hội',
  owner: 'committee',
  offset: { days: -120 },
  ...overrides,
});
const congressHeld = step({ key: CONGRESS_HELD_STEP, titleVi: 'Tiến hành đại hội', offset: { days: 0 } });
const templateOf = (steps: PreparationStep[]): PreparationTemplate => ({
  id: 'test',
  nameVi: 'Mẫu của Đảng ủy Khối',
  ruleSetId: 'ct45-2025',
  steps,
});
const codes = (errors: { code: string }[]) => errors.map((error) => error.code);

describe('defaultPreparationTemplate', () => {
  it('lists the fifteen standard steps in the published order', () => {
    expect(ct45.steps.map((s) => s.key)).toEqual([
      'plan_adopted',
      'subcommittees_formed',
      'succession_review',
      'political_report_draft',
      'self_review_draft',
      'drafts_for_comment',
      'personnel_plan_submitted',
      'personnel_approved',
      'delegates_and_date',
      'opening_announced',
      'delegate_list',
      'credentials',
      'congress_held',
      'results_reported',
      'results_approved',
    ]);
    expect(ct35.steps.map((s) => s.key)).toEqual(ct45.steps.map((s) => s.key));
  });

  it('counts the practice offsets in days from the congress', () => {
    const offsets = Object.fromEntries(ct45.steps.map((s) => [s.key, s.offset]));
    expect(offsets).toMatchObject({
      plan_adopted: { days: -120 },
      subcommittees_formed: { days: -110 },
      succession_review: { days: -100 },
      political_report_draft: { days: -75 },
      self_review_draft: { days: -75 },
      drafts_for_comment: { days: -60 },
      personnel_plan_submitted: { days: -50 },
      personnel_approved: { days: -35 },
      delegates_and_date: { days: -45 },
      delegate_list: { days: -10 },
      credentials: { days: -3 },
      congress_held: { days: 0 },
      results_reported: { days: 7 },
      results_approved: { days: 20 },
    });
  });

  it('announces the opening 30 working days ahead with the rule set’s source (RULES §1.3)', () => {
    for (const id of RULE_SET_IDS) {
      const rule = getRuleSet(id).announceOpeningWorkingDaysAhead;
      const announced = defaultPreparationTemplate(id).steps.find((s) => s.key === 'opening_announced');
      expect(announced).toMatchObject({ offset: { workingDays: -30 }, source: rule.source });
      expect(announced?.unverified).toBeUndefined();
    }
    const announced = ct35.steps.find((s) => s.key === 'opening_announced');
    expect(announced?.source).toMatchObject({ document: 'Hướng dẫn 26-HD/BTCTW', date: '2019-10-18' });
    expect(ct45.steps.find((s) => s.key === 'opening_announced')?.source).toMatchObject({
      document: 'Chỉ thị 45-CT/TW',
      date: '2025-04-14',
    });
  });

  it('marks every practice offset as such: no source, unverified, with a note', () => {
    const practice = ct45.steps.filter((s) => s.key !== 'opening_announced' && s.key !== CONGRESS_HELD_STEP);
    expect(practice).toHaveLength(13);
    for (const s of practice) {
      expect(s.source, s.key).toBeUndefined();
      expect(s.unverified, s.key).toBe(true);
      expect(s.noteVi, s.key).toMatch(/thông lệ/);
    }
  });

  it('names the submissions to the upper committee and the upper committee’s own steps', () => {
    const submissions = ct45.steps.filter((s) => s.submission).map((s) => [s.key, s.submission]);
    expect(submissions).toEqual([
      ['plan_adopted', 'plan'],
      ['personnel_plan_submitted', 'personnel'],
      ['delegates_and_date', 'congress_date'],
      ['results_reported', 'results'],
    ]);
    const upper = ct45.steps.filter((s) => s.owner === 'upper_committee').map((s) => s.key);
    expect(upper).toEqual(['personnel_approved', 'results_approved']);
  });

  it('is valid, frozen, and the current term’s is the default', () => {
    expect(validateTemplate(ct35)).toEqual([]);
    expect(validateTemplate(ct45)).toEqual([]);
    expect(Object.isFrozen(ct45.steps[0]?.offset)).toBe(true);
    expect(DEFAULT_PREPARATION_TEMPLATE).toBe(ct45);
    expect(ct45.nameVi).toContain('Chỉ thị 45-CT/TW');
  });

  it('refuses an unknown rule set in Vietnamese', () => {
    expect(() => defaultPreparationTemplate('ct99' as 'ct45-2025')).toThrow(/Không có bộ quy tắc đại hội/);
  });

  it('labels every owner in Vietnamese', () => {
    expect(Object.keys(PREPARATION_OWNER_LABELS_VI).sort()).toEqual([...PREPARATION_OWNERS].sort());
    expect(PREPARATION_OWNER_LABELS_VI.documents_subcommittee).toBe('Tiểu ban Văn kiện');
  });
});

describe('scheduleSteps', () => {
  it('schedules a congress on Monday 15/6/2020, moving deadlines off weekends and holidays', () => {
    const due = dueOf(scheduleSteps(ct35, '2020-06-15'));
    expect(Object.fromEntries(due)).toEqual({
      plan_adopted: '2020-02-14', // −120 is Sunday 16/2: Friday
      subcommittees_formed: '2020-02-26',
      succession_review: '2020-03-06',
      political_report_draft: '2020-04-01',
      self_review_draft: '2020-04-01',
      drafts_for_comment: '2020-04-16',
      personnel_plan_submitted: '2020-04-24', // −50 is Sunday 26/4: Friday
      personnel_approved: '2020-05-11',
      delegates_and_date: '2020-04-29', // −45 is 1/5, after 30/4: Wednesday 29/4
      opening_announced: '2020-05-04', // 30 working days back, over weekends only
      delegate_list: '2020-06-05',
      credentials: '2020-06-12',
      congress_held: '2020-06-15',
      results_reported: '2020-06-22',
      results_approved: '2020-07-06', // +20 is Sunday 5/7: Monday
    });
  });

  it('moves a deadline in the Tết break of 2025 back to the last working day before it', () => {
    // 35 days before 5/3/2025 is 29/1/2025, the second day of Tết Ất Tỵ (off 25/1–2/2/2025).
    expect(dueOf(scheduleSteps(ct45, '2025-03-05')).get('personnel_approved')).toBe('2025-01-24');
  });

  it('keeps a weekend congress on its date', () => {
    expect(dueOf(scheduleSteps(ct45, '2025-06-14')).get('congress_held')).toBe('2025-06-14');
  });

  it('refuses a malformed congress date, an invalid template and dates outside the calendar', () => {
    expect(() => scheduleSteps(ct45, '15/06/2020')).toThrow(/Ngày đại hội không phải ngày hợp lệ/);
    expect(() => scheduleSteps(templateOf([step({})]), '2025-06-14')).toThrow(
      /thiếu bước "Tiến hành đại hội"/,
    );
    expect(() => scheduleSteps(ct45, '2019-03-01')).toThrow(/Lịch ngày làm việc chỉ có dữ liệu/);
  });

  it('gives every step one date, in the template’s order', () => {
    fc.assert(
      fc.property(ruleSetId, congressDate, (id, date) => {
        const t = defaultPreparationTemplate(id);
        expect(scheduleSteps(t, date).map((s) => s.key)).toEqual(t.steps.map((s) => s.key));
      }),
    );
  });

  it('puts every step before the congress on a working day before it, and every step after on one after', () => {
    fc.assert(
      fc.property(ruleSetId, congressDate, (id, date) => {
        const t = defaultPreparationTemplate(id);
        const due = dueOf(scheduleSteps(t, date));
        for (const { key, offset } of t.steps) {
          const dueOn = due.get(key) ?? '';
          const n = 'days' in offset ? offset.days : offset.workingDays;
          if (n === 0) expect(dueOn).toBe(date);
          else {
            expect(isWorkingDay(dueOn), `${key} ${dueOn}`).toBe(true);
            expect(Math.sign(compareIsoDates(dueOn, date))).toBe(Math.sign(n));
          }
        }
      }),
    );
  });

  it('moves a calendar-day deadline only across days off: earlier before the congress, later after', () => {
    fc.assert(
      fc.property(ruleSetId, congressDate, (id, date) => {
        const t = defaultPreparationTemplate(id);
        const due = dueOf(scheduleSteps(t, date));
        for (const { key, offset } of t.steps) {
          if (!('days' in offset) || offset.days === 0) continue;
          const target = addDays(date, offset.days);
          const dueOn = due.get(key) ?? '';
          const moved = daysBetween(target, dueOn);
          expect(Math.sign(moved) * Math.sign(offset.days)).toBeGreaterThanOrEqual(0);
          // No working day between the day the offset names and the deadline kept.
          const [from, to] = moved < 0 ? [dueOn, target] : [target, dueOn];
          for (let day = addDays(from, 1); compareIsoDates(day, to) < 0; day = addDays(day, 1)) {
            expect(isWorkingDay(day), day).toBe(false);
          }
          if (moved !== 0) expect(isWorkingDay(target)).toBe(false);
        }
      }),
    );
  });

  it('announces the opening exactly 30 working days before a congress on a working day', () => {
    fc.assert(
      fc.property(
        ruleSetId,
        congressDate.filter((date) => isWorkingDay(date)),
        (id, date) => {
          const t = defaultPreparationTemplate(id);
          const announced = dueOf(scheduleSteps(t, date)).get('opening_announced') ?? '';
          expect(workingDaysBetween(announced, date)).toBe(30);
          expect(announced).toBe(addWorkingDays(date, -30));
        },
      ),
    );
  });

  it('shifts every step by k days when the congress moves k days and every day is worked', () => {
    fc.assert(
      fc.property(ruleSetId, congressDate, fc.integer({ min: -400, max: 400 }), (id, date, k) => {
        const t = defaultPreparationTemplate(id);
        const before = scheduleSteps(t, date, EVERY_DAY);
        const after = scheduleSteps(t, addDays(date, k), EVERY_DAY);
        after.forEach((s, i) => {
          expect(daysBetween(before[i]?.dueOn ?? '', s.dueOn)).toBe(k);
        });
      }),
    );
  });

  it('shifts the calendar-day steps by 7k days when the congress moves k weeks and only weekends are off', () => {
    fc.assert(
      fc.property(ruleSetId, congressDate, fc.integer({ min: -60, max: 60 }), (id, date, weeks) => {
        const t = defaultPreparationTemplate(id);
        const before = dueOf(scheduleSteps(t, date, WEEKENDS_ONLY));
        const after = dueOf(scheduleSteps(t, addDays(date, 7 * weeks), WEEKENDS_ONLY));
        for (const { key, offset } of t.steps) {
          if ('days' in offset)
            expect(daysBetween(before.get(key) ?? '', after.get(key) ?? '')).toBe(7 * weeks);
        }
      }),
    );
  });

  it('uses the calendar it is given', () => {
    const holiday: WorkingCalendar = { daysOff: new Set(['2020-05-04']) };
    expect(dueOf(scheduleSteps(ct35, '2020-06-15', holiday)).get('opening_announced')).toBe('2020-05-01');
    expect(dueOf(scheduleSteps(ct35, '2020-06-15', VIETNAM_CALENDAR)).get('opening_announced')).toBe(
      '2020-05-04',
    );
  });
});

describe('validateTemplate', () => {
  it('accepts a short edited template with a congress step', () => {
    expect(validateTemplate(templateOf([step({}), congressHeld]))).toEqual([]);
  });

  it('refuses duplicate keys, naming both steps', () => {
    const errors = validateTemplate(
      templateOf([step({}), congressHeld, step({ titleVi: 'Kế hoạch (bản sửa)' })]),
    );
    expect(errors).toEqual([
      {
        code: 'STEP_KEY_DUPLICATE',
        stepIndex: 2,
        stepKey: 'plan_adopted',
        message: 'Bước 3 "Kế hoạch (bản sửa)": mã bước "plan_adopted" trùng với bước 1.',
      },
    ]);
  });

  it('refuses an empty or blank title', () => {
    const errors = validateTemplate(templateOf([step({ titleVi: '   ' }), congressHeld]));
    expect(errors).toEqual([
      {
        code: 'STEP_TITLE_EMPTY',
        stepIndex: 0,
        stepKey: 'plan_adopted',
        message: 'Bước 1 chưa có tên bước.',
      },
    ]);
  });

  it('refuses offsets more than a year from the congress, in days and in working days', () => {
    expect(validateTemplate(templateOf([step({ offset: { days: -365 } }), congressHeld]))).toEqual([]);
    expect(validateTemplate(templateOf([step({ offset: { workingDays: 250 } }), congressHeld]))).toEqual([]);
    const [far] = validateTemplate(templateOf([step({ offset: { days: -366 } }), congressHeld]));
    expect(far).toMatchObject({ code: 'STEP_OFFSET_TOO_FAR', stepIndex: 0 });
    expect(far?.message).toBe(
      'Bước 1 "Ban hành kế hoạch tổ chức đại hội": thời hạn cách ngày đại hội 366 ngày, vượt quá 365 ngày (một năm).',
    );
    const [farWorking] = validateTemplate(
      templateOf([step({ offset: { workingDays: -251 } }), congressHeld]),
    );
    expect(farWorking?.message).toMatch(/251 ngày làm việc, vượt quá 250 ngày làm việc/);
  });

  it('refuses a template without the congress step, or with the congress off its date', () => {
    expect(validateTemplate(templateOf([step({})]))).toEqual([
      {
        code: 'CONGRESS_HELD_MISSING',
        message:
          'Mẫu thiếu bước "Tiến hành đại hội" (mã congress_held): mọi thời hạn được tính từ ngày đại hội.',
      },
    ]);
    const moved = step({ key: CONGRESS_HELD_STEP, titleVi: 'Tiến hành đại hội', offset: { days: 1 } });
    expect(codes(validateTemplate(templateOf([moved])))).toEqual(['CONGRESS_HELD_NOT_ON_CONGRESS_DATE']);
  });

  it('refuses keys that are not ASCII snake_case, unknown owners and submissions, and malformed offsets', () => {
    const bad = [
      step({ key: 'Lập kế hoạch' }),
      step({ key: 'plan-adopted' }),
      step({ key: 'plan_b', owner: 'secretary' as 'committee' }),
      step({ key: 'plan_c', submission: 'money' as 'budget' }),
      step({ key: 'plan_d', offset: { days: -1.5 } }),
      step({ key: 'plan_e', offset: { days: -3, workingDays: -3 } as { days: number } }),
      step({ key: 'plan_f', offset: {} as { days: number } }),
      congressHeld,
    ];
    expect(codes(validateTemplate(templateOf(bad)))).toEqual([
      'STEP_KEY_INVALID',
      'STEP_KEY_INVALID',
      'STEP_OWNER_INVALID',
      'STEP_SUBMISSION_INVALID',
      'STEP_OFFSET_INVALID',
      'STEP_OFFSET_INVALID',
      'STEP_OFFSET_INVALID',
    ]);
    expect(validateTemplate(templateOf(bad))[0]?.message).toMatch(/chữ thường không dấu/);
  });

  it('refuses a template without a name or with an unknown rule set, and survives malformed JSON', () => {
    const nameless = { ...templateOf([congressHeld]), nameVi: '', ruleSetId: 'ct99' as 'ct45-2025' };
    expect(codes(validateTemplate(nameless))).toEqual(['TEMPLATE_NAME_EMPTY', 'TEMPLATE_RULE_SET_INVALID']);
    const junk = JSON.parse('{"steps":[null,{"key":3}]}') as PreparationTemplate;
    expect(codes(validateTemplate(junk))).toContain('CONGRESS_HELD_MISSING');
  });
});

describe('templateRuleErrors', () => {
  const announce = (offset: PreparationStep['offset']) =>
    step({ key: OPENING_ANNOUNCED_STEP, titleVi: 'Thông báo ngày khai mạc', offset });

  it('accepts the default templates and an announcement earlier than the rule', () => {
    expect(templateRuleErrors(ct35)).toEqual([]);
    expect(templateRuleErrors(ct45)).toEqual([]);
    expect(templateRuleErrors(templateOf([announce({ workingDays: -40 }), congressHeld]))).toEqual([]);
  });

  it('refuses a template without the announcement of the opening date, citing the guidance', () => {
    const [missing] = templateRuleErrors(templateOf([step({}), congressHeld]));
    expect(missing?.code).toBe('OPENING_ANNOUNCEMENT_MISSING');
    expect(missing?.message).toContain('30 ngày làm việc');
    expect(missing?.message).toContain(
      formatRuleSource(getRuleSet('ct45-2025').announceOpeningWorkingDaysAhead.source),
    );
  });

  it('refuses an announcement later than 30 working days ahead, or counted in calendar days', () => {
    for (const offset of [{ workingDays: -29 }, { days: -60 }]) {
      const errors = templateRuleErrors(templateOf([congressHeld, announce(offset)]));
      expect(errors).toMatchObject([
        { code: 'OPENING_ANNOUNCEMENT_TOO_LATE', stepIndex: 1, stepKey: OPENING_ANNOUNCED_STEP },
      ]);
      expect(errors[0]?.message).toMatch(/^Bước 2 "Thông báo ngày khai mạc": .*ít nhất 30 ngày làm việc/u);
    }
  });
});

describe('stepStatus', () => {
  const today = '2020-05-10';

  it('colours the dashboard: done, on track, due within 7 days inclusive, overdue, not started', () => {
    expect(stepStatus({ dueOn: '2020-05-01', doneOn: '2020-05-02' }, today)).toBe('done');
    expect(stepStatus({ dueOn: '2020-05-18' }, today)).toBe('on_track');
    expect(stepStatus({ dueOn: '2020-05-17' }, today)).toBe('due_soon');
    expect(stepStatus({ dueOn: today }, today)).toBe('due_soon');
    expect(stepStatus({ dueOn: '2020-05-09', doneOn: null }, today)).toBe('overdue');
    expect(stepStatus({}, today)).toBe('not_started');
    expect(stepStatus({ dueOn: null }, today)).toBe('not_started');
  });

  it('counts a step done later than today as not yet done (a report as of an earlier day)', () => {
    expect(stepStatus({ dueOn: '2020-05-09', doneOn: '2020-05-11' }, today)).toBe('overdue');
    expect(stepStatus({ doneOn: today }, today)).toBe('done');
  });

  it('refuses malformed dates', () => {
    expect(() => stepStatus({ dueOn: '2020-02-30' }, today)).toThrow(/Thời hạn không phải ngày hợp lệ/);
    expect(() => stepStatus({ doneOn: '10/05/2020' }, today)).toThrow(/Ngày hoàn thành/);
    expect(() => stepStatus({}, '')).toThrow(RangeError);
  });

  it('is overdue exactly after the deadline, and due soon exactly in the last 8 days up to it', () => {
    const date = fc.integer({ min: 0, max: 5000 }).map((n) => addDays('2019-01-01', n));
    fc.assert(
      fc.property(date, date, (dueOn, day) => {
        const status = stepStatus({ dueOn }, day);
        const left = daysBetween(day, dueOn);
        expect(status === 'overdue').toBe(left < 0);
        expect(status === 'due_soon').toBe(left >= 0 && left <= 7);
        expect(status === 'on_track').toBe(left > 7);
        expect(stepStatus({ dueOn, doneOn: day }, day)).toBe('done');
      }),
    );
  });

  it('labels every status in Vietnamese', () => {
    expect(Object.keys(STEP_STATUS_LABELS_VI)).toEqual([...STEP_STATUSES]);
    expect(STEP_STATUS_LABELS_VI.overdue).toBe('Quá hạn');
  });
});
