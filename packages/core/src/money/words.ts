/**
 * Amounts in đồng, as integers (RULES.md §5): grouped with dots for tables, and in words for receipts,
 * budget estimates and minutes ("Một tỷ hai trăm triệu đồng").
 */

export interface AmountWordsOptions {
  /** The word for an empty tens place: 'linh' (northern, the default) or 'lẻ' (southern): "một trăm linh năm". */
  readonly zeroTens?: 'linh' | 'lẻ';
  /** A units 4 after "mươi": "hai mươi bốn" (default) or "hai mươi tư". */
  readonly four?: 'bốn' | 'tư';
  /** 'nghìn' (default) or 'ngàn'. */
  readonly thousand?: 'nghìn' | 'ngàn';
}

interface Words {
  readonly zeroTens: string;
  readonly four: string;
  readonly thousand: string;
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const BILLION = 1_000_000_000n;

const digit = (d: number) => DIGITS[d] ?? '';

function wordsOf(options: AmountWordsOptions | undefined): Words {
  return {
    zeroTens: options?.zeroTens === 'lẻ' ? 'lẻ' : 'linh',
    four: options?.four === 'tư' ? 'tư' : 'bốn',
    thousand: options?.thousand === 'ngàn' ? 'ngàn' : 'nghìn',
  };
}

/** The units digit after a tens word: "mốt" and "tư" only after "mươi", "lăm" after any tens. */
function unitsAfterTens(tens: number, units: number, words: Words): string {
  if (units === 1 && tens >= 2) return 'mốt';
  if (units === 4 && tens >= 2) return words.four;
  if (units === 5) return 'lăm';
  return digit(units);
}

/**
 * One group of three digits, 1–999. `full` for a group after a higher non-empty one, which reads its
 * empty hundreds as "không trăm" (1001: "một nghìn không trăm linh một").
 */
function groupWords(n: number, full: boolean, words: Words): string[] {
  const [hundreds, tens, units] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const out = full || hundreds > 0 ? [digit(hundreds), 'trăm'] : [];
  if (tens === 0) {
    if (units > 0 && out.length > 0) out.push(words.zeroTens);
    if (units > 0) out.push(digit(units));
  } else {
    out.push(...(tens === 1 ? ['mười'] : [digit(tens), 'mươi']));
    if (units > 0) out.push(unitsAfterTens(tens, units, words));
  }
  return out;
}

/** 1 to 999 999 999 as millions, thousands and units; empty groups say nothing. */
function belowBillion(n: number, leading: boolean, words: Words): string[] {
  const groups: [number, string][] = [
    [Math.floor(n / 1_000_000), 'triệu'],
    [Math.floor(n / 1000) % 1000, words.thousand],
    [n % 1000, ''],
  ];
  const out: string[] = [];
  for (const [group, unit] of groups) {
    if (group === 0) continue;
    out.push(...groupWords(group, !leading || out.length > 0, words), ...(unit ? [unit] : []));
  }
  return out;
}

/**
 * Any positive amount: what stands before the last "tỷ" is itself an amount, so 10^12 is "một nghìn tỷ",
 * 10^15 "một triệu tỷ" and 10^18 "một tỷ tỷ".
 */
function amountWords(n: bigint, leading: boolean, words: Words): string[] {
  if (n < BILLION) return belowBillion(Number(n), leading, words);
  const rest = n % BILLION;
  const high = [...amountWords(n / BILLION, leading, words), 'tỷ'];
  return rest === 0n ? high : [...high, ...belowBillion(Number(rest), false, words)];
}

function requireAmount(amount: number | bigint): bigint {
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) throw new RangeError(`Số tiền không phải là một số hữu hạn: ${amount}.`);
    if (!Number.isInteger(amount))
      throw new RangeError(`Số tiền phải là số nguyên đồng, không có phần lẻ: ${amount}.`);
    if (!Number.isSafeInteger(amount))
      throw new RangeError(`Số tiền ${amount} vượt quá độ chính xác của kiểu number; hãy dùng bigint.`);
  }
  const value = BigInt(amount);
  if (value < 0n) throw new RangeError(`Số tiền không được âm: ${amount}.`);
  return value;
}

/**
 * The amount in words as written on receipts: 105 → "Một trăm linh năm đồng", 1_000_005 → "Một triệu
 * không trăm linh năm đồng". Numbers must be safe integers; larger amounts go as bigint. Throws
 * RangeError (Vietnamese message) on negative, fractional, non-finite or unsafe amounts.
 */
export function amountInWords(amount: number | bigint, options?: AmountWordsOptions): string {
  const value = requireAmount(amount);
  const text = value === 0n ? 'không' : amountWords(value, true, wordsOf(options)).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} đồng`;
}

/** 1_200_000_000 → "1.200.000.000 đồng": dots between groups of three (RULES.md §5). */
export function formatAmountVi(amount: number | bigint): string {
  const digits = requireAmount(amount).toString();
  return `${digits.replace(/\B(?=(\d{3})+$)/gu, '.')} đồng`;
}
