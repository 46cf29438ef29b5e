import { defaultCalendar } from '../../platform/business-calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createExceptions } from './exceptions.ts';
import { createPacking } from './packing.ts';
import { parcelsRepository } from './parcels.repository.ts';
import { createWaves } from './waves.ts';

export { labelPdf, type ShippingLabel } from './documents/label.ts';
export { raiseException, shipmentsWithExceptions } from './exceptions.ts';
export { compareScans } from './packing.ts';
export type { PackedParcel } from './parcels.repository.ts';

/** The last parcel packed for an order, read in the caller's transaction (shipping weighs it). */
export const packedParcel = parcelsRepository.latestForOrder;

/**
 * The fulfilment module, grouped by area: waves and picking, the packing station, and the
 * detectors' exceptions (the cases on them are the risk module's).
 */
export function createFulfilment(deps: {
  database: Database;
  clock: Clock;
  allocateBackorders: (skuIds: readonly string[]) => Promise<unknown>;
  /** Port: the shop's zone (orders' calendar), which printed times use as the console does. */
  shopTimeZone?: () => Promise<string>;
}) {
  const waves = createWaves(deps);
  const packing = createPacking(deps);
  const exceptions = createExceptions(deps);
  return {
    waves: {
      create: waves.createWave,
      get: waves.getWave,
      list: waves.listWaves,
      recordPick: waves.recordPick,
    },
    packing: { view: packing.packingView, pack: packing.packOrder },
    exceptions: { release: exceptions.release },
    documents: { timeZone: deps.shopTimeZone ?? (async () => defaultCalendar.timeZone) },
  };
}

export type Fulfilment = ReturnType<typeof createFulfilment>;
