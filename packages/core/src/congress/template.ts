import {
  addWorkingDays,
  isWorkingDay,
  VIETNAM_CALENDAR,
  type WorkingCalendar,
} from '../calendar/working-days.js';
import { addDays, compareIsoDates, daysBetween, isIsoDate } from '../dates/dates.js';
import { formatRuleSource } from '../rules/format.js';
import { deepFreeze } from '../rules/freeze.js';
import { getRuleSet, isRuleSetId, RULE_SET_IDS } from '../rules/index.js';
import type { RuleSetId, RuleSource } from '../rules/types.js';

/**
 * The preparation of a congress as the upper committee publishes it (RULES.md §1.3): standard steps,
 * each with who carries it out and a deadline counted from the congress date. Deadlines are the last
 * allowed day (RULES.md §1). Most offsets are practice, not rules; only the announcement of the opening
 * date comes from the rule set, and it keeps its source.
 */

/** Who carries a step out: the convening committee, its office, one of its subcommittees, or the level above. */
export const PREPARATION_OWNERS = [
  'committee',
  'office',
  'documents_subcommittee',
  'personnel_subcommittee',
  'logistics_subcommittee',
  'upper_committee',
] as const;

export type PreparationOwner = (typeof PREPARATION_OWNERS)[number];

export const PREPARATION_OWNER_LABELS_VI: Readonly<Record<PreparationOwner, string>> = {
  committee: 'Cấp ủy triệu tập đại hội',
  office: 'Văn phòng cấp ủy',
  documents_subcommittee: 'Tiểu ban Văn kiện',
  personnel_subcommittee: 'Tiểu ban Nhân sự',
  logistics_subcommittee: 'Tiểu ban Tổ chức phục vụ',
  upper_committee: 'Cấp ủy cấp trên',
};

export function isPreparationOwner(value: string): value is PreparationOwner {
  return (PREPARATION_OWNERS as readonly string[]).includes(value);
}

/**
 * What a step submits to the upper committee for its opinion or approval (xin ý kiến, phê duyệt); the
 * server opens a submission for these steps. 'results': the election results await approval (chuẩn y,
 * RULES.md §3).
 */
export const PREPARATION_SUBMISSIONS = ['plan', 'congress_date', 'budget', 'personnel', 'results'] as const;

export type PreparationSubmission = (typeof PREPARATION_SUBMISSIONS)[number];

export const PREPARATION_SUBMISSION_LABELS_VI: Readonly<Record<PreparationSubmission, string>> = {
  plan: 'Kế hoạch tổ chức đại hội',
  congress_date: 'Số lượng đại biểu và thời gian tổ chức đại hội',
  budget: 'Dự toán kinh phí đại hội',
  personnel: 'Phương án nhân sự',
  results: 'Kết quả đại hội, kết quả bầu cử',
};

/**
 * From the congress date: { days: -120 } is 120 calendar days before it, { workingDays: -30 } 30
 * working days before it (addWorkingDays). Negative before the congress, positive after.
 */
export type StepOffset = { readonly days: number } | { readonly workingDays: number };

/** A document cited for an offset; the date may be unknown in a plan an upper committee types in. */
export type StepSource = Omit<RuleSource, 'date'> & { readonly date?: string };

export interface PreparationStep {
  /** Stable ASCII snake_case, unique in the template: 'plan_adopted', 'opening_announced'. */
  readonly key: string;
  readonly titleVi: string;
  readonly owner: PreparationOwner;
  readonly offset: StepOffset;
  /** The step needs the upper committee's opinion or approval. */
  readonly submission?: PreparationSubmission;
  /** The document that fixes the offset. Absent: the offset is practice, not a rule. */
  readonly source?: StepSource;
  /**
   * The offset is a default the committee should check and may change: practice, or a rule the rule
   * set marks UNVERIFIED. The UI says so (RULES.md).
   */
  readonly unverified?: boolean;
  /** Why the offset is what it is, in Vietnamese, for the UI. */
  readonly noteVi?: string;
}

export interface PreparationTemplate {
  readonly id: string;
  readonly nameVi: string;
  readonly ruleSetId: RuleSetId;
  readonly steps: readonly PreparationStep[];
}

/** The step every template has: the congress itself, on the congress date, from which the others count. */
export const CONGRESS_HELD_STEP = 'congress_held';

/** The step that announces the opening date: the one step whose deadline is a rule, not practice. */
export const OPENING_ANNOUNCED_STEP = 'opening_announced';

