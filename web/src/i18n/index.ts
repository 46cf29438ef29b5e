import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources.ts';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'ordo.lang';

function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** A stored choice wins; otherwise the browser's language decides (any zh* → zh-CN). */
function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey);
  if (isLanguage(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function applyLanguage(lng: Language): void {
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lng;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export async function changeLanguage(lng: Language): Promise<void> {
  localStorage.setItem(storageKey, lng);
  await i18n.changeLanguage(lng);
}

i18n.on('languageChanged', (lng) => applyLanguage(isLanguage(lng) ? lng : 'en'));

const lng = initialLanguage();
applyLanguage(lng);
// Resources are bundled, so initialising synchronously lets the first render be translated.
void i18n.use(initReactI18next).init({
  initAsync: false,
  resources,
  lng,
  fallbackLng: 'en',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
});

export default i18n;
