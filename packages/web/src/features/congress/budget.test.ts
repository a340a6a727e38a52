import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import {
  type BudgetRow,
  canSubmitBudget,
  canSubmitKind,
  categoriesInUse,
  checkRows,
  emptyRow,
  formatPrice,
  formatPriceInput,
  formatQuantity,
  isBlankRow,
  isEditableStatus,
  latestByKind,
  linesToSend,
  liveTotals,
  normalizeQuantityInput,
  openReturns,
  parseViNumber,
  pathToCell,
  rowOfLine,
  sameAsStored,
  serverIssues,
  serverIssuesByRow,
  sortSubmissions,
  withoutCell,
} from './budget';
import type { CongressSubmission } from './budgetApi';

const row = (key: string, over: Partial<BudgetRow> = {}): BudgetRow => ({
  key,
  category: 'documents_printing',
  description: 'In báo cáo chính trị',
  quantity: '200',
  unit: 'cuốn',
  unitPrice: '45.000',
  ...over,
});

describe('parseViNumber', () => {
  it('reads dots as thousands and a comma as the decimal point', () => {
    expect(parseViNumber('1.200.000')).toBe(1_200_000);
    expect(parseViNumber('1.200.000.000 đồng')).toBe(1_200_000_000);
    expect(parseViNumber('2,5')).toBe(2.5);
    expect(parseViNumber('1.234,75')).toBe(1234.75);
    expect(parseViNumber(' 45 000 ')).toBe(45_000);
    expect(parseViNumber('1500')).toBe(1500);
  });

  it('takes a dot before one or two digits as a decimal point', () => {
    expect(parseViNumber('2.5')).toBe(2.5);
    expect(parseViNumber('0.25')).toBe(0.25);
    expect(parseViNumber('1.500')).toBe(1500);
  });

  it('keeps the sign and refuses what is not a number', () => {
    expect(parseViNumber('-5')).toBe(-5);
    expect(parseViNumber('')).toBeNaN();
    expect(parseViNumber('   ')).toBeNaN();
    expect(parseViNumber('abc')).toBeNaN();
    expect(parseViNumber('1.2345')).toBeNaN();
    expect(parseViNumber('12.34,5')).toBeNaN();
    expect(parseViNumber('1,2,3')).toBeNaN();
    expect(parseViNumber(undefined)).toBeNaN();
  });
});

describe('price and quantity text', () => {
  it('regroups the price as it is typed', () => {
    expect(formatPriceInput('1200000')).toBe('1.200.000');
    expect(formatPriceInput('1.200.0001')).toBe('12.000.001');
    expect(formatPriceInput('00450')).toBe('450');
    expect(formatPriceInput('')).toBe('');
  });

  it('leaves a price it cannot regroup as typed, for the checks to refuse', () => {
    expect(formatPriceInput('1.200,5')).toBe('1.200,5');
    expect(formatPriceInput('-5')).toBe('-5');
  });

  it('writes prices and quantities the Vietnamese way', () => {
    expect(formatPrice(1_200_000_000)).toBe('1.200.000.000');
    expect(formatPrice(0)).toBe('0');
    expect(formatQuantity(2.5)).toBe('2,5');
    expect(formatQuantity(0.25)).toBe('0,25');
    expect(formatQuantity(1500)).toBe('1.500');
    expect(normalizeQuantityInput('2.5')).toBe('2,5');
    expect(normalizeQuantityInput('abc')).toBe('abc');
  });
});

