import { describe, expect, it } from 'vitest';
import { extensionOf, formatFileSize } from './format';

describe('formatFileSize', () => {
  it('writes sizes the Vietnamese way, in B, KB or MB', () => {
    expect(formatFileSize(512, 'vi')).toBe('512 B');
    expect(formatFileSize(1536, 'vi')).toBe('1,5 KB');
    expect(formatFileSize(2.5 * 1024 * 1024, 'vi')).toBe('2,5 MB');
    expect(formatFileSize(20 * 1024 * 1024, 'vi')).toBe('20 MB');
    expect(formatFileSize(1536, 'en')).toBe('1.5 KB');
  });
});

describe('extensionOf', () => {
  it('takes the last extension in lower case', () => {
    expect(extensionOf('Quyết định số 12.PDF')).toBe('.pdf');
    expect(extensionOf('bao.cao.docx')).toBe('.docx');
    expect(extensionOf('khong-duoi')).toBe('');
    expect(extensionOf('.pdf')).toBe('');
  });
});
