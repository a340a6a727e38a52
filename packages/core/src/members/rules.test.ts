import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageOn, compareIsoDates } from '../dates/dates.js';
import {
  AGE_BANDS,
  addMonths,
  ageBandOf,
  ageBandRange,
  MEMBER_RULES,
  MEMBER_STATUS_LABELS_VI,
  MEMBER_STATUSES,
  type MemberInput,
  memberWarnings,
  probationEndsOn,
  THEORY_LEVEL_LABELS_VI,
  THEORY_LEVELS,
  validateMember,
} from './rules.js';

const TODAY = '2025-06-15';
const valid: MemberInput = {
  fullName: 'Nguyễn Thị Lan',
  cardNumber: '12345678',
  gender: 'female',
  birthDate: '1980-03-02',
  admittedOn: '2005-05-19',
  fullMemberOn: '2006-05-19',
  status: 'full',
};

const codes = (input: MemberInput, today = TODAY) => validateMember(input, today).errors.map((e) => e.code);

// Day numbers of 1900-01-01 and 2100-12-31 relative to 1970-01-01.
const isoDay = fc.integer({ min: -25_567, max: 47_846 }).map((n) => addDays('1970-01-01', n));

describe('member labels', () => {
  it('labels every status and theory level in Vietnamese', () => {
    for (const status of MEMBER_STATUSES) expect(MEMBER_STATUS_LABELS_VI[status]).toMatch(/\p{L}/u);
    for (const level of THEORY_LEVELS) expect(THEORY_LEVEL_LABELS_VI[level]).toMatch(/\p{L}/u);
    expect(THEORY_LEVEL_LABELS_VI.cao_cap).toBe('Cao cấp');
  });
});

describe('MEMBER_RULES', () => {
  it('admits from 18 years of age — Điều lệ Đảng (2011), Điều 1', () => {
    expect(MEMBER_RULES.minimumAdmissionAge).toEqual({ value: 18, source: 'Điều lệ Đảng (2011), Điều 1' });
  });

  it('sets probation at 12 months — Điều lệ Đảng (2011), Điều 5', () => {
    expect(MEMBER_RULES.probationMonths).toEqual({ value: 12, source: 'Điều lệ Đảng (2011), Điều 5' });
    expect(probationEndsOn('2024-03-03')).toBe('2025-03-03');
  });
});