describe('rows', () => {
  it('are made from stored lines and back', () => {
    const stored = {
      category: 'meals_accommodation',
      description: 'Ăn trưa đại biểu',
      quantity: 2.5,
      unit: 'suất',
      unitPrice: 150_000,
    };
    const r = rowOfLine(stored, 'a');
    expect(r).toEqual({ key: 'a', ...stored, quantity: '2,5', unitPrice: '150.000' });
    expect(linesToSend([r]).lines).toEqual([stored]);
    expect(sameAsStored([r], [stored])).toBe(true);
    expect(sameAsStored([{ ...r, unitPrice: '150.001' }], [stored])).toBe(false);
  });

  it('drops an unknown category to the empty choice', () => {
    expect(
      rowOfLine({ category: 'bogus', description: 'x', quantity: 1, unit: 'c', unitPrice: 1 }, 'a').category,
    ).toBe('');
  });

  it('leaves blank rows out of what is sent, keeping which row each line came from', () => {
    const rows = [row('a'), emptyRow('b', row('a')), row('c', { description: 'Hoa' })];
    expect(isBlankRow(rows[1]!)).toBe(true);
    expect(rows[1]!.category).toBe('documents_printing');
    const { lines, keys } = linesToSend(rows);
    expect(keys).toEqual(['a', 'c']);
    expect(lines[1]).toMatchObject({ description: 'Hoa', quantity: 200, unitPrice: 45_000 });
  });

  it('trims text and leaves unreadable numbers as NaN', () => {
    const [line] = linesToSend([row('a', { description: '  In  ', quantity: 'x', unitPrice: '' })]).lines;
    expect(line!.description).toBe('In');
    expect(line!.quantity).toBeNaN();
    expect(line!.unitPrice).toBeNaN();
  });
});

describe('checkRows', () => {
  it('passes valid rows and skips blank ones', () => {
    expect(checkRows([row('a'), emptyRow('b')])).toEqual({ byRow: {}, total: null, count: 0 });
  });

  it('puts core’s errors beside their cells', () => {
    const check = checkRows([
      row('a', { category: '', description: ' ', quantity: '1,255', unitPrice: '1.200,5' }),
      row('b'),
    ]);
    expect(check.byRow.a?.category?.code).toBe('BUDGET_CATEGORY_INVALID');
    expect(check.byRow.a?.description?.code).toBe('BUDGET_DESCRIPTION_EMPTY');
    expect(check.byRow.a?.quantity?.code).toBe('BUDGET_QUANTITY_TOO_PRECISE');
    expect(check.byRow.a?.unitPrice?.code).toBe('BUDGET_UNIT_PRICE_FRACTIONAL');
    expect(check.byRow.b).toBeUndefined();
    expect(check.count).toBe(4);
  });

  it('puts a line total above the maximum on the amount, and the estimate’s on the total', () => {
    const line = checkRows([row('a', { quantity: '2', unitPrice: '900.000.000.000.000' })]);
    expect(line.byRow.a?.amount?.code).toBe('BUDGET_AMOUNT_TOO_LARGE');
    const total = checkRows([
      row('a', { quantity: '1', unitPrice: '600.000.000.000.000' }),
      row('b', { quantity: '1', unitPrice: '600.000.000.000.000' }),
    ]);
    expect(total.byRow).toEqual({});
    expect(total.total?.code).toBe('BUDGET_TOTAL_TOO_LARGE');
    expect(total.count).toBe(1);
  });
});