/**
 * The farthest a step may lie from the congress: a year either way, 365 calendar days or 250 working
 * days (a Vietnamese year has about 250: 365 less 104 weekend days and 11 public holidays). Further is
 * a typing error rather than a plan; the shipped calendar covers only a few years anyway.
 */
export const PREPARATION_OFFSET_MAX = Object.freeze({ days: 365, workingDays: 250 });

const PRACTICE_NOTE_VI =
  'Mốc theo thông lệ chuẩn bị đại hội, không phải quy định; cấp ủy điều chỉnh theo kế hoạch của cấp trên.';

type DraftStep = Omit<PreparationStep, 'unverified' | 'noteVi' | 'offset'> & { readonly days: number };

/** The practice steps in the order the upper committee publishes them; offsets in calendar days. */
const PRACTICE_STEPS: readonly DraftStep[] = [
  {
    key: 'plan_adopted',
    titleVi: 'Ban hành kế hoạch tổ chức đại hội',
    owner: 'committee',
    submission: 'plan',
    days: -120,
  },
  {
    key: 'subcommittees_formed',
    titleVi: 'Thành lập các tiểu ban Văn kiện, Nhân sự, Tổ chức phục vụ đại hội',
    owner: 'committee',
    days: -110,
  },
  {
    key: 'succession_review',
    titleVi: 'Rà soát, bổ sung quy hoạch cán bộ',
    owner: 'personnel_subcommittee',
    days: -100,
  },
  {
    key: 'political_report_draft',
    titleVi: 'Hoàn thành dự thảo báo cáo chính trị',
    owner: 'documents_subcommittee',
    days: -75,
  },
  {
    key: 'self_review_draft',
    titleVi: 'Hoàn thành dự thảo báo cáo kiểm điểm của cấp ủy',
    owner: 'documents_subcommittee',
    days: -75,
  },
  {
    key: 'drafts_for_comment',
    titleVi: 'Gửi dự thảo văn kiện xin ý kiến góp ý',
    owner: 'documents_subcommittee',
    days: -60,
  },
  {
    key: 'personnel_plan_submitted',
    titleVi: 'Trình cấp trên phương án nhân sự cấp ủy, ủy ban kiểm tra và đoàn đại biểu dự đại hội cấp trên',
    owner: 'personnel_subcommittee',
    submission: 'personnel',
    days: -50,
  },
  {
    key: 'personnel_approved',
    titleVi: 'Cấp trên cho ý kiến về phương án nhân sự',
    owner: 'upper_committee',
    days: -35,
  },
  {
    key: 'delegates_and_date',
    titleVi: 'Trình cấp trên số lượng đại biểu và thời gian tổ chức đại hội',
    owner: 'committee',
    submission: 'congress_date',
    days: -45,
  },
];

const CLOSING_STEPS: readonly DraftStep[] = [
  { key: 'delegate_list', titleVi: 'Chốt danh sách đại biểu dự đại hội', owner: 'office', days: -10 },
  {
    key: 'credentials',
    titleVi: 'Hoàn thành hồ sơ thẩm tra tư cách đại biểu',
    owner: 'personnel_subcommittee',
    days: -3,
  },
];

const AFTER_STEPS: readonly DraftStep[] = [
  {
    key: 'results_reported',
    titleVi: 'Báo cáo kết quả đại hội lên cấp trên',
    owner: 'office',
    submission: 'results',
    days: 7,
  },
  {
    key: 'results_approved',
    titleVi: 'Cấp trên chuẩn y kết quả bầu cử',
    owner: 'upper_committee',
    days: 20,
  },
];

function practiceStep({ days, ...step }: DraftStep): PreparationStep {
  return { ...step, offset: { days }, unverified: true, noteVi: PRACTICE_NOTE_VI };
}

/** The announcement of the opening date: the one offset that is a rule, with the rule set's source. */
function openingAnnouncedStep(ruleSetId: RuleSetId): PreparationStep {
  const rule = getRuleSet(ruleSetId).announceOpeningWorkingDaysAhead;
  return {
    key: OPENING_ANNOUNCED_STEP,
    titleVi: 'Thông báo ngày khai mạc đại hội',
    owner: 'committee',
    offset: { workingDays: -rule.value },
    source: rule.source,
    ...(rule.unverified ? { unverified: true } : {}),
    ...(rule.noteVi ? { noteVi: rule.noteVi } : {}),
  };
}

