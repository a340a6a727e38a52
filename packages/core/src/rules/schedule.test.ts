import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates } from '../dates/dates.js';
import { ORGANIZATION_LEVELS, type OrganizationLevel } from '../organizations/levels.js';
import { getRuleSet, RULE_SET_IDS } from './index.js';
import {
  applyNarrowings,
  checkCongressSchedule,
  type LevelOverride,
  type RuleSetOverrides,
  tightenRuleSet,
} from './schedule.js';
import type { RuleSource } from './types.js';

const ct35 = getRuleSet('ct35-2019');
const ct45 = getRuleSet('ct45-2025');
const CT35_CITED = 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị';
const PROVINCE_PLAN: RuleSource = {
  document: 'Kế hoạch 01-KH/TU',
  date: '2019-11-01',
  issuer: 'Tỉnh ủy Nghệ An',
};
const plan = (levels: RuleSetOverrides['levels']): RuleSetOverrides => ({ source: PROVINCE_PLAN, levels });
const codes = (list: { code: string }[]) => list.map((violation) => violation.code);

describe('checkCongressSchedule (Chỉ thị 35-CT/TW)', () => {
  it('accepts a grassroots congress of 2 days ending on the deadline, 30/6/2020', () => {
    expect(checkCongressSchedule(ct35, 'grassroots', { startsOn: '2020-06-29', days: 2 })).toEqual([]);
    expect(checkCongressSchedule(ct35, 'grassroots', { startsOn: '2020-04-01', days: 1.5 })).toEqual([]);
  });

  it('refuses one that runs past 30/6/2020, naming the directive', () => {
    const [violation, ...rest] = checkCongressSchedule(ct35, 'grassroots', {
      startsOn: '2020-06-30',
      days: 2,
    });
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({
      code: 'after_deadline',
      unverified: false,
      source: { document: 'Chỉ thị 35-CT/TW' },
    });
    expect(violation?.message).toBe(
      `Đại hội cấp cơ sở phải kết thúc chậm nhất ngày 30/06/2020; lịch dự kiến kết thúc ngày 01/07/2020 (căn cứ: ${CT35_CITED}).`,
    );
  });

  it('refuses a grassroots congress before April 2020 and one longer than 2 days', () => {
    const found = checkCongressSchedule(ct35, 'grassroots', { startsOn: '2020-03-30', days: 3 });
    expect(codes(found)).toEqual(['before_earliest_start', 'too_long']);
    expect(found[0]?.message).toMatch(
      /chỉ được khai mạc từ ngày 01\/04\/2020; lịch dự kiến khai mạc ngày 30\/03\/2020/,
    );
    expect(found[1]?.message).toMatch(/không quá 2 ngày; lịch dự kiến 3 ngày/);
    expect(found[1]?.message).toContain(CT35_CITED);
  });

  it('holds district congresses to 3 days by 31/8/2020 and provincial ones to 4 days by 31/10/2020', () => {
    expect(
      codes(checkCongressSchedule(ct35, 'upper_grassroots', { startsOn: '2020-08-30', days: 3 })),
    ).toEqual(['after_deadline']);
    expect(checkCongressSchedule(ct35, 'provincial', { startsOn: '2020-10-14', days: 4 })).toEqual([]);
    expect(codes(checkCongressSchedule(ct35, 'provincial', { startsOn: '2020-10-14', days: 4.5 }))).toEqual([
      'too_long',
    ]);
  });

  it('marks a broken default as unverified: a cell congress of a full day', () => {
    const [violation] = checkCongressSchedule(ct35, 'cell', { startsOn: '2020-03-10', days: 1 });
    expect(violation).toMatchObject({ code: 'too_long', unverified: true });
    expect(violation?.message).toMatch(/không quá nửa ngày; lịch dự kiến 1 ngày/);
    expect(violation?.message).toMatch(/chưa được xác minh/);
  });

  it('wants a sub-grassroots congress over before the grassroots congress opens', () => {
    const schedule = { startsOn: '2025-04-10', days: 1, parentStartsOn: '2025-04-10' };
    expect(codes(checkCongressSchedule(ct45, 'sub_grassroots', schedule))).toEqual(['not_before_parent']);
    expect(
      checkCongressSchedule(ct45, 'sub_grassroots', { ...schedule, parentStartsOn: '2025-04-11' }),
    ).toEqual([]);
  });

  it('checks nothing for a level without rules', () => {
    expect(checkCongressSchedule(ct35, 'central', { startsOn: '2021-01-25', days: 8 })).toEqual([]);
  });

  it('refuses malformed input', () => {
    expect(() => checkCongressSchedule(ct35, 'grassroots', { startsOn: '2020-06-31', days: 1 })).toThrow(
      RangeError,
    );
    expect(() => checkCongressSchedule(ct35, 'grassroots', { startsOn: '2020-06-01', days: 0 })).toThrow(
      RangeError,
    );
    expect(() => checkCongressSchedule(ct35, 'grassroots', { startsOn: '2020-06-01', days: 1.25 })).toThrow(
      RangeError,
    );
    expect(() =>
      checkCongressSchedule(ct35, 'ward' as OrganizationLevel, { startsOn: '2020-06-01', days: 1 }),
    ).toThrow(/Cấp tổ chức không hợp lệ/);
  });
});

