import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Labels of a subcommittee's kind and of its members' roles; an unknown code shows as itself. */
export function useSubcommitteeLabels() {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language decides every label
  return useMemo(() => {
    const label = (group: string, code: string) => {
      const key = `congressSetup.subcommittees.${group}.${code}`;
      return i18n.exists(key) ? t(key) : code;
    };
    return {
      kind: (code: string) => label('kinds', code),
      role: (code: string) => label('roles', code),
      /** The name the server gives a new subcommittee of the kind: in Vietnamese, whatever the language shown. */
      usualName: (code: string) => t(`congressSetup.subcommittees.kinds.${code}`, { lng: 'vi' }),
      isUsualName: (code: string, name: string) =>
        code !== 'other' && name === t(`congressSetup.subcommittees.kinds.${code}`, { lng: 'vi' }),
    };
  }, [t, i18n.language]);
}
