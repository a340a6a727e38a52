import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

type Leaf = [path: string, text: string];

function leaves(value: unknown, prefix: string[] = []): Leaf[] {
  if (typeof value === 'string') return [[prefix.join(' › '), value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, [...prefix, k]));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('catalogs', () => {
  it('have the same keys and the same placeholders', () => {
    const viLeaves = new Map(leaves(vi));
    const enLeaves = new Map(leaves(en));
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
    for (const [key, text] of viLeaves)
      expect(placeholders(enLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('write the demo banner as the office reads it', () => {
    expect(vi.app.demoBanner.replace('{{date}}', '15/03/2020')).toBe(
      'Dữ liệu trình diễn — ngày làm việc: 15/03/2020',
    );
  });
});

describe('dotted action codes', () => {
  it('resolve through i18next although the code itself holds a dot', async () => {
    const { i18next } = await import('./index');
    await i18next.changeLanguage('vi');
    expect(i18next.t('audit.actions.organization.create')).toBe('Thêm tổ chức');
    expect(i18next.exists('audit.actions.organization.unknown')).toBe(false);
  });
});
