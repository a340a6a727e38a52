const KB = 1024;
const MB = 1024 * 1024;

/** 1536 → "1,5 KB", 2621440 → "2,5 MB" in Vietnamese; "1.5 KB" in English. */
export function formatFileSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'vi-VN';
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
  if (bytes < KB) return `${number(bytes)} B`;
  if (bytes < MB) return `${number(bytes / KB)} KB`;
  return `${number(bytes / MB)} MB`;
}

export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};
