import type { Database } from '../../platform/db/database.ts';
import type { Department } from './agenda.ts';
import type { DataPack, IssueCandidate } from './ports.ts';
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

/** Hold reasons that wait on the customer (customer service) and on money (finance). */
const holdDepartments: Record<string, Department> = {
  CONTACT_MISSING: 'customer_service',
  ADDRESS_INCOMPLETE: 'customer_service',
  BUYER_NOTE: 'customer_service',
  PAYMENT_PENDING: 'finance',
  AMOUNT_MISMATCH: 'finance',
};

/**
 * Orders on hold for reasons a department owns, one issue per reason with its count: customer
 * service chases contacts and addresses, finance chases payments and amounts that do not match.
 */
export async function heldOrderSignals(database: Database): Promise<IssueCandidate[]> {
  const held = await reviewRepository.heldOrderCodes(database.db);
  const counts = new Map<string, number>();
  for (const row of held) {
    for (const code of row.hold_codes.split(',').filter((c) => holdDepartments[c]))
      counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].map(([code, count]) => ({
    department: holdDepartments[code]!,
    key: `hold:${code}`,
    title: `${count} orders on hold: ${code}`,
    detail: null,
  }));
}
