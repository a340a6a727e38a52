import { CT35_2019 } from './ct35-2019.js';
import type { CongressRuleSet, Rule, RuleSource } from './types.js';

/**
 * Congresses of the 2025–2030 term, toward the XIV National Congress (RULES.md §1.2). Where the directive
 * gives no figure that could be checked, CT 35's value stands as a flagged default, and the cells' and
 * sub-grassroots' figures come from a provincial bloc's plan (the only one read) as flagged defaults.
 */

const CT45: RuleSource = { document: 'Chỉ thị 45-CT/TW', date: '2025-04-14', issuer: 'Bộ Chính trị' };
const KH133: RuleSource = {
  document: 'Kế hoạch 133-KH/ĐUK',
  date: '2024-07-29',
  issuer: 'Đảng ủy Khối các cơ quan tỉnh Hải Dương',
};

const CT35_DEFAULT = 'Mặc định theo Chỉ thị 35-CT/TW (2019); chưa đối chiếu Chỉ thị 45-CT/TW.';
const PLAN_DEFAULT = 'Theo kế hoạch mẫu 133-KH/ĐUK; mỗi cấp ủy cấp trên quy định trong kế hoạch của mình.';
const FROM_CONGRESS_MONTH =
  'Tháng bắt đầu đại hội cấp này (mốc tính tuổi), dùng làm ngày sớm nhất; chưa xác minh.';

/** CT 35's rule, kept with its own source, flagged as a default for this term. */
function ct35Default<T>(rule: Rule<T>): Rule<T> {
  return { value: rule.value, source: rule.source, unverified: true, noteVi: CT35_DEFAULT };
}

const ct35Levels = CT35_2019.levels;
const requireRule = <T>(rule: Rule<T> | undefined): Rule<T> => {
  if (!rule) throw new Error('CT 35 rule set is missing a rule CT 45 defaults to');
  return rule;
};

export const CT45_2025: CongressRuleSet = {
  id: 'ct45-2025',
  name: 'Chỉ thị 45-CT/TW ngày 14/4/2025 của Bộ Chính trị',
  source: CT45,
  term: '2025–2030',
  towardCongressVi: 'Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
  replacesVi:
    'Chỉ thị 35-CT/TW ngày 14/6/2024 của Bộ Chính trị, đã được sửa đổi, bổ sung bởi Kết luận 118-KL/TW ngày 18/1/2025',
  guidance: [],
  termStartsAfter: CT35_2019.termStartsAfter,
  levels: {
    central: {},
    provincial: {
      earliestStart: { value: '2025-09-01', source: CT45, unverified: true, noteVi: FROM_CONGRESS_MONTH },
      deadline: {
        value: '2025-10-31',
        source: CT45,
        noteVi: 'Đại hội cấp tỉnh tổ chức trong tháng 10/2025.',
      },
      maxDurationDays: ct35Default(requireRule(ct35Levels.provincial.maxDurationDays)),
    },
    upper_grassroots: {
      earliestStart: { value: '2025-06-01', source: CT45, unverified: true, noteVi: FROM_CONGRESS_MONTH },
      maxDurationDays: ct35Default(requireRule(ct35Levels.upper_grassroots.maxDurationDays)),
    },
    grassroots: {
      earliestStart: {
        value: '2025-04-01',
        source: CT45,
        noteVi: 'Đại hội cấp cơ sở bắt đầu từ tháng 4/2025.',
      },
      deadline: { value: '2025-06-30', source: CT45, noteVi: 'Hoàn thành trước 30/6/2025.' },
      maxDurationDays: { value: 2, source: KH133, unverified: true, noteVi: PLAN_DEFAULT },
    },
    sub_grassroots: {
      maxDurationDays: { value: 1, source: KH133, unverified: true, noteVi: PLAN_DEFAULT },
      beforeParentCongress: { value: true, source: KH133, unverified: true, noteVi: PLAN_DEFAULT },
    },
    cell: {
      earliestStart: { value: '2025-01-01', source: KH133, unverified: true, noteVi: PLAN_DEFAULT },
      deadline: { value: '2025-03-31', source: KH133, unverified: true, noteVi: PLAN_DEFAULT },
      maxDurationDays: { value: 0.5, source: KH133, unverified: true, noteVi: PLAN_DEFAULT },
    },
  },
  preparatorySessionMaxDays: ct35Default(CT35_2019.preparatorySessionMaxDays),
  allMemberCongressBelow: ct35Default(CT35_2019.allMemberCongressBelow),
  ageReference: {
    kind: 'working_time',
    congressMonths: {
      source: CT45,
      value: [
        { month: '2025-04', level: 'grassroots', labelVi: 'Cấp cơ sở' },
        { month: '2025-06', level: 'upper_grassroots', labelVi: 'Cấp trên trực tiếp cơ sở' },
        { month: '2025-07', kind: 'commune_organization', labelVi: 'Xã, phường, đặc khu trực thuộc tỉnh' },
        { month: '2025-09', level: 'provincial', labelVi: 'Cấp tỉnh' },
      ],
    },
    firstTimeMinMonthsLeft: {
      value: 60,
      source: CT45,
      noteVi: 'Tham gia lần đầu: còn đủ thời gian công tác ít nhất trọn một nhiệm kỳ (60 tháng).',
    },
    reelectionMinMonthsLeft: { value: 48, source: CT45, noteVi: 'Tái cử: còn ít nhất 48 tháng công tác.' },
    reelectionExceptions: {
      value: [{ roleVi: 'Phó bí thư tỉnh ủy, thành ủy', level: 'provincial', minMonthsLeft: 42 }],
      source: CT45,
    },
  },
  composition: {
    women: ct35Default(CT35_2019.composition.women),
    womenInStandingCommittee: ct35Default(CT35_2019.composition.womenInStandingCommittee),
    under40: ct35Default(CT35_2019.composition.under40),
    aged40To50: ct35Default(CT35_2019.composition.aged40To50),
    committeeSizeReduction: ct35Default(CT35_2019.composition.committeeSizeReduction),
    renewal: ct35Default(CT35_2019.composition.renewal),
    ethnicMinority: ct35Default(CT35_2019.composition.ethnicMinority),
  },
  announceOpeningWorkingDaysAhead: {
    value: 30,
    source: CT45,
    noteVi: 'Cấp ủy triệu tập thông báo ngày khai mạc trước 30 ngày làm việc; chưa đối chiếu đến điều, mục.',
  },
  nonDelegateCandidatesFileWorkingDaysAhead: ct35Default(CT35_2019.nonDelegateCandidatesFileWorkingDaysAhead),
};