function buildTemplate(ruleSetId: RuleSetId): PreparationTemplate {
  const ruleSet = getRuleSet(ruleSetId);
  const congressHeld: PreparationStep = {
    key: CONGRESS_HELD_STEP,
    titleVi: 'Tiến hành đại hội',
    owner: 'committee',
    offset: { days: 0 },
  };
  return deepFreeze({
    id: `${ruleSetId}-default`,
    nameVi: `Các bước chuẩn bị đại hội (mẫu chung, ${ruleSet.name})`,
    ruleSetId,
    steps: [
      ...PRACTICE_STEPS.map(practiceStep),
      openingAnnouncedStep(ruleSetId),
      ...CLOSING_STEPS.map(practiceStep),
      congressHeld,
      ...AFTER_STEPS.map(practiceStep),
    ],
  });
}

const DEFAULT_TEMPLATES: Readonly<Record<RuleSetId, PreparationTemplate>> = Object.freeze({
  'ct35-2019': buildTemplate('ct35-2019'),
  'ct45-2025': buildTemplate('ct45-2025'),
});

/**
 * The standard steps for a term's congresses, frozen: the fifteen steps of the upper committee's
 * published template, in its order (not sorted by date: the number of delegates and the date, 45 days
 * ahead, is listed after the personnel approval, 35 days ahead). Throws RangeError on an unknown id.
 */
export function defaultPreparationTemplate(ruleSetId: RuleSetId): PreparationTemplate {
  getRuleSet(ruleSetId);
  return DEFAULT_TEMPLATES[ruleSetId];
}

/** The standard template of the current term (the newest rule set). */
export const DEFAULT_PREPARATION_TEMPLATE: PreparationTemplate = defaultPreparationTemplate(
  RULE_SET_IDS.at(-1) ?? 'ct45-2025',
);

// ---------------------------------------------------------------------------------------------------
// Validation of an edited template

export type TemplateErrorCode =
  | 'TEMPLATE_NAME_EMPTY'
  | 'TEMPLATE_RULE_SET_INVALID'
  | 'STEP_KEY_INVALID'
  | 'STEP_KEY_DUPLICATE'
  | 'STEP_TITLE_EMPTY'
  | 'STEP_OWNER_INVALID'
  | 'STEP_SUBMISSION_INVALID'
  | 'STEP_OFFSET_INVALID'
  | 'STEP_OFFSET_TOO_FAR'
  | 'CONGRESS_HELD_MISSING'
  | 'CONGRESS_HELD_NOT_ON_CONGRESS_DATE'
  | 'OPENING_ANNOUNCEMENT_MISSING'
  | 'OPENING_ANNOUNCEMENT_TOO_LATE';

export interface TemplateError {
  readonly code: TemplateErrorCode;
  /** The step's position, from 0; absent for errors of the whole template. */
  readonly stepIndex?: number;
  readonly stepKey?: string;
  readonly message: string;
}

const STEP_KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/u;
const STEP_KEY_MAX_LENGTH = 64;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** 'Bước 3 "Rà soát quy hoạch cán bộ"', or 'Bước 3' while the step has no title. */
function stepLabel(step: PreparationStep, index: number): string {
  const title = text(step?.titleVi);
  return title ? `Bước ${index + 1} "${title}"` : `Bước ${index + 1}`;
}

/** The offset as [unit, n], or null when it is not exactly one whole number of days or working days. */
function offsetOf(offset: unknown): ['days' | 'workingDays', number] | null {
  if (!offset || typeof offset !== 'object') return null;
  const keys = Object.keys(offset);
  const unit = keys[0];
  if (keys.length !== 1 || (unit !== 'days' && unit !== 'workingDays')) return null;
  const n = (offset as Record<string, unknown>)[unit];
  return typeof n === 'number' && Number.isSafeInteger(n) ? [unit, n] : null;
}

