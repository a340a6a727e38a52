import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareVietnameseNames,
  compareVietnameseText,
  vietnameseNameSortKey,
  vietnameseTextSortKey,
} from './names.js';
import { confusableWord, relatedNames, vietnameseName, vietnameseWord } from './vietnamese.fixtures.js';

const byKey = (key: (text: string) => string) => (a: string, b: string) => {
  const [ka, kb] = [key(a), key(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
const byNameKey = byKey(vietnameseNameSortKey);
const byTextKey = byKey(vietnameseTextSortKey);

// Reference collation built differently from the implementation: a table of precomposed letters,
// each row one base letter of the alphabet in order, its columns the tones in order.
const LETTER_ROWS = (
  'aàáảãạ ăằắẳẵặ âầấẩẫậ b c d đ eèéẻẽẹ êềếểễệ f g h iìíỉĩị j k l m n oòóỏõọ ôồốổỗộ ơờớởỡợ p q r s t ' +
  'uùúủũụ ưừứửữự v w x yỳýỷỹỵ z'
).split(' ');
const LETTERS = new Map(LETTER_ROWS.flatMap((row, base) => [...row].map((ch, tone) => [ch, { base, tone }])));

type ReferenceWord = { bases: number[]; tones: number[] };

function referenceWords(text: string): ReferenceWord[] {
  const words = text.normalize('NFC').toLowerCase().trim().split(/\s+/).filter(Boolean);
  return words.map((word) => {
    const letters = [...word].map((ch) => {
      const letter = LETTERS.get(ch);
      if (!letter) throw new Error(`not a Vietnamese letter: ${ch}`);
      return letter;
    });
    return { bases: letters.map((l) => l.base), tones: letters.map((l) => l.tone).filter((t) => t > 0) };
  });
}

function lexicographic<T>(a: T[], b: T[], compare: (x: T, y: T) => number): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compare(a[i] as T, b[i] as T);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

const numbers = (x: number, y: number) => x - y;
const referenceWordOrder = (a: ReferenceWord, b: ReferenceWord) =>
  lexicographic(a.bases, b.bases, numbers) || lexicographic(a.tones, b.tones, numbers);

function referenceNameOrder(a: string, b: string): number {
  const groups = (name: string) => {
    const words = referenceWords(name);
    if (words.length === 1) return [words, [], []];
    return [words.slice(-1), words.slice(1, -1), words.slice(0, 1)];
  };
  const [ga, gb] = [groups(a), groups(b)];
  return lexicographic(ga, gb, (x, y) => lexicographic(x, y, referenceWordOrder));
}

const sign = Math.sign;

describe('compareVietnameseNames', () => {
  it('orders by given name, then middle names, then family name (RULES.md §5)', () => {
    const ordered = [
      'Nguyễn Văn An',
      'Trần Thị Ánh',
      'Phạm Thị Bích', // "bích" < "bình": c comes before n
      'Lê Thị Bình',
      'Lê Văn Bình', // same given name: middle "Thị" < "Văn"
      'Trần Văn Bình', // same given and middle: family "Lê" < "Trần"
      'Hoàng Văn Dũng',
      'Nguyễn Duy', // "dũng" < "duy": letters before tones, n < y
      'Đỗ Minh Đức', // d < đ
      'Lê Thị Hoa',
      'Nguyễn Thị Hòa', // same letters: no tone < huyền
      'Vũ Thị Hồng', // o < ô
      'Phan Văn Hùng', // ô < u
      'Trần Quốc Hưng', // u < ư
      'Đặng Thị Lan',
      'Bùi Văn Lân', // a < â
      'Ngô Văn Tám',
      'Lý Thị Tâm', // letters before tones: "tám" < "tâm"
      'Nguyễn Thị Thắm',
      'Đinh Văn Thơ', // ă < ơ
      'Hồ Thị Xuân',
      'Nguyễn Văn Yên',
    ];
    const shuffled = [...ordered].reverse();
    shuffled.push(...shuffled.splice(0, 7));
    expect([...shuffled].sort(compareVietnameseNames)).toEqual(ordered);
    expect([...shuffled].sort(byNameKey)).toEqual(ordered);
  });

  it('puts a name without middle names before one with them, whatever the family names', () => {
    expect(compareVietnameseNames('Vũ An', 'Nguyễn Văn An')).toBeLessThan(0);
    expect(compareVietnameseNames('Nguyễn Văn An', 'Nguyễn Văn Thành An')).toBeLessThan(0);
    expect(compareVietnameseNames('An', 'Nguyễn An')).toBeLessThan(0);
  });

  it('orders the six tones: none, huyền, sắc, hỏi, ngã, nặng', () => {
    const ordered = ['Lê Ma', 'Lê Mà', 'Lê Má', 'Lê Mả', 'Lê Mã', 'Lê Mạ'];
    expect([...ordered].reverse().sort(compareVietnameseNames)).toEqual(ordered);
  });

  it('ignores case, Unicode form and where the tone mark sits, except as the final tie-break', () => {
    const names = ['nguyễn văn bình', 'NGUYỄN VĂN AN', 'Nguyễn Văn Ân'.normalize('NFD'), 'Nguyễn Văn Ăn'];
    expect(names.sort(compareVietnameseNames)).toEqual([
      'NGUYỄN VĂN AN',
      'Nguyễn Văn Ăn',
      'Nguyễn Văn Ân'.normalize('NFD'),
      'nguyễn văn bình',
    ]);
    expect(compareVietnameseNames('Lê Thị Hoà', 'Lê Thị Hoá')).toBeLessThan(0);
    expect(compareVietnameseNames('Lê Thị Hòa', 'Lê Thị Hoá')).toBeLessThan(0);
    expect(compareVietnameseNames('Lê Thị Hoà', 'Lê Thị Hòa')).not.toBe(0);
  });

  it('agrees with the reference collation, and breaks its ties by the raw string', () => {
    const pair = fc.oneof(fc.tuple(vietnameseName, vietnameseName), relatedNames);
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const expected = sign(referenceNameOrder(a, b)) || (a < b ? -1 : a > b ? 1 : 0);
        expect(compareVietnameseNames(a, b)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference collation on words that differ by one letter or tone', () => {
    fc.assert(
      fc.property(confusableWord, confusableWord, vietnameseWord, (a, b, family) => {
        const [x, y] = [`${family} ${a}`, `${family} ${b}`];
        expect(compareVietnameseNames(x, y)).toBe(
          sign(referenceNameOrder(x, y)) || (x < y ? -1 : x > y ? 1 : 0),
        );
      }),
    );
  });

  it('agrees with the reference collation on every pair of letters and one-letter syllables', () => {
    const letters = [...LETTERS.keys()];
    const words = [...letters, ...letters.map((l) => l.toUpperCase()), ...letters.map((l) => `${l}n`)];
    const mismatches = words.flatMap((a) =>
      words.flatMap((b) => {
        const expected = sign(referenceNameOrder(a, b)) || (a < b ? -1 : a > b ? 1 : 0);
        const agrees = compareVietnameseNames(a, b) === expected && byNameKey(a, b) === expected;
        return agrees ? [] : [`${a} ${b}`];
      }),
    );
    expect(mismatches).toEqual([]);
  });

  it('is a total order: zero only for equal strings, antisymmetric', () => {
    fc.assert(
      fc.property(vietnameseName, vietnameseName, (a, b) => {
        expect(compareVietnameseNames(a, b) === 0).toBe(a === b);
        expect(compareVietnameseNames(a, b)).toBe(-compareVietnameseNames(b, a));
      }),
    );
  });
});

describe('vietnameseNameSortKey', () => {
  it('orders exactly as compareVietnameseNames (sorting a list)', () => {
    fc.assert(
      fc.property(fc.array(vietnameseName, { maxLength: 40 }), (names) => {
        expect([...names].sort(byNameKey)).toEqual([...names].sort(compareVietnameseNames));
      }),
      { numRuns: 500 },
    );
  });

  it('orders exactly as compareVietnameseNames (any pair, also for arbitrary strings)', () => {
    const anyText = fc.oneof(vietnameseName, fc.string({ unit: 'binary', maxLength: 20 }));
    const pair = fc.oneof(fc.tuple(anyText, anyText), relatedNames);
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(byNameKey(a, b)).toBe(compareVietnameseNames(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it('uses only printable ASCII, so UTF-8 byte order (COLLATE "C") equals string order', () => {
    const encoder = new TextEncoder();
    const byteOrder = (a: string, b: string) => {
      const [x, y] = [encoder.encode(a), encoder.encode(b)];
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return sign(x[i]! - y[i]!);
      return sign(x.length - y.length);
    };
    const anyText = fc.oneof(vietnameseName, fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const [ka, kb] = [vietnameseNameSortKey(a), vietnameseNameSortKey(b)];
        expect(ka).toMatch(/^[\x21-\x7e]*$/);
        expect(byteOrder(ka, kb)).toBe(ka < kb ? -1 : ka > kb ? 1 : 0);
      }),
    );
  });
});

describe('compareVietnameseText and vietnameseTextSortKey', () => {
  it('orders organization names word by word, left to right', () => {
    const ordered = [
      'Chi bộ Khu phố 1',
      'Chi bộ Khu phố 2',
      'Chi bộ Khu phố 10', // numbers compare by value
      'Chi bộ Khu phố Bắc',
      'Dân vận',
      'Đảng bộ Khối Các cơ quan tỉnh',
      'Đảng bộ Khối Doanh nghiệp tỉnh',
      'Đảng bộ phường Hưng Dũng',
      'Đảng bộ xã An Phú',
      'Đảng bộ xã Ân Thạnh',
      'Đảng bộ xã Bình Minh',
    ];
    const shuffled = [...ordered].reverse();
    expect([...shuffled].sort(compareVietnameseText)).toEqual(ordered);
    expect([...shuffled].sort(byTextKey)).toEqual(ordered);
  });

  it('reads words in order, unlike person names', () => {
    expect(compareVietnameseText('Nguyễn Văn Bình', 'Trần Văn An')).toBeLessThan(0);
    expect(compareVietnameseNames('Nguyễn Văn Bình', 'Trần Văn An')).toBeGreaterThan(0);
  });

  it('compares numbers by value, before letters', () => {
    fc.assert(
      fc.property(fc.nat(10 ** 12), fc.nat(10 ** 12), (m, n) => {
        const order = compareVietnameseText(`Chi bộ số ${m}`, `Chi bộ số ${n}`);
        expect(order).toBe(sign(m - n));
        expect(byTextKey(`Chi bộ số ${m}`, `Chi bộ số ${n}`)).toBe(order);
        expect(compareVietnameseText(`Tổ ${m}`, 'Tổ a')).toBeLessThan(0);
      }),
    );
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(digits, fc.oneof(digits, vietnameseWord), (number, other) => {
        const [a, b] = [`Tổ ${number}`, `Tổ ${other}`];
        expect(byTextKey(a, b)).toBe(compareVietnameseText(a, b));
      }),
    );
    expect(compareVietnameseText('Tổ 12345678901234567890', 'Tổ A')).toBeLessThan(0);
    expect(byTextKey('Tổ 12345678901234567890', 'Tổ A')).toBeLessThan(0);
    expect(compareVietnameseText('Tổ 01', 'Tổ 1')).not.toBe(0);
    expect(compareVietnameseText('Tổ 01', 'Tổ 2')).toBeLessThan(0);
  });

  it('keys order exactly as the comparator', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 40 });
    const word = fc.oneof(
      vietnameseWord,
      fc.nat(200).map(String),
      digits,
      fc.constantFrom('-', '(1)', 'số 05'),
    );
    const text = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
    const anyText = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 30 }), (texts) => {
        expect([...texts].sort(byTextKey)).toEqual([...texts].sort(compareVietnameseText));
        expect(texts.every((t) => /^[\x21-\x7e]*$/.test(vietnameseTextSortKey(t)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
