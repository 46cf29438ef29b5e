import type { BusinessCalendar } from '../../platform/business-calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Metrics } from '../../platform/metrics.ts';
import type { SecretBox } from '../../platform/secret-box.ts';
import type { Catalog } from '../catalog/index.ts';
import type { Inventory } from '../inventory/index.ts';
import type { Orders } from '../orders/index.ts';
import { createConnectors, openSecrets } from './connectors.ts';
import { createDeliveries } from './deliveries.ts';
import { createHealth } from './health.ts';
import { createOrderSync } from './order-sync.ts';
import { createReconciliation } from './reconciliation.ts';
import { createSyncAdmin } from './sync-back/sync-admin.ts';
import { createSyncBack } from './sync-back/sync-back.ts';
import { createWebhookRegistration } from './webhook-registration.ts';

export { channelsRoutes } from './channels.routes.ts';
export { parseExactJson } from './exact-json.ts';
export { signBody } from './signatures.ts';

export interface ChannelsDeps {
  database: Database;
  clock: Clock;
  catalog: Pick<Catalog, 'channels'>;
  orders: Pick<Orders, 'intake' | 'edits'>;
  inventory: Pick<Inventory, 'channelStock'>;
  /** The shop's business calendar: "no order for N minutes" counts working time only. */
  calendar: () => Promise<BusinessCalendar>;
  /** Seals connector secrets at rest. */
  secrets: SecretBox;
  /** Ordo's address on the internet (ORDO_PUBLIC_URL): where shops send their webhooks. */
  publicUrl: string;
  metrics?: Metrics;
  logger?: Logger;
}

/**
 * The channels module: how sales platforms reach Ordo. Connectors (Shopify, WooCommerce, the
 * generic signed webhook), their deliveries kept and replayable, the reconciliation pull,
 * interface health, sync back to the platforms (stock, tracking) driven by outbox events, and the
 * registration of the platforms' webhooks from Ordo.
 */
export function createChannelConnectors(deps: ChannelsDeps) {
  const sync = createOrderSync(deps);
  const deliveries = createDeliveries({ ...deps, sync });
  const readConnector = openSecrets(deps.secrets);
  const syncBack = createSyncBack({ ...deps, readConnector });
  return {
    syncBack,
    syncAdmin: createSyncAdmin({ ...deps, syncBack, readConnector }),
    connectors: createConnectors(deps),
    deliveries,
    reconciliation: createReconciliation({ ...deps, deliveries }),
    health: createHealth(deps),
    webhooks: createWebhookRegistration({ ...deps, readConnector }),
  };
}

export type ChannelConnectors = ReturnType<typeof createChannelConnectors>;
