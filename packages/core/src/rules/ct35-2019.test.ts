import { describe, expect, it } from 'vitest';
import { getRuleSet } from './index.js';

const ct35 = getRuleSet('ct35-2019');
const { levels } = ct35;
const CT35 = 'Chỉ thị 35-CT/TW';

describe('Chỉ thị 35-CT/TW ngày 30/5/2019 (term 2020–2025), RULES.md §1.1', () => {
  it('grassroots: at most 2 days, from 1/4/2020, by 30/6/2020 inclusive (Chỉ thị 35-CT/TW)', () => {
    expect(levels.grassroots.maxDurationDays?.value).toBe(2);
    expect(levels.grassroots.earliestStart?.value).toBe('2020-04-01');
    expect(levels.grassroots.deadline?.value).toBe('2020-06-30');
    for (const rule of [
      levels.grassroots.maxDurationDays,
      levels.grassroots.earliestStart,
      levels.grassroots.deadline,
    ]) {
      expect(rule?.source.document).toBe(CT35);
      expect(rule?.unverified).toBeUndefined();
    }
  });

  it('upper grassroots: at most 3 days, by 31/8/2020; at most 300 delegates (Chỉ thị 35-CT/TW)', () => {
    expect(levels.upper_grassroots.maxDurationDays?.value).toBe(3);
    expect(levels.upper_grassroots.deadline?.value).toBe('2020-08-31');
    expect(levels.upper_grassroots.delegates?.value).toEqual({ max: 300 });
    expect(levels.upper_grassroots.deadline?.source.document).toBe(CT35);
  });

  it('provincial: at most 4 days, by 31/10/2020; 300–350 delegates (Chỉ thị 35-CT/TW)', () => {
    expect(levels.provincial.maxDurationDays?.value).toBe(4);
    expect(levels.provincial.deadline?.value).toBe('2020-10-31');
    expect(levels.provincial.delegates?.value).toEqual({ min: 300, max: 350 });
    expect(levels.provincial.delegates?.noteVi).toMatch(/450.*Hà Nội không quá 500/);
  });

  it('subordinate cells and sub-grassroots: before the grassroots wave, half a day / one day — set by each plan, flagged (Chỉ thị 35-CT/TW)', () => {
    expect(levels.cell.deadline).toMatchObject({ value: '2020-03-31', unverified: true });
    expect(levels.cell.maxDurationDays).toMatchObject({ value: 0.5, unverified: true });
    expect(levels.cell.beforeParentCongress).toMatchObject({ value: true, unverified: true });
    expect(levels.sub_grassroots.maxDurationDays).toMatchObject({ value: 1, unverified: true });
    expect(levels.cell.deadline?.source.document).toBe(CT35);
  });

  it('the national congress level has no schedule rule here', () => {
    expect(levels.central).toEqual({});
  });

  it('preparatory session, district level and above: at most half a day (Chỉ thị 35-CT/TW)', () => {
    expect(ct35.preparatorySessionMaxDays).toMatchObject({ value: 0.5, source: { document: CT35 } });
  });

  it('fewer than 200 members: an all-member congress (Chỉ thị 35-CT/TW)', () => {
    expect(ct35.allMemberCongressBelow).toMatchObject({ value: 200, source: { document: CT35 } });
  });

  it('age as birth-date cut-offs (Chỉ thị 35-CT/TW)', () => {
    expect(ct35.ageReference.kind).toBe('birth_cutoffs');
    if (ct35.ageReference.kind !== 'birth_cutoffs') return;
    expect(ct35.ageReference.cutoffs.source.document).toBe(CT35);
    const cutoff = (level: string, candidacy: string, gender: string) =>
      ct35.ageReference.kind === 'birth_cutoffs'
        ? ct35.ageReference.cutoffs.value.find(
            (entry) => entry.level === level && entry.candidacy === candidacy && entry.gender === gender,
          )?.bornOnOrAfter
        : undefined;
    expect(cutoff('provincial', 'first_time', 'male')).toBe('1965-09-01');
    expect(cutoff('provincial', 'first_time', 'female')).toBe('1970-09-01');
    expect(cutoff('upper_grassroots', 'first_time', 'male')).toBe('1965-06-01');
    expect(cutoff('upper_grassroots', 'first_time', 'female')).toBe('1970-06-01');
    expect(cutoff('provincial', 'reelection', 'male')).toBe('1963-03-01');
    expect(cutoff('provincial', 'reelection', 'female')).toBe('1968-03-01');
    expect(cutoff('upper_grassroots', 'reelection', 'male')).toBe('1962-12-01');
    expect(cutoff('upper_grassroots', 'reelection', 'female')).toBe('1967-12-01');
  });

  it('composition: women ≥ 15 % and one in the standing committee, under 40 ≥ 10 %, 40–50 about 40–50 % (Chỉ thị 35-CT/TW)', () => {
    const { composition } = ct35;
    expect(composition.women.value).toMatchObject({ min: 0.15 });
    expect(composition.womenInStandingCommittee.value).toEqual({ minCount: 1 });
    expect(composition.under40.value).toMatchObject({ min: 0.1 });
    expect(composition.aged40To50.value).toMatchObject({ min: 0.4, max: 0.5, approximate: true });
    expect(composition.women.value.appliesTo).toEqual(['provincial', 'upper_grassroots']);
    expect(composition.women.source.document).toBe(CT35);
  });

  it('committee size about 5 % below the 2015–2020 maximum, grassroots unchanged (Chỉ thị 35-CT/TW)', () => {
    expect(ct35.composition.committeeSizeReduction.value).toEqual({
      provincial: 0.05,
      upper_grassroots: 0.05,
      grassroots: 0,
    });
  });

  it('renewal and ethnic-minority targets: no figure, flagged UNVERIFIED (Chỉ thị 35-CT/TW)', () => {
    expect(ct35.composition.renewal).toMatchObject({ value: null, unverified: true });
    expect(ct35.composition.ethnicMinority).toMatchObject({ value: null, unverified: true });
  });

  it('opening announced 30 working days ahead; non-delegate candidates file 15 working days ahead, flagged (Hướng dẫn 26-HD/BTCTW, 18/10/2019)', () => {
    expect(ct35.announceOpeningWorkingDaysAhead).toMatchObject({
      value: 30,
      source: { document: 'Hướng dẫn 26-HD/BTCTW', date: '2019-10-18' },
    });
    expect(ct35.announceOpeningWorkingDaysAhead.unverified).toBeUndefined();
    expect(ct35.nonDelegateCandidatesFileWorkingDaysAhead).toMatchObject({ value: 15, unverified: true });
    expect(ct35.guidance.map((source) => source.document)).toEqual(['Hướng dẫn 26-HD/BTCTW']);
  });

  it('the term runs from the day after the congress closes (Hướng dẫn 36-HD/VPTW, 3/4/2018)', () => {
    expect(ct35.termStartsAfter).toMatchObject({
      value: 'congress_closing',
      source: { document: 'Hướng dẫn 36-HD/VPTW', date: '2018-04-03' },
    });
  });
});