function stepErrors(step: PreparationStep, index: number, seen: Map<string, number>): TemplateError[] {
  const errors: TemplateError[] = [];
  const label = stepLabel(step, index);
  const key = typeof step?.key === 'string' ? step.key : '';
  const fail = (code: TemplateErrorCode, message: string) =>
    errors.push({ code, stepIndex: index, ...(key ? { stepKey: key } : {}), message });

  if (!STEP_KEY.test(key) || key.length > STEP_KEY_MAX_LENGTH) {
    fail(
      'STEP_KEY_INVALID',
      `${label}: mã bước "${key}" không hợp lệ; mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới (ví dụ plan_adopted), tối đa ${STEP_KEY_MAX_LENGTH} ký tự.`,
    );
  } else if (seen.has(key)) {
    fail('STEP_KEY_DUPLICATE', `${label}: mã bước "${key}" trùng với bước ${(seen.get(key) ?? 0) + 1}.`);
  } else seen.set(key, index);

  if (!text(step?.titleVi)) fail('STEP_TITLE_EMPTY', `${label} chưa có tên bước.`);
  if (!isPreparationOwner(String(step?.owner)))
    fail('STEP_OWNER_INVALID', `${label}: chưa chọn đơn vị thực hiện hợp lệ.`);
  if (
    step?.submission !== undefined &&
    !(PREPARATION_SUBMISSIONS as readonly string[]).includes(step.submission)
  )
    fail('STEP_SUBMISSION_INVALID', `${label}: loại nội dung trình cấp trên không hợp lệ.`);

  const offset = offsetOf(step?.offset);
  if (!offset) {
    fail(
      'STEP_OFFSET_INVALID',
      `${label}: thời hạn phải là một số nguyên ngày hoặc một số nguyên ngày làm việc tính từ ngày đại hội.`,
    );
  } else {
    const [unit, n] = offset;
    const max = PREPARATION_OFFSET_MAX[unit];
    const unitVi = unit === 'days' ? 'ngày' : 'ngày làm việc';
    if (Math.abs(n) > max) {
      fail(
        'STEP_OFFSET_TOO_FAR',
        `${label}: thời hạn cách ngày đại hội ${Math.abs(n)} ${unitVi}, vượt quá ${max} ${unitVi} (một năm).`,
      );
    }
    if (key === CONGRESS_HELD_STEP && n !== 0) {
      fail(
        'CONGRESS_HELD_NOT_ON_CONGRESS_DATE',
        `${label}: bước tiến hành đại hội phải đúng ngày đại hội (thời hạn 0 ngày).`,
      );
    }
  }
  return errors;
}

/**
 * What is wrong with a template an upper committee edited, in Vietnamese, each error naming the step:
 * a key that is not ASCII snake_case or repeats, an empty title, an unknown owner or submission, an
 * offset that is not one whole number of days or working days, or lies more than a year from the
 * congress (PREPARATION_OFFSET_MAX), and a missing 'congress_held' step (or one off the congress date),
 * from which every deadline is counted. Checks the shape at run time, since a template arrives as JSON.
 * An empty list means the template can be scheduled.
 */
export function validateTemplate(template: PreparationTemplate): TemplateError[] {
  const errors: TemplateError[] = [];
  if (!text(template?.nameVi))
    errors.push({ code: 'TEMPLATE_NAME_EMPTY', message: 'Mẫu các bước chuẩn bị đại hội chưa có tên.' });
  if (!isRuleSetId(String(template?.ruleSetId))) {
    errors.push({
      code: 'TEMPLATE_RULE_SET_INVALID',
      message: `Bộ quy tắc đại hội "${String(template?.ruleSetId)}" không có; các bộ hiện có: ${RULE_SET_IDS.join(', ')}.`,
    });
  }
  const steps = Array.isArray(template?.steps) ? template.steps : [];
  const seen = new Map<string, number>();
  steps.forEach((step, index) => {
    errors.push(...stepErrors(step, index, seen));
  });
  if (!seen.has(CONGRESS_HELD_STEP)) {
    errors.push({
      code: 'CONGRESS_HELD_MISSING',
      message: `Mẫu thiếu bước "Tiến hành đại hội" (mã ${CONGRESS_HELD_STEP}): mọi thời hạn được tính từ ngày đại hội.`,
    });
  }
  return errors;
}

/**
 * What an upper committee may not publish although it can be scheduled: a template without the
 * announcement of the opening date, or with it later than the rule set allows (30 working days ahead
 * under both directives' guidance). The committee may ask for more time, never less; the offset must
 * count working days, as the rule does, since calendar days give a different margin every year.
 * Assumes validateTemplate found nothing.
 */