describe('tightenRuleSet', () => {
  it('lets a province set an earlier grassroots deadline, citing its plan and keeping the directive', () => {
    const tightened = tightenRuleSet(
      ct35,
      plan({ grassroots: { deadline: '2020-06-15', maxDurationDays: 1.5 } }),
    );
    const deadline = tightened.levels.grassroots.deadline;
    expect(deadline).toMatchObject({ value: '2020-06-15', source: PROVINCE_PLAN });
    expect(deadline?.tightens).toBe(ct35.levels.grassroots.deadline);
    expect(tightened.levels.grassroots.earliestStart).toBe(ct35.levels.grassroots.earliestStart);
    expect(tightened.levels.provincial).toBe(ct35.levels.provincial);
    expect(tightened.tightenedBy).toEqual([PROVINCE_PLAN]);
    expect(Object.isFrozen(tightened.levels.grassroots)).toBe(true);
    expect(ct35.levels.grassroots.deadline?.value).toBe('2020-06-30');
  });

  it('cites the plan for a date only the plan forbids, the directive for one both forbid', () => {
    const overrides = plan({ grassroots: { deadline: '2020-06-15' } });
    const [byPlan] = checkCongressSchedule(
      ct35,
      'grassroots',
      { startsOn: '2020-06-20', days: 1 },
      overrides,
    );
    expect(byPlan?.message).toMatch(
      /chậm nhất ngày 15\/06\/2020.*Kế hoạch 01-KH\/TU ngày 1\/11\/2019 của Tỉnh ủy Nghệ An/,
    );
    const [byDirective] = checkCongressSchedule(ct35, 'grassroots', { startsOn: '2020-07-02', days: 1 }, [
      overrides,
    ]);
    expect(byDirective?.message).toMatch(/chậm nhất ngày 30\/06\/2020.*Chỉ thị 35-CT\/TW/);
  });

  it('adds a rule where the rule set has none', () => {
    const tightened = tightenRuleSet(ct45, plan({ upper_grassroots: { deadline: '2025-08-31' } }));
    expect(tightened.levels.upper_grassroots.deadline).toEqual({
      value: '2025-08-31',
      source: PROVINCE_PLAN,
    });
  });

  it('refuses a later deadline, an earlier start and a longer congress, in Vietnamese', () => {
    expect(() => tightenRuleSet(ct35, plan({ grassroots: { deadline: '2020-07-15' } }))).toThrow(
      /Không thể lùi hạn chót đại hội cấp cơ sở đến ngày 15\/07\/2020: Chỉ thị 35-CT\/TW/,
    );
    expect(() => tightenRuleSet(ct35, plan({ grassroots: { earliestStart: '2020-03-15' } }))).toThrow(
      /Không thể cho đại hội cấp cơ sở khai mạc từ ngày 15\/03\/2020/,
    );
    expect(() => tightenRuleSet(ct35, plan({ provincial: { maxDurationDays: 5 } }))).toThrow(
      /Không thể kéo dài đại hội cấp tỉnh đến 5 ngày/,
    );
    expect(() => tightenRuleSet(ct35, plan({ cell: { maxDurationDays: 1 } }))).toThrow(RangeError);
  });

  it('refuses a plan that leaves no day, and malformed values', () => {
    expect(() =>
      tightenRuleSet(ct35, plan({ grassroots: { earliestStart: '2020-06-20', deadline: '2020-06-10' } })),
    ).toThrow(/không để lại ngày nào/);
    expect(() => tightenRuleSet(ct35, plan({ grassroots: { deadline: '2020-02-30' } }))).toThrow(RangeError);
    expect(() => tightenRuleSet(ct35, plan({ grassroots: { maxDurationDays: -1 } }))).toThrow(RangeError);
    expect(() =>
      tightenRuleSet(ct35, { source: PROVINCE_PLAN, levels: { ward: {} } as RuleSetOverrides['levels'] }),
    ).toThrow(RangeError);
  });

  it('stacks plans top down: a district may narrow the province again, not widen it', () => {
    const province = tightenRuleSet(ct35, plan({ grassroots: { deadline: '2020-06-20' } }));
    const district: RuleSetOverrides = {
      source: { ...PROVINCE_PLAN, document: 'Kế hoạch 05-KH/HU' },
      levels: { grassroots: { deadline: '2020-06-10' } },
    };
    const both = tightenRuleSet(province, district);
    expect(both.levels.grassroots.deadline?.tightens?.tightens).toBe(ct35.levels.grassroots.deadline);
    expect(both.tightenedBy?.map((source) => source.document)).toEqual([
      'Kế hoạch 01-KH/TU',
      'Kế hoạch 05-KH/HU',
    ]);
    expect(() =>
      tightenRuleSet(province, { ...district, levels: { grassroots: { deadline: '2020-06-25' } } }),
    ).toThrow(/Kế hoạch 01-KH\/TU/);
  });
});

