import type { ChannelConnectors } from './modules/channels/index.ts';
import type { Fulfilment } from './modules/fulfilment/index.ts';
import type { Inventory } from './modules/inventory/index.ts';
import {
  heldOrderSignals,
  type IssueCandidate,
  ordersDataPack,
  type ReviewPorts,
} from './modules/review/index.ts';
import type { Database } from './platform/db/database.ts';

/**
 * The review module's ports, filled from what the lower modules offer today: delivery cases and
 * stock-outs for logistics, interface health for IT, orders held on the customer (customer
 * service) or on payment (finance), open stock alerts as stock risks. Complaints,
 * refunds and settlement differences join `departmentSignals` as their modules land.
 */
export function reviewPorts(deps: {
  database: Database;
  fulfilment: Fulfilment;
  inventory: Inventory;
  channels: ChannelConnectors;
}): ReviewPorts {
  const { database, fulfilment, inventory, channels } = deps;
  const openAlerts = async () => (await inventory.alerts.list({ status: 'open', limit: 200 })).items;
  return {
    dataPack: (from, to, timeZone) => ordersDataPack(database, from, to, timeZone),
    async departmentSignals() {
      const [cases, alerts, health, held] = await Promise.all([
        fulfilment.cases.list({ status: 'open', limit: 200 }),
        openAlerts(),
        channels.health.channelsHealth(),
        heldOrderSignals(database),
      ]);
      const signals: IssueCandidate[] = [
        ...held,
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
