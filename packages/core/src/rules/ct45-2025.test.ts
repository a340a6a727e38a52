import { describe, expect, it } from 'vitest';
import { getRuleSet } from './index.js';

const ct45 = getRuleSet('ct45-2025');
const ct35 = getRuleSet('ct35-2019');
const { levels } = ct45;
const CT45 = 'Chỉ thị 45-CT/TW';
const KH133 = 'Kế hoạch 133-KH/ĐUK';

describe('Chỉ thị 45-CT/TW ngày 14/4/2025 (term 2025–2030), RULES.md §1.2', () => {
  it('grassroots: from 4/2025, by 30/6/2025 (Chỉ thị 45-CT/TW); 2 days (Kế hoạch 133-KH/ĐUK, flagged)', () => {
    expect(levels.grassroots.earliestStart).toMatchObject({
      value: '2025-04-01',
      source: { document: CT45 },
    });
    expect(levels.grassroots.deadline).toMatchObject({ value: '2025-06-30', source: { document: CT45 } });
    expect(levels.grassroots.deadline?.unverified).toBeUndefined();
    expect(levels.grassroots.maxDurationDays).toMatchObject({
      value: 2,
      unverified: true,
      source: { document: KH133 },
    });
  });

  it('provincial: in October 2025, stored as 31/10/2025; begins 9/2025 (Chỉ thị 45-CT/TW)', () => {
    expect(levels.provincial.deadline).toMatchObject({ value: '2025-10-31', source: { document: CT45 } });
    expect(levels.provincial.earliestStart).toMatchObject({ value: '2025-09-01', unverified: true });
  });

  it('upper grassroots: begins 6/2025 (Chỉ thị 45-CT/TW), no deadline known', () => {
    expect(levels.upper_grassroots.earliestStart).toMatchObject({ value: '2025-06-01', unverified: true });
    expect(levels.upper_grassroots.deadline).toBeUndefined();
  });

  it("longest provincial and upper-grassroots congresses: CT 35's 4 and 3 days, flagged (Chỉ thị 35-CT/TW)", () => {
    expect(levels.provincial.maxDurationDays).toMatchObject({ value: 4, unverified: true });
    expect(levels.provincial.maxDurationDays?.source.document).toBe('Chỉ thị 35-CT/TW');
    expect(levels.upper_grassroots.maxDurationDays).toMatchObject({ value: 3, unverified: true });
  });

  it('subordinate cells: from 1/2025, half a day, by 31/3/2025 (Kế hoạch 133-KH/ĐUK, 29/7/2024, flagged)', () => {
    expect(levels.cell.earliestStart).toMatchObject({ value: '2025-01-01', unverified: true });
    expect(levels.cell.maxDurationDays).toMatchObject({ value: 0.5, unverified: true });
    expect(levels.cell.deadline).toMatchObject({
      value: '2025-03-31',
      unverified: true,
      source: { document: KH133, date: '2024-07-29' },
    });
  });

  it('sub-grassroots: one day, before the grassroots congress (Kế hoạch 133-KH/ĐUK, flagged)', () => {
    expect(levels.sub_grassroots.maxDurationDays).toMatchObject({ value: 1, unverified: true });
    expect(levels.sub_grassroots.beforeParentCongress).toMatchObject({
      value: true,
      source: { document: KH133 },
    });
  });

  it('age measured at the month each level begins: 4, 6, 7 (communes under the province), 9/2025 (Chỉ thị 45-CT/TW)', () => {
    expect(ct45.ageReference.kind).toBe('working_time');
    if (ct45.ageReference.kind !== 'working_time') return;
    const { congressMonths } = ct45.ageReference;
    expect(congressMonths.source.document).toBe(CT45);
    expect(congressMonths.value.map((entry) => [entry.level ?? entry.kind, entry.month])).toEqual([
      ['grassroots', '2025-04'],
      ['upper_grassroots', '2025-06'],
      ['commune_organization', '2025-07'],
      ['provincial', '2025-09'],
    ]);
  });

  it('working time: a full term (60 months) first time, 48 months re-elected, 42 for a provincial deputy secretary (Chỉ thị 45-CT/TW)', () => {
    if (ct45.ageReference.kind !== 'working_time') throw new Error('CT 45 measures working time');
    expect(ct45.ageReference.firstTimeMinMonthsLeft).toMatchObject({ value: 60, source: { document: CT45 } });
    expect(ct45.ageReference.reelectionMinMonthsLeft).toMatchObject({
      value: 48,
      source: { document: CT45 },
    });
    expect(ct45.ageReference.reelectionExceptions.value).toEqual([
      { roleVi: 'Phó bí thư tỉnh ủy, thành ủy', level: 'provincial', minMonthsLeft: 42 },
    ]);
  });

  it("composition: CT 35's targets as flagged defaults, citing CT 35 (RULES.md §1.2: UNVERIFIED)", () => {
    for (const key of Object.keys(ct45.composition) as (keyof typeof ct45.composition)[]) {
      expect(ct45.composition[key].unverified, key).toBe(true);
      expect(ct45.composition[key].value, key).toEqual(ct35.composition[key].value);
      expect(ct45.composition[key].source.document, key).toBe('Chỉ thị 35-CT/TW');
    }
  });

  it('all-member congress below 200 members and the half-day preparatory session: CT 35 defaults, flagged', () => {
    expect(ct45.allMemberCongressBelow).toMatchObject({ value: 200, unverified: true });
    expect(ct45.preparatorySessionMaxDays).toMatchObject({ value: 0.5, unverified: true });
  });

  it('opening announced 30 working days ahead (Chỉ thị 45-CT/TW; RULES.md §1.3, both terms)', () => {
    expect(ct45.announceOpeningWorkingDaysAhead).toMatchObject({ value: 30, source: { document: CT45 } });
    expect(ct45.nonDelegateCandidatesFileWorkingDaysAhead).toMatchObject({ value: 15, unverified: true });
  });
});
