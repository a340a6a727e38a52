import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords } from '../money/words.js';
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS_VI,
  BUDGET_MAX_AMOUNT,
  type BudgetLine,
  budgetLineAmount,
  budgetTotals,
  validateBudget,
  validateBudgetLine,
} from './budget.js';

const line = (overrides: Partial<BudgetLine> = {}): BudgetLine => ({
  category: 'documents_printing',
  description: 'In báo cáo chính trị',
  quantity: 300,
  unit: 'cuốn',
  unitPrice: 50_000,
  ...overrides,
});
const codes = (errors: { code: string }[]) => errors.map((error) => error.code);

// A provincial congress of 350 delegates over 4 days: 1.2 tỷ đồng.
const PROVINCIAL: BudgetLine[] = [
  line({ quantity: 400, unitPrice: 150_000 }), // 60 000 000
  line({
    category: 'venue_decoration',
    description: 'Thuê hội trường',
    quantity: 4,
    unit: 'ngày',
    unitPrice: 35_000_000,
  }), // 140 000 000
  line({
    category: 'venue_decoration',
    description: 'Khánh tiết, trang trí',
    quantity: 1,
    unit: 'trọn gói',
    unitPrice: 100_000_000,
  }),
  line({
    category: 'meals_accommodation',
    description: 'Ăn, nghỉ của đại biểu',
    quantity: 1400,
    unit: 'suất',
    unitPrice: 500_000,
  }), // 700 000 000
  line({
    category: 'stationery',
    description: 'Văn phòng phẩm',
    quantity: 350,
    unit: 'bộ',
    unitPrice: 100_000,
  }), // 35 000 000
  line({
    category: 'communication',
    description: 'Tuyên truyền trước đại hội',
    quantity: 1,
    unit: 'trọn gói',
    unitPrice: 115_000_000,
  }),
  line({ category: 'other', description: 'Dự phòng', quantity: 1, unit: 'trọn gói', unitPrice: 50_000_000 }),
];

describe('budgetTotals', () => {
  it('adds up an estimate by category and writes the total in words', () => {
    expect(budgetTotals(PROVINCIAL)).toEqual({
      lineAmounts: [60_000_000, 140_000_000, 100_000_000, 700_000_000, 35_000_000, 115_000_000, 50_000_000],
      byCategory: {
        documents_printing: 60_000_000,
        venue_decoration: 240_000_000,
        meals_accommodation: 700_000_000,
        stationery: 35_000_000,
        communication: 115_000_000,
        other: 50_000_000,
      },
      total: 1_200_000_000,
      totalInWords: 'Một tỷ hai trăm triệu đồng',
    });
  });

  it('gives every category, 0 where no line has it, and an empty estimate', () => {
    expect(budgetTotals([])).toEqual({
      lineAmounts: [],
      byCategory: Object.fromEntries(BUDGET_CATEGORIES.map((category) => [category, 0])),
      total: 0,
      totalInWords: 'Không đồng',
    });
  });

  it('takes the words options of amountInWords', () => {
    const totals = budgetTotals([line({ quantity: 1, unitPrice: 1_000_105 })], {
      zeroTens: 'lẻ',
      thousand: 'ngàn',
    });
    expect(totals.totalInWords).toBe('Một triệu một trăm lẻ năm đồng');
  });

  it('rounds a line with a decimal quantity to whole đồng, half up, line by line', () => {
    expect(budgetLineAmount(line({ quantity: 2.5, unitPrice: 33_333 }))).toBe(83_333); // 83 332,5
    expect(budgetLineAmount(line({ quantity: 0.01, unitPrice: 49 }))).toBe(0);
    expect(budgetLineAmount(line({ quantity: 0.01, unitPrice: 50 }))).toBe(1);
    expect(budgetLineAmount(line({ quantity: 1.15, unitPrice: 100 }))).toBe(115);
    const halves = [line({ quantity: 0.5, unitPrice: 1 }), line({ quantity: 0.5, unitPrice: 1 })];
    expect(budgetTotals(halves)).toMatchObject({ lineAmounts: [1, 1], total: 2 });
  });

  it('accepts a total of exactly 10^15 đồng and refuses one above, naming the amounts', () => {
    const half = line({ quantity: 1, unitPrice: BUDGET_MAX_AMOUNT / 2 });
    expect(budgetTotals([half, half]).totalInWords).toBe('Một triệu tỷ đồng');
    expect(() => budgetTotals([half, half, line({ quantity: 1, unitPrice: 1 })])).toThrow(
      'Tổng dự toán 1.000.000.000.000.001 đồng vượt quá mức tối đa 1.000.000.000.000.000 đồng.',
    );
  });

  it('refuses a bad line, naming it', () => {
    expect(() => budgetTotals([line(), line({ unitPrice: -1 })])).toThrow('Dòng 2: Đơn giá không được âm.');
    expect(() => budgetTotals([line({ quantity: 0 })])).toThrow('Dòng 1: Số lượng phải lớn hơn 0.');
    expect(() => budgetLineAmount(line({ unitPrice: 1.5 }))).toThrow(
      'Đơn giá phải là số nguyên đồng, không có phần lẻ.',
    );
  });

  const lineArb = fc.record({
    category: fc.constantFrom(...BUDGET_CATEGORIES),
    quantity: fc.integer({ min: 1, max: 1_000_000 }).map((hundredths) => hundredths / 100),
    unitPrice: fc.integer({ min: 0, max: 100_000_000 }),
  });

  it('makes the total the sum of the lines and of the categories, in words as amountInWords says', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), (lines) => {
        const totals = budgetTotals(lines);
        const sum = (amounts: readonly number[]) => amounts.reduce((a, b) => a + b, 0);
        expect(sum(totals.lineAmounts)).toBe(totals.total);
        expect(sum(Object.values(totals.byCategory))).toBe(totals.total);
        expect(totals.totalInWords).toBe(amountInWords(totals.total));
        for (const category of BUDGET_CATEGORIES) {
          const own = totals.lineAmounts.filter((_, i) => lines[i]?.category === category);
          expect(totals.byCategory[category]).toBe(sum(own));
        }
      }),
    );
  });

  it('rounds each line to within half a đồng of quantity × unit price, exactly for whole quantities', () => {
    fc.assert(
      fc.property(lineArb, (l) => {
        const amount = budgetLineAmount(l);
        expect(Number.isSafeInteger(amount)).toBe(true);
        // Exact in bigint: hundredths × price, against 100 × amount.
        const exact = BigInt(Math.round(l.quantity * 100)) * BigInt(l.unitPrice);
        const gap = BigInt(amount) * 100n - exact;
        expect(gap > -50n && gap <= 50n).toBe(true); // half up: .5 goes up
        if (Number.isInteger(l.quantity)) expect(amount).toBe(l.quantity * l.unitPrice);
      }),
    );
  });
});

