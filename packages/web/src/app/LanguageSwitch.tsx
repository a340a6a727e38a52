import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, type Language, setLanguage } from './i18n';

export function LanguageSwitch({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('app.language')}
      value={currentLanguage()}
      onChange={setLanguage}
      prefix={<GlobalOutlined aria-hidden />}
      style={{ minWidth: 150, width: block ? '100%' : undefined }}
      popupMatchSelectWidth={false}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`app.languages.${lng}`) }))}
    />
  );
}