// Any plan: per level, maybe an earliest start, a deadline and a length, anywhere around the term's dates.
const aroundTerm = (from: string) => fc.integer({ min: -200, max: 200 }).map((days) => addDays(from, days));
const levelOverride = (from: string): fc.Arbitrary<LevelOverride> =>
  fc.record(
    {
      earliestStart: aroundTerm(from),
      deadline: aroundTerm(from),
      maxDurationDays: fc.integer({ min: 1, max: 12 }).map((halves) => halves / 2),
    },
    { requiredKeys: [] },
  );
const overridesFor = (from: string): fc.Arbitrary<RuleSetOverrides> =>
  fc
    .dictionary(fc.constantFrom(...ORGANIZATION_LEVELS), levelOverride(from), { maxKeys: 3 })
    .map((levels) => ({ source: PROVINCE_PLAN, levels }));
const ruleSetAndPlan = fc
  .constantFrom(...RULE_SET_IDS)
  .chain((id) =>
    fc.tuple(fc.constant(getRuleSet(id)), overridesFor(id === 'ct35-2019' ? '2020-05-01' : '2025-05-01')),
  );

describe('tightenRuleSet never loosens (property)', () => {
  it('either refuses, or keeps every limit at least as strict as the rule set', () => {
    fc.assert(
      fc.property(ruleSetAndPlan, ([base, overrides]) => {
        let result: ReturnType<typeof tightenRuleSet>;
        try {
          result = tightenRuleSet(base, overrides);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        for (const level of ORGANIZATION_LEVELS) {
          const [before, after] = [base.levels[level], result.levels[level]];
          if (before.deadline)
            expect(compareIsoDates(after.deadline?.value ?? '', before.deadline.value)).toBeLessThanOrEqual(
              0,
            );
          if (before.earliestStart) {
            expect(
              compareIsoDates(after.earliestStart?.value ?? '', before.earliestStart.value),
            ).toBeGreaterThanOrEqual(0);
          }
          if (before.maxDurationDays)
            expect(after.maxDurationDays?.value).toBeLessThanOrEqual(before.maxDurationDays.value);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses exactly the plans that widen a limit or leave no day', () => {
    fc.assert(
      fc.property(ruleSetAndPlan, ([base, overrides]) => {
        const widens = (Object.entries(overrides.levels) as [OrganizationLevel, LevelOverride][]).some(
          ([level, o]) => {
            const rules = base.levels[level];
            const first = o.earliestStart ?? rules.earliestStart?.value;
            const last = o.deadline ?? rules.deadline?.value;
            return (
              (o.deadline !== undefined &&
                rules.deadline !== undefined &&
                o.deadline > rules.deadline.value) ||
              (o.earliestStart !== undefined &&
                rules.earliestStart !== undefined &&
                o.earliestStart < rules.earliestStart.value) ||
              (o.maxDurationDays !== undefined &&
                rules.maxDurationDays !== undefined &&
                o.maxDurationDays > rules.maxDurationDays.value) ||
              (first !== undefined && last !== undefined && first > last)
            );
          },
        );
        if (widens) expect(() => tightenRuleSet(base, overrides)).toThrow(RangeError);
        else expect(() => tightenRuleSet(base, overrides)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('finds a schedule the rule set refuses refused by the tightened one too', () => {
    fc.assert(
      fc.property(
        ruleSetAndPlan,
        fc.constantFrom(...ORGANIZATION_LEVELS),
        fc.integer({ min: -200, max: 200 }),
        fc.integer({ min: 1, max: 12 }),
        ([base, overrides], level, offset, halves) => {
          let tightened: ReturnType<typeof tightenRuleSet>;
          try {
            tightened = tightenRuleSet(base, overrides);
          } catch {
            return;
          }
          const from = base.id === 'ct35-2019' ? '2020-05-01' : '2025-05-01';
          const schedule = { startsOn: addDays(from, offset), days: halves / 2 };
          const before = new Set(checkCongressSchedule(base, level, schedule).map((v) => v.code));
          const after = new Set(checkCongressSchedule(tightened, level, schedule).map((v) => v.code));
          for (const code of before) expect(after.has(code)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('applyNarrowings', () => {
  const bloc: RuleSetOverrides = {
    source: { document: 'Kế hoạch 165-KH/ĐUK', date: '2019-10-31' },
    levels: { cell: { deadline: '2020-03-25' } },
  };
  const grassroots = (levels: RuleSetOverrides['levels']): RuleSetOverrides => ({
    source: { document: 'Kế hoạch 05-KH/ĐU', date: '2019-11-20' },
    levels,
  });

  it('gives what folding tightenRuleSet gives when the chain holds', () => {
    const chain = [bloc, grassroots({ cell: { deadline: '2020-03-15', maxDurationDays: 0.5 } })];
    const { ruleSet, overruled } = applyNarrowings(ct35, chain);
    expect(ruleSet).toEqual(chain.reduce(tightenRuleSet, ct35));
    expect(overruled).toEqual([]);
  });

  it('lets the stricter rule above prevail over a narrowing below that it has overtaken', () => {
    // The grassroots committee set 20/03 before the bloc narrowed its cells to 25/03… then to 10/03.
    const stricter = { ...bloc, levels: { cell: { deadline: '2020-03-10' } } };
    const { ruleSet, overruled } = applyNarrowings(ct35, [
      stricter,
      grassroots({ cell: { deadline: '2020-03-20', maxDurationDays: 0.5 } }),
    ]);
    expect(ruleSet.levels.cell.deadline).toMatchObject({ value: '2020-03-10', source: stricter.source });
    expect(ruleSet.levels.cell.maxDurationDays?.value).toBe(0.5);
    expect(overruled).toHaveLength(1);
    expect(overruled[0]?.message).toMatch(/Không thể lùi hạn chót.*20\/03\/2020.*165-KH\/ĐUK/u);
  });
});