describe('validateBudgetLine', () => {
  it('accepts a complete line, a decimal quantity and a free item', () => {
    expect(validateBudgetLine(line())).toEqual([]);
    expect(validateBudgetLine(line({ quantity: 2.5, unit: 'ngày' }))).toEqual([]);
    expect(validateBudgetLine(line({ unitPrice: 0, description: 'Hội trường do đơn vị tài trợ' }))).toEqual(
      [],
    );
  });

  it('refuses a negative or fractional unit price', () => {
    expect(validateBudgetLine(line({ unitPrice: -50_000 }))).toEqual([
      { field: 'unitPrice', code: 'BUDGET_UNIT_PRICE_NEGATIVE', message: 'Đơn giá không được âm.' },
    ]);
    expect(validateBudgetLine(line({ unitPrice: 50_000.5 }))).toEqual([
      {
        field: 'unitPrice',
        code: 'BUDGET_UNIT_PRICE_FRACTIONAL',
        message: 'Đơn giá phải là số nguyên đồng, không có phần lẻ.',
      },
    ]);
    expect(codes(validateBudgetLine(line({ unitPrice: Number.NaN })))).toEqual(['BUDGET_UNIT_PRICE_INVALID']);
  });

  it('refuses a zero or negative quantity and one with more than two decimals', () => {
    for (const quantity of [0, -1, -0.5]) {
      expect(validateBudgetLine(line({ quantity }))).toEqual([
        { field: 'quantity', code: 'BUDGET_QUANTITY_NOT_POSITIVE', message: 'Số lượng phải lớn hơn 0.' },
      ]);
    }
    const [precise] = validateBudgetLine(line({ quantity: 1.005 }));
    expect(precise).toMatchObject({ field: 'quantity', code: 'BUDGET_QUANTITY_TOO_PRECISE' });
    expect(precise?.message).toBe('Số lượng chỉ được có tối đa 2 chữ số thập phân (ví dụ 2,5 hoặc 0,25).');
    expect(codes(validateBudgetLine(line({ quantity: 1e12 })))).toEqual(['BUDGET_QUANTITY_TOO_LARGE']);
    expect(codes(validateBudgetLine(line({ quantity: Number.POSITIVE_INFINITY })))).toEqual([
      'BUDGET_QUANTITY_TOO_LARGE',
    ]);
  });

  it('refuses an empty description or unit and an unknown category', () => {
    const errors = validateBudgetLine(line({ description: '  ', unit: '', category: 'gifts' as 'other' }));
    expect(errors.map((error) => [error.field, error.message])).toEqual([
      ['category', 'Chưa chọn nhóm chi hợp lệ.'],
      ['description', 'Chưa có nội dung chi.'],
      ['unit', 'Chưa có đơn vị tính (ví dụ: cuốn, suất, ngày, trọn gói).'],
    ]);
  });

  it('refuses a unit price or a line amount above 10^15 đồng, and accepts one of exactly 10^15', () => {
    expect(validateBudgetLine(line({ quantity: 1, unitPrice: BUDGET_MAX_AMOUNT }))).toEqual([]);
    expect(validateBudgetLine(line({ quantity: 2, unitPrice: BUDGET_MAX_AMOUNT / 2 }))).toEqual([]);
    expect(validateBudgetLine(line({ quantity: 1, unitPrice: BUDGET_MAX_AMOUNT + 1 }))).toEqual([
      {
        field: 'unitPrice',
        code: 'BUDGET_AMOUNT_TOO_LARGE',
        message: 'Đơn giá vượt quá mức tối đa 1.000.000.000.000.000 đồng.',
      },
    ]);
    expect(validateBudgetLine(line({ quantity: 3, unitPrice: BUDGET_MAX_AMOUNT / 2 }))).toEqual([
      {
        code: 'BUDGET_AMOUNT_TOO_LARGE',
        message: 'Thành tiền của dòng vượt quá mức tối đa 1.000.000.000.000.000 đồng.',
      },
    ]);
    // 2^53 + 2 is a whole number of đồng in floating point but far above the limit.
    expect(codes(validateBudgetLine(line({ unitPrice: 2 ** 53 + 2 })))).toEqual(['BUDGET_AMOUNT_TOO_LARGE']);
  });

  it('survives a line that arrives as malformed JSON', () => {
    const junk = JSON.parse('{"quantity":"3","unitPrice":null}') as BudgetLine;
    expect(codes(validateBudgetLine(junk))).toEqual([
      'BUDGET_CATEGORY_INVALID',
      'BUDGET_DESCRIPTION_EMPTY',
      'BUDGET_UNIT_EMPTY',
      'BUDGET_QUANTITY_NOT_POSITIVE',
      'BUDGET_UNIT_PRICE_INVALID',
    ]);
  });

  it('agrees with budgetLineAmount: a line it accepts has an amount, one it refuses for money throws', () => {
    const anyNumber = fc.oneof(
      fc.double({ min: -1e16, max: 1e16, noNaN: true }),
      fc.integer({ min: -1000, max: 1_000_000 }),
      fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100),
    );
    fc.assert(
      fc.property(anyNumber, anyNumber, (quantity, unitPrice) => {
        const candidate = line({ quantity, unitPrice });
        const valid = validateBudgetLine(candidate).length === 0;
        if (valid) expect(budgetLineAmount(candidate)).toBeLessThanOrEqual(BUDGET_MAX_AMOUNT);
        else expect(() => budgetLineAmount(candidate)).toThrow(RangeError);
      }),
    );
  });
});

