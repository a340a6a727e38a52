import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AmountWordsOptions, amountInWords, formatAmountVi } from './words.js';

// Reverse reader, built from the reading rules rather than from the implementation: the part before the
// last "tỷ" is an amount of its own, and below a billion "triệu" and "nghìn" close their groups.
const DIGIT_VALUES = new Map([
  ['không', 0],
  ['một', 1],
  ['mốt', 1],
  ['hai', 2],
  ['ba', 3],
  ['bốn', 4],
  ['tư', 4],
  ['năm', 5],
  ['lăm', 5],
  ['sáu', 6],
  ['bảy', 7],
  ['tám', 8],
  ['chín', 9],
]);

function readGroup(tokens: readonly string[]): bigint {
  let value = 0;
  let pending = 0;
  for (const token of tokens) {
    if (token === 'trăm' || token === 'mươi') {
      value += pending * (token === 'trăm' ? 100 : 10);
      pending = 0;
    } else if (token === 'mười') value += 10;
    else if (token !== 'linh' && token !== 'lẻ') {
      const digit = DIGIT_VALUES.get(token);
      if (digit === undefined) throw new Error(`unknown word ${JSON.stringify(token)}`);
      pending = digit;
    }
  }
  return BigInt(value + pending);
}

function readBelowBillion(tokens: readonly string[]): bigint {
  let value = 0n;
  let rest = tokens;
  for (const [word, scale] of [
    ['triệu', 1_000_000n],
    ['nghìn', 1000n],
    ['ngàn', 1000n],
  ] as const) {
    const at = rest.indexOf(word);
    if (at < 0) continue;
    value += readGroup(rest.slice(0, at)) * scale;
    rest = rest.slice(at + 1);
  }
  return value + readGroup(rest);
}

function readAmount(tokens: readonly string[]): bigint {
  const at = tokens.lastIndexOf('tỷ');
  if (at < 0) return readBelowBillion(tokens);
  return readAmount(tokens.slice(0, at)) * 1_000_000_000n + readBelowBillion(tokens.slice(at + 1));
}

function wordsToAmount(text: string): bigint {
  if (!text.endsWith(' đồng')) throw new Error(`no " đồng": ${text}`);
  return readAmount(text.slice(0, -' đồng'.length).toLowerCase().split(' '));
}

const wordsOf = (text: string) => text.slice(0, -' đồng'.length).toLowerCase().split(' ');

// Amounts in [0, 10^15], many with runs of zeros so that empty groups and tens come up often.
const sparseAmount = fc
  .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 15 })
  .map((digits) => BigInt(digits.join('')));
const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 15n }),
  sparseAmount,
  fc.bigInt({ min: 0n, max: 2000n }),
  fc.constant(10n ** 15n),
);
const options: fc.Arbitrary<AmountWordsOptions> = fc.record(
  {
    zeroTens: fc.constantFrom('linh', 'lẻ'),
    four: fc.constantFrom('bốn', 'tư'),
    thousand: fc.constantFrom('nghìn', 'ngàn'),
  },
  { requiredKeys: [] },
);

