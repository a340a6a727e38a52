import { AGE_BANDS, GENDERS, MEMBER_STATUSES, THEORY_LEVELS } from '@daihoi/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMITTEE_POSITIONS } from './api';

export const STATUS_COLORS: Readonly<Record<string, string>> = {
  probationary: 'gold',
  full: 'green',
  transferred_out: 'blue',
  deceased: 'default',
  left: 'red',
};

/** Numbers as the language writes them: 1.077 and 35,1 in Vietnamese. */
export function useNumberFormat(): (n: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const nf = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
      maximumFractionDigits: 1,
    });
    return (n: number) => nf.format(n);
  }, [i18n.language]);
}

/** Labels of the member registry's codes; an unknown code shows as itself. */
export function useMemberLabels() {
  const { t, i18n } = useTranslation();
  // Stable while the language stays, so memoized charts and tables do not recompute on every render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language decides every label
  return useMemo(() => labelsOf(t, i18n), [t, i18n.language]);
}

type T = ReturnType<typeof useTranslation>['t'];
type I18n = ReturnType<typeof useTranslation>['i18n'];

function labelsOf(t: T, i18n: I18n) {
  const label = (group: string, code: string | null | undefined) => {
    if (!code) return t('common.empty');
    const key = `members.${group}.${code}`;
    return i18n.exists(key) ? t(key) : code;
  };
  const options = (group: string, codes: readonly string[]) =>
    codes.map((code) => ({ value: code, label: label(group, code) }));
  return {
    status: (code: string | null | undefined) => label('statuses', code),
    gender: (code: string | null | undefined) => label('genders', code),
    ageBand: (code: string | null | undefined) => label('ageBands', code),
    theoryLevel: (code: string | null | undefined) => label('theoryLevels', code),
    position: (code: string | null | undefined) => label('positions', code),
    statusOptions: options('statuses', MEMBER_STATUSES),
    genderOptions: options('genders', GENDERS),
    ageBandOptions: options('ageBands', AGE_BANDS),
    theoryLevelOptions: options('theoryLevels', THEORY_LEVELS),
    positionOptions: options('positions', COMMITTEE_POSITIONS),
    /** A warning in the current language: the server writes Vietnamese; English comes from the catalog. */
    warning: (w: { code: string; message: string }) => {
      const key = `members.warnings.${w.code}`;
      return i18n.language !== 'vi' && i18n.exists(key) ? t(key) : w.message;
    },
    /** A validation message in the current language (same rule: the core writes Vietnamese). */
    error: (code: string, message: string) => {
      const key = `members.errors.${code}`;
      return i18n.language !== 'vi' && i18n.exists(key) ? t(key) : message;
    },
  };
}
