import en from './en.json' with { type: 'json' };
import evaluationsEn from './evaluations.en.json' with { type: 'json' };
import evaluationsZhCN from './evaluations.zh-CN.json' with { type: 'json' };
import fulfilmentEn from './fulfilment.en.json' with { type: 'json' };
import fulfilmentZhCN from './fulfilment.zh-CN.json' with { type: 'json' };
import healthEn from './health.en.json' with { type: 'json' };
import healthZhCN from './health.zh-CN.json' with { type: 'json' };
import importsEn from './imports.en.json' with { type: 'json' };
import importsZhCN from './imports.zh-CN.json' with { type: 'json' };
import insightsEn from './insights.en.json' with { type: 'json' };
import insightsZhCN from './insights.zh-CN.json' with { type: 'json' };
import inventoryEn from './inventory.en.json' with { type: 'json' };
import inventoryZhCN from './inventory.zh-CN.json' with { type: 'json' };
import notifyEn from './notify.en.json' with { type: 'json' };
import notifyZhCN from './notify.zh-CN.json' with { type: 'json' };
import reportsEn from './reports.en.json' with { type: 'json' };
import reportsZhCN from './reports.zh-CN.json' with { type: 'json' };
import reviewEn from './review.en.json' with { type: 'json' };
import reviewZhCN from './review.zh-CN.json' with { type: 'json' };
import riskEn from './risk.en.json' with { type: 'json' };
import riskZhCN from './risk.zh-CN.json' with { type: 'json' };
import serviceEn from './service.en.json' with { type: 'json' };
import serviceZhCN from './service.zh-CN.json' with { type: 'json' };
import staffEn from './staff.en.json' with { type: 'json' };
import staffZhCN from './staff.zh-CN.json' with { type: 'json' };
import supplyEn from './supply.en.json' with { type: 'json' };
import supplyZhCN from './supply.zh-CN.json' with { type: 'json' };
import syncEn from './sync.en.json' with { type: 'json' };
import syncZhCN from './sync.zh-CN.json' with { type: 'json' };
import trainingEn from './training.en.json' with { type: 'json' };
import trainingZhCN from './training.zh-CN.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

/** The texts every page shares (en.json, zh-CN.json), by language. */
export const sharedTexts = { en, 'zh-CN': zhCN };

/**
 * Each console area keeps its words in its own file, under its own top-level key. An area's key
 * must not also be a key of the shared files: the area would replace the shared texts whole
 * (test/web/i18n-files.test.ts checks it).
 */
export const areaTexts = {
  inventory: { en: inventoryEn, 'zh-CN': inventoryZhCN },
  supply: { en: supplyEn, 'zh-CN': supplyZhCN },
  fulfilment: { en: fulfilmentEn, 'zh-CN': fulfilmentZhCN },
  imports: { en: importsEn, 'zh-CN': importsZhCN },
  notify: { en: notifyEn, 'zh-CN': notifyZhCN },
  reports: { en: reportsEn, 'zh-CN': reportsZhCN },
  sync: { en: syncEn, 'zh-CN': syncZhCN },
  insights: { en: insightsEn, 'zh-CN': insightsZhCN },
  review: { en: reviewEn, 'zh-CN': reviewZhCN },
  service: { en: serviceEn, 'zh-CN': serviceZhCN },
  risk: { en: riskEn, 'zh-CN': riskZhCN },
  health: { en: healthEn, 'zh-CN': healthZhCN },
  staffJobs: { en: staffEn, 'zh-CN': staffZhCN },
  training: { en: trainingEn, 'zh-CN': trainingZhCN },
  evaluations: { en: evaluationsEn, 'zh-CN': evaluationsZhCN },
};

function translation(lang: 'en' | 'zh-CN') {
  const areas = Object.fromEntries(Object.entries(areaTexts).map(([area, texts]) => [area, texts[lang]]));
  return { ...sharedTexts[lang], ...areas };
}

export const resources = {
  en: { translation: translation('en') },
  'zh-CN': { translation: translation('zh-CN') },
};
