import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language, languages } from '../i18n';

const labels: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      value={(languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en'}
      onChange={(lng) => void changeLanguage(lng)}
      options={(['zh-CN', 'en'] as const).map((lng) => ({ value: lng, label: labels[lng] }))}
      data-testid="lang-switch"
    />
  );
}
