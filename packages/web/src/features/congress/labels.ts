import { ORGANIZATION_LEVELS, PREPARATION_OWNERS, STEP_STATUSES } from '@daihoi/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CONGRESS_KINDS } from './api';
import { durationForm, halfDayNumber } from './helpers';

type T = ReturnType<typeof useTranslation>['t'];
type I18n = ReturnType<typeof useTranslation>['i18n'];

function labelsOf(t: T, i18n: I18n) {
  const label = (group: string, code: string | null | undefined) => {
    if (!code) return t('common.empty');
    const key = `${group}.${code}`;
    return i18n.exists(key) ? t(key) : code;
  };
  const duration = (days: number | null | undefined) =>
    days === null || days === undefined
      ? t('common.empty')
      : t(`congress.duration.${durationForm(days)}`, { n: halfDayNumber(days) });
  return {
    kind: (code: string | null | undefined) => label('congress.kinds', code),
    kindOptions: CONGRESS_KINDS.map((k) => ({ value: k, label: label('congress.kinds', k) })),
    owner: (code: string | null | undefined) => label('congress.owners', code),
    ownerOptions: PREPARATION_OWNERS.map((o) => ({ value: o, label: label('congress.owners', o) })),
    state: (code: string | null | undefined) => label('congress.states', code),
    stepStatusOptions: STEP_STATUSES.map((s) => ({ value: s, label: label('congress.states', s) })),
    level: (code: string | null | undefined) => label('levels', code),
    levelOptions: ORGANIZATION_LEVELS.map((l) => ({ value: l, label: label('levels', l) })),
    /** "½ ngày", "1 ngày", "1½ ngày". */
    duration,
  };
}

export type CongressLabels = ReturnType<typeof labelsOf>;

/** Labels of the congress codes; an unknown code shows as itself. */
export function useCongressLabels(): CongressLabels {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language decides every label
  return useMemo(() => labelsOf(t, i18n), [t, i18n.language]);
}