describe('liveTotals', () => {
  it('adds up by category with core’s rounding and writes the total in words', () => {
    const totals = liveTotals([
      row('a', { quantity: '200', unitPrice: '45.000' }),
      row('b', { category: 'meals_accommodation', quantity: '2,5', unitPrice: '333' }),
      row('c', { category: 'documents_printing', quantity: '1', unitPrice: '1.000' }),
    ]);
    expect(totals.amounts).toEqual({ a: 9_000_000, b: 833, c: 1_000 });
    expect(totals.byCategory.documents_printing).toBe(9_001_000);
    expect(totals.byCategory.meals_accommodation).toBe(833);
    expect(totals.byCategory.other).toBe(0);
    expect(totals.total).toBe(9_001_833);
    expect(totals.totalInWords).toMatch(/^Chín triệu .* đồng$/);
    expect(totals.pending).toBe(0);
  });

  it('waits for rows without a valid category, quantity or price, but not for a missing description', () => {
    const totals = liveTotals([
      row('a', { description: '', unit: '' }),
      row('b', { quantity: '' }),
      row('c', { category: '' }),
      emptyRow('d'),
    ]);
    expect(totals.amounts).toEqual({ a: 9_000_000, b: null, c: null, d: null });
    expect(totals.total).toBe(9_000_000);
    expect(totals.pending).toBe(2);
  });

  it('gives no total above the maximum, yet each line its amount', () => {
    const totals = liveTotals([
      row('a', { quantity: '1', unitPrice: '600.000.000.000.000' }),
      row('b', { quantity: '1', unitPrice: '600.000.000.000.000' }),
    ]);
    expect(totals.total).toBeNull();
    expect(totals.totalInWords).toBeNull();
    expect(totals.amounts.a).toBe(600_000_000_000_000);
    expect(totals.byCategory.documents_printing).toBe(1_200_000_000_000_000);
  });

  it('is zero for no line', () => {
    const totals = liveTotals([]);
    expect(totals.total).toBe(0);
    expect(totals.totalInWords).toBe('Không đồng');
  });

  it('lists the categories in use in core’s order', () => {
    expect(
      categoriesInUse([
        row('a', { category: 'other' }),
        row('b'),
        emptyRow('c', row('x', { category: 'stationery' })),
      ]),
    ).toEqual(['documents_printing', 'other']);
  });
});

describe('server errors', () => {
  it('map detail paths to line and cell', () => {
    expect(pathToCell('body.lines.3.unitPrice')).toEqual({ line: 3, cell: 'unitPrice' });
    expect(pathToCell(['body', 'lines', 0, 'description'])).toEqual({ line: 0, cell: 'description' });
    expect(pathToCell('body.lines.2')).toEqual({ line: 2, cell: 'amount' });
    expect(pathToCell('body.lines.2.amount')).toEqual({ line: 2, cell: 'amount' });
    expect(pathToCell('body.lines')).toEqual({ line: null, cell: null });
    expect(pathToCell('body.version')).toBeNull();
    expect(pathToCell(undefined)).toBeNull();
  });

  const refusal = new ApiError(400, 'CONGRESS_BUDGET_INVALID', 'Dự toán kinh phí có dòng chưa hợp lệ.', [
    {
      path: 'body.lines.1.quantity',
      code: 'BUDGET_QUANTITY_NOT_POSITIVE',
      message: 'Dòng 2: Số lượng phải lớn hơn 0.',
    },
    { path: 'body.lines.0.unit', code: 'BUDGET_UNIT_EMPTY', message: 'Dòng 1: Chưa có đơn vị tính.' },
    { path: 'body.lines', code: 'BUDGET_TOTAL_TOO_LARGE', message: 'Tổng dự toán vượt quá.' },
    { path: 'body.lines.0.description', message: 'Too long' },
  ]);

  it('are read from the refusal', () => {
    expect(serverIssues(refusal)).toEqual([
      {
        line: 1,
        cell: 'quantity',
        code: 'BUDGET_QUANTITY_NOT_POSITIVE',
        message: 'Dòng 2: Số lượng phải lớn hơn 0.',
      },
      { line: 0, cell: 'unit', code: 'BUDGET_UNIT_EMPTY', message: 'Dòng 1: Chưa có đơn vị tính.' },
      { line: null, cell: null, code: 'BUDGET_TOTAL_TOO_LARGE', message: 'Tổng dự toán vượt quá.' },
      { line: 0, cell: 'description', code: 'CONGRESS_BUDGET_INVALID', message: 'Too long' },
    ]);
    expect(serverIssues(new Error('x'))).toEqual([]);
    expect(serverIssues(new ApiError(409, 'VERSION_CONFLICT', 'm', { currentVersion: 3 }))).toEqual([]);
  });

  it('land on the rows that were sent (blank rows were not)', () => {
    const { byRow, general } = serverIssuesByRow(refusal, ['a', 'c']);
    expect(byRow.c?.quantity?.code).toBe('BUDGET_QUANTITY_NOT_POSITIVE');
    expect(byRow.a?.unit?.code).toBe('BUDGET_UNIT_EMPTY');
    expect(byRow.a?.description?.message).toBe('Too long');
    expect(general).toEqual([{ code: 'BUDGET_TOTAL_TOO_LARGE', message: 'Tổng dự toán vượt quá.' }]);
  });

  it('of a line beyond the rows sent go with the general ones', () => {
    expect(serverIssuesByRow(refusal, ['a']).general).toHaveLength(2);
  });

  it('leave a cell once it is edited, the amount with the numbers', () => {
    const issues = {
      a: {
        quantity: { code: 'Q', message: 'q' },
        amount: { code: 'A', message: 'a' },
        unit: { code: 'U', message: 'u' },
      },
    };
    expect(withoutCell(issues, 'a', 'quantity')).toEqual({ a: { unit: { code: 'U', message: 'u' } } });
    expect(withoutCell(issues, 'a', 'unit').a).toHaveProperty('amount');
    expect(withoutCell(issues, 'z', 'unit')).toBe(issues);
  });
});

