import type { Database } from '../../platform/db/database.ts';
import type { DataPack } from './ports.ts';
import { reviewRepository } from './review.repository.ts';

/**
 * The order counts of the "Reports" JSON for a period, from the orders read view: the pack the
 * meeting gets until the weekly report fills the `dataPack` port with its full figures.
 */
export async function ordersDataPack(
  database: Database,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<DataPack> {
  const rows = await reviewRepository.ordersPlaced(database.db, from.toISOString(), to.toISOString());
  const byStatus: Record<string, number> = {};
  const byChannel: Record<string, number> = {};
  for (const row of rows) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    byChannel[row.channel_id] = (byChannel[row.channel_id] ?? 0) + 1;
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    timeZone,
    orders: { received: rows.length, byStatus, byChannel },
  };
}
