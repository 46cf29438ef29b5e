import type { BusinessCalendar } from '../../../platform/business-calendar.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { Mailer } from '../../../platform/mail.ts';
import type { NotificationTemplates } from '../notifications/template-store.ts';
import {
  complaintsAboutOrders,
  complaintsResolvedBetween,
  ordersWithOpenCases,
  refundsByChannel,
} from './aftersales.repository.ts';
import { createComplaints } from './complaints.ts';
import { createReturns, type ReturnsDeps } from './returns.ts';
import { createSurveys } from './surveys.ts';
import { createWorkspace } from './workspace.ts';

export type { ComplaintFact } from './aftersales.repository.ts';
export { aftersalesRoutes } from './aftersales.routes.ts';

/** After-sales, grouped: complaints, returns and refunds, surveys, the customer workspace. */
export function createAftersales(
  deps: {
    database: Database;
    clock: Clock;
    mailer: Mailer;
    publicUrl: string;
    calendar: () => Promise<BusinessCalendar>;
    /** The service's notification templates: the complaint mails are edited with the others. */
    templates: Pick<NotificationTemplates, 'forSending'>;
    /** The notification settings' reply mailbox (Reply-To of complaint mails); null for none. */
    replyAddress: () => Promise<string | null>;
  } & Pick<ReturnsDeps, 'placeOrder'>,
) {
  const complaints = createComplaints(deps);
  const returns = createReturns(deps);
  const surveys = createSurveys({ ...deps, complaints });
  return {
    complaints,
    returns,
    surveys,
    workspace: createWorkspace(deps),
    /** For the completion job: orders among these with an open return or complaint. */
    openComplaintsOrReturnsFor: (orderIds: readonly string[]) =>
      ordersWithOpenCases(deps.database.db, orderIds),
    /** For the carrier scorecards: complaints per carrier opened in [from, to). */
    complaintCountsByCarrier: complaints.countsByCarrier,
    /** For the carrier scorecards: complaints per shipment among these. */
    complaintsPerShipment: complaints.countsByShipment,
    /** For the weekly meeting's finance issues: refunds issued in [from, to) per channel. */
    refundsByChannel: async (from: Date, to: Date) =>
      (await refundsByChannel(deps.database.db, from.toISOString(), to.toISOString())).map((r) => ({
        channelId: r.channelId,
        currency: r.currency,
        refunds: Number(r.refunds),
        amountMinor: Number(r.amountMinor),
      })),
    /** For per-person performance: complaints resolved in [from, to), with who resolved them. */
    complaintsResolvedBetween: (from: Date, to: Date) =>
      complaintsResolvedBetween(deps.database.db, from.toISOString(), to.toISOString()),
    /** For per-person performance: every complaint about these orders. */
    complaintsAboutOrders: (orderIds: readonly string[]) => complaintsAboutOrders(deps.database.db, orderIds),
  };
}

export type Aftersales = ReturnType<typeof createAftersales>;
