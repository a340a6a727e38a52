import {
  type CongressRuleSet,
  formatRuleSource,
  getRuleSet,
  ORGANIZATION_LEVELS,
  type Rule,
  type RuleSetOverrides,
  tightenRuleSet,
} from '@daihoi/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import type { CongressRules, EffectiveRules, OwnNarrowing } from './setupApi';
import {
  aboveRule,
  bindingRule,
  changedPaths,
  defaultRuleSetId,
  directiveRule,
  forRulesForm,
  mergeRulesFresh,
  noDayLeft,
  ownSource,
  ruleSetIdOr,
  rulesBody,
  rulesToValues,
  shownLevels,
} from './setupRules';

/** The rules per level as the server presents them. */
function present(ruleSet: CongressRuleSet): EffectiveRules {
  const out = (rule: Rule<string | number> | undefined) =>
    rule
      ? { value: rule.value, source: formatRuleSource(rule.source), unverified: rule.unverified === true }
      : null;
  return Object.fromEntries(
    ORGANIZATION_LEVELS.map((level) => {
      const r = ruleSet.levels[level];
      return [
        level,
        {
          earliestStart: out(r.earliestStart),
          deadline: out(r.deadline),
          maxDurationDays: out(r.maxDurationDays),
        },
      ];
    }),
  );
}

/** What the server answers for an organization under CT 35 (2019), with the narrowings above it and its own. */
function rules(narrowings: RuleSetOverrides[] = [], own: OwnNarrowing | null = null): CongressRules {
  const base = getRuleSet('ct35-2019');
  const above = narrowings.reduce(tightenRuleSet, base);
  const mine = own
    ? tightenRuleSet(above, {
        source: { document: own.sourceDocument, date: own.sourceDate },
        levels: own.levels,
      })
    : above;
  return {
    ruleSet: { id: base.id, name: base.name },
    levels: present(mine),
    above: present(above),
    narrowings,
    overruled: [],
    own,
  };
}

