import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './api';
import {
  carriesNumber,
  checkNumber,
  distributionSummaryText,
  documentHeading,
  documentLabel,
  lines,
  paragraphs,
} from './format';

const directive2019 = {
  number: '35-CT/TW',
  issuedOn: '2019-05-30',
  issuerName: 'Bộ Chính trị',
  typeName: 'Chỉ thị',
};

/** A stand-in for i18next's t: the key and its values, so the test sees what reaches the catalog. */
const t = (key: string, values?: Record<string, unknown>) =>
  `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

describe('documentLabel', () => {
  it('names a document by number, date and issuer together (RULES §0)', () => {
    expect(documentLabel(directive2019)).toBe('35-CT/TW · 30/05/2019 · Bộ Chính trị');
    // The 2024 directive has the same number: only the date tells them apart.
    expect(documentLabel({ ...directive2019, issuedOn: '2024-06-14' })).toBe(
      '35-CT/TW · 14/06/2024 · Bộ Chính trị',
    );
  });

  it('puts the type name where a document has no number', () => {
    expect(
      documentLabel({
        number: null,
        issuedOn: '2020-01-06',
        issuerName: 'Đảng ủy Khối',
        typeName: 'Thư kêu gọi',
      }),
    ).toBe('Thư kêu gọi · 06/01/2020 · Đảng ủy Khối');
  });
});

describe('documentHeading', () => {
  it('fills the heading with the type, number, dd/mm/yyyy date and issuer', () => {
    expect(
      documentHeading(
        { number: '165-KH/ĐUK', issuedOn: '2019-10-31', issuerName: 'Đảng ủy Khối Các cơ quan tỉnh' },
        'Kế hoạch',
        t,
      ),
    ).toBe(
      'documents.heading {"type":"Kế hoạch","number":"165-KH/ĐUK","date":"31/10/2019","issuer":"Đảng ủy Khối Các cơ quan tỉnh"}',
    );
  });

  it('takes the heading without a number for kinds that carry none', () => {
    expect(
      documentHeading({ number: null, issuedOn: '2020-01-06', issuerName: 'X' }, 'Thư kêu gọi', t),
    ).toMatch(/^documents\.headingNoNumber /);
  });
});

describe('checkNumber', () => {
  it('accepts Party numbers as typed and gives them back the canonical way', () => {
    expect(checkNumber('Số 165-KH/ĐUK', 'KH')).toEqual({ ok: true, canonical: '165-KH/ĐUK' });
    expect(checkNumber(' số: 8 - QĐi / TW ', 'QĐi')).toEqual({ ok: true, canonical: '08-QĐi/TW' });
    expect(checkNumber('10072-CV/BTCTW', undefined)).toEqual({ ok: true, canonical: '10072-CV/BTCTW' });
  });

  it("shows core's Vietnamese reason for a malformed number", () => {
    const state = checkNumber('1206/QĐ-BTP', 'QĐ');
    expect(state.ok).toBe(false);
    if (!state.ok && state.reason === 'invalid') expect(state.message).toMatch(/nhà nước/);
    const missing = checkNumber('165-KH', 'KH');
    expect(missing).toMatchObject({ ok: false, reason: 'invalid' });
  });

  it('refuses a type code that is not the chosen type, as the server does', () => {
    expect(checkNumber('35-CT/TW', 'KH')).toEqual({ ok: false, reason: 'type_mismatch', found: 'CT' });
    // QĐi (regulation) is not QĐ (decision).
    expect(checkNumber('08-QĐi/TW', 'QĐ')).toEqual({ ok: false, reason: 'type_mismatch', found: 'QĐi' });
  });
});

describe('carriesNumber', () => {
  it('knows the kinds issued without a number', () => {
    expect(carriesNumber('KH')).toBe(true);
    expect(carriesNumber('TKG')).toBe(false);
    expect(carriesNumber('MHD')).toBe(false);
    expect(carriesNumber(undefined)).toBe(true);
  });
});

describe('lines and paragraphs', () => {
  it('reads recipients one per line without their list marks', () => {
    expect(lines('- Như trên,\n\n– Các chi bộ,\r\n• Lưu Văn phòng.')).toEqual([
      'Như trên,',
      'Các chi bộ,',
      'Lưu Văn phòng.',
    ]);
    expect(lines(null)).toEqual([]);
  });

  it('splits a body on blank lines', () => {
    expect(paragraphs('I. MỤC ĐÍCH\n\nQuán triệt sâu sắc\nnội dung.\n \nII. NỘI DUNG')).toEqual([
      'I. MỤC ĐÍCH',
      'Quán triệt sâu sắc\nnội dung.',
      'II. NỘI DUNG',
    ]);
  });
});

describe('distributionSummaryText', () => {
  it('mentions late reports only when there are some', () => {
    expect(distributionSummaryText({ total: 3, received: 2, reported: 1, late: 0 }, t)).not.toMatch(
      /summaryLate/,
    );
    expect(distributionSummaryText({ total: 3, received: 2, reported: 1, late: 1 }, t)).toMatch(
      /summaryLate \{"count":1\}$/,
    );
  });
});

describe('fileNameFrom', () => {
  it('prefers the UTF-8 name of Content-Disposition', () => {
    expect(
      fileNameFrom(
        `attachment; filename="165-KH-DUK 2019-10-31.docx"; filename*=UTF-8''165-KH-%C4%90UK%202019-10-31.docx`,
      ),
    ).toBe('165-KH-ĐUK 2019-10-31.docx');
    expect(fileNameFrom('attachment; filename="a.docx"')).toBe('a.docx');
    expect(fileNameFrom(null)).toBeNull();
  });
});
