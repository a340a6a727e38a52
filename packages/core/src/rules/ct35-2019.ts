import type { CongressRuleSet, RuleSource } from './types.js';

/**
 * Congresses of the 2020–2025 term, toward the XIII National Congress (RULES.md §1.1). Not to be
 * confused with the directive of the same number of 14/6/2024 (RULES.md §0). The directive's mục and
 * điểm were not checked, so no rule names an article.
 */

const CT35: RuleSource = { document: 'Chỉ thị 35-CT/TW', date: '2019-05-30', issuer: 'Bộ Chính trị' };
const HD26: RuleSource = {
  document: 'Hướng dẫn 26-HD/BTCTW',
  date: '2019-10-18',
  issuer: 'Ban Tổ chức Trung ương',
};
const HD36: RuleSource = {
  document: 'Hướng dẫn 36-HD/VPTW',
  date: '2018-04-03',
  issuer: 'Văn phòng Trung ương Đảng',
};

const BEFORE_GRASSROOTS_WAVE =
  'Do kế hoạch của từng tỉnh ủy, đảng ủy khối quy định, trước đợt đại hội cấp cơ sở (từ tháng 4/2020); giá trị mặc định.';

const COMMITTEES = ['provincial', 'upper_grassroots'] as const;

export const CT35_2019: CongressRuleSet = {
  id: 'ct35-2019',
  name: 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị',
  source: CT35,
  term: '2020–2025',
  towardCongressVi: 'Đại hội đại biểu toàn quốc lần thứ XIII của Đảng',
  guidance: [HD26],
  termStartsAfter: {
    value: 'congress_closing',
    source: HD36,
    noteVi: 'Nhiệm kỳ của cấp ủy tính từ ngày sau ngày bế mạc đại hội; số văn bản đánh lại từ 01.',
  },
  levels: {
    central: {},
    provincial: {
      deadline: { value: '2020-10-31', source: CT35, noteVi: 'Hoàn thành trước 31/10/2020.' },
      maxDurationDays: { value: 4, source: CT35 },
      delegates: {
        value: { min: 300, max: 350 },
        source: CT35,
        noteVi:
          'Một số đảng bộ tỉnh lớn không quá 450, Đảng bộ Hà Nội không quá 500; đảng bộ khối Trung ương 250–300.',
      },
    },
    upper_grassroots: {
      deadline: { value: '2020-08-31', source: CT35, noteVi: 'Hoàn thành trước 31/8/2020.' },
      maxDurationDays: { value: 3, source: CT35 },
      delegates: { value: { max: 300 }, source: CT35 },
    },
    grassroots: {
      earliestStart: { value: '2020-04-01', source: CT35, noteVi: 'Bắt đầu từ tháng 4/2020.' },
      deadline: { value: '2020-06-30', source: CT35, noteVi: 'Hoàn thành trước 30/6/2020.' },
      maxDurationDays: { value: 2, source: CT35 },
    },
    sub_grassroots: {
      deadline: { value: '2020-03-31', source: CT35, unverified: true, noteVi: BEFORE_GRASSROOTS_WAVE },
      maxDurationDays: {
        value: 1,
        source: CT35,
        unverified: true,
        noteVi: 'Không thấy trong phần chỉ thị đã đối chiếu; mặc định một ngày.',
      },
      beforeParentCongress: { value: true, source: CT35, unverified: true, noteVi: BEFORE_GRASSROOTS_WAVE },
    },
    cell: {
      deadline: { value: '2020-03-31', source: CT35, unverified: true, noteVi: BEFORE_GRASSROOTS_WAVE },
      maxDurationDays: {
        value: 0.5,
        source: CT35,
        unverified: true,
        noteVi: 'Không thấy trong phần chỉ thị đã đối chiếu; mặc định nửa ngày.',
      },
      beforeParentCongress: { value: true, source: CT35, unverified: true, noteVi: BEFORE_GRASSROOTS_WAVE },
    },
  },
  preparatorySessionMaxDays: {
    value: 0.5,
    source: CT35,
    noteVi: 'Họp trù bị từ cấp huyện trở lên không quá nửa ngày.',
  },
  allMemberCongressBelow: {
    value: 200,
    source: CT35,
    noteVi:
      'Tổ chức cơ sở đảng dưới 200 đảng viên tổ chức đại hội đảng viên; từ 200 trở lên (hoặc dưới 200 nếu cấp trên đồng ý) đại hội đại biểu.',
  },
  ageReference: {
    kind: 'birth_cutoffs',
    cutoffs: {
      source: CT35,
      noteVi: 'Sinh từ tháng ghi dưới đây trở về sau.',
      value: [
        { level: 'provincial', candidacy: 'first_time', gender: 'male', bornOnOrAfter: '1965-09-01' },
        { level: 'provincial', candidacy: 'first_time', gender: 'female', bornOnOrAfter: '1970-09-01' },
        { level: 'upper_grassroots', candidacy: 'first_time', gender: 'male', bornOnOrAfter: '1965-06-01' },
        { level: 'upper_grassroots', candidacy: 'first_time', gender: 'female', bornOnOrAfter: '1970-06-01' },
        { level: 'provincial', candidacy: 'reelection', gender: 'male', bornOnOrAfter: '1963-03-01' },
        { level: 'provincial', candidacy: 'reelection', gender: 'female', bornOnOrAfter: '1968-03-01' },
        { level: 'upper_grassroots', candidacy: 'reelection', gender: 'male', bornOnOrAfter: '1962-12-01' },
        { level: 'upper_grassroots', candidacy: 'reelection', gender: 'female', bornOnOrAfter: '1967-12-01' },
      ],
    },
  },
  composition: {
    women: { value: { min: 0.15, appliesTo: COMMITTEES }, source: CT35 },
    womenInStandingCommittee: { value: { minCount: 1 }, source: CT35 },
    under40: { value: { min: 0.1, appliesTo: COMMITTEES }, source: CT35 },
    aged40To50: { value: { min: 0.4, max: 0.5, approximate: true, appliesTo: COMMITTEES }, source: CT35 },
    committeeSizeReduction: {
      value: { provincial: 0.05, upper_grassroots: 0.05, grassroots: 0 },
      source: CT35,
      noteVi:
        'Cấp tỉnh, cấp huyện giảm khoảng 5% so với số lượng tối đa nhiệm kỳ 2015–2020; cấp cơ sở giữ nguyên.',
    },
    renewal: { value: null, source: CT35, unverified: true, noteVi: 'Chưa xác minh tỷ lệ; cấp ủy tự đặt.' },
    ethnicMinority: {
      value: null,
      source: CT35,
      unverified: true,
      noteVi: 'Chưa xác minh tỷ lệ; cấp ủy tự đặt.',
    },
  },
  announceOpeningWorkingDaysAhead: {
    value: 30,
    source: HD26,
    noteVi: 'Cấp ủy triệu tập thông báo ngày khai mạc trước 30 ngày làm việc; chưa đối chiếu đến điều, mục.',
  },
  nonDelegateCandidatesFileWorkingDaysAhead: {
    value: 15,
    source: HD26,
    unverified: true,
    noteVi:
      'Người ứng cử không phải đại biểu (từ cấp huyện trở lên) nộp hồ sơ trước ít nhất 15 ngày làm việc.',
  },
};
