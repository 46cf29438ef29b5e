import { DateTime } from 'luxon';
import type { ChannelConnectors } from './modules/channels/index.ts';
import type { Fulfilment } from './modules/fulfilment/index.ts';
import type { Reports } from './modules/insights/index.ts';
import type { Inventory } from './modules/inventory/index.ts';
import {
  heldOrderSignals,
  type IssueCandidate,
  ordersDataPack,
  type ReviewPorts,
} from './modules/review/index.ts';
import type { Aftersales } from './modules/service/index.ts';
import type { Database } from './platform/db/database.ts';

/**
 * The review module's ports, filled from what the lower modules offer today: delivery cases and
 * stock-outs for logistics, interface health for IT, orders held on the customer (customer
 * service) or on payment (finance), open stock alerts as stock risks, complaints past their
 * SLA (the department they were routed to). The data pack is the weekly report's figures for
 * the meeting's week (CONTRACT.md "Reports"). Refunds and settlement differences join
 * `departmentSignals` as their sources land.
 */
export function reviewPorts(deps: {
  database: Database;
  fulfilment: Fulfilment;
  inventory: Inventory;
  channels: ChannelConnectors;
  reports: Reports;
  aftersales: Aftersales;
}): ReviewPorts {
  const { database, fulfilment, inventory, channels, reports, aftersales } = deps;
  const localDate = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
  const openAlerts = async () => (await inventory.alerts.list({ status: 'open', limit: 200 })).items;
  return {
    async dataPack(from, to, timeZone) {
      const counts = await ordersDataPack(database, from, to, timeZone);
      const figures = await reports.period({
        from: localDate(from, timeZone),
        to: localDate(to, timeZone),
        tz: timeZone,
      });
      // The report's stage hours and delivery figures; the pack's own instants and counts.
      return { ...figures, ...counts };
    },
    async departmentSignals() {
      const [cases, alerts, health, held, breached] = await Promise.all([
        fulfilment.cases.list({ status: 'open', limit: 200 }),
        openAlerts(),
        channels.health.channelsHealth(),
        heldOrderSignals(database),
        aftersales.complaints.listComplaints({ isBreached: 'true', limit: 200 }),
      ]);
      const signals: IssueCandidate[] = [
        ...held,
        ...breached.items
          .filter((c) => c.status !== 'resolved')
          .map((c) => ({
            department: c.department === 'warehouse' ? ('logistics' as const) : c.department,
            key: `complaint:${c.id}`,
            title: `Complaint past its SLA (${c.category}) on order ${c.orderNumber ?? '-'}`,
            detail: c.subject,
          })),
        ...cases.items.map((c) => ({
          department: 'logistics' as const,
          key: `case:${c.id}`,
          title: `Delivery case ${c.kind} on order ${c.orderNumber}`,
          detail: c.note,
        })),
        ...alerts.map((a) => ({
          department: 'logistics' as const,
          key: `stock:${a.sku}:${a.warehouse}`,
          title: `Stock low: ${a.sku} at ${a.warehouse} (${a.available} left, line ${a.warningLine})`,
          detail: null,
        })),
        ...health
          .filter((h) => h.status === 'failing' || h.status === 'warning')
          .map((h) => ({
            department: 'it' as const,
            key: `channel:${h.channelId}`,
            title: `Channel ${h.channelId} interface ${h.status}`,
            detail:
              h.lastPullError ??
              (h.signatureFailures > 0 ? `${h.signatureFailures} signature failures` : null),
          })),
      ];
      return signals;
    },
    async stockRisks() {
      return (await openAlerts()).map((a) => ({
        sku: a.sku,
        warehouse: a.warehouse,
        available: a.available,
        warningLine: a.warningLine,
      }));
    },
    async kpiValue(kpi) {
      if (kpi === 'open_stock_alerts') return (await inventory.alerts.openCount()).open;
      if (kpi === 'open_delivery_cases')
        return (await fulfilment.cases.list({ status: 'open', limit: 500 })).items.length;
      return null;
    },
  };
}
