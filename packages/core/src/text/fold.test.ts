import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from './fold.js';
import { vietnameseName } from './vietnamese.fixtures.js';

describe('foldVietnamese', () => {
  it('removes diacritics and case (RULES.md §5: "nguyen van an" finds "Nguyễn Văn An")', () => {
    expect(foldVietnamese('Nguyễn Văn An')).toBe('nguyen van an');
    expect(foldVietnamese('nguyen van an')).toBe(foldVietnamese('Nguyễn Văn An'));
    expect(foldVietnamese('Đảng bộ xã Nguyễn Văn An').includes(foldVietnamese('nguyen van an'))).toBe(true);
  });

  it('folds đ and Đ to d', () => {
    expect(foldVietnamese('ĐẢNG BỘ')).toBe('dang bo');
    expect(foldVietnamese('Đỗ Đức Đạt')).toBe('do duc dat');
  });

  it('folds Ð (eth), a common mistyping of Đ', () => {
    expect(foldVietnamese('ÐẢNG ỦY')).toBe('dang uy');
  });

  it('treats composed and decomposed input alike', () => {
    const name = 'Trương Thị Ngọc Ánh';
    expect(foldVietnamese(name.normalize('NFD'))).toBe('truong thi ngoc anh');
    expect(foldVietnamese(name.normalize('NFC'))).toBe('truong thi ngoc anh');
  });

  it('collapses and trims whitespace, including tabs, newlines and no-break spaces', () => {
    expect(foldVietnamese('  Trần\tThị\u00a0\u00a0Ánh \n')).toBe('tran thi anh');
    expect(foldVietnamese('   ')).toBe('');
  });

  it('keeps digits and punctuation', () => {
    expect(foldVietnamese('Chi bộ Tổ dân phố 10 (Phường Hưng Dũng)')).toBe(
      'chi bo to dan pho 10 (phuong hung dung)',
    );
  });

  it('folds every Vietnamese letter, in both cases, to a-z', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
    const folded = foldVietnamese(`${letters} ${letters.toUpperCase()}`);
    expect(folded).toMatch(/^[a-z]+ [a-z]+$/);
    expect(folded.split(' ')[0]).toBe(folded.split(' ')[1]);
  });

  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const once = foldVietnamese(text);
        expect(foldVietnamese(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves only a-z, digits, punctuation and single inner spaces in Vietnamese text', () => {
    const piece = fc.oneof(
      vietnameseName,
      fc.constantFrom('0', '19', '.', ',', '-', '(', ')', "'", '/', ' \t '),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const folded = foldVietnamese(pieces.join(''));
        expect(folded).toMatch(/^[a-z0-9\p{P}]*(?: [a-z0-9\p{P}]+)*$/u);
      }),
    );
  });
});
