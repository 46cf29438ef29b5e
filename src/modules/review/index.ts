import { createEditing } from './editing.ts';
import { createFollowUps } from './follow-ups.ts';
import { createImprovement } from './improvement.ts';
import { createMeetingMode } from './meeting-mode.ts';
import { createMeetings, type ReviewDeps } from './meetings.ts';

export { heldOrderSignals, ordersDataPack } from './default-pack.ts';
export { type ChannelRefunds, financeSignals } from './finance-signals.ts';
export type { DataPack, IssueCandidate, KpiChoice, ReviewPorts, StockRisk } from './ports.ts';
export { reviewRoutes } from './review.routes.ts';

/**
 * The review module: the weekly order-processing meeting (series, generated preparation, meeting
 * mode, minutes and action items) and continuous improvement (feedback, corrective actions,
 * knowledge base). What it reads from modules beside it comes through `ports`.
 */
export function createReview(deps: ReviewDeps) {
  const meetings = createMeetings(deps);
  const mode = createMeetingMode(deps);
  const followUps = createFollowUps(deps);
  const improvement = createImprovement(deps);
  const editing = createEditing(deps);
  return {
    series: {
      create: meetings.createSeries,
      list: meetings.listSeries,
      update: editing.updateSeries,
      archive: editing.archiveSeries,
    },
    /** The KPIs action items and corrective actions may aim at. */
    kpis: async () => ({ items: await deps.ports.kpis() }),
    /** Who may own an action item: active users. */
    owners: improvement.owners,
    meetings: {
      list: meetings.listMeetings,
      get: meetings.getMeeting,
      prepare: meetings.prepareMeeting,
      saveAgendaItem: meetings.saveAgendaItem,
      packPdf: meetings.packPdf,
      runItem: mode.runItem,
      addDecision: mode.addDecision,
      addActionItem: mode.addActionItem,
      addFeedback: mode.addFeedback,
      close: mode.closeMeeting,
      sendMinutes: followUps.sendMinutes,
    },
    actionItems: { list: followUps.listActionItems, change: followUps.changeActionItem },
    issues: { raise: improvement.raiseIssue },
    corrective: {
      create: improvement.createCorrective,
      list: improvement.listCorrective,
      get: improvement.getCorrective,
    },
    knowledge: {
      create: improvement.createArticle,
      search: improvement.searchArticles,
      update: editing.updateArticle,
      archive: editing.archiveArticle,
      import: improvement.importArticle,
    },
    calendar: { save: improvement.saveCalendarDay, list: improvement.listCalendarDays },
    /**
     * The scheduled pass (every few minutes): prepares meetings whose Friday has come, sends
     * reminders, flags late minutes, reminds action owners, verifies corrective actions.
     */
    async runScheduled() {
      return {
        prepared: await meetings.prepareDue(),
        reminded: await meetings.remindDue(),
        lateMinutes: await followUps.flagLateMinutes(),
        ownerReminders: await followUps.remindOwners(),
        verified: await improvement.verifyDue(),
      };
    },
  };
}

export type Review = ReturnType<typeof createReview>;
