import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../dates/dates.js';
import { ORGANIZATION_LEVELS } from '../organizations/levels.js';
import { formatCongressDaysVi, formatRuleSource } from './format.js';
import { getRuleSet, isRuleSetId, RULE_SET_IDS } from './index.js';
import type { CongressRuleSet, Rule, RuleSetId } from './types.js';

type FoundRule = { path: string; rule: Rule<unknown> };

/** Every rule of a rule set with its path, found by shape: an object with a value and a source. */
function rulesOf(node: unknown, path = ''): FoundRule[] {
  if (!node || typeof node !== 'object') return [];
  if ('value' in node && 'source' in node) return [{ path, rule: node as Rule<unknown> }];
  return Object.entries(node).flatMap(([key, inner]) => rulesOf(inner, path ? `${path}.${key}` : key));
}

const unverifiedPaths = (ruleSet: CongressRuleSet) =>
  rulesOf(ruleSet)
    .filter(({ rule }) => rule.unverified)
    .map(({ path }) => path)
    .sort();

describe('getRuleSet', () => {
  it('returns each shipped rule set under its id, frozen', () => {
    for (const id of RULE_SET_IDS) {
      const ruleSet = getRuleSet(id);
      expect(ruleSet.id).toBe(id);
      expect(Object.isFrozen(ruleSet)).toBe(true);
      expect(Object.isFrozen(ruleSet.levels.grassroots.deadline)).toBe(true);
    }
  });

  it('refuses an unknown id in Vietnamese', () => {
    expect(() => getRuleSet('ct35-2024' as RuleSetId)).toThrow(RangeError);
    expect(() => getRuleSet('ct35-2024' as RuleSetId)).toThrow(/Không có bộ quy tắc đại hội "ct35-2024"/);
    expect(isRuleSetId('ct45-2025')).toBe(true);
    expect(isRuleSetId('CT45-2025')).toBe(false);
  });

  it('names each rule set by number, date and issuer (RULES.md §0)', () => {
    const ct35 = getRuleSet('ct35-2019');
    const ct45 = getRuleSet('ct45-2025');
    expect(ct35.name).toBe('Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị');
    expect(formatRuleSource(ct35.source)).toBe(ct35.name);
    expect(ct35.term).toBe('2020–2025');
    expect(ct45.name).toBe('Chỉ thị 45-CT/TW ngày 14/4/2025 của Bộ Chính trị');
    expect(formatRuleSource(ct45.source)).toBe(ct45.name);
    expect(ct45.term).toBe('2025–2030');
    expect(ct45.replacesVi).toMatch(/35-CT\/TW ngày 14\/6\/2024.*118-KL\/TW ngày 18\/1\/2025/);
  });

  it('holds rules for every organization level', () => {
    for (const id of RULE_SET_IDS)
      expect(Object.keys(getRuleSet(id).levels).sort()).toEqual([...ORGANIZATION_LEVELS].sort());
  });
});

describe('every rule', () => {
  it('carries a source with a document and a real date', () => {
    for (const id of RULE_SET_IDS) {
      const found = rulesOf(getRuleSet(id));
      expect(found.length).toBeGreaterThan(20);
      for (const { path, rule } of found) {
        expect(rule.source.document.length, `${id} ${path}`).toBeGreaterThan(0);
        expect(isIsoDate(rule.source.date), `${id} ${path}`).toBe(true);
      }
    }
  });

  it('CT 35: flags exactly what RULES.md marks UNVERIFIED or leaves to each plan', () => {
    expect(unverifiedPaths(getRuleSet('ct35-2019'))).toEqual([
      'composition.ethnicMinority',
      'composition.renewal',
      'levels.cell.beforeParentCongress',
      'levels.cell.deadline',
      'levels.cell.maxDurationDays',
      'levels.sub_grassroots.beforeParentCongress',
      'levels.sub_grassroots.deadline',
      'levels.sub_grassroots.maxDurationDays',
      'nonDelegateCandidatesFileWorkingDaysAhead',
    ]);
  });

  it("CT 45: flags CT 35's figures used as defaults, the plan's figures and the derived first days", () => {
    expect(unverifiedPaths(getRuleSet('ct45-2025'))).toEqual([
      'allMemberCongressBelow',
      'composition.aged40To50',
      'composition.committeeSizeReduction',
      'composition.ethnicMinority',
      'composition.renewal',
      'composition.under40',
      'composition.women',
      'composition.womenInStandingCommittee',
      'levels.cell.deadline',
      'levels.cell.earliestStart',
      'levels.cell.maxDurationDays',
      'levels.grassroots.maxDurationDays',
      'levels.provincial.earliestStart',
      'levels.provincial.maxDurationDays',
      'levels.sub_grassroots.beforeParentCongress',
      'levels.sub_grassroots.maxDurationDays',
      'levels.upper_grassroots.earliestStart',
      'levels.upper_grassroots.maxDurationDays',
      'nonDelegateCandidatesFileWorkingDaysAhead',
      'preparatorySessionMaxDays',
    ]);
  });
});

describe('formatRuleSource and formatCongressDaysVi', () => {
  it('cites a document with its date, issuer and article', () => {
    expect(
      formatRuleSource({
        document: 'Bộ luật Lao động số 45/2019/QH14',
        date: '2019-11-20',
        issuer: 'Quốc hội',
        article: 'Điều 112',
      }),
    ).toBe('Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019 của Quốc hội, Điều 112');
  });

  it('writes half a day in words and decimals with a comma', () => {
    expect(formatCongressDaysVi(0.5)).toBe('nửa ngày');
    expect(formatCongressDaysVi(1.5)).toBe('1,5 ngày');
    expect(formatCongressDaysVi(3)).toBe('3 ngày');
  });
});