describe('statuses', () => {
  it('lets a draft or a returned budget be edited', () => {
    expect(isEditableStatus('draft')).toBe(true);
    expect(isEditableStatus('returned')).toBe(true);
    expect(isEditableStatus('submitted')).toBe(false);
    expect(isEditableStatus('approved')).toBe(false);
    expect(isEditableStatus(undefined)).toBe(false);
  });

  it('sends a budget only as a saved draft or returned version with lines', () => {
    expect(canSubmitBudget({ status: 'draft', lines: [{}] })).toBe(true);
    expect(canSubmitBudget({ status: 'returned', lines: [{}] })).toBe(true);
    expect(canSubmitBudget({ status: 'draft', lines: [] })).toBe(false);
    expect(canSubmitBudget({ status: 'approved', lines: [{}] })).toBe(false);
    expect(canSubmitBudget(null)).toBe(false);
  });
});

describe('submissions', () => {
  const round = (
    id: string,
    kind: string,
    n: number,
    status: CongressSubmission['status'],
    submittedAt: string,
  ): CongressSubmission => ({
    id,
    kind,
    round: n,
    status,
    budgetId: null,
    note: null,
    submittedAt,
    submittedBy: null,
    decidedAt: status === 'submitted' ? null : submittedAt,
    decidedBy: null,
    comment: status === 'returned' ? 'Bổ sung' : null,
  });
  const all = [
    round('p1', 'plan', 1, 'returned', '2020-03-01T02:00:00.000Z'),
    round('b1', 'budget', 1, 'returned', '2020-03-02T02:00:00.000Z'),
    round('p2', 'plan', 2, 'submitted', '2020-03-05T02:00:00.000Z'),
    round('d1', 'congress_date', 1, 'approved', '2020-03-05T02:00:00.000Z'),
  ];

  it('know each kind’s newest round', () => {
    const latest = latestByKind(all);
    expect(latest.plan?.id).toBe('p2');
    expect(latest.budget?.id).toBe('b1');
    expect(latest.personnel).toBeUndefined();
  });

  it('may be sent again unless the newest round waits', () => {
    expect(canSubmitKind(all, 'plan')).toBe(false);
    expect(canSubmitKind(all, 'budget')).toBe(true);
    expect(canSubmitKind(all, 'personnel')).toBe(true);
    expect(canSubmitKind(all, 'congress_date')).toBe(true);
  });

  it('show only the returns still to answer', () => {
    expect(openReturns(all).map((s) => s.id)).toEqual(['b1']);
  });

  it('list newest first', () => {
    expect(sortSubmissions(all).map((s) => s.id)).toEqual(['p2', 'd1', 'b1', 'p1']);
  });
});
