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
  /** Orders sent through the batch endpoint of a fresh SQLite server for the memory check; 0 skips it. */
  rssOrders: number;
}

/** The run the brief asks for: 6,000 single orders over 32 clients, 20 batches of 1,000 over 2. */
export const fullPlan = {
  warmupOrders: 500,
  singleOrders: 6000,
  clients: 32,
  // Two per batch client: with intake threads, every thread has run before the clock starts.
  warmupBatches: 4,
  batches: 20,
  batchSize: 1000,
  batchClients: 2,
};
export const quickPlan = { ...fullPlan, warmupOrders: 100, singleOrders: 1000, batches: 4 };
/** The same orders go to the server and to the bound. */
export interface Workload {
  warmup: CanonicalOrder[];
  single: CanonicalOrder[];
  warmupBatches: CanonicalOrder[][];
  batches: CanonicalOrder[][];
}

export function makeWorkload(plan: Plan): Workload {
  const factory = new OrderFactory('bench');
  const batches = (count: number) => Array.from({ length: count }, () => factory.take(plan.batchSize));
  return {
    warmup: factory.take(plan.warmupOrders),
    single: factory.take(plan.singleOrders),
    warmupBatches: batches(plan.warmupBatches),
    batches: batches(plan.batches),
  };
}

/** Orders in a list of batches. */
export const countOf = (groups: CanonicalOrder[][]) => groups.reduce((sum, g) => sum + g.length, 0);
