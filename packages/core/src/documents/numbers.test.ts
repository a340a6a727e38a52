import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_SEQUENCE_MAX,
  type DocumentNumber,
  DocumentNumberError,
  formatDocumentNumber,
  parseDocumentNumber,
} from './numbers.js';
import { DOCUMENT_TYPES } from './types.js';

function refusal(text: string): DocumentNumberError {
  try {
    parseDocumentNumber(text);
  } catch (error) {
    if (error instanceof DocumentNumberError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(text)}`);
}

function formatRefusal(number: DocumentNumber): DocumentNumberError {
  try {
    formatDocumentNumber(number);
  } catch (error) {
    if (error instanceof DocumentNumberError) return error;
    throw error;
  }
  throw new Error(`formatted ${JSON.stringify(number)}`);
}

const isNfc = (text: string) => text === text.normalize('NFC');

const CAPITALS = [...'ABCDĐEGHIKLMNOPQRSTUVXY'];
const LETTERS = [...CAPITALS, ...'abcdđeghiklmnopqrstuvxy'];
const ISSUER_CHARS = [...CAPITALS, ...'0123456789'];

const numberedTypes = DOCUMENT_TYPES.filter((type) => type.carriesNumber).map((type) => type.code);
const typeCode = fc.oneof(
  { arbitrary: fc.constantFrom(...numberedTypes), weight: 3 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...CAPITALS), fc.string({ unit: fc.constantFrom(...LETTERS), maxLength: 4 }))
      .map(([first, rest]) => first + rest),
    weight: 1,
  },
);
const issuerSegment = fc.string({ unit: fc.constantFrom(...ISSUER_CHARS), minLength: 1, maxLength: 6 });
const issuerCode = fc
  .tuple(
    fc.constantFrom(...CAPITALS),
    fc.string({ unit: fc.constantFrom(...ISSUER_CHARS), maxLength: 5 }),
    fc.array(issuerSegment, { maxLength: 2 }),
  )
  .map(([first, rest, joint]) => [first + rest, ...joint].join('-'));
const documentNumber = fc.record({
  sequence: fc.integer({ min: 1, max: DOCUMENT_SEQUENCE_MAX }),
  type: typeCode,
  issuer: issuerCode,
});

// The same number as people type or paste it.
const untidy = fc.record({
  prefix: fc.constantFrom('', 'Số ', 'số ', 'SỐ ', 'Số: ', 'Số:', 'số:  ', 'Số\u00a0'),
  zeros: fc.nat(3),
  pad: fc.constantFrom('', ' ', '  ', '\t', '\u00a0', '\n'),
  gap: fc.constantFrom('', '', ' '),
  dash: fc.constantFrom('-', '-', '–', '‑', '‐'),
  decomposed: fc.boolean(),
});

describe('parseDocumentNumber', () => {
  it('reads real Party numbers (RULES.md §4)', () => {
    const cases: [string, DocumentNumber][] = [
      ['Số 165-KH/ĐUK', { sequence: 165, type: 'KH', issuer: 'ĐUK' }],
      ['165-KH/ĐUK', { sequence: 165, type: 'KH', issuer: 'ĐUK' }],
      ['08-QĐi/TW', { sequence: 8, type: 'QĐi', issuer: 'TW' }],
      ['10072-CV/BTCTW', { sequence: 10072, type: 'CV', issuer: 'BTCTW' }],
      ['36-HD/VPTW', { sequence: 36, type: 'HD', issuer: 'VPTW' }],
      ['26-HD/BTCTW', { sequence: 26, type: 'HD', issuer: 'BTCTW' }],
      ['45-CT/TW', { sequence: 45, type: 'CT', issuer: 'TW' }],
      ['190-QĐ/TW', { sequence: 190, type: 'QĐ', issuer: 'TW' }],
      ['Số 09-TTr/ĐU', { sequence: 9, type: 'TTr', issuer: 'ĐU' }],
      ['12-BC/HU', { sequence: 12, type: 'BC', issuer: 'HU' }],
      ['01-NQ/TU', { sequence: 1, type: 'NQ', issuer: 'TU' }],
    ];
    for (const [text, expected] of cases) expect(parseDocumentNumber(text)).toEqual(expected);
  });

  it('tolerates the "Số" prefix in any case, with or without a colon, and surrounding spaces', () => {
    const expected = { sequence: 165, type: 'KH', issuer: 'ĐUK' };
    for (const text of [
      '  Số 165-KH/ĐUK  ',
      'số 165-KH/ĐUK',
      'SỐ 165-KH/ĐUK',
      'Số: 165-KH/ĐUK',
      'Số:165-KH/ĐUK',
    ]) {
      expect(parseDocumentNumber(text)).toEqual(expected);
    }
    expect(parseDocumentNumber('\tSố  165 - KH / ĐUK\n')).toEqual(expected);
  });

  it('reads decomposed (NFD) text and always returns NFC strings', () => {
    const number = parseDocumentNumber('Số 08-QĐi/ĐUK'.normalize('NFD'));
    expect(number).toEqual({ sequence: 8, type: 'QĐi', issuer: 'ĐUK' });
    expect(isNfc(number.type) && isNfc(number.issuer)).toBe(true);
    expect(parseDocumentNumber('số: 165-KH/ĐUK'.normalize('NFD')).issuer).toBe('ĐUK');
  });

  it('reads Ð (eth) as Đ and hyphen look-alikes as hyphens', () => {
    expect(parseDocumentNumber('165-KH/ÐUK')).toEqual({ sequence: 165, type: 'KH', issuer: 'ĐUK' });
    expect(parseDocumentNumber('08-QÐi/TW').type).toBe('QĐi');
    expect(parseDocumentNumber('165–KH/ĐUK').sequence).toBe(165);
  });

  it('accepts leading zeros, type codes outside the table and joint issuers', () => {
    expect(parseDocumentNumber('0008-KH/ĐU').sequence).toBe(8);
    expect(parseDocumentNumber('01-HDLT/BTCTW-BNV')).toEqual({
      sequence: 1,
      type: 'HDLT',
      issuer: 'BTCTW-BNV',
    });
    expect(parseDocumentNumber('03-BS/ĐUK').type).toBe('BS');
    expect(parseDocumentNumber('05-KH/CB3').issuer).toBe('CB3');
    expect(parseDocumentNumber(`${DOCUMENT_SEQUENCE_MAX}-KH/TU`).sequence).toBe(999_999);
  });

  it('refuses the state pattern with a reason that shows the Party form', () => {
    for (const text of ['1206/QĐ-BTP', 'Số: 1206/QĐ-BTP', 'Số 12/2020/NĐ-CP', '165/KH/ĐUK']) {
      const error = refusal(text);
      expect(error.reason).toBe('state_pattern');
      expect(error.message).toContain('văn bản nhà nước');
      expect(error.message).toContain('Số 165-KH/ĐUK');
    }
    expect(refusal('Số: 1206/QĐ-BTP').message).toBe(
      '“Số: 1206/QĐ-BTP” ghi theo kiểu số văn bản nhà nước (như “Số: 1206/QĐ-BTP”). Số văn bản của Đảng ' +
        'ghi số thứ tự, dấu gạch nối, ký hiệu loại văn bản, dấu gạch chéo rồi ký hiệu cơ quan ban hành, ' +
        'như “Số 165-KH/ĐUK”.',
    );
  });

  it('refuses empty text', () => {
    for (const text of ['', '   ', 'Số', 'Số: ', '\u00a0']) {
      const error = refusal(text);
      expect(error.reason).toBe('empty');
      expect(error.message).toBe('Chưa nhập số và ký hiệu văn bản, ví dụ “Số 165-KH/ĐUK”.');
    }
  });

  it('refuses sequence 0 and sequences above the cap', () => {
    for (const text of ['0-KH/ĐUK', '00-KH/ĐUK', 'Số 000-QĐ/TW']) {
      const error = refusal(text);
      expect(error.reason).toBe('zero_sequence');
      expect(error.message).toMatch(/^Số thứ tự văn bản bắt đầu từ 01/u);
    }
    for (const text of ['1000000-KH/TU', `${'9'.repeat(400)}-KH/TU`]) {
      const error = refusal(text);
      expect(error.reason).toBe('too_large');
      expect(error.message).toContain('tối đa là 999.999');
    }
  });

  it('refuses missing parts, each with its own Vietnamese message', () => {
    const cases: [string, string][] = [
      ['KH/ĐUK', 'Số văn bản phải bắt đầu bằng số thứ tự'],
      ['165 KH/ĐUK', 'Sau số thứ tự phải có dấu gạch nối (-)'],
      ['165', 'Sau số thứ tự phải có dấu gạch nối (-)'],
      ['165-KH', 'Thiếu dấu gạch chéo (/) và ký hiệu cơ quan ban hành'],
      ['165-/ĐUK', 'Thiếu ký hiệu loại văn bản'],
      ['165-KH/', 'Thiếu ký hiệu cơ quan ban hành'],
    ];
    for (const [text, start] of cases) {
      const error = refusal(text);
      expect(error.reason).toBe('malformed');
      expect(error.message.startsWith(start)).toBe(true);
    }
  });

  it('keeps the small letters some issuer codes carry (ThU, Thành ủy)', () => {
    expect(parseDocumentNumber('Số 01-CT/ThU')).toEqual({ sequence: 1, type: 'CT', issuer: 'ThU' });
    expect(formatDocumentNumber({ sequence: 7, type: 'KH', issuer: 'ThU' })).toBe('07-KH/ThU');
  });

  it('refuses malformed type and issuer codes', () => {
    expect(refusal('165-kh/ĐUK').message).toBe(
      '“kh” không phải ký hiệu loại văn bản: ký hiệu gồm 1 đến 5 chữ cái, chữ đầu viết hoa, như NQ, KH, QĐi, TTr.',
    );
    for (const text of ['165-KHKHKH/ĐUK', '165-K2/ĐUK', '165-Kế/ĐUK', '165-K H/ĐUK']) {
      expect(refusal(text).message).toContain('không phải ký hiệu loại văn bản');
    }
    const issuers = [
      'đuk',
      'đUK',
      'ĐẢNG',
      '-TU',
      'TU-',
      'TU--BTC',
      '1TU',
      'TU/BTC',
      'ĐUK, ngày 5',
      'A'.repeat(31),
    ];
    for (const issuer of issuers) {
      const error = refusal(`165-KH/${issuer}`);
      expect(error.reason).toBe('malformed');
      expect(error.message).toContain('không phải ký hiệu cơ quan ban hành');
    }
  });

  it('refuses junk', () => {
    for (const text of [
      'abc',
      'Số văn bản',
      '-',
      '/',
      '165-KH/ĐUK/TW',
      '1 6 5-KH/ĐUK',
      '٣-KH/TU',
      '+165-KH/TU',
    ]) {
      expect(refusal(text).reason).toBe('malformed');
    }
  });

  it('is a DocumentNumberError, an Error with a name and a reason', () => {
    const error = refusal('');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DocumentNumberError');
    expect(error.reason).toBe('empty');
  });

  it('reads untidy renderings of any number as that number', () => {
    fc.assert(
      fc.property(documentNumber, untidy, (number, { prefix, zeros, pad, gap, dash, decomposed }) => {
        const sequence = '0'.repeat(zeros) + String(number.sequence);
        const text = `${pad}${prefix}${sequence}${gap}${dash}${gap}${number.type}${gap}/${gap}${number.issuer}${pad}`;
        const parsed = parseDocumentNumber(decomposed ? text.normalize('NFD') : text);
        expect(parsed).toEqual(number);
        expect(formatDocumentNumber(parsed)).toBe(formatDocumentNumber(number));
      }),
    );
  });

  it('refuses every state-pattern number', () => {
    const prefix = fc.constantFrom('', 'Số ', 'Số: ', 'số:');
    fc.assert(
      fc.property(prefix, documentNumber, (before, { sequence, type, issuer }) => {
        expect(refusal(`${before}${sequence}/${type}-${issuer}`).reason).toBe('state_pattern');
      }),
    );
  });

  it('either reads any text as a canonical number or refuses it with a DocumentNumberError', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: fc.constantFrom(...'0123 -/:KHĐUiTWsố'), maxLength: 16 }),
    );
    fc.assert(
      fc.property(text, (input) => {
        let parsed: DocumentNumber;
        try {
          parsed = parseDocumentNumber(input);
        } catch (error) {
          expect(error).toBeInstanceOf(DocumentNumberError);
          expect((error as DocumentNumberError).message).not.toBe('');
          return;
        }
        const canonical = formatDocumentNumber(parsed);
        expect(parseDocumentNumber(canonical)).toEqual(parsed);
        expect(formatDocumentNumber(parseDocumentNumber(canonical))).toBe(canonical);
      }),
    );
  });
});

describe('formatDocumentNumber', () => {
  it('writes the canonical form with at least two digits', () => {
    expect(formatDocumentNumber({ sequence: 165, type: 'KH', issuer: 'ĐUK' })).toBe('165-KH/ĐUK');
    expect(formatDocumentNumber({ sequence: 9, type: 'KH', issuer: 'ĐU' })).toBe('09-KH/ĐU');
    expect(formatDocumentNumber({ sequence: 8, type: 'QĐi', issuer: 'TW' })).toBe('08-QĐi/TW');
    expect(formatDocumentNumber({ sequence: 10072, type: 'CV', issuer: 'BTCTW' })).toBe('10072-CV/BTCTW');
    expect(formatDocumentNumber({ sequence: 10, type: 'TTr', issuer: 'HU' })).toBe('10-TTr/HU');
  });

  it('writes NFC from decomposed or eth input', () => {
    const text = formatDocumentNumber({ sequence: 1, type: 'QĐi'.normalize('NFD'), issuer: 'ÐUK' });
    expect(text).toBe('01-QĐi/ĐUK');
    expect(isNfc(text)).toBe(true);
  });

  it('refuses sequences that are not whole numbers from 1 to 999999', () => {
    const at = (sequence: number) => formatRefusal({ sequence, type: 'KH', issuer: 'TU' }).reason;
    expect(at(0)).toBe('zero_sequence');
    expect(at(-3)).toBe('zero_sequence');
    expect(at(1.5)).toBe('malformed');
    expect(at(Number.NaN)).toBe('malformed');
    expect(at(Number.NEGATIVE_INFINITY)).toBe('malformed');
    expect(at(1_000_000)).toBe('too_large');
    expect(at(Number.POSITIVE_INFINITY)).toBe('too_large');
  });

  it('refuses empty or malformed type and issuer codes', () => {
    const cases: DocumentNumber[] = [
      { sequence: 1, type: '', issuer: 'TU' },
      { sequence: 1, type: 'KH', issuer: '' },
      { sequence: 1, type: 'kh', issuer: 'TU' },
      { sequence: 1, type: ' KH', issuer: 'TU' },
      { sequence: 1, type: 'KH', issuer: 'tu' },
      { sequence: 1, type: 'KH', issuer: 'TU/BTC' },
    ];
    for (const number of cases) expect(formatRefusal(number).reason).toBe('malformed');
    expect(formatRefusal(cases[0]!).message).toMatch(/^Thiếu ký hiệu loại văn bản/u);
  });

  it('round-trips: parse(format(x)) is x', () => {
    fc.assert(
      fc.property(documentNumber, (number) => {
        expect(parseDocumentNumber(formatDocumentNumber(number))).toEqual(number);
        expect(parseDocumentNumber(`Số ${formatDocumentNumber(number)}`)).toEqual(number);
      }),
    );
  });

  it('writes every number with a two-digit minimum, in NFC', () => {
    fc.assert(
      fc.property(documentNumber, (number) => {
        const text = formatDocumentNumber(number);
        expect(text).toMatch(/^(0[1-9]|[1-9][0-9]{1,5})-/u);
        expect(isNfc(text)).toBe(true);
      }),
    );
  });
});
