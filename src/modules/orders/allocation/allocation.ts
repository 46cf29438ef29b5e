import { systemActor } from '../../../platform/actor.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import type { Row } from '../../../platform/db/schema.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { Logger } from '../../../platform/logger.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import type { Catalog } from '../../catalog/index.ts';
import { type Inventory, reserveForOrders } from '../../inventory/index.ts';
import { changeOrdersStatus, type StatusChange } from '../edits/status-changes.ts';
import { allocationRepository as repo } from './allocation.repository.ts';

export interface AllocationDeps {
  database: Database;
  clock: Clock;
  catalog: Pick<Catalog, 'skuStates'>;
  inventory: Pick<Inventory, 'warehouses' | 'settings'>;
  metrics?: Metrics;
}

type Candidate = Pick<
  Row<'orders'>,
  'id' | 'number' | 'status' | 'ship_country' | 'ship_province' | 'ship_city'
>;

const batchSize = 50;
/** PostgreSQL's codes for a deadlock and a serialisation failure: the batch is simply retried. */
const retryableCodes = new Set(['40P01', '40001']);

/**
 * Allocation, the pipeline step after approval: approved orders in queue order (priority, then
 * ship-by) get a warehouse and reserved stock and become `allocated`, or `backordered` when
 * stock is short. Backordered orders are tried again when stock arrives, in the same order,
 * so the most urgent order gets the first units back.
 */
export function createAllocation(deps: AllocationDeps) {
  const { database, clock, catalog, inventory, metrics } = deps;

  /** Allocates every approved order; several workers may run this at once. */
  async function allocateApproved(): Promise<{ allocated: number; backordered: number }> {
    return allocateAll('approved');
  }

  /** Tries backordered orders again (those holding one of the SKUs, or all), most urgent first. */
  async function allocateBackorders(skuIds?: readonly string[]) {
    if (!skuIds) return allocateAll('backordered');
    if (skuIds.length === 0) return { allocated: 0, backordered: 0 };
    return allocateAll('backordered', await repo.skuCodesOfIds(database.db, skuIds));
  }

  async function allocateAll(status: 'approved' | 'backordered', skuCodes?: readonly string[]) {
    const totals = { allocated: 0, backordered: 0 };
    const seen = new Set<string>();
    for (;;) {
      const batch = await withRetry(() => allocateBatch(status, seen, skuCodes));
      totals.allocated += batch.allocated;
      totals.backordered += batch.backordered;
      if (batch.candidates < batchSize) return totals;
    }
  }

  async function allocateBatch(status: string, seen: Set<string>, skuCodes?: readonly string[]) {
    const [warehouses, settings] = await Promise.all([
      inventory.warehouses.active(),
      inventory.settings.get(),
    ]);
    const now = clock.now();
    return inTransaction(database, async (tx) => {
      const candidates = await claimCandidates(tx, status, [...seen], skuCodes);
      const outcome = { candidates: candidates.length, allocated: 0, backordered: 0 };
      const lines = await linesOf(
        tx,
        candidates.map((c) => c.id),
      );
      const states = await catalog.skuStates(tx, [...new Set([...lines.values()].flat().map((l) => l.sku))]);
      const requests = candidates.map((order) => {
        const reservable = (lines.get(order.id) ?? []).filter((l) => !states.get(l.sku)?.isMadeToOrder);
        return {
          orderId: order.id,
          lines: reservable.map((l) => ({
            lineId: String(l.line_no),
            // An unknown SKU cannot be in stock: it routes as short, never as found.
            skuId: states.get(l.sku)?.id ?? `unknown:${l.sku}`,
            quantity: l.quantity,
          })),
          address: {
            country: order.ship_country,
            province: order.ship_province ?? '',
            city: order.ship_city,
          },
        };
      });
      const results = await reserveForOrders(tx, systemActor, now, requests, warehouses, {
        allowSplit: settings.allowSplit,
      });
      const codeOfSku = new Map([...states].map(([code, state]) => [state.id, code]));
      const whCode = (id: string) => warehouses.find((w) => w.id === id)?.code ?? id;
      const changes = candidates.flatMap((order, i): (StatusChange & { order: Candidate })[] => {
        const result = results[i];
        if (result.outcome === 'reserved') {
          const codes = result.warehouseIds.map(whCode);
          outcome.allocated++;
          return [
            {
              order,
              to: 'allocated' as const,
              reason: codes.length > 0 ? `stock reserved in ${codes.join(', ')}` : 'nothing to reserve',
              event: { type: 'allocated', data: { warehouses: codes } },
            },
          ];
        }
        // Still short: a backordered order simply stays where it is.
        if (order.status !== 'approved') return [];
        outcome.backordered++;
        const shortages = result.shortages.map((s) => ({
          ...s,
          sku: codeOfSku.get(s.skuId) ?? s.skuId.replace(/^unknown:/, ''),
        }));
        return [
          {
            order,
            to: 'backordered' as const,
            reason: `short: ${shortages.map((s) => `${s.sku} ${s.available}/${s.needed}`).join(', ')}`,
            event: { type: 'backordered', data: { shortages } },
          },
        ];
      });
      for (const order of candidates) seen.add(order.id);
      await changeOrdersStatus(tx, systemActor, now, changes);
      metrics?.ordersTransitioned.inc({ to: 'allocated' }, outcome.allocated);
      metrics?.ordersTransitioned.inc({ to: 'backordered' }, outcome.backordered);
      return outcome;
    });
  }

  /** The next orders in queue order; on PostgreSQL locked rows are skipped, so workers share the work. */
  async function claimCandidates(
    tx: Executor,
    status: string,
    seen: string[],
    skuCodes?: readonly string[],
  ): Promise<Candidate[]> {
    // Backorders still short stay backordered: skip those this run has already tried.
    const skip = status === 'backordered' ? seen : [];
    return repo.nextInQueue(tx, database.dialect, { status, seen: skip, skuCodes }, batchSize);
  }

  async function withRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 5 || !code || !retryableCodes.has(code)) throw error;
      }
    }
  }

  /** Units backordered customers wait for, per SKU code (replenishment counts them as demand due). */
  async function backorderedUnits(): Promise<Map<string, number>> {
    const rows = await repo.backorderedUnitsBySku(database.db);
    return new Map(rows.map((r) => [r.sku, Number(r.units)]));
  }

  return { allocateApproved, allocateBackorders, backorderedUnits };
}

async function linesOf(tx: Executor, orderIds: string[]) {
  const byOrder = new Map<string, Pick<Row<'order_lines'>, 'line_no' | 'sku' | 'quantity'>[]>();
  if (orderIds.length === 0) return byOrder;
  const rows = await repo.linesOfOrders(tx, orderIds);
  for (const row of rows) {
    const list = byOrder.get(row.order_id) ?? [];
    list.push(row);
    byOrder.set(row.order_id, list);
  }
  return byOrder;
}

/** Runs allocation soon after something was approved, at most one run at a time per process. */
export function allocationRunner(run: () => Promise<unknown>, logger: Logger) {
  let running: Promise<unknown> | null = null;
  let isAgain = false;
  const start = (): Promise<unknown> => {
    running = run()
      .catch((error) => logger.error({ err: error }, 'allocation failed'))
      .finally(() => {
        running = null;
        if (isAgain) {
          isAgain = false;
          start();
        }
      });
    return running;
  };
  return {
    /** Asks for a run; a request during a run makes one more run after it. */
    wake(): Promise<unknown> {
      if (running) {
        isAgain = true;
        return running;
      }
      return start();
    },
    idle: () => running ?? Promise.resolve(),
  };
}
