import { type AmountWordsOptions, amountInWords, formatAmountVi } from '../money/words.js';

/**
 * The congress budget estimate (dự toán kinh phí đại hội): lines of category, description, quantity,
 * unit and unit price, added up by category and in total, the total also in words for the estimate the
 * upper committee approves ("Một tỷ hai trăm triệu đồng"). Money is whole đồng (RULES.md §5).
 */

export const BUDGET_CATEGORIES = [
  'documents_printing',
  'venue_decoration',
  'meals_accommodation',
  'stationery',
  'communication',
  'other',
] as const;

export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const BUDGET_CATEGORY_LABELS_VI: Readonly<Record<BudgetCategory, string>> = {
  documents_printing: 'Văn kiện, in ấn tài liệu',
  venue_decoration: 'Hội trường, khánh tiết, trang trí',
  meals_accommodation: 'Ăn, nghỉ của đại biểu',
  stationery: 'Văn phòng phẩm',
  communication: 'Thông tin, tuyên truyền',
  other: 'Chi khác',
};

export function isBudgetCategory(value: string): value is BudgetCategory {
  return (BUDGET_CATEGORIES as readonly string[]).includes(value);
}

/**
 * The largest amount a line or the whole estimate may come to: 10^15 đồng ("một triệu tỷ"), inclusive.
 * Far above any congress, so it only stops typing errors; and below 2^53, so every allowed amount is an
 * exact JavaScript number and travels as JSON without bigint.
 */
export const BUDGET_MAX_AMOUNT = 1_000_000_000_000_000;

/**
 * Quantities may have up to two decimals (2,5 ngày; 0,25 ram giấy). The line amount is then rounded to
 * whole đồng, half up, line by line, so that the printed lines add up to the printed total.
 */
export const BUDGET_QUANTITY_DECIMALS = 2;

/**
 * The largest quantity of a line: a billion units, far above any congress, so that quantity × 100 stays
 * an exact integer.
 */
export const BUDGET_MAX_QUANTITY = 1_000_000_000;

export interface BudgetLine {
  readonly category: BudgetCategory;
  readonly description: string;
  readonly quantity: number;
  /** 'cuốn', 'suất', 'ngày', 'trọn gói'. */
  readonly unit: string;
  /** Whole đồng. */
  readonly unitPrice: number;
}

/** What the totals need of a line. */
export type BudgetAmountLine = Pick<BudgetLine, 'category' | 'quantity' | 'unitPrice'>;

export type BudgetErrorCode =
  | 'BUDGET_CATEGORY_INVALID'
  | 'BUDGET_DESCRIPTION_EMPTY'
  | 'BUDGET_UNIT_EMPTY'
  | 'BUDGET_QUANTITY_NOT_POSITIVE'
  | 'BUDGET_QUANTITY_TOO_PRECISE'
  | 'BUDGET_QUANTITY_TOO_LARGE'
  | 'BUDGET_UNIT_PRICE_INVALID'
  | 'BUDGET_UNIT_PRICE_NEGATIVE'
  | 'BUDGET_UNIT_PRICE_FRACTIONAL'
  | 'BUDGET_AMOUNT_TOO_LARGE'
  | 'BUDGET_TOTAL_TOO_LARGE';

export interface BudgetError {
  /** The line's position, from 0; absent for the total and for validateBudgetLine. */
  readonly line?: number;
  readonly field?: keyof BudgetLine;
  readonly code: BudgetErrorCode;
  readonly message: string;
}

const MAX = BigInt(BUDGET_MAX_AMOUNT);
const SCALE = 10 ** BUDGET_QUANTITY_DECIMALS;
const HALF = BigInt(SCALE / 2);
const MAX_TEXT = formatAmountVi(BUDGET_MAX_AMOUNT);
const QUANTITY_MAX_TEXT = formatAmountVi(BUDGET_MAX_QUANTITY).replace(/ đồng$/u, '');

type LineError = Omit<BudgetError, 'line'>;

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);

