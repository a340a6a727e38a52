import { DOCUMENT_TYPES } from '@daihoi/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS, DISTRIBUTION_STATUSES, LINK_KINDS, NUMBER_STATUSES } from './api';

type T = ReturnType<typeof useTranslation>['t'];
type I18n = ReturnType<typeof useTranslation>['i18n'];

function labelsOf(t: T, i18n: I18n) {
  const label = (group: string, code: string | null | undefined, fallback?: string) => {
    if (!code) return t('common.empty');
    const key = `documents.${group}.${code}`;
    return i18n.exists(key) ? t(key) : (fallback ?? code);
  };
  const options = (group: string, codes: readonly string[]) =>
    codes.map((code) => ({ value: code, label: label(group, code) }));
  return {
    /** The type's name; the server's Vietnamese name when the catalog does not know the code. */
    type: (code: string | null | undefined, serverName?: string) => label('types', code, serverName),
    /** Every type, in the order of core's table, as "Kế hoạch (KH)". */
    typeOptions: DOCUMENT_TYPES.map((d) => ({
      value: d.code as string,
      label: d.carriesNumber ? `${label('types', d.code)} (${d.code})` : label('types', d.code),
    })),
    direction: (code: string | null | undefined) => label('directions', code),
    directionOptions: options('directions', DIRECTIONS),
    distributionStatus: (code: string | null | undefined) => label('distribution.statuses', code),
    distributionStatusOptions: options('distribution.statuses', DISTRIBUTION_STATUSES),
    numberStatus: (code: string | null | undefined) => label('numbers.statuses', code),
    numberStatusOptions: options('numbers.statuses', NUMBER_STATUSES),
    linkKind: (kind: string, direction: 'to' | 'from') => label(`links.${direction}`, kind),
    linkKindOptions: options('links.to', LINK_KINDS),
  };
}

export type DocumentLabels = ReturnType<typeof labelsOf>;

/** Labels of the document register's codes; an unknown code shows as itself. */
export function useDocumentLabels(): DocumentLabels {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language decides every label
  return useMemo(() => labelsOf(t, i18n), [t, i18n.language]);
}
