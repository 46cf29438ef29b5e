import type { OrderShipment } from '../../contracts/fulfilment.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { CarrierAdapter, TrackingPoller } from './carrier-adapters.ts';
import { createCarriers } from './carriers.ts';
import { createScorecards } from './scorecards.ts';
import { shipmentsRepository } from './shipments.repository.ts';
import { createShipping } from './shipping.ts';
import { createTracking } from './tracking.ts';

export {
  builtInAdapter,
  type CarrierAdapter,
  jsonFeedPoller,
  type TrackingPoller,
} from './carrier-adapters.ts';
export { signTrackingBody } from './tracking-signature.ts';

/** The logistics module: carriers and services, delivery rules, shipments, tracking, scorecards. */
export function createLogistics(deps: {
  database: Database;
  clock: Clock;
  adapters?: Record<string, CarrierAdapter>;
  pollers?: readonly TrackingPoller[];
}) {
  const carriers = createCarriers(deps);
  const tracking = createTracking(deps);
  return {
    ...carriers,
    ...createShipping({ ...deps, rules: carriers.deliveryRules }),
    ...tracking,
    ...createScorecards(deps),
    /** The scheduled detection pass with the current rules. */
    detectDeliveryProblems: async () => tracking.detectDeliveryProblems(await carriers.deliveryRules()),
    /** The scheduled polling pass over the configured pollers. */
    pollConfiguredCarriers: () => tracking.pollTracking(deps.pollers ?? []),
  };
}

export type Logistics = ReturnType<typeof createLogistics>;

/**
 * The parcels of each order, as the order page lists them, read in the caller's transaction:
 * the API layer composes them into the order so orders never reads logistics' tables.
 */
export function shipmentsForOrders(
  db: Executor,
  orderIds: readonly string[],
): Promise<Map<string, OrderShipment[]>> {
  return shipmentsRepository.summariesForOrders(db, orderIds);
}
