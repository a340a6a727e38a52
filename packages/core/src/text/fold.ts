// Ð (U+00D0, eth) is often typed for Đ by mistake, so it folds to d as well.
const D_LETTERS = /[đð]/g;

/**
 * The diacritic-free, lower-case form used for search: "Nguyễn Văn An" → "nguyen van an",
 * "ĐẢNG BỘ" → "dang bo". Whitespace runs become one space; the ends are trimmed.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .toLowerCase()
    .replace(/\p{M}/gu, '')
    .replace(D_LETTERS, 'd')
    .replace(/\s+/gu, ' ')
    .trim();
}
