import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Metrics } from '../../platform/metrics.ts';
import type { Catalog } from '../catalog/index.ts';
import type { Orders } from '../orders/index.ts';
import { createConnectors } from './connectors.ts';
import { createDeliveries } from './deliveries.ts';
import { createHealth } from './health.ts';
import { createOrderSync } from './order-sync.ts';
import { createReconciliation } from './reconciliation.ts';

export { channelsRoutes } from './channels.routes.ts';
export { parseExactJson } from './exact-json.ts';
export { signBody } from './signatures.ts';

export interface ChannelsDeps {
  database: Database;
  clock: Clock;
  catalog: Pick<Catalog, 'channels'>;
  orders: Pick<Orders, 'intake' | 'edits'>;
  metrics?: Metrics;
  logger?: Logger;
}

/**
 * The channels module: how sales platforms reach Ordo. Connectors (Shopify, WooCommerce, the
 * generic signed webhook), their deliveries kept and replayable, the reconciliation pull, and
 * interface health. Sync back to the platforms (stock, tracking) belongs here too, beside the
 * pull, reacting to outbox events.
 */
export function createChannelConnectors(deps: ChannelsDeps) {
  const sync = createOrderSync(deps);
  const deliveries = createDeliveries({ ...deps, sync });
  return {
    connectors: createConnectors(deps),
    deliveries,
    reconciliation: createReconciliation({ ...deps, deliveries }),
    health: createHealth(deps),
  };
}

export type ChannelConnectors = ReturnType<typeof createChannelConnectors>;
