import type { OrderShipment } from '../../contracts/fulfilment.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db/database.ts';
import type { CarrierAdapter, TrackingPoller } from './carrier-adapters.ts';
import { createCarriers } from './carriers.ts';
import { planSameDayRuns } from './same-day-runs.ts';
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

/** The logistics module, grouped by area: carriers and services, delivery rules, shipments, tracking, scorecards. */
export function createLogistics(deps: {
  database: Database;
  clock: Clock;
  adapters?: Record<string, CarrierAdapter>;
  pollers?: readonly TrackingPoller[];
  /** Port: complaints per shipment, from the service module (filled in app.ts). */
  complaintsPerShipment?: (shipmentIds: readonly string[]) => Promise<Map<string, number>>;
  /** Port: the shop's zone (orders' calendar), which labels print their time in. */
  shopTimeZone?: () => Promise<string>;
}) {
  const carriers = createCarriers(deps);
  const shipping = createShipping({ ...deps, rules: carriers.deliveryRules });
  const tracking = createTracking(deps);
  return {
    carriers: {
      list: carriers.listCarriers,
      get: carriers.getCarrier,
      create: carriers.createCarrier,
      update: carriers.updateCarrier,
      saveService: carriers.saveService,
    },
    rules: { get: carriers.deliveryRules, update: carriers.updateDeliveryRules },
    shipments: {
      ship: shipping.shipOrder,
      get: shipping.getShipment,
      list: shipping.listShipments,
      label: shipping.labelFor,
    },
    tracking: {
      receivePush: tracking.receiveTrackingPush,
      poll: tracking.pollTracking,
      /** The scheduled polling pass over the configured pollers. */
      pollConfigured: () => tracking.pollTracking(deps.pollers ?? []),
      /** The scheduled detection pass with the current rules. */
      detectProblems: async () => tracking.detectDeliveryProblems(await carriers.deliveryRules()),
    },
    scorecards: { list: createScorecards(deps).carrierScorecards },
    routes: {
      /** Riders' runs for the same-day parcels packed and waiting, by zone and street. */
      planSameDay: (fleet: Parameters<typeof planSameDayRuns>[1]) => planSameDayRuns(deps.database, fleet),
    },
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
