import { DateTime } from 'luxon';
import type { ChannelConnectors } from './modules/channels/index.ts';
import type { InsightsDashboards, Reports } from './modules/insights/index.ts';
import type { Inventory } from './modules/inventory/index.ts';
import {
  financeSignals,
  heldOrderSignals,
  type IssueCandidate,
  ordersDataPack,
  type ReviewPorts,
} from './modules/review/index.ts';
import type { Risk } from './modules/risk/index.ts';
import type { Aftersales } from './modules/service/index.ts';
import type { Database } from './platform/db/database.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Counts measured live (now), beside the insights module's period KPIs. */
const liveKpis = [
  { key: 'open_stock_alerts', name: 'Open stock alerts', unit: 'count', goodDirection: 'down' as const },
  // The key stays as meetings recorded it; it counts the risk module's open exception cases.
  { key: 'open_delivery_cases', name: 'Open exception cases', unit: 'count', goodDirection: 'down' as const },
];

/**
 * The review module's ports, filled from what the lower modules offer today: open exception
 * cases (risk module) and
 * stock-outs for logistics, interface health for IT, orders held on the customer (customer
 * service) or on payment (finance), open stock alerts as stock risks, complaints past their
 * SLA (the department they were routed to), refunds issued and settlement differences (order
 * totals vs payments recorded, per channel) for finance. The data pack is the weekly report's
 * figures for the meeting's week (CONTRACT.md "Reports"). KPIs are the insights module's
 * definitions, measured over the 7 whole days before the moment asked, plus two live counts.
 */
export function reviewPorts(deps: {
  database: Database;
  risk: Risk;
  inventory: Inventory;
  channels: ChannelConnectors;
  reports: Reports;
  aftersales: Aftersales;
  kpis: Pick<InsightsDashboards['kpis'], 'definitions' | 'period'>;
}): ReviewPorts {
  const { database, risk, inventory, channels, reports, aftersales, kpis } = deps;
  const localDate = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toISODate() ?? '';
  const openAlerts = async () => (await inventory.alerts.list({ status: 'open', limit: 200 })).items;
  /** Order numbers of these ids, through orders' read view (cases keep only the order's id). */
  const orderNumbers = async (ids: readonly string[]) => {
    if (ids.length === 0) return new Map<string, string>();
    const rows = await database.db
      .selectFrom('orders_orders_view')
      .select(['id', 'number'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return new Map(rows.map((row) => [row.id, row.number]));
  };
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
    async departmentSignals(from, to) {
      const [cases, alerts, health, held, breached, finance] = await Promise.all([
        risk.cases.list({ status: 'open', isDrill: false, limit: 200 }),
        openAlerts(),
        channels.health.channelsHealth(),
        heldOrderSignals(database),
        aftersales.complaints.listComplaints({ isBreached: 'true', limit: 200 }),
        aftersales.refundsByChannel(from, to).then((refunds) => financeSignals(database, from, to, refunds)),
      ]);
      const numbers = await orderNumbers(cases.items.flatMap((c) => (c.orderId ? [c.orderId] : [])));
      const signals: IssueCandidate[] = [
        ...held,
        ...finance,
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
          title: `Exception case ${c.caseType}${c.orderId ? ` on order ${numbers.get(c.orderId) ?? c.orderId}` : ''}`,
          detail: `owner ${c.ownerRole}, due ${c.dueAt}`,
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
    async kpis() {
      const defined = (await kpis.definitions()).map((d) => ({
        key: d.key,
        name: d.name,
        unit: d.unit,
        goodDirection: d.goodDirection,
      }));
      return [...liveKpis, ...defined];
    },
    async kpiValue(kpi, at) {
      if (kpi === 'open_stock_alerts') return (await inventory.alerts.openCount()).open;
      if (kpi === 'open_delivery_cases')
        return (await risk.cases.list({ status: 'open', isDrill: false, limit: 500 })).items.length;
      // The insights KPIs over the last 7 whole (UTC) days before `at`.
      const to = at.toISOString().slice(0, 10);
      const from = new Date(Date.parse(to) - 7 * dayMs).toISOString().slice(0, 10);
      const measured = await kpis.period({ from, to });
      return measured.kpis.find((k) => k.key === kpi)?.value ?? null;
    },
  };
}
