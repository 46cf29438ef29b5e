import type { Database } from '../../platform/db/database.ts';
import { fromMinor } from '../../platform/money.ts';
import type { IssueCandidate } from './ports.ts';
import { reviewRepository } from './review.repository.ts';

/** Refunds issued in a week on one channel, as the after-sales module counts them. */
export interface ChannelRefunds {
  channelId: string;
  currency: string;
  refunds: number;
  amountMinor: number;
}

/**
 * Finance's issues from Ordo's own data for the week under review: the money refunded per
 * channel, and settlement differences — per channel, what the orders placed that week say the
 * buyers owe (order totals) against what the channel reported as paid, where they differ.
 */
export async function financeSignals(
  database: Database,
  from: Date,
  to: Date,
  refunds: readonly ChannelRefunds[],
): Promise<IssueCandidate[]> {
  const settlement = await reviewRepository.settlementByChannel(
    database.db,
    from.toISOString(),
    to.toISOString(),
  );
  const differences = settlement
    .map((r) => ({
      ...r,
      expected: Number(r.expected_minor ?? 0),
      paid: Number(r.paid_minor ?? 0),
    }))
    .filter((r) => r.expected !== r.paid)
    .map((r) => ({
      department: 'finance' as const,
      key: `settlement:${r.channel_id}:${r.currency}`,
      title:
        `Settlement difference on ${r.channel_id}: paid ${fromMinor(r.paid, r.currency)} ` +
        `vs expected ${fromMinor(r.expected, r.currency)} ${r.currency}`,
      detail: `${Number(r.orders)} orders with a recorded payment; difference ${fromMinor(r.paid - r.expected, r.currency)} ${r.currency}`,
    }));
  const refunded = refunds
    .filter((r) => r.refunds > 0)
    .map((r) => ({
      department: 'finance' as const,
      key: `refunds:${r.channelId}:${r.currency}`,
      title: `${r.refunds} refunds on ${r.channelId}: ${fromMinor(r.amountMinor, r.currency)} ${r.currency}`,
      detail: null,
    }));
  return [...refunded, ...differences];
}
