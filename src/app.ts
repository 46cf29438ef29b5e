import { createCatalog } from './modules/catalog/index.ts';
import { createOrders } from './modules/orders/index.ts';
import { createStaff } from './modules/staff/index.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { type Database, openDatabase } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { createMetrics } from './platform/metrics.ts';
import { createDispatcher, type HandlerRegistry } from './worker/dispatcher.ts';
import { createOutboxAdmin } from './worker/outbox-admin.ts';

export interface AppOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** An already open database (tests); otherwise opened from the config. */
  database?: Database;
  handlers?: HandlerRegistry;
}

/** Wires the modules together: the one place that knows every dependency. */
export async function createApp(options: AppOptions) {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  const database =
    options.database ?? openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database);
  const metrics = createMetrics();
  const staff = createStaff({ database, clock });
  const catalog = createCatalog({ database, clock });
  const orders = createOrders({ database, clock, catalog, metrics });
  const dispatcher = createDispatcher({ database, clock, logger, metrics, handlers: options.handlers ?? {} });
  const outbox = createOutboxAdmin({ database, now: () => clock.now() });
  return {
    config,
    clock,
    logger,
    database,
    metrics,
    staff,
    catalog,
    orders,
    dispatcher,
    outbox,
    async close() {
      await dispatcher.stop();
      await database.close();
    },
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
