import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { Metrics } from '../../platform/metrics.ts';
import type { Catalog } from '../catalog/index.ts';
import type { Inventory } from '../inventory/index.ts';
import { createAllocation } from './allocation.ts';
import { createAutoRelease } from './auto-release.ts';
import { createBlocklist } from './blocklist.ts';
import { createCustomerAction } from './customer-action.ts';
import { createDryRun } from './dry-run.ts';
import { createEfficiency } from './efficiency.ts';
import { createIntake } from './intake.ts';
import { createMergeSplit } from './merge-split.ts';
import { createOrderActions } from './order-actions.ts';
import { createOrderChanges } from './order-changes.ts';
import { createOrderQueries } from './order-queries.ts';
import { createOrderSettings } from './order-settings.ts';
import { createQueue } from './queue.ts';
import { createReview } from './review.ts';
import { createRuleSets } from './rule-sets.ts';
import { createTeams } from './teams.ts';

export { allocationRunner } from './allocation.ts';
export type { IntakeResult } from './intake.ts';
export { validationError } from './intake.ts';
export { changeOrderStatus, changeOrdersStatus } from './order-actions.ts';
export type { OrderStatus } from './order-status.ts';
export { orderTransitions } from './order-status.ts';

export interface OrdersDeps {
  database: Database;
  clock: Clock;
  catalog: Catalog;
  inventory: Pick<Inventory, 'activeWarehouses' | 'inventorySettings'>;
  mailer: Mailer;
  /** Base URL customers reach the public pages at (links in mails). */
  publicUrl: string;
  metrics?: Metrics;
}

/** The orders module: intake, audit and review, queue, merge/split, queries and actions on orders. */
export function createOrders(deps: OrdersDeps) {
  const queries = createOrderQueries(deps);
  const ruleSets = createRuleSets(deps);
  const settings = createOrderSettings(deps);
  const review = createReview({ ...deps, queries });
  const autoRelease = createAutoRelease(deps);
  const changes = createOrderChanges({ ...deps, autoRelease, queries, ruleSets });
  const customer = createCustomerAction({ ...deps, changes });
  const policy = async () => (await settings.orderSettings()).policy;
  return {
    ...createIntake({ ...deps, ruleSets, settings }),
    ...queries,
    ...createOrderActions({ ...deps, queries }),
    ...ruleSets,
    ...settings,
    ...review,
    ...autoRelease,
    ...changes,
    ...customer,
    ...createQueue(deps),
    ...createMergeSplit({ ...deps, queries }),
    ...createBlocklist(deps),
    ...createTeams(deps),
    ...createDryRun({
      database: deps.database,
      now: () => deps.clock.now(),
      activeRuleSet: ruleSets.activeRuleSet,
    }),
    ...createEfficiency({ ...deps, policy }),
    ...createAllocation(deps),
  };
}

export type Orders = ReturnType<typeof createOrders>;
