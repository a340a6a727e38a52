import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import type { CongressRules, EffectiveRule } from './setupApi';
import {
  aboveRule,
  changedPaths,
  defaultRuleSetId,
  directiveRule,
  forRulesForm,
  isLooser,
  loosenedField,
  mergeRulesFresh,
  readableSource,
  ruleSetIdOr,
  rulesBody,
  rulesToValues,
  shownLevels,
} from './setupRules';

const CT35 = 'Chỉ thị 35-CT/TW ngày 2019-05-30';
const rule = (value: string | number, source = CT35, unverified = false): EffectiveRule => ({
  value,
  source,
  unverified,
});

/** What the server answers for the bloc under CT 35 (2019), with the narrowings given. */
function rules(
  overrides: Partial<CongressRules> = {},
  grassroots: Partial<CongressRules['levels'][string]> = {},
) {
  const none = { earliestStart: null, deadline: null, maxDurationDays: null };
  return {
    ruleSet: { id: 'ct35-2019', name: 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị' },
    levels: {
      central: none,
      provincial: { earliestStart: null, deadline: rule('2020-10-31'), maxDurationDays: rule(4) },
      upper_grassroots: { earliestStart: null, deadline: rule('2020-08-31'), maxDurationDays: rule(3) },
      grassroots: {
        earliestStart: rule('2020-04-01'),
        deadline: rule('2020-06-30'),
        maxDurationDays: rule(2),
        ...grassroots,
      },
      sub_grassroots: {
        earliestStart: null,
        deadline: rule('2020-03-31', CT35, true),
        maxDurationDays: rule(1),
      },
      cell: { earliestStart: null, deadline: rule('2020-03-31', CT35, true), maxDurationDays: rule(0.5) },
    },
    own: null,
    ...overrides,
  } satisfies CongressRules;
}

const KH165 = { sourceDocument: 'Kế hoạch 165-KH/ĐUK', sourceDate: '2019-10-31' };
const withOwn = rules(
  { own: { ...KH165, levels: { grassroots: { deadline: '2020-06-15' } }, version: 2 } },
  { deadline: rule('2020-06-15', 'Kế hoạch 165-KH/ĐUK ngày 2019-10-31') },
);

describe('the levels a committee narrows', () => {
  it('are those below its own, and any its narrowing already names', () => {
    expect(shownLevels('upper_grassroots', null)).toEqual(['grassroots', 'sub_grassroots', 'cell']);
    expect(shownLevels('provincial', null)).toEqual([
      'upper_grassroots',
      'grassroots',
      'sub_grassroots',
      'cell',
    ]);
    expect(shownLevels('cell', null)).toEqual([]);
    expect(shownLevels('grassroots', { levels: { grassroots: { deadline: '2020-06-01' } } })).toEqual([
      'grassroots',
      'sub_grassroots',
      'cell',
    ]);
  });
});

describe('the rule set chosen by default', () => {
  const terms = [
    { id: 't1', name: '2015–2020', startsOn: '2015-06-01' },
    { id: 't2', name: '2020–2025', startsOn: '2020-06-01' },
    { id: 't3', name: '2025–2030', startsOn: '2025-06-01' },
  ];

  it('is that of the term being prepared, as the dashboard picks it', () => {
    expect(defaultRuleSetId(terms, '2020-03-15')).toBe('ct35-2019');
    expect(defaultRuleSetId(terms, '2024-11-01')).toBe('ct45-2025');
  });

  it('falls back on the business year without a matching term, and takes only known ids from the address', () => {
    expect(defaultRuleSetId([], '2020-03-15')).toBe('ct35-2019');
    expect(defaultRuleSetId([], '2021-01-01')).toBe('ct45-2025');
    expect(defaultRuleSetId([], '2031-01-01')).toBe('ct45-2025');
    expect(ruleSetIdOr('ct45-2025', 'ct35-2019')).toBe('ct45-2025');
    expect(ruleSetIdOr('ct99', 'ct35-2019')).toBe('ct35-2019');
    expect(ruleSetIdOr(null, 'ct35-2019')).toBe('ct35-2019');
  });
});

describe('the rules shown beside the committee’s own', () => {
  it('cite the directive with its source and its unverified flag', () => {
    expect(directiveRule('ct35-2019', 'grassroots', 'deadline')).toEqual({
      value: '2020-06-30',
      source: 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị',
      unverified: false,
    });
    expect(directiveRule('ct35-2019', 'cell', 'deadline')?.unverified).toBe(true);
    expect(directiveRule('ct35-2019', 'cell', 'earliestStart')).toBeNull();
  });

  it('show a committee above’s narrowing, but neither the directive again nor the organization’s own', () => {
    const fromProvince = rules({}, { deadline: rule('2020-06-20', 'Kế hoạch 207-KH/TU ngày 2019-09-12') });
    expect(aboveRule(fromProvince, 'ct35-2019', 'grassroots', 'deadline')).toEqual({
      value: '2020-06-20',
      source: 'Kế hoạch 207-KH/TU ngày 12/09/2019',
      unverified: false,
    });
    expect(aboveRule(fromProvince, 'ct35-2019', 'grassroots', 'earliestStart')).toBeNull();
    expect(aboveRule(withOwn, 'ct35-2019', 'grassroots', 'deadline')).toBeNull();
  });

  it('write the server’s ISO dates in sources as dd/mm/yyyy', () => {
    expect(readableSource('Kế hoạch 165-KH/ĐUK ngày 2019-10-31')).toBe('Kế hoạch 165-KH/ĐUK ngày 31/10/2019');
  });
});

describe('the form and the body', () => {
  it('start from the stored narrowing and send only the values set', () => {
    const values = rulesToValues(withOwn.own, ['grassroots', 'cell']);
    expect(values).toEqual({
      ...KH165,
      levels: {
        grassroots: { earliestStart: null, deadline: '2020-06-15', maxDurationDays: null },
        cell: { earliestStart: null, deadline: null, maxDurationDays: null },
      },
    });
    const edited = {
      ...values,
      sourceDocument: ' Kế hoạch 165-KH/ĐUK ',
      levels: { ...values.levels, cell: { earliestStart: null, deadline: null, maxDurationDays: 0.5 } },
    };
    expect(rulesBody(edited, 'ct35-2019', 2)).toEqual({
      ruleSetId: 'ct35-2019',
      ...KH165,
      levels: { grassroots: { deadline: '2020-06-15' }, cell: { maxDurationDays: 0.5 } },
      version: 2,
    });
    expect(rulesBody(rulesToValues(null, ['grassroots']), 'ct35-2019', undefined)).toEqual({
      ruleSetId: 'ct35-2019',
      sourceDocument: '',
      sourceDate: '',
      levels: {},
    });
  });

  it('name the leaf fields a change touched', () => {
    expect(changedPaths({ levels: { grassroots: { deadline: '2020-06-15' } } })).toEqual([
      ['levels', 'grassroots', 'deadline'],
    ]);
    expect(changedPaths({ sourceDocument: 'KH' })).toEqual([['sourceDocument']]);
  });

  it('keep what the user typed after a stale save, taking the rest from the newest version', () => {
    const base = rulesToValues(withOwn.own, ['grassroots']);
    const current = {
      ...base,
      levels: { grassroots: { ...base.levels.grassroots, maxDurationDays: 1.5 } },
    };
    const fresh = {
      ...base,
      sourceDocument: 'Kế hoạch 170-KH/ĐUK',
      levels: { grassroots: { ...base.levels.grassroots, deadline: '2020-06-10' } },
    };
    expect(mergeRulesFresh(current, base, fresh)).toEqual({
      ...fresh,
      levels: { grassroots: { earliestStart: null, deadline: '2020-06-10', maxDurationDays: 1.5 } },
    });
  });
});

describe('a refusal for loosening', () => {
  const message =
    'Không thể lùi hạn chót đại hội cấp cơ sở đến ngày 15/07/2020: Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị quy định chậm nhất ngày 30/06/2020.';
  const loosened = new ApiError(400, 'CONGRESS_RULES_LOOSENED', message, [{ path: 'body.levels', message }]);
  const values = (grassroots: object, cell: object = {}) => ({
    ...KH165,
    levels: {
      grassroots: { earliestStart: null, deadline: null, maxDurationDays: null, ...grassroots },
      cell: { earliestStart: null, deadline: null, maxDurationDays: null, ...cell },
    },
  });

  it('knows which way is looser for each rule', () => {
    expect(isLooser('earliestStart', '2020-03-20', '2020-04-01')).toBe(true);
    expect(isLooser('deadline', '2020-07-15', '2020-06-30')).toBe(true);
    expect(isLooser('deadline', '2020-06-15', '2020-06-30')).toBe(false);
    expect(isLooser('maxDurationDays', 2.5, 2)).toBe(true);
  });

  it('lands under the value looser than the directive', () => {
    const v = values({ deadline: '2020-07-15' });
    expect(loosenedField(v, rules(), 'ct35-2019')).toEqual(['grassroots', 'deadline']);
    expect((forRulesForm(loosened, v, rules(), 'ct35-2019') as ApiError).fieldIssues).toEqual([
      { path: ['levels', 'grassroots', 'deadline'], message },
    ]);
  });

  it('lands under a value looser than a committee above, or than the committee’s own stored one', () => {
    const fromProvince = rules({}, { maxDurationDays: rule(1.5, 'Kế hoạch 207-KH/TU ngày 2019-09-12') });
    expect(loosenedField(values({ maxDurationDays: 2 }), fromProvince, 'ct35-2019')).toEqual([
      'grassroots',
      'maxDurationDays',
    ]);
    // Above the bloc's own 15/06 the province's rule is hidden: the later date is the one to look at.
    expect(loosenedField(values({ deadline: '2020-06-25' }), withOwn, 'ct35-2019')).toEqual([
      'grassroots',
      'deadline',
    ]);
  });

  it('lands under the deadline when a level is left without a day', () => {
    expect(
      loosenedField(values({ earliestStart: '2020-05-01', deadline: '2020-04-20' }), rules(), 'ct35-2019'),
    ).toEqual(['grassroots', 'deadline']);
    expect(loosenedField(values({ earliestStart: '2020-07-01' }), rules(), 'ct35-2019')).toEqual([
      'grassroots',
      'earliestStart',
    ]);
  });

  it('stays in the alert above the form when no field can be told', () => {
    expect(forRulesForm(loosened, values({}), rules(), 'ct35-2019')).toBe(loosened);
  });

  it('and a validation message lands under the field it names', () => {
    const invalid = new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', [
      {
        path: 'body.levels.cell.maxDurationDays',
        message: 'Thời gian đại hội tính theo nửa ngày (0,5; 1; 1,5; 2…).',
      },
      { path: 'body.sourceDocument', message: 'Quá nhỏ' },
    ]);
    expect((forRulesForm(invalid, values({}), rules(), 'ct35-2019') as ApiError).fieldIssues).toEqual([
      {
        path: ['levels', 'cell', 'maxDurationDays'],
        message: 'Thời gian đại hội tính theo nửa ngày (0,5; 1; 1,5; 2…).',
      },
      { path: ['sourceDocument'], message: 'Quá nhỏ' },
    ]);
  });
});
