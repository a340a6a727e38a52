import type { RuleSource } from './types.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A source as the UI cites it: 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị', with the article after
 * a comma when known. Days and months without a leading zero, as Party texts cite one another.
 */
export function formatRuleSource(source: RuleSource): string {
  const match = ISO.exec(source.date);
  const date = match ? ` ngày ${Number(match[3])}/${Number(match[2])}/${match[1]}` : '';
  const issuer = source.issuer ? ` của ${source.issuer}` : '';
  const article = source.article ? `, ${source.article}` : '';
  return `${source.document}${date}${issuer}${article}`;
}

/** 0.5 → 'nửa ngày', 1.5 → '1,5 ngày', 2 → '2 ngày'. */
export function formatCongressDaysVi(days: number): string {
  if (days === 0.5) return 'nửa ngày';
  return `${String(days).replace('.', ',')} ngày`;
}
