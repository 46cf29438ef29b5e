import type { z } from 'zod';
import type { zoneRunPlan, zoneRunsBody } from '../../contracts/fulfilment.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { planZoneRuns, stopsByAddress } from './route-planning/index.ts';
import { shipmentsRepository } from './shipments.repository.ts';

/**
 * The riders' runs for today's same-day parcels: every same-day order packed and not shipped
 * (one still waiting from yesterday is late and rides today too), one stop per door, run by
 * zone (docs/routes.md "From the day's orders"). No parcel waiting is no run, not an error.
 */
export async function planSameDayRuns(
  database: Database,
  fleet: z.infer<typeof zoneRunsBody>,
): Promise<z.infer<typeof zoneRunPlan>> {
  const parcels = await shipmentsRepository.packedSameDay(database.db);
  const stops = stopsByAddress(parcels.map((row) => ({ orderNumber: row.number, ...row })));
  const result = planZoneRuns(stops, fleet);
  if (result.kind === 'unplannable')
    throw new AppError('UNPLANNABLE', `stops: ${result.reason}`, { field: 'stops' });
  return { orderCount: parcels.length, stopCount: stops.length, capacity: fleet.capacity, runs: result.runs };
}