describe('amountInWords', () => {
  it('reads the amounts of RULES.md §5', () => {
    const cases: [number | bigint, string][] = [
      [0, 'Không đồng'],
      [5, 'Năm đồng'],
      [10, 'Mười đồng'],
      [11, 'Mười một đồng'],
      [15, 'Mười lăm đồng'],
      [21, 'Hai mươi mốt đồng'],
      [24, 'Hai mươi bốn đồng'],
      [25, 'Hai mươi lăm đồng'],
      [105, 'Một trăm linh năm đồng'],
      [110, 'Một trăm mười đồng'],
      [1001, 'Một nghìn không trăm linh một đồng'],
      [1_000_000, 'Một triệu đồng'],
      [1_200_000_000, 'Một tỷ hai trăm triệu đồng'],
      [1_000_005, 'Một triệu không trăm linh năm đồng'],
      [1_000_000_000_000, 'Một nghìn tỷ đồng'],
      [10 ** 15, 'Một triệu tỷ đồng'],
      [2_500_000_000_000_000n, 'Hai triệu năm trăm nghìn tỷ đồng'],
      [10n ** 18n, 'Một tỷ tỷ đồng'],
    ];
    for (const [value, words] of cases) expect(amountInWords(value)).toBe(words);
  });

  it('follows the tens and units rules', () => {
    const cases: [number, string][] = [
      [1, 'Một đồng'],
      [14, 'Mười bốn đồng'],
      [20, 'Hai mươi đồng'],
      [31, 'Ba mươi mốt đồng'],
      [55, 'Năm mươi lăm đồng'],
      [101, 'Một trăm linh một đồng'],
      [111, 'Một trăm mười một đồng'],
      [115, 'Một trăm mười lăm đồng'],
      [205, 'Hai trăm linh năm đồng'],
      [999, 'Chín trăm chín mươi chín đồng'],
      [1000, 'Một nghìn đồng'],
      [1010, 'Một nghìn không trăm mười đồng'],
      [1100, 'Một nghìn một trăm đồng'],
      [10_000, 'Mười nghìn đồng'],
      [21_000, 'Hai mươi mốt nghìn đồng'],
      [105_000, 'Một trăm linh năm nghìn đồng'],
      [1_005_000_000, 'Một tỷ không trăm linh năm triệu đồng'],
      [1_000_000_001, 'Một tỷ không trăm linh một đồng'],
      [1_000_000_000_005, 'Một nghìn tỷ không trăm linh năm đồng'],
      [
        1_234_567_891,
        'Một tỷ hai trăm ba mươi bốn triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng',
      ],
      [Number.MAX_SAFE_INTEGER, amountInWords(9_007_199_254_740_991n)],
    ];
    for (const [value, words] of cases) expect(amountInWords(value)).toBe(words);
  });

  it('speaks southern and colloquial variants on request', () => {
    expect(amountInWords(105, { zeroTens: 'lẻ' })).toBe('Một trăm lẻ năm đồng');
    expect(amountInWords(24, { four: 'tư' })).toBe('Hai mươi tư đồng');
    expect(amountInWords(1001, { thousand: 'ngàn' })).toBe('Một ngàn không trăm linh một đồng');
    expect(amountInWords(1_004_024, { zeroTens: 'lẻ', four: 'tư', thousand: 'ngàn' })).toBe(
      'Một triệu không trăm lẻ bốn ngàn không trăm hai mươi tư đồng',
    );
    // "tư" only after "mươi": fourteen stays "mười bốn", a lone four stays "bốn".
    expect(amountInWords(14, { four: 'tư' })).toBe('Mười bốn đồng');
    expect(amountInWords(4, { four: 'tư' })).toBe('Bốn đồng');
    expect(amountInWords(104, { four: 'tư' })).toBe('Một trăm linh bốn đồng');
    expect(amountInWords(24, { zeroTens: 'linh', four: 'bốn', thousand: 'nghìn' })).toBe('Hai mươi bốn đồng');
  });

  it('refuses negative, fractional, non-finite and unsafe amounts with a Vietnamese RangeError', () => {
    const refused: (number | bigint)[] = [
      -1,
      -1n,
      0.5,
      1.5,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      2 ** 53,
      1e20,
    ];
    for (const value of refused) {
      expect(() => amountInWords(value)).toThrow(RangeError);
      expect(() => amountInWords(value)).toThrow(/^Số tiền/u);
      expect(() => formatAmountVi(value)).toThrow(RangeError);
    }
    expect(() => amountInWords(-5)).toThrow('Số tiền không được âm: -5.');
    expect(() => amountInWords(1.5)).toThrow('Số tiền phải là số nguyên đồng, không có phần lẻ: 1.5.');
  });

  it('reads back to the same amount', () => {
    fc.assert(
      fc.property(amount, options, (value, opts) => {
        expect(wordsToAmount(amountInWords(value, opts))).toBe(value);
      }),
    );
  });

  it('reads bigints up to 10^18 back as well', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n }), (value) => {
        expect(wordsToAmount(amountInWords(value))).toBe(value);
      }),
    );
  });

  it('starts with a capital, ends with " đồng" and has single spaces only', () => {
    fc.assert(
      fc.property(amount, options, (value, opts) => {
        const text = amountInWords(value, opts);
        expect(text).toMatch(/^\p{Lu}/u);
        expect(text.endsWith(' đồng')).toBe(true);
        expect(text).not.toMatch(/\s{2}|^\s|\s$/u);
        expect(text.slice(1)).toBe(text.slice(1).toLowerCase());
        expect(text).toBe(text.normalize('NFC'));
      }),
    );
  });

  it('gives the same words for a number and its bigint', () => {
    fc.assert(
      fc.property(amount, options, (value, opts) => {
        expect(amountInWords(Number(value), opts)).toBe(amountInWords(value, opts));
      }),
    );
  });

  it('spells units and tens by the rules', () => {
    fc.assert(
      fc.property(amount, options, (value, opts) => {
        const words = wordsOf(amountInWords(value, opts));
        words.forEach((word, i) => {
          const before = words[i - 1];
          const after = words[i + 1];
          // "mốt" and "tư" only after "mươi"; "một" and the chosen four never there.
          if (word === 'mốt' || word === 'tư') expect(before).toBe('mươi');
          if (word === 'một' || (word === 'bốn' && opts.four === 'tư')) expect(before).not.toBe('mươi');
          // "lăm" after a tens word only, "năm" never.
          if (word === 'lăm') expect(['mười', 'mươi']).toContain(before);
          if (word === 'năm') expect(['mười', 'mươi']).not.toContain(before);
          // Tens of one is "mười": no "một mươi".
          if (word === 'mươi') expect(before).not.toBe('một');
          // "linh"/"lẻ" stand between "trăm" and a nonzero digit.
          if (word === 'linh' || word === 'lẻ') {
            expect(word).toBe(opts.zeroTens ?? 'linh');
            expect(before).toBe('trăm');
            expect(after).not.toBe('không');
          }
          // "không" is a whole amount of zero or an empty hundreds place.
          if (word === 'không') expect(words.length === 1 || after === 'trăm').toBe(true);
          // A group after a higher one is read in full, "không trăm" included; "tỷ" may follow a scale.
          if (['nghìn', 'ngàn', 'triệu', 'tỷ'].includes(word) && after !== undefined && after !== 'tỷ') {
            expect(DIGIT_VALUES.has(after)).toBe(true);
            expect(words[i + 2]).toBe('trăm');
          }
        });
        expect(words).not.toContain(opts.thousand === 'ngàn' ? 'nghìn' : 'ngàn');
      }),
    );
  });
});

describe('formatAmountVi', () => {
  it('groups digits with dots (RULES.md §5)', () => {
    expect(formatAmountVi(0)).toBe('0 đồng');
    expect(formatAmountVi(999)).toBe('999 đồng');
    expect(formatAmountVi(1000)).toBe('1.000 đồng');
    expect(formatAmountVi(105_000)).toBe('105.000 đồng');
    expect(formatAmountVi(1_200_000_000)).toBe('1.200.000.000 đồng');
    expect(formatAmountVi(2_500_000_000_000_000n)).toBe('2.500.000.000.000.000 đồng');
  });

  it('writes the digits of the amount, three to a group', () => {
    fc.assert(
      fc.property(amount, (value) => {
        const text = formatAmountVi(value);
        expect(text).toMatch(/^\d{1,3}(\.\d{3})* đồng$/u);
        expect(BigInt(text.replace(/\.| đồng$/gu, ''))).toBe(value);
      }),
    );
  });
});
