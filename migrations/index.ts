import * as foundation from './001_foundation.ts';
import * as auditReview from './002_audit_review.ts';
import * as inventory from './003_inventory.ts';
import * as fulfilment from './004_fulfilment.ts';
import * as readViews from './005_read_views.ts';
import * as channels from './006_channels.ts';
import * as fileImports from './007_file_imports.ts';
import * as explanations from './008_explanations.ts';
import * as channelSync from './009_channel_sync.ts';
import * as notifications from './010_notifications.ts';
import * as aftersales from './011_aftersales.ts';
import * as risk from './012_risk.ts';
import * as historyReports from './013_history_reports.ts';
import * as insights from './014_insights.ts';
import * as review from './015_review.ts';
import * as explanationCodes from './016_explanation_codes.ts';
import * as staffPerformance from './017_staff_performance.ts';
import * as riskMonitors from './018_risk_monitors.ts';
import * as insightsShopDays from './019_insights_shop_days.ts';
import * as reviewFollowups from './020_review_followups.ts';
import * as workShifts from './021_work_shifts.ts';
import * as evaluationsTraining from './022_evaluations_training.ts';
import * as shipmentExceptions from './023_shipment_exceptions.ts';
import * as reportSearchIndexes from './024_report_search_indexes.ts';
import * as healthMonitors from './025_health_monitors.ts';
import * as complaintMails from './026_complaint_mails.ts';
import * as monitorControls from './027_monitor_controls.ts';

/** Every migration, by name in the order they apply. Add new ones at the end; never edit landed ones. */
export const migrations = {
  '001_foundation': foundation,
  '002_audit_review': auditReview,
  '003_inventory': inventory,
  '004_fulfilment': fulfilment,
  '005_read_views': readViews,
  '006_channels': channels,
  '007_file_imports': fileImports,
  '008_explanations': explanations,
  '009_channel_sync': channelSync,
  '010_notifications': notifications,
  '011_aftersales': aftersales,
  '012_risk': risk,
  '013_history_reports': historyReports,
  '014_insights': insights,
  '015_review': review,
  '016_explanation_codes': explanationCodes,
  '017_staff_performance': staffPerformance,
  '018_risk_monitors': riskMonitors,
  '019_insights_shop_days': insightsShopDays,
  '020_review_followups': reviewFollowups,
  '021_work_shifts': workShifts,
  '022_evaluations_training': evaluationsTraining,
  '023_shipment_exceptions': shipmentExceptions,
  '024_report_search_indexes': reportSearchIndexes,
  '025_health_monitors': healthMonitors,
  '026_complaint_mails': complaintMails,
  '027_monitor_controls': monitorControls,
};