const KH165 = { sourceDocument: 'Kế hoạch 165-KH/ĐUK', sourceDate: '2019-10-31' };
const withOwn = rules([], { ...KH165, levels: { grassroots: { deadline: '2020-06-15' } }, version: 2 });
const KH207 = { document: 'Kế hoạch 207-KH/TU', date: '2019-09-12' };
const fromProvince = rules([{ source: KH207, levels: { grassroots: { deadline: '2020-06-20' } } }]);

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

  it('show a committee above’s narrowing with its plan, but not the directive again', () => {
    expect(aboveRule(fromProvince, 'ct35-2019', 'grassroots', 'deadline')).toEqual({
      value: '2020-06-20',
      source: 'Kế hoạch 207-KH/TU ngày 12/9/2019',
      unverified: false,
    });
    expect(aboveRule(fromProvince, 'ct35-2019', 'grassroots', 'earliestStart')).toBeNull();
    expect(aboveRule(rules(), 'ct35-2019', 'grassroots', 'deadline')).toBeNull();
    expect(bindingRule(fromProvince, 'ct35-2019', 'grassroots', 'deadline')?.value).toBe('2020-06-20');
    expect(bindingRule(fromProvince, 'ct35-2019', 'grassroots', 'earliestStart')?.value).toBe('2020-04-01');
  });

  it('keep the narrowing above in sight when the committee sets its own value for the same rule', () => {
    const both = rules([{ source: KH207, levels: { grassroots: { deadline: '2020-06-20' } } }], {
      ...KH165,
      levels: { grassroots: { deadline: '2020-06-15' } },
      version: 1,
    });
    expect(both.levels.grassroots?.deadline?.value).toBe('2020-06-15');
    expect(aboveRule(both, 'ct35-2019', 'grassroots', 'deadline')).toMatchObject({
      value: '2020-06-20',
      source: 'Kế hoạch 207-KH/TU ngày 12/9/2019',
    });
    // The committee's own value binds only those below it: the directive stays what binds it.
    expect(aboveRule(withOwn, 'ct35-2019', 'grassroots', 'deadline')).toBeNull();
  });

  it('cite the committee’s own plan as every other source', () => {
    expect(ownSource(KH165)).toBe('Kế hoạch 165-KH/ĐUK ngày 31/10/2019');
    expect(withOwn.levels.grassroots?.deadline?.source).toBe(ownSource(KH165));
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

describe('a level left without a day', () => {
  const level = (v: object) => ({ earliestStart: null, deadline: null, maxDurationDays: null, ...v });

  it('is told under the deadline typed, else under the first day typed', () => {
    expect(
      noDayLeft(
        level({ earliestStart: '2020-05-01', deadline: '2020-04-20' }),
        rules(),
        'ct35-2019',
        'grassroots',
      ),
    ).toEqual({ field: 'deadline', first: '2020-05-01', last: '2020-04-20' });
    // Against what binds from above: the directive's 30/06, or the province's 20/06.
    expect(noDayLeft(level({ earliestStart: '2020-07-01' }), rules(), 'ct35-2019', 'grassroots')).toEqual({
      field: 'earliestStart',
      first: '2020-07-01',
      last: '2020-06-30',
    });
    expect(
      noDayLeft(level({ earliestStart: '2020-06-25' }), fromProvince, 'ct35-2019', 'grassroots'),
    ).toEqual({
      field: 'earliestStart',
      first: '2020-06-25',
      last: '2020-06-20',
    });
  });

  it('is nothing while a day is left or nothing is typed', () => {
    expect(noDayLeft(level({ earliestStart: '2020-06-25' }), rules(), 'ct35-2019', 'grassroots')).toBeNull();
    expect(noDayLeft(level({}), rules(), 'ct35-2019', 'grassroots')).toBeNull();
    expect(noDayLeft(undefined, rules(), 'ct35-2019', 'cell')).toBeNull();
  });
});

describe('a refusal for loosening', () => {
  const message =
    'Không thể lùi hạn chót đại hội cấp cơ sở đến ngày 15/07/2020: Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị quy định chậm nhất ngày 30/06/2020.';
  const longer =
    'Không thể kéo dài đại hội chi bộ trực thuộc đến 1 ngày: Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị quy định không quá nửa ngày.';

  it('lands under each looser value the server names', () => {
    const loosened = new ApiError(400, 'CONGRESS_RULES_LOOSENED', message, [
      { path: 'body.levels.grassroots.deadline', message },
      { path: 'body.levels.cell.maxDurationDays', message: longer },
    ]);
    expect((forRulesForm(loosened) as ApiError).fieldIssues).toEqual([
      { path: ['levels', 'grassroots', 'deadline'], message },
      { path: ['levels', 'cell', 'maxDurationDays'], message: longer },
    ]);
  });

  it('stays in the alert above the form when no field can be told', () => {
    const loosened = new ApiError(400, 'CONGRESS_RULES_LOOSENED', message, [
      { path: 'body.levels', message },
    ]);
    expect(forRulesForm(loosened)).toBe(loosened);
    const bare = new ApiError(400, 'CONGRESS_RULES_LOOSENED', message);
    expect(forRulesForm(bare)).toBe(bare);
  });

  it('and a validation message lands under the field it names', () => {
    const invalid = new ApiError(400, 'VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', [
      {
        path: 'body.levels.cell.maxDurationDays',
        message: 'Thời gian đại hội tính theo nửa ngày (0,5; 1; 1,5; 2…).',
      },
      { path: 'body.sourceDocument', message: 'Quá nhỏ' },
    ]);
    expect((forRulesForm(invalid) as ApiError).fieldIssues).toEqual([
      {
        path: ['levels', 'cell', 'maxDurationDays'],
        message: 'Thời gian đại hội tính theo nửa ngày (0,5; 1; 1,5; 2…).',
      },
      { path: ['sourceDocument'], message: 'Quá nhỏ' },
    ]);
  });
});