describe('validateBudget', () => {
  it('numbers the errors of each line', () => {
    const errors = validateBudget([line(), line({ unitPrice: -1, description: '' })]);
    expect(errors).toEqual([
      {
        line: 1,
        field: 'description',
        code: 'BUDGET_DESCRIPTION_EMPTY',
        message: 'Dòng 2: Chưa có nội dung chi.',
      },
      {
        line: 1,
        field: 'unitPrice',
        code: 'BUDGET_UNIT_PRICE_NEGATIVE',
        message: 'Dòng 2: Đơn giá không được âm.',
      },
    ]);
  });

  it('refuses a total above 10^15 đồng made of valid lines', () => {
    const big = line({ quantity: 1, unitPrice: 600_000_000_000_000 });
    expect(validateBudget([big])).toEqual([]);
    expect(validateBudget([big, big])).toEqual([
      {
        code: 'BUDGET_TOTAL_TOO_LARGE',
        message: 'Tổng dự toán 1.200.000.000.000.000 đồng vượt quá mức tối đa 1.000.000.000.000.000 đồng.',
      },
    ]);
    expect(validateBudget(PROVINCIAL)).toEqual([]);
  });

  it('labels every category in Vietnamese', () => {
    expect(Object.keys(BUDGET_CATEGORY_LABELS_VI)).toEqual([...BUDGET_CATEGORIES]);
    expect(BUDGET_CATEGORY_LABELS_VI.meals_accommodation).toBe('Ăn, nghỉ của đại biểu');
  });
});
