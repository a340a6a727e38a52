import { useTranslation } from 'react-i18next';

export function useOrganizationLabels() {
  const { t, i18n } = useTranslation();
  const label = (group: string, code: string) =>
    i18n.exists(`${group}.${code}`) ? t(`${group}.${code}`) : code;
  return {
    level: (code: string) => label('levels', code),
    kind: (code: string) => label('kinds', code),
  };
}
