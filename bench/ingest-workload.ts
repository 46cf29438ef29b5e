/** How many orders each case of the ingest benchmark sends, and the orders themselves. */
import type { CanonicalOrder } from '../src/contracts/orders.ts';
import { OrderFactory } from './support/orders.ts';

export interface Plan {
  warmupOrders: number;
  singleOrders: number;
  /** Concurrent keep-alive HTTP clients for single orders (and bound workers on PostgreSQL). */
  clients: number;
  warmupBatches: number;
  batches: number;
  batchSize: number;
  batchClients: number;
  /**
   * The timed orders are split into rounds, each measuring the server and then the bound on the
   * same orders; the ratios reported are the medians over rounds, so a slow minute on a shared
   * machine moves one round, not the result.
   */
  rounds: number;
  /** Orders sent through the batch endpoint of a fresh SQLite server for the memory check; 0 skips it. */
  rssOrders: number;
}

/** Single orders over 32 clients and batches of 1,000 over 2, in 5 rounds of 2,000 singles and 7 batches. */
export const fullPlan = {
  warmupOrders: 2000,
  singleOrders: 10_000,
  clients: 32,
  // Several per intake thread: the threads' code is optimised before the clock starts.
  warmupBatches: 10,
  batches: 35,
  batchSize: 1000,
  batchClients: 2,
  rounds: 5,
};
export const quickPlan = { ...fullPlan, warmupOrders: 100, singleOrders: 1000, batches: 4, rounds: 1 };
/** The same orders go to the server and to the bound. */
export interface Workload {
  warmup: CanonicalOrder[];
  warmupBatches: CanonicalOrder[][];
  rounds: { single: CanonicalOrder[]; batches: CanonicalOrder[][] }[];
}

export function makeWorkload(plan: Plan): Workload {
  const factory = new OrderFactory('bench');
  const batches = (count: number) => Array.from({ length: count }, () => factory.take(plan.batchSize));
  const warmup = factory.take(plan.warmupOrders);
  const warmupBatches = batches(plan.warmupBatches);
  const share = (total: number, round: number) =>
    Math.round((total * (round + 1)) / plan.rounds) - Math.round((total * round) / plan.rounds);
  const rounds = Array.from({ length: plan.rounds }, (_, round) => ({
    single: factory.take(share(plan.singleOrders, round)),
    batches: batches(share(plan.batches, round)),
  }));
  return { warmup, warmupBatches, rounds };
}

/** Orders in a list of batches. */
export const countOf = (groups: CanonicalOrder[][]) => groups.reduce((sum, g) => sum + g.length, 0);
