import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import evaluationsEn from './evaluations.en.json';
import evaluationsZhCN from './evaluations.zh-CN.json';
import fulfilmentEn from './fulfilment.en.json';
import fulfilmentZhCN from './fulfilment.zh-CN.json';
import healthEn from './health.en.json';
import healthZhCN from './health.zh-CN.json';
import importsEn from './imports.en.json';
import importsZhCN from './imports.zh-CN.json';
import insightsEn from './insights.en.json';
import insightsZhCN from './insights.zh-CN.json';
import inventoryEn from './inventory.en.json';
import inventoryZhCN from './inventory.zh-CN.json';
import notifyEn from './notify.en.json';
import notifyZhCN from './notify.zh-CN.json';
import reportsEn from './reports.en.json';
import reportsZhCN from './reports.zh-CN.json';
import reviewEn from './review.en.json';
import reviewZhCN from './review.zh-CN.json';
import riskEn from './risk.en.json';
import riskZhCN from './risk.zh-CN.json';
import serviceEn from './service.en.json';
import serviceZhCN from './service.zh-CN.json';
import staffEn from './staff.en.json';
import staffZhCN from './staff.zh-CN.json';
import supplyEn from './supply.en.json';
import supplyZhCN from './supply.zh-CN.json';
import syncEn from './sync.en.json';
import syncZhCN from './sync.zh-CN.json';
import trainingEn from './training.en.json';
import trainingZhCN from './training.zh-CN.json';
import zhCN from './zh-CN.json';

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
  // Each console area keeps its words in its own file, under its own top-level key.
  resources: {
    en: {
      translation: {
        ...en,
        inventory: inventoryEn,
        supply: supplyEn,
        fulfilment: fulfilmentEn,
        imports: importsEn,
        notify: notifyEn,
        reports: reportsEn,
        sync: syncEn,
        insights: insightsEn,
        review: reviewEn,
        service: serviceEn,
        risk: riskEn,
        health: healthEn,
        staffJobs: staffEn,
        training: trainingEn,
        evaluations: evaluationsEn,
      },
    },
    'zh-CN': {
      translation: {
        ...zhCN,
        inventory: inventoryZhCN,
        supply: supplyZhCN,
        fulfilment: fulfilmentZhCN,
        imports: importsZhCN,
        notify: notifyZhCN,
        reports: reportsZhCN,
        sync: syncZhCN,
        insights: insightsZhCN,
        review: reviewZhCN,
        service: serviceZhCN,
        risk: riskZhCN,
        health: healthZhCN,
        staffJobs: staffZhCN,
        training: trainingZhCN,
        evaluations: evaluationsZhCN,
      },
    },
  },
  lng,
  fallbackLng: 'en',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
});

export default i18n;
