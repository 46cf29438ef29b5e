import { systemFigures } from './api/system-health.ts';
import type { ChannelConnectors } from './modules/channels/index.ts';
import type { Inventory } from './modules/inventory/index.ts';
import type { Logistics } from './modules/logistics/index.ts';
import type { Orders } from './modules/orders/index.ts';
import type { RiskDeps } from './modules/risk/index.ts';
import type { Service } from './modules/service/index.ts';

/**
 * The risk module's ports, filled from what the lower modules offer: orders to hold, cancel or
 * re-rule, carriers to switch, forecast demand, channel sync, system health figures, and the
 * service's `message` template for customer messages (in the order's language, shown in the
 * notification log).
 */
export function riskPorts(
  base: Pick<RiskDeps, 'database' | 'clock' | 'mailer'>,
  deps: {
    dataDir: string;
    orders: Orders;
    logistics: Logistics;
    inventory: Inventory;
    channels: ChannelConnectors;
    service: Service;
  },
): RiskDeps {
  const { orders, logistics, inventory, channels, service } = deps;
  return {
    ...base,
    calendar: async () => (await orders.settings.get()).policy.calendar,
    notifyCustomer: async ({ orderId, subject, text, translations }) => {
      const order = await orders.queries.get(orderId);
      const fill = (m: { subject: string; text: string }) => ({
        subject: m.subject.replaceAll('{number}', order.number),
        text: m.text.replaceAll('{number}', order.number),
      });
      const zh = translations?.['zh-CN'];
      await service.notifications.sendToCustomer({
        orderId,
        template: 'message',
        params: fill({ subject, text }),
        paramsByLanguage: zh ? { 'zh-CN': fill(zh) } : undefined,
      });
    },
    orders: {
      exists: (orderId) =>
        orders.queries.get(orderId).then(
          () => true,
          () => false,
        ),
      holdOrders: orders.review.holdOrders,
      cancel: orders.edits.cancel,
      activeRules: () => orders.ruleSets.active(),
      saveRules: (actor, rules, note) => orders.ruleSets.save(actor, { rules, note }),
    },
    logistics: {
      carrierId: (code) =>
        logistics.carriers.get(code).then(
          (carrier) => carrier.id,
          () => null,
        ),
      setCarrierActive: async (actor, code, isActive) => {
        const before = await logistics.carriers.get(code);
        await logistics.carriers.update(actor, code, { isActive });
        return { wasActive: before.isActive };
      },
    },
    inventory: { expectedDailyDemand: inventory.plans.expectedDailyDemand },
    channels: {
      interfaceFailures: channels.syncAdmin.failureStats,
      isSkuExcluded: channels.syncAdmin.isSkuExcluded,
      setSkuExcluded: async (actor, channel, sku, excluded) => {
        await channels.syncAdmin.saveSku(actor, channel, sku, { excluded });
      },
    },
    system: { figures: () => systemFigures(base.database, deps.dataDir) },
  };
}