export function templateRuleErrors(template: PreparationTemplate): TemplateError[] {
  const rule = getRuleSet(template.ruleSetId).announceOpeningWorkingDaysAhead;
  const cited = formatRuleSource(rule.source);
  const index = template.steps.findIndex((s) => s.key === OPENING_ANNOUNCED_STEP);
  const step = template.steps[index];
  if (!step)
    return [
      {
        code: 'OPENING_ANNOUNCEMENT_MISSING',
        message: `Mẫu thiếu bước "Thông báo ngày khai mạc đại hội" (mã ${OPENING_ANNOUNCED_STEP}): ${cited} quy định thông báo trước ít nhất ${rule.value} ngày làm việc.`,
      },
    ];
  const ahead = 'workingDays' in step.offset ? -step.offset.workingDays : null;
  if (ahead !== null && ahead >= rule.value) return [];
  return [
    {
      code: 'OPENING_ANNOUNCEMENT_TOO_LATE',
      stepIndex: index,
      stepKey: step.key,
      message: `${stepLabel(step, index)}: ${cited} quy định thông báo ngày khai mạc trước ít nhất ${rule.value} ngày làm việc; thời hạn phải tính bằng ngày làm việc và không ít hơn ${rule.value}.`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Scheduling

export interface ScheduledStep {
  readonly key: string;
  /** The last allowed day, inclusive, ISO; always a working day except the congress itself. */
  readonly dueOn: string;
}

/**
 * A calendar-day deadline that falls on a day off moves to a working day. Before the congress it moves
 * EARLIER, to the previous working day: the offsets count back the time the steps after it need (a
 * deadline on a Sunday means the papers are in on Friday), and a later day would eat into that time.
 * After the congress it moves LATER, to the next working day, as the Civil Code ends any time limit
 * that ends on a day off (Bộ luật Dân sự 2015, Điều 148 khoản 5): the office cannot receive a report on
 * a Sunday, and nothing waits on it within the preparation. The congress date itself never moves: a
 * congress may sit at a weekend.
 */
function dueOnForDays(congressDate: string, days: number, calendar: WorkingCalendar): string {
  const target = addDays(congressDate, days);
  if (days === 0 || isWorkingDay(target, calendar)) return target;
  return addWorkingDays(target, Math.sign(days), calendar);
}

/**
 * Each step's deadline for a congress on `congressDate`, in the template's order. Calendar-day offsets
 * count from the congress date and then leave a day off as dueOnForDays explains; working-day offsets
 * go through addWorkingDays (so "announce 30 working days ahead" is addWorkingDays(date, -30)). Throws
 * RangeError (Vietnamese) on a malformed date, on a template validateTemplate refuses, and on a
 * deadline outside the calendar's data.
 */
export function scheduleSteps(
  template: PreparationTemplate,
  congressDate: string,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): ScheduledStep[] {
  if (!isIsoDate(congressDate))
    throw new RangeError(
      `Ngày đại hội không phải ngày hợp lệ (YYYY-MM-DD): ${JSON.stringify(congressDate)}.`,
    );
  const [first] = validateTemplate(template);
  if (first) throw new RangeError(first.message);
  return template.steps.map(({ key, offset }) => ({
    key,
    dueOn:
      'workingDays' in offset
        ? addWorkingDays(congressDate, offset.workingDays, calendar)
        : dueOnForDays(congressDate, offset.days, calendar),
  }));
}

// ---------------------------------------------------------------------------------------------------
// Status on the dashboard

/** The dashboard's colours, in the order of its legend. */
export const STEP_STATUSES = ['done', 'on_track', 'due_soon', 'overdue', 'not_started'] as const;

export type StepStatus = (typeof STEP_STATUSES)[number];

export const STEP_STATUS_LABELS_VI: Readonly<Record<StepStatus, string>> = {
  done: 'Đã hoàn thành',
  on_track: 'Đúng tiến độ',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  not_started: 'Chưa triển khai',
};

export function isStepStatus(value: string): value is StepStatus {
  return (STEP_STATUSES as readonly string[]).includes(value);
}

/** A step not done is "due soon" from this many days before its deadline through the deadline itself. */
export const STEP_DUE_SOON_DAYS = 7;

export interface StepProgress {
  /** The deadline; absent or null while the plan does not exist or gives the step no date. */
  readonly dueOn?: string | null;
  /** The day the step was done; absent or null while it is not. */
  readonly doneOn?: string | null;
}

function requireDate(date: string, what: string): void {
  if (!isIsoDate(date))
    throw new RangeError(`${what} không phải ngày hợp lệ (YYYY-MM-DD): ${JSON.stringify(date)}.`);
}

/**
 * The step's colour on `today` (the business date in Asia/Ho_Chi_Minh): 'done' once done on or before
 * today (a step done later was not done yet, so a report as of an earlier day shows it as it stood);
 * otherwise 'not_started' without a deadline, 'overdue' after the deadline (the deadline is the last
 * allowed day, so on it the step is still due), 'due_soon' within STEP_DUE_SOON_DAYS days of it
 * inclusive, 'on_track' before that. Throws RangeError on a malformed date.
 */
export function stepStatus(progress: StepProgress, today: string): StepStatus {
  const { dueOn, doneOn } = progress;
  requireDate(today, 'Ngày hôm nay');
  if (doneOn != null) {
    requireDate(doneOn, 'Ngày hoàn thành');
    if (compareIsoDates(doneOn, today) <= 0) return 'done';
  }
  if (dueOn == null) return 'not_started';
  requireDate(dueOn, 'Thời hạn');
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= STEP_DUE_SOON_DAYS ? 'due_soon' : 'on_track';
}