describe('validateMember', () => {
  it('accepts a complete, consistent record', () => {
    expect(validateMember(valid, TODAY)).toEqual({ errors: [], warnings: [] });
    expect(codes({ ...valid, cardNumber: undefined })).toEqual([]);
    expect(codes({ ...valid, cardNumber: null })).toEqual([]);
  });

  it('refuses admission before 18, naming Điều lệ Đảng, Điều 1', () => {
    const result = validateMember({ ...valid, birthDate: '1987-05-20', admittedOn: '2005-05-19' }, TODAY);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ field: 'admittedOn', code: 'MEMBER_TOO_YOUNG_AT_ADMISSION' });
    expect(result.errors[0]?.message).toContain('Điều lệ Đảng (2011), Điều 1');
    expect(result.errors[0]?.message).toContain('17 tuổi');
    // On the 18th birthday itself, admission is allowed.
    expect(codes({ ...valid, birthDate: '1987-05-19', admittedOn: '2005-05-19' })).toEqual([]);
  });

  it('refuses an admission date before the birth date', () => {
    expect(codes({ ...valid, birthDate: '2006-01-01', admittedOn: '2005-05-19' })).toEqual([
      'MEMBER_TOO_YOUNG_AT_ADMISSION',
    ]);
  });

  it('requires the full-member date after the admission date', () => {
    const result = validateMember({ ...valid, fullMemberOn: '2005-05-19' }, TODAY);
    expect(result.errors).toEqual([
      expect.objectContaining({ field: 'fullMemberOn', code: 'MEMBER_FULL_BEFORE_ADMISSION' }),
    ]);
    expect(result.errors[0]?.message).toContain('19/05/2005');
    expect(codes({ ...valid, fullMemberOn: '2004-01-01' })).toEqual(['MEMBER_FULL_BEFORE_ADMISSION']);
  });

  it('refuses future dates, each naming its field', () => {
    const result = validateMember({ ...valid, admittedOn: '2025-06-16', fullMemberOn: '2026-01-01' }, TODAY);
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['admittedOn', 'MEMBER_DATE_IN_FUTURE'],
      ['fullMemberOn', 'MEMBER_DATE_IN_FUTURE'],
    ]);
    expect(result.errors[0]?.message).toBe(
      'Ngày vào Đảng (16/06/2025) không được sau ngày hôm nay (15/06/2025).',
    );
    expect(codes({ ...valid, birthDate: '2030-01-01' })).toContain('MEMBER_DATE_IN_FUTURE');
    // Today itself is not in the future.
    expect(codes({ ...valid, status: 'probationary', fullMemberOn: null, admittedOn: TODAY })).toEqual([]);
  });

  it('requires a full-member date for a full member only', () => {
    expect(validateMember({ ...valid, fullMemberOn: undefined }, TODAY).errors).toEqual([
      expect.objectContaining({ field: 'fullMemberOn', code: 'MEMBER_FULL_DATE_REQUIRED' }),
    ]);
    expect(codes({ ...valid, status: 'probationary', fullMemberOn: null, admittedOn: '2025-01-01' })).toEqual(
      [],
    );
    expect(codes({ ...valid, status: 'deceased', fullMemberOn: null })).toEqual([]);
  });

  it('checks the card number: digits, 6 to 12 of them', () => {
    for (const card of ['12345', '1234567890123', '12a456', ' 123456', '12-3456']) {
      expect(codes({ ...valid, cardNumber: card })).toEqual(['MEMBER_CARD_INVALID']);
    }
    for (const card of ['123456', '012345678901']) expect(codes({ ...valid, cardNumber: card })).toEqual([]);
    expect(validateMember({ ...valid, cardNumber: 'x' }, TODAY).errors[0]?.message).toBe(
      'Số thẻ đảng viên chỉ gồm chữ số, từ 6 đến 12 chữ số.',
    );
  });

  it('checks the name: 2 to 100 characters with letters', () => {
    for (const fullName of ['', ' ', 'A', '12345', '---', 'Â'.repeat(101)]) {
      expect(codes({ ...valid, fullName })).toEqual(['MEMBER_NAME_INVALID']);
    }
    for (const fullName of ['Lê A', 'Đỗ', 'Â'.repeat(100)]) expect(codes({ ...valid, fullName })).toEqual([]);
  });

  it('reports unknown gender and status, and dates that are not real dates', () => {
    expect(codes({ ...valid, gender: 'x' })).toEqual(['MEMBER_GENDER_INVALID']);
    expect(codes({ ...valid, status: 'x' })).toEqual(['MEMBER_STATUS_INVALID']);
    const result = validateMember({ ...valid, birthDate: '1980-02-30' }, TODAY);
    expect(result.errors).toEqual([
      expect.objectContaining({ field: 'birthDate', code: 'MEMBER_DATE_INVALID' }),
    ]);
    expect(codes({ ...valid, admittedOn: '' })).toEqual(['MEMBER_DATE_INVALID']);
  });

  it('writes every message in Vietnamese', () => {
    const result = validateMember(
      {
        fullName: '',
        cardNumber: 'x',
        gender: 'x',
        birthDate: '2030-01-01',
        admittedOn: 'x',
        status: 'full',
      },
      TODAY,
    );
    expect(result.errors.length).toBeGreaterThanOrEqual(5);
    for (const error of result.errors)
      expect(error.message).toMatch(/[ạảãàáâầấậẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/u);
  });

  it('warns when probation is overdue — Điều lệ Đảng (2011), Điều 5', () => {
    const probationary = { ...valid, status: 'probationary', fullMemberOn: null };
    expect(validateMember({ ...probationary, admittedOn: '2024-06-15' }, TODAY).warnings).toEqual([]);
    const { warnings } = validateMember({ ...probationary, admittedOn: '2024-06-14' }, TODAY);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('PROBATION_OVERDUE');
    expect(warnings[0]?.message).toContain('Điều lệ Đảng (2011), Điều 5');
    expect(memberWarnings({ status: 'full', admittedOn: '2000-01-01' }, TODAY)).toEqual([]);
  });

  it('never throws, and a record it accepts satisfies every rule (property)', () => {
    fc.assert(
      fc.property(
        isoDay,
        isoDay,
        fc.option(isoDay),
        fc.constantFrom(...MEMBER_STATUSES),
        (birth, admitted, full, status) => {
          const result = validateMember(
            { ...valid, birthDate: birth, admittedOn: admitted, fullMemberOn: full, status },
            TODAY,
          );
          if (result.errors.length > 0) return;
          expect(compareIsoDates(admitted, TODAY)).toBeLessThanOrEqual(0);
          expect(ageOn(birth, admitted)).toBeGreaterThanOrEqual(18);
          if (full !== null) expect(compareIsoDates(full, admitted)).toBe(1);
          if (status === 'full') expect(full).not.toBeNull();
        },
      ),
    );
  });
});

describe('addMonths', () => {
  it('keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });
});

describe('age bands', () => {
  it('bands ages on the business date', () => {
    expect(ageBandOf('1995-06-16', TODAY)).toBe('under_30');
    expect(ageBandOf('1995-06-15', TODAY)).toBe('30_39');
    expect(ageBandOf('1985-06-16', TODAY)).toBe('30_39');
    expect(ageBandOf('1965-06-15', TODAY)).toBe('60_plus');
    expect(ageBandRange('under_30', TODAY)).toEqual({ bornAfter: '1995-06-15' });
    expect(ageBandRange('30_39', TODAY)).toEqual({ bornAfter: '1985-06-15', bornOnOrBefore: '1995-06-15' });
    expect(ageBandRange('60_plus', TODAY)).toEqual({ bornOnOrBefore: '1965-06-15' });
  });

  it('ageBandRange selects exactly the birth dates ageBandOf puts in the band (property)', () => {
    const today = fc.integer({ min: 0, max: 30_000 }).map((n) => addDays('1970-01-01', n));
    fc.assert(
      fc.property(today, fc.integer({ min: 0, max: 40_000 }), (on, daysOld) => {
        const birth = addDays(on, -daysOld);
        for (const band of AGE_BANDS) {
          const { bornAfter, bornOnOrBefore } = ageBandRange(band, on);
          const inRange =
            (bornAfter === undefined || compareIsoDates(birth, bornAfter) > 0) &&
            (bornOnOrBefore === undefined || compareIsoDates(birth, bornOnOrBefore) <= 0);
          expect(inRange).toBe(ageBandOf(birth, on) === band);
        }
      }),
    );
  });

  it('handles 29 February on both sides', () => {
    expect(ageBandRange('30_39', '2024-02-29')).toEqual({
      bornAfter: '1984-02-29',
      bornOnOrBefore: '1994-02-28',
    });
    expect(ageBandOf('1994-02-28', '2024-02-29')).toBe('30_39');
    expect(ageBandOf('1994-03-01', '2024-02-29')).toBe('under_30');
  });
});