/** The quantity in hundredths: 2.5 → 250; null when it has more than two decimals. */
function quantityHundredths(quantity: number): number | null {
  const hundredths = Math.round(quantity * SCALE);
  return hundredths / SCALE === quantity ? hundredths : null;
}

/** Quantity × unit price in whole đồng, half up, computed in bigint so that no digit is lost. */
function lineAmount(hundredths: number, unitPrice: number): bigint {
  return (BigInt(hundredths) * BigInt(unitPrice) + HALF) / BigInt(SCALE);
}

function quantityError(quantity: unknown): LineError | null {
  const fail = (code: BudgetErrorCode, message: string): LineError => ({ field: 'quantity', code, message });
  if (!isNumber(quantity) || quantity <= 0)
    return fail('BUDGET_QUANTITY_NOT_POSITIVE', 'Số lượng phải lớn hơn 0.');
  if (quantity > BUDGET_MAX_QUANTITY)
    return fail('BUDGET_QUANTITY_TOO_LARGE', `Số lượng không được quá ${QUANTITY_MAX_TEXT}.`);
  if (quantityHundredths(quantity) === null) {
    return fail(
      'BUDGET_QUANTITY_TOO_PRECISE',
      `Số lượng chỉ được có tối đa ${BUDGET_QUANTITY_DECIMALS} chữ số thập phân (ví dụ 2,5 hoặc 0,25).`,
    );
  }
  return null;
}

function unitPriceError(unitPrice: unknown): LineError | null {
  const fail = (code: BudgetErrorCode, message: string): LineError => ({ field: 'unitPrice', code, message });
  if (!isNumber(unitPrice)) return fail('BUDGET_UNIT_PRICE_INVALID', 'Đơn giá phải là một số tiền.');
  if (unitPrice < 0) return fail('BUDGET_UNIT_PRICE_NEGATIVE', 'Đơn giá không được âm.');
  if (unitPrice > BUDGET_MAX_AMOUNT)
    return fail('BUDGET_AMOUNT_TOO_LARGE', `Đơn giá vượt quá mức tối đa ${MAX_TEXT}.`);
  if (!Number.isInteger(unitPrice))
    return fail('BUDGET_UNIT_PRICE_FRACTIONAL', 'Đơn giá phải là số nguyên đồng, không có phần lẻ.');
  return null;
}

function categoryError(category: unknown): LineError[] {
  return isBudgetCategory(String(category))
    ? []
    : [{ field: 'category', code: 'BUDGET_CATEGORY_INVALID', message: 'Chưa chọn nhóm chi hợp lệ.' }];
}

/** The errors of the quantity, the unit price and, when both are valid, their product. */
function amountErrors(line: Partial<BudgetAmountLine>): LineError[] {
  const errors = [quantityError(line.quantity), unitPriceError(line.unitPrice)].filter(
    (error) => error !== null,
  );
  if (errors.length === 0 && amountOf(line as BudgetAmountLine) > MAX) {
    errors.push({
      code: 'BUDGET_AMOUNT_TOO_LARGE',
      message: `Thành tiền của dòng vượt quá mức tối đa ${MAX_TEXT}.`,
    });
  }
  return errors;
}

/** The amount of a line whose quantity and unit price are valid. */
function amountOf(line: BudgetAmountLine): bigint {
  return lineAmount(quantityHundredths(line.quantity) ?? 0, line.unitPrice);
}

/**
 * What is wrong with one line, in Vietnamese, each error naming its field: an unknown category, an
 * empty description or unit, a quantity not above 0, above BUDGET_MAX_QUANTITY or with more than two
 * decimals, a unit price that is negative, fractional or above BUDGET_MAX_AMOUNT, and a line amount above
 * BUDGET_MAX_AMOUNT. Checks the shape at run time, since a line arrives as JSON. An empty list means the
 * line is valid.
 */
