import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, parseDocumentNumber } from './numbers.js';
import {
  DOCUMENT_TYPE_CODES,
  DOCUMENT_TYPES,
  type DocumentTypeCode,
  documentTypeCarriesNumber,
  documentTypeName,
  isDocumentType,
} from './types.js';

describe('DOCUMENT_TYPES', () => {
  it('lists the Party document types of RULES.md §4 and GLOSSARY.md, each code once', () => {
    expect(DOCUMENT_TYPE_CODES).toEqual([
      'NQ',
      'QĐ',
      'QĐi',
      'CT',
      'KL',
      'HD',
      'KH',
      'BC',
      'CV',
      'TB',
      'TT',
      'TTr',
      'BB',
      'QC',
      'TKG',
      'MHD',
    ]);
    expect(new Set(DOCUMENT_TYPE_CODES).size).toBe(DOCUMENT_TYPES.length);
  });

  it('writes codes and names in NFC with full diacritics', () => {
    for (const { code, nameVi } of DOCUMENT_TYPES) {
      expect(code).toBe(code.normalize('NFC'));
      expect(nameVi).toBe(nameVi.normalize('NFC'));
      expect(nameVi).toMatch(/^\p{Lu}\p{Ll}*( \p{Ll}+)*$/u);
    }
  });

  it('has only codes that a document number accepts', () => {
    for (const code of DOCUMENT_TYPE_CODES) {
      const text = formatDocumentNumber({ sequence: 1, type: code, issuer: 'TU' });
      expect(parseDocumentNumber(text).type).toBe(code);
    }
  });
});

describe('isDocumentType', () => {
  it('knows the codes of the table, case-sensitively', () => {
    for (const code of DOCUMENT_TYPE_CODES) expect(isDocumentType(code)).toBe(true);
    for (const code of ['', 'qđ', 'QD', 'QĐI', 'Qđi', 'kh', 'Kh', 'TTR', 'ttr', 'XX', 'KH ', 'BS']) {
      expect(isDocumentType(code)).toBe(false);
    }
  });
});

describe('documentTypeName', () => {
  it('gives the Vietnamese name', () => {
    expect(documentTypeName('KH')).toBe('Kế hoạch');
    expect(documentTypeName('NQ')).toBe('Nghị quyết');
    expect(documentTypeName('QĐ')).toBe('Quyết định');
    expect(documentTypeName('QĐi')).toBe('Quy định');
    expect(documentTypeName('TT')).toBe('Thông tri');
    expect(documentTypeName('TTr')).toBe('Tờ trình');
    expect(documentTypeName('CV')).toBe('Công văn');
    expect(documentTypeName('TKG')).toBe('Thư kêu gọi');
    expect(documentTypeName('MHD')).toBe('Mẫu hướng dẫn');
  });

  it('throws RangeError on a code outside the table', () => {
    expect(() => documentTypeName('XX' as DocumentTypeCode)).toThrow(RangeError);
  });
});

describe('documentTypeCarriesNumber', () => {
  it('is false for letters of appeal and guidance templates only', () => {
    const unnumbered = DOCUMENT_TYPE_CODES.filter((code) => !documentTypeCarriesNumber(code));
    expect(unnumbered).toEqual(['TKG', 'MHD']);
    expect(documentTypeCarriesNumber('CV')).toBe(true);
  });

  it('throws RangeError on a code outside the table', () => {
    expect(() => documentTypeCarriesNumber('qđi' as DocumentTypeCode)).toThrow(RangeError);
  });
});
