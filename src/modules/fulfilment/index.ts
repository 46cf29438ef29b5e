import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { createCases } from './cases.ts';
import { createPacking } from './packing.ts';
import { createWaves } from './waves.ts';

export { openCase } from './cases.ts';
export { compareScans } from './packing.ts';

/** The fulfilment module: waves and picking, the packing station, exception cases. */
export function createFulfilment(deps: {
  database: Database;
  clock: Clock;
  allocateBackorders: (skuIds: readonly string[]) => Promise<unknown>;
}) {
  return { ...createWaves(deps), ...createPacking(deps), ...createCases(deps) };
}

export type Fulfilment = ReturnType<typeof createFulfilment>;