export function validateBudgetLine(line: BudgetLine): BudgetError[] {
  const input: Partial<BudgetLine> = line ?? {};
  const errors: LineError[] = [];
  if (isBlank(input.description))
    errors.push({ field: 'description', code: 'BUDGET_DESCRIPTION_EMPTY', message: 'Chưa có nội dung chi.' });
  if (isBlank(input.unit)) {
    errors.push({
      field: 'unit',
      code: 'BUDGET_UNIT_EMPTY',
      message: 'Chưa có đơn vị tính (ví dụ: cuốn, suất, ngày, trọn gói).',
    });
  }
  return [...categoryError(input.category), ...errors, ...amountErrors(input)];
}

function totalTooLarge(total: bigint): BudgetError {
  return {
    code: 'BUDGET_TOTAL_TOO_LARGE',
    message: `Tổng dự toán ${formatAmountVi(total)} vượt quá mức tối đa ${MAX_TEXT}.`,
  };
}

/**
 * The errors of every line, with its position and a message beginning "Dòng 3:" so that a list of them
 * reads on its own, and, when every line is valid, a total above BUDGET_MAX_AMOUNT.
 */
export function validateBudget(lines: readonly BudgetLine[]): BudgetError[] {
  const errors = lines.flatMap((line, index) =>
    validateBudgetLine(line).map((error) => ({
      ...error,
      line: index,
      message: `Dòng ${index + 1}: ${error.message}`,
    })),
  );
  if (errors.length > 0) return errors;
  const total = lines.reduce((sum, line) => sum + amountOf(line), 0n);
  return total > MAX ? [totalTooLarge(total)] : [];
}

function requireAmountLine(line: BudgetAmountLine, prefix: string): bigint {
  const input: Partial<BudgetAmountLine> = line ?? {};
  const [error] = [...categoryError(input.category), ...amountErrors(input)];
  if (error) throw new RangeError(`${prefix}${error.message}`);
  return amountOf(line);
}

/**
 * A line's amount: quantity × unit price, rounded half up to whole đồng. Throws RangeError
 * (Vietnamese) on a line validateBudgetLine refuses for its category, quantity or price.
 */
export function budgetLineAmount(line: BudgetAmountLine): number {
  return Number(requireAmountLine(line, ''));
}

export interface BudgetTotals {
  /** Each line's amount, in the lines' order. */
  readonly lineAmounts: readonly number[];
  /** Every category, 0 where no line has it. */
  readonly byCategory: Readonly<Record<BudgetCategory, number>>;
  readonly total: number;
  /** amountInWords(total): "Một tỷ hai trăm triệu đồng". */
  readonly totalInWords: string;
}

/**
 * The estimate's totals by category and overall, with the total in words. Amounts are whole đồng as
 * numbers, exact since none exceeds BUDGET_MAX_AMOUNT. Throws RangeError (Vietnamese, naming the line)
 * on a line with a bad category, quantity or price, and on a total above BUDGET_MAX_AMOUNT.
 */
export function budgetTotals(lines: readonly BudgetAmountLine[], words?: AmountWordsOptions): BudgetTotals {
  const amounts = lines.map((line, index) => requireAmountLine(line, `Dòng ${index + 1}: `));
  const byCategory = new Map<BudgetCategory, bigint>(BUDGET_CATEGORIES.map((category) => [category, 0n]));
  lines.forEach(({ category }, index) => {
    byCategory.set(category, (byCategory.get(category) ?? 0n) + (amounts[index] ?? 0n));
  });
  const total = amounts.reduce((sum, amount) => sum + amount, 0n);
  if (total > MAX) throw new RangeError(totalTooLarge(total).message);
  return {
    lineAmounts: amounts.map(Number),
    byCategory: Object.fromEntries(
      BUDGET_CATEGORIES.map((category) => [category, Number(byCategory.get(category) ?? 0n)]),
    ) as Record<BudgetCategory, number>,
    total: Number(total),
    totalInWords: amountInWords(total, words),
  };
}
